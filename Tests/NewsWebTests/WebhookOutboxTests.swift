import Foundation
import GRDB
import NewsDomain
import NewsStore
@testable import NewsStoreSQLite
import NewsTestSupport
import Testing

/// The webhook outbox in the store: which transitions write which event for which webhook, in the transition's own
/// transaction, and how deliveries are claimed and their attempts recorded.
@Suite("Webhook outbox")
struct WebhookOutboxTests {
    static let lease: TimeInterval = 120

    static func hook(_ store: SQLiteNewsStore, _ desk: Newsdesk, _ events: Set<WebhookEvent>, url: String = "https://nhan.example/hook") async throws -> Webhook {
        let admin = try await store.createUser(NewUser(email: "qt-\(UUID())@bao.example", name: "Quản Trị", roles: [.administrator], passwordHash: "h"), now: Fixtures.now)
        return try await store.createWebhook(url: url, events: events, description: "", secret: "whsec_thu", actor: admin, now: Fixtures.now)
    }

    /// Every delivery due at `now`, claimed (and so not handed out again until the lease ends).
    static func claim(_ store: SQLiteNewsStore, at now: Date = Newsdesk.time(60)) async throws -> [WebhookDelivery] {
        try await store.claimDueWebhookDeliveries(now: now, limit: 100, lease: lease)
    }

