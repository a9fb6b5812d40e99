import Foundation
import Testing
import NewsDomain
@testable import NewsRendering

@Suite("Error pages")
struct ErrorPageTests {
    let fixtures = Fixtures()

    @Test("a server error shows status, title, message and the way home, and is not indexed")
    func serverError() {
        let html = TestTheme.renderer.render(error: .serverError, chrome: fixtures.chrome)
        #expect(html.contains("<p class=\"error-status\">500</p>"))
        #expect(html.contains("<h1 class=\"error-title\">Đã có lỗi xảy ra</h1>"))
        #expect(html.contains("<p class=\"error-message\">Hệ thống gặp sự cố khi tải trang này. Mời bạn thử lại sau ít phút.</p>"))
        #expect(html.contains("<a class=\"button\" href=\"/\">Về trang chủ</a>"))
        #expect(html.contains("<title>Đã có lỗi xảy ra - Báo Tòa Soạn</title>"))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!html.contains("rel=\"canonical\""))
        #expect(!html.contains("id=\"q404\""))
        #expect(html.occurrences(of: "<h1") == 1)
        #expect(html.contains("<footer"))
    }

    @Test("a 404 uses error-404, which offers a search")
    func notFound() {
        let html = TestTheme.renderer.render(error: .notFound, chrome: fixtures.chrome)
        #expect(html.contains("<p class=\"error-status\">404</p>"))
        #expect(html.contains("<h1 class=\"error-title\">Không tìm thấy trang</h1>"))
        #expect(html.contains("id=\"q404\""))
        #expect(html.contains("<a class=\"button\" href=\"/\">Về trang chủ</a>"))
    }

    @Test("without error-404 a 404 falls back to error")
    func notFoundFallback() throws {
        let directory = try TestTheme.copy()
        defer { TestTheme.remove(directory) }
        try FileManager.default.removeItem(atPath: directory + "/error-404.mustache")
        let html = PageRenderer(theme: try Theme.load(from: directory)).render(error: .notFound, chrome: fixtures.chrome)
        #expect(html.contains("<h1 class=\"error-title\">Không tìm thấy trang</h1>"))
        #expect(!html.contains("id=\"q404\""))
    }

    @Test("if a template is missing at render time, a plain escaped page stands in")
    func builtInFallback() {
        let hostile = Fixtures(hostile: true)
        let theme = Theme(name: "trống", version: "0", library: .init(), templateNames: [], assets: [])
        let renderer = PageRenderer(theme: theme)
        let pages = [
            renderer.render(error: hostile.error, chrome: hostile.chrome),
            renderer.render(article: hostile.articleContent(), chrome: hostile.chrome),
            renderer.render(home: hostile.home, chrome: hostile.chrome),
            renderer.render(listing: hostile.listing(.tag(hostile.tag)), chrome: hostile.chrome),
        ]
        for html in pages {
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
            #expect(html.contains("<a href=\"/\">Về trang chủ</a>"))
            #expect(!html.contains(Fixtures.rawScript))
            #expect(html.contains(Fixtures.evilEscaped))
        }
        #expect(pages[0].contains("<h1>Đã có lỗi xảy ra \(Fixtures.evilEscaped)</h1>"))
    }
}
