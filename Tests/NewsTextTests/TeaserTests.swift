import Foundation
import NewsText
import Testing

@Suite("Teaser")
struct TeaserTests {
    static let sentence = "Người dân Hà Nội đón Tết"  // 24 characters

    @Test("text that fits comes back unchanged, without an ellipsis", arguments: [24, 25, 1000])
    func keepsTextThatFits(_ limit: Int) {
        #expect(Self.sentence.count == 24)
        #expect(Teaser.make(Self.sentence, maxCharacters: limit) == Self.sentence)
    }

    @Test(
        "long text is cut before the word that crosses the limit",
        arguments: [
            (23, "Người dân Hà Nội đón..."), (20, "Người dân Hà Nội đón..."), (19, "Người dân Hà Nội..."),
            (13, "Người dân Hà..."), (12, "Người dân Hà..."), (11, "Người dân..."), (6, "Người..."), (5, "Người..."),
        ]
    )
    func cutsAtWordBoundary(_ limit: Int, _ expected: String) {
        #expect(Teaser.make(Self.sentence, maxCharacters: limit) == expected)
    }

    @Test("whitespace is collapsed and trimmed")
    func collapsesWhitespace() {
        let messy = "  Người\u{00A0}dân \n\n Hà\tNội\r\n  đón   Tết \n"
        #expect(Teaser.make(messy, maxCharacters: 100) == Self.sentence)
        #expect(Teaser.make(messy, maxCharacters: 12) == "Người dân Hà...")
        #expect(Teaser.make(" \n\t ", maxCharacters: 10) == "")
        #expect(Teaser.make("", maxCharacters: 10) == "")
    }

    @Test("exactly the characters Swift calls whitespace separate words")
    func collapsesEveryUnicodeWhitespace() {
        var whitespace = 0
        var failures: [String] = []
        for value: UInt32 in 0...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            let teaser = Teaser.make("a" + String(character) + "b", maxCharacters: 10)
            if character.isWhitespace { whitespace += 1 }
            if (teaser == "a b") != character.isWhitespace { failures.append("U+" + String(value, radix: 16)) }
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(whitespace == 25)
    }

    @Test(
        "trailing punctuation is trimmed before the ellipsis",
        arguments: [
            ("Hà Nội, Đà Nẵng và TP.HCM", 8, "Hà Nội..."), ("Hà Nội; Đà Nẵng và Huế", 8, "Hà Nội..."),
            ("Ông nói: xin chào mọi người", 9, "Ông nói..."), ("Kết quả — chưa rõ ràng lắm", 10, "Kết quả..."),
            ("Tin mới. Hôm nay trời mưa", 10, "Tin mới..."), ("Hỏi vậy? Không ai trả lời", 9, "Hỏi vậy?..."),
        ]
    )
    func trimsTrailingPunctuation(_ text: String, _ limit: Int, _ expected: String) {
        #expect(Teaser.make(text, maxCharacters: limit) == expected)
    }

    @Test("a first word longer than the limit is cut hard")
    func cutsLongFirstWord() {
        #expect(Teaser.make("Supercalifragilistic là một từ dài", maxCharacters: 5) == "Super...")
        #expect(
            Teaser.make("https://toasoan.vn/thoi-su/nguoi-dan-ha-noi-don-tet", maxCharacters: 18)
                == "https://toasoan.vn...")
        #expect(Teaser.make("abc", maxCharacters: 0) == "")
    }

    @Test("Vietnamese letters are never split, even in NFD")
    func keepsGraphemesWhole() {
        let word = "Nguyễnnnnnnn".decomposedStringWithCanonicalMapping
        #expect(word.unicodeScalars.count > word.count)
        let teaser = Teaser.make(word, maxCharacters: 5)
        #expect(Array(teaser.utf8) == Array(("Nguyễ".decomposedStringWithCanonicalMapping + "...").utf8))
    }

    @Test("the result never exceeds the limit plus three and is a prefix of the text, at every limit")
    func respectsLimitEverywhere() {
        let text = VietnameseTextFoldTests.paragraph.decomposedStringWithCanonicalMapping
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for limit in 1...(collapsed.count + 2) {
            let teaser = Teaser.make(text, maxCharacters: limit)
            #expect(teaser.count <= limit + 3, "limit \(limit)")
            if teaser.hasSuffix("...") {
                #expect(limit < collapsed.count, "limit \(limit)")
                #expect(collapsed.hasPrefix(String(teaser.dropLast(3))), "limit \(limit)")
            } else {
                #expect(teaser == collapsed, "limit \(limit)")
            }
        }
    }
}
