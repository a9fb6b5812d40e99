import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NewsRendering
import Testing

/// The XML writer and the feed and sitemap documents, without a database: escaping, dates, structure.
@Suite("Feed and sitemap documents")
struct FeedDocumentTests {
    /// 22/12/2023 10:30 in Vietnam.
    static let time = Date(timeIntervalSince1970: 1_703_215_800)
    static let nasty = #"Giá xăng & dầu <tăng> "mạnh" – 'kỷ lục' ở Đà Nẵng"#

    static func item(title: String = nasty, image: FeedImageLink? = nil) -> FeedItem {
        FeedItem(
            id: "https://bao.example/12.html", url: "https://bao.example/gia-xang-12.html", title: title,
            summary: "Sapo có ký tự <b>đậm</b> & \"ngoặc\"", authors: ["Nguyễn Thu Hà", "Trần Văn B"], category: "Kinh tế",
            categoryTerm: "kinh-te", published: time, updated: time.addingTimeInterval(600), image: image
        )
    }

    static func document(_ items: [FeedItem]) -> FeedDocument {
        FeedDocument(
            title: "Kinh tế – Báo & Đời", description: "Tin <mới>", pageURL: "https://bao.example/kinh-te",
            selfURL: "https://bao.example/kinh-te/rss.xml", publisher: "Báo & Đời", updated: time.addingTimeInterval(600), items: items
        )
    }

