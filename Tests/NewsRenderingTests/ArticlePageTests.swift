import Foundation
import Testing
import NewsDomain
@testable import NewsRendering

@Suite("Article page")
struct ArticlePageTests {
    let fixtures = Fixtures()
    let html: String

    init() {
        html = TestTheme.renderer.render(article: Fixtures().articleContent(), chrome: Fixtures().chrome)
    }

    @Test("is a Vietnamese HTML5 page that scales on phones and links the fingerprinted stylesheet")
    func document() throws {
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        let style = try #require(TestTheme.theme.asset(named: "style.css"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"\(style.path)\">"))
        let icon = try #require(TestTheme.theme.asset(named: "favicon.svg"))
        #expect(html.contains("<link rel=\"icon\" href=\"\(icon.path)\" type=\"image/svg+xml\">"))
        let scripts = html.components(separatedBy: "<script").dropFirst()
        #expect(scripts.count == 1 && scripts.allSatisfy { $0.hasPrefix(" type=\"application/ld+json\">") },
                "the page needs no JavaScript: its one script element is structured data")
        for element in ["<header", "<nav", "<main", "<article", "<aside", "<footer"] {
            #expect(html.contains(element), "missing \(element)")
        }
    }

    @Test("head: title, description from the sapo, canonical URL")
    func head() {
        #expect(html.contains("<title>Hội nghị Cấp cao ASEAN lần thứ 43 khai mạc - Báo Tòa Soạn</title>"))
        #expect(html.contains(
            "<meta name=\"description\" content=\"Sáng 22/12, tại Jakarta, Hội nghị Cấp cao ASEAN lần thứ 43 đã khai mạc với sự tham dự của lãnh đạo các nước thành viên.\">"
        ))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://toasoan.example/hoi-nghi-asean-42.html\">"))
        #expect(html.contains("<meta property=\"og:image\" content=\"https://toasoan.example/media/2023/12/hoi-nghi.jpg\">"))
    }

    @Test("a long sapo is cut at a word boundary for the description")
    func longDescription() {
        var content = fixtures.articleContent()
        content.article.sapo = String(repeating: "Hội nghị thượng đỉnh ", count: 20)
        let page = TestTheme.renderer.render(article: content, chrome: fixtures.chrome)
        let prefix = "<meta name=\"description\" content=\""
        let tag = page.slice(from: prefix, to: "\">")
        #expect(tag.hasSuffix("...\">"), "\(tag)")
        let text = tag.dropFirst(prefix.count).dropLast("...\">".count)
        #expect(text.count <= 160 && text.count > 120)
        #expect(content.article.sapo.hasPrefix(text + " "), "cut between words")
    }

    @Test("the title is the page's only h1")
    func singleHeading() {
        #expect(html.occurrences(of: "<h1") == 1)
        #expect(html.contains("<h1 class=\"article-title\">Hội nghị Cấp cao ASEAN lần thứ 43 khai mạc</h1>"))
    }

    @Test("breadcrumb: Trang chủ › parent section › section")
    func breadcrumb() {
        let nav = html.slice(from: "<nav class=\"breadcrumb\" aria-label=\"breadcrumb\">", to: "</nav>")
        #expect(nav.contains("<ol>"))
        #expect(nav.containsInOrder([
            "<li><a href=\"/\">Trang chủ</a></li>", "<li><a href=\"/the-gioi\">Thế giới</a></li>",
            "<li><a href=\"/chau-a\">Châu Á</a></li>", "</ol>",
        ]), "\(nav)")
        #expect(nav.occurrences(of: "<li>") == 3)
    }

    @Test("a top-level section's article has a two-step breadcrumb")
    func breadcrumbTopLevel() {
        var content = fixtures.articleContent()
        content.article.section = fixtures.thoiSu
        let nav = TestTheme.renderer.render(article: content, chrome: fixtures.chrome).slice(from: "<nav class=\"breadcrumb\"", to: "</nav>")
        #expect(nav.occurrences(of: "<li>") == 2)
        #expect(nav.contains("<a href=\"/thoi-su\">Thời sự</a>"))
    }

    @Test("publication time in Vietnam time, machine-readable")
    func time() {
        #expect(html.contains("<time datetime=\"2023-12-22T10:30:00+07:00\">Thứ Sáu, 22/12/2023 10:30 (GMT+7)</time>"))
    }

    @Test("bylines link to the author pages")
    func bylines() {
        let byline = html.slice(from: "<span class=\"byline\">", to: "</span>")
        #expect(byline == "<span class=\"byline\"><a href=\"/tac-gia/minh-anh\" rel=\"author\">Minh Anh</a>, <a href=\"/tac-gia/thu-ha\" rel=\"author\">Thu Hà</a></span>")
    }

    @Test("the sapo is set apart, before the body")
    func sapo() {
        #expect(html.containsInOrder([
            "<p class=\"sapo\">Sáng 22/12, tại Jakarta, Hội nghị Cấp cao ASEAN lần thứ 43 đã khai mạc với sự tham dự của lãnh đạo các nước thành viên.</p>",
            "<div class=\"article-body\">",
        ]))
    }

    @Test("follow line: safe links only, external ones with rel=noopener")
    func followLine() {
        let line = html.slice(from: "<p class=\"follow\">", to: "</p>")
        #expect(line.contains("<span>Theo dõi Báo Tòa Soạn trên</span>"))
        #expect(line.contains("<a href=\"https://facebook.com/toasoan\" target=\"_blank\" rel=\"noopener\">Facebook</a>"))
        #expect(line.contains("<a href=\"https://www.youtube.com/@toasoan\" target=\"_blank\" rel=\"noopener\">YouTube</a>"))
        #expect(line.contains("<a href=\"/rss\">RSS</a>"))
        #expect(!line.contains("Zalo") && !line.contains("Google News"))
        #expect(!html.lowercased().contains("javascript:"))
        #expect(html.containsInOrder(["<p class=\"sapo\">", "<p class=\"follow\">", "<div class=\"article-body\">"]))
    }

    @Test("the featured image, not placed by the body, is shown above it with caption and credit, loaded at once")
    func featuredFigure() throws {
        let figure = html.slice(from: "<figure class=\"figure\">", to: "</figure>")
        #expect(figure.contains("<img src=\"/media/2023/12/hoi-nghi.jpg\" alt=\"Toàn cảnh hội nghị\" width=\"1200\" height=\"800\""))
        #expect(figure.contains("<figcaption>Các đại biểu tại hội nghị (Ảnh: TTXVN)</figcaption>"))
        #expect(html.containsInOrder(["<p class=\"sapo\">", "hoi-nghi.jpg", "<div class=\"article-body\">", "ky-ket.jpg"]))
        let images = html.imgTags
        #expect(images.count >= 2)
        #expect(images[0].contains("hoi-nghi.jpg") && !images[0].contains("loading="), "\(images[0])")
        #expect(images[1].contains("ky-ket.jpg") && images[1].contains("loading=\"lazy\""), "\(images[1])")
        #expect(images.dropFirst().allSatisfy { $0.contains("loading=\"lazy\"") }, "every image below the first is lazy")
        let body = html.slice(from: "<div class=\"article-body\">", to: "</div>\n")
        #expect(body.contains("<figcaption>Lễ ký kết thỏa thuận hợp tác (Ảnh: Minh Hòa)</figcaption>"))
        #expect(body.contains("width=\"1000\" height=\"600\""))
        #expect(html.occurrences(of: "src=\"/media/2023/12/hoi-nghi.jpg\"") == 1, "the featured image is shown once")
    }

    @Test("when the body places the featured image, it is not repeated above and the body's first figure loads at once")
    func bodyPlacesFeatured() {
        let body = "Mở đầu.\n\n![Hội nghị](2023/12/hoi-nghi.jpg)\n\nGiữa bài.\n\n![Ký kết](2023/12/ky-ket.jpg)\n"
        let page = TestTheme.renderer.render(article: fixtures.articleContent(body: body), chrome: fixtures.chrome)
        #expect(page.occurrences(of: "src=\"/media/2023/12/hoi-nghi.jpg\"") == 1)
        #expect(page.containsInOrder(["<div class=\"article-body\">", "hoi-nghi.jpg"]))
        let images = page.imgTags
        #expect(images[0].contains("hoi-nghi.jpg") && !images[0].contains("loading="))
        #expect(images[1].contains("ky-ket.jpg") && images[1].contains("loading=\"lazy\""))
        #expect(page.contains("<figcaption>Các đại biểu tại hội nghị (Ảnh: TTXVN)</figcaption>"))
    }

    @Test("the featured image is recognised in the body even when the Markdown writes its source differently")
    func bodyPlacesFeaturedEncoded() {
        let image = Media(id: MediaID(1), src: "a&b.jpg", width: 10, height: 10, alt: "Ảnh", caption: "Chú thích")
        let page = TestTheme.renderer.render(
            article: fixtures.articleContent(body: "![x](a&amp;b.jpg)\n", images: [image]), chrome: fixtures.chrome
        )
        #expect(page.occurrences(of: "<figure") == 1)
        #expect(page.imgTags.first.map { !$0.contains("loading=") } == true)
    }

    @Test("an article without images has no figure")
    func noImages() {
        let page = TestTheme.renderer.render(article: fixtures.articleContent(body: "Chỉ có chữ.", images: []), chrome: fixtures.chrome)
        #expect(!page.contains("<figure"))
        #expect(!page.contains("og:image"))
    }

    @Test("tags and the running story link to their pages")
    func tagsAndTopic() {
        #expect(html.contains("<p class=\"article-topic\">Dòng sự kiện: <a href=\"/dong-su-kien/hoi-nghi-asean-2023\">Hội nghị ASEAN 2023</a></p>"))
        let tags = html.slice(from: "<div class=\"article-tags\">", to: "</div>")
        #expect(tags.containsInOrder([
            "<a href=\"/tag/asean\" rel=\"tag\">ASEAN</a>", "<a href=\"/tag/ngoai-giao\" rel=\"tag\">Ngoại giao</a>",
        ]))
    }

    @Test("no tag list and no topic line when the article has none")
    func noTagsNoTopic() {
        var content = fixtures.articleContent()
        content.article.tags = []
        content.article.topic = nil
        let page = TestTheme.renderer.render(article: content, chrome: fixtures.chrome)
        #expect(!page.contains("article-tags"))
        #expect(!page.contains("Dòng sự kiện:"))
    }

    @Test("related box: 'Tin liên quan', at most five, in the given order")
    func relatedBox() {
        let box = html.slice(from: "<section class=\"box related\"", to: "</section>")
        #expect(box.contains(">Tin liên quan</h2>"))
        #expect(box.occurrences(of: "<h3 class=\"card-title\">") == 5)
        #expect(box.containsInOrder((1...5).map { "<a href=\"/bai-viet-so-\($0)-\(100 + $0).html\">Bài viết số \($0)</a>" }))
        #expect(!box.contains("Bài viết số 6"))
    }

    @Test("'Đọc thêm' lists the other articles with teasers cut at a word boundary")
    func readMore() throws {
        let aside = html.slice(from: "<aside class=\"sidebar\"", to: "</aside>")
        #expect(aside.contains(">Đọc thêm</h2>"))
        #expect(aside.occurrences(of: "<article class=\"card") == 4)
        let teaser = aside.slice(from: "<p class=\"card-teaser\">", to: "</p>")
        #expect(teaser.hasSuffix("...</p>"), "\(teaser)")
        #expect(teaser.hasPrefix("<p class=\"card-teaser\">Phần tóm tắt của bài viết số 11"))
        let text = teaser.dropFirst("<p class=\"card-teaser\">".count).dropLast("...</p>".count)
        #expect(text.count <= 160)
        #expect(fixtures.summary(11).sapo.hasPrefix(text + " "), "cut between words")
    }

    @Test("header: site name linking home, today's date, sections with subsections, search form")
    func header() {
        let header = html.slice(from: "<header class=\"site-header\">", to: "</header>")
        #expect(header.contains("<p class=\"brand\"><a href=\"/\" rel=\"home\">Báo Tòa Soạn</a></p>"))
        #expect(header.contains("<time class=\"today\" datetime=\"2026-11-29\">Chủ Nhật, 29/11/2026</time>"))
        #expect(header.contains("<form class=\"search\" role=\"search\" action=\"/tim-kiem\" method=\"get\">"))
        #expect(header.contains("name=\"q\""))
        let nav = html.slice(from: "<nav class=\"nav\" aria-label=\"Chuyên mục\">", to: "</nav>")
        #expect(nav.containsInOrder([
            "<a href=\"/thoi-su\">Thời sự</a>", "<a href=\"/the-gioi\">Thế giới</a>", "<ul class=\"sub\">",
            "<a href=\"/chau-a\">Châu Á</a>", "<a href=\"/chau-au\">Châu Âu</a>", "</ul>", "<a href=\"/kinh-te\">Kinh tế</a>",
        ]), "\(nav)")
        #expect(nav.contains("<li class=\"nav-item has-sub is-current\"><a href=\"/the-gioi\">"), "the article's parent section is marked")
    }

    @Test("footer shows every line of the legal masthead")
    func legalFooter() {
        let footer = html.slice(from: "<footer class=\"site-footer\">", to: "</footer>")
        #expect(footer.containsInOrder([
            "Báo Tòa Soạn",
            "<p>Cơ quan chủ quản: Hội Nhà báo Việt Nam</p>",
            "<p>Giấy phép số 123/GP-BTTTT do Bộ Thông tin và Truyền thông cấp ngày 15/01/2024</p>",
            "<p>Tổng biên tập: Nguyễn Văn An</p>",
            "<p>Phó Tổng biên tập: Trần Thị Bình, Lê Văn Cường</p>",
            "<p>Địa chỉ: Số 1 Phố Huế, Hà Nội</p>",
            "<p>Điện thoại: 024 3825 0000 · Email: toasoan@example.vn</p>",
            "© 2026 Báo Tòa Soạn. Giữ toàn quyền.",
        ]), "\(footer)")
    }

    @Test("footer leaves out the lines whose value is empty")
    func legalFooterOmitsEmpty() {
        var chrome = fixtures.chrome
        chrome.settings.governingBody = ""
        chrome.settings.deputyEditors = []
        chrome.settings.licenceIssuer = ""
        chrome.settings.phone = " "
        chrome.settings.copyright = ""
        chrome.settings.followLinks = []
        let footer = TestTheme.renderer.render(article: fixtures.articleContent(), chrome: chrome)
            .slice(from: "<footer class=\"site-footer\">", to: "</footer>")
        #expect(!footer.contains("Cơ quan chủ quản"))
        #expect(!footer.contains("Phó Tổng biên tập"))
        #expect(footer.contains("<p>Giấy phép số 123/GP-BTTTT cấp ngày 15/01/2024</p>"))
        #expect(footer.contains("<p>Tổng biên tập: Nguyễn Văn An</p>"))
        #expect(footer.contains("<p>Email: toasoan@example.vn</p>"))
        #expect(!footer.contains("Điện thoại"))
        #expect(!footer.contains("copyright"))
        #expect(!footer.contains("Theo dõi"))

        let empty = TestTheme.renderer.render(
            article: fixtures.articleContent(), chrome: SiteChrome(settings: .initial, sections: [], now: Fixtures.now)
        )
        let bare = empty.slice(from: "<footer class=\"site-footer\">", to: "</footer>")
        for label in ["Cơ quan chủ quản", "Giấy phép", "Tổng biên tập", "Địa chỉ", "Điện thoại", "Email", "Theo dõi", "sitemap"] {
            #expect(!bare.contains(label), "\(label)")
        }
        #expect(!empty.contains("<p class=\"follow\">"))
    }
}
