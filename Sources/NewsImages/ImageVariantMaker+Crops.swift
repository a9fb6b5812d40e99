import Foundation

extension ImageVariantMaker {
    /// Writes a centre crop of `sourcePath` for each ratio in `aspects` that the upright `width` × `height` image is
    /// big enough for (see `AspectCrop.size`), into `directory` as "<baseName>-16x9.<ext>" and so on, and returns them
    /// in the order of `aspects`. Nothing is invented: an image too small for a ratio simply has no crop of it.
    ///
    /// Crops are what search engines are offered (structured data), so each is one file in the format of the
    /// fallback copies — JPEG for a JPEG, PNG for a PNG or GIF (its first frame), WebP for a WebP — upright, in sRGB,
    /// without metadata. Each file appears whole; if any fails, the crops this call wrote are removed again.
    public func makeCrops(
        of sourcePath: String, into directory: String, baseName: String, width: Int, height: Int,
        aspects: [AspectCrop] = AspectCrop.standard
    ) throws(ImageError) -> [ImageCrop] {
        let folder = directory.isEmpty ? "." : directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        if let problem = FileNameRule.problem(with: "\(baseName)-16x9.webp") {
            throw .writeFailed(path: folder + "/" + baseName, reason: "the base name cannot be used: \(problem)")
        }
        let planned = aspects.compactMap { aspect in aspect.size(ofImageWidth: width, height: height).map { (aspect, $0) } }
        guard !planned.isEmpty else { return [] }
        let (info, loader) = try ImageInspector(maxPixels: maxPixels).inspectWithLoader(path: sourcePath)
        let format: ImageFormat = switch info.format {
        case .jpeg: .jpeg
        case .png, .gif: .png
        case .webp: .webp
        }

        var crops: [ImageCrop] = []
        var written: [String] = []
        for (aspect, size) in planned {
            let fileName = "\(baseName)-\(aspect.fileTag).\(format.fileExtension)"
            let path = folder + "/" + fileName
            let bytes: [UInt8]
            let made: (width: Int, height: Int)
            do throws(VipsFailure) {
                let image = try ResizedImage(path: sourcePath, loader: loader, cropWidth: size.width, height: size.height)
                made = (image.width, image.height)
                bytes = try image.encode(format, quality: format == .jpeg ? Self.jpegQuality : Self.webpQuality)
            } catch {
                for path in written { unlink(path) }
                throw .writeFailed(path: path, reason: "libvips could not make it (\(error.message))")
            }
            do throws(ImageError) {
                try ImageFile.writeWhole(bytes, to: path)
            } catch {
                for path in written { unlink(path) }
                throw error
            }
            written.append(path)
            crops.append(ImageCrop(
                aspect: aspect,
                file: ImageVariant(width: made.width, height: made.height, format: format, fileName: fileName, byteCount: bytes.count)
            ))
        }
        return crops
    }
}