    /// Text of every element named `name`, read back by a real XML parser (which fails on malformed input).
    static func texts(_ xml: String, _ name: String) throws -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            let name: String
            var texts: [String] = []
            var current: String?
            init(name: String) { self.name = name }
            func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if element == name { current = "" }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
            func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
                if element == name, let text = current { texts.append(text); current = nil }
            }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector(name: name)
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        return collector.texts
    }

    @Test("text and attributes are escaped; characters XML forbids are dropped")
    func escaping() {
        #expect(XMLWriter.escape(#"a & b < c > d "e" 'f'"#) == #"a &amp; b &lt; c &gt; d "e" 'f'"#)
        #expect(XMLWriter.escape(#"a & "e" 'f'"#, attribute: true) == "a &amp; &quot;e&quot; &apos;f&apos;")
        #expect(XMLWriter.escape("tab\there\nline", attribute: true) == "tab&#9;here&#10;line")
        #expect(XMLWriter.escape("bell\u{07}null\u{00}ok\u{FFFE}") == "bellnullok")
        #expect(XMLWriter.escape("Đường Hồ Chí Minh") == "Đường Hồ Chí Minh")
        var xml = XMLWriter()
        xml.start("root", [("title", Self.nasty)])
        xml.element("t", Self.nasty)
        let text = xml.finish()
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root title=\""))
        #expect(text.contains("<t>Giá xăng &amp; dầu &lt;tăng&gt; \"mạnh\" – 'kỷ lục' ở Đà Nẵng</t>"))
    }

    @Test("RSS 2.0: language vi, self link, permanent guid, RFC 822 dates at +0700, bylines, enclosure, parsed back intact")
    func rss() throws {
        let enclosure = FeedImageLink(url: "https://bao.example/media/a%20b.jpg", type: "image/jpeg", length: 12_345, width: 800, height: 450)
        let xml = Self.document([Self.item(image: enclosure)]).rss()
        #expect(xml.contains(#"<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom""#))
        #expect(xml.contains("<language>vi</language>"))
        #expect(xml.contains(#"<atom:link href="https://bao.example/kinh-te/rss.xml" rel="self" type="application/rss+xml"/>"#))
        #expect(xml.contains(#"<guid isPermaLink="true">https://bao.example/12.html</guid>"#))
        #expect(xml.contains("<pubDate>Fri, 22 Dec 2023 10:30:00 +0700</pubDate>"))
        #expect(xml.contains("<lastBuildDate>Fri, 22 Dec 2023 10:40:00 +0700</lastBuildDate>"))
        #expect(xml.contains("<dc:creator>Nguyễn Thu Hà</dc:creator>"))
        #expect(xml.contains(#"<enclosure url="https://bao.example/media/a%20b.jpg" length="12345" type="image/jpeg"/>"#))
        #expect(try Self.texts(xml, "title") == ["Kinh tế – Báo & Đời", Self.nasty])
        #expect(try Self.texts(xml, "description") == ["Tin <mới>", "Sapo có ký tự <b>đậm</b> & \"ngoặc\""])
    }

    @Test("an image without a known size or type is media:content, never an enclosure")
    func remoteImage() throws {
        let remote = FeedImageLink(url: "https://anh.example/x.png?w=1&h=2", type: "image/png", length: nil, width: 1200, height: nil)
        let rss = Self.document([Self.item(image: remote)]).rss()
        #expect(!rss.contains("<enclosure"))
        #expect(rss.contains(#"<media:content url="https://anh.example/x.png?w=1&amp;h=2" medium="image" type="image/png" width="1200"/>"#))
        let atom = Self.document([Self.item(image: remote)]).atom()
        #expect(!atom.contains(#"rel="enclosure""#))
        #expect(atom.contains("<media:content"))
        _ = try Self.texts(rss, "title")
        _ = try Self.texts(atom, "title")
    }

    @Test("Atom: ids, RFC 3339 dates at +07:00, self and alternate links, feed-level author, enclosure link")
    func atom() throws {
        let enclosure = FeedImageLink(url: "https://bao.example/media/a.webp", type: "image/webp", length: 99)
        let xml = Self.document([Self.item(image: enclosure)]).atom()
        #expect(xml.contains(#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="vi">"#))
        #expect(xml.contains("<id>https://bao.example/12.html</id>"))
        #expect(xml.contains("<published>2023-12-22T10:30:00+07:00</published>"))
        #expect(xml.contains("<updated>2023-12-22T10:40:00+07:00</updated>"))
        #expect(xml.contains(#"<link rel="self" type="application/atom+xml" href="https://bao.example/kinh-te/rss.xml"/>"#))
        #expect(xml.contains(#"<link rel="alternate" type="text/html" href="https://bao.example/gia-xang-12.html"/>"#))
        #expect(xml.contains(#"<link rel="enclosure" type="image/webp" length="99" href="https://bao.example/media/a.webp"/>"#))
        #expect(xml.contains(#"<category term="kinh-te" label="Kinh tế"/>"#))
        #expect(try Self.texts(xml, "name") == ["Báo & Đời", "Nguyễn Thu Hà", "Trần Văn B"])
        #expect(try Self.texts(xml, "title") == ["Kinh tế – Báo & Đời", Self.nasty])
    }

    @Test("MIME types come from the file name; unknown extensions give none")
    func mimeTypes() {
        #expect(FeedImageLink.mimeType(forPath: "2024/01/anh.JPG") == "image/jpeg")
        #expect(FeedImageLink.mimeType(forPath: "https://x.example/a.webp?v=2") == "image/webp")
        #expect(FeedImageLink.mimeType(forPath: "anh.tiff") == nil)
        #expect(FeedImageLink.mimeType(forPath: "thu.muc/anh") == nil)
    }

    @Test("sitemaps: index, urlset and the Google News sitemap with the publication, language vi and W3C dates")
    func sitemaps() throws {
        let index = SitemapDocument.index([.init(url: "https://bao.example/sitemap-articles-1.xml", lastModified: Self.time)])
        #expect(index.contains(#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#))
        #expect(index.contains("<lastmod>2023-12-22T10:30:00+07:00</lastmod>"))
        let set = SitemapDocument.urlset([.init(url: "https://bao.example/a-1.html?x=1&y=2", lastModified: nil)])
        #expect(set.contains("<loc>https://bao.example/a-1.html?x=1&amp;y=2</loc>"))
        #expect(!set.contains("<lastmod>"))
        let news = SitemapDocument.news(
            [.init(url: "https://bao.example/a-1.html", title: Self.nasty, publishedAt: Self.time)], publicationName: "Báo & Đời"
        )
        #expect(news.contains(#"xmlns:news="http://www.google.com/schemas/sitemap-news/0.9""#))
        #expect(news.contains("<news:language>vi</news:language>"))
        #expect(news.contains("<news:publication_date>2023-12-22T10:30:00+07:00</news:publication_date>"))
        #expect(try Self.texts(news, "news:name") == ["Báo & Đời"])
        #expect(try Self.texts(news, "news:title") == [Self.nasty])
        let empty = SitemapDocument.news([], publicationName: "x")
        #expect(try Self.texts(empty, "loc").isEmpty)
    }

    @Test("robots.txt: a line break in a value cannot start a directive")
    func robots() {
        let text = SitemapDocument.robots(disallowed: ["/toa-soan/"], sitemaps: ["https://bao.example/sitemap.xml\nDisallow: /"])
        #expect(text == "User-agent: *\nDisallow: /toa-soan/\n\nSitemap: https://bao.example/sitemap.xmlDisallow: /\n")
    }
}
