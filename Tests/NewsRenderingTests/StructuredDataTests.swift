import Foundation
import Testing
import NewsDomain
@testable import NewsRendering

/// What article and listing pages tell search engines and social sites: NewsArticle JSON-LD (read back with a JSON
/// parser, field by field), Open Graph and Twitter cards, canonical and neighbour links, `max-image-preview:large`.
@Suite("Structured data and sharing tags")
struct StructuredDataTests {
    let fixtures = Fixtures()

    /// The JSON-LD object of a page: the text between the script's opening tag and the first `</script`, parsed.
    static func jsonLD(_ html: String) throws -> [String: Any] {
        let opening = "<script type=\"application/ld+json\">"
        let start = try #require(html.range(of: opening), "the page has JSON-LD")
        let rest = html[start.upperBound...]
        let end = try #require(rest.range(of: "</script"))
        let text = String(rest[..<end.lowerBound])
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    func render(_ content: ArticlePageContent, fixtures: Fixtures? = nil) -> String {
        TestTheme.renderer.render(article: content, chrome: (fixtures ?? self.fixtures).chrome)
    }

    @Test("an article page describes itself as a NewsArticle, field by field")
    func newsArticle() throws {
        let data = try Self.jsonLD(render(fixtures.articleContent()))
        #expect(data["@context"] as? String == "https://schema.org")
        #expect(data["@type"] as? String == "NewsArticle")
        let canonical = "https://toasoan.example/hoi-nghi-asean-42.html"
        #expect((data["mainEntityOfPage"] as? [String: Any])?["@id"] as? String == canonical)
        #expect(data["url"] as? String == canonical)
        #expect(data["headline"] as? String == "Hội nghị Cấp cao ASEAN lần thứ 43 khai mạc")
        #expect((data["description"] as? String)?.hasPrefix("Sáng 22/12, tại Jakarta") == true)
        #expect(data["datePublished"] as? String == "2023-12-22T10:30:00+07:00")
        #expect(data["dateModified"] as? String == "2023-12-22T10:30:00+07:00")
        #expect(data["articleSection"] as? String == "Châu Á")
        #expect(data["keywords"] as? [String] == ["ASEAN", "Ngoại giao"])
        #expect(data["inLanguage"] as? String == "vi")
        #expect(data["correction"] == nil, "no corrections, no correction property")

        let authors = try #require(data["author"] as? [[String: Any]])
        #expect(authors.map { $0["@type"] as? String } == ["Person", "Person"])
        #expect(authors.map { $0["name"] as? String } == ["Minh Anh", "Thu Hà"])
        #expect(authors.map { $0["url"] as? String } == ["https://toasoan.example/tac-gia/minh-anh", "https://toasoan.example/tac-gia/thu-ha"])

        let publisher = try #require(data["publisher"] as? [String: Any])
        #expect(publisher["@type"] as? String == "NewsMediaOrganization")
        #expect(publisher["name"] as? String == "Báo Tòa Soạn")
        #expect(publisher["url"] as? String == "https://toasoan.example/")
        let logo = try #require(publisher["logo"] as? [String: Any])
        let logoAsset = try #require(TestTheme.theme.asset(named: "logo.png"))
        #expect(logo["url"] as? String == "https://toasoan.example\(logoAsset.path)")
        #expect((logo["width"] as? Int ?? 0) >= 112 && (logo["height"] as? Int ?? 0) >= 112)

        // An imported image without crops: the image itself, with its real size, and nothing claimed about ratios.
        let images = try #require(data["image"] as? [[String: Any]])
        #expect(images.count == 1)
        #expect(images[0]["url"] as? String == "https://toasoan.example/media/2023/12/hoi-nghi.jpg")
        #expect(images[0]["width"] as? Int == 1200 && images[0]["height"] as? Int == 800)
    }

    @Test("an uploaded featured image is offered as its 16:9, 4:3 and 1:1 crops, each with its own size")
    func crops() throws {
        var featured = fixtures.featuredImage
        featured.src = "library/ab/abcdef.jpg"
        featured.width = 3000
        featured.height = 2000
        featured.variants = [
            MediaVariant(width: 1600, height: 1067, format: "webp", src: "library/ab/abcdef-1600.webp"),
            MediaVariant(width: 1600, height: 1067, format: "jpeg", src: "library/ab/abcdef-1600.jpg"),
            MediaVariant(width: 1200, height: 675, format: "jpeg", src: "library/ab/abcdef-16x9.jpg", aspect: "16:9"),
            MediaVariant(width: 1200, height: 900, format: "jpeg", src: "library/ab/abcdef-4x3.jpg", aspect: "4:3"),
            MediaVariant(width: 1200, height: 1200, format: "jpeg", src: "library/ab/abcdef-1x1.jpg", aspect: "1:1"),
        ]
        let html = render(fixtures.articleContent(images: [featured, fixtures.bodyImage]))
        let images = try #require(try Self.jsonLD(html)["image"] as? [[String: Any]])
        #expect(images.map { $0["url"] as? String } == ["16x9", "4x3", "1x1"].map { "https://toasoan.example/media/library/ab/abcdef-\($0).jpg" })
        #expect(images.map { [$0["width"] as? Int, $0["height"] as? Int] } == [[1200, 675], [1200, 900], [1200, 1200]])
        // The page itself and the sharing preview use the uncropped copy; srcset never mixes crops in.
        #expect(html.contains("<meta property=\"og:image\" content=\"https://toasoan.example/media/library/ab/abcdef-1600.jpg\">"))
        #expect(html.contains("<meta property=\"og:image:width\" content=\"1600\">"))
        #expect(!html.contains("abcdef-16x9.jpg 1200w") && !html.contains("srcset=\"/media/library/ab/abcdef-4x3"))
    }

    @Test("corrections appear as CorrectionComment, move dateModified, and the page shows the same update time")
    func corrections() throws {
        var content = fixtures.articleContent()
        content.corrections = [
            Correction(id: 1, articleID: ArticleID(42), note: "Sửa tên đại biểu", createdAt: Fixtures.published.addingTimeInterval(3600), createdByName: "Thư ký"),
            Correction(id: 2, articleID: ArticleID(42), note: "Sửa số liệu", createdAt: Fixtures.published.addingTimeInterval(7200), createdByName: "Thư ký"),
        ]
        let html = render(content)
        let data = try Self.jsonLD(html)
        let corrections = try #require(data["correction"] as? [[String: Any]])
        #expect(corrections.map { $0["@type"] as? String } == ["CorrectionComment", "CorrectionComment"])
        #expect(corrections.map { $0["text"] as? String } == ["Sửa tên đại biểu", "Sửa số liệu"])
        #expect(corrections.map { $0["datePublished"] as? String } == ["2023-12-22T11:30:00+07:00", "2023-12-22T12:30:00+07:00"])
        #expect(data["dateModified"] as? String == "2023-12-22T12:30:00+07:00")
        #expect(html.contains("<meta property=\"article:modified_time\" content=\"2023-12-22T12:30:00+07:00\">"))
        #expect(html.contains("Cập nhật: <time datetime=\"2023-12-22T12:30:00+07:00\">Thứ Sáu, 22/12/2023 12:30 (GMT+7)</time>"))
        // Without a later change, no "Cập nhật" line.
        #expect(!render(fixtures.articleContent()).contains("Cập nhật:"))
    }

    @Test("text that tries to close the script stays inside it, and reads back unchanged")
    func scriptSafe() throws {
        let hostile = Fixtures(hostile: true)
        var content = hostile.articleContent()
        content.article.title = "Tiêu đề </script><script>alert(1)</script> <!-- & \u{2028} kết"
        let html = render(content, fixtures: hostile)
        let opening = "<script type=\"application/ld+json\">"
        let block = try #require(html.components(separatedBy: opening).dropFirst().first?.components(separatedBy: "</script>").first)
        #expect(!block.contains("<") && !block.contains(">") && !block.contains("&"), "no markup characters inside the script")
        #expect(block.contains("\\u003c/script\\u003e"))
        let data = try Self.jsonLD(html)
        #expect(data["headline"] as? String == content.article.title)
        #expect((data["publisher"] as? [String: Any])?["name"] as? String == hostile.settings.name)
        #expect(html.components(separatedBy: "</script>").count == 2, "exactly one script element, closed once")
    }

    @Test("article head: robots, Open Graph article properties, Twitter card")
    func articleHead() throws {
        let html = render(fixtures.articleContent())
        for tag in [
            "<meta name=\"robots\" content=\"max-image-preview:large\">",
            "<meta property=\"og:type\" content=\"article\">",
            "<meta property=\"og:locale\" content=\"vi_VN\">",
            "<meta property=\"og:image\" content=\"https://toasoan.example/media/2023/12/hoi-nghi.jpg\">",
            "<meta property=\"og:image:width\" content=\"1200\">", "<meta property=\"og:image:height\" content=\"800\">",
            "<meta property=\"og:image:alt\" content=\"Toàn cảnh hội nghị\">",
            "<meta property=\"article:published_time\" content=\"2023-12-22T10:30:00+07:00\">",
            "<meta property=\"article:section\" content=\"Châu Á\">",
            "<meta property=\"article:tag\" content=\"ASEAN\">", "<meta property=\"article:tag\" content=\"Ngoại giao\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            "<meta name=\"twitter:title\" content=\"Hội nghị Cấp cao ASEAN lần thứ 43 khai mạc - Báo Tòa Soạn\">",
            "<meta name=\"twitter:image\" content=\"https://toasoan.example/media/2023/12/hoi-nghi.jpg\">",
        ] {
            #expect(html.contains(tag), "missing \(tag)")
        }
        let plain = render(fixtures.articleContent(images: []))
        #expect(plain.contains("<meta name=\"twitter:card\" content=\"summary\">"))
        #expect(!plain.contains("og:image"))
        #expect(try Self.jsonLD(plain)["image"] == nil, "no image, no image property")
    }

    @Test("listing pages: canonical of the page itself, rel=prev and rel=next to its neighbours")
    func listingLinks() {
        let middle = TestTheme.renderer.render(listing: fixtures.listing(.section(fixtures.theGioi), page: 3, pageCount: 9), chrome: fixtures.chrome)
        #expect(middle.contains("<link rel=\"canonical\" href=\"https://toasoan.example/the-gioi?trang=3\">"))
        #expect(middle.contains("<link rel=\"prev\" href=\"https://toasoan.example/the-gioi?trang=2\">"))
        #expect(middle.contains("<link rel=\"next\" href=\"https://toasoan.example/the-gioi?trang=4\">"))
        #expect(middle.contains("<meta name=\"robots\" content=\"max-image-preview:large\">"))
        #expect(!middle.contains("application/ld+json"))

        let second = TestTheme.renderer.render(listing: fixtures.listing(.tag(fixtures.tag), page: 2, pageCount: 2), chrome: fixtures.chrome)
        #expect(second.contains("<link rel=\"prev\" href=\"https://toasoan.example/tag/asean\">"), "page 1 has no ?trang=1")
        #expect(!second.contains("rel=\"next\""))
        let only = TestTheme.renderer.render(listing: fixtures.listing(.topic(fixtures.topic)), chrome: fixtures.chrome)
        #expect(!only.contains("rel=\"prev\"") && !only.contains("rel=\"next\""))
        #expect(only.contains("<link rel=\"canonical\" href=\"https://toasoan.example/dong-su-kien/hoi-nghi-asean-2023\">"))

        let corrections = TestTheme.renderer.render(
            corrections: CorrectionsPageContent(items: [], pageNumber: 2, pageCount: 3, totalCount: 41), chrome: fixtures.chrome
        )
        #expect(corrections.contains("<link rel=\"prev\" href=\"https://toasoan.example/thong-tin-cai-chinh\">"))
        #expect(corrections.contains("<link rel=\"next\" href=\"https://toasoan.example/thong-tin-cai-chinh?trang=3\">"))
    }

    @Test("error pages keep noindex and do not ask for large previews")
    func errorPage() {
        let html = TestTheme.renderer.render(error: .notFound, chrome: fixtures.chrome)
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!html.contains("max-image-preview"))
    }
}
