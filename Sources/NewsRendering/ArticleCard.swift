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

    init(_ media: Media, fallbackAlt: String, lazy: Bool) {
        src = SiteURL.media(src: media.src).path
        alt = media.alt.allSatisfy(\.isWhitespace) ? fallbackAlt : media.alt
        if let width = media.width, let height = media.height, width > 0, height > 0 {
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
