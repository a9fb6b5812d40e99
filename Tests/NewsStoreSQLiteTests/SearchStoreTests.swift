import Foundation
import GRDB
import NewsDomain
import NewsStore
@testable import NewsStoreSQLite
import NewsTestSupport
import Testing

// The search contract (ranking, scopes, suggestions, index maintenance, the window) runs on every backend in
// NewsStoreContractTests/SearchStoreTests.swift; what is left here is the FTS5 index's own: its parts and its upgrade.

@Suite("Search in SQLite: the index's parts and its upgrade")
struct SearchIndexPartsTests {
    @Test("Merging the index after imports leaves one part and the same answers")
    func optimize() async throws {
        let store = try await Fixtures.emptyStore()
        for batch in 0..<3 {
            try await Fixtures.importNew(store, (1...40).map {
                Fixtures.input(id: "m\(batch)-\($0)", title: "Đường sắt số \($0) qua Huế", body: "Tàu chạy đêm thứ \(batch).")
            })
        }
        #expect(try await store.searchIndexSegmentCount() >= 3, "each import wrote its own part")
        let request = SearchRequest(query: "đường sắt", scope: .published(now: Fixtures.now), page: PageRequest(number: 1, size: 50))
        let before = try await store.search(request)
        try await store.optimizeSearchIndex()
        #expect(try await store.searchIndexSegmentCount() == 1)
        let after = try await store.search(request)
        #expect(after.hits.map(\.id) == before.hits.map(\.id))
        #expect(after.totalCount == 120)
    }

    @Test("A database whose index holds exact readings as columns (before 2026-12-05) is upgraded and finds the same")
    func upgradeFromExactColumns() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("toasoan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("news.sqlite").path
        let store = try SQLiteNewsStore.open(path: path)
        try await Fixtures.importNew(store, [
            Fixtures.input(id: "road", title: "Con đường làng", body: "Đường mới."),
            Fixtures.input(id: "piano", title: "Dương cầm", body: "Tiếng đàn."),
        ])
        // The index as the earlier migration made it, and that migration the last one applied.
        try await store.write { db in
            try db.execute(sql: """
                DROP TABLE search_vocabulary; DROP TABLE search_index; DROP TABLE search_documents;
                CREATE VIRTUAL TABLE search_index USING fts5(
                    title, sapo, body, exact_title, exact_sapo, exact_body, facets, content = '', columnsize = 0,
                    tokenize = 'toasoan_vietnamese'
                );
                CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(search_index, row);
                CREATE TABLE search_documents (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL,
                    version_id INTEGER NOT NULL, working INTEGER NOT NULL);
                DELETE FROM grdb_migrations WHERE identifier = '2026-12-05-search-readings';
                """)
        }
        let upgraded = try SQLiteNewsStore.open(path: path, schema: .applyMissing)
        #expect(try await upgraded.appliedMigrations().last == "2026-12-05-search-readings")
        #expect(try await Fixtures.readerIDs(upgraded, "đường") == ["road", "piano"])
        #expect(try await Fixtures.readerIDs(upgraded, "duong cam") == ["piano"])
    }
}
