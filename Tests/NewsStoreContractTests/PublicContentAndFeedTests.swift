import Foundation
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

/// The Content API's reads and the feeds and sitemaps: only what readers may see, in the same order on every backend.
@Suite("Content API, feeds and sitemaps", .tags(.postgres), .timeLimit(.minutes(2)))
struct PublicContentAndFeedTests {
    /// Five published articles a minute apart (p1 newest), one draft and one not yet due, over three sections.
    static func importSample(_ store: some ArticleStore) async throws -> [String: ArticleID] {
        try await Fixtures.importNew(store, [
            Fixtures.input(id: "p1", section: "chau-a", tags: ["Bão", "Mưa"], topic: "Thời tiết", minutesAgo: 1),
            Fixtures.input(id: "p2", section: "the-gioi", tags: ["Mưa"], author: "Lê Thị Mẫu", minutesAgo: 2),
            Fixtures.input(id: "p3", section: "kinh-te", tags: ["Giá"], topic: "Thời tiết", minutesAgo: 3,
                           images: [ImageInput(src: "imports/p3.jpg", alt: "Ảnh", width: 800, height: 600)]),
            Fixtures.input(id: "p4", section: "kinh-te", minutesAgo: 4),
            Fixtures.input(id: "p5", section: "the-gioi", minutesAgo: 5),
            Fixtures.input(id: "draft", section: "kinh-te", tags: ["Ẩn"], status: .draft),
            Fixtures.input(id: "later", section: "kinh-te", tags: ["Ẩn"], minutesAgo: -10),
        ])
    }

    @Test("keyset pages walk every visible article newest first, once each; filters and times narrow them",
          arguments: Backend.allCases)
    func keysetPages(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore & PublicContentStore & TaxonomyStore) in
            let ids = try await Self.importSample(store)
            var seen: [ArticleID] = []
            var query = ArticleQuery(limit: 2)
            var pages = 0
            repeat {
                let slice = try await store.publishedArticles(matching: query, now: Fixtures.now)
                #expect(slice.totalCount == 5)
                seen += slice.items.map(\.id)
                pages += 1
                query.after = slice.next
            } while query.after != nil && pages < 10
            #expect(seen == ["p1", "p2", "p3", "p4", "p5"].map { ids[$0]! })
            #expect(pages == 3)

