import NewsMarkdown
import Testing

@Suite("MarkdownRenderer: concurrency")
struct MarkdownRendererConcurrencyTests {
    /// A body that uses every extension; strikethrough and autolinks are the parts cmark-gfm's process-wide
    /// special-character table breaks when parses overlap without the parse lock.
    static let body: String = (1...40).map { index in
        """
        ## Mục \(index)

        Đoạn \(index) có ~~giá cũ~~ giá mới, www.example.vn/\(index) và https://example.vn/bai-\(index).

        ![Ảnh \(index)](/media/\(index).jpg "Chú thích \(index)")

        | Cột | Giá trị |
        |---|---|
        | \(index) | ~~\(index)~~ |
        """
    }.joined(separator: "\n\n")

    static func render() -> RenderedBody {
        MarkdownRenderer().render(body, figure: { source in
            FigureImage(src: source, alt: "", caption: "", credit: "Lê Minh", width: 800, height: 600)
        }, eagerImageCount: 1)
    }

    @Test("Rendering from many tasks at once gives the same result every time")
    func concurrentRendering() async {
        let expected = Self.render()
        #expect(expected.imageSources.count == 40)
        #expect(expected.html.components(separatedBy: "<del>").count - 1 == 80)
        #expect(expected.html.components(separatedBy: "<a href=").count - 1 == 80)

        let differing = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<200 {
                group.addTask { Self.render() != expected }
            }
            var count = 0
            for await differs in group where differs {
                count += 1
            }
            return count
        }
        #expect(differing == 0)
    }

    @Test("plainText from many tasks at once gives the same result every time")
    func concurrentPlainText() async {
        let expected = MarkdownRenderer().plainText(Self.body)
        let differing = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<200 {
                group.addTask { MarkdownRenderer().plainText(Self.body) != expected }
            }
            var count = 0
            for await differs in group where differs {
                count += 1
            }
            return count
        }
        #expect(differing == 0)
    }
}
