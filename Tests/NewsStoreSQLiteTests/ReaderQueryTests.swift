import Foundation
import NewsDomain
import NewsStore
import NewsStoreSQLite
import NewsTestSupport
import Testing

@Suite("What readers may see")
struct ReaderQueryTests {
    @Test("drafts, future times and articles re-imported as drafts are never shown")
    func visibility() async throws {
        let store = try await Fixtures.emptyStore()
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

    @Test("a section lists its subsections' articles; tag, topic and author filters; newest first")
    func filters() async throws {
        let store = try await Fixtures.emptyStore()
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

    @Test("pages: sizes, counts and the edges", arguments: [(1, 2, true, false), (2, 2, true, true), (3, 1, false, true), (4, 0, false, true)])
    func pagination(number: Int, expectedCount: Int, hasNext: Bool, hasPrevious: Bool) async throws {
        let store = try await Fixtures.emptyStore()
        try await Fixtures.importNew(store, (1...5).map { Fixtures.input(id: "p\($0)", minutesAgo: $0) })
        let page = try await store.publishedArticles(.all, page: PageRequest(number: number, size: 2), now: Fixtures.now)
        #expect(page.items.count == expectedCount)
        #expect(page.totalCount == 5)
        #expect(page.pageCount == 3)
        #expect(page.hasNext == hasNext)
        #expect(page.hasPrevious == hasPrevious)
        #expect(page.isBeyondEnd == (number > 3))
    }

    @Test("related candidates: curated, same topic, shared tags (most shared first), same section; never the article itself")
    func relatedCandidates() async throws {
        let store = try await Fixtures.emptyStore()
        let ids = try await Fixtures.importNew(store, [
            Fixtures.input(id: "main", section: "the-gioi", tags: ["A", "B"], topic: "Chuyện dài", minutesAgo: 100, related: ["curated", "hidden"]),
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

    @Test("the newest articles outside given sections and ids")
    func latestOutside() async throws {
        let store = try await Fixtures.emptyStore()
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

    @Test("summaries keep the asked order, once each")
    func summariesOrder() async throws {
        let store = try await Fixtures.emptyStore()
        let ids = try await Fixtures.importNew(store, [Fixtures.input(id: "x", minutesAgo: 1), Fixtures.input(id: "y", minutesAgo: 2)])
        let found = try await store.publishedSummaries(ids: [ids["y"]!, ids["x"]!, ids["y"]!], now: Fixtures.now)
        #expect(found.map(\.id) == [ids["y"]!, ids["x"]!])
        #expect(found.first?.authors.map(\.name) == ["Nguyễn Văn Thử"])
        #expect(found.first?.section.slug == "the-gioi")
    }
}
