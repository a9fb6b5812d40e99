import CVipsShim

/// One resized copy of an image, upright and in memory, through the shim; freed when its one owner lets go.
struct ResizedImage: ~Copyable {
    private let raw: OpaquePointer

    /// Loads the file at `path` with the loader that recognised it and resizes it to `width` pixels
    /// wide (or keeps its own width if narrower), upright by its EXIF orientation, first frame only.
    init(path: String, loader: String, width: Int) throws(VipsFailure) {
        let made = VipsRuntime.withMessage { message, size in
            toasoan_variant_new(path, loader, Int32(clamping: width), message, size)
        }
        guard let raw = made.result else { throw VipsFailure(message: made.message) }
        self.raw = raw
    }

    /// A centre crop of the file at `path`, `width` × `height` pixels (smaller if the image is), upright, first frame.
    init(path: String, loader: String, cropWidth width: Int, height: Int) throws(VipsFailure) {
        let made = VipsRuntime.withMessage { message, size in
            toasoan_variant_new_crop(path, loader, Int32(clamping: width), Int32(clamping: height), message, size)
        }
        guard let raw = made.result else { throw VipsFailure(message: made.message) }
        self.raw = raw
    }

    /// A copy of `larger` resized to `width` pixels wide (never enlarged).
    init(shrinking larger: borrowing ResizedImage, to width: Int) throws(VipsFailure) {
        let made = VipsRuntime.withMessage { message, size in
            toasoan_variant_new_smaller(larger.raw, Int32(clamping: width), message, size)
        }
        guard let raw = made.result else { throw VipsFailure(message: made.message) }
        self.raw = raw
    }

    deinit {
        toasoan_variant_free(raw)
    }

    /// Width in pixels.
    var width: Int { Int(toasoan_variant_width(raw)) }

    /// Height in pixels.
    var height: Int { Int(toasoan_variant_height(raw)) }

    /// Encodes the copy as a file of `format`, without metadata.
    func encode(_ format: ImageFormat, quality: Int) throws(VipsFailure) -> [UInt8] {
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        let done = VipsRuntime.withMessage { message, size in
            toasoan_variant_encode(raw, format.vipsFormat, Int32(quality), &bytes, &length, message, size)
        }
        defer { toasoan_vips_free_bytes(bytes) }
        guard done.result == 0, let bytes else { throw VipsFailure(message: done.message) }
        return Array(UnsafeRawBufferPointer(start: bytes, count: length))
    }
}
