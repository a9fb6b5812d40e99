import Foundation
import Testing

/// Every Vietnamese vowel with every tone in both cases, built from base letters and combining marks with Foundation only,
/// so the tests do not depend on the tables they check.
enum VietnameseAlphabet {
    /// One vowel form: its NFC and NFD spellings and the ASCII letter folding must give.
    struct Letter: CustomTestStringConvertible, Sendable {
        let nfc: String
        let nfd: String
        let folded: String

        var testDescription: String {
            "\(nfc) (\(nfd.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "+")))"
        }
    }

    /// The twelve vowels as (base letter, vowel mark).
    static let vowels: [(base: String, mark: String)] = [
        ("a", ""), ("a", "\u{0306}"), ("a", "\u{0302}"), ("e", ""), ("e", "\u{0302}"), ("i", ""),
        ("o", ""), ("o", "\u{0302}"), ("o", "\u{031B}"), ("u", ""), ("u", "\u{031B}"), ("y", ""),
    ]

    /// No tone, then huyền, sắc, hỏi, ngã, nặng.
    static let tones = ["", "\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}"]

    /// 12 vowels × 6 tones × 2 cases = 144 forms.
    static let letters: [Letter] = {
        var letters: [Letter] = []
        for vowel in vowels {
            for tone in tones {
                for base in [vowel.base, vowel.base.uppercased()] {
                    let spelled = base + vowel.mark + tone
                    letters.append(
                        Letter(
                            nfc: spelled.precomposedStringWithCanonicalMapping,
                            nfd: spelled.decomposedStringWithCanonicalMapping,
                            folded: vowel.base
                        )
                    )
                }
            }
        }
        return letters
    }()

    /// The 134 precomposed Vietnamese letters: the toned or marked vowels of `letters` plus đ and Đ.
    static let precomposed: [String] =
        letters.map(\.nfc).filter { !$0.unicodeScalars.allSatisfy(\.isASCII) } + ["đ", "Đ"]
}
