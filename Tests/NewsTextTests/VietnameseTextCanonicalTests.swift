import Foundation
import Testing

@testable import NewsText

@Suite("VietnameseText.canonical")
struct VietnameseTextCanonicalTests {
    /// New-style spellings and the old style news sites use.
    static let newToOld: [(String, String)] = [
        ("hoà", "hòa"), ("hoá", "hóa"), ("hoả", "hỏa"), ("hoã", "hõa"), ("hoạ", "họa"),
        ("khoè", "khòe"), ("khoé", "khóe"), ("khoẻ", "khỏe"), ("khoẽ", "khõe"), ("khoẹ", "khọe"),
        ("thuỳ", "thùy"), ("thuý", "thúy"), ("thuỷ", "thủy"), ("thuỹ", "thũy"), ("thuỵ", "thụy"),
        ("xoè", "xòe"), ("tuỳ", "tùy"), ("luỹ", "lũy"), ("truỵ", "trụy"), ("nguỵ", "ngụy"), ("toà soạn", "tòa soạn"),
        ("uỷ ban", "ủy ban"), ("oà khóc", "òa khóc"), ("giải hoà.", "giải hòa."), ("hoà-bình", "hòa-bình"),
        ("(hoà)", "(hòa)"),
        ("Hoà Bình", "Hòa Bình"), ("HOÀ", "HÒA"), ("HOÁ", "HÓA"), ("KHOẺ", "KHỎE"), ("THUỶ", "THỦY"), ("THUÝ", "THÚY"),
        ("UỶ BAN", "ỦY BAN"), ("Thuỵ Điển", "Thụy Điển"), ("đoà", "đòa"), ("ĐOÀ", "ĐÒA"),
        ("Bộ trưởng Bộ Y tế khoẻ mạnh, thuỷ triều hoà hợp", "Bộ trưởng Bộ Y tế khỏe mạnh, thủy triều hòa hợp"),
    ]

    /// Spellings canonical must leave alone: old style already, a final consonant, "qu", three vowels, other words.
    static let unchanged = [
        "hòa", "khỏe", "thủy", "thúy", "ủy ban", "hoàn", "hoàng", "tuyển", "chuyển", "khuýt", "quý", "Quý", "QUÝ",
        "quỳ",
        "quỹ", "hoài", "khuỷu", "ngoèo", "già", "của", "mía", "thoát", "Nguyễn", "Chloé", "José", "hoa", "thuy",
        "Tòa Soạn",
    ]

    @Test("new-style tone placement becomes old style", arguments: newToOld)
    func movesToneToFirstVowel(_ input: String, _ expected: String) {
        let result = VietnameseText.canonical(input)
        #expect(Array(result.utf8) == Array(expected.precomposedStringWithCanonicalMapping.utf8), "got \(result)")
    }

    @Test("new-style tone placement in NFD becomes old style in NFC", arguments: newToOld)
    func movesToneInDecomposedInput(_ input: String, _ expected: String) {
        let decomposed = input.decomposedStringWithCanonicalMapping
        #expect(Array(decomposed.utf8) != Array(input.precomposedStringWithCanonicalMapping.utf8))
        let result = VietnameseText.canonical(decomposed)
        #expect(
            Array(result.utf8) == Array(expected.precomposedStringWithCanonicalMapping.utf8), "got \(result.codePoints)"
        )
    }

    @Test("old-style spelling is already canonical", arguments: newToOld.map(\.1))
    func keepsOldStyle(_ text: String) {
        #expect(Array(VietnameseText.canonical(text).utf8) == Array(text.precomposedStringWithCanonicalMapping.utf8))
    }

    @Test(
        "syllables with a final consonant, qu + y, three vowels and foreign words keep their marks",
        arguments: unchanged)
    func keepsOtherSpellings(_ text: String) {
        let nfc = text.precomposedStringWithCanonicalMapping
        #expect(Array(VietnameseText.canonical(text).utf8) == Array(nfc.utf8))
        #expect(Array(VietnameseText.canonical(text.decomposedStringWithCanonicalMapping).utf8) == Array(nfc.utf8))
    }

    @Test("both spellings of every oa, oe, uy tone give one canonical form, in both cases")
    func unifiesEveryTone() {
        let pairs: [(first: String, second: String)] = [
            ("o", "a"), ("o", "e"), ("u", "y"), ("O", "A"), ("O", "E"), ("U", "Y"),
        ]
        for pair in pairs {
            for tone in VietnameseAlphabet.tones.dropFirst() {
                let newStyle = ("h" + pair.first + pair.second + tone).precomposedStringWithCanonicalMapping
                let oldStyle = ("h" + pair.first + tone + pair.second).precomposedStringWithCanonicalMapping
                #expect(newStyle != oldStyle)
                #expect(Array(VietnameseText.canonical(newStyle).utf8) == Array(oldStyle.utf8), "\(newStyle)")
                #expect(Array(VietnameseText.canonical(oldStyle).utf8) == Array(oldStyle.utf8), "\(oldStyle)")
            }
        }
    }

    @Test("canonical also cleans like nfc")
    func cleansLikeNFC() {
        #expect(VietnameseText.canonical("hoà\r\nbình\u{0}") == "hòa\nbình")
    }
}
