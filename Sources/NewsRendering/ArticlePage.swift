import Foundation
import NewsDomain
import NewsMarkdown
import NewsText

/// The view model of an article page.
struct ArticlePage: Sendable {
    let site: SiteContext
    let meta: PageMeta
    /// Trang chủ › parent section › section.
    let breadcrumb: [PageLink]
    let title: String
    let sapo: String
    let hasSapo: Bool
    let sectionName: String
    let sectionPath: String
    /// ISO 8601 publication time for `<time datetime>`.
    let publishedISO: String
    /// "Thứ Sáu, 22/12/2023 10:30 (GMT+7)".
    let publishedText: String
    /// When the article last changed (a new live version, a correction), as `publishedISO` and `publishedText` are;
    /// shown as "Cập nhật" when it is a different minute from the publication, and the same as structured data says.
    let modifiedISO: String
    let modifiedText: String
    let hasModified: Bool
    /// Bylines linked to author pages.
    let authors: [PageLink]
    let hasAuthors: Bool
    /// The featured image, shown above the body when the body does not place it (zero or one).
    let featuredFigure: [FigureView]
    /// Rendered body: safe HTML from the Markdown renderer.
    let body: String
    let tags: [PageLink]
    let hasTags: Bool
    /// The running story (zero or one).
    let topic: [PageLink]
    let hasTopic: Bool
    /// "Tin liên quan".
    let related: [ArticleCard]
    let hasRelated: Bool
    /// "Đọc thêm".
    let readMore: [ArticleCard]
    let hasReadMore: Bool
    /// "Thông tin cải chính", oldest first.
    let corrections: [CorrectionView]
    let hasCorrections: Bool

    /// Most related articles shown.
    static let relatedLimit = 5

    init(content: ArticlePageContent, chrome: SiteChrome, assets: ThemeAssetPaths, markdown: MarkdownRenderer = MarkdownRenderer()) {
        let article = content.article
        let site = SiteContext(chrome: chrome, assets: assets, currentSection: article.section)
        self.site = site
        let path = SiteURL.article(id: article.id, slug: article.slug).path
        let published = article.publishedAt ?? article.updatedAt

        var crumbs = [PageLink(name: "Trang chủ", path: SiteURL.home.path)]
        if let parentID = article.section.parentID, let parent = chrome.sections.first(where: { $0.id == parentID }) {
            crumbs.append(PageLink(section: parent))
        }
        crumbs.append(PageLink(section: article.section))
        breadcrumb = crumbs

        title = article.title
        sapo = article.sapo
        hasSapo = !article.sapo.allSatisfy(\.isWhitespace)
        sectionName = article.section.name
        sectionPath = SiteURL.section(slug: article.section.slug).path
        publishedISO = VietnameseDate.iso8601(published)
        publishedText = VietnameseDate.long(published)
        let modified = ArticleTimes.modified(article, corrections: content.corrections)
        modifiedISO = VietnameseDate.iso8601(modified)
        modifiedText = VietnameseDate.long(modified)
        hasModified = modifiedText != publishedText
        authors = article.authors.map { PageLink(name: $0.name, path: SiteURL.author(slug: $0.slug).path) }
        hasAuthors = !authors.isEmpty

        let (bodyHTML, placesFeatured) = Self.renderBody(article, markdown: markdown)
        body = bodyHTML
        if let featured = article.images.first, !placesFeatured {
            featuredFigure = [FigureView(featured)]
        } else {
            featuredFigure = []
        }

        tags = article.tags.map { PageLink(name: $0.name, path: SiteURL.tag(slug: $0.slug).path) }
        hasTags = !tags.isEmpty
        topic = article.topic.map { [PageLink(name: $0.name, path: SiteURL.topic(slug: $0.slug).path)] } ?? []
        hasTopic = !topic.isEmpty
        related = content.related.prefix(Self.relatedLimit).map { ArticleCard($0, teaser: false, section: false) }
        hasRelated = !related.isEmpty
        readMore = content.readMore.map { ArticleCard($0) }
        hasReadMore = !readMore.isEmpty
        corrections = content.corrections.map(CorrectionView.init)
        hasCorrections = !corrections.isEmpty

        let description = Teaser.make(article.sapo, maxCharacters: ArticleCard.teaserLength)
        let canonical = site.absolute(path)
        let structured = ArticleStructuredData(
            content: content, chrome: chrome, site: site, assets: assets, canonicalURL: canonical, description: description,
            published: published, modified: modified
        )
        meta = PageMeta(
            title: "\(article.title) - \(chrome.settings.name)", description: description,
            canonicalURL: canonical, ogType: "article",
            image: article.images.first.map { media in
                let shown = ResponsiveImage(media)
                return PageMeta.SharedImage(url: site.absolute(shown.src), width: shown.width, height: shown.height, alt: media.alt)
            },
            article: PageMeta.ArticleFacts(
                publishedTime: publishedISO, modifiedTime: modifiedISO, section: article.section.name,
                tags: article.tags.map(\.name), structuredData: structured.scriptText
            )
        )
    }

    /// Renders the body; the first image is loaded eagerly only when the body itself places the featured image
    /// (otherwise the featured image, shown above the body, is the eager one).
    ///
    /// Whether the body places it is known only after rendering, so the guess (does the Markdown mention the
    /// featured image's source at all?) is checked and, in the rare case it was wrong, the body is rendered again.
    static func renderBody(_ article: Article, markdown: MarkdownRenderer) -> (html: String, placesFeatured: Bool) {
        let images = article.images
        let figure: (String) -> FigureImage? = { src in
            guard let media = images.first(where: { $0.src == src }) else { return nil }
            let image = ResponsiveImage(media)
            return FigureImage(
                src: image.src, alt: media.alt, caption: media.caption, credit: media.credit,
                width: image.width, height: image.height, srcset: image.srcset, sizes: image.sizes
            )
        }
        guard let featured = images.first else {
            return (markdown.render(article.body, figure: figure, eagerImageCount: 0).html, false)
        }
        let guess = article.body.contains(featured.src)
        let rendered = markdown.render(article.body, figure: figure, eagerImageCount: guess ? 1 : 0)
        let placed = rendered.imageSources.contains(featured.src)
        if placed == guess { return (rendered.html, placed) }
        return (markdown.render(article.body, figure: figure, eagerImageCount: placed ? 1 : 0).html, placed)
    }
}
