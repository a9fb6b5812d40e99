import Foundation
import Testing

@testable import NewsText

@Suite("VietnameseText.fold")
struct VietnameseTextFoldTests {
    static let paragraph = """
        Sáng 22/12, Thủ tướng Phạm Minh Chính chủ trì hội nghị trực tuyến với 63 tỉnh, thành phố. \
        Người dân Hà Nội, Đà Nẵng và TP.HCM đón Tết Giáp Thìn trong không khí ấm áp; giá vàng SJC tăng 1,5 triệu đồng/lượng. \
        “Chúng tôi sẽ hoà giải, khoẻ mạnh và thuỷ chung”, ông Nguyễn Văn Ặng nói. ẮNG ẰNG ẲNG ẴNG ẶNG ỨNG ỪNG ỬNG ỮNG ỰNG 🇻🇳 ✅
        """

    @Test(
        "every vowel with every tone folds to its ASCII base, in NFC and in NFD", arguments: VietnameseAlphabet.letters)
    func foldsEveryVowel(_ letter: VietnameseAlphabet.Letter) {
        #expect(VietnameseText.fold(letter.nfc) == letter.folded)
        #expect(VietnameseText.fold(letter.nfd) == letter.folded)
    }

    @Test("đ and Đ fold to d, as do the look-alikes Ð/ð and Ɖ/ɖ that converters produce")
    func foldsD() {
        #expect(VietnameseText.fold("đĐ") == "dd")
        #expect(VietnameseText.fold("\u{D0}à \u{F0}\u{189}\u{256}") == "da ddd")
    }

    @Test(
        "sentences fold to lowercase ASCII",
        arguments: [
            ("Đường Hà Nội", "duong ha noi"),
            ("Người dân Hà Nội đón Tết", "nguoi dan ha noi don tet"),
            ("THỦ TƯỚNG PHẠM MINH CHÍNH", "thu tuong pham minh chinh"),
            ("Ơ Ư Â Ă Ê Ô", "o u a a e o"),
            ("Café Crème brûlée, Ångström, Škoda", "cafe creme brulee, angstrom, skoda"),
            ("COVID-19: 1.500 ca", "covid-19: 1.500 ca"),
        ]
    )
    func foldsSentences(_ input: String, _ expected: String) {
        #expect(VietnameseText.fold(input) == expected)
        #expect(VietnameseText.fold(input.decomposedStringWithCanonicalMapping) == expected)
    }

    @Test("both tone placements fold alike")
    func foldsBothTonePlacements() {
        for (newStyle, oldStyle) in VietnameseTextCanonicalTests.newToOld {
            #expect(VietnameseText.fold(newStyle) == VietnameseText.fold(oldStyle))
        }
        #expect(VietnameseText.fold("hoà") == "hoa")
        #expect(VietnameseText.fold("thuỷ") == "thuy")
    }

    @Test("non-Vietnamese letters are kept and lowercased")
    func keepsOtherLetters() {
        #expect(VietnameseText.fold("Straße ÆØŒ Łódź") == "straße æøœ łodz")
        #expect(VietnameseText.fold("ΆΘΗΝΑ Йошкар") == "αθηνα иошкар")
        #expect(VietnameseText.fold("北京 🇻🇳 €5 — “ok”") == "北京 🇻🇳 €5 — “ok”")
    }

    @Test("scripts outside the fast table give the same result for NFC and NFD")
    func foldsSlowPathConsistently() {
        let samples = ["한국어 Hà Nội", "\u{2126}hm \u{212B}", "≠ ≤", "हिन्दी क़", "Ⱥ Ⱦ", "אָלֶף", "ﬁ ｆｕｌｌ"]
        for sample in samples {
            let composed = sample.precomposedStringWithCanonicalMapping
            let decomposed = sample.decomposedStringWithCanonicalMapping
            #expect(VietnameseText.fold(composed) == VietnameseText.fold(decomposed), "\(sample)")
        }
        #expect(Array(VietnameseText.fold("한국어").utf8) == Array("한국어".precomposedStringWithCanonicalMapping.utf8))
        #expect(VietnameseText.fold("\u{2126}") == "ω")
        #expect(VietnameseText.fold("Ⱥ") == "\u{2C65}")
    }

    @Test("the fast path and the decomposition path agree")
    func fastPathMatchesSlowPath() {
        let samples = [
            Self.paragraph, Self.paragraph.decomposedStringWithCanonicalMapping, "ΆΘΗΝΑ Йошкар", "Straße", "",
        ]
        for sample in samples {
            #expect(VietnameseText.fold(sample) == VietnameseText.foldedThroughDecomposition(sample))
        }
    }

    @Test("fold of random mixed text matches the Foundation reference and ignores NFC/NFD")
    func matchesReferenceOnRandomText() {
        var generator = SplitMix64(seed: 1975)
        for _ in 0..<3_000 {
            let text = RandomText.make(using: &generator)
            let folded = VietnameseText.fold(text)
            #expect(folded == VietnameseText.foldedThroughDecomposition(text), "\(text.codePoints)")
            #expect(Array(folded.utf8) == Array(VietnameseText.fold(text.precomposedStringWithCanonicalMapping).utf8))
            #expect(Array(folded.utf8) == Array(VietnameseText.fold(text.decomposedStringWithCanonicalMapping).utf8))
        }
    }

    @Test("fold matches a reference built from Foundation on a news paragraph, NFC and NFD")
    func matchesReference() {
        let expected = Self.referenceFold(Self.paragraph)
        #expect(expected.contains("hoa giai, khoe manh va thuy chung"))
        let long = String(repeating: Self.paragraph + "\n", count: 200)
        #expect(VietnameseText.fold(Self.paragraph) == expected)
        #expect(VietnameseText.fold(Self.paragraph.decomposedStringWithCanonicalMapping) == expected)
        #expect(VietnameseText.fold(long) == String(repeating: expected + "\n", count: 200))
    }

    @Test("fold cleans controls and line endings like nfc")
    func cleansLikeNFC() {
        #expect(VietnameseText.fold("Hà\r\nNội\r\u{0}Tết\u{1B}\t!") == "ha\nnoi\ntet\t!")
        #expect(VietnameseText.fold("Ωmega\r\n\u{2126}") == "ωmega\nω")
    }

    /// Folding as the specification states it: decompose, drop U+0300–U+036F, lowercase, đ → d.
    static func referenceFold(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars
        where !(0x300...0x36F).contains(scalar.value) {
            kept.append(scalar)
        }
        return String(kept).lowercased().replacingOccurrences(of: "đ", with: "d").precomposedStringWithCanonicalMapping
    }
}
