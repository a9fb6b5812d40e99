import Foundation
import NewsDomain
import NewsStore
import NewsTestSupport
import PostgresNIO
import Testing

@testable import NewsStorePostgres
@testable import NewsStoreSQLite

/// The stores a webhook test uses.
typealias WebhookTestStore = WebhookStore & UserStore & AuditLog & ArticleStore

/// Webhooks and their outbox. The editorial transitions that write deliveries are not on every backend yet, so the
/// deliveries here are written straight into the outbox table (`OutboxRows`), the same rows on both backends.
@Suite("Webhooks and the delivery outbox", .tags(.postgres), .timeLimit(.minutes(2)))
struct WebhookStoreTests {
    static let lease: TimeInterval = 120

    /// An administrator and a webhook listening to `events`.
    static func hook(
        _ store: any WebhookTestStore, _ events: Set<WebhookEvent> = [.published], url: String = "https://nhan.example/hook"
    ) async throws -> (User, Webhook) {
        let admin = try await store.createUser(
            NewUser(email: "qt-\(UUID())@bao.example", name: "Hoàng Quản Trị", roles: [.administrator], passwordHash: "h"),
            now: Fixtures.now
        )
        let hook = try await store.createWebhook(
            url: url, events: events, description: "Hệ thống nhận tin", secret: "whsec_thu_1234", actor: admin, now: Fixtures.now
        )
        return (admin, hook)
    }

    @Test("a webhook is stored with its events and only a hint of its secret, audited, listed oldest first",
          arguments: Backend.allCases)
    func create(_ backend: Backend) async throws {
        try await backend.withStore { (store: any WebhookTestStore) async throws in
            #expect(try await store.webhooks().isEmpty)
            let (admin, hook) = try await Self.hook(store, [.unpublished, .published])
            #expect(hook.url == "https://nhan.example/hook")
            #expect(hook.events == [.published, .unpublished])
            #expect(hook.description == "Hệ thống nhận tin")
            #expect(hook.secretHint == "1234")
            #expect(hook.createdAt == Fixtures.now)
            #expect(hook.createdByName == "Hoàng Quản Trị")
            #expect(try await store.webhook(id: hook.id) == hook)
            #expect(try await store.webhook(id: WebhookID(999)) == nil)
            let (_, second) = try await Self.hook(store, Set(WebhookEvent.allCases), url: "https://khac.example/")
            #expect(try await store.webhooks() == [hook, second])
            let audit = try await store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 10)).items
            #expect(audit.count == 2)
            let events = WebhookEvent.allCases.filter([WebhookEvent.published, .unpublished].contains).map(\.rawValue)
            #expect(audit.last?.note == "#\(hook.id) https://nhan.example/hook (\(events.joined(separator: " ")))")
            #expect(audit.last?.action == "webhook.create")
            #expect(audit.last?.userID == admin.id)
            #expect(try await store.webhookDeliveries(webhookID: hook.id, page: PageRequest(number: 1, size: 10)).totalCount == 0)
        }
    }

    @Test("a claim is a lease: concurrent claims never share a delivery, and none is handed out again until the lease ends",
          arguments: Backend.allCases)
    func claims(_ backend: Backend) async throws {
        try await backend.withStore { (store: any WebhookTestStore) async throws in
            let (_, hook) = try await Self.hook(store)
            let article = try await OutboxRows.article(store)
            let now = Fixtures.now
            try await OutboxRows.insert(store, webhook: hook.id, article: article, count: 12, due: now)
            async let first = store.claimDueWebhookDeliveries(now: now, limit: 8, lease: Self.lease)
            async let second = store.claimDueWebhookDeliveries(now: now, limit: 8, lease: Self.lease)
            let (a, b) = try await (first, second)
            #expect(Set(a.map(\.id)).isDisjoint(with: b.map(\.id)))
            #expect(a.count + b.count == 12)
            #expect(try await store.claimDueWebhookDeliveries(now: now.addingTimeInterval(Self.lease - 1), limit: 100, lease: Self.lease).isEmpty)
            let reclaimed = try await store.claimDueWebhookDeliveries(now: now.addingTimeInterval(Self.lease), limit: 100, lease: Self.lease)
            #expect(reclaimed.count == 12, "a node that died mid-delivery leaves its claims to the others")
            #expect(reclaimed.map(\.id) == reclaimed.map(\.id).sorted(), "due together: in the order they were written")
            #expect(try await store.claimDueWebhookDeliveries(now: now.addingTimeInterval(Self.lease * 3), limit: 0, lease: Self.lease).isEmpty)
        }
    }

    @Test("a claimed delivery carries the webhook's address and secret and the article's facts as written",
          arguments: Backend.allCases)
    func claimedFacts(_ backend: Backend) async throws {
        try await backend.withStore { (store: any WebhookTestStore) async throws in
            let (_, hook) = try await Self.hook(store)
            let article = try await OutboxRows.article(store)
            try await OutboxRows.insert(store, webhook: hook.id, article: article, count: 1, due: Fixtures.now)
            #expect(try await store.claimDueWebhookDeliveries(now: Fixtures.now.addingTimeInterval(-1), limit: 10, lease: Self.lease).isEmpty)
            let delivery = try #require(try await store.claimDueWebhookDeliveries(now: Fixtures.now, limit: 10, lease: Self.lease).first)
            #expect(delivery.webhookID == hook.id)
            #expect(delivery.url == "https://nhan.example/hook")
            #expect(delivery.secret == "whsec_thu_1234")
            #expect(delivery.event == .published)
            #expect(delivery.occurredAt == Fixtures.now)
            #expect(delivery.status == .pending && delivery.attempts == 0)
            #expect(delivery.nextAttemptAt == Fixtures.now)
            #expect(delivery.article == WebhookArticleFacts(
                id: article, slug: "bai-giao", title: "Bài “giao” & thử", sapo: "Sapo", sectionSlug: "kinh-te",
                sectionName: "Kinh tế", publishedAt: Fixtures.now.addingTimeInterval(-60), updatedAt: Fixtures.now.addingTimeInterval(-120)
            ))
        }
    }

    @Test("an attempt ends the claim: delivered, or pending until the retry time, or given up; the log keeps every attempt",
          arguments: Backend.allCases)
    func attempts(_ backend: Backend) async throws {
        try await backend.withStore { (store: any WebhookTestStore) async throws in
            let (_, hook) = try await Self.hook(store)
            let article = try await OutboxRows.article(store)
            let now = Fixtures.now
            try await OutboxRows.insert(store, webhook: hook.id, article: article, count: 2, due: now)
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
            // An attempt on a delivery that is gone (its webhook deleted meanwhile) is dropped without an error.
            try await store.recordWebhookAttempt(
                deliveryID: 999_999, at: now, outcome: WebhookAttemptOutcome(statusCode: 204, error: nil, duration: .zero), retryAt: nil
            )

            let log = try await store.webhookDeliveries(webhookID: hook.id, page: PageRequest(number: 1, size: 10))
            #expect(log.totalCount == 2)
            #expect(log.items.map(\.id) == [bad.id, good.id], "newest first")
            let byID = Dictionary(uniqueKeysWithValues: log.items.map { ($0.id, $0) })
            #expect(byID[good.id]?.status == .delivered)
            #expect(byID[good.id]?.attempts.map(\.outcome.statusCode) == [204])
            #expect(byID[bad.id]?.status == .failed)
            #expect(byID[bad.id]?.nextAttemptAt == nil)
            #expect(byID[bad.id]?.attempts.map(\.number) == [1, 2])
            #expect(byID[bad.id]?.attempts.map(\.outcome.statusCode) == [503, nil])
            #expect(byID[bad.id]?.attempts.map(\.outcome.error) == [nil, "timed out after 10 s"])
            #expect(byID[bad.id]?.attempts.map(\.outcome.duration) == [.milliseconds(42), .seconds(10)])
            #expect(byID[bad.id]?.attempts.map(\.at) == [now, now.addingTimeInterval(60)])
            #expect(byID[bad.id]?.title == "Bài “giao” & thử" && byID[bad.id]?.articleID == article)
            let second = try await store.webhookDeliveries(webhookID: hook.id, page: PageRequest(number: 2, size: 1))
            #expect(second.items.map(\.id) == [good.id])
            #expect(second.totalCount == 2)
        }
    }

    @Test("removing a webhook removes its pending deliveries and is audited", arguments: Backend.allCases)
    func delete(_ backend: Backend) async throws {
        try await backend.withStore { (store: any WebhookTestStore) async throws in
            let (admin, hook) = try await Self.hook(store)
            let article = try await OutboxRows.article(store)
            try await OutboxRows.insert(store, webhook: hook.id, article: article, count: 3, due: Fixtures.now)
            try await store.deleteWebhook(id: hook.id, actor: admin, now: Fixtures.now)
            #expect(try await store.webhooks().isEmpty)
            #expect(try await store.claimDueWebhookDeliveries(now: Fixtures.now, limit: 100, lease: Self.lease).isEmpty)
            #expect(try await store.webhookDeliveries(webhookID: hook.id, page: PageRequest(number: 1, size: 10)).totalCount == 0)
            let error = await #expect(throws: StorageError.self) {
                try await store.deleteWebhook(id: hook.id, actor: admin, now: Fixtures.now)
            }
            #expect(error == .notFound("webhook \(hook.id)"))
            let audit = try await store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 10)).items
            #expect(audit.map(\.action) == ["webhook.delete", "webhook.create"])
            #expect(audit.first?.note == "#\(hook.id) https://nhan.example/hook")
            #expect(audit.first?.actorName == admin.name)
        }
    }
}

