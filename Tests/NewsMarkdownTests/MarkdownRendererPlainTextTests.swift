import NewsMarkdown
import Testing

@Suite("MarkdownRenderer.plainText")
struct MarkdownRendererPlainTextTests {
    let renderer = MarkdownRenderer()

    @Test("Markup goes, paragraphs are separated by a blank line, line breaks inside a paragraph become spaces")
    func paragraphs() {
        let markdown = "# Bão số 3\n\nMưa *rất* **to** ở ~~Huế~~ Đà Nẵng,\ncó `gió` mạnh.\n\n> Trích lời [ông A](https://example.vn)."
        #expect(renderer.plainText(markdown) == "Bão số 3\n\nMưa rất to ở Huế Đà Nẵng, có gió mạnh.\n\nTrích lời ông A.")
    }

    @Test("Lists, code blocks and table rows each become blocks")
    func blocks() {
        let markdown = "- một\n- hai\n\n```\nlet x  =  1\n```\n\n| Tỉnh | Dân số |\n|---|---|\n| Huế | 1,1 triệu |"
        #expect(renderer.plainText(markdown) == "một\n\nhai\n\nlet x = 1\n\nTỉnh Dân số\n\nHuế 1,1 triệu")
    }

    @Test("Raw HTML and images, alt text included, are left out; entities are decoded")
    func leftOut() {
        let markdown = "<div>khối</div>\n\nA <b>đậm</b> &amp; B ![ảnh](/a.jpg) C\n\n![Chỉ ảnh](/b.jpg)\n\n---\n\nHết"
        #expect(renderer.plainText(markdown) == "A đậm & B C\n\nHết")
    }

    @Test("Empty and blank input give empty text")
    func empty() {
        #expect(renderer.plainText("") == "")
        #expect(renderer.plainText("  \n\n ") == "")
    }

    @Test("Vietnamese text comes out with the same code points")
    func vietnamese() {
        let text = "Người dân Thừa Thiên Huế đón Tết"
        #expect(Array(renderer.plainText(text).unicodeScalars) == Array(text.unicodeScalars))
    }
}
