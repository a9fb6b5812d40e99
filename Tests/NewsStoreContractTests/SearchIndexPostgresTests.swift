import Foundation
import NewsDomain
import NewsStore
import NewsTestSupport
import PostgresNIO
import Testing

@testable import NewsStorePostgres

/// What only the PostgreSQL search index has: its maintained vocabulary (SQLite's is FTS5's own), kept right by
/// writers racing on shared syllables.
@Suite("PostgreSQL: the search index under concurrent writers", .tags(.postgres), .timeLimit(.minutes(2)))
struct SearchIndexPostgresTests {
    /// How many terms the vocabulary counts wrongly: compared with a count of the rows that hold each term.
    static func vocabularyErrors(_ store: PostgresNewsStore) async throws -> Int64 {
        try await RawSQL.integers("""
            SELECT count(*) FROM (
                (SELECT term, doc FROM search_vocabulary
                 EXCEPT SELECT t COLLATE "C", count(*) FROM search_documents, unnest(terms) t GROUP BY t)
                UNION ALL
                (SELECT t COLLATE "C", count(*) FROM search_documents, unnest(terms) t GROUP BY t
                 EXCEPT SELECT term, doc FROM search_vocabulary)
            ) x
            """, on: store).first ?? -1
    }

    @Test("imports and edits keep the vocabulary equal to a count of the rows, and a rebuild gives the same")
    func vocabularyFollowsChanges() async throws {
        try await TestDatabase.withStore(migrated: true) { store in
            try await Fixtures.seedSections(store)
            try await Fixtures.importNew(store, [
                Fixtures.input(id: "a", title: "Giá xăng tăng mạnh"), Fixtures.input(id: "b", title: "Giá điện giảm"),
            ])
            #expect(try await Self.vocabularyErrors(store) == 0)
            _ = try await store.importArticles([Fixtures.input(id: "a", title: "Giá vàng đứng yên")], now: Fixtures.now)
            _ = try await store.importArticles([Fixtures.input(id: "b", title: "Giá điện giảm", status: .draft)], now: Fixtures.now)
            #expect(try await Self.vocabularyErrors(store) == 0)
            let xang = try await RawSQL.integers("SELECT count(*) FROM search_vocabulary WHERE term = 'xang'", on: store)
            #expect(xang == [0], "a term no row holds any more is dropped")
            let before = try await RawSQL.integers("SELECT doc FROM search_vocabulary ORDER BY term", on: store)
            try await store.rebuildSearchIndex { _, _ in }
            #expect(try await RawSQL.integers("SELECT doc FROM search_vocabulary ORDER BY term", on: store) == before)
            #expect(try await Self.vocabularyErrors(store) == 0)
        }
    }

    @Test("two nodes importing articles that share their syllables at once: no deadlock, every article found, counts right")
    func racingImports() async throws {
        try await PostgresConcurrencyTests.withTwoNodes { (first: PostgresNewsStore, second: PostgresNewsStore) async throws in
            try await Fixtures.seedSections(first)
            let words = ["bão", "lũ", "miền", "Trung", "mưa", "lớn", "đê", "vỡ", "dân", "sơ", "tán", "khẩn", "cấp"]
            /// Imports `rounds` batches of articles, each about all the words in a different order.
            @Sendable func run(_ store: PostgresNewsStore, node: Int) async throws {
                for round in 0..<3 {
                    let inputs = (0..<4).map { index in
                        let shift = (node * 5 + round * 3 + index) % words.count
                        let title = (words[shift...] + words[..<shift]).joined(separator: " ")
                        return Fixtures.input(id: "n\(node)-\(round)-\(index)", title: title, body: "Tin \(node) \(round) \(index).")
                    }
                    try await Fixtures.importNew(store, node == 0 ? inputs : inputs.reversed())
                }
            }
            async let one: Void = run(first, node: 0)
            async let two: Void = run(second, node: 1)
            _ = try await (one, two)
            let found = try await first.search(SearchRequest(
                query: "bão lũ", scope: .published(now: Fixtures.now), page: PageRequest(number: 1, size: 100)
            ))
            #expect(found.totalCount == 24)
            #expect(try await Self.vocabularyErrors(first) == 0)
            #expect(try await RawSQL.integers("SELECT doc FROM search_vocabulary WHERE term = 'bao'", on: first) == [24])
        }
    }
}
