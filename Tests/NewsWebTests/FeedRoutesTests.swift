import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Hummingbird
import HummingbirdTesting
import NewsDomain
import NewsStore
import NewsTestSupport
import NewsWeb
import Testing

/// Elements read back from an XML document by a real parser, which fails the test on malformed XML.
struct ParsedXML {
    /// Every element: its (qualified) name, attributes and text.
    var elements: [(name: String, attributes: [String: String], text: String)] = []

    init(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [(name: String, attributes: [String: String], text: String)] = []
            var stack: [Int] = []
            func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                elements.append((element, attributes, ""))
                stack.append(elements.count - 1)
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if let index = stack.last { elements[index].text += string }
            }
            func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
                _ = stack.popLast()
            }
        }
        let parser = XMLParser(data: Data(text.utf8))
        let collector = Collector()
        parser.delegate = collector
        let parsed = parser.parse()
        #expect(parsed, "malformed XML: \(parser.parserError.map { "\($0)" } ?? "")", sourceLocation: sourceLocation)
        elements = collector.elements
    }

    /// The texts of the elements named `name`, in document order.
    func texts(_ name: String) -> [String] { elements.filter { $0.name == name }.map(\.text) }

    /// The attributes of the elements named `name`, in document order.
    func attributes(_ name: String) -> [[String: String]] { elements.filter { $0.name == name }.map(\.attributes) }
}

/// RSS and Atom feeds through the router: what each item carries, which articles each list holds, escaping, GUIDs
/// that survive edits, and the page cache dropping feeds within one change-log poll.
@Suite("Feeds")
struct FeedRoutesTests {
    static func get(_ client: some TestClientProtocol, _ path: String) async throws -> (status: HTTPResponse.Status, type: String, text: String) {
        try await client.execute(uri: path, method: .get) { ($0.status, $0.headers[.contentType] ?? "", $0.text) }
    }

    /// The feed and sitemap paths a reader or crawler can fetch for the lists Newsdesk articles are on.
    static let documents = [
        "/rss.xml", "/atom.xml", "/the-gioi/rss.xml", "/kinh-te/rss.xml", "/kinh-te/atom.xml", "/tag/ha-noi/rss.xml",
        "/tag/ha-noi/atom.xml", "/dong-su-kien/chuyen-thu/rss.xml", "/dong-su-kien/chuyen-thu/atom.xml",
        "/tac-gia/nguyen-thu-ha/rss.xml", "/tac-gia/nguyen-thu-ha/atom.xml", "/sitemap.xml", "/sitemap-articles-1.xml",
        "/sitemap-lists-1.xml", "/sitemap-news.xml",
    ]

