/// An image in the media library: the file and what is said about it, stored once and reused wherever it is placed.
public struct Media: Hashable, Sendable, Codable {
    /// Storage identifier.
    public var id: MediaID
    /// Where the image is: a path under the media directory (served at `/media/…`) or an absolute http(s) URL.
    public var src: String
    /// Pixel width, when known.
    public var width: Int?
    /// Pixel height, when known.
    public var height: Int?
    /// Alternative text for readers who cannot see the image.
    public var alt: String
    /// Caption shown under the image.
    public var caption: String
    /// Photographer or agency, shown as "(Ảnh: …)".
    public var credit: String

    /// Creates a media item.
    public init(id: MediaID, src: String, width: Int? = nil, height: Int? = nil, alt: String, caption: String = "", credit: String = "") {
        self.id = id
        self.src = src
        self.width = width
        self.height = height
        self.alt = alt
        self.caption = caption
        self.credit = credit
    }

    /// Whether `src` points to another site rather than to our media directory.
    public var isRemote: Bool { src.hasPrefix("http://") || src.hasPrefix("https://") }
}
