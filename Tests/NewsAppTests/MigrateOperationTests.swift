import Foundation
import NewsApp
import NewsStore
import NewsStoreSQLite
import NewsTestSupport
import Testing

@Suite("toasoan migrate")
struct MigrateOperationTests {
    @Test("a new database gets every migration, a current one nothing; what it did is said")
    func reports() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("news.sqlite").path
        var lines: [String] = []
        let applied = try await Operations.migrate(.sqlite(path: path)) { lines.append($0) }
        #expect(applied == SQLiteNewsStore.migrationNames)
        #expect(lines.last?.hasPrefix("applied \(applied.count) migrations to \(path): 2026-11-29-create-content, ") == true)
        #expect(try await Operations.migrate(.sqlite(path: path)) { lines.append($0) }.isEmpty)
        #expect(lines.last == "the database \(path) is up to date (\(applied.count) migrations)")
    }

    @Test("a database it cannot use is a configuration problem naming it")
    func refuses() async throws {
        await #expect(throws: ConfigurationError.self) {
            try await Operations.migrate(.sqlite(path: "/nonexistent-toasoan/news.sqlite")) { _ in }
        }
    }
}
