import CCmarkGFM
import Foundation

extension MarkdownRenderer {
    /// Replaces the paragraph around a lone `image` with a custom block holding the figure HTML.
    /// Returns false, and removes the paragraph, when the image URL is refused.
    static func placeFigure(_ image: OpaquePointer, metadata: FigureImage?, isLazy: Bool) -> Bool {
        guard let paragraph = cmark_node_parent(image) else { return false }
        guard let url = ImageURLPolicy.allowedURL(metadata?.src ?? CmarkNode.url(image)) else {
            cmark_node_free(paragraph)
            return false
        }
        let caption = nonEmpty(metadata?.caption) ?? CmarkNode.title(image)
        var html = "<figure class=\"figure\">"
        html += imageTag(url: url, image: image, metadata: metadata, title: nil, isLazy: isLazy)
        html += figcaption(caption: caption, credit: metadata?.credit ?? "")
        html += "</figure>"

        let block = CmarkDocument.makeNode(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(block, html)
        // A paragraph's parent (document, quote, list item) always accepts blocks; checked all the same.
        guard cmark_node_replace(paragraph, block) == 1 else {
            cmark_node_free(block)
            return placeInlineImage(image, metadata: metadata)
        }
        cmark_node_free(paragraph)
        return true
    }

    /// Replaces an image inside running text with a custom inline holding a lazy `<img>`.
    /// Returns false, and removes the image, when its URL is refused.
    static func placeInlineImage(_ image: OpaquePointer, metadata: FigureImage?) -> Bool {
        guard let url = ImageURLPolicy.allowedURL(metadata?.src ?? CmarkNode.url(image)) else {
            cmark_node_free(image)
            return false
        }
        let html = imageTag(url: url, image: image, metadata: metadata, title: CmarkNode.title(image), isLazy: true)
        let inline = CmarkDocument.makeNode(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(inline, html)
        guard cmark_node_replace(image, inline) == 1 else {
            // Table cells accept only certain inline types, not custom ones: keep cmark's own safe `<img>`
            // (without `loading`), pointed at the URL we checked.
            cmark_node_free(inline)
            cmark_node_set_url(image, url)
            return true
        }
        cmark_node_free(image)
        return true
    }

    /// Builds `<img …>` from escaped values only; `url` must already have passed `ImageURLPolicy`.
    static func imageTag(url: String, image: OpaquePointer, metadata: FigureImage?, title: String?, isLazy: Bool) -> String {
        let alt = nonEmpty(metadata?.alt) ?? CmarkNode.inlineText(image, includeImageText: true)
        var html = "<img src=\"\(HTMLEscaping.url(url))\""
        if let srcset = metadata?.srcset.flatMap(ImageURLPolicy.allowedSrcset) {
            html += " srcset=\"\(HTMLEscaping.escape(srcset))\""
            if let sizes = nonEmpty(metadata?.sizes) {
                html += " sizes=\"\(HTMLEscaping.escape(sizes))\""
            }
        }
        html += " alt=\"\(HTMLEscaping.escape(alt))\""
        if let title = nonEmpty(title) {
            html += " title=\"\(HTMLEscaping.escape(title))\""
        }
        if let width = metadata?.width, width > 0 {
            html += " width=\"\(width)\""
        }
        if let height = metadata?.height, height > 0 {
            html += " height=\"\(height)\""
        }
        if isLazy {
            html += " loading=\"lazy\""
        }
        html += " decoding=\"async\">"
        return html
    }

    /// `<figcaption>CAPTION (Ảnh: CREDIT)</figcaption>`, with either part left out when empty, or nothing when both are.
    static func figcaption(caption: String, credit: String) -> String {
        var parts: [String] = []
        if let caption = nonEmpty(caption) {
            parts.append(HTMLEscaping.escape(caption))
        }
        if let credit = nonEmpty(credit) {
            parts.append("(Ảnh: \(HTMLEscaping.escape(credit)))")
        }
        return parts.isEmpty ? "" : "<figcaption>\(parts.joined(separator: " "))</figcaption>"
    }

    /// The text trimmed of surrounding whitespace, or nil when nothing is left.
    private static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
