import CCmarkGFM

/// Readers over cmark's C node accessors, returning Swift values.
enum CmarkNode {
    /// The node's type.
    static func type(_ node: OpaquePointer) -> cmark_node_type {
        cmark_node_get_type(node)
    }

    /// The type name, which is how extension nodes (`table`, `table_row`, `table_cell`) are recognised
    /// without reading the extensions' mutable C globals.
    static func typeName(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }

    /// The URL of a link or image, with entities and backslash escapes already decoded by cmark; empty when there is none.
    static func url(_ node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    /// The title of a link or image; empty when there is none.
    static func title(_ node: OpaquePointer) -> String {
        cmark_node_get_title(node).map { String(cString: $0) } ?? ""
    }

    /// The literal text of a text, code or HTML node; empty for other nodes.
    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// Whether `node` is the one and only child of its parent.
    static func isOnlyChild(_ node: OpaquePointer) -> Bool {
        guard let parent = cmark_node_parent(node) else { return false }
        return cmark_node_first_child(parent) == node && cmark_node_last_child(parent) == node
    }

    /// The plain text inside `node` (text, code spans, line breaks as spaces); raw HTML never counts.
    /// Text inside images (their descriptions) counts only when `includeImageText` is set, as for an `alt`.
    /// Iterative, so deeply nested input cannot exhaust the stack.
    static func inlineText(_ node: OpaquePointer, includeImageText: Bool) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        var imageDepth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator), current != node else { continue }
            switch type(current) {
            case CMARK_NODE_IMAGE:
                imageDepth += event == CMARK_EVENT_ENTER ? 1 : -1
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if includeImageText || imageDepth == 0 { text += literal(current) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if includeImageText || imageDepth == 0 { text += " " }
            default:
                break
            }
        }
        return text
    }
}
