import Foundation

extension VietnameseText {
    /// Moves the tone mark of open "oa", "oe", "uy" syllables from the second vowel to the first ("hoà" → "hòa"); expects NFC input.
    ///
    /// Vietnamese news sites write the "old style" (hòa, khỏe, thủy). Only a syllable that ends right after the pair and
    /// starts with a valid initial consonant (or none) is touched, so "hoàn", "tuyển", "khuýt" (final consonant), "quý"
    /// (the u belongs to "qu"), "hoài", "khuỷu" (three vowels) and foreign words like "Chloé" stay as written.
    static func placingTonesOldStyle(_ text: String) -> String {
        let tones = ToneTable.shared
        var text = text
        let rewritten: String? = text.withUTF8 { bytes in
            var output = ByteBuffer(capacity: 0)
            var copiedUpTo = 0
            var index = 0
            while index + 2 < bytes.count {
                // Only a plain o/O/u/U directly followed by a precomposed toned a/e/y (lead byte C3 or E1) can qualify.
                let first = bytes[index]
                guard first == 0x6F || first == 0x75 || first == 0x4F || first == 0x55,
                    bytes[index + 1] == 0xC3 || bytes[index + 1] == 0xE1
                else {
                    index += 1
                    continue
                }
                let (value, length) = UTF8Coding.decode(bytes, at: index + 1)
                let syllableEnd = index + 1 + length
                guard let second = tones.secondVowels[value], second.firstVowel == first | 0x20,
                    let tonedFirst = tones.firstVowels[first]?[second.tone]
                else {
                    index += 1
                    continue
                }
                if syllableEnd < bytes.count && isSyllableScalar(UTF8Coding.decode(bytes, at: syllableEnd).value) {
                    index = syllableEnd
                    continue
                }
                guard startsWithInitialConsonant(bytes, vowelsAt: index) else {
                    index = syllableEnd
                    continue
                }
                if copiedUpTo == 0 { output.reserveCapacity(bytes.count + 8) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<index]))
                output.append(scalar: tonedFirst)
                output.append(second.plain)
                copiedUpTo = syllableEnd
                index = syllableEnd
            }
            guard copiedUpTo > 0 else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo...]))
            return output.makeString()
        }
        return rewritten ?? text
    }

    /// Whether a scalar continues a syllable (letters, marks, digits), used to find where a syllable starts and ends.
    static func isSyllableScalar(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        if let position = ScalarTable.index(of: value) { return ScalarTable.shared.isWordScalar[position] }
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Whether the letters before the vowel pair at `vowelIndex` form a Vietnamese initial consonant ("" included; "q" is
    /// not, as "qu" owns the u).
    private static func startsWithInitialConsonant(_ bytes: UnsafeBufferPointer<UInt8>, vowelsAt vowelIndex: Int)
        -> Bool
    {
        var start = vowelIndex
        var letters = 0
        while start > 0 {
            let previous = UTF8Coding.startOfScalar(before: start, in: bytes)
            guard isSyllableScalar(UTF8Coding.decode(bytes, at: previous).value) else { break }
            letters += 1
            guard letters <= 3 else { return false }
            start = previous
        }
        guard start < vowelIndex else { return true }
        let initial = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<vowelIndex]), as: UTF8.self)
        return ToneTable.initialConsonants.contains(initial.lowercased())
    }
}

/// The vowels whose tone mark moves between the new and the old placement, built once from base letters and combining marks.
private struct ToneTable: Sendable {
    /// A toned second vowel of a pair: its plain ASCII letter, the tone's index, and the lowercase first vowel it pairs with.
    struct SecondVowel: Sendable {
        let plain: UInt8
        let tone: Int
        let firstVowel: UInt8
    }

    /// Combining tone marks in a fixed order: huyền, sắc, hỏi, ngã, nặng.
    static let toneMarks: [Unicode.Scalar] = ["\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}"]

    /// Vietnamese initial consonants that can open an "oa", "oe" or "uy" syllable; "q" is missing because "qu" owns the u.
    static let initialConsonants: Set<String> = [
        "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "r",
        "s",
        "t", "th", "tr", "v", "x",
    ]

    /// The table, built on first use.
    static let shared = ToneTable()

    /// Toned "a", "e", "y" (both cases) keyed by code point.
    let secondVowels: [UInt32: SecondVowel]
    /// Plain "o", "u" (both cases) keyed by ASCII byte, with the code points of their five toned forms in `toneMarks` order.
    let firstVowels: [UInt8: [UInt32]]

    private init() {
        func toned(_ base: Unicode.Scalar, _ mark: Unicode.Scalar) -> UInt32 {
            let composed = (String(base) + String(mark)).precomposedStringWithCanonicalMapping.unicodeScalars
            precondition(composed.count == 1, "Vietnamese toned vowel must have a precomposed form")
            return composed[composed.startIndex].value
        }
        var firstVowels: [UInt8: [UInt32]] = [:]
        for base in ["o", "O", "u", "U"] as [Unicode.Scalar] {
            firstVowels[UInt8(base.value)] = Self.toneMarks.map { toned(base, $0) }
        }
        var secondVowels: [UInt32: SecondVowel] = [:]
        let pairs: [(second: Unicode.Scalar, first: Unicode.Scalar)] = [
            ("a", "o"), ("A", "o"), ("e", "o"), ("E", "o"), ("y", "u"), ("Y", "u"),
        ]
        for pair in pairs {
            for (tone, mark) in Self.toneMarks.enumerated() {
                let entry = SecondVowel(
                    plain: UInt8(pair.second.value), tone: tone, firstVowel: UInt8(pair.first.value))
                secondVowels[toned(pair.second, mark)] = entry
            }
        }
        self.firstVowels = firstVowels
        self.secondVowels = secondVowels
    }
}
