import Foundation
import Testing

@testable import NewsText

@Suite("VietnameseText.nfc")
struct VietnameseTextNFCTests {
    static let sentences = [
        "Người dân Hà Nội đón Tết",
        "Thủ tướng Phạm Minh Chính",
        "Đà Nẵng, Huế, Quảng Ngãi và TP.HCM",
        "Tòa soạn báo ặ ẳ ẵ ậ ỗ ợ ữ ự ỹ",
    ]

    @Test("NFD text becomes NFC", arguments: sentences)
    func composesDecomposedText(_ sentence: String) {
        let composed = sentence.precomposedStringWithCanonicalMapping
        let decomposed = sentence.decomposedStringWithCanonicalMapping
        #expect(Array(decomposed.utf8) != Array(composed.utf8), "the NFD fixture must differ byte-wise")
        let result = VietnameseText.nfc(decomposed)
        #expect(Array(result.utf8) == Array(composed.utf8), "got \(result.codePoints)")
    }

    @Test("every Vietnamese vowel form in NFD composes to its single precomposed scalar")
    func composesEveryVowel() {
        for letter in VietnameseAlphabet.letters {
            let result = VietnameseText.nfc(letter.nfd)
            #expect(result.unicodeScalars.count == 1, "\(letter.nfd.codePoints) gave \(result.codePoints)")
            #expect(Array(result.utf8) == Array(letter.nfc.utf8))
        }
    }

    @Test("there are 134 precomposed Vietnamese letters and nfc keeps each as it is")
    func keepsPrecomposedLetters() {
        #expect(VietnameseAlphabet.precomposed.count == 134)
        #expect(Set(VietnameseAlphabet.precomposed).count == 134)
        for letter in VietnameseAlphabet.precomposed {
            #expect(letter.unicodeScalars.count == 1)
            #expect(Array(VietnameseText.nfc(letter).utf8) == Array(letter.utf8))
        }
    }

    @Test("ặ composes whatever order its two marks come in")
    func composesMarksInAnyOrder() {
        // Canonical NFD order puts nặng (ccc 220) before breve (ccc 230).
        #expect(VietnameseText.nfc("a\u{0323}\u{0306}").unicodeScalars.map(\.value) == [0x1EB7])
        #expect(VietnameseText.nfc("a\u{0306}\u{0323}").unicodeScalars.map(\.value) == [0x1EB7])
        #expect(VietnameseText.nfc("A\u{0306}\u{0323}").unicodeScalars.map(\.value) == [0x1EB6])
    }

    @Test(
        "line endings become LF",
        arguments: [
            ("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\r\r\nb", "a\n\nb"), ("\r\n\r\n", "\n\n"), ("a\n\rb", "a\n\nb"),
            ("Hà Nội\r\nĐà Nẵng\r", "Hà Nội\nĐà Nẵng\n"),
        ]
    )
    func normalisesLineEndings(_ input: String, _ expected: String) {
        #expect(VietnameseText.nfc(input) == expected)
    }

    @Test(
        "C0 controls other than LF and TAB are removed",
        arguments: [
            ("a\u{0}b", "ab"), ("\u{1B}[31mđỏ\u{1B}[0m", "[31mđỏ[0m"), ("tab\there", "tab\there"),
            ("\u{7}\u{8}\u{B}\u{C}x", "x"),
            ("dòng\nmới", "dòng\nmới"), ("\u{1F}", ""),
        ]
    )
    func stripsControlCharacters(_ input: String, _ expected: String) {
        #expect(VietnameseText.nfc(input) == expected)
    }

    @Test("a control character between a letter and its mark does not stop composition")
    func composesAcrossRemovedControl() {
        #expect(VietnameseText.nfc("a\u{0}\u{0301}").unicodeScalars.map(\.value) == [0xE1])
    }

    @Test("text with nothing to change comes back identical")
    func keepsCleanText() {
        for text in ["", "plain ASCII 123", "Người dân Hà Nội đón Tết", "北京 🇻🇳 “trích dẫn” — €5"] {
            #expect(Array(VietnameseText.nfc(text).utf8) == Array(text.utf8))
        }
    }