    @Test("the site's RSS feed: newest first, sapo, permanent guid, +0700 dates, language, self link, enclosure with length and type")
    func siteRSS() async throws {
        let photo = [UInt8](repeating: 0xAB, count: 4_321)
        let articles = [
            Fixtures.input(id: "cu", title: "Bài cũ có ảnh", minutesAgo: 90, images: [ImageInput(src: "2023/12/anh-thu.jpg", alt: "Ảnh thử", width: 1200, height: 675)]),
            Fixtures.input(id: "moi", title: "Bài mới có ảnh ngoài", minutesAgo: 30, images: [ImageInput(src: "https://anh.example/x.webp", alt: "Ảnh ngoài", width: 800)]),
            Fixtures.input(id: "nhap", title: "Bản nháp chưa đăng", minutesAgo: 10, status: .draft),
        ]
        try await TestSite.run(articles: articles) { site, ids, client in
            try FileManager.default.createDirectory(at: site.media.appendingPathComponent("2023/12"), withIntermediateDirectories: true)
            try Data(photo).write(to: site.media.appendingPathComponent("2023/12/anh-thu.jpg"))
            let (status, type, text) = try await Self.get(client, "/rss.xml")
            #expect(status == .ok)
            #expect(type == "application/rss+xml; charset=utf-8")
            let xml = ParsedXML(text)
            #expect(xml.texts("title") == ["Báo Thử Nghiệm", "Bài mới có ảnh ngoài", "Bài cũ có ảnh"])
            #expect(xml.texts("language") == ["vi"])
            #expect(xml.attributes("atom:link").first?["href"] == "https://bao.example/rss.xml")
            #expect(xml.attributes("atom:link").first?["rel"] == "self")
            let old = try #require(ids["cu"])
            let new = try #require(ids["moi"])
            #expect(xml.texts("guid") == ["https://bao.example/\(new).html", "https://bao.example/\(old).html"])
            #expect(xml.texts("link").dropFirst().elementsEqual([
                "https://bao.example/bai-moi-co-anh-ngoai-\(new).html", "https://bao.example/bai-cu-co-anh-\(old).html",
            ]))
            #expect(xml.texts("description").last == "Sapo của bài cu, viết riêng cho bộ kiểm thử của Tòa Soạn.")
            // Fixtures.now is Thứ Sáu 22/12/2023 10:30 in Vietnam.
            #expect(xml.texts("pubDate") == ["Fri, 22 Dec 2023 10:00:00 +0700", "Fri, 22 Dec 2023 09:00:00 +0700"])
            #expect(xml.texts("dc:creator") == ["Nguyễn Văn Thử", "Nguyễn Văn Thử"])
            #expect(xml.texts("category") == ["Thế giới", "Thế giới"])
            let enclosure = try #require(xml.attributes("enclosure").first)
            #expect(enclosure == ["url": "https://bao.example/media/2023/12/anh-thu.jpg", "length": "4321", "type": "image/jpeg"])
            #expect(xml.attributes("enclosure").count == 1, "a remote image has no known length: no enclosure")
            #expect(xml.attributes("media:content") == [["url": "https://anh.example/x.webp", "medium": "image", "type": "image/webp", "width": "800"]])
            #expect(!text.contains("Bản nháp"))
        }
    }

    @Test("the Atom feed: entry ids equal the RSS guids, RFC 3339 dates at +07:00, alternate and self links")
    func siteAtom() async throws {
        try await TestSite.run(articles: [Fixtures.input(id: "a", title: "Tin Atom", minutesAgo: 5)]) { _, ids, client in
            let (status, type, text) = try await Self.get(client, "/atom.xml")
            #expect(status == .ok)
            #expect(type == "application/atom+xml; charset=utf-8")
            let xml = ParsedXML(text)
            let id = try #require(ids["a"])
            #expect(xml.texts("id") == ["https://bao.example/", "https://bao.example/\(id).html"])
            #expect(xml.texts("published") == ["2023-12-22T10:25:00+07:00"])
            #expect(xml.texts("updated").allSatisfy { $0.hasSuffix("+07:00") })
            let links = xml.attributes("link")
            #expect(links.contains { $0["rel"] == "self" && $0["href"] == "https://bao.example/atom.xml" })
            #expect(links.contains { $0["rel"] == "alternate" && $0["href"] == "https://bao.example/tin-atom-\(id).html" })
            #expect(xml.elements.first?.attributes["xml:lang"] == "vi")
        }
    }

    @Test("section (with its subsections), tag, topic and author feeds hold their own articles; unknown lists are 404")
    func listFeeds() async throws {
        let articles = [
            Fixtures.input(id: "tg", title: "Tin thế giới", section: "the-gioi", tags: ["Hà Nội"], topic: "Bão số 9", author: "Lê Thị Mai"),
            Fixtures.input(id: "ca", title: "Tin châu Á", section: "chau-a", minutesAgo: 50),
            Fixtures.input(id: "kt", title: "Tin kinh tế", section: "kinh-te", tags: ["Giá vàng"], minutesAgo: 40),
        ]
        try await TestSite.run(articles: articles) { _, _, client in
            func titles(_ path: String) async throws -> [String] {
                let (status, _, text) = try await Self.get(client, path)
                #expect(status == .ok, "\(path)")
                let xml = ParsedXML(text)
                return Array(xml.texts(path.hasSuffix("atom.xml") ? "title" : "title").dropFirst())
            }
            #expect(try await titles("/the-gioi/rss.xml") == ["Tin châu Á", "Tin thế giới"])
            #expect(try await titles("/chau-a/atom.xml") == ["Tin châu Á"])
            #expect(try await titles("/kinh-te/rss.xml") == ["Tin kinh tế"])
            #expect(try await titles("/tag/ha-noi/rss.xml") == ["Tin thế giới"])
            #expect(try await titles("/tag/gia-vang/atom.xml") == ["Tin kinh tế"])
            #expect(try await titles("/dong-su-kien/bao-so-9/rss.xml") == ["Tin thế giới"])
            #expect(try await titles("/tac-gia/le-thi-mai/atom.xml") == ["Tin thế giới"])
            let (_, _, section) = try await Self.get(client, "/kinh-te/rss.xml")
            #expect(section.contains("<title>Kinh tế – Báo Thử Nghiệm</title>"))
            #expect(section.contains(#"<atom:link href="https://bao.example/kinh-te/rss.xml" rel="self""#))
            #expect(section.contains("<link>https://bao.example/kinh-te</link>"))
            for path in ["/khong-co/rss.xml", "/tag/khong-co/atom.xml", "/dong-su-kien/khong-co/rss.xml", "/tac-gia/khong-co/rss.xml"] {
                let (status, type, _) = try await Self.get(client, path)
                #expect(status == .notFound, "\(path)")
                #expect(type.hasPrefix("text/html"), "\(path) answers with the reader's 404 page")
            }
        }
    }

    @Test("headlines and sapos with & < > \" ' and Vietnamese come out escaped and read back unchanged")
    func escaping() async throws {
        let title = #"Giá "vàng" & 'USD' <tăng> mạnh ở Đà Nẵng"#
        let sapo = #"Sapo có <script>alert('x')</script> & “ngoặc kép” của người Việt: ơ ư đ"#
        try await TestSite.run(articles: [Fixtures.input(id: "x", title: title, tags: ["A&B <c>"], sapo: sapo)]) { _, _, client in
            for path in ["/rss.xml", "/atom.xml", "/tag/a-b-c/rss.xml", "/sitemap-news.xml"] {
                let (status, _, text) = try await Self.get(client, path)
                #expect(status == .ok, "\(path)")
                #expect(!text.contains("<script>"), "\(path)")
                let xml = ParsedXML(text)
                let titles = xml.texts("title") + xml.texts("news:title")
                #expect(titles.contains(title), "\(path)")
                if !path.contains("sitemap") {
                    #expect((xml.texts("description") + xml.texts("summary")).contains(sapo), "\(path)")
                }
            }
            let (_, _, tagFeed) = try await Self.get(client, "/tag/a-b-c/atom.xml")
            #expect(ParsedXML(tagFeed).texts("title").first == "A&B <c> – Báo Thử Nghiệm")
        }
    }

    @Test("an article keeps its guid through an edit and a slug change; its link follows the new slug")
    func stableGUID() async throws {
        try await TestSite.run { site, _, client in
            let desk = try await Newsdesk.make(site.store)
            let article = try await desk.published("Tiêu đề ban đầu")
            let (_, _, before) = try await Self.get(client, "/rss.xml")
            let guid = "https://bao.example/\(article.id).html"
            #expect(ParsedXML(before).texts("guid") == [guid])
            #expect(site.cache.page(for: "/rss.xml") != nil)

            try await FeedTestDesk(desk).republish(article, title: "Tiêu đề đã sửa", slug: "duong-dan-moi")
            try await site.follower.poll()

            for path in ["/rss.xml", "/atom.xml"] {
                let (_, _, after) = try await Self.get(client, path)
                let xml = ParsedXML(after)
                #expect((xml.texts("guid") + xml.texts("id").dropFirst()) == [guid], "\(path)")
                #expect(after.contains("Tiêu đề đã sửa"), "\(path)")
                #expect(after.contains("https://bao.example/duong-dan-moi-\(article.id).html"), "\(path)")
                #expect(!after.contains("tieu-de-ban-dau-\(article.id).html"), "\(path)")
            }
            // The guid is an address too: it leads to the article wherever its slug now is.
            let redirect = try await client.execute(uri: "/\(article.id).html", method: .get) { $0 }
            #expect(redirect.status == .movedPermanently)
            #expect(redirect.headers[.location] == "/duong-dan-moi-\(article.id).html")
        }
    }

    @Test("cached feeds and sitemaps change within one change-log poll of a publication, an edit, a section move and a takedown")
    func invalidation() async throws {
        try await TestSite.run { site, _, client in
            let desk = try await Newsdesk.make(site.store)
            let first = try await desk.published("Bài thứ nhất")
            try await site.follower.poll()
            for path in Self.documents { _ = try await Self.get(client, path) }
            let cached = Self.documents.filter { site.cache.page(for: $0) != nil }
            #expect(cached == Self.documents.filter { $0 != "/sitemap-news.xml" }, "every document but the news sitemap is cached")

            // A publication.
            let second = try await desk.published("Bài thứ hai")
            try await site.follower.poll()
            for path in Self.documents {
                let (_, _, text) = try await Self.get(client, path)
                // The index and the list sitemap name no articles; Thế giới's feed is not the new article's list.
                if ["/sitemap.xml", "/sitemap-lists-1.xml", "/the-gioi/rss.xml"].contains(path) { continue }
                #expect(text.contains("-\(second.id).html"), "\(path) lacks the new article after one poll")
            }

            // An edit with a new slug and a move to another section.
            for path in Self.documents { _ = try await Self.get(client, path) }
            try await FeedTestDesk(desk).republish(first, title: "Bài thứ nhất đã sửa", slug: "bai-mot-moi", section: "the-gioi")
            try await site.follower.poll()
            for path in ["/rss.xml", "/atom.xml", "/tag/ha-noi/rss.xml", "/tac-gia/nguyen-thu-ha/atom.xml", "/the-gioi/rss.xml"] {
                let (_, _, text) = try await Self.get(client, path)
                #expect(text.contains("Bài thứ nhất đã sửa"), "\(path) still shows the old headline")
            }
            let (_, _, economy) = try await Self.get(client, "/kinh-te/rss.xml")
            #expect(!economy.contains("\(first.id).html"), "the old section's feed still lists the moved article")
            let (_, _, articlesMap) = try await Self.get(client, "/sitemap-articles-1.xml")
            #expect(articlesMap.contains("https://bao.example/bai-mot-moi-\(first.id).html"))
            #expect(!articlesMap.contains("bai-thu-nhat-\(first.id).html"))
            let (_, _, news) = try await Self.get(client, "/sitemap-news.xml")
            #expect(ParsedXML(news).texts("news:title").contains("Bài thứ nhất đã sửa"))

            // A takedown.
            for path in Self.documents { _ = try await Self.get(client, path) }
            try await desk.act(.takedown, second.id, by: desk.editorInChief, note: "Sai sự thật", now: Fixtures.now)
            try await site.follower.poll()
            for path in Self.documents {
                let (_, _, text) = try await Self.get(client, path)
                #expect(!text.contains("\(second.id).html"), "\(path) still lists the taken-down article")
                #expect(!text.contains("Bài thứ hai"), "\(path) still shows the taken-down headline")
            }
        }
    }

    @Test("no draft, submitted, approved, returned, scheduled, future-dated, withdrawn or taken-down article appears in any feed or sitemap")
    func hiddenArticles() async throws {
        try await TestSite.run { site, _, client in
            let scene = try await UnpublishedNeverShownTests.makeScene(site)
            try await site.follower.poll()
            func check(_ extraHidden: [ArticleID]) async throws {
                for path in Self.documents {
                    let (status, _, text) = try await Self.get(client, path)
                    #expect(status == .ok, "\(path)")
                    #expect(!text.contains(UnpublishedNeverShownTests.secret), "\(path) shows an article readers may not see")
                    for article in scene.hidden.values.map(\.id) + [scene.futureImportID] + extraHidden {
                        #expect(!text.contains("-\(article).html") && !text.contains("/\(article).html"), "\(path) lists article \(article)")
                    }
                }
            }
            let (_, _, feed) = try await Self.get(client, "/rss.xml")
            #expect(feed.contains("Bài sẽ bị gỡ") && feed.contains("Tiêu đề đang hiển thị"), "the lists are not empty")
            try await check([])
            try await scene.desk.act(.takedown, scene.takenDown.id, by: scene.desk.editorInChief, note: "Vi phạm", now: Fixtures.now)
            try await scene.desk.act(.unpublish, scene.withdrawn.id, by: scene.desk.editorInChief, note: "Kiểm tra lại", now: Fixtures.now)
            try await site.follower.poll()
            try await check([scene.takenDown.id, scene.withdrawn.id])
        }
    }
}

