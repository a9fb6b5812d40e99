import Foundation
import NewsDomain
import NewsStore
import NewsStoreSQLite
import NewsTestSupport
import Testing

@Suite("Importing articles into SQLite")
struct ImportTests {
    @Test("a new external id creates an article; the same id again updates it as a new version, never a duplicate")
    func upsertByExternalID() async throws {
        let store = try await Fixtures.emptyStore()
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

    @Test("text typed in NFD is stored in NFC")
    func storesNFC() async throws {
        let store = try await Fixtures.emptyStore()
        let nfd = "Người dân Hà Nội đón Tết".decomposedStringWithCanonicalMapping
        #expect(Array(nfd.utf8) != Array("Người dân Hà Nội đón Tết".utf8))
        let ids = try await Fixtures.importNew(store, [Fixtures.input(
            id: "nfd", title: nfd, tags: ["Hà Nội".decomposedStringWithCanonicalMapping], body: "Đà Nẵng".decomposedStringWithCanonicalMapping
        )])
        let article = try #require(try await store.publishedArticle(id: ids["nfd"]!, now: Fixtures.now))
        #expect(Array(article.title.utf8) == Array("Người dân Hà Nội đón Tết".utf8))
        #expect(Array(article.body.utf8) == Array("Đà Nẵng".utf8))
        #expect(article.tags.map(\.name) == ["Hà Nội"])
        #expect(article.slug == "nguoi-dan-ha-noi-don-tet")
    }

    @Test("an unknown section is created, named by section_name or else from its slug")
    func createsSections() async throws {
        let store = try await Fixtures.emptyStore()
        try await Fixtures.importNew(store, [
            Fixtures.input(id: "a", section: "giao-duc", sectionName: "Giáo dục"),
            Fixtures.input(id: "b", section: "phap-luat"),
        ])
        #expect(try await store.section(slug: "giao-duc")?.name == "Giáo dục")
        #expect(try await store.section(slug: "phap-luat")?.name == "Phap luat")
    }

    @Test("one bad input rejects the whole batch and nothing is written")
    func atomic() async throws {
        let store = try await Fixtures.emptyStore()
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

    @Test("a duplicate id within one batch is refused, naming where it first appeared")
    func duplicateInBatch() async throws {
        let store = try await Fixtures.emptyStore()
        do {
            _ = try await store.importArticles([Fixtures.input(id: "x"), Fixtures.input(id: "x")], now: Fixtures.now)
            Issue.record("expected a rejection")
        } catch let rejected as ImportRejected {
            #expect(rejected.problems.map(\.index) == [1])
            #expect(rejected.problems.first?.error.field == "id")
        }
        #expect(try await store.articleCount() == 0)
    }

    @Test("domain rules are enforced by the store too: empty title, bad section slug, missing alt text")
    func domainRules() async throws {
        let store = try await Fixtures.emptyStore()
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

    @Test("curated related links may point at articles later in the same batch")
    func relatedWithinBatch() async throws {
        let store = try await Fixtures.emptyStore()
        let ids = try await Fixtures.importNew(store, [
            Fixtures.input(id: "one", related: ["two"]),
            Fixtures.input(id: "two"),
        ])
        let one = try #require(try await store.publishedArticle(id: ids["one"]!, now: Fixtures.now))
        #expect(one.relatedIDs == [ids["two"]!])
    }

    @Test("images are stored once per source and keep their order; the first is the featured image")
    func images() async throws {
        let store = try await Fixtures.emptyStore()
        let photo = ImageInput(src: "imports/ab/photo.jpg", alt: "Cầu Rồng", caption: "Cầu Rồng về đêm", credit: "Lê Minh", width: 1200, height: 800)
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
