import Foundation
import NewsApp
import NewsAuth
import NewsDomain
import NewsStore
import NewsStoreSQLite
import NewsTestSupport
import Testing

@Suite("toasoan user: accounts made on the command line")
struct AccountOperationsTests {
    static func operations() async throws -> (AccountOperations, SQLiteNewsStore) {
        let store = try await Fixtures.emptyStore()
        return (AccountOperations(store: store, hasher: PasswordHasher(cost: 4), clock: { Fixtures.now }), store)
    }

    @Test("an account is made with its roles and section limits, its password hashed, and the act audited")
    func add() async throws {
        let (operations, store) = try await Self.operations()
        let user = try await operations.addUser(
            email: " BTV@Bao.Example ", name: "Trần Biên Tập", roles: ["bien-tap-vien", "phong-vien"], sections: ["the-gioi"],
            password: "song-Hong-chay-qua-Ha-Noi"
        )
        #expect(user.email == "btv@bao.example")
        #expect(user.roles == [.sectionEditor, .reporter])
        let world = try #require(try await store.section(slug: "the-gioi"))
        #expect(user.sectionLimits == [world.id])
        let credentials = try #require(try await store.credentials(email: "btv@bao.example"))
        #expect(credentials.passwordHash != "song-Hong-chay-qua-Ha-Noi")
        #expect(PasswordHasher(cost: 4).verify("song-Hong-chay-qua-Ha-Noi", against: credentials.passwordHash))
        let audit = try await store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 5))
        #expect(audit.items.first?.action == "user.add")
        #expect(audit.items.first?.note?.contains("btv@bao.example") == true)
        #expect(try await operations.listUsers().contains("btv@bao.example"))
    }

    @Test("every problem is reported at once and nothing is made")
    func problems() async throws {
        let (operations, store) = try await Self.operations()
        do {
            try await operations.addUser(email: "not-an-email", name: " ", roles: ["chu-bien"], sections: ["khong-co"], password: "123")
            Issue.record("expected problems")
        } catch let error as ConfigurationError {
            let text = error.problems.joined(separator: "\n")
            #expect(text.contains("--email"))
            #expect(text.contains("--name"))
            #expect(text.contains("--role: \"chu-bien\""))
            #expect(text.contains("--section: no section with slug \"khong-co\""))
            #expect(text.contains("password:"))
        }
        #expect(try await store.users().isEmpty)
    }

    @Test("a taken e-mail is refused; disabling an account revokes its sessions")
    func duplicateAndDisable() async throws {
        let (operations, store) = try await Self.operations()
        let user = try await operations.addUser(email: "tbt@bao.example", name: "Tổng Biên Tập", roles: ["tong-bien-tap"], sections: [], password: "mot-ngay-dep-troi-o-Hue")
        await #expect(throws: StorageError.self) {
            try await operations.addUser(email: "TBT@bao.example", name: "Khác", roles: ["phong-vien"], sections: [], password: "mot-ngay-dep-troi-o-Hue")
        }
        _ = try await store.createSession(tokenHash: "t", userID: user.id, kind: .browser, expiresAt: Fixtures.now.addingTimeInterval(60), now: Fixtures.now)
        try await operations.disableUser(email: "TBT@bao.example")
        #expect(try await store.session(tokenHash: "t", now: Fixtures.now) == nil)
        #expect(try await store.user(id: user.id)?.isDisabled == true)
        await #expect(throws: ConfigurationError.self) { try await operations.disableUser(email: "nobody@bao.example") }
    }
}
