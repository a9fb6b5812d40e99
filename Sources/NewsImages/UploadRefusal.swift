import Foundation

/// Why an upload was refused; `description` is a clear English message for the API that names the file.
public enum UploadRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file has more bytes than allowed.
    case tooLarge(name: String, bytes: Int, limit: Int)
    /// The file is not an image (text, a document, damaged beyond reading its header).
    case notAnImage(name: String)
    /// The file is an image in a format the site does not accept; `detected` names it ("svg", "tiff"…).
    case unsupportedFormat(name: String, detected: String)
    /// The image has more pixels than allowed (a likely decompression bomb).
    case tooManyPixels(name: String, width: Int, height: Int, limit: Int)
    /// The file name as sent cannot be used; `reason` says why.
    case badName(name: String, reason: String)
    /// The file has no bytes at all.
    case empty(name: String)

    /// The message to show: what is wrong with which file, and what to do about it.
    public var description: String {
        switch self {
        case .tooLarge(let name, let bytes, let limit):
            let (size, allowed) = Self.sizes(bytes, limit)
            return "\(FileNameRule.quoted(name)) is \(size), more than the limit of \(allowed). Use a smaller file."
        case .notAnImage(let name):
            return "\(FileNameRule.quoted(name)) is not an image, or it is damaged. Use a JPEG, PNG, WebP or GIF file."
        case .unsupportedFormat(let name, let detected):
            return "\(FileNameRule.quoted(name)) is an image in \(detected.uppercased()) format, which the site does not accept. Use a JPEG, PNG, WebP or GIF file."
        case .tooManyPixels(let name, let width, let height, let limit):
            return "\(FileNameRule.quoted(name)) is \(width)×\(height) pixels, more than the limit of \(Self.pixels(limit)). Use a smaller image."
        case .badName(let name, let reason):
            return "The file name \(FileNameRule.quoted(name)) cannot be used: \(reason). Rename the file and upload it again."
        case .empty(let name):
            return "\(FileNameRule.quoted(name)) is empty: it has no bytes. Choose the file again; the upload may have been cut off."
        }
    }

    /// A size and a limit in the same words; in bytes when rounding would make them look equal.
    static func sizes(_ bytes: Int, _ limit: Int) -> (String, String) {
        let (size, allowed) = (approximate(bytes), approximate(limit))
        guard size.rounded == allowed.rounded else { return (size.text, allowed.text) }
        return ("\(bytes) bytes", "\(limit) bytes")
    }

    /// "812 bytes", "14.5 KB", "20 MB" (1 KB = 1024 bytes), and the value rounded as shown.
    private static func approximate(_ bytes: Int) -> (text: String, rounded: Double) {
        guard bytes >= 1024 else { return ("\(bytes) bytes", Double(bytes)) }
        let (unit, scale) = bytes < 1 << 20 ? ("KB", 1024.0) : ("MB", 1_048_576.0)
        let value = (Double(bytes) / scale * 10).rounded() / 10
        let text = value == value.rounded() ? "\(Int(value)) \(unit)" : String(format: "%.1f", value) + " " + unit
        return (text, value * scale)
    }

    /// "50 megapixels", "12.5 megapixels", "1000 pixels".
    private static func pixels(_ count: Int) -> String {
        guard count >= 1_000_000 else { return "\(count) pixels" }
        let value = (Double(count) / 100_000).rounded() / 10
        return value == value.rounded() ? "\(Int(value)) megapixels" : String(format: "%.1f megapixels", value)
    }
}
