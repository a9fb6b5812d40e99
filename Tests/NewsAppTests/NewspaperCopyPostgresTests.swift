import Foundation
import NewsApp
import NewsDomain
import NewsStore
import NewsStoreSQLite
import NewsTestSupport
import PostgresNIO
import Synchronization
import Testing

@testable import NewsStorePostgres

/// `toasoan copy`: a newspaper moved from its SQLite file into PostgreSQL, then compared.
@Suite(.tags(.postgres), .timeLimit(.minutes(2)))
struct NewspaperCopyPostgresTests {
    /// A SQLite file holding a small newspaper: sections (one nested), articles with tags, topics, related links and
    /// the related-articles cache, an account with a session, a login failure, a site secret and settings.
    static func newspaper(in folder: URL) async throws -> String {
        let path = folder.appendingPathComponent("news.sqlite").path
        let store = try SQLiteNewsStore.open(path: path)
        try await Fixtures.seedSections(store)
        try await Fixtures.importNew(store, [
            Fixtures.input(id: "a", section: "chau-a", tags: ["ASEAN", "Biển Đông"], topic: "Hội nghị", minutesAgo: 30),
            Fixtures.input(id: "b", section: "kinh-te", tags: ["ASEAN"], minutesAgo: 20, related: ["a"]),
            Fixtures.input(id: "c", section: "the-gioi", status: .draft),
        ])
        let user = try await store.createUser(
            NewUser(email: "bientap@bao.example", name: "Biên Tập", roles: [.sectionEditor], passwordHash: "$2b$12$hash"),
            now: Fixtures.now
        )
        _ = try await store.createSession(
            tokenHash: "token-hash", userID: user.id, kind: .browser, expiresAt: Fixtures.now + 3600, now: Fixtures.now
        )
        try await store.recordLoginFailure(email: "ai@bao.example", address: "192.0.2.1", at: Fixtures.now)
        _ = try await store.siteSecret(named: "csrf")
        try await store.saveSiteSettings(Fixtures.settings)
        return path
    }

    /// Reads one integer from the target.
    static func integer(_ store: PostgresNewsStore, _ sql: String) async throws -> Int64 {
        try await store.read(snapshot: false) { session in
            try await session.rows(PostgresQuery(unsafeSQL: sql)).first?.decode(Int64.self) ?? -1
        }
    }

    @Test("every table arrives whole, the comparison says identical, and new rows get new ids")
    func copiesAndCompares() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try await Self.newspaper(in: folder)
        try await TestDatabase.withSchema { url in
            let lines = LineCollector()
            let report = try await NewspaperCopy.copy(from: path, to: url, logger: TestDatabase.logger, report: lines.add)
            #expect(report.identical)
            let counts = Dictionary(uniqueKeysWithValues: report.tables.map { ($0.table, $0.targetRows) })
            #expect(counts["articles"] == 3)
            #expect(counts["sections"] == 3)
            #expect(counts["sessions"] == 1)
            #expect(counts["site_secrets"] == 1)
            #expect((counts["related_terms"] ?? 0) > 0)
            #expect(lines.all.last?.hasPrefix("compared \(TransferTable.newspaper.count) tables: identical") == true)
            #expect(lines.all.contains("  articles: 3 rows"))

            try await PostgresNewsStore.withStore(url: url, logger: TestDatabase.logger) { target in
                #expect(try await target.schemaStatus() == .current)
                #expect(try await Self.integer(target, "SELECT parent_id FROM sections WHERE slug = 'chau-a'")
                    == Self.integer(target, "SELECT id FROM sections WHERE slug = 'the-gioi'"))
                let largest = try await Self.integer(target, "SELECT max(id) FROM tags")
                let next = try await target.write { session in
                    try await session.rows("INSERT INTO tags (slug, name) VALUES ('moi', 'Mới') RETURNING id").first?.decode(Int64.self)
                }
                #expect(next == largest + 1)
            }
        }
    }

    @Test("a change on one side shows as that table differing, and nothing else")
    func comparisonFindsADifference() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try await Self.newspaper(in: folder)
        try await TestDatabase.withSchema { url in
            _ = try await NewspaperCopy.copy(from: path, to: url, logger: TestDatabase.logger, report: { _ in })
            try await PostgresNewsStore.withStore(url: url, logger: TestDatabase.logger) { target in
                try await target.write { session in
                    try await session.execute("UPDATE article_versions SET title = title || '!' WHERE id = (SELECT min(id) FROM article_versions)")
                }
                let source = try SQLiteNewsStore.open(path: path)
                let tables = try await NewspaperCopy.compare(source, target, tables: TransferTable.newspaper)
                #expect(tables.filter { !$0.matches }.map(\.table) == ["article_versions"])
                let versions = try #require(tables.first { $0.table == "article_versions" })
                #expect(versions.sourceRows == versions.targetRows)
            }
        }
    }

    @Test("a database that already holds a newspaper, or a missing file, is refused and nothing is written")
    func refusals() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try await Self.newspaper(in: folder)
        try await TestDatabase.withSchema { url in
            let missing = await #expect(throws: ConfigurationError.self) {
                try await NewspaperCopy.copy(from: folder.appendingPathComponent("none.sqlite").path, to: url, logger: TestDatabase.logger)
            }
            #expect(missing?.problems.first?.contains("none.sqlite") == true)
            _ = try await NewspaperCopy.copy(from: path, to: url, logger: TestDatabase.logger, report: { _ in })
            let again = await #expect(throws: ConfigurationError.self) {
                try await NewspaperCopy.copy(from: path, to: url, logger: TestDatabase.logger, report: { _ in })
            }
            #expect(again?.problems.first?.contains("already holds a newspaper") == true)
            #expect(again?.problems.first?.contains("toasoan:toasoan") == false)
            try await PostgresNewsStore.withStore(url: url, logger: TestDatabase.logger) { target in
                let articles = try await Self.integer(target, "SELECT count(*) FROM articles")
                #expect(articles == 3)
            }
        }
    }
}

/// Lines a command reported, kept for the test to read.
final class LineCollector: Sendable {
    private let lines = Mutex<[String]>([])
    /// Keeps a line.
    @Sendable func add(_ line: String) { lines.withLock { $0.append(line) } }
    /// Every line kept, in order.
    var all: [String] { lines.withLock { $0 } }
}
