import Foundation

/// Makes the resized copies of an uploaded image that the site publishes, with libvips.
///
/// For each listed width up to the image's own (upright) width — or, for an image narrower than every listed
/// width, at its own width — it writes a WebP (quality 80) and a copy in the original's format: JPEG (quality 82)
/// or PNG; a WebP original gets the WebP alone, and a GIF gets WebP and PNG copies of its first frame (the
/// original GIF, animation and all, is the caller's to keep). Copies are turned upright by the EXIF orientation,
/// converted to sRGB if they carry a colour profile, and keep no metadata: no EXIF, so no GPS position, camera
/// serial or capture time is published.
public struct ImageVariantMaker: Sendable {
    /// The widths asked for, ascending, without repeats.
    public let widths: [Int]
    /// The most pixels an image may have; bigger ones are refused before any pixel is decoded.
    public let maxPixels: Int

    /// WebP quality: a little below JPEG's, since WebP keeps more detail at the same setting.
    static let webpQuality = 80
    /// JPEG quality, as for painted illustrations.
    static let jpegQuality = 82
    /// The longest width a variant can have (libvips' largest coordinate), for checking names before any work.
    private static let widestWidth = 10_000_000

    /// Makes a maker for `widths` (widths below 1 are ignored) that refuses images over `maxPixels` pixels.
    public init(widths: [Int] = VariantWidths.standard, maxPixels: Int = 50_000_000) {
        self.widths = Set(widths.filter { $0 > 0 }).sorted()
        self.maxPixels = maxPixels
    }

    /// Writes variants of `sourcePath` into `directory` named "<baseName>-<width>.<ext>" and returns them, smallest first.
    ///
    /// At each width the WebP comes first, then the copy in the original's format. The file is decoded once; the
    /// largest copy is made from it and the smaller ones from that copy. Each file appears whole (written beside
    /// its name, then renamed) and existing files of the same names are replaced; if any copy fails, the files
    /// this call wrote are removed again. Creates no folders.
    ///
    /// Errors: the source's, as `ImageInspector` reports them, and `.notAnImage` for pixel data that cannot be
    /// decoded (a truncated file); `.writeFailed` for a base name that is not a plain file name, a missing
    /// folder, or a file that cannot be encoded or written.
    public func makeVariants(of sourcePath: String, into directory: String, baseName: String) throws(ImageError) -> [ImageVariant] {
        let folder = directory.isEmpty ? "." : directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        if let problem = FileNameRule.problem(with: baseName)
            ?? FileNameRule.problem(with: "\(baseName)-\(Self.widestWidth).webp")
        {
            throw .writeFailed(path: folder + "/" + baseName, reason: "the base name cannot be used: \(problem)")
        }
        var status = stat()
        guard stat(folder, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
            throw .writeFailed(path: folder, reason: "it is not an existing folder")
        }

        let (info, loader) = try ImageInspector(maxPixels: maxPixels).inspectWithLoader(path: sourcePath)
        let formats: [ImageFormat] = switch info.format {
        case .jpeg: [.webp, .jpeg]
        case .png, .gif: [.webp, .png]
        case .webp: [.webp]
        }

        let largest: ResizedImage
        do throws(VipsFailure) {
            largest = try ResizedImage(path: sourcePath, loader: loader, width: widths.last ?? Self.widestWidth)
        } catch {
            throw .notAnImage(path: sourcePath)
        }
        // The upright width: an EXIF-rotated photo is as wide as the original is tall.
        let fullWidth = largest.width
        let chosen = widths.filter { $0 <= fullWidth }

        var files: [(variant: ImageVariant, bytes: [UInt8])] = []
        for width in chosen.isEmpty ? [fullWidth] : chosen {
            let fileNames = formats.map { "\(baseName)-\(width).\($0.fileExtension)" }
            do throws(VipsFailure) {
                // Borrowed as is when it is the right width; otherwise a smaller copy made from it.
                func encodeAll(_ image: borrowing ResizedImage) throws(VipsFailure) {
                    for (format, fileName) in zip(formats, fileNames) {
                        let bytes = try image.encode(format, quality: format == .jpeg ? Self.jpegQuality : Self.webpQuality)
                        let variant = ImageVariant(
                            width: image.width, height: image.height, format: format, fileName: fileName, byteCount: bytes.count
                        )
                        files.append((variant, bytes))
                    }
                }
                if width == fullWidth {
                    try encodeAll(largest)
                } else {
                    try encodeAll(ResizedImage(shrinking: largest, to: width))
                }
            } catch {
                throw .writeFailed(path: folder + "/" + fileNames[0], reason: "libvips could not make it (\(error.message))")
            }
        }

        var written: [String] = []
        for file in files {
            let path = folder + "/" + file.variant.fileName
            do throws(ImageError) {
                try ImageFile.writeWhole(file.bytes, to: path)
            } catch {
                for path in written { unlink(path) }
                throw error
            }
            written.append(path)
        }
        return files.map(\.variant)
    }
}
