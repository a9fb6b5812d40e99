/// A fixed aspect ratio that search engines ask article images in (Google: 16:9, 4:3 and 1:1), and how big a centre
/// crop to it is made from an image of a given size.
public struct AspectCrop: Sendable, Hashable {
    /// Width part of the ratio.
    public let across: Int
    /// Height part of the ratio.
    public let down: Int

    /// The ratios made for every upload, widest first.
    public static let standard = [AspectCrop(across: 16, down: 9), AspectCrop(across: 4, down: 3), AspectCrop(across: 1, down: 1)]
    /// Crops are made this wide when the image allows: Google's large previews want images at least 1,200 px wide.
    public static let targetWidth = 1200
    /// Smaller crops are not made: Google asks for at least 50,000 pixels per image.
    public static let minimumPixels = 50_000

    /// Creates a ratio `across`:`down`.
    public init(across: Int, down: Int) {
        self.across = across
        self.down = down
    }

    /// "16:9".
    public var name: String { "\(across):\(down)" }

    /// "16x9", as it appears in file names.
    var fileTag: String { "\(across)x\(down)" }

    /// The size of the crop of an upright `width` × `height` image: the largest box of this ratio inside it, scaled
    /// down to `targetWidth` when wider; nil when that box has fewer than `minimumPixels` pixels.
    public func size(ofImageWidth width: Int, height: Int) -> (width: Int, height: Int)? {
        guard width > 0, height > 0 else { return nil }
        // The widest box of this ratio that fits: as wide as the image, or as tall as it.
        let widest = min(width, height * across / down)
        let cropWidth = min(widest, Self.targetWidth)
        let cropHeight = (cropWidth * down + across / 2) / across
        guard cropWidth > 0, cropHeight > 0, cropHeight <= height, cropWidth * cropHeight >= Self.minimumPixels else {
            return nil
        }
        return (cropWidth, cropHeight)
    }
}

/// One centre crop written to disk.
public struct ImageCrop: Sendable, Equatable {
    /// The ratio it was cut to.
    public var aspect: AspectCrop
    /// The copy as written: size, format, file name.
    public var file: ImageVariant

    /// Describes a crop.
    public init(aspect: AspectCrop, file: ImageVariant) {
        self.aspect = aspect
        self.file = file
    }
}