/// Outbox rows written straight into `webhook_deliveries`, as a publishing transition would write them.
enum OutboxRows {
    /// An article to point the deliveries at, imported as published.
    static func article(_ store: any WebhookTestStore) async throws -> ArticleID {
        let ids = try await Fixtures.importNew(store, [Fixtures.input(id: "giao", section: "kinh-te")])
        return try #require(ids["giao"])
    }

    /// Writes `count` pending "published" deliveries for `webhook` about `article`, all due at `due`.
    static func insert(_ store: any WebhookTestStore, webhook: WebhookID, article: ArticleID, count: Int, due: Date) async throws {
        let statements = (0..<count).map { _ in
            """
            INSERT INTO webhook_deliveries (webhook_id, event, occurred_at, article_id, slug, title, sapo, section_slug,
                section_name, published_at, updated_at, status, attempts, next_attempt_at)
            VALUES (\(webhook.rawValue), '\(WebhookEvent.published.rawValue)', \(due.timeIntervalSince1970), \(article.rawValue), 'bai-giao',
                'Bài “giao” & thử', 'Sapo', 'kinh-te', 'Kinh tế', \(due.timeIntervalSince1970 - 60),
                \(due.timeIntervalSince1970 - 120), 'pending', 0, \(due.timeIntervalSince1970))
            """
        }
        switch store {
        case let sqlite as SQLiteNewsStore:
            try await sqlite.write { db in
                for statement in statements { try db.execute(sql: statement) }
            }
        case let postgres as PostgresNewsStore:
            try await postgres.write { session in
                for statement in statements { try await session.execute(PostgresQuery(unsafeSQL: statement)) }
            }
        default:
            Issue.record("no way to write outbox rows into \(type(of: store))")
        }
    }
}
