import Foundation

/// Decides which addresses from settings may become an `href`: only http(s) URLs and paths on this site, so that a
/// `javascript:` or `data:` URL typed into the settings can never run in a reader's browser.
enum LinkTarget {
    /// The address trimmed of surrounding spaces when it is safe to link, nil otherwise.
    static func safe(_ address: String) -> String? {
        let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty,
              !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return nil }
        if isExternal(trimmed) { return trimmed }
        // A root-relative path, but not "//host" or "/\host", which browsers treat as another site.
        if trimmed.hasPrefix("/"), !trimmed.hasPrefix("//"), !trimmed.hasPrefix("/\\") { return trimmed }
        return nil
    }

    /// Whether the address is an absolute http(s) URL.
    static func isExternal(_ address: String) -> Bool {
        let lower = address.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }
}
