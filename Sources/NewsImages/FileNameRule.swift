/// What makes a file name safe to keep and to show: one plain, visible name inside its folder.
enum FileNameRule {
    /// The longest name most file systems allow, in UTF-8 bytes.
    static let maxBytes = 255

    /// Why `name` cannot be used as a file name, or nil if it can; the reason reads after "cannot be used:".
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        if name.unicodeScalars.contains(where: isControl) { return "it contains a control character" }
        // Overrides and isolates make "photo\u{202E}gpj.exe" display as "photoexe.jpg".
        if name.unicodeScalars.contains(where: changesDirection) {
            return "it contains an invisible character that changes the text direction"
        }
        if name.allSatisfy(\.isWhitespace) { return "the name is only spaces" }
        if name.utf8.count > maxBytes { return "it is \(name.utf8.count) bytes long; the limit is \(maxBytes)" }
        let parts = name.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }
        if parts.contains("..") { return "it contains “..”, which points out of its folder" }
        if name.contains("/") { return "it contains “/”, which separates folders" }
        if name.contains("\\") { return "it contains “\\”, which separates folders on Windows" }
        if name.hasPrefix(".") { return "it starts with “.”, which hides the file" }
        return nil
    }

    /// `name` in quotation marks for a message: invisible characters shown as escapes, very long names cut short.
    static func quoted(_ name: String) -> String {
        var shown = ""
        for scalar in name.unicodeScalars {
            if isControl(scalar) || changesDirection(scalar) {
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        let limit = 120
        if shown.count > limit { shown = shown.prefix(limit) + "…" }
        return "“" + shown + "”"
    }

    /// NUL, newlines, escape and the other C0/C1 controls, and the Unicode line and paragraph separators.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    /// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
    static func changesDirection(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
