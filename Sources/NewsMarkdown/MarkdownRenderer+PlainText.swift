import CCmarkGFM

extension MarkdownRenderer {
    /// The text blocks of the tree in document order: paragraphs, headings, code blocks and table rows,
    /// each with whitespace folded; empty blocks are skipped. Iterative, so deep nesting cannot exhaust the stack.
    static func plainBlocks(_ root: OpaquePointer) -> [String] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var blocks: [String] = []
        var current = ""
        var imageDepth = 0

        func finishBlock() {
            let folded = current.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !folded.isEmpty { blocks.append(folded) }
            current = ""
        }

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            switch CmarkNode.type(node) {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                finishBlock()
            case CMARK_NODE_CODE_BLOCK:
                finishBlock()
                current = CmarkNode.literal(node)
                finishBlock()
            case CMARK_NODE_IMAGE:
                imageDepth += entering ? 1 : -1
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if imageDepth == 0 { current += CmarkNode.literal(node) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                current += " "
            default:
                switch CmarkNode.typeName(node) {
                case "table_row":
                    finishBlock()
                case "table_cell":
                    current += " "
                default:
                    break
                }
            }
        }
        finishBlock()
        return blocks
    }
}
