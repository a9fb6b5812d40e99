import Foundation
import NewsDomain
import NewsStore
import NewsStoreSQLite
import NewsTestSupport
import Testing

@Suite("The security policy in a SQLite file")
struct UserAdministrationTests {
    // The rest of the policy's behaviour is in the store contract (NewsStoreContractTests).
    @Test("the security policy survives reopening the database file")
    func securityPolicy() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("news.sqlite").path
        let store = try SQLiteNewsStore.open(path: path)
        #expect(try await store.appliedMigrations().contains("2026-12-01-security-policy"))
        let admin = try await store.createUser(
            NewUser(email: "qt@bao.example", name: "Hoàng Quản Trị", roles: [.administrator], passwordHash: "h"), now: Fixtures.now
        )
        let policy = SecurityPolicy(totpRequiredRoles: [.administrator, .editorInChief])
        try await store.saveSecurityPolicy(policy, actor: admin, now: Fixtures.now)
        #expect(try await SQLiteNewsStore.open(path: path).securityPolicy() == policy)
    }
}
