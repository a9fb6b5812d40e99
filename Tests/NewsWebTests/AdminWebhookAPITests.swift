import Foundation
import Hummingbird
import HummingbirdTesting
import NewsDomain
import NewsStore
import NewsTestSupport
import NewsWeb
import Testing

@Suite("Admin API: webhooks, for administrators only")
struct AdminWebhookAPITests {
    static func login(_ site: TestSite, _ client: some TestClientProtocol, _ role: Role) async throws -> HTTPFields {
        try await AdminArticleAPITests.login(site, client, role)
    }

    static func send(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ headers: HTTPFields, _ body: String? = nil
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await AdminArticleAPITests.send(client, method, uri, headers, body)
    }

    @Test("an administrator registers a webhook and sees its secret once; the list shows only a hint; the act is audited")
    func register() async throws {
        try await TestSite.run { site, _, client in
            let admin = try await Self.login(site, client, .administrator)
            let (status, json) = try await Self.send(
                client, .post, "/api/admin/webhooks", admin,
                #"{"url": "https://doitac.example/nhan-tin", "events": ["article.published", "article.unpublished"], "description": "Ứng dụng di động"}"#
            )
            #expect(status == .created)
            let secret = try #require(json["secret"] as? String)
            #expect(secret.hasPrefix("whsec_"))
            let webhook = try #require(json["webhook"] as? [String: Any])
            #expect(webhook["url"] as? String == "https://doitac.example/nhan-tin")
            #expect(webhook["events"] as? [String] == ["article.published", "article.unpublished"])
            #expect(webhook["secret_hint"] as? String == String(secret.suffix(4)))
            #expect(webhook["created_by"] as? String == Role.administrator.label)
            #expect(webhook["created_at"] as? String == "2023-12-22T10:30:00+07:00")

            let (listed, list) = try await Self.send(client, .get, "/api/admin/webhooks", admin)
            #expect(listed == .ok)
            let items = try #require(list["webhooks"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(items.first?["secret"] == nil)
            let raw = try await client.execute(uri: "/api/admin/webhooks", method: .get, headers: admin) { $0.text }
            #expect(!raw.contains(secret), "the secret is never shown again")
            let audit = try await site.store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 20)).items
            #expect(audit.contains { $0.action == "webhook.create" && $0.note?.contains("https://doitac.example/nhan-tin") == true })
        }
    }

    @Test("bad registrations are refused with 422 naming each field; nothing is stored")
    func validation() async throws {
        try await TestSite.run { site, _, client in
            let admin = try await Self.login(site, client, .administrator)
            for (body, fields) in [
                (#"{"url": "ftp://doitac.example/x", "events": ["article.published"]}"#, ["url"]),
                (#"{"url": "https://user:pass@doitac.example/x", "events": ["article.published"]}"#, ["url"]),
                (#"{"url": "/tuong-doi", "events": []}"#, ["url", "events"]),
                (#"{"url": "https://doitac.example/x", "events": ["article.deleted"]}"#, ["events[0]"]),
                (#"{"url": "", "events": ["article.updated"], "description": "\#(String(repeating: "x", count: 201))"}"#, ["url", "description"]),
            ] {
                let (status, json) = try await Self.send(client, .post, "/api/admin/webhooks", admin, body)
                #expect(status == .unprocessableContent, "\(body)")
                let reported = (json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
                #expect(reported == fields, "\(body)")
            }
            let (bad, _) = try await Self.send(client, .post, "/api/admin/webhooks", admin, #"{"url": 5}"#)
            #expect(bad == .badRequest)
            #expect(try await site.store.webhooks().isEmpty)
        }
    }

    @Test("other roles get 403 and no token gets 401 on every endpoint")
    func onlyAdministrators() async throws {
        try await TestSite.run { site, _, client in
            let admin = try await Self.login(site, client, .administrator)
            _ = try await Self.send(client, .post, "/api/admin/webhooks", admin, #"{"url": "https://a.example/", "events": ["article.published"]}"#)
            let editor = try await Self.login(site, client, .editorInChief)
            for (method, uri, body) in [
                (HTTPRequest.Method.get, "/api/admin/webhooks", nil),
                (.post, "/api/admin/webhooks", #"{"url": "https://b.example/", "events": ["article.published"]}"#),
                (.delete, "/api/admin/webhooks/1", nil),
                (.get, "/api/admin/webhooks/1/deliveries", nil),
            ] as [(HTTPRequest.Method, String, String?)] {
                let (status, json) = try await Self.send(client, method, uri, editor, body)
                #expect(status == .forbidden, "\(method) \(uri)")
                #expect(AdminArticleAPITests.code(json) == "not-permitted")
                let (anonymous, _) = try await Self.send(client, method, uri, [.contentType: "application/json"], body)
                #expect(anonymous == .unauthorized, "\(method) \(uri)")
            }
            #expect(try await site.store.webhooks().count == 1)
        }
    }

    @Test("the delivery log lists each event with its attempts; DELETE removes the webhook (then 404)")
    func deliveriesAndDelete() async throws {
        try await TestSite.run { site, _, client in
            let admin = try await Self.login(site, client, .administrator)
            let (_, created) = try await Self.send(
                client, .post, "/api/admin/webhooks", admin, #"{"url": "https://doitac.example/x", "events": ["article.published"]}"#
            )
            let id = try #require((created["webhook"] as? [String: Any])?["id"] as? Int)
            let desk = try await Newsdesk.make(site.store)
            let article = try await desk.published("Tin cho nhật ký giao")
            let claimed = try await site.store.claimDueWebhookDeliveries(now: Fixtures.now, limit: 10, lease: 60)
            try await site.store.recordWebhookAttempt(
                deliveryID: try #require(claimed.first?.id), at: Fixtures.now,
                outcome: WebhookAttemptOutcome(statusCode: 500, error: nil, duration: .milliseconds(1_234)),
                retryAt: Fixtures.now.addingTimeInterval(60)
            )
            let (status, json) = try await Self.send(client, .get, "/api/admin/webhooks/\(id)/deliveries", admin)
            #expect(status == .ok)
            #expect(json["total"] as? Int == 1)
            let delivery = try #require((json["deliveries"] as? [[String: Any]])?.first)
            #expect(delivery["event"] as? String == "article.published")
            #expect(delivery["article_id"] as? Int == Int(article.id.rawValue))
            #expect(delivery["title"] as? String == "Tin cho nhật ký giao")
            #expect(delivery["status"] as? String == "pending")
            #expect(delivery["next_attempt_at"] as? String == "2023-12-22T10:31:00+07:00")
            let attempt = try #require((delivery["attempts"] as? [[String: Any]])?.first)
            #expect(attempt["number"] as? Int == 1)
            #expect(attempt["status_code"] as? Int == 500)
            #expect(attempt["duration_ms"] as? Int == 1_234)

            let (bad, _) = try await Self.send(client, .get, "/api/admin/webhooks/\(id)/deliveries?page=0", admin)
            #expect(bad == .unprocessableContent)
            let (deleted, _) = try await Self.send(client, .delete, "/api/admin/webhooks/\(id)", admin)
            #expect(deleted == .noContent)
            let (gone, _) = try await Self.send(client, .delete, "/api/admin/webhooks/\(id)", admin)
            #expect(gone == .notFound)
            let (noLog, _) = try await Self.send(client, .get, "/api/admin/webhooks/\(id)/deliveries", admin)
            #expect(noLog == .notFound)
        }
    }
}
