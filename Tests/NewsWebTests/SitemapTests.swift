import Foundation
import Hummingbird
import HummingbirdTesting
import NewsDomain
import NewsRendering
import NewsStore
import NewsTestSupport
import NewsWeb
import Testing

/// Sitemaps, the Google News sitemap and robots.txt: what they list, their limits and their dates.
@Suite("Sitemaps")
struct SitemapTests {
    static func get(_ client: some TestClientProtocol, _ path: String) async throws -> (status: HTTPResponse.Status, type: String, text: String) {
        try await client.execute(uri: path, method: .get) { ($0.status, $0.headers[.contentType] ?? "", $0.text) }
    }

    @Test("the sitemap index names the article and list sitemaps with lastmod; they list every visible article and list page")
    func sitemapIndex() async throws {
        let articles = [
            Fixtures.input(id: "a", title: "Bài A", section: "chau-a", tags: ["Hà Nội"], topic: "Bão số 9", minutesAgo: 120),
            Fixtures.input(id: "b", title: "Bài B", section: "kinh-te", minutesAgo: 60),
            Fixtures.input(id: "c", title: "Bài nháp C", section: "kinh-te", tags: ["Bí mật"], minutesAgo: 30, status: .draft),
        ]
        try await TestSite.run(articles: articles) { _, ids, client in
            let (status, type, index) = try await Self.get(client, "/sitemap.xml")
            #expect(status == .ok)
            #expect(type == "application/xml; charset=utf-8")
            let parsed = ParsedXML(index)
            #expect(parsed.elements.first?.name == "sitemapindex")
            #expect(parsed.texts("loc") == ["https://bao.example/sitemap-articles-1.xml", "https://bao.example/sitemap-lists-1.xml"])
            // The newest change: article B, published an hour before the clock (its version was saved at import).
            #expect(parsed.texts("lastmod").allSatisfy { $0.hasPrefix("2023-12-2") && $0.hasSuffix("+07:00") })

            let (_, _, articleMap) = try await Self.get(client, "/sitemap-articles-1.xml")
            let urls = ParsedXML(articleMap)
            let a = try #require(ids["a"])
            let b = try #require(ids["b"])
            #expect(urls.texts("loc") == ["https://bao.example/bai-a-\(a).html", "https://bao.example/bai-b-\(b).html"])
            #expect(urls.texts("lastmod").count == 2)
            #expect(urls.texts("lastmod").allSatisfy { $0.hasSuffix("+07:00") })

            let (_, _, lists) = try await Self.get(client, "/sitemap-lists-1.xml")
            #expect(ParsedXML(lists).texts("loc") == [
                "https://bao.example/chau-a", "https://bao.example/kinh-te", "https://bao.example/the-gioi",
                "https://bao.example/tag/ha-noi", "https://bao.example/dong-su-kien/bao-so-9",
                "https://bao.example/tac-gia/nguyen-van-thu",
            ])
            #expect(!lists.contains("bi-mat"), "a tag only a draft carries has no page worth listing")
            for path in ["/sitemap-articles-2.xml", "/sitemap-lists-2.xml", "/sitemap-articles-0.xml", "/sitemap-articles-01.xml", "/sitemap-articles-x.xml"] {
                let (status, _, _) = try await Self.get(client, path)
                #expect(status == .notFound, "\(path)")
            }
        }
    }

    @Test("an empty site still has a valid index and an empty first article sitemap")
    func emptySite() async throws {
        try await TestSite.run { _, _, client in
            let (_, _, index) = try await Self.get(client, "/sitemap.xml")
            #expect(ParsedXML(index).texts("loc") == ["https://bao.example/sitemap-articles-1.xml"])
            let (status, _, page) = try await Self.get(client, "/sitemap-articles-1.xml")
            #expect(status == .ok)
            #expect(ParsedXML(page).texts("loc").isEmpty)
            let (newsStatus, _, news) = try await Self.get(client, "/sitemap-news.xml")
            #expect(newsStatus == .ok)
            #expect(ParsedXML(news).elements.first?.name == "urlset")
        }
    }

    @Test("article sitemaps split at the URL limit, each page named in the index with its newest lastmod")
    func articlePaging() async throws {
        let articles = (1...5).map { Fixtures.input(id: "p\($0)", title: "Bài phân trang \($0)", minutesAgo: 10 * $0) }
        try await TestSite.run(articles: articles) { site, ids, _ in
            let controller = FeedController(store: site.store, mediaDirectory: nil, urlsPerSitemap: 2, clock: { Fixtures.now })
            let index = ParsedXML(String(buffer: try await controller.sitemapIndex().body))
            #expect(index.texts("loc").filter { $0.contains("articles") } == (1...3).map { "https://bao.example/sitemap-articles-\($0).xml" })
            var seen: [String] = []
            for page in 1...3 {
                let document = try #require(try await controller.sitemap(.articles, page: page))
                seen += ParsedXML(String(buffer: document.body)).texts("loc")
            }
            #expect(seen.count == 5)
            #expect(Set(seen) == Set(ids.map { "https://bao.example/bai-phan-trang-\($0.key.dropFirst())-\($0.value).html" }))
            #expect(try await controller.sitemap(.articles, page: 4) == nil)
            #expect(FeedController.urlsPerSitemap == 50_000)
        }
    }

    @Test("the Google News sitemap holds only articles first published in the last 48 hours, with publication, language and title")
    func newsWindow() async throws {
        let articles = [
            Fixtures.input(id: "moi", title: "Tin 47 giờ trước", minutesAgo: 47 * 60),
            Fixtures.input(id: "cu", title: "Tin 49 giờ trước", minutesAgo: 49 * 60),
            Fixtures.input(id: "vua", title: "Tin vừa đăng", minutesAgo: 1),
        ]
        try await TestSite.run(articles: articles) { _, ids, client in
            let (status, type, text) = try await Self.get(client, "/sitemap-news.xml")
            #expect(status == .ok)
            #expect(type == "application/xml; charset=utf-8")
            let xml = ParsedXML(text)
            #expect(xml.elements.first?.attributes["xmlns:news"] == "http://www.google.com/schemas/sitemap-news/0.9")
            #expect(xml.texts("news:title") == ["Tin vừa đăng", "Tin 47 giờ trước"])
            #expect(xml.texts("loc") == [
                "https://bao.example/tin-vua-dang-\(try #require(ids["vua"])).html",
                "https://bao.example/tin-47-gio-truoc-\(try #require(ids["moi"])).html",
            ])
            #expect(xml.texts("news:name") == ["Báo Thử Nghiệm", "Báo Thử Nghiệm"])
            #expect(xml.texts("news:language") == ["vi", "vi"])
            #expect(xml.texts("news:publication_date") == ["2023-12-22T10:29:00+07:00", "2023-12-20T11:30:00+07:00"])
            #expect(!text.contains("49 giờ"))
        }
    }

    @Test("more than 1,000 recent articles turn the Google News sitemap into an index of files of at most 1,000")
    func newsSplit() async throws {
        let articles = (1...1_001).map { Fixtures.input(id: "n\($0)", title: "Tin số \($0)", minutesAgo: $0) }
        try await TestSite.run(articles: articles) { _, _, client in
            let (_, _, text) = try await Self.get(client, "/sitemap-news.xml")
            let index = ParsedXML(text)
            #expect(index.elements.first?.name == "sitemapindex")
            #expect(index.texts("loc") == ["https://bao.example/sitemap-news-1.xml", "https://bao.example/sitemap-news-2.xml"])
            let (_, _, first) = try await Self.get(client, "/sitemap-news-1.xml")
            let firstURLs = ParsedXML(first).texts("news:title")
            #expect(firstURLs.count == 1_000)
            #expect(firstURLs.first == "Tin số 1")
            let (_, _, second) = try await Self.get(client, "/sitemap-news-2.xml")
            #expect(ParsedXML(second).texts("news:title") == ["Tin số 1001"])
            let (status, _, _) = try await Self.get(client, "/sitemap-news-3.xml")
            #expect(status == .notFound)
            #expect(FeedController.urlsPerNewsSitemap == 1_000)
        }
    }

    @Test("robots.txt keeps crawlers out of the newsroom and the Admin API and names both sitemaps")
    func robots() async throws {
        try await TestSite.run { _, _, client in
            let (status, type, text) = try await Self.get(client, "/robots.txt")
            #expect(status == .ok)
            #expect(type == "text/plain; charset=utf-8")
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.first == "User-agent: *")
            #expect(lines.contains("Disallow: /toa-soan/"))
            #expect(lines.contains("Disallow: /api/admin/"))
            #expect(lines.contains("Sitemap: https://bao.example/sitemap.xml"))
            #expect(lines.contains("Sitemap: https://bao.example/sitemap-news.xml"))
        }
    }

    @Test("a change naming any article drops the pages that depend on any article (sitemaps), and nothing more")
    func anyArticleToken() {
        let cache = PageCache()
        cache.store(CachedPage(contentType: "application/xml", text: "s", dependencies: [.anyArticle]), for: "/s", generation: cache.generation)
        cache.store(CachedPage(contentType: "text/html", text: "k", dependencies: [.section(SectionID(1))]), for: "/k", generation: cache.generation)
        cache.invalidate([.tag(TagID(3)), .latest])
        #expect(cache.page(for: "/s") != nil)
        cache.invalidate([.article(ArticleID(9))])
        #expect(cache.page(for: "/s") == nil)
        #expect(cache.page(for: "/k") != nil)
        #expect(ContentDependency(token: ContentDependency.anyArticle.token) == .anyArticle)
    }

    @Test("a new site address reaches robots.txt, feeds and sitemaps within one poll")
    func baseURLChange() async throws {
        try await TestSite.run(articles: [Fixtures.input(id: "a")]) { site, _, client in
            for path in ["/robots.txt", "/rss.xml", "/sitemap.xml"] { _ = try await Self.get(client, path) }
            var settings = try await site.store.siteSettings()
            settings.baseURL = "https://baomoi.example.vn"
            try await site.store.saveSiteSettings(settings)
            try await site.follower.poll()
            for path in ["/robots.txt", "/rss.xml", "/sitemap.xml"] {
                let (_, _, text) = try await Self.get(client, path)
                #expect(text.contains("https://baomoi.example.vn/"), "\(path)")
                #expect(!text.contains("https://bao.example/"), "\(path)")
            }
        }
    }
}
