import Foundation

/// Unicode data for the scalars Vietnamese text is made of, computed once from Foundation so that nfc, fold, canonical
/// and syllables run as single passes over UTF-8 (Foundation normalises at about 1 MB/s on Linux; these passes do 100+).
///
/// The table covers U+0080–U+05FF (Latin-1, Latin Extended-A/B, IPA, combining marks, Greek, Cyrillic, Armenian, Hebrew)
/// and U+1E00–U+22FF (Latin Extended Additional, home of the precomposed Vietnamese letters, Greek Extended, punctuation,
/// currency, letterlike symbols, number forms, arrows, mathematical operators). Together with ASCII and the `isInert`
/// ranges this is the "supported" set; text outside it is handled span by span by Foundation.
struct ScalarTable: Sendable {
    /// `folded` value of a scalar that folding removes (combining marks U+0300–U+036F).
    static let dropped: UInt32 = 0xFFFF_FFFF
    /// `folded` value of a scalar that folding keeps but that canonical reordering may move (Hebrew points, Cyrillic marks).
    static let needsFoundation: UInt32 = 0xFFFF_FFFE
    /// Letters folded to "d": Vietnamese đ/Đ, and the look-alikes Ð/ð (U+00D0/U+00F0) and Ɖ/ɖ that old fonts and converters produce.
    static let foldedToD: Set<UInt32> = [0x110, 0x111, 0xD0, 0xF0, 0x189, 0x256]
    /// Number of scalars the table describes.
    static let count = 0x580 + 0x500

    /// The table, built on first use (10–30 ms once per process, mostly Foundation normalising single scalars).
    static let shared = ScalarTable()

    /// Every scalar the table describes, in table order.
    static let scalarValues: [UInt32] = Array(0x80..<0x600) + Array(0x1E00..<0x2300)

    /// Position of a scalar in the table, or nil outside U+0080–U+05FF and U+1E00–U+22FF.
    @inline(__always)
    static func index(of value: UInt32) -> Int? {
        if value >= 0x80 && value < 0x600 { return Int(value) - 0x80 }
        if value >= 0x1E00 && value < 0x2300 { return Int(value) - 0x1E00 + 0x580 }
        return nil
    }

    /// Whether a scalar outside the table is inert: a starter that no canonical decomposition, composition or reordering
    /// involves and that has no lowercase form, so every pass may copy it unchanged.
    ///
    /// Hand-picked blocks common in news text (technical symbols, enclosed numbers, shapes, dingbats, CJK, emoji); a test
    /// checks every scalar here against Foundation. Blocks with compositions (kana, Hangul, U+27C0–U+2AFF) are left out.
    @inline(__always)
    static func isInert(_ value: UInt32) -> Bool {
        switch value {
        case 0x2300...0x2328, 0x232B...0x24B5, 0x24D0...0x27BF, 0x2B00...0x2BFF, 0x3000...0x3029, 0x3030...0x303F,
            0x4E00...0x9FFF, 0xFE00...0xFE0F, 0x1F000...0x1FAFF, 0xE0000...0xE007F:
            return true
        default:
            return false
        }
    }

    /// What folding turns each scalar into: a scalar value, `dropped` or `needsFoundation`.
    let folded: [UInt32]
    /// Single-scalar lowercase mapping of each scalar, or `dropped` when the mapping has several scalars (İ).
    let lowercase: [UInt32]
    /// Canonical combining class of each scalar.
    let combiningClass: [UInt8]
    /// Whether each scalar is a starter that NFC leaves as it is (NFC quick check "yes" and class 0).
    let isComposedStarter: [Bool]
    /// Whether each scalar belongs to a syllable: a letter, a decimal digit or a mark.
    let isWordScalar: [Bool]
    /// Full canonical decomposition of each scalar, four slots per scalar (the longest is four).
    let decompositions: [UInt32]
    /// Number of scalars in each decomposition, or 0 when its parts fall outside the supported set.
    let decompositionCounts: [UInt8]
    /// Primary composites keyed by `compositionKey(first, second)`.
    let compositions: [UInt64: UInt32]

    /// Key of a pair in `compositions`.
    @inline(__always)
    static func compositionKey(_ first: UInt32, _ second: UInt32) -> UInt64 {
        UInt64(first) << 32 | UInt64(second)
    }

