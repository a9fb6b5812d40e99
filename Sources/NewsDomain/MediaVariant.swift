/// A resized copy of a library image, made once at upload and published in `srcset`.
public struct MediaVariant: Hashable, Sendable, Codable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// The file's format: "webp", "jpeg" or "png".
    public var format: String
    /// Where the copy is: a path under the media directory, like `Media.src`.
    public var src: String
    /// For a centre crop to a fixed aspect ratio ("16:9", "4:3", "1:1"), that ratio; nil for a resized copy of the
    /// whole image. Crops are what search engines are offered; `srcset` never mixes them in.
    public var aspect: String?

    /// Describes a copy (`aspect` set for a crop).
    public init(width: Int, height: Int, format: String, src: String, aspect: String? = nil) {
        self.width = width
        self.height = height
        self.format = format
        self.src = src
        self.aspect = aspect
    }
}
