import Foundation

/// Draws illustrations with libvips and saves them.
public struct IllustrationPainter: Sendable {
    /// The longest side drawn, in pixels; a canvas holds about 4 bytes per pixel.
    static let maxSide = 4096

    /// Makes a painter.
    public init() {}

    /// Draws `illustration` and writes it to `path` as JPEG (quality ~82) — or PNG/WebP by the path's extension; creates no directories.
    ///
    /// The extension decides the format: `.jpg`/`.jpeg` (quality 82), `.png`, `.webp` (quality 80) or
    /// `.gif`, in any case; any other name is refused rather than given bytes it does not promise.
    /// The file appears whole or not at all: it is written beside `path` and renamed into place.
    public func paint(_ illustration: Illustration, to path: String) throws(ImageError) {
        guard let format = ImageFormat(fileName: path) else {
            throw .writeFailed(path: path, reason: "the file name must end in .jpg, .jpeg, .png, .webp or .gif")
        }
        let range = 1...Self.maxSide
        guard range.contains(illustration.width), range.contains(illustration.height) else {
            throw .writeFailed(
                path: path,
                reason: "an illustration is 1 to \(Self.maxSide) pixels on each side, not \(illustration.width)×\(illustration.height)"
            )
        }
        let bytes: [UInt8]
        do throws(VipsFailure) {
            let canvas = try Self.draw(illustration)
            bytes = try canvas.encode(format, quality: format == .webp ? 80 : 82)
        } catch {
            throw .writeFailed(path: path, reason: "libvips could not draw it (\(error.message))")
        }
        try ImageFile.writeWhole(bytes, to: path)
    }

    /// Draws the illustration's scene on a new canvas.
    static func draw(_ illustration: Illustration) throws(VipsFailure) -> Canvas {
        // Mix the motif's name into the seed, so one seed does not lay out every motif alike and
        // adding or reordering motifs changes no existing picture. (FNV-1a: stable everywhere,
        // unlike Hasher.)
        var salt: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in illustration.motif.rawValue.utf8 {
            salt = (salt ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var scene = Scene(
            width: illustration.width,
            height: illustration.height,
            random: SeededRandom(seed: illustration.seed ^ salt)
        )
        switch illustration.motif {
        case .skyline: return try scene.skyline()
        case .sea: return try scene.sea()
        case .mountains: return try scene.mountains()
        case .chart: return try scene.chart()
        case .stadium: return try scene.stadium()
        case .sunrise: return try scene.sunrise()
        case .circuit: return try scene.circuit()
        case .fields: return try scene.fields()
        case .bridge: return try scene.bridge()
        case .lanterns: return try scene.lanterns()
        case .globe: return try scene.globe()
        case .books: return try scene.books()
        }
    }
}
