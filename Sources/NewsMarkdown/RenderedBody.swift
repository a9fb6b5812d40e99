/// The result of rendering a body.
public struct RenderedBody: Sendable, Equatable {
    /// HTML safe to insert into a page as is.
    public var html: String
    /// The `src` of each image the body placed, in order (as written in the Markdown), so a page can avoid showing the featured image twice.
    public var imageSources: [String]

    /// Creates a rendered body from its parts.
    public init(html: String, imageSources: [String]) {
        self.html = html
        self.imageSources = imageSources
    }
}
