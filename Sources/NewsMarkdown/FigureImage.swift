/// Metadata of an image that the body may place, looked up by the Markdown image's `src`.
public struct FigureImage: Sendable, Equatable {
    /// URL to put in `<img src>`; it must pass the same URL check as a Markdown image source.
    public var src: String
    /// Text alternative; when empty, the Markdown alt text is used.
    public var alt: String
    /// Caption shown under the image; may be empty (the Markdown image title is used then).
    public var caption: String
    /// Photographer or agency, shown as "(Ảnh: …)"; may be empty.
    public var credit: String
    /// Intrinsic width in pixels, emitted so the page does not shift while the image loads.
    public var width: Int?
    /// Intrinsic height in pixels, emitted so the page does not shift while the image loads.
    public var height: Int?
    /// Responsive candidates (`url 480w, url 960w`), emitted as `srcset=` when present.
    public var srcset: String?
    /// Layout hint for `srcset`, emitted as `sizes=` when present.
    public var sizes: String?

    /// Creates figure metadata; `srcset` and `sizes` are optional.
    public init(
        src: String, alt: String, caption: String, credit: String, width: Int?, height: Int?,
        srcset: String? = nil, sizes: String? = nil
    ) {
        self.src = src
        self.alt = alt
        self.caption = caption
        self.credit = credit
        self.width = width
        self.height = height
        self.srcset = srcset
        self.sizes = sizes
    }
}
