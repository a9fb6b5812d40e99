import NewsMarkdown
import Testing

/// Renders with no known images and every image lazy, the common case for these tests.
func html(_ markdown: String) -> String {
    MarkdownRenderer().render(markdown, figure: { _ in nil }, eagerImageCount: 0).html
}

@Suite("MarkdownRenderer: CommonMark and GFM")
struct MarkdownRendererTests {
    @Test("Paragraphs are separated by blank lines; a single newline stays inside the paragraph")
    func paragraphs() {
        #expect(html("Một đoạn.\nVẫn đoạn đó.\n\nĐoạn thứ hai.") == "<p>Một đoạn.\nVẫn đoạn đó.</p>\n<p>Đoạn thứ hai.</p>\n")
    }

    @Test("Emphasis, strong emphasis and code spans")
    func emphasis() {
        #expect(html("*nghiêng* **đậm** _cũng nghiêng_ `mã <b>`") ==
            "<p><em>nghiêng</em> <strong>đậm</strong> <em>cũng nghiêng</em> <code>mã &lt;b&gt;</code></p>\n")
    }

    @Test("Bullet and ordered lists, including an ordered list that does not start at 1")
    func lists() {
        #expect(html("- một\n- hai") == "<ul>\n<li>một</li>\n<li>hai</li>\n</ul>\n")
        #expect(html("3. ba\n4. bốn") == "<ol start=\"3\">\n<li>ba</li>\n<li>bốn</li>\n</ol>\n")
    }

    @Test("Block quotes")
    func blockquote() {
        #expect(html("> Trích dẫn\n> hai dòng") == "<blockquote>\n<p>Trích dẫn\nhai dòng</p>\n</blockquote>\n")
    }

    @Test("Headings move down one level, capped at h6", arguments: [(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 6)])
    func headingShift(level: Int, expected: Int) {
        let markdown = String(repeating: "#", count: level) + " Tiêu đề"
        #expect(html(markdown) == "<h\(expected)>Tiêu đề</h\(expected)>\n")
    }

    @Test("Setext headings move down too, so a body never has an <h1>")
    func setextHeadings() {
        let output = html("Lớn\n===\n\nNhỏ\n---")
        #expect(output == "<h2>Lớn</h2>\n<h3>Nhỏ</h3>\n")
        #expect(!output.contains("<h1"))
    }

    @Test("GFM tables render and are wrapped so they scroll on a phone")
    func table() {
        let output = html("| Tỉnh | Dân số |\n|:---|---:|\n| Huế | 1,1 triệu |")
        #expect(output == """
            <div class="table-wrap">
            <table>
            <thead>
            <tr>
            <th align="left">Tỉnh</th>
            <th align="right">Dân số</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="left">Huế</td>
            <td align="right">1,1 triệu</td>
            </tr>
            </tbody>
            </table>
            </div>

            """)
    }

    @Test("Tables inside a block quote are wrapped as well")
    func nestedTable() {
        let output = html("> | a |\n> |---|\n> | 1 |")
        #expect(output.hasPrefix("<blockquote>\n<div class=\"table-wrap\">\n<table>"))
        #expect(output.hasSuffix("</table>\n</div>\n</blockquote>\n"))
    }

    @Test("GFM strikethrough")
    func strikethrough() {
        #expect(html("Giá ~~100~~ 80 nghìn") == "<p>Giá <del>100</del> 80 nghìn</p>\n")
    }

    @Test("GFM autolinks for www. and http(s) addresses, and CommonMark <…> autolinks")
    func autolink() {
        #expect(html("Xem www.example.vn nhé") == "<p>Xem <a href=\"http://www.example.vn\">www.example.vn</a> nhé</p>\n")
        #expect(html("Nguồn: https://example.vn/bai-viet.") ==
            "<p>Nguồn: <a href=\"https://example.vn/bai-viet\">https://example.vn/bai-viet</a>.</p>\n")
        #expect(html("<https://example.vn>") == "<p><a href=\"https://example.vn\">https://example.vn</a></p>\n")
    }

    @Test("Links keep cmark's output, with titles escaped")
    func links() {
        #expect(html("[Báo](https://example.vn/a?x=1&y=2 \"Tiêu \\\"đề\\\"\")") ==
            "<p><a href=\"https://example.vn/a?x=1&amp;y=2\" title=\"Tiêu &quot;đề&quot;\">Báo</a></p>\n")
    }

    @Test("No smart punctuation: quotes, dashes and ellipses stay as typed")
    func noSmartPunctuation() {
        #expect(html("\"Xin chào\" -- 'bạn' --- vâng...") == "<p>&quot;Xin chào&quot; -- 'bạn' --- vâng...</p>\n")
    }

    @Test("Empty and blank input give empty HTML and no images")
    func emptyInput() {
        let renderer = MarkdownRenderer()
        #expect(renderer.render("", figure: { _ in nil }, eagerImageCount: 1) == RenderedBody(html: "", imageSources: []))
        #expect(renderer.render(" \n\n\t\n", figure: { _ in nil }, eagerImageCount: 1) == RenderedBody(html: "", imageSources: []))
    }

    @Test("Text is not normalised: decomposed Vietnamese comes out with the same code points")
    func noNormalisation() {
        let decomposed = "Tie\u{0302}\u{0301}ng Vie\u{0323}\u{0302}t"
        let composed = "Tiếng Việt"
        #expect(Array(html(decomposed).unicodeScalars) == Array("<p>\(decomposed)</p>\n".unicodeScalars))
        #expect(Array(html(composed).unicodeScalars) == Array("<p>\(composed)</p>\n".unicodeScalars))
    }

    @Test("Code blocks escape their content")
    func codeBlock() {
        #expect(html("```swift\nlet a = \"<b>\" && b\n```") ==
            "<pre><code class=\"language-swift\">let a = &quot;&lt;b&gt;&quot; &amp;&amp; b\n</code></pre>\n")
    }

    @Test("Entities are decoded by cmark and re-escaped on output")
    func entities() {
        #expect(html("AT&amp;T &copy; 1 &lt; 2") == "<p>AT&amp;T © 1 &lt; 2</p>\n")
    }

    @Test("Deeply nested input does not crash the walk over the tree")
    func deepNesting() {
        let quotes = String(repeating: ">", count: 5_000) + " sâu"
        #expect(html(quotes).contains("sâu"))
        let emphasis = String(repeating: "*", count: 5_000) + "x" + String(repeating: "*", count: 5_000)
        #expect(html(emphasis).contains("x"))
        #expect(MarkdownRenderer().plainText(quotes) == "sâu")
    }

    @Test("NUL bytes in the input are replaced, not truncating the body")
    func nulByte() {
        #expect(html("trước\u{0}sau") == "<p>trước\u{FFFD}sau</p>\n")
    }
}
