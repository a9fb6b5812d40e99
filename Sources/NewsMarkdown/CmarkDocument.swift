import CCmarkGFM
import Foundation

/// A Markdown text parsed by cmark-gfm with the GFM core extensions; owns every cmark allocation and frees it on release.
///
/// Not `Sendable`: one instance lives inside one `render`/`plainText` call.
final class CmarkDocument {
    /// cmark's safe defaults: raw HTML becomes `<!-- raw HTML omitted -->`, dangerous link URLs are dropped.
    /// No `CMARK_OPT_UNSAFE` (that would pass raw HTML through) and no `CMARK_OPT_SMART` (text stays as typed).
    static let options: Int32 = CMARK_OPT_DEFAULT

    /// The GitHub extensions we attach; `tagfilter` only matters in unsafe mode but costs nothing.
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// cmark-gfm's registration keeps a plain static flag, so it must run exactly once; a Swift `static let` is initialised once, thread-safely.
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Serialises parsing: cmark-gfm 0.29.0.gfm.6 keeps one process-wide table of special inline characters
    /// and each parse adds the extensions' characters (`~`, `:`, `w`) before inline parsing and removes them after,
    /// so a parse finishing on one thread would switch off strikethrough/autolinks in a parse running on another
    /// (github/cmark-gfm PR #176, never merged). Rendering and tree edits need no lock.
    private static let parseLock = NSLock()

    /// The document node; valid for the lifetime of this object.
    let root: OpaquePointer
    private let parser: OpaquePointer

    /// Parses `markdown`.
    init(_ markdown: String) {
        _ = Self.registration
        let memory = cmark_get_default_mem_allocator()
        // cmark's default allocator aborts when memory runs out, so a nil parser cannot happen.
        guard let parser = cmark_parser_new_with_mem(Self.options, memory) else {
            preconditionFailure("cmark-gfm returned no parser")
        }
        for name in Self.extensionNames {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            } else {
                assertionFailure("cmark-gfm extension \(name) is not registered")
            }
        }
        var text = markdown
        let root: OpaquePointer? = Self.parseLock.withLock {
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress, !chars.isEmpty {
                        cmark_parser_feed(parser, base, chars.count)
                    }
                }
            }
            return cmark_parser_finish(parser)
        }
        guard let root else {
            cmark_parser_free(parser)
            preconditionFailure("cmark-gfm returned no document")
        }
        self.parser = parser
        self.root = root
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// Renders the (possibly edited) tree to HTML with cmark's HTML renderer in safe mode.
    func renderHTML() -> String {
        guard let pointer = cmark_render_html(root, Self.options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Creates a node owned by nobody yet, with the allocator the parser uses, so cmark accepts it into this tree.
    static func makeNode(_ type: cmark_node_type) -> OpaquePointer {
        guard let node = cmark_node_new_with_mem(type, cmark_get_default_mem_allocator()) else {
            preconditionFailure("cmark-gfm returned no node")
        }
        return node
    }
}
