import Mustache

/// The Mustache content type that escapes with `HTMLText`; every theme template is switched to it at load.
struct ThemeHTMLContentType: MustacheContentType {
    /// Name under which it is registered with swift-mustache.
    static let name = "TOASOAN_HTML"

    /// The pragma put in front of every template's text, on its first line, so line numbers stay as written.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    /// Registers the content type once per process, before any template that uses it is parsed.
    static let registration: Void = MustacheContentTypes.register(ThemeHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String {
        HTMLText.escape(text)
    }
}
