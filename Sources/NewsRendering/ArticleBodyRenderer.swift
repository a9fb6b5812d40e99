import NewsDomain
import NewsMarkdown

/// An article's body as safe HTML for clients outside the site (the Content API): the same Markdown renderer, the
/// same figures with captions, credits and `srcset` as the article page, but with image addresses made absolute.
public struct ArticleBodyRenderer: Sendable {
    private let markdown: MarkdownRenderer

    /// Creates a renderer.
    public init(markdown: MarkdownRenderer = MarkdownRenderer()) {
        self.markdown = markdown
    }

    /// The body of `article` as HTML; media paths become URLs under `baseURL` (the site's address, no trailing slash).
    public func html(_ article: Article, baseURL: String) -> String {
        let images = article.images
        let absolute = SiteAddress(baseURL).absolute
        let figure: (String) -> FigureImage? = { src in
            guard let media = images.first(where: { $0.src == src }) else { return nil }
            let image = ResponsiveImage(media)
            return FigureImage(
                src: absolute(image.src), alt: media.alt, caption: media.caption, credit: media.credit,
                width: image.width, height: image.height,
                srcset: image.srcset == nil ? nil : media.srcset(format: "webp") { absolute(SiteURL.media(src: $0).path) },
                sizes: image.sizes
            )
        }
        return markdown.render(article.body, figure: figure, eagerImageCount: 0).html
    }
}
