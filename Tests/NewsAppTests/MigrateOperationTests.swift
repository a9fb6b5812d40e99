import Foundation
import NewsApp
import NewsStore
import NewsStoreSQLite
import NewsTestSupport
import Testing

@Suite("toasoan migrate")
struct MigrateOperationTests {
    @Test("a new database gets every migration, a current one nothing; what it did is said")
    func reports() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("news.sqlite").path
        var lines: [String] = []
        let applied = try Operations.migrate(databasePath: path, environment: [:]) { lines.append($0) }
        #expect(applied == SQLiteNewsStore.migrationNames)
        #expect(lines.last?.hasPrefix("applied \(applied.count) migrations to \(path): 2026-11-29-create-content, ") == true)
        #expect(try Operations.migrate(databasePath: nil, environment: ["TOASOAN_DATABASE": path]) { lines.append($0) }.isEmpty)
        #expect(lines.last == "the database \(path) is up to date (\(applied.count) migrations)")
    }

    @Test("a database it cannot use is a configuration problem naming it")
    func refuses() throws {
        #expect(throws: ConfigurationError.self) {
            try Operations.migrate(databasePath: "/nonexistent-toasoan/news.sqlite", environment: [:]) { _ in }
        }
    }
}
