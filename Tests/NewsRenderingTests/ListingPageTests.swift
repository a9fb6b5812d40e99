import Foundation
import Testing
import NewsDomain
@testable import NewsRendering

@Suite("Listing pages")
struct ListingPageTests {
    let fixtures = Fixtures()

    func render(_ content: ListingPageContent, renderer: PageRenderer = TestTheme.renderer) -> String {
        renderer.render(listing: content, chrome: fixtures.chrome)
    }

    @Test("a section page: name as heading, description, subsections, cards")
    func section() {
        let html = render(fixtures.listing(.section(fixtures.theGioi)))
        #expect(html.occurrences(of: "<h1") == 1)
        #expect(html.contains("<h1 class=\"listing-title\">Thế giới</h1>"))
        #expect(html.contains("<title>Thế giới - Báo Tòa Soạn</title>"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://toasoan.example/the-gioi\">"))
        #expect(html.contains("<ul class=\"subsections\">\n<li><a href=\"/chau-a\">Châu Á</a></li>\n<li><a href=\"/chau-au\">Châu Âu</a></li>"))
        #expect(html.occurrences(of: "<h3 class=\"card-title\">") == 3)
        #expect(html.contains("<p class=\"card-teaser\">Phần tóm tắt của bài viết số 1"))
        #expect(html.contains("<li class=\"nav-item has-sub is-current\"><a href=\"/the-gioi\">"))
        let described = render(fixtures.listing(.section(fixtures.thoiSu)))
        #expect(described.contains("<p class=\"listing-desc\">Tin thời sự trong nước</p>"))
        #expect(described.contains("<meta name=\"description\" content=\"Tin thời sự trong nước\">"))
    }

    @Test("a subsection page has a breadcrumb to its parent")
    func subsection() {
        let html = render(fixtures.listing(.section(fixtures.chauA)))
        let nav = html.slice(from: "<nav class=\"breadcrumb\" aria-label=\"breadcrumb\">", to: "</nav>")
        #expect(nav.containsInOrder(["<a href=\"/\">Trang chủ</a>", "<a href=\"/the-gioi\">Thế giới</a>"]))
        let topLevel = render(fixtures.listing(.section(fixtures.theGioi)))
        #expect(!topLevel.contains("class=\"breadcrumb\""), "a top-level section needs no breadcrumb under the navigation")
    }

    @Test("tag, topic and author pages say what they list")
    func headings() {
        let tag = render(fixtures.listing(.tag(fixtures.tag)))
        #expect(tag.contains("<h1 class=\"listing-title\"><span class=\"listing-label\">Chủ đề:</span> ASEAN</h1>"))
        #expect(tag.contains("<title>Chủ đề: ASEAN - Báo Tòa Soạn</title>"))
        #expect(tag.contains("href=\"https://toasoan.example/tag/asean\""))

        let topic = render(fixtures.listing(.topic(fixtures.topic)))
        #expect(topic.contains("<h1 class=\"listing-title\"><span class=\"listing-label\">Dòng sự kiện:</span> Hội nghị ASEAN 2023</h1>"))
        #expect(topic.contains("<p class=\"listing-desc\">Diễn biến hội nghị</p>"))

        let author = render(fixtures.listing(.author(fixtures.author)))
        #expect(author.contains("<h1 class=\"listing-title\">Minh Anh</h1>"))
        #expect(author.contains("<p class=\"listing-role\">Phóng viên Thế giới</p>"))
        #expect(author.contains("<p class=\"listing-desc\">Chuyên viết về ASEAN.</p>"))
        #expect(author.contains("<link rel=\"canonical\" href=\"https://toasoan.example/tac-gia/minh-anh\">"))
    }

