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
    /// Usage rights: licence, agency terms, embargo ("Ảnh TTXVN, chỉ dùng trên báo điện tử").
    public var rights: String
    /// Resized copies made when the image was uploaded, smallest first; empty for imported and remote images.
    public var variants: [MediaVariant]
    /// The account that uploaded the image (nil for images that came in with imported articles).
    public var uploadedBy: UserID?

    /// Creates a media item.
    public init(
        id: MediaID, src: String, width: Int? = nil, height: Int? = nil, alt: String, caption: String = "", credit: String = "",
        rights: String = "", variants: [MediaVariant] = [], uploadedBy: UserID? = nil
    ) {
        self.id = id
        self.src = src
        self.width = width
        self.height = height
        self.alt = alt
        self.caption = caption
        self.credit = credit
        self.rights = rights
        self.variants = variants
        self.uploadedBy = uploadedBy
    }

    /// Whether `src` points to another site rather than to our media directory.
    public var isRemote: Bool { src.hasPrefix("http://") || src.hasPrefix("https://") }

    /// The resized copies of the whole image in one format ("webp", "jpeg", "png"), narrowest first, one per width
    /// (crops left out).
    public func variants(format: String) -> [MediaVariant] {
        var seen: Set<Int> = []
        return variants.filter { $0.format == format && $0.aspect == nil }.sorted { $0.width < $1.width }
            .filter { seen.insert($0.width).inserted }
    }

    /// The resized copies of the whole image, in every format (crops left out).
    public var resizedVariants: [MediaVariant] { variants.filter { $0.aspect == nil } }

    /// The centre crops to fixed aspect ratios made at upload, in the order made (16:9, 4:3, 1:1 where the image allowed).
    public var crops: [MediaVariant] { variants.filter { $0.aspect != nil } }

    /// A `srcset` value ("a-320.webp 320w, a-640.webp 640w") of the variants in `format`, each source passed
    /// through `url` (the web layer turns media paths into URLs); nil when there is no variant in that format.
    public func srcset(format: String, url: (String) -> String = { $0 }) -> String? {
        let candidates = variants(format: format)
        guard !candidates.isEmpty else { return nil }
        return candidates.map { "\(url($0.src)) \($0.width)w" }.joined(separator: ", ")
    }
}
