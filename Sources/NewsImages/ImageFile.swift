import Foundation

/// Image files as this module writes them: whole or not at all.
enum ImageFile {
    /// Writes `bytes` to `path` through a temporary file beside it, so no reader ever sees half a file.
    static func writeWhole(_ bytes: [UInt8], to path: String) throws(ImageError) {
        let temporary = path + ".tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .writeFailed(path: path, reason: "cannot create the file (\(describe(errno: errno)))")
        }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += count
            }
        }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw .writeFailed(path: path, reason: "cannot write the file (\(describe(errno: failure)))")
        }
    }

    /// The system's words for an errno value.
    static func describe(errno code: Int32) -> String {
        String(cString: strerror(code))
    }
}
