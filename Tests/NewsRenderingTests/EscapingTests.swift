import Foundation
import Testing
import NewsDomain
@testable import NewsRendering

/// Every text field of every fixture carries `<script>alert(1)</script> "quotes" & more`: no page may contain it raw.
@Suite("Escaping")
struct EscapingTests {
    let hostile = Fixtures(hostile: true)

    /// Checks the page never has the payload raw, and has it escaped in each of `fields` (snippets around the text).
    func check(_ html: String, escapedIn fields: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!html.contains(Fixtures.rawScript), sourceLocation: sourceLocation)
        #expect(!html.contains("\"quotes\""), sourceLocation: sourceLocation)
        #expect(!html.contains(" & "), sourceLocation: sourceLocation)
        #expect(!html.lowercased().contains("javascript:"), sourceLocation: sourceLocation)
        for field in fields {
            #expect(html.contains(field), "missing escaped \(field)", sourceLocation: sourceLocation)
        }
    }

    /// `text` followed by the escaped payload, as it must appear.
    func e(_ text: String) -> String { "\(text) \(Fixtures.evilEscaped)" }

    /// The site-wide fields every page shows.
    var chromeFields: [String] {
        [
            "<p class=\"brand\"><a href=\"/\" rel=\"home\">\(e("Báo Tòa Soạn"))</a></p>", "<p class=\"tagline\">\(e("Tin tức đối ngoại"))</p>",
            ">\(e("Thời sự"))</a>", ">\(e("Châu Á"))</a>",
            "<p>Cơ quan chủ quản: \(e("Hội Nhà báo Việt Nam"))</p>",
            "Giấy phép số \(e("123/GP-BTTTT")) do \(e("Bộ Thông tin và Truyền thông")) cấp ngày 15/01/2024",
            "Tổng biên tập: \(e("Nguyễn Văn An"))", "Phó Tổng biên tập: \(e("Trần Thị Bình")), \(e("Lê Văn Cường"))",
            "Địa chỉ: \(e("Số 1 Phố Huế, Hà Nội"))", "Điện thoại: \(e("024 3825 0000")) · Email: \(e("toasoan@example.vn"))",
            e("© 2026 Báo Tòa Soạn. Giữ toàn quyền."),
            "<a href=\"https://facebook.com/toasoan?a=1&amp;b=&quot;x&quot;\" target=\"_blank\" rel=\"noopener\">\(e("Facebook"))</a>",
            ">\(e("RSS"))</a>",
        ]
    }

    @Test("article page")
    func article() {
        let html = TestTheme.renderer.render(article: hostile.articleContent(), chrome: hostile.chrome)
        check(html, escapedIn: chromeFields + [
            "<title>\(e("Hội nghị Cấp cao ASEAN lần thứ 43 khai mạc")) - \(e("Báo Tòa Soạn"))</title>",
            "<h1 class=\"article-title\">\(e("Hội nghị Cấp cao ASEAN lần thứ 43 khai mạc"))</h1>",
            "<p class=\"sapo\">\(e("Sáng 22/12, tại Jakarta, Hội nghị Cấp cao ASEAN lần thứ 43 đã khai mạc với sự tham dự của lãnh đạo các nước thành viên."))</p>",
            "<meta name=\"description\" content=\"Sáng 22/12",
            "rel=\"author\">\(e("Minh Anh"))</a>", "rel=\"tag\">\(e("ASEAN"))</a>", "Dòng sự kiện: <a href=\"/dong-su-kien/hoi-nghi-asean-2023\">\(e("Hội nghị ASEAN 2023"))</a>",
            "alt=\"\(e("Toàn cảnh hội nghị"))\"", "<figcaption>\(e("Các đại biểu tại hội nghị")) (Ảnh: \(e("TTXVN")))</figcaption>",
            "(Ảnh: \(e("Minh Hòa")))</figcaption>", "&quot;quotes&quot; &amp; more.</p>",
            "<span>Theo dõi \(e("Báo Tòa Soạn")) trên</span>", ">\(e("Bài viết số 1"))</a>", ">\(e("Bài viết số 11"))</a>",
            "<a href=\"/\">Trang chủ</a></li>\n<li><a href=\"/the-gioi\">\(e("Thế giới"))</a>",
        ])
    }

    @Test("home page")
    func home() {
        let html = TestTheme.renderer.render(home: hostile.home, chrome: hostile.chrome)
        let homeChrome = chromeFields.map {
            $0.replacingOccurrences(of: "<p class=\"brand\">", with: "<h1 class=\"brand\">").replacingOccurrences(of: "</a></p>", with: "</a></h1>")
        }
        check(html, escapedIn: homeChrome + [
            "<title>\(e("Báo Tòa Soạn")) - \(e("Tin tức đối ngoại"))</title>",
            "<h2 class=\"top-title\"><a href=\"/bai-viet-so-1-101.html\">\(e("Bài viết số 1"))</a></h2>",
            "alt=\"\(e("Ảnh bài 1"))\"", ">\(e("Bài viết số 6"))</a>", "<h2 class=\"block-title\"><a href=\"/kinh-te\">\(e("Kinh tế"))</a></h2>",
            "<p class=\"card-teaser\">\(e("Phần tóm tắt của bài viết số 20 kể lại diễn biến chính,").prefix(40))",
        ])
    }

    @Test("listing pages")
    func listing() {
        let subjects: [(ListingSubject, String)] = [
            (.section(hostile.thoiSu), e("Tin thời sự trong nước")), (.tag(hostile.tag), "Chủ đề:</span> \(e("ASEAN"))"),
            (.topic(hostile.topic), "Dòng sự kiện:</span> \(e("Hội nghị ASEAN 2023"))"), (.author(hostile.author), e("Phóng viên Thế giới")),
        ]
        for (subject, field) in subjects {
            let html = TestTheme.renderer.render(listing: hostile.listing(subject, page: 2, pageCount: 3), chrome: hostile.chrome)
            check(html, escapedIn: chromeFields + [field, ">\(e("Bài viết số 2"))</a>"])
        }
        let author = TestTheme.renderer.render(listing: hostile.listing(.author(hostile.author)), chrome: hostile.chrome)
        check(author, escapedIn: [e("Chuyên viết về ASEAN."), "<h1 class=\"listing-title\">\(e("Minh Anh"))</h1>"])
    }

    @Test("error pages")
    func error() {
        for status in [404, 500, 503] {
            var content = hostile.error
            content.status = status
            let html = TestTheme.renderer.render(error: content, chrome: hostile.chrome)
            check(html, escapedIn: chromeFields + [
                "<h1 class=\"error-title\">\(e("Đã có lỗi xảy ra"))</h1>", e("Mời bạn thử lại sau ít phút."),
            ])
        }
    }

    @Test("a quote followed by a combining mark is still escaped (swift-mustache's own escaper misses it)")
    func combiningMarkAfterQuote() {
        var content = Fixtures().articleContent()
        let payload = "a\"\u{301} onerror=alert(1) x=\"\u{301}"
        content.article.images[0].alt = payload
        content.article.title = payload
        let html = TestTheme.renderer.render(article: content, chrome: Fixtures().chrome)
        #expect(html.contains("alt=\"a&quot;\u{301} onerror=alert(1) x=&quot;\u{301}\""))
        #expect(html.contains("<h1 class=\"article-title\">a&quot;\u{301} onerror"))
        let quoteThenMark: [UInt8] = Array("\"\u{301}".utf8)
        let bytes = Array(html.utf8)
        let raw = (0..<(bytes.count - 2)).contains { bytes[$0..<($0 + 3)].elementsEqual(quoteThenMark) }
        #expect(!raw, "a raw quote before a combining mark would end the attribute")
    }

    @Test("escaping works on bytes and leaves clean text untouched")
    func escaper() {
        #expect(HTMLText.escape("Hà Nội") == "Hà Nội")
        #expect(HTMLText.escape(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLText.escape("\"\u{301}<\u{323}&\u{300}").unicodeScalars.elementsEqual("&quot;\u{301}&lt;\u{323}&amp;\u{300}".unicodeScalars))
        #expect(HTMLText.escape("") == "")
    }

    @Test("only http(s) and root-relative addresses become links")
    func linkTargets() {
        #expect(LinkTarget.safe("https://facebook.com/x") == "https://facebook.com/x")
        #expect(LinkTarget.safe("  HTTP://x.vn ") == "HTTP://x.vn")
        #expect(LinkTarget.safe("/rss") == "/rss")
        for bad in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example", "/\\evil.example",
                    "vbscript:x", "", "  ", "rss", "https://x.vn/\u{0007}"] {
            #expect(LinkTarget.safe(bad) == nil, "\(bad)")
        }
    }
}
