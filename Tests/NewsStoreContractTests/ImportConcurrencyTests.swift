import Foundation
import NewsDomain
import NewsStore
import NewsStorePostgres
import NewsTestSupport
import Testing

/// What several nodes writing one PostgreSQL database at once must never see: SQLite has one writer at a time, so
/// these hold there by construction; on PostgreSQL they hold through the locks the import takes.
@Suite("Importing on several nodes at once (PostgreSQL)", .tags(.postgres), .timeLimit(.minutes(2)))
struct ImportConcurrencyTests {
    /// Runs `body` with two stores (two connection pools, as two nodes have) on one new, migrated database that has
    /// the tests' sections.
    static func withTwoNodes(_ body: (PostgresNewsStore, PostgresNewsStore) async throws -> Void) async throws {
        try await TestDatabase.withSchema { url in
            try await PostgresNewsStore.withStore(url: url, logger: TestDatabase.logger) { first in
                try await first.migrate()
                try await Fixtures.seedSections(first)
                try await PostgresNewsStore.withStore(url: url, logger: TestDatabase.logger) { second in
                    try await body(first, second)
                }
            }
        }
    }

    /// What one import of a race did: stored (created or updated), or refused as a conflict; anything else fails.
    static func outcome(_ store: PostgresNewsStore, _ inputs: [ArticleInput]) async -> Result<ImportResult, StorageError> {
        do {
            return .success(try await store.importArticles(inputs, now: Fixtures.now))
        } catch let error as StorageError {
            return .failure(error)
        } catch {
            Issue.record("an import failed with \(error), neither stored nor a conflict")
            return .failure(.unavailable("\(error)"))
        }
    }

    @Test("two nodes importing the same new external ids at once end with one article each: the other import is a conflict or an update")
    func sameNewExternalID() async throws {
        try await Self.withTwoNodes { first, second in
            for round in 1...4 {
                let inputs = (1...5).map { Fixtures.input(id: "r\(round)-\($0)", tags: ["Vòng \(round)"], topic: "Đua \(round)") }
                async let a = Self.outcome(first, inputs)
                async let b = Self.outcome(second, inputs)
                let results = await [a, b]
                var stored = 0
                for result in results {
                    switch result {
                    case .success(let imported):
                        stored += 1
                        #expect(imported.created.count + imported.updated.count == inputs.count)
                    case .failure(let error):
                        guard case .conflict = error else {
                            Issue.record("round \(round): expected a conflict, got \(error)")
                            continue
                        }
                    }
                }
                #expect(stored >= 1, "round \(round): one of the imports must store the articles")
                #expect(try await first.articleCount() == 5 * round, "round \(round): never a duplicate")
                for index in 1...5 {
                    let page = try await second.publishedArticles(.all, page: PageRequest(number: 1, size: 100), now: Fixtures.now)
                    #expect(page.items.filter { $0.title == "Bài thử nghiệm r\(round)-\(index)" }.count == 1)
                }
                #expect(try await first.tag(slug: "vong-\(round)") != nil)
            }
        }
    }

    @Test("two nodes creating the same new tag, topic, author and section at once both succeed, sharing one of each")
    func sameNewNames() async throws {
        try await Self.withTwoNodes { first, second in
            for round in 1...3 {
                let shared = { (id: String) in
                    Fixtures.input(
                        id: id, section: "muc-\(round)", tags: ["Chung \(round)"], topic: "Chủ đề \(round)", author: "Tác giả \(round)"
                    )
                }
                let (inputA, inputB) = (shared("a\(round)"), shared("b\(round)"))
                async let a = first.importArticles([inputA], now: Fixtures.now)
                async let b = second.importArticles([inputB], now: Fixtures.now)
                let (ra, rb) = try await (a, b)
                #expect(ra.created.count == 1 && rb.created.count == 1)
                let tag = try #require(try await first.tag(slug: "chung-\(round)"))
                #expect(try await first.publishedArticles(.tag(tag.id), page: PageRequest(number: 1, size: 10), now: Fixtures.now).totalCount == 2)
                let topic = try #require(try await first.topic(slug: "chu-de-\(round)"))
                #expect(try await first.publishedArticles(.topic(topic.id), page: PageRequest(number: 1, size: 10), now: Fixtures.now).totalCount == 2)
                let author = try #require(try await first.author(slug: "tac-gia-\(round)"))
                #expect(try await first.publishedArticles(.author(author.id), page: PageRequest(number: 1, size: 10), now: Fixtures.now).totalCount == 2)
                let section = try #require(try await first.section(slug: "muc-\(round)"))
                #expect(try await first.publishedArticles(.section(section.id), page: PageRequest(number: 1, size: 10), now: Fixtures.now).totalCount == 2)
            }
        }
    }

    @Test("a follower of the change log never skips an entry that commits after a later one (many writers on two nodes)")
    func changeLogInCommitOrder() async throws {
        try await Self.withTwoNodes { first, second in
            let writing = WritersRunning()
            let follower = Task {
                var last: Int64 = 0
                var seen: Set<Int64> = []
                while await writing.running {
                    for change in try await first.changes(after: last, limit: 1000) {
                        seen.insert(change.sequence)
                        last = max(last, change.sequence)
                    }
                    await Task.yield()
                }
                for change in try await first.changes(after: last, limit: 1000) { seen.insert(change.sequence) }
                return seen
            }
            // Short writes that share no other lock (topics, bylines) race for the log's order; imports, which run a
            // while before their entry, join them.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<8 {
                    let store = writer.isMultiple(of: 2) ? first : second
                    group.addTask {
                        for round in 0..<25 {
                            if round.isMultiple(of: 2) {
                                try await store.saveTopic(slug: "chu-de-\(writer)-\(round)", name: "Chủ đề \(round)", description: "")
                            } else {
                                try await store.saveAuthor(slug: "tac-gia-\(writer)-\(round)", name: "Tác giả \(round)", title: "", bio: "")
                            }
                        }
                    }
                }
                for writer in 0..<2 {
                    let store = writer == 0 ? first : second
                    group.addTask {
                        for round in 0..<3 {
                            let inputs = (0..<3).map { Fixtures.input(id: "w\(writer)-\(round)-\($0)", tags: ["Nhãn \(writer)"]) }
                            _ = try await store.importArticles(inputs, now: Fixtures.now)
                        }
                    }
                }
                try await group.waitForAll()
            }
            await writing.stop()
            let seen = try await follower.value
            let committed = Set(try await second.changes(after: 0, limit: 100_000).map(\.sequence))
            #expect(committed.count >= 8 * 25 + 2 * 3)
            let skipped = committed.subtracting(seen).sorted()
            #expect(skipped.isEmpty, "the follower never saw \(skipped)")
        }
    }
}

/// Whether the writers of a test are still at work, for a reader that runs beside them until they are done.
private actor WritersRunning {
    private(set) var running = true

    /// Tells the reader the writers are done.
    func stop() { running = false }
}
