import Foundation
import NewsDomain

/// An image shown with its caption and credit, as the Markdown renderer shows body images.
struct FigureView: Sendable {
    let src: String
    let alt: String
    let width: Int
    let height: Int
    let hasSize: Bool
    /// WebP candidates of a library upload; empty otherwise.
    let srcset: String
    /// The article column's `sizes`, with `srcset`.
    let sizes: String
    let hasSrcset: Bool
    let caption: String
    let hasCaption: Bool
    /// Shown as "(Ảnh: …)".
    let credit: String
    let hasCredit: Bool
    let hasFigcaption: Bool

    init(_ media: Media) {
        let card = CardImage(media, fallbackAlt: media.caption, lazy: false, sizes: ResponsiveImage.articleSizes)
        src = card.src
        alt = card.alt
        width = card.width
        height = card.height
        hasSize = card.hasSize
        srcset = card.srcset
        sizes = card.sizes
        hasSrcset = card.hasSrcset
        caption = media.caption.trimmingCharacters(in: .whitespacesAndNewlines)
        hasCaption = !caption.isEmpty
        credit = media.credit.trimmingCharacters(in: .whitespacesAndNewlines)
        hasCredit = !credit.isEmpty
        hasFigcaption = hasCaption || hasCredit
    }
}
