import Foundation
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

@Suite("What readers may see", .tags(.postgres), .timeLimit(.minutes(2)))
struct ReaderQueryTests {
    @Test("drafts, future times and articles re-imported as drafts are never shown", arguments: Backend.allCases)
    func visibility(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore) in
            let ids = try await Fixtures.importNew(store, [
                Fixtures.input(id: "live"),
                Fixtures.input(id: "draft", status: .draft),
                Fixtures.input(id: "later", minutesAgo: -30),
                Fixtures.input(id: "pulled"),
            ])
            _ = try await store.importArticles([Fixtures.input(id: "pulled", status: .draft)], now: Fixtures.now)
            let page = try await store.publishedArticles(.all, page: PageRequest(number: 1, size: 10), now: Fixtures.now)
            #expect(page.items.map(\.id) == [ids["live"]!])
            #expect(page.totalCount == 1)
            for hidden in ["draft", "later", "pulled"] {
                #expect(try await store.publishedArticle(id: ids[hidden]!, now: Fixtures.now) == nil)
            }
            let latest = try await store.latestPublished(excludingSections: [], excludingArticles: [], limit: 10, now: Fixtures.now)
            #expect(latest.map(\.id) == [ids["live"]!])
            let summaries = try await store.publishedSummaries(ids: ids.values.sorted(), now: Fixtures.now)
            #expect(summaries.map(\.id) == [ids["live"]!])
        }
    }

    @Test("a section lists its subsections' articles; tag, topic and author filters; newest first", arguments: Backend.allCases)
    func filters(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore & TaxonomyStore) in
            let ids = try await Fixtures.importNew(store, [
                Fixtures.input(id: "a", section: "the-gioi", tags: ["Hà Nội"], topic: "Hội nghị", author: "Trần Thị Mẫu", minutesAgo: 30),
                Fixtures.input(id: "b", section: "chau-a", tags: ["Hà Nội", "ASEAN"], minutesAgo: 20),
                Fixtures.input(id: "c", section: "kinh-te", tags: ["ASEAN"], topic: "Hội nghị", minutesAgo: 10),
            ])
            func list(_ filter: ArticleFilter) async throws -> [ArticleID] {
                try await store.publishedArticles(filter, page: PageRequest(number: 1, size: 10), now: Fixtures.now).items.map(\.id)
            }
            let world = try #require(try await store.section(slug: "the-gioi"))
            let asia = try #require(try await store.section(slug: "chau-a"))
            #expect(try await list(.section(world.id)) == [ids["b"]!, ids["a"]!])
            #expect(try await list(.section(asia.id)) == [ids["b"]!])
            let hanoi = try #require(try await store.tag(slug: "ha-noi"))
            #expect(hanoi.name == "Hà Nội")
            #expect(try await list(.tag(hanoi.id)) == [ids["b"]!, ids["a"]!])
            let topic = try #require(try await store.topic(slug: "hoi-nghi"))
            #expect(try await list(.topic(topic.id)) == [ids["c"]!, ids["a"]!])
            let author = try #require(try await store.author(slug: "tran-thi-mau"))
            #expect(try await list(.author(author.id)) == [ids["a"]!])
            #expect(try await list(.all) == [ids["c"]!, ids["b"]!, ids["a"]!])
        }
    }

    /// One page of five articles in pages of two: its number, how many it holds, and whether it has neighbours.
    struct PageCase: Sendable, CustomTestStringConvertible {
        var number: Int
        var expectedCount: Int
        var hasNext: Bool
        var hasPrevious: Bool

        var testDescription: String { "page \(number)" }
    }

    @Test("pages: sizes, counts and the edges", arguments: Backend.allCases, [
        PageCase(number: 1, expectedCount: 2, hasNext: true, hasPrevious: false),
        PageCase(number: 2, expectedCount: 2, hasNext: true, hasPrevious: true),
        PageCase(number: 3, expectedCount: 1, hasNext: false, hasPrevious: true),
        PageCase(number: 4, expectedCount: 0, hasNext: false, hasPrevious: true),
    ])
    func pagination(_ backend: Backend, _ expected: PageCase) async throws {
        try await backend.withStore { (store: any ArticleStore) in
            try await Fixtures.importNew(store, (1...5).map { Fixtures.input(id: "p\($0)", minutesAgo: $0) })
            let page = try await store.publishedArticles(.all, page: PageRequest(number: expected.number, size: 2), now: Fixtures.now)
            #expect(page.items.count == expected.expectedCount)
            #expect(page.totalCount == 5)
            #expect(page.pageCount == 3)
            #expect(page.hasNext == expected.hasNext)
            #expect(page.hasPrevious == expected.hasPrevious)
            #expect(page.isBeyondEnd == (expected.number > 3))
        }
    }

    @Test("related candidates: curated, same topic, shared tags (most shared first), same section; never the article itself",
          arguments: Backend.allCases)
    func relatedCandidates(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore) in
            let ids = try await Fixtures.importNew(store, [
                Fixtures.input(
                    id: "main", section: "the-gioi", tags: ["A", "B"], topic: "Chuyện dài", minutesAgo: 100, related: ["curated", "hidden"]
                ),
                Fixtures.input(id: "curated", section: "kinh-te", minutesAgo: 90),
                Fixtures.input(id: "hidden", section: "kinh-te", minutesAgo: 80, status: .draft),
                Fixtures.input(id: "topic", section: "kinh-te", topic: "Chuyện dài", minutesAgo: 70),
                Fixtures.input(id: "one-tag", section: "kinh-te", tags: ["A"], minutesAgo: 10),
                Fixtures.input(id: "two-tags", section: "kinh-te", tags: ["A", "B"], minutesAgo: 60),
                Fixtures.input(id: "section", section: "the-gioi", minutesAgo: 50),
            ])
            let main = try #require(try await store.publishedArticle(id: ids["main"]!, now: Fixtures.now))
            let found = try await store.relatedCandidates(for: main, limit: 5, now: Fixtures.now)
            #expect(found.curated.map(\.id) == [ids["curated"]!])
            #expect(found.sameTopic.map(\.id) == [ids["topic"]!])
            #expect(found.sharedTags.map(\.id) == [ids["two-tags"]!, ids["one-tag"]!])
            #expect(found.sameSection.map(\.id) == [ids["section"]!])
            let all = found.curated + found.sameTopic + found.sharedTags + found.sameSection
            #expect(!all.contains { $0.id == main.id })
        }
    }

    @Test("shared tags: an old article sharing a rare tag and a common one ranks first, though the common tag has hundreds of newer articles",
          arguments: Backend.allCases)
    func sharedTagWindow(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore) in
            let newer = RelatedCandidates.sharedTagWindow + 5
            // Imported in this order, each newer than the one before, so the old article's version is outside the
            // common tag's window of newest versions.
            let ids = try await Fixtures.importNew(
                store,
                [Fixtures.input(id: "old", tags: ["Phổ biến", "Hiếm"], minutesAgo: 10_000)]
                    + (1...newer).map { Fixtures.input(id: "n\($0)", tags: ["Phổ biến"], minutesAgo: 1_000 - $0) }
                    + [Fixtures.input(id: "main", tags: ["Phổ biến", "Hiếm"], minutesAgo: 1)]
            )
            let main = try #require(try await store.publishedArticle(id: ids["main"]!, now: Fixtures.now))
            let found = try await store.relatedCandidates(for: main, limit: 4, now: Fixtures.now)
            // Both tags counted for the old article, found through the rare one; then the newest sharing one tag.
            #expect(found.sharedTags.map(\.id) == [ids["old"]!] + [newer, newer - 1, newer - 2].map { ids["n\($0)"]! })
        }
    }

    @Test("the newest articles outside given sections and ids", arguments: Backend.allCases)
    func latestOutside(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore & TaxonomyStore) in
            let ids = try await Fixtures.importNew(store, [
                Fixtures.input(id: "w", section: "the-gioi", minutesAgo: 3),
                Fixtures.input(id: "a", section: "chau-a", minutesAgo: 2),
                Fixtures.input(id: "k1", section: "kinh-te", minutesAgo: 1),
                Fixtures.input(id: "k2", section: "kinh-te", minutesAgo: 4),
            ])
            let world = try #require(try await store.section(slug: "the-gioi"))
            let asia = try #require(try await store.section(slug: "chau-a"))
            let latest = try await store.latestPublished(
                excludingSections: [world.id, asia.id], excludingArticles: [ids["k1"]!], limit: 5, now: Fixtures.now
            )
            #expect(latest.map(\.id) == [ids["k2"]!])
        }
    }

    @Test("summaries keep the asked order, once each", arguments: Backend.allCases)
    func summariesOrder(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore) in
            let ids = try await Fixtures.importNew(store, [Fixtures.input(id: "x", minutesAgo: 1), Fixtures.input(id: "y", minutesAgo: 2)])
            let found = try await store.publishedSummaries(ids: [ids["y"]!, ids["x"]!, ids["y"]!], now: Fixtures.now)
            #expect(found.map(\.id) == [ids["y"]!, ids["x"]!])
            #expect(found.first?.authors.map(\.name) == ["Nguyễn Văn Thử"])
            #expect(found.first?.section.slug == "the-gioi")
        }
    }
}
