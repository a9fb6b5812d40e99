/// ASCII URL slugs made from Vietnamese titles ("Người dân Hà Nội đón Tết" → "nguoi-dan-ha-noi-don-tet").
public enum Slug {
    /// Makes a lowercase a-z0-9 slug with single hyphens, cut at a hyphen so it has at most `maxLength` characters; "" when nothing is left.
    public static func make(_ text: String, maxLength: Int = 80) -> String {
        // Diacritics are folded away (đ → d), apostrophes vanish ("men's" → "mens"), every other run of non-alphanumerics
        // becomes one hyphen ("&" gives no "va"), a few letters without decomposition are spelt out (ß → ss, æ → ae, ø → o)
        // and anything else non-ASCII separates words. A first word longer than maxLength is cut inside the word.
        guard maxLength > 0 else { return "" }
        var slug: [UInt8] = []
        var word: [UInt8] = []
        slug.reserveCapacity(min(maxLength, text.utf8.count))

        /// Appends the pending word; false once the slug is full.
        func appendWord() -> Bool {
            defer { word.removeAll(keepingCapacity: true) }
            guard !word.isEmpty else { return true }
            let needed = slug.isEmpty ? word.count : slug.count + 1 + word.count
            if needed <= maxLength {
                if !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                slug.append(contentsOf: word)
                return true
            }
            if slug.isEmpty { slug.append(contentsOf: word.prefix(maxLength)) }
            return false
        }

        for scalar in VietnameseText.fold(text).unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x61...0x7A, 0x30...0x39:
                word.append(UInt8(value))
            case 0x27, 0x2018, 0x2019, 0x02BC:
                continue
            default:
                if let spelled = spelledOut[value] {
                    word.append(contentsOf: spelled.utf8)
                } else if !appendWord() {
                    return String(decoding: slug, as: UTF8.self)
                }
            }
        }
        _ = appendWord()
        return String(decoding: slug, as: UTF8.self)
    }

    /// Whether a string is already a valid slug: non-empty runs of [a-z0-9] joined by single hyphens.
    public static func isValid(_ slug: String) -> Bool {
        var previousWasHyphen = true
        for byte in slug.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }

    /// Letters that folding keeps (they have no decomposition) but a slug spells in ASCII; fold has lowercased them already.
    private static let spelledOut: [UInt32: String] = [
        0xDF: "ss", 0xE6: "ae", 0x153: "oe", 0xF8: "o", 0x142: "l", 0xFE: "th", 0x131: "i",
    ]
}