/// The newsroom steps that put a new version of a published article live.
struct FeedTestDesk {
    let desk: Newsdesk

    init(_ desk: Newsdesk) { self.desk = desk }

    /// Saves a revision with a new headline (and slug, and section), then takes it through the approval chain to live.
    @discardableResult
    func republish(_ article: EditorialArticle, title: String, slug: String, section: String? = nil) async throws -> EditorialArticle {
        let current = try #require(try await desk.store.editorialArticle(id: article.id, now: Fixtures.now))
        let content = current.content
        let input = ArticleInput(
            title: title, sapo: content.sapo, body: content.body, sectionSlug: section ?? content.section.slug,
            tags: content.tags.map(\.name), topic: content.topic?.name, author: content.authors.first?.name ?? "", status: .draft,
            related: content.relatedIDs.map(\.description), slug: slug
        )
        let saved = try await desk.store.saveArticle(
            id: article.id, input: input, baseVersion: current.currentVersion, actor: desk.editorInChief.editorialActor,
            actorName: desk.editorInChief.name, workflow: desk.workflow, now: Newsdesk.time(-20)
        )
        // The editor-in-chief takes the revision up the chain as far as the workflow asks, then puts it live.
        var result = saved
        var step = 0
        while result.state.revision != nil, step < 8 {
            let actions = desk.workflow.availableActions(for: desk.editorInChief.editorialActor, on: result.subject)
            let next = try #require([WorkflowAction.publish, .approve, .submit].first(where: actions.contains), "stuck at \(result.state)")
            result = try await desk.act(next, article.id, by: desk.editorInChief, now: Newsdesk.time(-19 + Double(step)))
            step += 1
        }
        return result
    }
}
