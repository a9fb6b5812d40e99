import NewsText

/// The tokens a text is indexed under and a query is looked up by: for each syllable its folded form, and its exact
/// form (lowercased canonical, diacritics kept) when that differs. An index of the folded forms matches an unaccented
/// query against every reading; the exact forms a document holds (`ExactReadings`) tell "đường" from "dương" when the
/// reader typed the marks.
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

    /// A text's index forms from one pass over it: every syllable's folded form in order, written out as tokens
    /// separated by single spaces after `prefix` (what `forEachFolded` gives, for the tokenizer to split rather than
    /// read the text again), and the hashes of the exact readings of its syllables with diacritics
    /// (`ExactReadings`), in order of appearance, with repeats.
    public static func writtenOutForms(of text: String, prefix: UInt8) -> (folded: [UInt8], readings: [UInt32]) {
        var folded: [UInt8] = [prefix]
        folded.reserveCapacity(text.utf8.count + 1)
        var readings: [UInt32] = []
        VietnameseText.forEachSyllable(in: text) { exact, foldedForm, _ in
            let clippedFolded = clipped(foldedForm)
            if !clippedFolded.isEmpty {
                if folded.count > 1 { folded.append(0x20) }
                for byte in clippedFolded { folded.append(byte) }
            }
            guard !exact.elementsEqual(foldedForm) else { return }
            let exact = clipped(exact)
            if !exact.isEmpty { readings.append(ExactReadings.hash(exact)) }
        }
        return (folded, readings)
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