    /// Canonical combining class of any supported scalar (ASCII and inert scalars are starters).
    @inline(__always)
    func combiningClass(of value: UInt32) -> UInt8 {
        guard let index = Self.index(of: value) else { return 0 }
        return combiningClass[index]
    }

    private init() {
        var folded = [UInt32](repeating: 0, count: Self.count)
        var lowercase = [UInt32](repeating: 0, count: Self.count)
        var combiningClass = [UInt8](repeating: 0, count: Self.count)
        var isComposedStarter = [Bool](repeating: false, count: Self.count)
        var isWordScalar = [Bool](repeating: false, count: Self.count)
        var decompositions = [UInt32](repeating: 0, count: Self.count * 4)
        var decompositionCounts = [UInt8](repeating: 0, count: Self.count)
        var compositions: [UInt64: UInt32] = [:]

        func isSupported(_ value: UInt32) -> Bool {
            value < 0x80 || Self.index(of: value) != nil || Self.isInert(value)
        }

        func addComposition(of scalar: Unicode.Scalar, decomposed: [UInt32]) {
            // The last mark of a canonically ordered decomposition is the one applied last, so the primary pair is
            // (NFC of the rest, last); exclusions and singletons fail the round trip and are skipped.
            guard decomposed.count >= 2, let last = decomposed.last, let lastScalar = Unicode.Scalar(last) else {
                return
            }
            var rest = String.UnicodeScalarView()
            rest.append(contentsOf: decomposed.dropLast().compactMap(Unicode.Scalar.init))
            let first = String(rest).precomposedStringWithCanonicalMapping.unicodeScalars
            guard first.count == 1, let firstScalar = first.first else { return }
            let recomposed = (String(firstScalar) + String(lastScalar)).precomposedStringWithCanonicalMapping
                .unicodeScalars
            guard recomposed.count == 1, recomposed.first == scalar else { return }
            compositions[Self.compositionKey(firstScalar.value, last)] = scalar.value
        }

        for value in Self.scalarValues {
            guard let index = Self.index(of: value), let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            let decomposed = text.decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
            let properties = scalar.properties

            let lowercaseMapping = properties.lowercaseMapping.unicodeScalars
            lowercase[index] = lowercaseMapping.count == 1 ? lowercaseMapping.first?.value ?? value : Self.dropped
            combiningClass[index] = UInt8(properties.canonicalCombiningClass.rawValue)
            // A starter that does not decompose is its own NFC; only decomposable ones need asking.
            isComposedStarter[index] =
                combiningClass[index] == 0
                && (decomposed == [value]
                    || text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([scalar]))
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
                .nonspacingMark, .spacingMark, .enclosingMark:
                isWordScalar[index] = true
            default:
                isWordScalar[index] = false
            }
            if decomposed.count <= 4 && decomposed.allSatisfy(isSupported) {
                decompositionCounts[index] = UInt8(decomposed.count)
                for (slot, part) in decomposed.enumerated() { decompositions[index * 4 + slot] = part }
            }
            folded[index] = Self.foldedValue(of: scalar, decomposed: decomposed)
            addComposition(of: scalar, decomposed: decomposed)
        }
        self.folded = folded
        self.lowercase = lowercase
        self.combiningClass = combiningClass
        self.isComposedStarter = isComposedStarter
        self.isWordScalar = isWordScalar
        self.decompositions = decompositions
        self.decompositionCounts = decompositionCounts
        self.compositions = compositions
    }

    /// The fold of one scalar: the lowercased first scalar of its canonical decomposition, đ-like letters as "d", or a sentinel.
    private static func foldedValue(of scalar: Unicode.Scalar, decomposed: [UInt32]) -> UInt32 {
        if foldedToD.contains(scalar.value) { return 0x64 }
        guard let baseValue = decomposed.first, let base = Unicode.Scalar(baseValue) else { return dropped }
        if (0x300...0x36F).contains(baseValue) { return dropped }
        if base.properties.canonicalCombiningClass != .notReordered { return needsFoundation }
        let lowercase = base.properties.lowercaseMapping.unicodeScalars
        guard lowercase.count == 1, let lower = lowercase.first, lower != base else { return baseValue }
        let lowerBase = String(lower).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? lower
        return foldedToD.contains(lowerBase.value) ? 0x64 : lowerBase.value
    }
}
