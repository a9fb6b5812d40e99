import Foundation
import Testing
import NewsDomain
@testable import NewsRendering

@Suite("Corrections: the article's box and the index page")
struct CorrectionsRenderingTests {
    let fixtures = Fixtures()

    /// 2023-12-23 08:05 in Hà Nội (01:05 UTC).
    static let correctedAt = Date(timeIntervalSince1970: 1_703_293_500)

    func corrections(_ fixtures: Fixtures) -> [Correction] {
        [
            Correction(
                id: 1, articleID: ArticleID(42), note: fixtures.t("Tăng trưởng quý III là 5,33%, không phải 5,5%"),
                createdAt: Self.correctedAt, createdByName: "Đỗ Thư Ký"
            ),
            Correction(
                id: 2, articleID: ArticleID(42), note: fixtures.t("Sửa tên đại biểu"),
                createdAt: Self.correctedAt.addingTimeInterval(3_600), createdByName: "Vũ Tổng Biên"
            ),
        ]
    }

    func articleHTML(_ fixtures: Fixtures, corrections: [Correction]) -> String {
        var content = fixtures.articleContent()
        content.corrections = corrections
        return TestTheme.renderer.render(article: content, chrome: fixtures.chrome)
    }

    @Test("a corrected article shows a marked box after the sapo, before the body, each note with its Vietnamese date")
    func articleBox() {
        let html = articleHTML(fixtures, corrections: corrections(fixtures))
        let box = html.slice(from: "<section class=\"corrections\"", to: "</section>")
        #expect(box.contains("aria-labelledby=\"thong-tin-cai-chinh\""))
        #expect(box.contains("<h2 class=\"corrections-title\" id=\"thong-tin-cai-chinh\">Thông tin cải chính</h2>"))
        #expect(box.containsInOrder([
            "<li><time datetime=\"2023-12-23T08:05:00+07:00\">23/12/2023 08:05</time><p>Tăng trưởng quý III là 5,33%, không phải 5,5%</p></li>",
            "<li><time datetime=\"2023-12-23T09:05:00+07:00\">23/12/2023 09:05</time><p>Sửa tên đại biểu</p></li>",
        ]))
        #expect(html.containsInOrder(["<p class=\"sapo\">", "<section class=\"corrections\"", "<div class=\"article-body\">"]))
        #expect(!box.contains("Đỗ Thư Ký"), "readers are told what was corrected, not who typed it")
    }

    @Test("an article without corrections has no box")
    func noBox() {
        let html = articleHTML(fixtures, corrections: [])
        #expect(!html.contains("class=\"corrections\""))
        #expect(!html.contains("Thông tin cải chính</h2>"))
    }

    @Test("correction notes and titles are escaped on the article and on the index")
    func escaped() {
        let hostile = Fixtures(hostile: true)
        let article = articleHTML(hostile, corrections: corrections(hostile))
        let box = article.slice(from: "<section class=\"corrections\"", to: "</section>")
        #expect(box.contains(Fixtures.evilEscaped))
        #expect(!box.contains(Fixtures.rawScript))
        let index = TestTheme.renderer.render(corrections: indexContent(hostile), chrome: hostile.chrome)
        #expect(index.contains(Fixtures.evilEscaped))
        #expect(!index.contains(Fixtures.rawScript))
    }

    func indexContent(_ fixtures: Fixtures, page: Int = 1, pageCount: Int = 1) -> CorrectionsPageContent {
        let items = corrections(fixtures).reversed().enumerated().map { offset, correction in
            (correction: correction, article: fixtures.summary(offset + 1, section: fixtures.kinhTe))
        }
        return CorrectionsPageContent(items: items, pageNumber: page, pageCount: pageCount, totalCount: 2)
    }

    @Test("the index: one h1, newest first, each note with its time and a link to the article and its section")
    func index() {
        let html = TestTheme.renderer.render(corrections: indexContent(fixtures), chrome: fixtures.chrome)
        #expect(html.occurrences(of: "<h1") == 1)
        #expect(html.contains("<h1 class=\"listing-title\">Thông tin cải chính</h1>"))
        #expect(html.contains("<title>Thông tin cải chính - Báo Tòa Soạn</title>"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://toasoan.example/thong-tin-cai-chinh\">"))
        #expect(html.contains("<p class=\"listing-count\">2 thông tin cải chính</p>"))
        let list = html.slice(from: "<ol class=\"correction-list\">", to: "</ol>")
        #expect(list.containsInOrder([
            "<time datetime=\"2023-12-23T09:05:00+07:00\">23/12/2023 09:05</time>", "Sửa tên đại biểu",
            "<a class=\"kicker\" href=\"/kinh-te\">Kinh tế</a> <a href=\"/bai-viet-so-1-101.html\">Bài viết số 1</a>",
            "<time datetime=\"2023-12-23T08:05:00+07:00\">23/12/2023 08:05</time>", "5,33%",
            "<a href=\"/bai-viet-so-2-102.html\">Bài viết số 2</a>",
        ]))
    }

    @Test("an empty index says so; page 2 of 3 links both ways with ?trang")
    func emptyAndPaged() {
        let empty = TestTheme.renderer.render(
            corrections: CorrectionsPageContent(items: [], pageNumber: 1, pageCount: 0, totalCount: 0), chrome: fixtures.chrome
        )
        #expect(empty.contains("<p class=\"empty\">Chưa có thông tin cải chính.</p>"))
        #expect(!empty.contains("class=\"pagination\""))
        let second = TestTheme.renderer.render(corrections: indexContent(fixtures, page: 2, pageCount: 3), chrome: fixtures.chrome)
        let nav = second.slice(from: "<nav class=\"pagination\"", to: "</nav>")
        #expect(nav.contains("<a class=\"page-prev\" href=\"/thong-tin-cai-chinh\" rel=\"prev\">"))
        #expect(nav.contains("<a class=\"page-next\" href=\"/thong-tin-cai-chinh?trang=3\" rel=\"next\">"))
        #expect(second.contains("<title>Thông tin cải chính - Trang 2 - Báo Tòa Soạn</title>"))
    }

    @Test("every page's footer links the corrections index")
    func footerLink() {
        let home = TestTheme.renderer.render(home: fixtures.home, chrome: fixtures.chrome)
        let footer = home.slice(from: "<footer class=\"site-footer\">", to: "</footer>")
        #expect(footer.contains("<a href=\"/thong-tin-cai-chinh\">Thông tin cải chính</a>"))
    }

    @Test("a theme without corrections.mustache still loads and shows the index inside its own layout")
    func builtInTemplate() throws {
        let directory = try TestTheme.copy()
        defer { TestTheme.remove(directory) }
        try FileManager.default.removeItem(atPath: directory + "/corrections.mustache")
        let theme = try Theme.load(from: directory)
        #expect(!theme.hasTemplate("corrections"))
        let html = PageRenderer(theme: theme).render(corrections: indexContent(fixtures, page: 1, pageCount: 2), chrome: fixtures.chrome)
        #expect(html.contains("<footer class=\"site-footer\">"), "the theme's layout is used")
        #expect(html.contains("<h1 class=\"listing-title\">Thông tin cải chính</h1>"))
        #expect(html.contains("<a href=\"/bai-viet-so-1-101.html\">Bài viết số 1</a>"))
        #expect(html.contains("<a href=\"/thong-tin-cai-chinh?trang=2\" rel=\"next\">"))
    }

    @Test("the corrections path is reserved, so no section can take it")
    func reservedPath() {
        #expect(ReservedPaths.contains(String(SiteURL.corrections.path.dropFirst())))
        var input = ArticleInput(title: "t", sapo: "s", body: "b", sectionSlug: "thong-tin-cai-chinh", author: "a", status: .draft)
        input.publishedAt = nil
        #expect(input.violations().contains { $0.field == "section" && $0.code == "invalid" })
    }
}
