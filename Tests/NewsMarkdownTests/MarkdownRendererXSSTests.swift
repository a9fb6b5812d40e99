import NewsMarkdown
import Testing

@Suite("MarkdownRenderer: hostile input never becomes live markup")
struct MarkdownRendererXSSTests {
    /// Vectors from the issue, plus the usual variations on them.
    static let vectors: [String] = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "Chữ <script>alert(1)</script> giữa đoạn",
        "<img src=x onerror=alert(1)>",
        "Ảnh <img src=x onerror=alert(1)> giữa đoạn",
        "<a href=\"javascript:alert(1)\">bấm</a>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](  javascript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;avascript&colon;alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](<java\tscript:alert(1)>)",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](file:///etc/passwd)",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "![a](javascript:alert(1))",
        "![a](JaVaScRiPt:alert(1) \"t\")",
        "Chữ ![a](javascript:alert(1)) chữ",
        "![a][r]\n\n[r]: javascript:alert(1)",
        "![a](data:text/html;base64,PHNjcmlwdD4=)",
        "<div onclick=\"x\">bấm</div>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<style>body { display: none }</style>",
        "<svg onload=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<a href=\"/ok\" onmouseover=\"alert(1)\">x</a>",
        "[x](/a \"\\\" onmouseover=\\\"alert(1)\")",
        "![x](/a.jpg \"\\\" onerror=\\\"alert(1)\")",
        "Chữ ![x](/a.jpg \"\\\" onerror=\\\"alert(1)\") chữ",
        "![\" onerror=\"alert(1)](/a.jpg)",
        "| a |\n|---|\n| <script>alert(1)</script> ![x](javascript:alert(1)) [y](javascript:alert(1)) |",
        "<!-- --><script>alert(1)</script>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
    ]

    @Test("No forbidden element, event attribute or script URL reaches the output", arguments: vectors)
    func vectorIsInert(markdown: String) {
        let output = html(markdown)
        #expect(LiveMarkup(output).problems == [], "\(output)")
        #expect(!output.lowercased().contains("<script"), "\(output)")
    }

    @Test("Raw HTML blocks and inline HTML are omitted, not escaped or passed through")
    func rawHTMLOmitted() {
        #expect(html("<script>alert(1)</script>") == "<!-- raw HTML omitted -->\n")
        #expect(html("<div onclick=\"x\">") == "<!-- raw HTML omitted -->\n")
        #expect(html("a <img src=x onerror=alert(1)> b") == "<p>a <!-- raw HTML omitted --> b</p>\n")
    }

    @Test("Dangerous link URLs are emptied by cmark's safe mode", arguments: [
        "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](  javascript:alert(1))",
        "[x](&#106;avascript:alert(1))", "[x](vbscript:msgbox(1))", "[x](file:///etc/passwd)",
    ])
    func dangerousLinkEmptied(markdown: String) {
        #expect(html(markdown) == "<p><a href=\"\">x</a></p>\n")
    }

    @Test("Script-bearing text in attributes and code stays text", arguments: [
        ("`<script>alert(1)</script>`", "<p><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></p>\n"),
        ("[x](/a \"\\\" onmouseover=\\\"alert(1)\")", "<p><a href=\"/a\" title=\"&quot; onmouseover=&quot;alert(1)\">x</a></p>\n"),
    ])
    func textStaysText(markdown: String, expected: String) {
        #expect(html(markdown) == expected)
    }

    @Test("Hostile figure metadata is escaped, and a refused metadata URL drops the image")
    func hostileMetadata() {
        let hostile = FigureImage(
            src: "/ok.jpg", alt: "\" onerror=\"alert(1)", caption: "<script>alert(1)</script>",
            credit: "<img src=x onerror=alert(1)>", width: 1, height: 1,
            srcset: "/a.jpg 1x\" onerror=\"alert(1)", sizes: "\"><script>alert(1)</script>"
        )
        let output = MarkdownRenderer().render("![a](/ok.jpg)", figure: { _ in hostile }, eagerImageCount: 0).html
        #expect(LiveMarkup(output).problems == [], "\(output)")
        #expect(!output.lowercased().contains("<script"))
        #expect(output.contains("<figcaption>&lt;script&gt;alert(1)&lt;/script&gt; (Ảnh: &lt;img src=x onerror=alert(1)&gt;)</figcaption>"))

        let refused = FigureImage(src: "javascript:alert(1)", alt: "", caption: "c", credit: "", width: nil, height: nil)
        let dropped = MarkdownRenderer().render("![a](/ok.jpg)", figure: { _ in refused }, eagerImageCount: 0)
        #expect(dropped == RenderedBody(html: "", imageSources: []))
    }

    @Test("The checker itself catches live markup, so the tests above can fail")
    func checkerCatchesLiveMarkup() {
        #expect(LiveMarkup("<p>x</p><script>alert(1)</script>").problems == ["element <script>"])
        #expect(LiveMarkup("<img src=x onerror=alert(1)>").problems == ["event attribute onerror on <img>"])
        #expect(LiveMarkup("<a href=\"&#106;avascript:alert(1)\">x</a>").problems.count == 1)
        #expect(LiveMarkup("<a href=' JAVA\tSCRIPT:alert(1)'>x</a>").problems.count == 1)
        #expect(LiveMarkup("<img srcset=\"/a.jpg 1x, data:image/svg+xml,x 2x\">").problems.count == 1)
        #expect(LiveMarkup("<p>&lt;script&gt; onerror=x javascript:alert(1)</p><!-- <script> -->").problems == [])
    }
}
