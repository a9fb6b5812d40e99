import Foundation
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

@Suite("Importing articles", .tags(.postgres), .timeLimit(.minutes(2)))
struct ImportTests {
    @Test("a new external id creates an article; the same id again updates it as a new version, never a duplicate",
          arguments: Backend.allCases)
    func upsertByExternalID(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore) in
            let first = try await store.importArticles([Fixtures.input(id: "src-1", title: "Bản đầu tiên")], now: Fixtures.now)
            #expect(first.created.count == 1 && first.updated.isEmpty)
            let second = try await store.importArticles([Fixtures.input(id: "src-1", title: "Bản đã sửa")], now: Fixtures.now)
            #expect(second.created.isEmpty)
            #expect(second.updated == first.created)
            #expect(try await store.articleCount() == 1)
            let article = try #require(try await store.publishedArticle(id: first.created[0], now: Fixtures.now))
            #expect(article.title == "Bản đã sửa")
            #expect(article.version == 2)
            #expect(article.slug == "ban-da-sua")
            #expect(article.externalID == "src-1")
        }
    }

    @Test("text typed in NFD is stored in NFC", arguments: Backend.allCases)
    func storesNFC(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore) in
            let nfd = "Người dân Hà Nội đón Tết".decomposedStringWithCanonicalMapping
            #expect(Array(nfd.utf8) != Array("Người dân Hà Nội đón Tết".utf8))
            let ids = try await Fixtures.importNew(store, [Fixtures.input(
                id: "nfd", title: nfd, tags: ["Hà Nội".decomposedStringWithCanonicalMapping],
                body: "Đà Nẵng".decomposedStringWithCanonicalMapping
            )])
            let article = try #require(try await store.publishedArticle(id: ids["nfd"]!, now: Fixtures.now))
            #expect(Array(article.title.utf8) == Array("Người dân Hà Nội đón Tết".utf8))
            #expect(Array(article.body.utf8) == Array("Đà Nẵng".utf8))
            #expect(article.tags.map(\.name) == ["Hà Nội"])
            #expect(article.slug == "nguoi-dan-ha-noi-don-tet")
        }
    }

    @Test("an unknown section is created, named by section_name or else from its slug", arguments: Backend.allCases)
    func createsSections(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore & TaxonomyStore) in
            try await Fixtures.importNew(store, [
                Fixtures.input(id: "a", section: "giao-duc", sectionName: "Giáo dục"),
                Fixtures.input(id: "b", section: "phap-luat"),
            ])
            #expect(try await store.section(slug: "giao-duc")?.name == "Giáo dục")
            #expect(try await store.section(slug: "phap-luat")?.name == "Phap luat")
        }
    }

    @Test("one bad input rejects the whole batch and nothing is written", arguments: Backend.allCases)
    func atomic(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore & ContentChangeLog) in
            try await Fixtures.importNew(store, [Fixtures.input(id: "existing", title: "Bài có sẵn")])
            let before = try await store.latestChangeSequence()
            let batch = [
                Fixtures.input(id: "ok-1"),
                Fixtures.input(id: "existing", title: "Không được ghi"),
                Fixtures.input(id: "bad", related: ["does-not-exist"]),
            ]
            await #expect(throws: ImportRejected.self) { try await store.importArticles(batch, now: Fixtures.now) }
            do {
                _ = try await store.importArticles(batch, now: Fixtures.now)
            } catch let rejected as ImportRejected {
                #expect(rejected.problems == [.init(index: 2, error: .invalid(
                    "related[0]", "no article with id \"does-not-exist\" exists in this file or in the database"
                ))])
            }
            #expect(try await store.articleCount() == 1)
            #expect(try await store.latestChangeSequence() == before)
            let page = try await store.publishedArticles(.all, page: PageRequest(number: 1, size: 10), now: Fixtures.now)
            #expect(page.items.map(\.title) == ["Bài có sẵn"])
        }
    }

    @Test("a duplicate id within one batch is refused, naming where it first appeared", arguments: Backend.allCases)
    func duplicateInBatch(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore) in
            do {
                _ = try await store.importArticles([Fixtures.input(id: "x"), Fixtures.input(id: "x")], now: Fixtures.now)
                Issue.record("expected a rejection")
            } catch let rejected as ImportRejected {
                #expect(rejected.problems.map(\.index) == [1])
                #expect(rejected.problems.first?.error.field == "id")
            }
            #expect(try await store.articleCount() == 0)
        }
    }

    @Test("domain rules are enforced by the store too: empty title, bad section slug, missing alt text",
          arguments: Backend.allCases)
    func domainRules(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore) in
            var input = Fixtures.input(id: "r", section: "Thế Giới")
            input.title = "  "
            input.images = [ImageInput(src: "a.jpg", alt: "")]
            do {
                _ = try await store.importArticles([input], now: Fixtures.now)
                Issue.record("expected a rejection")
            } catch let rejected as ImportRejected {
                #expect(Set(rejected.problems.map(\.error.field)) == ["title", "section", "images[0].alt"])
            }
        }
    }

    @Test("curated related links may point at articles later in the same batch", arguments: Backend.allCases)
    func relatedWithinBatch(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore) in
            let ids = try await Fixtures.importNew(store, [
                Fixtures.input(id: "one", related: ["two"]),
                Fixtures.input(id: "two"),
            ])
            let one = try #require(try await store.publishedArticle(id: ids["one"]!, now: Fixtures.now))
            #expect(one.relatedIDs == [ids["two"]!])
        }
    }

    @Test("images are stored once per source and keep their order; the first is the featured image",
          arguments: Backend.allCases)
    func images(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore) in
            let photo = ImageInput(
                src: "imports/ab/photo.jpg", alt: "Cầu Rồng", caption: "Cầu Rồng về đêm", credit: "Lê Minh", width: 1200, height: 800
            )
            let chart = ImageInput(src: "https://example.org/chart.png", alt: "Biểu đồ")
            let ids = try await Fixtures.importNew(store, [
                Fixtures.input(id: "p1", images: [photo, chart]),
                Fixtures.input(id: "p2", images: [photo]),
            ])
            let article = try #require(try await store.publishedArticle(id: ids["p1"]!, now: Fixtures.now))
            #expect(article.images.map(\.src) == ["imports/ab/photo.jpg", "https://example.org/chart.png"])
            #expect(article.featuredImage?.credit == "Lê Minh")
            #expect(article.featuredImage?.width == 1200)
            let other = try #require(try await store.publishedArticle(id: ids["p2"]!, now: Fixtures.now))
            #expect(other.images.first?.id == article.images.first?.id)
        }
    }

    @Test("an import logs what it touched: the article, its lists, and that the newest list changed", arguments: Backend.allCases)
    func changeLog(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore & TaxonomyStore & ContentChangeLog) in
            let start = try await store.latestChangeSequence()
            let ids = try await Fixtures.importNew(store, [Fixtures.input(id: "n", section: "chau-a", tags: ["ASEAN"], topic: "Chuyện")])
            let changes = try await store.changes(after: start, limit: 10)
            let touched = changes.reduce(into: Set<ContentDependency>()) { $0.formUnion($1.dependencies) }
            let asia = try #require(try await store.section(slug: "chau-a"))
            let world = try #require(try await store.section(slug: "the-gioi"))
            let tag = try #require(try await store.tag(slug: "asean"))
            let topic = try #require(try await store.topic(slug: "chuyen"))
            #expect(touched.isSuperset(of: [
                .article(ids["n"]!), .section(asia.id), .section(world.id), .tag(tag.id), .topic(topic.id), .latest,
            ]))

            // Editing the text only (same time, same state) does not disturb the newest lists.
            let afterFirst = try await store.latestChangeSequence()
            _ = try await store.importArticles(
                [Fixtures.input(id: "n", title: "Tiêu đề mới", section: "chau-a", tags: ["ASEAN"], topic: "Chuyện")], now: Fixtures.now
            )
            let edit = try await store.changes(after: afterFirst, limit: 10)
            #expect(edit.count == 1)
            #expect(edit.first?.dependencies.contains(.article(ids["n"]!)) == true)
            #expect(edit.first?.dependencies.contains(.latest) == false)
        }
    }
}
