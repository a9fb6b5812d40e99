import CVipsShim

/// libvips as this module uses it: error text from the shim, and counters for leak checks.
enum VipsRuntime {
    /// Calls the shim with a buffer for its error text; returns the call's result and that text.
    static func withMessage<Result>(
        _ body: (UnsafeMutablePointer<CChar>, Int) -> Result
    ) -> (result: Result, message: String) {
        var buffer = [CChar](repeating: 0, count: Int(TOASOAN_VIPS_MESSAGE_SIZE))
        let result = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, $0.count) }
        return (result, string(from: buffer))
    }

    /// The NUL-terminated text at the start of `buffer`.
    static func string(from buffer: [CChar]) -> String {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// How many libvips objects are alive in the process.
    static var liveObjects: Int { toasoan_vips_live_objects() }

    /// Bytes of pixel memory libvips holds.
    static var trackedMemory: Int { toasoan_vips_tracked_memory() }
}

/// A libvips failure inside this module, before it becomes an `ImageError`.
struct VipsFailure: Error {
    /// libvips' own words.
    var message: String
}
