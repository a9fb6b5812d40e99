import NewsMarkdown
import Testing

@Suite("MarkdownRenderer: figures and images")
struct MarkdownRendererFigureTests {
    let renderer = MarkdownRenderer()

    /// Metadata for `/media/cau-rong.jpg`, as the media library would give it.
    static let bridge = FigureImage(
        src: "/media/2024/cau-rong-960.jpg", alt: "Cầu Rồng phun lửa", caption: "Cầu Rồng, Đà Nẵng, tối thứ Bảy",
        credit: "Lê Minh", width: 960, height: 640
    )

    func render(_ markdown: String, known: [String: FigureImage] = [:], eager: Int = 0) -> RenderedBody {
        renderer.render(markdown, figure: { known[$0] }, eagerImageCount: eager)
    }

    @Test("A lone image with metadata becomes a figure with size, caption and credit")
    func figureWithMetadata() {
        let body = render("![Ảnh](/media/cau-rong.jpg \"bị thay bằng chú thích\")", known: ["/media/cau-rong.jpg": Self.bridge])
        #expect(body.html == """
            <figure class="figure"><img src="/media/2024/cau-rong-960.jpg" alt="Cầu Rồng phun lửa" width="960" height="640" \
            loading="lazy" decoding="async"><figcaption>Cầu Rồng, Đà Nẵng, tối thứ Bảy (Ảnh: Lê Minh)</figcaption></figure>

            """)
        #expect(body.imageSources == ["/media/cau-rong.jpg"])
    }

    @Test("The custom block carrying the figure passes cmark's safe mode verbatim (not \"raw HTML omitted\")")
    func customBlockSurvivesSafeMode() {
        let output = render("Trước\n\n![a](/a.jpg)\n\nSau").html
        #expect(output == "<p>Trước</p>\n<figure class=\"figure\"><img src=\"/a.jpg\" alt=\"a\" loading=\"lazy\" decoding=\"async\"></figure>\n<p>Sau</p>\n")
        #expect(!output.contains("raw HTML omitted"))
    }

    @Test("Without metadata: Markdown alt, the title as caption, no width or height")
    func figureWithoutMetadata() {
        #expect(render("![Phố cổ Hội An](/anh/hoi-an.jpg \"Hội An về đêm\")").html == """
            <figure class="figure"><img src="/anh/hoi-an.jpg" alt="Phố cổ Hội An" loading="lazy" decoding="async">\
            <figcaption>Hội An về đêm</figcaption></figure>

            """)
    }

    @Test("Caption only, credit only, and neither", arguments: [
        ("Chú thích", "", "<figcaption>Chú thích</figcaption>"),
        ("", "Lê Minh", "<figcaption>(Ảnh: Lê Minh)</figcaption>"),
        ("", "", ""),
        ("  ", " \n", ""),
        ("Chú thích", "TTXVN", "<figcaption>Chú thích (Ảnh: TTXVN)</figcaption>"),
    ])
    func captionAndCredit(caption: String, credit: String, expectedCaption: String) {
        let metadata = FigureImage(src: "/a.jpg", alt: "A", caption: caption, credit: credit, width: nil, height: nil)
        #expect(render("![a](/a.jpg)", known: ["/a.jpg": metadata]).html ==
            "<figure class=\"figure\"><img src=\"/a.jpg\" alt=\"A\" loading=\"lazy\" decoding=\"async\">\(expectedCaption)</figure>\n")
    }

    @Test("Credit keeps Vietnamese text intact")
    func vietnameseCredit() {
        let metadata = FigureImage(src: "/a.jpg", alt: "", caption: "", credit: "Lê Minh", width: nil, height: nil)
        let output = render("![a](/a.jpg)", known: ["/a.jpg": metadata]).html
        #expect(output.contains("<figcaption>(Ảnh: Lê Minh)</figcaption>"))
        #expect(output.unicodeScalars.contains { $0 == "\u{1EA2}" }, "Ả stays one precomposed code point")
    }

    @Test("Empty metadata alt and caption fall back to the Markdown alt and title")
    func metadataFallbacks() {
        let metadata = FigureImage(src: "/a-960.jpg", alt: "", caption: "", credit: "AFP", width: 960, height: 540)
        #expect(render("![Bão số 3](/a.jpg \"Bão đổ bộ\")", known: ["/a.jpg": metadata]).html == """
            <figure class="figure"><img src="/a-960.jpg" alt="Bão số 3" width="960" height="540" loading="lazy" \
            decoding="async"><figcaption>Bão đổ bộ (Ảnh: AFP)</figcaption></figure>

            """)
    }

    @Test("Alt, caption, credit and title containing \" < > & ' are escaped")
    func escaping() {
        let metadata = FigureImage(
            src: "/a.jpg", alt: "Tom & Jerry's \"<b>\"", caption: "1 < 2 & \"ba\" > 'hai'", credit: "<Lê & Minh>",
            width: nil, height: nil
        )
        #expect(render("![a](/a.jpg)", known: ["/a.jpg": metadata]).html == """
            <figure class="figure"><img src="/a.jpg" alt="Tom &amp; Jerry&#39;s &quot;&lt;b&gt;&quot;" loading="lazy" \
            decoding="async"><figcaption>1 &lt; 2 &amp; &quot;ba&quot; &gt; &#39;hai&#39; (Ảnh: &lt;Lê &amp; Minh&gt;)\
            </figcaption></figure>

            """)
        #expect(render("![a](/x.jpg \"He said \\\"hi\\\" & <b>\")").html == """
            <figure class="figure"><img src="/x.jpg" alt="a" loading="lazy" decoding="async">\
            <figcaption>He said &quot;hi&quot; &amp; &lt;b&gt;</figcaption></figure>

            """)
        #expect(render("![Tom & Jerry's \"x\" 1 < 2](/a.jpg)").html.contains(
            "alt=\"Tom &amp; Jerry&#39;s &quot;x&quot; 1 &lt; 2\""))
    }

    @Test("srcset and sizes are emitted when the metadata has them")
    func srcsetAndSizes() {
        var metadata = Self.bridge
        metadata.srcset = "/media/a-480.jpg 480w, /media/a-960.jpg 960w"
        metadata.sizes = "(max-width: 600px) 100vw, 600px"
        let output = render("![a](/media/cau-rong.jpg)", known: ["/media/cau-rong.jpg": metadata]).html
        #expect(output.hasPrefix("""
            <figure class="figure"><img src="/media/2024/cau-rong-960.jpg" \
            srcset="/media/a-480.jpg 480w, /media/a-960.jpg 960w" sizes="(max-width: 600px) 100vw, 600px" \
            alt="Cầu Rồng phun lửa" width="960" height="640" loading="lazy" decoding="async">
            """))
    }

    @Test("A srcset with a refused URL is left out, the image stays")
    func refusedSrcset() {
        var metadata = Self.bridge
        metadata.srcset = "/a-480.jpg 480w, javascript:alert(1) 960w"
        metadata.sizes = "100vw"
        let output = render("![a](/media/cau-rong.jpg)", known: ["/media/cau-rong.jpg": metadata]).html
        #expect(!output.contains("srcset"))
        #expect(!output.contains("sizes"))
        #expect(output.contains("<img src=\"/media/2024/cau-rong-960.jpg\""))
    }

    @Test("Figures after the first eagerImageCount load lazily", arguments: [
        (0, [true, true, true]),
        (1, [false, true, true]),
        (2, [false, false, true]),
        (5, [false, false, false]),
    ])
    func lazyLoading(eager: Int, expectedLazy: [Bool]) {
        let output = render("![1](/1.jpg)\n\n![2](/2.jpg)\n\n![3](/3.jpg)", eager: eager).html
        let images = LiveMarkup(output).tags.filter { $0.name == "img" }
        #expect(images.map { $0.attributes["src"] } == ["/1.jpg", "/2.jpg", "/3.jpg"])
        #expect(images.map { $0.attributes["loading"] == "lazy" } == expectedLazy)
        #expect(images.allSatisfy { $0.attributes["fetchpriority"] == nil })
        #expect(images.allSatisfy { $0.attributes["decoding"] == "async" })
    }

    @Test("Inline images are always lazy and do not use up eager slots")
    func inlineImagesLazy() {
        let output = render("Chữ ![i](/i.png) chữ\n\n![f](/f.jpg)", eager: 1).html
        #expect(output == """
            <p>Chữ <img src="/i.png" alt="i" loading="lazy" decoding="async"> chữ</p>
            <figure class="figure"><img src="/f.jpg" alt="f" decoding="async"></figure>

            """)
    }

    @Test("Inline images keep their title and use known metadata for src and size")
    func inlineImageMetadata() {
        let metadata = FigureImage(src: "/i-64.png", alt: "Biểu tượng", caption: "không dùng", credit: "không dùng", width: 64, height: 64)
        #expect(render("Xem ![i](/i.png \"Tiêu đề\") nhé", known: ["/i.png": metadata]).html ==
            "<p>Xem <img src=\"/i-64.png\" alt=\"Biểu tượng\" title=\"Tiêu đề\" width=\"64\" height=\"64\" loading=\"lazy\" decoding=\"async\"> nhé</p>\n")
    }

    @Test("imageSources lists placed images in Markdown order, as written, skipping refused ones")
    func imageSourcesOrder() {
        let markdown = """
            ![a](/media/cau-rong.jpg)

            Chữ ![b](/b.png) và ![c](javascript:alert(1)).

            > ![d](https://cdn.example.vn/d.jpg)

            | x |
            |---|
            | ![e](/e.png) |

            ![f](data:image/png;base64,AAAA)

            - ![g](/g.jpg)
            """
        let body = render(markdown, known: ["/media/cau-rong.jpg": Self.bridge])
        #expect(body.imageSources == ["/media/cau-rong.jpg", "/b.png", "https://cdn.example.vn/d.jpg", "/e.png", "/g.jpg"])
        #expect(LiveMarkup(body.html).tags.filter { $0.name == "img" }.count == 5)
    }

    @Test("Images with a refused URL are left out entirely", arguments: [
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", "<  javascript:alert(1)>", "&#106;avascript:alert(1)",
        "&#x4A;avascript&#58;alert(1)", "vbscript:msgbox(1)", "file:///etc/passwd", "data:image/png;base64,AAAA",
        "data:image/svg+xml,%3Csvg%3E", "//evil.example/x.jpg", "/\\evil.example/x.jpg", "<java\tscript:alert(1)>",
        "mailto:a@example.vn", "ftp://example.vn/a.jpg", "http:a.jpg", "a:b.jpg",
    ])
    func refusedSchemes(url: String) {
        for markdown in ["![a](\(url) \"Chú thích\")", "Chữ ![a](\(url)) chữ"] {
            let body = render(markdown)
            #expect(body.imageSources == [], "\(markdown)")
            #expect(!body.html.contains("<img"), "\(markdown) → \(body.html)")
            #expect(!body.html.contains("<figure"), "\(markdown) → \(body.html)")
            #expect(LiveMarkup(body.html).problems == [])
        }
    }

    @Test("Allowed image URLs, written as cmark writes URLs (percent-encoded, & escaped)", arguments: [
        ("https://cdn.example.vn/a.jpg", "https://cdn.example.vn/a.jpg"),
        ("HTTP://cdn.example.vn/a.jpg", "HTTP://cdn.example.vn/a.jpg"),
        ("/media/a.jpg?w=800&h=600", "/media/a.jpg?w=800&amp;h=600"),
        ("anh/a.jpg", "anh/a.jpg"),
        ("a.jpg", "a.jpg"),
        ("./a.jpg#x", "./a.jpg#x"),
        ("</media/ảnh đẹp.jpg>", "/media/%E1%BA%A3nh%20%C4%91%E1%BA%B9p.jpg"),
        ("/a'b.jpg", "/a&#39;b.jpg"),
        ("/a.jpg?q=\"x\"", "/a.jpg?q=%22x%22"),
    ])
    func allowedURLs(url: String, expectedSrc: String) {
        let body = render("![a](\(url))")
        #expect(body.html == "<figure class=\"figure\"><img src=\"\(expectedSrc)\" alt=\"a\" loading=\"lazy\" decoding=\"async\"></figure>\n")
        #expect(body.imageSources.count == 1)
    }

    @Test("Figures work inside list items and block quotes")
    func nestedFigures() {
        #expect(render("> ![q](/q.jpg)").html ==
            "<blockquote>\n<figure class=\"figure\"><img src=\"/q.jpg\" alt=\"q\" loading=\"lazy\" decoding=\"async\"></figure>\n</blockquote>\n")
        #expect(render("- ![l](/l.jpg)\n- hai").html ==
            "<ul>\n<li>\n<figure class=\"figure\"><img src=\"/l.jpg\" alt=\"l\" loading=\"lazy\" decoding=\"async\"></figure>\n</li>\n<li>hai</li>\n</ul>\n")
    }

    @Test("An image with text beside it, or inside a link, stays an inline image")
    func notAlone() {
        #expect(render("![a](/a.jpg) chú thích").html == "<p><img src=\"/a.jpg\" alt=\"a\" loading=\"lazy\" decoding=\"async\"> chú thích</p>\n")
        #expect(render("[![a](/a.jpg)](https://example.vn)").html ==
            "<p><a href=\"https://example.vn\"><img src=\"/a.jpg\" alt=\"a\" loading=\"lazy\" decoding=\"async\"></a></p>\n")
    }

    @Test("An image nested in another image's description is only alt text")
    func nestedImage() {
        let body = render("![ngoài ![trong](/trong.png) nữa](/ngoai.png)")
        #expect(body.html == "<figure class=\"figure\"><img src=\"/ngoai.png\" alt=\"ngoài trong nữa\" loading=\"lazy\" decoding=\"async\"></figure>\n")
        #expect(body.imageSources == ["/ngoai.png"])
    }

    @Test("The figure lookup receives the Markdown source, entity-decoded by cmark")
    func lookupKey() {
        var asked: [String] = []
        _ = renderer.render("![a](/a&amp;b.jpg)\n\nChữ ![b](</c d.png>)", figure: { asked.append($0); return nil }, eagerImageCount: 0)
        #expect(asked == ["/a&b.jpg", "/c d.png"])
    }
}
