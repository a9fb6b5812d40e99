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

    /// Describes a copy.
    public init(width: Int, height: Int, format: String, src: String) {
        self.width = width
        self.height = height
        self.format = format
        self.src = src
    }
}
