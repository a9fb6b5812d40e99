/// Normalisation, canonical tone placement, diacritic folding and syllable splitting for Vietnamese text.
public enum VietnameseText {
    /// NFC-normalises text and cleans it for storage: CRLF and lone CR become LF, C0 control characters other than LF and TAB are removed.
    public static func nfc(_ text: String) -> String {
        let needs = normalizationNeeds(text)
        var result = needs.cleaning ? removingControlCharacters(text) : text
        if needs.composing { result = composed(result) }
        return result
    }

    /// Canonical form for exact matching: NFC with the tone mark of open "oa", "oe", "uy" syllables on the first vowel ("hoà" → "hòa"); case is kept.
    public static func canonical(_ text: String) -> String {
        placingTonesOldStyle(nfc(text))
    }

    /// Folded form for diacritic-insensitive matching: lowercased, without tone or vowel marks, "đ" → "d" ("Đường Hà Nội" → "duong ha noi").
    public static func fold(_ text: String) -> String {
        folded(text)
    }

    /// Lowercased canonical form that keeps diacritics ("HÒA Bình" and "hoà bình" both give "hòa bình").
    public static func lowercasedCanonical(_ text: String) -> String {
        lowercased(canonical(text))
    }

    /// Splits text into its syllables (runs of letters and digits) in canonical form, case kept.
    public static func syllables(_ text: String) -> [String] {
        var canonicalText = canonical(text)
        return canonicalText.withUTF8 { bytes in
            var pieces: [String] = []
            var wordStart: Int?
            var index = 0
            while index < bytes.count {
                let (value, length) = UTF8Coding.decode(bytes, at: index)
                // A combining mark continues a word but cannot start one.
                let isWordScalar = isSyllableScalar(value) && (wordStart != nil || !(0x300...0x36F).contains(value))
                if isWordScalar {
                    if wordStart == nil { wordStart = index }
                } else if let start = wordStart {
                    pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    wordStart = nil
                }
                index += length
            }
            if let start = wordStart {
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            }
            return pieces
        }
    }
}
