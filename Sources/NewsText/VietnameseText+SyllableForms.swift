/// A syllable of a text in the two forms search compares, and where it stands in the text it was read from.
public struct SyllableForms: Hashable, Sendable {
    /// Lowercased canonical form, diacritics kept ("Hoà" → "hòa", "ĐƯỜNG" → "đường").
    public var exact: String
    /// Folded form: lowercase, no tone or vowel marks, đ → d ("hoa", "duong").
    public var folded: String
    /// Byte offsets of the syllable in the UTF-8 of the original text (as written: NFC or NFD, any case).
    public var range: Range<Int>

    /// Creates the forms of a syllable.
    public init(exact: String, folded: String, range: Range<Int>) {
        self.exact = exact
        self.folded = folded
        self.range = range
    }

    /// Whether the syllable carries diacritics (a tone, a vowel mark or đ): its exact form differs from its fold.
    public var hasDiacritics: Bool { exact != folded }
}

extension VietnameseText {
    /// The syllables of a text (runs of letters, digits and marks, as `syllables` finds them), each in its lowercased
    /// canonical and folded forms with its place in the original text: the one tokenisation indexed text, queries and
    /// highlighting share, so that "hoà"/"hòa", "thuỷ"/"thủy", NFD and capitals all meet.
    public static func syllableForms(_ text: String) -> [SyllableForms] {
        var result: [SyllableForms] = []
        forEachSyllable(in: text) { exact, folded, range in
            result.append(
                SyllableForms(
                    exact: String(decoding: exact, as: UTF8.self), folded: String(decoding: folded, as: UTF8.self),
                    range: range
                ))
        }
        return result
    }

    /// Calls `body` with the lowercased canonical form, the folded form (both UTF-8, valid only during the call) and the
    /// byte range in `text` of each syllable, in order; the allocation-free path for indexing whole articles.
    public static func forEachSyllable(
        in text: String,
        _ body: (_ exact: UnsafeBufferPointer<UInt8>, _ folded: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws -> Void
    ) rethrows {
        var text = text
        let table = ScalarTable.shared
        try text.withUTF8 { bytes in
            var exact = [UInt8]()
            exact.reserveCapacity(64)
            var folded = [UInt8]()
            folded.reserveCapacity(64)
            var wordStart: Int?
            var isASCII = true
            var index = 0
            func emit(_ start: Int, _ end: Int) throws {
                exact.removeAll(keepingCapacity: true)
                if isASCII {
                    // Most syllables: lowercase ASCII is already both the exact and the folded form.
                    for byte in UnsafeBufferPointer(rebasing: bytes[start..<end]) {
                        exact.append(byte &- 0x41 < 26 ? byte + 0x20 : byte)
                    }
                    try exact.withUnsafeBufferPointer { try body($0, $0, start..<end) }
                    return
                }
                if composedForms(bytes, start..<end, table: table, exact: &exact, folded: &folded) {
                    try exact.withUnsafeBufferPointer { exactBytes in
                        try folded.withUnsafeBufferPointer { foldedBytes in try body(exactBytes, foldedBytes, start..<end) }
                    }
                    return
                }
                let run = UnsafeBufferPointer(rebasing: bytes[start..<end])
                var exactText = lowercased(placingTonesOldStyle(nfc(String(decoding: run, as: UTF8.self))))
                var foldedText = VietnameseText.folded(exactText)
                try exactText.withUTF8 { exactBytes in
                    try foldedText.withUTF8 { foldedBytes in try body(exactBytes, foldedBytes, start..<end) }
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                let value: UInt32
                let length: Int
                if byte < 0x80 {
                    (value, length) = (UInt32(byte), 1)
                } else {
                    (value, length) = UTF8Coding.decode(bytes, at: index)
                }
                // A combining mark continues a syllable but cannot start one.
                let continues = isSyllableScalar(value) && (wordStart != nil || !(0x300...0x36F).contains(value))
                if continues {
                    if wordStart == nil {
                        wordStart = index
                        isASCII = true
                    }
                    if byte >= 0x80 { isASCII = false }
                } else if let start = wordStart {
                    try emit(start, index)
                    wordStart = nil
                }
                index += length
            }
            if let start = wordStart { try emit(start, bytes.count) }
        }
    }

    /// Both forms of a syllable in one pass over the table, for the usual case: every scalar a precomposed NFC starter
    /// of the table, and no "o"/"u" before a precomposed vowel (where the canonical tone placement may move a mark).
    /// False, with the buffers in any state, when the syllable needs the general path.
    private static func composedForms(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, table: ScalarTable, exact: inout [UInt8],
        folded: inout [UInt8]
    ) -> Bool {
        exact.removeAll(keepingCapacity: true)
        folded.removeAll(keepingCapacity: true)
        var previous: UInt8 = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                let lower = byte &- 0x41 < 26 ? byte + 0x20 : byte
                exact.append(lower)
                folded.append(lower)
                previous = lower
                index += 1
                continue
            }
            if (previous == 0x6F || previous == 0x75) && (byte == 0xC3 || byte == 0xE1) { return false }
            let (value, length) = UTF8Coding.decode(bytes, at: index)
            guard let position = ScalarTable.index(of: value), table.isComposedStarter[position] else { return false }
            let lower = table.lowercase[position]
            let fold = table.folded[position]
            guard lower != ScalarTable.dropped, fold < ScalarTable.needsFoundation else { return false }
            appendUTF8(lower, to: &exact)
            appendUTF8(fold, to: &folded)
            previous = 0
            index += length
        }
        return true
    }

    @inline(__always)
    private static func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
        if value < 0x80 {
            output.append(UInt8(truncatingIfNeeded: value))
        } else if value < 0x800 {
            output.append(UInt8(truncatingIfNeeded: 0xC0 | value >> 6))
            output.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        } else if value < 0x10000 {
            output.append(UInt8(truncatingIfNeeded: 0xE0 | value >> 12))
            output.append(UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F))
            output.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        } else {
            output.append(UInt8(truncatingIfNeeded: 0xF0 | value >> 18))
            output.append(UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F))
            output.append(UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F))
            output.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
        }
    }
}
