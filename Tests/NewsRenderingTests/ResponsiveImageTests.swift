import Foundation
import Testing
import NewsDomain
@testable import NewsRendering

@Suite("Responsive images")
struct ResponsiveImageTests {
    let fixtures = Fixtures()
    static let sizes = "sizes=\"(max-width: 720px) 100vw, 720px\""

    /// A library upload of a 1800×1200 JPEG with variants at three widths.
    static func upload(id: Int64, name: String, format: String = "jpeg", ext: String = "jpg") -> Media {
        Media(
            id: MediaID(id), src: "library/ab/\(name).\(ext)", width: 1800, height: 1200, alt: "Ảnh \(name)",
            caption: "Chú thích \(name)", credit: "TTXVN",
            variants: [320, 640, 1024].flatMap { width in
                ["webp", format].map { MediaVariant(width: width, height: width * 2 / 3, format: $0, src: "library/ab/\(name)-\(width).\($0 == "webp" ? "webp" : ext)") }
            },
            uploadedBy: UserID(1)
        )
    }

    @Test("the featured image and body figures of library uploads get WebP srcset and the column's sizes")
    func uploadsGetSrcset() {
        let featured = Self.upload(id: 1, name: "dau")
        let placed = Self.upload(id: 2, name: "than")
        let body = "Đoạn mở đầu.\n\n![Ảnh](library/ab/than.jpg)\n\nĐoạn cuối."
        let html = TestTheme.renderer.render(
            article: fixtures.articleContent(body: body, images: [featured, placed]), chrome: fixtures.chrome
        )
        let top = html.slice(from: "<figure class=\"figure\"><img src=\"/media/library/ab/dau", to: ">")
        #expect(top.contains(
            "<img src=\"/media/library/ab/dau-1024.jpg\" srcset=\"/media/library/ab/dau-320.webp 320w, /media/library/ab/dau-640.webp 640w, /media/library/ab/dau-1024.webp 1024w\" \(Self.sizes)"
        ), "\(top)")
        #expect(top.contains("width=\"1024\" height=\"682\""))
        let inBody = html.slice(from: "<img src=\"/media/library/ab/than", to: ">")
        #expect(inBody.contains(
            "<img src=\"/media/library/ab/than-1024.jpg\" srcset=\"/media/library/ab/than-320.webp 320w, /media/library/ab/than-640.webp 640w, /media/library/ab/than-1024.webp 1024w\" \(Self.sizes)"
        ), "\(inBody)")
        #expect(!html.contains("/media/library/ab/than.jpg"), "the original, EXIF and all, is not what readers load")
        #expect(!html.contains("/media/library/ab/dau.jpg"))
        #expect(html.contains("<meta property=\"og:image\" content=\"https://toasoan.example/media/library/ab/dau-1024.jpg\">"))
    }

    @Test("images without variants and uploaded GIFs render as before: one src, no srcset")
    func othersUnchanged() {
        let gif = Self.upload(id: 3, name: "dong", format: "png", ext: "gif")
        let html = TestTheme.renderer.render(
            article: fixtures.articleContent(body: "Đoạn.\n\n![Ảnh](2023/12/ky-ket.jpg)", images: [gif, fixtures.bodyImage]),
            chrome: fixtures.chrome
        )
        #expect(html.contains("<img src=\"/media/library/ab/dong.gif\" alt=\"Ảnh dong\" width=\"1800\" height=\"1200\""))
        #expect(html.contains("<img src=\"/media/2023/12/ky-ket.jpg\" alt=\"Lễ ký kết\" width=\"1000\" height=\"600\""))
        #expect(!html.contains("srcset"))
        #expect(!html.contains("sizes="))
    }

    @Test("cards in lists load small WebP copies of library uploads: a thumbnail's sizes, lazily")
    func cardsGetSrcset() {
        var content = fixtures.articleContent()
        content.readMore[0].featuredImage = Self.upload(id: 5, name: "the")
        let html = TestTheme.renderer.render(article: content, chrome: fixtures.chrome)
        let card = html.slice(from: "<img src=\"/media/library/ab/the", to: ">")
        #expect(card.contains("srcset=\"/media/library/ab/the-320.webp 320w, /media/library/ab/the-640.webp 640w, /media/library/ab/the-1024.webp 1024w\""), "\(card)")
        #expect(card.contains("sizes=\"(max-width: 600px) 90vw, 320px\""))
        #expect(card.contains("loading=\"lazy\""))
    }
}
