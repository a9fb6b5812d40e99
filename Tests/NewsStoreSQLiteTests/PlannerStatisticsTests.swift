import Foundation
import GRDB
import NewsDomain
import NewsStore
@testable import NewsStoreSQLite
import NewsTestSupport
import Testing

@Suite("The query planner's statistics")
struct PlannerStatisticsTests {
    static func articles(_ range: ClosedRange<Int>) -> [ArticleInput] {
        range.map { Fixtures.input(id: "s\($0)", minutesAgo: $0) }
    }

    @Test("gathered from 1,000 articles on, again when the articles have doubled; lookups by id then use the key")
    func gatheredAsTheNewspaperGrows() async throws {
        let store = try await Fixtures.emptyStore()
        func recorded() async throws -> Int? { try await store.read { db in try SQLiteNewsStore.recordedArticleCount(db) } }

        _ = try await store.importArticles(Self.articles(1...999), now: Fixtures.now)
        #expect(try await recorded() == nil)
        _ = try await store.importArticles(Self.articles(1_000...1_000), now: Fixtures.now)
        #expect(try await recorded() == 1_000)
        _ = try await store.importArticles(Self.articles(1_001...1_999), now: Fixtures.now)
        #expect(try await recorded() == 1_000)
        _ = try await store.importArticles(Self.articles(2_000...2_001), now: Fixtures.now)
        #expect(try await recorded() == 2_001)

        // Without statistics SQLite walked the index of publication times of every article for this.
        let plan = try await store.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN \(ReaderSQL.summarySelect) WHERE \(ReaderSQL.visible) AND a.id IN (?, ?) ORDER BY a.published_at DESC, a.id DESC",
                arguments: [Fixtures.now.storageValue, 1, 2]
            ).map { $0["detail"] as String }
        }
        #expect(plan.first == "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)")
    }

    @Test("a database opened with none gets them")
    func gatheredAtOpen() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("toasoan-stat-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/news.sqlite"
        do {
            let store = try SQLiteNewsStore.open(path: path)
            try await Fixtures.seedSections(store)
            _ = try await store.importArticles(Self.articles(1...1_200), now: Fixtures.now)
            try await store.write { db in try db.execute(sql: "DROP TABLE sqlite_stat1") }
        }
        let reopened = try SQLiteNewsStore.open(path: path)
        #expect(try await reopened.read { db in try SQLiteNewsStore.recordedArticleCount(db) } == 1_200)
    }
}