            let world = try #require(try await store.section(slug: "the-gioi"))
            let inWorld = try await store.publishedArticles(matching: ArticleQuery(sectionID: world.id), now: Fixtures.now)
            #expect(inWorld.items.map(\.id) == ["p1", "p2", "p5"].map { ids[$0]! })
            let rain = try #require(try await store.tag(slug: "mua"))
            let tagged = try await store.publishedArticles(matching: ArticleQuery(tagID: rain.id), now: Fixtures.now)
            #expect(tagged.items.map(\.id) == ["p1", "p2"].map { ids[$0]! })
            #expect(tagged.items.first?.tags.map(\.name) == ["Bão", "Mưa"])
            let window = ArticleQuery(
                from: Fixtures.now.addingTimeInterval(-4 * 60), to: Fixtures.now.addingTimeInterval(-2 * 60)
            )
            let timed = try await store.publishedArticles(matching: window, now: Fixtures.now)
            #expect(timed.items.map(\.id) == ["p2", "p3", "p4"].map { ids[$0]! })
            #expect(timed.totalCount == 3)
            let withImage = try #require(timed.items.first { $0.id == ids["p3"] })
            #expect(withImage.images.map(\.src) == ["imports/p3.jpg"])
            #expect(withImage.authors.map(\.name) == ["Nguyễn Văn Thử"])
        }
    }

    @Test("an article by slug only while readers may see it", arguments: Backend.allCases)
    func bySlug(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore & PublicContentStore) in
            let ids = try await Self.importSample(store)
            let found = try await store.publishedArticle(slug: "bai-thu-nghiem-p2", now: Fixtures.now)
            #expect(found?.id == ids["p2"])
            #expect(found?.authors.map(\.name) == ["Lê Thị Mẫu"])
            #expect(try await store.publishedArticle(slug: "bai-thu-nghiem-draft", now: Fixtures.now) == nil)
            #expect(try await store.publishedArticle(slug: "bai-thu-nghiem-later", now: Fixtures.now) == nil)
        }
    }

    @Test("terms in use come by slug, counted, paged after a slug; unused or hidden ones never", arguments: Backend.allCases)
    func terms(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore & PublicContentStore) in
            _ = try await Self.importSample(store)
            let first = try await store.publicTags(afterSlug: nil, limit: 2, now: Fixtures.now)
            #expect(first.items.map(\.term.slug) == ["bao", "gia"])
            #expect(first.totalCount == 3)
            #expect(first.nextAfterSlug == "gia")
            let second = try await store.publicTags(afterSlug: first.nextAfterSlug, limit: 2, now: Fixtures.now)
            #expect(second.items.map(\.term.slug) == ["mua"])
            #expect(second.items.map(\.articleCount) == [2])
            #expect(second.nextAfterSlug == nil)
            let topics = try await store.publicTopics(afterSlug: nil, limit: 10, now: Fixtures.now)
            #expect(topics.items.map(\.term.slug) == ["thoi-tiet"])
            #expect(topics.items.map(\.articleCount) == [2])
            let authors = try await store.publicAuthors(afterSlug: nil, limit: 10, now: Fixtures.now)
            #expect(authors.items.map(\.term.slug) == ["le-thi-mau", "nguyen-van-thu"])
            #expect(authors.items.map(\.articleCount) == [1, 4])
        }
    }

    @Test("feeds list visible articles newest first with their first image; sitemaps page them by id",
          arguments: Backend.allCases)
    func feedsAndSitemaps(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore & FeedStore & TaxonomyStore) in
            let ids = try await Self.importSample(store)
            let economy = try #require(try await store.section(slug: "kinh-te"))
            let entries = try await store.feedEntries(.section(economy.id), limit: 10, now: Fixtures.now)
            #expect(entries.map(\.id) == ["p3", "p4"].map { ids[$0]! })
            #expect(entries.first?.image == FeedImage(src: "imports/p3.jpg", width: 800, height: 600, alt: "Ảnh"))
            #expect(entries.first?.authors.map(\.name) == ["Nguyễn Văn Thử"])
            #expect(entries.first?.updatedAt == Fixtures.now, "the version saved at import time, after publication")
            #expect(try await store.feedEntries(.all, limit: 2, now: Fixtures.now).map(\.id) == ["p1", "p2"].map { ids[$0]! })

            let pages = try await store.sitemapArticlePages(size: 2, now: Fixtures.now)
            #expect(pages.map(\.number) == [1, 2, 3])
            #expect(pages.map(\.count) == [2, 2, 1])
            #expect(pages.allSatisfy { $0.lastModified == Fixtures.now })
            let byID = ["p1", "p2", "p3", "p4", "p5"].map { ids[$0]! }.sorted()
            #expect(try await store.sitemapArticles(page: 2, size: 2, now: Fixtures.now).map(\.id) == Array(byID[2..<4]))
            #expect(try await store.sitemapArticles(page: 2, size: 2, now: Fixtures.now).first?.slug.hasPrefix("bai-thu-nghiem-") == true)

            let listings = try await store.sitemapListings(now: Fixtures.now)
            #expect(listings.filter { $0.kind == .section }.map(\.slug) == ["chau-a", "kinh-te", "the-gioi"])
            #expect(listings.first { $0.kind == .section && $0.slug == "the-gioi" }?.lastModified
                == Fixtures.now.addingTimeInterval(-60), "a parent section counts its subsection's articles")
            #expect(listings.filter { $0.kind == .tag }.map(\.slug) == ["bao", "gia", "mua"])
            #expect(listings.filter { $0.kind == .topic }.map(\.slug) == ["thoi-tiet"])
            #expect(listings.filter { $0.kind == .author }.map(\.slug) == ["le-thi-mau", "nguyen-van-thu"])

            let news = try await store.newsSitemapArticles(since: Fixtures.now.addingTimeInterval(-150), now: Fixtures.now)
            #expect(news.map(\.id) == ["p1", "p2"].map { ids[$0]! })
        }
    }
}