    @Test("a publication writes one pending delivery per interested webhook, with the article's facts, in the publish transaction")
    func publishWritesOutbox() async throws {
        let store = try await Fixtures.emptyStore()
        let desk = try await Newsdesk.make(store)
        let all = try await Self.hook(store, desk, Set(WebhookEvent.allCases))
        _ = try await Self.hook(store, desk, [.unpublished])
        let article = try await desk.published("Tin “nóng” & mới")
        let deliveries = try await Self.claim(store)
        #expect(deliveries.count == 1)
        let delivery = try #require(deliveries.first)
        #expect(delivery.webhookID == all.id)
        #expect(delivery.event == .published)
        #expect(delivery.secret == "whsec_thu")
        #expect(delivery.url == "https://nhan.example/hook")
        #expect(delivery.attempts == 0 && delivery.status == .pending)
        #expect(delivery.occurredAt == Newsdesk.time(-60))
        #expect(delivery.article == WebhookArticleFacts(
            id: article.id, slug: "tin-nong-moi", title: "Tin “nóng” & mới", sapo: "Sapo của bài “Tin “nóng” & mới”.",
            sectionSlug: "kinh-te", sectionName: "Kinh tế", publishedAt: Newsdesk.time(-60), updatedAt: Newsdesk.time(-120)
        ))
    }

    @Test("when the outbox cannot be written, the publication is rolled back with it: nothing half-done")
    func sameTransaction() async throws {
        let store = try await Fixtures.emptyStore()
        let desk = try await Newsdesk.make(store)
        _ = try await Self.hook(store, desk, [.published])
        let article = try await desk.approved("Bài không được xuất bản nửa vời")
        try await store.writer.write { db in try db.execute(sql: "DROP TABLE webhook_attempts; DROP TABLE webhook_deliveries") }
        let sequence = try await store.latestChangeSequence()
        await #expect(throws: (any Error).self) {
            try await desk.act(.publish, article.id, by: desk.editorInChief, now: Newsdesk.time(-30))
        }
        #expect(try await store.publishedArticle(id: article.id, now: Fixtures.now) == nil)
        #expect(try await store.editorialArticle(id: article.id, now: Fixtures.now)?.state == WorkflowState(.approved))
        #expect(try await store.latestChangeSequence() == sequence, "no change-log entry either")
        let audit = try await store.auditEntries(articleID: article.id, page: PageRequest(number: 1, size: 50)).items
        #expect(!audit.contains { $0.action == "article.publish" })
    }

    @Test("each event reaches the webhooks that asked for it; steps readers do not see write nothing")
    func events() async throws {
        let store = try await Fixtures.emptyStore()
        let desk = try await Newsdesk.make(store)
        let everything = try await Self.hook(store, desk, Set(WebhookEvent.allCases))
        let takedowns = try await Self.hook(store, desk, [.unpublished])
        let draft = try await desk.approved("Bài theo dõi sự kiện")
        #expect(try await Self.claim(store).isEmpty, "drafting, submitting and approving are not visible to readers")

        try await desk.act(.publish, draft.id, by: desk.editorInChief, now: Newsdesk.time(-60))
        try await desk.act(.correct, draft.id, by: desk.copyDesk, note: "Sửa tên nhân vật", now: Newsdesk.time(-50))
        let live = try #require(try await store.editorialArticle(id: draft.id, now: Fixtures.now))
        try await FeedTestDesk(desk).republish(live, title: "Bài theo dõi sự kiện (cập nhật)", slug: "bai-cap-nhat")
        // A revision saved but not yet live is invisible to readers: no event.
        let again = try #require(try await store.editorialArticle(id: draft.id, now: Fixtures.now))
        try await desk.retitle(again, "Bản sửa chưa duyệt", by: desk.reporter, now: Newsdesk.time(-10))
        try await desk.act(.takedown, draft.id, by: desk.editorInChief, note: "Gỡ theo yêu cầu", now: Newsdesk.time(-5))

        let deliveries = try await Self.claim(store).sorted { $0.id < $1.id }
        let forEverything = deliveries.filter { $0.webhookID == everything.id }
        #expect(forEverything.map(\.event) == [.published, .updated, .updated, .unpublished])
        #expect(forEverything.map(\.article.title) == [
            "Bài theo dõi sự kiện", "Bài theo dõi sự kiện", "Bài theo dõi sự kiện (cập nhật)", "Bài theo dõi sự kiện (cập nhật)",
        ])
        #expect(forEverything.last?.article.slug == "bai-cap-nhat", "a takedown names the version readers last saw")
        #expect(deliveries.filter { $0.webhookID == takedowns.id }.map(\.event) == [.unpublished])
    }

    @Test("the scheduler's publication writes article.published when it happens, not when it is scheduled")
    func scheduled() async throws {
        let store = try await Fixtures.emptyStore()
        let desk = try await Newsdesk.make(store)
        _ = try await Self.hook(store, desk, [.published])
        let article = try await desk.approved("Bài hẹn giờ")
        try await desk.act(.schedule, article.id, by: desk.editorInChief, at: Newsdesk.time(30), now: Newsdesk.time(-30))
        #expect(try await Self.claim(store, at: Newsdesk.time(10)).isEmpty)
        #expect(try await store.publishDueArticles(now: Newsdesk.time(31), workflow: desk.workflow) == [article.id])
        let deliveries = try await Self.claim(store, at: Newsdesk.time(31))
        #expect(deliveries.map(\.event) == [.published])
        #expect(deliveries.first?.occurredAt == Newsdesk.time(31))
    }

    @Test("a claim is a lease: concurrent claims never share a delivery, and none is handed out again until the lease ends")
    func claims() async throws {
        let store = try await Fixtures.emptyStore()
        let desk = try await Newsdesk.make(store)
        _ = try await Self.hook(store, desk, [.published])
        for number in 1...12 { _ = try await desk.published("Bài số \(number)") }
        let now = Newsdesk.time(0)
        async let first = store.claimDueWebhookDeliveries(now: now, limit: 8, lease: Self.lease)
        async let second = store.claimDueWebhookDeliveries(now: now, limit: 8, lease: Self.lease)
        let (a, b) = try await (first, second)
        #expect(Set(a.map(\.id)).isDisjoint(with: b.map(\.id)))
        #expect(a.count + b.count == 12)
        #expect(try await store.claimDueWebhookDeliveries(now: now.addingTimeInterval(Self.lease - 1), limit: 100, lease: Self.lease).isEmpty)
        let reclaimed = try await store.claimDueWebhookDeliveries(now: now.addingTimeInterval(Self.lease), limit: 100, lease: Self.lease)
        #expect(reclaimed.count == 12, "a node that died mid-delivery leaves its claims to the others")
    }

    @Test("an attempt ends the claim: delivered, or pending until the retry time, or given up; the log keeps every attempt")
    func attempts() async throws {
        let store = try await Fixtures.emptyStore()
        let desk = try await Newsdesk.make(store)
        let hook = try await Self.hook(store, desk, [.published])
        _ = try await desk.published("Bài giao thử")
        _ = try await desk.published("Bài giao thất bại")
        let now = Newsdesk.time(0)
        let claimed = try await store.claimDueWebhookDeliveries(now: now, limit: 10, lease: Self.lease).sorted { $0.id < $1.id }
        #expect(claimed.count == 2)
        let (good, bad) = (claimed[0], claimed[1])
        try await store.recordWebhookAttempt(
            deliveryID: bad.id, at: now, outcome: WebhookAttemptOutcome(statusCode: 503, error: nil, duration: .milliseconds(42)),
            retryAt: now.addingTimeInterval(60)
        )
        try await store.recordWebhookAttempt(
            deliveryID: good.id, at: now, outcome: WebhookAttemptOutcome(statusCode: 204, error: nil, duration: .milliseconds(7)), retryAt: nil
        )
        #expect(try await store.claimDueWebhookDeliveries(now: now.addingTimeInterval(59), limit: 10, lease: Self.lease).isEmpty)
        let retry = try await store.claimDueWebhookDeliveries(now: now.addingTimeInterval(60), limit: 10, lease: Self.lease)
        #expect(retry.map(\.id) == [bad.id])
        #expect(retry.first?.attempts == 1)
        try await store.recordWebhookAttempt(
            deliveryID: bad.id, at: now.addingTimeInterval(60),
            outcome: WebhookAttemptOutcome(statusCode: nil, error: "timed out after 10 s", duration: .seconds(10)), retryAt: nil
        )
        #expect(try await store.claimDueWebhookDeliveries(now: now.addingTimeInterval(86_400 * 30), limit: 10, lease: Self.lease).isEmpty)

        let log = try await store.webhookDeliveries(webhookID: hook.id, page: PageRequest(number: 1, size: 10))
        #expect(log.totalCount == 2)
        let byID = Dictionary(uniqueKeysWithValues: log.items.map { ($0.id, $0) })
        #expect(byID[good.id]?.status == .delivered)
        #expect(byID[good.id]?.attempts.map(\.outcome.statusCode) == [204])
        #expect(byID[bad.id]?.status == .failed)
        #expect(byID[bad.id]?.nextAttemptAt == nil)
        #expect(byID[bad.id]?.attempts.map(\.number) == [1, 2])
        #expect(byID[bad.id]?.attempts.map(\.outcome.statusCode) == [503, nil])
        #expect(byID[bad.id]?.attempts.map(\.outcome.error) == [nil, "timed out after 10 s"])
        #expect(byID[bad.id]?.attempts.map(\.outcome.duration) == [.milliseconds(42), .seconds(10)])
    }

    @Test("removing a webhook removes its pending deliveries and is audited")
    func delete() async throws {
        let store = try await Fixtures.emptyStore()
        let desk = try await Newsdesk.make(store)
        let hook = try await Self.hook(store, desk, [.published])
        _ = try await desk.published("Bài trước khi xóa")
        let admin = try #require(try await store.users().first { $0.roles.contains(.administrator) })
        try await store.deleteWebhook(id: hook.id, actor: admin, now: Fixtures.now)
        #expect(try await store.webhooks().isEmpty)
        #expect(try await Self.claim(store).isEmpty)
        await #expect(throws: StorageError.self) { try await store.deleteWebhook(id: hook.id, actor: admin, now: Fixtures.now) }
        let audit = try await store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 50)).items.map(\.action)
        #expect(audit.contains("webhook.create") && audit.contains("webhook.delete"))
    }
}
