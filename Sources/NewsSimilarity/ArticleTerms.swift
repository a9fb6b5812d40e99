import NewsText

/// The terms of an article and how often each occurs, weighted by where it occurs.
///
/// Terms are syllables in lowercased canonical form (`VietnameseText.lowercasedCanonical`: NFC, tone marks placed
/// one way, lowercase) and pairs of adjacent syllables within one clause. Diacritics are kept, not folded: folding
/// merges syllables that mean different things (đường/dương/dưỡng, mã/má/mà all fold to one form) and newsroom text
/// is typed with its diacritics, so the exact forms give sharper terms; typing robustness matters for what a reader
/// types into a search box, not here. Pairs carry most of the meaning of Vietnamese words, which are mostly two
/// syllables ("giao thông", "bảo hiểm"): sharing "hà" and "nội" is weak evidence, sharing "hà nội" is strong.
public enum ArticleTerms {
    /// How much one occurrence in the headline counts, against one in the body.
    public static let titleWeight = 3.0
    /// How much one occurrence in the sapo counts, against one in the body.
    public static let sapoWeight = 2.0

    /// Weighted occurrence counts of each term of an article, by term text (for tests and inspection).
    public static func weightedCounts(title: String, sapo: String, body: String) -> [String: Double] {
        var counts: [String: Double] = [:]
        for (text, weight) in fields(title: title, sapo: sapo, body: body) {
            forEachTerm(in: text) { _, term in counts[term(), default: 0] += weight }
        }
        return counts
    }

    /// Weighted occurrence counts of each term of an article, by term identifier (`TermHash`).
    public static func counts(title: String, sapo: String, body: String) -> [Int64: Double] {
        var counts: [Int64: Double] = [:]
        counts.reserveCapacity(1024)
        for (text, weight) in fields(title: title, sapo: sapo, body: body) {
            forEachTerm(in: text) { id, _ in counts[id, default: 0] += weight }
        }
        return counts
    }

    private static func fields(title: String, sapo: String, body: String) -> [(String, Double)] {
        [(title, titleWeight), (sapo, sapoWeight), (withoutLinkTargets(body), 1)]
    }

    private static let functionWordIDs = Set(VietnameseStopWords.functionWords.map { TermHash.id(VietnameseText.lowercasedCanonical($0)) })
    private static let commonWordIDs = Set(VietnameseStopWords.common.map { TermHash.id(VietnameseText.lowercasedCanonical($0)) })

    /// Calls `body` with each term occurrence of one field: its identifier and, on demand, its text. Terms are the
    /// syllables that are not common, and pairs of adjacent syllables in one clause unless either is a function word
    /// or both are common. Clauses end at punctuation and line breaks; spaces, hyphens and Markdown emphasis separate
    /// syllables (runs of letters, marks and digits) within one.
    ///
    /// One pass over the UTF-8 of the lowercased canonical text, hashing as it goes: no string is made per syllable
    /// unless `body` asks for the text.
    static func forEachTerm(in text: String, _ body: (Int64, () -> String) -> Void) {
        var text = VietnameseText.lowercasedCanonical(text)
        text.withUTF8 { bytes in
            func string(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            var start = -1
            var hash = TermHash.offsetBasis
            var scalars = 0
            var digitsOnly = true
            var previous: (range: Range<Int>, hash: UInt64, isCommon: Bool)?

            func endSyllable(at end: Int) {
                guard start >= 0 else { return }
                let range = start..<end
                start = -1
                // Numbers and single letters say little about the subject, and a number breaks a pair.
                guard scalars > 1, !digitsOnly else {
                    previous = nil
                    return
                }
                let id = Int64(bitPattern: hash)
                let isFunction = functionWordIDs.contains(id)
                let isCommon = isFunction || commonWordIDs.contains(id)
                if !isCommon { body(id) { string(range) } }
                if let before = previous, !isFunction, !(isCommon && before.isCommon) {
                    var pair = TermHash.step(before.hash, 0x20)
                    for byte in bytes[range] { pair = TermHash.step(pair, byte) }
                    body(Int64(bitPattern: pair)) { string(before.range) + " " + string(range) }
                }
                previous = isFunction ? nil : (range, hash, isCommon)
            }

            var index = 0
            while index < bytes.count {
                let (value, length) = decode(bytes, at: index)
                switch kind(of: value) {
                case .letter:
                    if start < 0 {
                        start = index
                        hash = TermHash.offsetBasis
                        scalars = 0
                        digitsOnly = true
                    }
                    for offset in 0..<length { hash = TermHash.step(hash, bytes[index + offset]) }
                    scalars += 1
                    if value < 0x30 || value > 0x39 { digitsOnly = false }
                case .separator:
                    endSyllable(at: index)
                case .boundary:
                    endSyllable(at: index)
                    previous = nil
                }
                index += length
            }
            endSyllable(at: bytes.count)
        }
    }

    /// The scalar starting at `index` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return (
            UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F),
            4
        )
    }

    private enum ScalarKind { case letter, separator, boundary }

    private static func kind(of value: UInt32) -> ScalarKind {
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .letter
            // Space, tab, - ' * _ # > ` ~: inside a sentence (and Markdown emphasis or heading marks).
            case 0x20, 0x09, 0x2D, 0x27, 0x2A, 0x5F, 0x23, 0x3E, 0x60, 0x7E: return .separator
            default: return .boundary
            }
        }
        // Latin-1 and Latin Extended letters, combining marks and Vietnamese letters, without a property lookup.
        if (0xC0...0x24F).contains(value) && value != 0xD7 && value != 0xF7 { return .letter }
        if (0x300...0x36F).contains(value) || (0x1E00...0x1EFF).contains(value) { return .letter }
        guard let scalar = Unicode.Scalar(value) else { return .boundary }
        if scalar.properties.isWhitespace { return .separator }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .nonspacingMark, .spacingMark, .enclosingMark:
            return .letter
        default:
            return .boundary
        }
    }

    /// Markdown body text without link and image targets (`](https://…)`) and bare web addresses, whose pieces
    /// ("https", "www", "com") are not words of the article.
    static func withoutLinkTargets(_ body: String) -> String {
        guard body.contains("](") || body.contains("://") else { return body }
        var output = String.UnicodeScalarView()
        let scalars = Array(body.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "]", index + 1 < scalars.count, scalars[index + 1] == "(" {
                // Skip to the closing parenthesis (one level of nesting, as in Wikipedia-style addresses).
                var depth = 0
                var end = index + 1
                while end < scalars.count {
                    if scalars[end] == "(" { depth += 1 }
                    if scalars[end] == ")" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    if scalars[end] == "\n" { break }
                    end += 1
                }
                output.append(".")
                index = end + 1
                continue
            }
            if scalar == ":", index + 2 < scalars.count, scalars[index + 1] == "/", scalars[index + 2] == "/" {
                // Drop the scheme already copied ("http", "https") and the address up to the next space.
                while let last = output.last, ("a"..."z").contains(last) || ("A"..."Z").contains(last) {
                    output.removeLast()
                }
                var end = index
                while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
                output.append(".")
                index = end
                continue
            }
            output.append(scalar)
            index += 1
        }
        return String(output)
    }
}
