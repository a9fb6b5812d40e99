import Foundation
import Hummingbird
import HummingbirdTesting
import NewsAuth
import NewsDomain
import NewsStore
import NewsTestSupport
import NewsWeb
import Testing

@Suite("Admin API: accounts and the security policy, for administrators only")
struct AdminUserAPITests {
    static func login(_ site: TestSite, _ client: some TestClientProtocol, _ role: Role) async throws -> HTTPFields {
        try await AdminArticleAPITests.login(site, client, role)
    }

    static func send(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ headers: HTTPFields, _ body: String? = nil
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await AdminArticleAPITests.send(client, method, uri, headers, body)
    }

    static func error(_ json: [String: Any]) -> [String: Any] { json["error"] as? [String: Any] ?? [:] }

    static func fields(_ json: [String: Any]) -> Set<String> {
        Set((json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? [])
    }

    static func audit(_ site: TestSite) async throws -> [AuditEntry] {
        try await site.store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 50)).items
    }

    @Test("every endpoint refuses other roles with 403 and no token with 401; nothing changes")
    func onlyAdministrators() async throws {
        try await TestSite.run { site, _, client in
            for role in [Role.reporter, .editorInChief, .copyDesk] {
                let headers = try await Self.login(site, client, role)
                for (method, uri, body) in [
                    (HTTPRequest.Method.get, "/api/admin/users", nil),
                    (.post, "/api/admin/users", #"{"email": "x@bao.example", "name": "X", "roles": ["quan-tri"], "password": "mot-mat-khau-dai-du"}"#),
                    (.patch, "/api/admin/users/1", #"{"roles": ["quan-tri"]}"#),
                    (.get, "/api/admin/security", nil),
                    (.put, "/api/admin/security", #"{"totp_required_roles": []}"#),
                ] as [(HTTPRequest.Method, String, String?)] {
                    let (status, json) = try await Self.send(client, method, uri, headers, body)
                    #expect(status == .forbidden, "\(role) \(method) \(uri)")
                    #expect(Self.error(json)["code"] as? String == "not-permitted")
                }
            }
            let (status, _) = try await Self.send(client, .get, "/api/admin/users", [.contentType: "application/json"])
            #expect(status == .unauthorized)
            #expect(try await site.store.users().count == 3)
            #expect(try await site.store.users().allSatisfy { !$0.roles.contains(.administrator) })
            #expect(try await site.store.securityPolicy() == SecurityPolicy())
        }
    }

    @Test("an administrator makes a section editor limited to a section; the account can log in; the act is audited")
    func create() async throws {
        try await TestSite.run { site, _, client in
            let admin = try await Self.login(site, client, .administrator)
            let (created, user) = try await Self.send(client, .post, "/api/admin/users", admin, """
                {"email": " BTV.KinhTe@Bao.Example ", "name": "Phạm Kinh Tế", "roles": ["bien-tap-vien"], "sections": ["kinh-te"],
                 "password": "song-Hong-chay-qua-Ha-Noi"}
                """)
            #expect(created == .created)
            #expect(user["email"] as? String == "btv.kinhte@bao.example")
            #expect(user["name"] as? String == "Phạm Kinh Tế")
            #expect(user["roles"] as? [String] == ["bien-tap-vien"])
            #expect(user["sections"] as? [String] == ["kinh-te"])
            #expect(user["disabled"] as? Bool == false)
            #expect(user["two_factor"] as? Bool == false)
            #expect(user["created_at"] as? String == "2023-12-22T10:30:00+07:00")
            let id = try #require(user["id"] as? Int)
            let stored = try #require(try await site.store.user(id: UserID(Int64(id))))
            let economy = try #require(try await site.store.section(slug: "kinh-te"))
            #expect(stored.sectionLimits == [economy.id])
            #expect(try await AdminAPISessionTests.login(client, email: "btv.kinhte@bao.example").status == .ok)

            let entry = try #require(try await Self.audit(site).first { $0.action == "user.create" })
            #expect(entry.actorName == Role.administrator.label)
            #expect(entry.note == "btv.kinhte@bao.example: bien-tap-vien")

            let (listed, list) = try await Self.send(client, .get, "/api/admin/users", admin)
            #expect(listed == .ok)
            let emails = (list["users"] as? [[String: Any]])?.compactMap { $0["email"] as? String } ?? []
            #expect(Set(emails) == ["quan-tri@bao.example", "btv.kinhte@bao.example"])
        }
    }

    @Test("bad fields are 422 naming each field, a taken e-mail is 409, and nothing is made")
    func createRefused() async throws {
        try await TestSite.run { site, _, client in
            let admin = try await Self.login(site, client, .administrator)
            let (invalid, errors) = try await Self.send(client, .post, "/api/admin/users", admin, """
                {"email": "khong-phai-email", "name": " ", "roles": ["chu-bien"], "sections": ["khong-co"], "password": "123"}
                """)
            #expect(invalid == .unprocessableContent)
            #expect(Self.error(errors)["code"] as? String == "invalid")
            #expect(Self.fields(errors) == ["email", "name", "roles", "sections", "password"])

            let (weak, weakBody) = try await Self.send(client, .post, "/api/admin/users", admin, """
                {"email": "pv@bao.example", "name": "Phóng Viên", "roles": ["phong-vien"], "password": "pv@bao.example"}
                """)
            #expect(weak == .unprocessableContent)
            #expect(Self.error(weakBody)["field"] as? String == "password")

            let (noRoles, noRolesBody) = try await Self.send(client, .post, "/api/admin/users", admin, """
                {"email": "pv@bao.example", "name": "Phóng Viên", "roles": [], "password": "song-Hong-chay-qua-Ha-Noi"}
                """)
            #expect(noRoles == .unprocessableContent)
            #expect(Self.error(noRolesBody)["field"] as? String == "roles")

            let (limited, limitedBody) = try await Self.send(client, .post, "/api/admin/users", admin, """
                {"email": "pv@bao.example", "name": "Phóng Viên", "roles": ["phong-vien"], "sections": ["kinh-te"],
                 "password": "song-Hong-chay-qua-Ha-Noi"}
                """)
            #expect(limited == .unprocessableContent)
            #expect(Self.error(limitedBody)["field"] as? String == "sections")

            let (taken, takenBody) = try await Self.send(client, .post, "/api/admin/users", admin, """
                {"email": "QUAN-TRI@bao.example", "name": "Trùng", "roles": ["phong-vien"], "password": "song-Hong-chay-qua-Ha-Noi"}
                """)
            #expect(taken == .conflict)
            #expect(Self.error(takenBody)["code"] as? String == "conflict")

            let (malformed, _) = try await Self.send(client, .post, "/api/admin/users", admin, #"{"email": "a@b.vn"}"#)
            #expect(malformed == .badRequest)
            #expect(try await site.store.users().count == 1)
            #expect(try await Self.audit(site).allSatisfy { $0.action != "user.create" })
        }
    }

    @Test("PATCH renames, changes roles and sections, disables (revoking sessions) and enables again, each audited")
    func update() async throws {
        try await TestSite.run { site, _, client in
            let admin = try await Self.login(site, client, .administrator)
            let reporter = try await Self.login(site, client, .reporter)
            let target = try #require(try await site.store.credentials(email: "phong-vien@bao.example")).user
            let uri = "/api/admin/users/\(target.id)"

            let (ok, changed) = try await Self.send(client, .patch, uri, admin, """
                {"name": "Nguyễn Biên Tập", "roles": ["bien-tap-vien", "phong-vien"], "sections": ["the-gioi", "kinh-te"]}
                """)
            #expect(ok == .ok)
            #expect(changed["name"] as? String == "Nguyễn Biên Tập")
            #expect(changed["roles"] as? [String] == ["bien-tap-vien", "phong-vien"])
            #expect(changed["sections"] as? [String] == ["kinh-te", "the-gioi"])
            #expect(try await site.store.user(id: target.id)?.roles == [.sectionEditor, .reporter])

            // Dropping the section editor role drops the limits, which mean nothing without it.
            let (_, demoted) = try await Self.send(client, .patch, uri, admin, #"{"roles": ["phong-vien"]}"#)
            #expect(demoted["sections"] as? [String] == [])
            #expect(try await site.store.user(id: target.id)?.sectionLimits == nil)

            let (disabledStatus, disabled) = try await Self.send(client, .patch, uri, admin, #"{"disabled": true}"#)
            #expect(disabledStatus == .ok)
            #expect(disabled["disabled"] as? Bool == true)
            let (revoked, _) = try await Self.send(client, .get, "/api/admin/me", reporter)
            #expect(revoked == .unauthorized, "disabling revokes the account's tokens")
            #expect(try await AdminAPISessionTests.login(client, email: "phong-vien@bao.example").status == .unauthorized)

            let (_, enabled) = try await Self.send(client, .patch, uri, admin, #"{"disabled": false}"#)
            #expect(enabled["disabled"] as? Bool == false)
            #expect(try await AdminAPISessionTests.login(client, email: "phong-vien@bao.example").status == .ok)

            let actions = try await Self.audit(site).map(\.action).filter { $0.hasPrefix("user.") }
            #expect(actions == ["user.enable", "user.disable", "user.update", "user.update"])
            let update = try #require(try await Self.audit(site).last { $0.action == "user.update" })
            #expect(update.note?.contains("Nguyễn Biên Tập") == true)

            let (missing, _) = try await Self.send(client, .patch, "/api/admin/users/9999", admin, #"{"name": "Ai"}"#)
            #expect(missing == .notFound)
            let (badRole, badRoleBody) = try await Self.send(client, .patch, uri, admin, #"{"roles": ["chu-bien"], "name": ""}"#)
            #expect(badRole == .unprocessableContent)
            #expect(Self.fields(badRoleBody) == ["roles", "name"])
            #expect(try await site.store.user(id: target.id)?.name == "Nguyễn Biên Tập")
        }
    }

    @Test("an administrator can neither disable nor demote themself")
    func noSelfLockout() async throws {
        try await TestSite.run { site, _, client in
            let admin = try await Self.login(site, client, .administrator)
            let me = try #require(try await site.store.credentials(email: "quan-tri@bao.example")).user
            let uri = "/api/admin/users/\(me.id)"
            let (disable, disableBody) = try await Self.send(client, .patch, uri, admin, #"{"disabled": true}"#)
            #expect(disable == .unprocessableContent)
            #expect(Self.error(disableBody)["field"] as? String == "disabled")
            #expect(Self.error(disableBody)["code"] as? String == "invalid")
            let (demote, demoteBody) = try await Self.send(client, .patch, uri, admin, #"{"roles": ["tong-bien-tap"]}"#)
            #expect(demote == .unprocessableContent)
            #expect(Self.error(demoteBody)["field"] as? String == "roles")
            #expect(try await site.store.user(id: me.id) == me)
            // Adding a role to oneself, or renaming, is fine.
            let (ok, body) = try await Self.send(client, .patch, uri, admin, #"{"roles": ["quan-tri", "tong-bien-tap"], "name": "Quản Trị Mới"}"#)
            #expect(ok == .ok)
            #expect(body["roles"] as? [String] == ["quan-tri", "tong-bien-tap"])
            let (stillIn, _) = try await Self.send(client, .get, "/api/admin/me", admin)
            #expect(stillIn == .ok)
        }
    }

    @Test("the security policy: read, saved with an audit entry, unknown roles refused, and no locking oneself out")
    func security() async throws {
        try await TestSite.run { site, _, client in
            let admin = try await Self.login(site, client, .administrator)
            _ = try await Self.login(site, client, .editorInChief)
            let (read, initial) = try await Self.send(client, .get, "/api/admin/security", admin)
            #expect(read == .ok)
            #expect(initial["totp_required_roles"] as? [String] == [])

            let (saved, body) = try await Self.send(client, .put, "/api/admin/security", admin, #"{"totp_required_roles": ["tong-bien-tap"]}"#)
            #expect(saved == .ok)
            #expect(body["totp_required_roles"] as? [String] == ["tong-bien-tap"])
            #expect(try await site.store.securityPolicy() == SecurityPolicy(totpRequiredRoles: [.editorInChief]))
            let entry = try #require(try await Self.audit(site).first)
            #expect(entry.action == "settings.security")
            #expect(entry.note == "Bắt buộc xác thực hai lớp: tong-bien-tap")
            let (_, list) = try await Self.send(client, .get, "/api/admin/users", admin)
            let required = (list["users"] as? [[String: Any]])?.filter { $0["two_factor_required"] as? Bool == true }
            #expect(required?.compactMap { $0["email"] as? String } == ["tong-bien-tap@bao.example"])

            let (unknown, unknownBody) = try await Self.send(client, .put, "/api/admin/security", admin, #"{"totp_required_roles": ["ke-toan"]}"#)
            #expect(unknown == .unprocessableContent)
            #expect(Self.error(unknownBody)["field"] as? String == "totp_required_roles")

            let (lockout, lockoutBody) = try await Self.send(client, .put, "/api/admin/security", admin, #"{"totp_required_roles": ["quan-tri"]}"#)
            #expect(lockout == .unprocessableContent)
            #expect(Self.error(lockoutBody)["code"] as? String == "own-account")
            #expect(try await site.store.securityPolicy() == SecurityPolicy(totpRequiredRoles: [.editorInChief]))

            // With two-factor set up on their own account, the administrator may require it of their role.
            let me = try #require(try await site.store.credentials(email: "quan-tri@bao.example")).user
            try await site.store.setTOTPSecret(TOTP(secret: TOTP.generateSecret()).base32Secret, userID: me.id)
            let (allowed, _) = try await Self.send(client, .put, "/api/admin/security", admin, #"{"totp_required_roles": ["quan-tri", "tong-bien-tap"]}"#)
            #expect(allowed == .ok)
            #expect(try await site.store.securityPolicy().totpRequiredRoles == [.administrator, .editorInChief])
        }
    }
}