    @Test("first of five pages: no previous link, next is page 2")
    func firstPage() {
        let nav = render(fixtures.listing(.section(fixtures.thoiSu), page: 1, pageCount: 5))
            .slice(from: "<nav class=\"pagination\"", to: "</nav>")
        #expect(!nav.contains("rel=\"prev\""))
        #expect(nav.contains("<a class=\"page-next\" href=\"/thoi-su?trang=2\" rel=\"next\">Trang sau ›</a>"))
        #expect(nav.contains("<span class=\"page-current\" aria-current=\"page\">1</span>"))
        #expect(nav.containsInOrder([
            "page-current\" aria-current=\"page\">1<", "href=\"/thoi-su?trang=2\"", "href=\"/thoi-su?trang=3\"", "page-gap", "href=\"/thoi-su?trang=5\"",
        ]), "\(nav)")
        #expect(!nav.contains("trang=4"))
        #expect(!nav.contains("trang=1\""))
    }

    @Test("a middle page links both ways; page 1 has no parameter")
    func middlePage() {
        let html = render(fixtures.listing(.tag(fixtures.tag), page: 3, pageCount: 5))
        let nav = html.slice(from: "<nav class=\"pagination\"", to: "</nav>")
        #expect(nav.contains("<a class=\"page-prev\" href=\"/tag/asean?trang=2\" rel=\"prev\">‹ Trang trước</a>"))
        #expect(nav.contains("<a class=\"page-next\" href=\"/tag/asean?trang=4\" rel=\"next\">Trang sau ›</a>"))
        #expect(nav.contains("<a href=\"/tag/asean\" aria-label=\"Trang 1\">1</a>"))
        #expect(nav.contains("<span class=\"page-current\" aria-current=\"page\">3</span>"))
        #expect(!nav.contains("page-gap"))
        #expect(html.contains("<title>Chủ đề: ASEAN - Trang 3 - Báo Tòa Soạn</title>"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://toasoan.example/tag/asean?trang=3\">"))
    }

    @Test("page 2 links back to the list's own address")
    func secondPage() {
        let nav = render(fixtures.listing(.topic(fixtures.topic), page: 2, pageCount: 2)).slice(from: "<nav class=\"pagination\"", to: "</nav>")
        #expect(nav.contains("<a class=\"page-prev\" href=\"/dong-su-kien/hoi-nghi-asean-2023\" rel=\"prev\">"))
        #expect(!nav.contains("rel=\"next\""))
    }

    @Test("last page: previous link, no next")
    func lastPage() {
        let nav = render(fixtures.listing(.author(fixtures.author), page: 5, pageCount: 5)).slice(from: "<nav class=\"pagination\"", to: "</nav>")
        #expect(nav.contains("<a class=\"page-prev\" href=\"/tac-gia/minh-anh?trang=4\" rel=\"prev\">"))
        #expect(!nav.contains("rel=\"next\""))
        #expect(nav.contains("<span class=\"page-current\" aria-current=\"page\">5</span>"))
    }

    @Test("a single page has no pagination")
    func singlePage() {
        let html = render(fixtures.listing(.section(fixtures.thoiSu), page: 1, pageCount: 1))
        #expect(!html.contains("class=\"pagination\""))
        #expect(!html.contains("Trang sau"))
    }

    @Test("many pages show a window around the current one with gaps")
    func manyPages() {
        let nav = render(fixtures.listing(.section(fixtures.thoiSu), page: 10, pageCount: 40)).slice(from: "<nav class=\"pagination\"", to: "</nav>")
        let numbers = nav.matches(of: /aria-label="Trang (\d+)"|aria-current="page">(\d+)</).map { String($0.output.1 ?? $0.output.2 ?? "") }
        #expect(numbers == ["1", "8", "9", "10", "11", "12", "40"])
        #expect(nav.occurrences(of: "page-gap") == 2)
    }

    @Test("an empty list says so kindly")
    func empty() {
        let html = render(fixtures.listing(.tag(fixtures.tag), articles: []))
        #expect(html.contains("<p class=\"empty\">Chưa có bài viết.</p>"))
        #expect(!html.contains("card-list"))
    }

    @Test("a theme's own template for a subject is used, and listing otherwise")
    func subjectTemplate() throws {
        let directory = try TestTheme.copy()
        defer { TestTheme.remove(directory) }
        try TestTheme.write("{{<layout}}\n{{$content}}\n<h1 class=\"tag-page\">{{name}}</h1>\n{{/content}}\n{{/layout}}\n", to: "tag.mustache", in: directory)
        let renderer = PageRenderer(theme: try Theme.load(from: directory))
        #expect(render(fixtures.listing(.tag(fixtures.tag)), renderer: renderer).contains("<h1 class=\"tag-page\">ASEAN</h1>"))
        #expect(render(fixtures.listing(.topic(fixtures.topic)), renderer: renderer).contains("<h1 class=\"listing-title\">"))
    }
}
