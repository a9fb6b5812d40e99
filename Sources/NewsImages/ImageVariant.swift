/// One resized copy written to disk.
public struct ImageVariant: Sendable, Equatable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// The file's format.
    public var format: ImageFormat
    /// The file's name, relative to the folder it was written into: "<baseName>-<width>.<ext>".
    public var fileName: String
    /// The file's size in bytes.
    public var byteCount: Int

    /// Describes a copy.
    public init(width: Int, height: Int, format: ImageFormat, fileName: String, byteCount: Int) {
        self.width = width
        self.height = height
        self.format = format
        self.fileName = fileName
        self.byteCount = byteCount
    }
}
