import Foundation

/// Which image URLs this module will write into `src`/`srcset`: an allow-list, because deny-lists of schemes leak.
///
/// Allowed: absolute `http://` and `https://` URLs, root-relative paths (`/media/a.jpg`, but not `//host/a.jpg`),
/// and relative paths without a scheme (`a.jpg`, `anh/a.jpg`). Everything else is refused: any other scheme
/// (`javascript:`, `data:`, `vbscript:`, `file:`, …), protocol-relative URLs, and URLs with a backslash
/// (browsers read `/\host` as `//host`) or a control character (browsers drop tabs and newlines, so
/// `java\tscript:` would turn into `javascript:`).
enum ImageURLPolicy {
    /// Characters trimmed from both ends before checking, a superset of what browsers strip (C0 controls and space).
    private static let trimmed = CharacterSet.whitespacesAndNewlines.union(.controlCharacters)

    /// Returns the URL, trimmed, when it may be used as an image source; nil when it must not be written.
    /// cmark has already decoded entities (`&#106;avascript:`) in URLs it parsed, so those arrive here decoded.
    static func allowedURL(_ raw: String) -> String? {
        let url = raw.trimmingCharacters(in: trimmed)
        guard !url.isEmpty else { return nil }
        if url.unicodeScalars.contains(where: { $0 == "\\" || trimmed.contains($0) && $0 != " " }) {
            return nil
        }
        let lowered = url.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            return url
        }
        if lowered.hasPrefix("//") {
            return nil
        }
        // A colon before the first `/`, `?` or `#` means the URL starts with a scheme (or would be read as one).
        for scalar in url.unicodeScalars {
            switch scalar {
            case ":": return nil
            case "/", "?", "#": return url
            default: continue
            }
        }
        return url
    }

    /// Returns `srcset` when every candidate URL in it is allowed; nil when any is not (the attribute is then left out).
    static func allowedSrcset(_ raw: String) -> String? {
        let srcset = raw.trimmingCharacters(in: trimmed)
        guard !srcset.isEmpty else { return nil }
        for candidate in srcset.split(separator: ",") {
            guard let url = candidate.split(whereSeparator: { $0.isWhitespace }).first else { continue }
            if allowedURL(String(url)) == nil { return nil }
        }
        return srcset
    }
}
