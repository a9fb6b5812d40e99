import Foundation

/// JSON that can sit inside `<script type="application/ld+json">…</script>` whatever its strings hold.
///
/// An HTML parser ends a script element at the first `</script`, and `<!--` changes how it reads on; the
/// headlines, names and notes we put into structured data are the newsroom's text. So `<`, `>` and `&` are written as
/// `\u003c`, `\u003e`, `\u0026` (U+2028/U+2029 too, for JavaScript consumers): the same JSON to a JSON parser, and
/// nothing an HTML parser can act on. Those characters only occur inside JSON strings, so escaping them never touches
/// the structure. A quote inside a string is written `\u0022` and a combining mark right after a structural quote as
/// its escape, so that no quote in the page is ever followed by a mark that would fuse with it into one character
/// (what the page's byte-level checks look for).
enum ScriptSafeJSON {
    /// Encodes `value` compactly (keys sorted, so `@context` and `@type` come first) and makes it safe for a script.
    static func encode(_ value: some Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return nil }
        return escape(String(decoding: data, as: UTF8.self))
    }

    /// Escapes the characters that could end or change the script element, in JSON text as an encoder wrote it.
    static func escape(_ json: String) -> String {
        var result = ""
        result.reserveCapacity(json.utf8.count + 16)
        var scalars = json.unicodeScalars.makeIterator()
        var previous: Unicode.Scalar?
        while let scalar = scalars.next() {
            switch scalar {
            case "\\":
                // An escape sequence is copied whole, so `\\` followed by `"` is never read as an escaped quote.
                guard let next = scalars.next() else {
                    result.unicodeScalars.append(scalar)
                    break
                }
                if next == "\"" {
                    result += "\\u0022"
                } else {
                    result.unicodeScalars.append(scalar)
                    result.unicodeScalars.append(next)
                }
                previous = next
                continue
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if previous == "\"", [.nonspacingMark, .enclosingMark, .spacingMark].contains(scalar.properties.generalCategory) {
                    result += Self.unicodeEscape(scalar)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
            previous = scalar
        }
        return result
    }

    /// `\uXXXX` (a surrogate pair above U+FFFF).
    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        String(scalar).utf16.map { unit in
            let hex = String(unit, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }.joined()
    }
}
