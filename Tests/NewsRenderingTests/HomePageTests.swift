import Foundation
import Testing
import NewsDomain
@testable import NewsRendering

@Suite("Home page")
struct HomePageTests {
    let fixtures = Fixtures()
    let html: String

    init() {
        html = TestTheme.renderer.render(home: Fixtures().home, chrome: Fixtures().chrome)
    }

    @Test("head and masthead: the site name is the only h1 and the title")
    func head() {
        #expect(html.contains("<title>Báo Tòa Soạn - Tin tức đối ngoại</title>"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://toasoan.example/\">"))
        #expect(html.occurrences(of: "<h1") == 1)
        #expect(html.contains("<h1 class=\"brand\"><a href=\"/\" rel=\"home\">Báo Tòa Soạn</a></h1>"))
        #expect(html.contains("<p class=\"tagline\">Tin tức đối ngoại</p>"))
    }

    @Test("top story: large image loaded at once with its size, title, teaser, time")
    func topStory() throws {
        let top = html.slice(from: "<article class=\"top-story\">", to: "</article>")
        #expect(top.contains("<img src=\"/media/anh/1.jpg\" alt=\"Ảnh bài 1\" width=\"600\" height=\"400\" fetchpriority=\"high\">"))
        #expect(top.contains("<h2 class=\"top-title\"><a href=\"/bai-viet-so-1-101.html\">Bài viết số 1</a></h2>"))
        #expect(top.contains("<p class=\"top-teaser\">Phần tóm tắt của bài viết số 1"))
        #expect(top.contains("<time class=\"card-time\" datetime=\"2023-12-22T10:00:00+07:00\">22/12/2023 10:00</time>"))
        #expect(html.imgTags.first?.contains("/media/anh/1.jpg") == true)
        #expect(html.imgTags.dropFirst().allSatisfy { $0.contains("loading=\"lazy\"") })
    }

    @Test("featured cards: image, section label, title link, time")
    func featured() {
        let list = html.slice(from: "<ul class=\"card-list featured\">", to: "</ul>")
        #expect(list.occurrences(of: "<article class=\"card has-img\">") == 4)
        #expect(list.contains("<a class=\"kicker\" href=\"/the-gioi\">Thế giới</a>"))
        #expect(list.contains("<img src=\"/media/anh/2.jpg\" alt=\"Ảnh bài 2\" width=\"600\" height=\"400\" loading=\"lazy\" decoding=\"async\">"))
        #expect(list.containsInOrder((2...5).map { "<a href=\"/bai-viet-so-\($0)-\(100 + $0).html\">Bài viết số \($0)</a>" }))
    }

    @Test("'Tin mới nhất' lists the latest articles in order with their time")
    func latest() {
        let box = html.slice(from: "<section class=\"box latest\"", to: "</section>")
        #expect(box.contains(">Tin mới nhất</h2>"))
        #expect(box.containsInOrder((6...10).map { "<a href=\"/bai-viet-so-\($0)-\(100 + $0).html\">Bài viết số \($0)</a>" }))
        #expect(box.contains("<time datetime=\"2023-12-22T07:30:00+07:00\">22/12/2023 07:30</time>"))
    }

    @Test("a block per section: its name links to it, then its articles; empty blocks are left out")
    func sectionBlocks() {
        let blocks = html.slice(from: "<div class=\"blocks\">", to: "</main>")
        #expect(blocks.occurrences(of: "<section class=\"block\">") == 2)
        #expect(blocks.containsInOrder([
            "<h2 class=\"block-title\"><a href=\"/thoi-su\">Thời sự</a></h2>", "Bài viết số 20", "Bài viết số 21", "Bài viết số 23",
            "<h2 class=\"block-title\"><a href=\"/kinh-te\">Kinh tế</a></h2>", "Bài viết số 30", "Bài viết số 32",
        ]))
        #expect(!blocks.contains("Châu Âu</a></h2>"))
        let first = blocks.slice(from: "<section class=\"block\">", to: "</section>")
        #expect(first.occurrences(of: "<img ") == 1, "the lead article of a block has the image")
        #expect(first.contains("<ul class=\"block-list\">"))
    }

    @Test("a new paper with nothing published says so")
    func empty() {
        let page = TestTheme.renderer.render(
            home: HomePageContent(topStory: nil, featured: [], latest: [], sectionBlocks: []), chrome: fixtures.chrome
        )
        #expect(page.contains("<p class=\"empty\">Chưa có bài viết.</p>"))
        #expect(!page.contains("top-story"))
        #expect(!page.contains("Tin mới nhất"))
        #expect(page.contains("<footer"))
    }

    @Test("a card without a known image size, or without an image, still renders cleanly")
    func cardsWithoutImageSize() {
        var home = fixtures.home
        home.featured[0].featuredImage?.width = nil
        home.featured[1].featuredImage = nil
        let page = TestTheme.renderer.render(home: home, chrome: fixtures.chrome)
        let list = page.slice(from: "<ul class=\"card-list featured\">", to: "</ul>")
        #expect(list.contains("<img src=\"/media/anh/2.jpg\" alt=\"Ảnh bài 2\" loading=\"lazy\" decoding=\"async\">"))
        #expect(list.occurrences(of: "<img ") == 3)
        #expect(list.occurrences(of: "<article class=\"card\">") == 1)
    }
}
