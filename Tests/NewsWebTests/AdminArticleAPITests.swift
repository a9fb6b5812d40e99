import Foundation
import Hummingbird
import HummingbirdTesting
import NewsAuth
import NewsDomain
import NewsStore
import NewsTestSupport
import NewsWeb
import Testing

@Suite("Admin API: articles through the approval chain")
struct AdminArticleAPITests {
    /// Makes an account with `role` and returns the Authorization header of a fresh token.
    static func login(_ site: TestSite, _ client: some TestClientProtocol, _ role: Role) async throws -> HTTPFields {
        let email = "\(role.rawValue)@bao.example"
        _ = try await site.store.createUser(
            NewUser(email: email, name: role.label, roles: [role], passwordHash: PasswordHasher(cost: 4).hash(AdminAPISessionTests.password)),
            now: Fixtures.now
        )
        let response = try await AdminAPISessionTests.login(client, email: email)
        let token = try #require(AdminAPISessionTests.json(response)["token"] as? String)
        return [.authorization: "Bearer \(token)", .contentType: "application/json"]
    }

    static func send(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ headers: HTTPFields, _ body: String? = nil
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        return (response.status, AdminAPISessionTests.json(response))
    }

    static func code(_ json: [String: Any]) -> String? {
        (json["error"] as? [String: Any])?["code"] as? String
    }

    @Test("reporter writes, section editor and copy desk approve, editor-in-chief publishes; readers see it only then")
    func chain() async throws {
        try await TestSite.run { site, _, client in
            let reporter = try await Self.login(site, client, .reporter)
            let editor = try await Self.login(site, client, .sectionEditor)
            let desk = try await Self.login(site, client, .copyDesk)
            let chief = try await Self.login(site, client, .editorInChief)
            let (created, article) = try await Self.send(client, .post, "/api/admin/articles", reporter, """
                {"title": "Cầu mới nối đôi bờ sông Hàn", "sapo": "Sapo của bài viết thử.", "body": "Nội dung bài viết.",
                 "section": "the-gioi", "tags": ["Đà Nẵng"], "author": "Phóng viên Thử"}
                """)
            #expect(created == .created)
            #expect(article["status"] as? String == "draft")
            #expect(article["version"] as? Int == 1)
            let id = try #require(article["id"] as? Int)
            let path = "/cau-moi-noi-doi-bo-song-han-\(id).html"
            func transition(_ headers: HTTPFields, _ action: String, note: String? = nil) async throws -> (HTTPResponse.Status, [String: Any]) {
                let notePart = note.map { #", "note": "\#($0)""# } ?? ""
                return try await Self.send(client, .post, "/api/admin/articles/\(id)/transitions", headers, #"{"action": "\#(action)"\#(notePart)}"#)
            }
            #expect(try await transition(reporter, "submit").1["status"] as? String == "submitted")
            // The reporter cannot approve, and nobody returns an article without saying why.
            let (forbidden, denial) = try await transition(reporter, "approve")
            #expect(forbidden == .forbidden)
            #expect(Self.code(denial) == "not-permitted")
            let (unprocessable, noNote) = try await transition(editor, "return")
            #expect(unprocessable == .unprocessableContent)
            #expect((noNote["error"] as? [String: Any])?["field"] as? String == "note")
            #expect(try await transition(editor, "approve").1["status"] as? String == "edited")
            #expect(try await transition(desk, "approve").1["status"] as? String == "approved")
            try await client.execute(uri: path, method: .get) { #expect($0.status == .notFound) }
            let (published, live) = try await transition(chief, "publish")
            #expect(published == .ok)
            #expect(live["status"] as? String == "published")
            try await site.follower.poll()
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Cầu mới nối đôi bờ sông Hàn"))
            }
            let audit = try await site.store.auditEntries(articleID: ArticleID(Int64(id)), page: PageRequest(number: 1, size: 20))
            #expect(audit.items.map(\.action).reversed() == [
                "article.create", "article.submit", "article.approve", "article.approve", "article.publish",
            ])
        }
    }

    @Test("an edit carries the version it edits; a stale one is refused with 409 naming who changed it")
    func staleEdit() async throws {
        try await TestSite.run { site, _, client in
            let reporter = try await Self.login(site, client, .reporter)
            let (_, article) = try await Self.send(client, .post, "/api/admin/articles", reporter, """
                {"title": "Bản nháp đầu", "sapo": "Sapo.", "body": "Thân bài.", "section": "kinh-te", "tags": [], "author": "Phóng viên Thử"}
                """)
            let id = try #require(article["id"] as? Int)
            let (ok, saved) = try await Self.send(client, .patch, "/api/admin/articles/\(id)", reporter, #"{"version": 1, "title": "Bản nháp thứ hai"}"#)
            #expect(ok == .ok)
            #expect(saved["version"] as? Int == 2)
            #expect(saved["sapo"] as? String == "Sapo.")
            let (conflict, stale) = try await Self.send(client, .patch, "/api/admin/articles/\(id)", reporter, #"{"version": 1, "title": "Đè lên"}"#)
            #expect(conflict == .conflict)
            #expect(Self.code(stale) == "stale-version")
            #expect(((stale["error"] as? [String: Any])?["message"] as? String)?.contains(AdminArticleAPITests.reporterName) == true)
            let (missing, noVersion) = try await Self.send(client, .patch, "/api/admin/articles/\(id)", reporter, #"{"title": "Không có bản"}"#)
            #expect(missing == .unprocessableContent)
            #expect((noVersion["error"] as? [String: Any])?["field"] as? String == "version")
        }
    }

    static let reporterName = Role.reporter.label

    @Test("bad input and unknown articles get clear JSON errors, never a 500")
    func badInput() async throws {
        try await TestSite.run { site, _, client in
            let reporter = try await Self.login(site, client, .reporter)
            let (invalid, errors) = try await Self.send(client, .post, "/api/admin/articles", reporter, #"{"title": "", "section": "the-gioi"}"#)
            #expect(invalid == .unprocessableContent)
            let fields = (errors["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
            #expect(Set(fields).isSuperset(of: ["title", "sapo", "body", "author"]))
            for uri in ["/api/admin/articles/999999", "/api/admin/articles/abc", "/api/admin/articles/-1"] {
                let (status, body) = try await Self.send(client, .get, uri, reporter)
                #expect(status == .notFound, "\(uri)")
                #expect(Self.code(body) == "not-found")
            }
            let (_, draft) = try await Self.send(client, .post, "/api/admin/articles", reporter, """
                {"title": "Bài có thật", "sapo": "Sapo.", "body": "Thân bài.", "section": "kinh-te", "tags": [], "author": "Phóng viên Thử"}
                """)
            let id = try #require(draft["id"] as? Int)
            let (badAction, badBody) = try await Self.send(client, .post, "/api/admin/articles/\(id)/transitions", reporter, #"{"action": "explode"}"#)
            #expect(badAction == .badRequest)
            #expect(Self.code(badBody) == "bad-request")
            let (badTime, timeBody) = try await Self.send(
                client, .post, "/api/admin/articles/\(id)/transitions", reporter, #"{"action": "schedule", "at": "ngày mai"}"#
            )
            #expect(badTime == .unprocessableContent)
            #expect((timeBody["error"] as? [String: Any])?["field"] as? String == "at")
            let (unauthenticated, _) = try await Self.send(client, .post, "/api/admin/articles", [.contentType: "application/json"], "{}")
            #expect(unauthenticated == .unauthorized)
        }
    }
}
