@testable import NewsMarkdown
import Testing

@Suite("ImageURLPolicy and HTMLEscaping")
struct ImageURLPolicyTests {
    @Test("Allowed URLs come back trimmed", arguments: [
        ("https://cdn.example.vn/a.jpg", "https://cdn.example.vn/a.jpg"),
        ("  http://example.vn/a.jpg \n", "http://example.vn/a.jpg"),
        ("HtTpS://example.vn/a.jpg", "HtTpS://example.vn/a.jpg"),
        ("/media/a.jpg", "/media/a.jpg"),
        ("media/a.jpg", "media/a.jpg"),
        ("a.jpg?x=1:2", "a.jpg?x=1:2"),
        ("/a:b.jpg", "/a:b.jpg"),
        ("/ảnh đẹp.jpg", "/ảnh đẹp.jpg"),
    ])
    func allowed(url: String, expected: String) {
        #expect(ImageURLPolicy.allowedURL(url) == expected)
    }

    @Test("Refused URLs", arguments: [
        "", "   ", "javascript:alert(1)", " JavaScript:alert(1)", "\u{1}javascript:alert(1)", "\u{00A0}javascript:alert(1)",
        "java\tscript:alert(1)", "java\nscript:alert(1)", "vbscript:x", "data:image/png;base64,AA", "file:///etc/passwd",
        "//evil.example/a.jpg", " //evil.example/a.jpg", "/\\evil.example/a.jpg", "\\\\evil.example\\a.jpg",
        "mailto:a@example.vn", "ftp://example.vn/a.jpg", "http:a.jpg", "a:b", "/a\u{7F}.jpg",
    ])
    func refused(url: String) {
        #expect(ImageURLPolicy.allowedURL(url) == nil)
    }

    @Test("srcset is kept only when every candidate URL is allowed")
    func srcset() {
        #expect(ImageURLPolicy.allowedSrcset("/a-480.jpg 480w, https://cdn.example.vn/a-960.jpg 960w") ==
            "/a-480.jpg 480w, https://cdn.example.vn/a-960.jpg 960w")
        #expect(ImageURLPolicy.allowedSrcset("/a.jpg 1x,\n /b.jpg 2x,") == "/a.jpg 1x,\n /b.jpg 2x,")
        #expect(ImageURLPolicy.allowedSrcset("/a.jpg 1x, javascript:alert(1) 2x") == nil)
        #expect(ImageURLPolicy.allowedSrcset("//evil.example/a.jpg 1x") == nil)
        #expect(ImageURLPolicy.allowedSrcset("  ") == nil)
    }

    @Test("Text escaping covers & < > \" ' and replaces NUL")
    func escape() {
        #expect(HTMLEscaping.escape("a & b < c > d \"e\" 'f' Lê\u{0}") == "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39; Lê\u{FFFD}")
    }

    @Test("URL escaping matches cmark's href escaping")
    func url() {
        #expect(HTMLEscaping.url("/a b/ảnh.jpg?x=1&y='2'#top") == "/a%20b/%E1%BA%A3nh.jpg?x=1&amp;y=&#39;2&#39;#top")
        #expect(HTMLEscaping.url("/a%20b\"<>[]{}|^`\\") == "/a%20b%22%3C%3E%5B%5D%7B%7D%7C%5E%60%5C")
        #expect(HTMLEscaping.url("-_.+!*(),%#@?=;:/$~") == "-_.+!*(),%#@?=;:/$~")
    }
}
