import Foundation

/// Checks an uploaded file before anything is kept: size, name, type decided by decoding, and pixel count.
public struct UploadCheck: Sendable {
    /// The most bytes a file may have.
    public let maxBytes: Int
    /// The most pixels (width × height) an image may have.
    public let maxPixels: Int

    /// Makes a check that refuses files over `maxBytes` bytes (20 MB) and images over `maxPixels` pixels (50 megapixels).
    public init(maxBytes: Int = 20 * 1024 * 1024, maxPixels: Int = 50_000_000) {
        self.maxBytes = maxBytes
        self.maxPixels = maxPixels
    }

    /// Checks the file name as the client sent it and returns it as the name to show: refuses empty names, names with
    /// "/", "\\", NUL or other control characters, ".." parts, a leading "." or more than 255 bytes (`badName`, with the reason).
    ///
    /// The name is returned as sent, letters and spaces kept; bring it to NFC if you compare it. It is a name to show,
    /// not a path: store files under names the server makes.
    public func checkName(_ name: String) throws(UploadRefusal) -> String {
        if let reason = FileNameRule.problem(with: name) {
            throw .badName(name: name, reason: reason)
        }
        return name
    }

    /// Checks the bytes stored at `path` (a temporary file the web layer wrote) for an upload named `name`.
    ///
    /// In this order: the name; the size (`empty`, `tooLarge`), before a byte is parsed; the type, decided by
    /// decoding the header and never by the name or the client's content type (`notAnImage`, `unsupportedFormat`);
    /// the pixel count from the header, before any pixel is decoded (`tooManyPixels`). A `path` that cannot be
    /// read counts as `notAnImage`: there is nothing there to keep.
    public func check(path: String, name: String) throws(UploadRefusal) -> ImageInfo {
        let name = try checkName(name)
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { throw .notAnImage(name: name) }
        let bytes = Int(status.st_size)
        guard bytes > 0 else { throw .empty(name: name) }
        guard bytes <= maxBytes else { throw .tooLarge(name: name, bytes: bytes, limit: maxBytes) }
        do throws(ImageError) {
            return try ImageInspector(maxPixels: maxPixels).inspect(path: path)
        } catch {
            switch error {
            case .unsupportedFormat(_, let detected):
                throw .unsupportedFormat(name: name, detected: detected)
            case .tooManyPixels(_, let width, let height, let limit):
                throw .tooManyPixels(name: name, width: width, height: height, limit: limit)
            case .unreadable, .notAnImage, .writeFailed:
                throw .notAnImage(name: name)
            }
        }
    }
}
