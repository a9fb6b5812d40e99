/// Escaping for the HTML this module writes itself (figures, inline images); cmark escapes everything else.
enum HTMLEscaping {
    /// Escapes `& < > " '` so the result is inert both as element text and inside a double- or single-quoted attribute.
    /// NUL becomes U+FFFD, as cmark does, because the result is handed to cmark as a C string.
    static func escape(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\u{0}": result.unicodeScalars.append("\u{FFFD}")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Writes a URL for an `src` attribute the way cmark writes its own `href`/`src`: bytes outside the URL-safe set
    /// (space, quotes, `<`, `>`, non-ASCII, …) become `%XX`, existing `%XX` stay, then `&` and `'` are HTML-escaped.
    static func url(_ url: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            if isURLSafe(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            }
        }
        // Only ASCII is left, so decoding cannot fail; `&` and `'` are then escaped like any attribute text.
        return escape(String(decoding: bytes, as: UTF8.self))
    }

    /// cmark's `HREF_SAFE` table (houdini_href_e.c): alphanumerics and `-_.+!*(),%#@?=;:/$~`, plus `&` and `'`,
    /// which stay as URL characters and are HTML-escaped afterwards.
    private static func isURLSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_.+!*(),%#@?=;:/$~&'".utf8.contains(byte)
        }
    }
}
