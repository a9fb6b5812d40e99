import Foundation
import NewsDomain
import NewsText

/// An article in a list: image, section label, title link, teaser, time.
struct ArticleCard: Sendable {
    let title: String
    /// The article's path.
    let path: String
    let sectionName: String
    let sectionPath: String
    let hasSection: Bool
    /// The sapo cut at a word boundary.
    let teaser: String
    let hasTeaser: Bool
    /// ISO 8601 time for `<time datetime>`.
    let timeISO: String
    /// "22/12/2023 10:30".
    let timeText: String
    /// Zero or one image.
    let image: [CardImage]
    let hasImage: Bool

    /// How a card shows its image.
    enum ImageMode {
        /// No image.
        case none
        /// Loaded when it nears the viewport.
        case lazy
        /// Loaded at once (the top story).
        case eager
    }

    /// Longest teaser, in characters.
    static let teaserLength = 160

    init(_ summary: ArticleSummary, teaser showTeaser: Bool = true, image mode: ImageMode = .lazy, section showSection: Bool = true) {
        title = summary.title
        path = SiteURL.article(id: summary.id, slug: summary.slug).path
        sectionName = summary.section.name
        sectionPath = SiteURL.section(slug: summary.section.slug).path
        hasSection = showSection
        teaser = showTeaser ? Teaser.make(summary.sapo, maxCharacters: Self.teaserLength) : ""
        hasTeaser = !teaser.isEmpty
        timeISO = VietnameseDate.iso8601(summary.publishedAt)
        timeText = VietnameseDate.shortDateTime(summary.publishedAt)
        if mode != .none, let media = summary.featuredImage {
            image = [CardImage(media, fallbackAlt: summary.title, lazy: mode == .lazy)]
        } else {
            image = []
        }
        hasImage = !image.isEmpty
    }
}

/// A card's image.
struct CardImage: Sendable {
    let src: String
    let alt: String
    let width: Int
    let height: Int
    /// Whether both dimensions are known (then they are emitted, so the page does not shift).
    let hasSize: Bool
    /// Whether `loading="lazy"` is set.
    let lazy: Bool
    /// WebP candidates of a library upload, so a list of cards loads small copies; "" without variants.
    let srcset: String
    let sizes: String
    let hasSrcset: Bool

    /// A card thumbnail is at most a third of the page on desktops, nearly full width on phones.
    static let thumbnailSizes = "(max-width: 600px) 90vw, 320px"
    /// The top story spans the main column.
    static let leadSizes = "(max-width: 1000px) 100vw, 760px"

    /// The image of a card (lazy: a thumbnail; eager: the top story), or of a figure with `sizes` given.
    init(_ media: Media, fallbackAlt: String, lazy: Bool, sizes layout: String? = nil) {
        let responsive = ResponsiveImage(media, sizes: layout ?? (lazy ? Self.thumbnailSizes : Self.leadSizes))
        src = responsive.src
        srcset = responsive.srcset ?? ""
        sizes = responsive.sizes ?? ""
        hasSrcset = responsive.srcset != nil
        alt = media.alt.allSatisfy(\.isWhitespace) ? fallbackAlt : media.alt
        if let width = responsive.width, let height = responsive.height, width > 0, height > 0 {
            self.width = width
            self.height = height
            hasSize = true
        } else {
            width = 0
            height = 0
            hasSize = false
        }
        self.lazy = lazy
    }
}
