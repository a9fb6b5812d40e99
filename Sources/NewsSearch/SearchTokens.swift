import NewsText

/// The tokens a text is indexed under and a query is looked up by: for each syllable its folded form, and its exact
/// form (lowercased canonical, diacritics kept) when that differs. An index that stores the exact token at the same
/// position as the folded one (FTS5 "colocated" tokens) matches an unaccented query against every reading and still
/// tells "đường" from "dương" when the reader typed the marks.
public enum SearchTokens {
    /// Longest token kept, in UTF-8 bytes; a longer run of letters (a pasted hash, a word in a script without spaces)
    /// is cut at a scalar boundary, the same way in documents and in queries.
    public static let maxTokenBytes = 48

    /// Calls `body` with the folded form and, when different, the exact form of every syllable of `text`, in order.
    /// The buffers are valid only during the call.
    public static func forEach(
        in text: String,
        _ body: (_ folded: UnsafeBufferPointer<UInt8>, _ exact: UnsafeBufferPointer<UInt8>?) throws -> Void
    ) rethrows {
        try VietnameseText.forEachSyllable(in: text) { exact, folded, _ in
            let folded = clipped(folded)
            let exact = clipped(exact)
            if exact.elementsEqual(folded) {
                try body(folded, nil)
            } else {
                try body(folded, exact)
            }
        }
    }

    /// Calls `body` with the folded form of every syllable of `text`, in order (the positional part of an index).
    public static func forEachFolded(in text: String, _ body: (_ folded: UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try VietnameseText.forEachSyllable(in: text) { _, folded, _ in try body(clipped(folded)) }
    }

    /// Calls `body` once with each distinct exact form of `text`'s syllables that carry diacritics, in order of first
    /// appearance: where a reading occurs, without positions, which is all that ranking by exact reading needs and
    /// much less to index than every occurrence.
    public static func forEachDistinctExact(in text: String, _ body: (_ exact: UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var seen = Set<TokenKey>()
        var seenLong = Set<[UInt8]>()
        try VietnameseText.forEachSyllable(in: text) { exact, folded, _ in
            guard !exact.elementsEqual(folded) else { return }
            let exact = clipped(exact)
            if let key = TokenKey(exact) {
                guard seen.insert(key).inserted else { return }
            } else {
                guard seenLong.insert(Array(exact)).inserted else { return }
            }
            try body(exact)
        }
    }

    /// Both index forms of a text from one pass over it, written out as tokens separated by single spaces after
    /// `prefix`: every syllable's folded form in order (what `forEachFolded` gives) and each distinct exact reading with
    /// diacritics in order of first appearance (what `forEachDistinctExact` gives). Indexing passes these to the
    /// tokenizer as written-out tokens instead of the text twice, which would read every syllable of the text twice.
    public static func writtenOutForms(of text: String, prefix: UInt8) -> (folded: [UInt8], distinctExact: [UInt8]) {
        var folded: [UInt8] = [prefix]
        folded.reserveCapacity(text.utf8.count + 1)
        var exacts: [UInt8] = [prefix]
        exacts.reserveCapacity(text.utf8.count / 2 + 1)
        var seen = TokenSet()
        var seenLong = Set<[UInt8]>()
        VietnameseText.forEachSyllable(in: text) { exact, foldedForm, _ in
            let clippedFolded = clipped(foldedForm)
            if !clippedFolded.isEmpty {
                if folded.count > 1 { folded.append(0x20) }
                append(clippedFolded, to: &folded)
            }
            guard !exact.elementsEqual(foldedForm) else { return }
            let exact = clipped(exact)
            guard !exact.isEmpty else { return }
            if let key = TokenKey(exact) {
                guard seen.insert(key) else { return }
            } else {
                guard seenLong.insert(Array(exact)).inserted else { return }
            }
            if exacts.count > 1 { exacts.append(0x20) }
            append(exact, to: &exacts)
        }
        return (folded, exacts)
    }

    /// Appends a short run of bytes (cheaper than the generic `append(contentsOf:)` for a syllable).
    @inline(__always)
    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, to array: inout [UInt8]) {
        for byte in bytes { array.append(byte) }
    }

    /// A set of `TokenKey`s by open addressing, for the few hundred distinct readings of one text.
    private struct TokenSet {
        private var keys: [TokenKey] = Array(repeating: TokenKey(), count: 256)
        private var used: [Bool] = Array(repeating: false, count: 256)
        private var count = 0

        /// Inserts `key`; false when it was there already.
        mutating func insert(_ key: TokenKey) -> Bool {
            if (count + 1) * 2 > keys.count { grow() }
            let mask = keys.count - 1
            var slot = key.slot & mask
            while used[slot] {
                if keys[slot] == key { return false }
                slot = (slot + 1) & mask
            }
            keys[slot] = key
            used[slot] = true
            count += 1
            return true
        }

        private mutating func grow() {
            let old = zip(keys, used).filter(\.1).map(\.0)
            keys = Array(repeating: TokenKey(), count: keys.count * 2)
            used = Array(repeating: false, count: keys.count)
            count = 0
            for key in old { _ = insert(key) }
        }
    }

    /// A token of at most 16 bytes packed into two words, to remember tokens without allocating.
    private struct TokenKey: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        init() {}

        /// A cheap hash for `TokenSet` (multiplicative mixing of both words).
        var slot: Int {
            let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)
            return Int(truncatingIfNeeded: mixed ^ (mixed >> 29))
        }

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count <= 16 else { return nil }
            for (index, byte) in bytes.enumerated() {
                if index < 8 { low |= UInt64(byte) << (8 * UInt64(index)) } else { high |= UInt64(byte) << (8 * UInt64(index - 8)) }
            }
        }
    }

    /// The first `maxTokenBytes` bytes of a token, ending on a whole scalar.
    static func clipped(_ token: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard token.count > maxTokenBytes else { return token }
        var end = maxTokenBytes
        // Back up over continuation bytes so that a scalar is never cut.
        while end > 0 && token[end] & 0xC0 == 0x80 { end -= 1 }
        return UnsafeBufferPointer(rebasing: token[0..<end])
    }
}
