/// What decoding a file tells us.
public struct ImageInfo: Sendable, Equatable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// The format found by decoding, whatever the file is called.
    public var format: ImageFormat

    /// Makes an image description.
    public init(width: Int, height: Int, format: ImageFormat) {
        self.width = width
        self.height = height
        self.format = format
    }
}
