import Foundation
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

@Suite("Accounts, sessions, login failures and the audit log", .tags(.postgres), .timeLimit(.minutes(2)))
struct AccountTests {
    static func reporter(_ email: String = "Phong.Vien@Bao.Example") -> NewUser {
        NewUser(email: email, name: "Nguyễn Phóng Viên", roles: [.reporter], passwordHash: "$2b$04$hash")
    }

    @Test("an account is stored with its roles and section limits; e-mails are unique whatever their case",
          arguments: Backend.allCases)
    func create(_ backend: Backend) async throws {
        try await backend.withStore(seeded: false) { (store: any UserStore) async throws in
            let user = try await store.createUser(
                NewUser(email: "BTV@bao.example", name: "Trần Biên Tập", roles: [.sectionEditor, .reporter], sectionLimits: [SectionID(3), SectionID(1)], passwordHash: "h"),
                now: Fixtures.now
            )
            #expect(user.email == "btv@bao.example")
            let loaded = try #require(try await store.user(id: user.id))
            #expect(loaded == user)
            #expect(loaded.sectionLimits == [SectionID(1), SectionID(3)])
            let error = await #expect(throws: StorageError.self) {
                try await store.createUser(NewUser(email: "btv@BAO.example", name: "Khác", roles: [.reporter], passwordHash: "h"), now: Fixtures.now)
            }
            #expect(error == .conflict("an account with e-mail btv@bao.example already exists"))
            let credentials = try #require(try await store.credentials(email: "Btv@Bao.Example"))
            #expect(credentials.user.id == user.id)
            #expect(credentials.passwordHash == "h")
            #expect(try await store.users().count == 1)
        }
    }

    @Test("sessions: valid until they expire; disabling the account or changing the password revokes them",
          arguments: Backend.allCases)
    func sessions(_ backend: Backend) async throws {
        try await backend.withStore(seeded: false) { (store: any UserStore & SessionStore) async throws in
            let user = try await store.createUser(Self.reporter(), now: Fixtures.now)
            let later = Fixtures.now.addingTimeInterval(3600)
            _ = try await store.createSession(tokenHash: "a", userID: user.id, kind: .browser, expiresAt: later, now: Fixtures.now)
            #expect(try await store.session(tokenHash: "a", now: Fixtures.now)?.userID == user.id)
            #expect(try await store.session(tokenHash: "a", now: later) == nil)
            #expect(try await store.session(tokenHash: "unknown", now: Fixtures.now) == nil)
            try await store.setDisabled(true, userID: user.id)
            #expect(try await store.session(tokenHash: "a", now: Fixtures.now) == nil)
            try await store.setDisabled(false, userID: user.id)
            _ = try await store.createSession(tokenHash: "b", userID: user.id, kind: .apiToken, expiresAt: later, now: Fixtures.now)
            #expect(try await store.session(tokenHash: "b", now: Fixtures.now)?.kind == .apiToken)
            try await store.setPasswordHash("new", userID: user.id)
            #expect(try await store.session(tokenHash: "b", now: Fixtures.now) == nil)
            #expect(try await store.credentials(email: user.email)?.passwordHash == "new")
            _ = try await store.createSession(tokenHash: "c", userID: user.id, kind: .browser, expiresAt: later, now: Fixtures.now)
            try await store.deleteSession(tokenHash: "c")
            #expect(try await store.session(tokenHash: "c", now: Fixtures.now) == nil)
        }
    }

    @Test("changing an account that does not exist is notFound", arguments: Backend.allCases)
    func missingAccount(_ backend: Backend) async throws {
        try await backend.withStore(seeded: false) { (store: any UserStore) async throws in
            let nobody = UserID(999)
            await #expect(throws: StorageError.notFound("user 999")) { try await store.setDisabled(true, userID: nobody) }
            await #expect(throws: StorageError.notFound("user 999")) { try await store.setPasswordHash("x", userID: nobody) }
            await #expect(throws: StorageError.notFound("user 999")) { try await store.setTOTPSecret("x", userID: nobody) }
            #expect(try await !store.acceptTOTPStep(1, userID: nobody))
            #expect(try await store.user(id: nobody) == nil)
            #expect(try await store.credentials(email: "nobody@bao.example") == nil)
        }
    }

    @Test("accounts are listed by name", arguments: Backend.allCases)
    func listedByName(_ backend: Backend) async throws {
        try await backend.withStore(seeded: false) { (store: any UserStore) async throws in
            for (email, name) in [("b@bao.example", "Bùi"), ("a@bao.example", "An"), ("c@bao.example", "Zoë"), ("d@bao.example", "An"), ("e@bao.example", "bé")] {
                _ = try await store.createUser(NewUser(email: email, name: name, roles: [.reporter], passwordHash: "h"), now: Fixtures.now)
            }
            let users = try await store.users()
            // Byte order of the names (as SQLite compares: capitals before small letters), then creation order.
            #expect(users.map(\.email) == ["a@bao.example", "d@bao.example", "b@bao.example", "c@bao.example", "e@bao.example"])
        }
    }

    @Test("a TOTP step is accepted once: a replayed or older code is refused", arguments: Backend.allCases)
    func totpReplay(_ backend: Backend) async throws {
        try await backend.withStore(seeded: false) { (store: any UserStore) async throws in
            let user = try await store.createUser(Self.reporter(), now: Fixtures.now)
            try await store.setTOTPSecret("JBSWY3DPEHPK3PXP", userID: user.id)
            #expect(try await store.credentials(email: user.email)?.totpSecret == "JBSWY3DPEHPK3PXP")
            #expect(try await store.user(id: user.id)?.hasTwoFactor == true)
            #expect(try await store.acceptTOTPStep(100, userID: user.id))
            #expect(try await !store.acceptTOTPStep(100, userID: user.id))
            #expect(try await !store.acceptTOTPStep(99, userID: user.id))
            #expect(try await store.acceptTOTPStep(101, userID: user.id))
            try await store.setTOTPSecret(nil, userID: user.id)
            #expect(try await store.user(id: user.id)?.hasTwoFactor == false)
            #expect(try await store.credentials(email: user.email)?.lastTOTPStep == nil)
        }
    }

    @Test("login failures are counted per e-mail and per address, and pruned", arguments: Backend.allCases)
    func failures(_ backend: Backend) async throws {
        try await backend.withStore(seeded: false) { (store: any SessionStore) async throws in
            for minute in 0..<3 {
                try await store.recordLoginFailure(email: "A@b.example", address: "10.0.0.1", at: Fixtures.now.addingTimeInterval(Double(minute) * 60))
            }
            try await store.recordLoginFailure(email: "other@b.example", address: "10.0.0.1", at: Fixtures.now)
            #expect(try await store.loginFailures(email: "a@b.example", since: Fixtures.now).count == 3)
            #expect(try await store.loginFailures(email: "a@b.example", since: Fixtures.now.addingTimeInterval(90)).count == 1)
            #expect(try await store.loginFailures(address: "10.0.0.1", since: Fixtures.now).count == 4)
            try await store.pruneSessions(before: Fixtures.now.addingTimeInterval(61))
            #expect(try await store.loginFailures(address: "10.0.0.1", since: .distantPast).count == 1)
        }
    }

    @Test("the audit log keeps every entry, newest first, with all its fields", arguments: Backend.allCases)
    func audit(_ backend: Backend) async throws {
        try await backend.withStore(seeded: false) { (store: any UserStore & AuditLog) async throws in
            let user = try await store.createUser(Self.reporter(), now: Fixtures.now)
            let login = AuditEntry(action: "login.success", at: Fixtures.now, userID: user.id, actorName: user.name, address: "10.0.0.1")
            let failure = AuditEntry(action: "login.failure", at: Fixtures.now.addingTimeInterval(1), userID: nil, actorName: "", note: "Sai mật khẩu")
            let same = AuditEntry(action: "logout", at: Fixtures.now.addingTimeInterval(1), userID: user.id, actorName: user.name)
            for entry in [login, failure, same] { try await store.record(entry) }
            let all = try await store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 10))
            // Newest first; at the same time, the later entry first.
            #expect(all.items == [same, failure, login])
            #expect(all.totalCount == 3)
            let second = try await store.auditEntries(articleID: nil, page: PageRequest(number: 2, size: 2))
            #expect(second.items == [login])
            #expect(second.totalCount == 3)
            #expect(try await store.auditEntries(articleID: ArticleID(1), page: PageRequest(number: 1, size: 10)).totalCount == 0)
        }
    }

    @Test("the audit log keeps every entry, newest first, and filters by article", arguments: Backend.allCases)
    func auditByArticle(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore & UserStore & AuditLog) async throws in
            let ids = try await Fixtures.importNew(store, [Fixtures.input(id: "x")])
            let user = try await store.createUser(Self.reporter(), now: Fixtures.now)
            try await store.record(AuditEntry(action: "login.success", at: Fixtures.now, userID: user.id, actorName: user.name, address: "10.0.0.1"))
            try await store.record(AuditEntry(
                action: "article.return", at: Fixtures.now.addingTimeInterval(1), userID: user.id, actorName: user.name,
                articleID: ids["x"], fromState: "submitted", toState: "returned", note: "Thiếu nguồn tin"
            ))
            let all = try await store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 10))
            #expect(all.items.map(\.action) == ["article.return", "login.success"])
            #expect(all.items.first?.note == "Thiếu nguồn tin")
            let forArticle = try await store.auditEntries(articleID: ids["x"], page: PageRequest(number: 1, size: 10))
            #expect(forArticle.totalCount == 1)
            #expect(forArticle.items.first?.fromState == "submitted")
        }
    }
}
