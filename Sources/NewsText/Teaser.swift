/// Short excerpts of article text for cards, meta descriptions and feeds.
public enum Teaser {
    /// Collapses whitespace and, when the text is longer than `maxCharacters` characters, cuts it at a word boundary and appends "...".
    public static func make(_ text: String, maxCharacters: Int) -> String {
        // Counts Characters, so a Vietnamese letter is never split even in NFD. Only whitespace separates words. A first
        // word longer than the limit is cut inside the word. The result has at most maxCharacters + 3 characters.
        guard maxCharacters > 0 else { return "" }
        // Collapses only up to the limit, so a teaser of a long body costs the same as one of its lead.
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(min(text.utf8.count, maxCharacters * 4))
        var count = 0
        var lastSpace = 0
        var pendingSpace = false
        var isCut = false
        var endsAtWordBoundary = false
        for character in text {
            if isWhitespace(character) {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                if count == maxCharacters {
                    isCut = true
                    endsAtWordBoundary = true
                    break
                }
                lastSpace = collapsed.count
                collapsed.append(0x20)
                count += 1
                pendingSpace = false
            }
            if count == maxCharacters {
                isCut = true
                break
            }
            collapsed.append(contentsOf: character.utf8)
            count += 1
        }
        guard isCut else { return String(decoding: collapsed, as: UTF8.self) }

        var end = endOfTrimmedText(collapsed, before: endsAtWordBoundary ? collapsed.count : lastSpace)
        if end == 0 {
            // No whole word fits: cut the first word hard.
            end = endOfTrimmedText(collapsed, before: collapsed.count)
            if end == 0 { end = collapsed.count }
        }
        return String(decoding: collapsed[..<end], as: UTF8.self) + "..."
    }

    /// Scalars that look wrong right before "...": whitespace, ",;:.…", dashes, a slash, opening brackets and quotes.
    private static let trailingTrimmed: Set<UInt32> = [
        0x20, 0x2C, 0x3B, 0x3A, 0x2E, 0x2026, 0x2D, 0x2013, 0x2014, 0x28, 0x5B, 0x7B, 0x201C, 0x2018, 0xAB, 0x2F,
    ]

    /// Where the UTF-8 `bytes[..<end]` ends once trailing `trailingTrimmed` scalars are dropped.
    private static func endOfTrimmedText(_ bytes: [UInt8], before end: Int) -> Int {
        var end = end
        while end > 0 {
            var start = end - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let scalar = String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.first?.value ?? 0
            guard trailingTrimmed.contains(scalar) else { break }
            end = start
        }
        return end
    }

    /// `Character.isWhitespace` (the first scalar has the Unicode White_Space property) without the standard library's
    /// property lookup, which costs more than the rest of the teaser; White_Space is a fixed list.
    private static func isWhitespace(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}
