import Testing

@testable import NewsSearch

@Suite("Search highlighting")
struct SearchHighlighterTests {
    @Test("Matched syllables are marked in any reading; neighbours share one mark; spelling is kept as written")
    func marks() {
        let highlighter = SearchHighlighter(query: SearchQuery("đường sắt"))
        #expect(highlighter.highlight("Đường sắt cao tốc") == "<mark>Đường sắt</mark> cao tốc")
        #expect(highlighter.highlight("Dương và sát") == "<mark>Dương</mark> và <mark>sát</mark>")
        #expect(SearchHighlighter(query: SearchQuery("hoa")).highlight("Hoà bình") == "<mark>Hoà</mark> bình")
        #expect(SearchHighlighter(query: SearchQuery("thủy")).highlight("Thu\u{0309}y") == "<mark>Thu\u{0309}y</mark>")
    }

    @Test("Everything is escaped; the only markup is <mark>")
    func escapes() {
        let highlighter = SearchHighlighter(query: SearchQuery("script"))
        let html = highlighter.highlight("<script>alert('x')</script> & \"script\"")
        #expect(html == "&lt;<mark>script</mark>&gt;alert(&#39;x&#39;)&lt;/<mark>script</mark>&gt; &amp; &quot;<mark>script</mark>&quot;")
        let query = SearchHighlighter(query: SearchQuery("<b>mark</b>"))
        #expect(query.highlight("a <b>mark</b>") == "a &lt;<mark>b</mark>&gt;<mark>mark</mark>&lt;/<mark>b</mark>&gt;")
        #expect(SearchHighlighter(query: SearchQuery("x")).highlight("a \"quote\" & <tag>") == "a &quot;quote&quot; &amp; &lt;tag&gt;")
    }

    @Test("A snippet is a passage around the best match, cut with …, whitespace collapsed")
    func snippet() {
        let filler = Array(repeating: "một hai ba bốn năm", count: 20).joined(separator: " ")
        let body = "\(filler). Tuyến đường sắt\nmới khánh thành. \(filler)."
        let highlighter = SearchHighlighter(query: SearchQuery("đường sắt"))
        let snippet = highlighter.snippet(from: ["Sapo không có gì.", body])
        #expect(snippet.contains("<mark>đường sắt</mark> mới khánh thành."))
        #expect(snippet.hasPrefix("…") && snippet.hasSuffix("…"))
        #expect(!snippet.contains("\n"))
        #expect(highlighter.snippet(from: ["Sapo có đường sắt.", body]) == "Sapo có <mark>đường sắt</mark>.", "the sapo wins a tie")
        #expect(highlighter.snippet(from: ["Không khớp gì cả.", ""]) == "Không khớp gì cả.")
        #expect(highlighter.snippet(from: ["", ""]) == "")
    }

    @Test("Plain text of a Markdown body drops link targets, tags and URLs")
    func plainText() {
        let markdown = """
            ## Tiêu đề **đậm**
            > Trích dẫn [liên kết](https://example.com/duong) và ![ảnh](a.jpg "t") <b>thẻ</b> https://x.vn/y &amp; hết
            """
        let plain = SearchText.plain(markdown: markdown)
        #expect(plain.contains("Tiêu đề đậm"))
        #expect(plain.contains("Trích dẫn liên kết và ảnh"))
        #expect(plain.contains("thẻ"))
        #expect(plain.contains("& hết"))
        #expect(!plain.contains("example") && !plain.contains("a.jpg") && !plain.contains("x.vn") && !plain.contains("<b>"))
    }
}
