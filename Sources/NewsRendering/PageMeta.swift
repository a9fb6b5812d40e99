import Foundation

/// What a page says about itself in `<head>`: title, description, canonical address, neighbours in a paged list,
/// sharing preview (Open Graph, Twitter card) and, for an article, its structured data.
struct PageMeta: Sendable {
    /// The `<title>`.
    let title: String
    /// The `<meta name="description">`.
    let description: String
    let hasDescription: Bool
    /// Absolute canonical URL.
    let canonicalURL: String
    let hasCanonical: Bool
    /// Whether search engines should leave the page out (error pages).
    let noindex: Bool
    /// Open Graph type: "article" or "website".
    let ogType: String
    /// Absolute URL of the image shown when the page is shared.
    let ogImage: String
    let hasOGImage: Bool
    /// Pixel size of `ogImage`, when known.
    let ogImageWidth: Int
    let ogImageHeight: Int
    let hasOGImageSize: Bool
    /// The shared image's alternative text.
    let ogImageAlt: String
    let hasOGImageAlt: Bool
    /// "summary_large_image" with an image, "summary" without.
    let twitterCard: String
    /// Absolute URLs of the previous and next pages of a paged list (`<link rel="prev|next">`).
    let previousURL: String
    let hasPrevious: Bool
    let nextURL: String
    let hasNext: Bool
    /// Whether the `article:` Open Graph properties below apply.
    let isArticle: Bool
    /// ISO 8601 (+07:00) times for `article:published_time` and `article:modified_time`.
    let publishedTime: String
    let modifiedTime: String
    /// The article's section name, for `article:section`.
    let articleSection: String
    /// The article's tags, for `article:tag`.
    let articleTags: [String]
    /// JSON-LD made safe for `<script type="application/ld+json">` (`ScriptSafeJSON`); sent unescaped.
    let structuredData: String
    let hasStructuredData: Bool

    /// The image shown when a page is shared.
    struct SharedImage: Sendable {
        var url: String
        var width: Int?
        var height: Int?
        var alt: String
    }

    /// What only an article page says.
    struct ArticleFacts: Sendable {
        var publishedTime: String
        var modifiedTime: String
        var section: String
        var tags: [String]
        var structuredData: String
    }

    init(
        title: String, description: String, canonicalURL: String?, noindex: Bool = false, ogType: String = "website",
        ogImage: String? = nil, image: SharedImage? = nil, previousURL: String? = nil, nextURL: String? = nil,
        article: ArticleFacts? = nil
    ) {
        self.title = title
        self.description = description
        self.hasDescription = !description.isEmpty
        self.canonicalURL = canonicalURL ?? ""
        self.hasCanonical = canonicalURL != nil
        self.noindex = noindex
        self.ogType = ogType
        let shared = image ?? ogImage.map { SharedImage(url: $0, alt: "") }
        self.ogImage = shared?.url ?? ""
        self.hasOGImage = shared != nil
        self.ogImageWidth = shared?.width ?? 0
        self.ogImageHeight = shared?.height ?? 0
        self.hasOGImageSize = shared?.width != nil && shared?.height != nil
        self.ogImageAlt = shared?.alt.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        self.hasOGImageAlt = !ogImageAlt.isEmpty
        self.twitterCard = shared == nil ? "summary" : "summary_large_image"
        self.previousURL = previousURL ?? ""
        self.hasPrevious = previousURL != nil
        self.nextURL = nextURL ?? ""
        self.hasNext = nextURL != nil
        self.isArticle = article != nil
        self.publishedTime = article?.publishedTime ?? ""
        self.modifiedTime = article?.modifiedTime ?? ""
        self.articleSection = article?.section ?? ""
        self.articleTags = article?.tags ?? []
        self.structuredData = article?.structuredData ?? ""
        self.hasStructuredData = !structuredData.isEmpty
    }
}
