import CCmarkGFM

/// Renders Markdown to HTML that is safe to show readers.
///
/// Parsing and HTML come from cmark-gfm (GitHub's CommonMark library) in safe mode with the GFM extensions
/// table, strikethrough, autolink and tagfilter. Between parsing and rendering the tree is adjusted:
/// headings move down one level (the article title is the page's only `<h1>`), an image alone in its
/// paragraph becomes a `<figure>`, other images get `loading="lazy"`, and tables are wrapped in
/// `<div class="table-wrap">` so they scroll sideways on a phone instead of the page.
///
/// The HTML this type writes itself goes into cmark "custom" nodes, which cmark's renderer copies verbatim
/// (also in safe mode); it is built only from values escaped by `HTMLEscaping` and URLs accepted by `ImageURLPolicy`.
///
/// Stateless and `Sendable`: `render` and `plainText` may run on many threads at once.
public struct MarkdownRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// Renders `markdown`. `figure(src)` returns metadata for an image source the article knows (nil otherwise). `eagerImageCount` is how many of the first images load eagerly; the rest get loading="lazy".
    ///
    /// Only figures count towards `eagerImageCount`, in document order; eager figures get no `loading` attribute
    /// and no `fetchpriority` (the page decides which image is its largest paint, usually the featured one).
    /// Images inside running text are always lazy; they use the metadata's `src`, `alt`, size and `srcset` too
    /// (not its caption or credit) and keep the Markdown title. An image whose URL `ImageURLPolicy` refuses is
    /// left out, together with its figure and caption, and is not listed in `imageSources`.
    public func render(_ markdown: String, figure: (String) -> FigureImage?, eagerImageCount: Int) -> RenderedBody {
        guard !markdown.isEmpty else { return RenderedBody(html: "", imageSources: []) }
        let document = CmarkDocument(markdown)
        let found = Self.collect(document.root)

        var imageSources: [String] = []
        var figureCount = 0
        for image in found.images {
            let markdownSource = CmarkNode.url(image)
            let metadata = figure(markdownSource)
            if cmark_node_get_type(cmark_node_parent(image)) == CMARK_NODE_PARAGRAPH, CmarkNode.isOnlyChild(image) {
                let isLazy = figureCount >= eagerImageCount
                if Self.placeFigure(image, metadata: metadata, isLazy: isLazy) {
                    figureCount += 1
                    imageSources.append(markdownSource)
                }
            } else if Self.placeInlineImage(image, metadata: metadata) {
                imageSources.append(markdownSource)
            }
        }
        for table in found.tables {
            Self.wrapTable(table)
        }
        return RenderedBody(html: document.renderHTML(), imageSources: imageSources)
    }

    /// Plain text of the Markdown (no markup, paragraphs separated by "\n\n"), for teasers and search indexing.
    ///
    /// Paragraphs, headings, code blocks and table rows each become one block, with runs of whitespace folded to
    /// one space. Raw HTML and images (including their alt text) are left out. The result is text, not HTML:
    /// escape it before putting it in a page.
    public func plainText(_ markdown: String) -> String {
        guard !markdown.isEmpty else { return "" }
        let document = CmarkDocument(markdown)
        return Self.plainBlocks(document.root).joined(separator: "\n\n")
    }
}

extension MarkdownRenderer {
    /// Nodes found in one pass over the tree, in document order.
    struct Found {
        /// Images that are not inside another image's description (those are only alt text).
        var images: [OpaquePointer] = []
        /// GFM tables.
        var tables: [OpaquePointer] = []
    }

    /// Walks the tree once: shifts headings down a level on the spot and collects the nodes that will be replaced.
    /// Replacing happens afterwards because cmark's iterator must not see the tree change under it.
    static func collect(_ root: OpaquePointer) -> Found {
        var found = Found()
        guard let iterator = cmark_iter_new(root) else { return found }
        defer { cmark_iter_free(iterator) }
        var imageDepth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            switch CmarkNode.type(node) {
            case CMARK_NODE_IMAGE:
                if entering {
                    if imageDepth == 0 { found.images.append(node) }
                    imageDepth += 1
                } else {
                    imageDepth -= 1
                }
            case CMARK_NODE_HEADING:
                if entering {
                    cmark_node_set_heading_level(node, min(cmark_node_get_heading_level(node) + 1, 6))
                }
            default:
                if entering, CmarkNode.typeName(node) == "table" { found.tables.append(node) }
            }
        }
        return found
    }

    /// Moves `table` into a custom block that opens and closes the scrolling wrapper.
    static func wrapTable(_ table: OpaquePointer) {
        let wrapper = CmarkDocument.makeNode(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(wrapper, "<div class=\"table-wrap\">")
        cmark_node_set_on_exit(wrapper, "</div>")
        guard cmark_node_insert_before(table, wrapper) == 1 else {
            cmark_node_free(wrapper)
            return
        }
        if cmark_node_append_child(wrapper, table) != 1 {
            cmark_node_free(wrapper)
        }
    }
}
