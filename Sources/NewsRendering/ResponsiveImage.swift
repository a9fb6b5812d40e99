import NewsDomain

/// How an image is offered to browsers: one `src`, and for a library upload its WebP variants as `srcset` with the
/// article column's `sizes`, so a phone loads a 640 px WebP instead of the full-size original.
struct ResponsiveImage: Sendable, Equatable {
    /// The article column at its widest: `.article { max-width: 720px }` in the default theme, full width below that.
    static let articleSizes = "(max-width: 720px) 100vw, 720px"

    /// URL for `src`.
    let src: String
    /// Width of the `src` image, when known.
    let width: Int?
    /// Height of the `src` image, when known.
    let height: Int?
    /// WebP candidates (`/media/…-320.webp 320w, …`), or nil for an image without variants.
    let srcset: String?
    /// Layout hint for `srcset`; nil exactly when `srcset` is.
    let sizes: String?

    /// The image as placed in an article. Without variants (imported, remote and demo images) it is the original, as
    /// before. With variants `src` is the largest copy in the original's format, which unlike the original carries no
    /// EXIF (no GPS position). An uploaded GIF keeps its original alone: every variant is its first frame only.
    init(_ media: Media, sizes: String = Self.articleSizes) {
        let webp = media.variants(format: "webp")
        let isGIF = media.src.lowercased().hasSuffix(".gif")
        guard !webp.isEmpty, !isGIF else {
            src = SiteURL.media(src: media.src).path
            width = media.width
            height = media.height
            srcset = nil
            self.sizes = nil
            return
        }
        let fallback = media.resizedVariants.filter { $0.format != "webp" }.max { $0.width < $1.width } ?? webp[webp.count - 1]
        src = SiteURL.media(src: fallback.src).path
        width = fallback.width
        height = fallback.height
        srcset = media.srcset(format: "webp") { SiteURL.media(src: $0).path }
        self.sizes = sizes
    }
}
