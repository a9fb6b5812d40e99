import Foundation
import NewsDomain
import GRDB
import NewsStore
@testable import NewsStoreSQLite
import NewsTestSupport
import Testing

@Suite("Change-log tokens and the database file")
struct SiteAndChangesTests {
    @Test("dependency tokens round-trip", arguments: [
        ContentDependency.article(ArticleID(7)), .section(SectionID(2)), .tag(TagID(3)), .topic(TopicID(4)),
        .author(AuthorID(5)), .latest, .site,
    ])
    func tokens(dependency: ContentDependency) {
        #expect(ContentDependency(token: dependency.token) == dependency)
    }

    @Test("a database file uses WAL and the named migrations")
    func fileDatabase() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("toasoan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("news.sqlite").path
        let store = try SQLiteNewsStore.open(path: path)
        #expect(try await store.appliedMigrations() == [
            "2026-11-29-create-content", "2026-11-29-create-accounts", "2026-11-30-create-editorial", "2026-12-01-media-library",
            "2026-12-01-security-policy", "2026-12-02-site-secrets", "2026-12-03-search-index", "2026-12-03-webhooks",
            "2026-12-03-related-similarity", "2026-12-05-search-readings",
        ])
        try await Fixtures.importNew(store, [Fixtures.input(id: "w")])
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        // Reopening keeps the content.
        let again = try SQLiteNewsStore.open(path: path)
        #expect(try await again.articleCount() == 1)
    }

    @Test("a new file gets the schema; one behind is refused until migrated; one ahead is refused even then")
    func schemaUpgrades() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("news.sqlite").path
        let created = try SQLiteNewsStore.openApplying(path: path, schema: .newDatabaseOnly)
        #expect(created.applied == SQLiteNewsStore.migrationNames)
        try await Fixtures.importNew(created.store, [Fixtures.input(id: "kept")])
        let last = try #require(SQLiteNewsStore.migrationNames.last)
        // As if the binary were newer than the database: its last migration not applied yet.
        try await created.store.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [last])
        }
        #expect(throws: StorageError.unavailable(SchemaStatus.behind(missing: [last]).refusal(database: path)!)) {
            try SQLiteNewsStore.open(path: path)
        }
        let upgraded = try SQLiteNewsStore.openApplying(path: path, schema: .applyMissing)
        #expect(upgraded.applied == [last])
        #expect(try await upgraded.store.articleCount() == 1, "the content stays")
        #expect(try SQLiteNewsStore.openApplying(path: path, schema: .applyMissing).applied.isEmpty, "nothing left to apply")
        // As if a newer binary had migrated it.
        try await upgraded.store.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('2099-01-01-from-the-future')")
        }
        for schema in [SchemaUpgrade.newDatabaseOnly, .applyMissing] {
            #expect(throws: StorageError.self) { try SQLiteNewsStore.open(path: path, schema: schema) }
        }
        #expect(try upgraded.store.schemaStatus() == .ahead(unknown: ["2099-01-01-from-the-future"]))
    }

    @Test("a database in a missing or read-only folder is refused with a message naming it")
    func unwritable() throws {
        do {
            _ = try SQLiteNewsStore.open(path: "/nonexistent-toasoan/news.sqlite")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("/nonexistent-toasoan"))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("toasoan-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: folder.path)
        // root may write anywhere; the check only means something for other users.
        guard getuid() != 0 else { return }
        #expect(throws: StorageError.self) { try SQLiteNewsStore.open(path: folder.appendingPathComponent("x.sqlite").path) }
    }
}
