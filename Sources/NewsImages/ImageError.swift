/// Errors with a clear, user-facing English message in `description` (CustomStringConvertible) naming the file.
public enum ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path does not exist, is not a regular file (a folder, say), or cannot be opened for reading.
    case unreadable(path: String)
    /// The file was read but is not an image: empty, text, or damaged beyond reading its header.
    case notAnImage(path: String)
    /// The file is an image in a format the site does not accept; `detected` names it ("svg", "tiff", "pdf"…).
    case unsupportedFormat(path: String, detected: String)
    /// The image has more pixels than allowed (a likely decompression bomb).
    case tooManyPixels(path: String, width: Int, height: Int, limit: Int)
    /// The image could not be made or written; `reason` says why.
    case writeFailed(path: String, reason: String)

    /// The message to show: what went wrong with which file, and what to do where there is something to do.
    public var description: String {
        switch self {
        case .unreadable(let path):
            "Cannot read “\(path)”: it does not exist, is not a regular file, or is not readable."
        case .notAnImage(let path):
            "“\(path)” is not an image, or it is damaged. Use a JPEG, PNG, WebP or GIF file."
        case .unsupportedFormat(let path, let detected):
            "“\(path)” is an image in \(detected.uppercased()) format, which the site does not accept. Use a JPEG, PNG, WebP or GIF file."
        case .tooManyPixels(let path, let width, let height, let limit):
            "“\(path)” is \(width)×\(height) pixels (\(width.multipliedReportingOverflow(by: height).partialValue) in all), more than the limit of \(limit). Use a smaller image."
        case .writeFailed(let path, let reason):
            "Could not write the image “\(path)”: \(reason)."
        }
    }
}
