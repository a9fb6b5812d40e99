import Foundation
import Hummingbird
import HummingbirdTesting
import NewsAuth
import NewsDomain
import NewsStore
import NewsTestSupport
import NewsWeb
import Testing

@Suite("Admin API: sessions and tokens")
struct AdminAPISessionTests {
    static let password = "song-Hong-chay-qua-Ha-Noi"

    static func addUser(_ site: TestSite, email: String = "pv@bao.example", roles: Set<Role> = [.reporter]) async throws -> User {
        try await site.store.createUser(
            NewUser(email: email, name: "Nguyễn Phóng Viên", roles: roles, passwordHash: PasswordHasher(cost: 4).hash(Self.password)),
            now: Fixtures.now
        )
    }

    static func login(_ client: some TestClientProtocol, email: String = "pv@bao.example", password: String = password, code: String? = nil) async throws -> TestResponse {
        var body = #"{"email": "\#(email)", "password": "\#(password)""#
        if let code { body += #", "code": "\#(code)""# }
        body += "}"
        return try await client.execute(
            uri: "/api/admin/session", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
        )
    }

    static func json(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:]
    }

    static func errorCode(_ response: TestResponse) -> String? {
        (json(response)["error"] as? [String: Any])?["code"] as? String
    }

    @Test("a login returns a bearer token that works until it is revoked")
    func tokenLifecycle() async throws {
        try await TestSite.run { site, _, client in
            let user = try await Self.addUser(site)
            let response = try await Self.login(client)
            #expect(response.status == .ok)
            let token = try #require(Self.json(response)["token"] as? String)
            #expect(token.count == 43)
            // The token lives 30 days from the clock's now, stated in Vietnam time like every other date.
            #expect(Self.json(response)["expires_at"] as? String == "2024-01-21T10:30:00+07:00")
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            try await client.execute(uri: "/api/admin/me", method: .get, headers: auth) { me in
                #expect(me.status == .ok)
                #expect(Self.json(me)["email"] as? String == "pv@bao.example")
                #expect(Self.json(me)["roles"] as? [String] == ["phong-vien"])
            }
            try await client.execute(uri: "/api/admin/session", method: .delete, headers: auth) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/api/admin/me", method: .get, headers: auth) { me in
                #expect(me.status == .unauthorized)
                #expect(Self.errorCode(me) == "unauthenticated")
                #expect(me.headers[.wwwAuthenticate] == "Bearer")
            }
            let audit = try await site.store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 10))
            #expect(audit.items.map(\.action) == ["logout", "login.success"])
            #expect(audit.items.last?.userID == user.id)
        }
    }

    @Test("without a token, or with a made-up one, the API answers 401 in JSON")
    func unauthenticated() async throws {
        try await TestSite.run { _, _, client in
            for headers: HTTPFields in [[:], [.authorization: "Bearer nope"], [.authorization: "Basic abc"]] {
                try await client.execute(uri: "/api/admin/me", method: .get, headers: headers) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                    #expect(Self.errorCode(response) == "unauthenticated")
                }
            }
        }
    }

    @Test("wrong passwords, unknown e-mails and disabled accounts look the same; all are audited")
    func refusals() async throws {
        try await TestSite.run { site, _, client in
            let user = try await Self.addUser(site)
            for response in [
                try await Self.login(client, password: "wrong-password-123"),
                try await Self.login(client, email: "nobody@bao.example"),
            ] {
                #expect(response.status == .unauthorized)
                #expect(Self.errorCode(response) == "invalid-credentials")
            }
            try await site.store.setDisabled(true, userID: user.id)
            #expect(try await Self.login(client).status == .unauthorized)
            let audit = try await site.store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 10))
            #expect(audit.items.filter { $0.action == "login.failure" }.count == 3)
        }
    }

    @Test("after five failures the account is throttled, even with the right password")
    func throttling() async throws {
        try await TestSite.run { site, _, client in
            _ = try await Self.addUser(site)
            for _ in 0..<5 {
                #expect(try await Self.login(client, password: "wrong-password-123").status == .unauthorized)
            }
            let blocked = try await Self.login(client)
            #expect(blocked.status == .tooManyRequests)
            #expect(Self.errorCode(blocked) == "throttled")
            #expect(Int(blocked.headers[.retryAfter] ?? "") ?? 0 > 0)
        }
    }

    @Test("with two-factor authentication a current code is needed, and a code works once")
    func twoFactor() async throws {
        try await TestSite.run { site, _, client in
            let user = try await Self.addUser(site)
            let totp = TOTP(secret: TOTP.generateSecret())
            try await site.store.setTOTPSecret(totp.base32Secret, userID: user.id)
            let missing = try await Self.login(client)
            #expect(missing.status == .unauthorized)
            #expect(Self.errorCode(missing) == "two-factor-required")
            let code = totp.code(at: Fixtures.now)
            #expect(try await Self.login(client, code: code).status == .ok)
            let replay = try await Self.login(client, code: code)
            #expect(Self.errorCode(replay) == "invalid-two-factor-code")
        }
    }

    @Test("a malformed body is a 400 with a JSON error")
    func badBody() async throws {
        try await TestSite.run { _, _, client in
            try await client.execute(
                uri: "/api/admin/session", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{not json")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(Self.errorCode(response) == "bad-request")
            }
        }
    }

    @Test("a role that requires two-factor authentication gets no API token until the account has set it up")
    func twoFactorEnrolmentRequired() async throws {
        try await TestSite.run { site, _, client in
            let user = try await Self.addUser(site, roles: [.editorInChief])
            try await site.store.saveSecurityPolicy(SecurityPolicy(totpRequiredRoles: [.editorInChief]), actor: user, now: Fixtures.now)
            let refused = try await Self.login(client)
            #expect(refused.status == .forbidden)
            #expect(Self.errorCode(refused) == "two-factor-enrolment-required")
            try await site.store.saveSecurityPolicy(SecurityPolicy(), actor: user, now: Fixtures.now)
            #expect(try await Self.login(client).status == .ok)
        }
    }
}
