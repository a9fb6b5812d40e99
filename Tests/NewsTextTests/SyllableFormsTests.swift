import Foundation
import Testing

@testable import NewsText

@Suite("Syllable forms")
struct SyllableFormsTests {
    static let samples = [
        "Người dân Hà Nội đón Tết Nguyên đán", "HOÀ BÌNH, thuỷ điện Hoà Bình", "Khoẻ mạnh, khỏe mạnh; QUÝ, quý; Hoàn thành",
        "ĐƯỜNG SẮT Bắc–Nam: 1.541 km", "Chloé, Zoë, naïve café", "Thu\u{0309}y ho\u{0300}a Đ\u{0323}", "iPhone 15 Pro Max 2024",
        "Москва, Αθήνα, עִבְרִית", "中文 日本語 😀 ①", "Tuyên truyền, khuyến khích, khuya, hoài", "oà OÀ uỷ UỶ Uỷ",
    ]

    @Test("Each syllable's forms are lowercasedCanonical and fold of its own text, with its byte range", arguments: samples)
    func formsAgreeWithDefinitions(_ text: String) {
        let forms = VietnameseText.syllableForms(text)
        let utf8 = Array(text.utf8)
        #expect(forms.map { String(decoding: utf8[$0.range], as: UTF8.self) }.map(VietnameseText.canonical) == VietnameseText.syllables(text))
        for form in forms {
            let original = String(decoding: utf8[form.range], as: UTF8.self)
            #expect(form.exact == VietnameseText.lowercasedCanonical(original), "\(original)")
            #expect(form.folded == VietnameseText.fold(original), "\(original)")
            #expect(form.hasDiacritics == (form.exact != form.folded))
        }
    }

    @Test("NFC and NFD, both tone styles and any case give the same forms")
    func sameFormsForEveryWayOfWriting() {
        let forms = VietnameseText.syllableForms("Hòa thủy Đường").map { [$0.exact, $0.folded] }
        #expect(VietnameseText.syllableForms("HOÀ THUỶ ĐƯỜNG").map { [$0.exact, $0.folded] } == forms)
        #expect(VietnameseText.syllableForms("hoa\u{0300} thuy\u{0309} đươ\u{0300}ng".decomposedStringWithCanonicalMapping).map { [$0.exact, $0.folded] } == forms)
        #expect(forms == [["hòa", "hoa"], ["thủy", "thuy"], ["đường", "duong"]])
    }
}
