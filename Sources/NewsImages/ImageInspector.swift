import CVipsShim

/// Reads image headers through libvips: the type is decided by decoding (vips' loader), never by the file name.
public struct ImageInspector: Sendable {
    /// The most pixels (width × height) an image may have; bigger ones are refused unread.
    public let maxPixels: Int

    /// Makes an inspector that refuses images of more than `maxPixels` pixels.
    public init(maxPixels: Int = 50_000_000) {
        self.maxPixels = maxPixels
    }

    /// Inspects the file at `path`: format and dimensions; refuses non-images, unsupported formats, and images over maxPixels (decompression bombs) without decoding the pixels.
    ///
    /// A missing path, a folder, or a file we may not open is `.unreadable`; an empty file, text, or a
    /// header libvips cannot parse is `.notAnImage`. The header alone is read; pixel data is not
    /// decoded, so a file whose header is sound but whose data is truncated still passes.
    public func inspect(path: String) throws(ImageError) -> ImageInfo {
        try inspectWithLoader(path: path).info
    }

    /// What `inspect` tells, plus the libvips loader that recognised the file, for later calls
    /// that must read the file with that same loader.
    func inspectWithLoader(path: String) throws(ImageError) -> (info: ImageInfo, loader: String) {
        var loaderBuffer = [CChar](repeating: 0, count: Int(TOASOAN_VIPS_LOADER_SIZE))
        let found = VipsRuntime.withMessage { message, size in
            loaderBuffer.withUnsafeMutableBufferPointer { loader in
                toasoan_vips_find_loader(path, loader.baseAddress, loader.count, message, size)
            }
        }
        switch found.result {
        case TOASOAN_VIPS_OK: break
        case TOASOAN_VIPS_NOT_AN_IMAGE: throw .notAnImage(path: path)
        // Unreadable, or libvips itself failed to start: either way the file could not be read.
        default: throw .unreadable(path: path)
        }

        let loader = VipsRuntime.string(from: loaderBuffer)
        guard let format = ImageFormat(vipsLoader: loader) else {
            // Refused before its loader parses anything: SVG, PDF and friends have rich parsers.
            throw .unsupportedFormat(path: path, detected: ImageFormat.formatName(ofVipsLoader: loader))
        }

        var width: Int32 = 0
        var height: Int32 = 0
        let header = VipsRuntime.withMessage { message, size in
            toasoan_vips_read_header(path, loader, &width, &height, message, size)
        }
        guard header.result == TOASOAN_VIPS_OK else { throw .notAnImage(path: path) }

        let (pixels, overflow) = Int(width).multipliedReportingOverflow(by: Int(height))
        guard !overflow, pixels <= maxPixels else {
            throw .tooManyPixels(path: path, width: Int(width), height: Int(height), limit: maxPixels)
        }
        return (ImageInfo(width: Int(width), height: Int(height), format: format), loader)
    }

    /// Whether the image at `path` carries the libvips metadata field `field` ("exif-data",
    /// "xmp-data", "icc-profile-data"…); the file is inspected first, so only images we accept are parsed.
    func hasMetadata(_ field: String, path: String) throws(ImageError) -> Bool {
        let loader = try inspectWithLoader(path: path).loader
        let found = VipsRuntime.withMessage { message, size in
            toasoan_vips_has_field(path, loader, field, message, size)
        }
        guard found.result >= 0 else { throw .notAnImage(path: path) }
        return found.result == 1
    }
}