    @Test("compatibility look-alikes outside the fast ranges are still normalised")
    func normalisesSingletons() {
        // U+2126 OHM SIGN and U+212B ANGSTROM SIGN have singleton canonical decompositions.
        #expect(VietnameseText.nfc("\u{2126}\u{212B}").unicodeScalars.map(\.value) == [0x3A9, 0xC5])
        #expect(VietnameseText.nfc("\u{2000}").unicodeScalars.map(\.value) == [0x2002])
    }

    @Test("NFC matches Foundation on random mixes of Vietnamese, marks in any order, other scripts and symbols")
    func matchesFoundationOnRandomText() {
        var generator = SplitMix64(seed: 84)
        for _ in 0..<3_000 {
            let text = RandomText.make(using: &generator)
            let expected = text.precomposedStringWithCanonicalMapping
            #expect(Array(VietnameseText.nfc(text).utf8) == Array(expected.utf8), "\(text.codePoints)")
        }
    }
}

@Suite("VietnameseText.lowercasedCanonical and syllables")
struct VietnameseTextWordTests {
    @Test(
        "lowercasedCanonical keeps diacritics and puts tones old style",
        arguments: [
            ("HÒA Bình", "hòa bình"), ("hoà bình", "hòa bình"), ("HOÀ BÌNH", "hòa bình"), ("THUỶ", "thủy"),
            ("Đường Hà Nội", "đường hà nội"),
        ]
    )
    func lowercasesCanonicalForm(_ input: String, _ expected: String) {
        #expect(VietnameseText.lowercasedCanonical(input) == expected)
        #expect(VietnameseText.lowercasedCanonical(input.decomposedStringWithCanonicalMapping) == expected)
    }

    @Test("the table lowercasing matches String.lowercased()")
    func lowercasesLikeStandardLibrary() {
        var generator = SplitMix64(seed: 2024)
        var samples = (0..<2_000).map { _ in RandomText.make(using: &generator) }
        samples.append(String(String.UnicodeScalarView(ScalarTable.scalarValues.compactMap(Unicode.Scalar.init))))
        samples += ["ĐƯỜNG HÀ NỘI", "İSTANBUL ΟΔΟΣ Ⱥ Ω ＡＢＣ Ⓐ Ⅻ 한국", ""]
        for sample in samples {
            #expect(
                Array(VietnameseText.lowercased(sample).utf8) == Array(sample.lowercased().utf8), "\(sample.codePoints)"
            )
        }
    }

    @Test(
        "syllables split on everything that is not a letter or digit",
        arguments: [
            ("Người dân Hà Nội đón Tết", ["Người", "dân", "Hà", "Nội", "đón", "Tết"]),
            ("COVID-19, năm 2023!", ["COVID", "19", "năm", "2023"]),
            ("hoà-bình (Thuỷ)", ["hòa", "bình", "Thủy"]),
            ("  ... —  ", []),
            ("", []),
            ("Hà Nội's\tđêm\nnay", ["Hà", "Nội", "s", "đêm", "nay"]),
            ("北京 và Seoul", ["北京", "và", "Seoul"]),
            ("a \u{0301}b x\u{0301}", ["a", "b", "x\u{0301}"]),
        ]
    )
    func splitsSyllables(_ input: String, _ expected: [String]) {
        #expect(VietnameseText.syllables(input) == expected)
    }

    @Test("syllables of NFD text come back in canonical NFC")
    func syllablesOfDecomposedText() {
        let decomposed = "Hoà bình Việt Nam".decomposedStringWithCanonicalMapping
        let pieces = VietnameseText.syllables(decomposed)
        #expect(pieces == ["Hòa", "bình", "Việt", "Nam"])
        #expect(
            pieces.map { Array($0.utf8) }
                == ["Hòa", "bình", "Việt", "Nam"].map { Array($0.precomposedStringWithCanonicalMapping.utf8) })
    }
}
