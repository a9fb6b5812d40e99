import Foundation
import NewsText
import Testing

@Suite("Slug")
struct SlugTests {
    static let vectors: [(String, String)] = [
        ("Người dân Hà Nội đón Tết", "nguoi-dan-ha-noi-don-tet"),
        ("Đà Nẵng", "da-nang"),
        ("Thủ tướng Phạm Minh Chính", "thu-tuong-pham-minh-chinh"),
        ("COVID-19 năm 2023", "covid-19-nam-2023"),
        ("Hoà bình và hòa bình", "hoa-binh-va-hoa-binh"),
        ("Quốc hội khoá XV: kỳ họp thứ 6", "quoc-hoi-khoa-xv-ky-hop-thu-6"),
        ("  --Hà Nội!!  ", "ha-noi"),
        ("Mưa & gió", "mua-gio"),
        ("TP.HCM ngập sâu", "tp-hcm-ngap-sau"),
        ("“Tôi không biết” — ông nói", "toi-khong-biet-ong-noi"),
        ("Men's day: l’amour", "mens-day-lamour"),
        ("Straße, Æsir, Øresund, Łódź", "strasse-aesir-oresund-lodz"),
        ("Cafe\u{301} 北京 Seoul", "cafe-seoul"),
        ("ẮNG ẰNG ẲNG ẴNG ẶNG Ự", "ang-ang-ang-ang-ang-u"),
        ("Ðà Lạt", "da-lat"),
        ("a_b/c\\d", "a-b-c-d"),
    ]

    @Test("titles become ASCII slugs", arguments: vectors)
    func makesSlug(_ title: String, _ expected: String) {
        let slug = Slug.make(title)
        #expect(slug == expected)
        #expect(Slug.isValid(slug))
        #expect(slug.utf8.allSatisfy { $0 < 0x80 })
    }

    @Test(
        "NFD titles give the same slug",
        arguments: vectors.filter { $0.0.decomposedStringWithCanonicalMapping.utf8.count != $0.0.utf8.count }
    )
    func makesSlugFromDecomposedTitle(_ title: String, _ expected: String) {
        let decomposed = title.decomposedStringWithCanonicalMapping
        #expect(Array(decomposed.utf8) != Array(title.precomposedStringWithCanonicalMapping.utf8))
        #expect(Slug.make(decomposed) == expected)
    }

    @Test(
        "text without letters or digits gives an empty slug", arguments: ["", "   ", "!!! --- ???", "— & —", "北京", "🇻🇳"])
    func emptySlug(_ title: String) {
        #expect(Slug.make(title) == "")
    }

    @Test(
        "long titles are cut at a hyphen within maxLength",
        arguments: [
            (24, "nguoi-dan-ha-noi-don-tet"), (23, "nguoi-dan-ha-noi-don"), (12, "nguoi-dan-ha"), (11, "nguoi-dan"),
            (9, "nguoi-dan"), (8, "nguoi"), (5, "nguoi"), (3, "ngu"), (1, "n"), (0, ""), (-4, ""),
        ]
    )
    func cutsAtHyphen(_ maxLength: Int, _ expected: String) {
        #expect(Slug.make("Người dân Hà Nội đón Tết", maxLength: maxLength) == expected)
    }

    @Test("the default limit is 80 characters and keeps whole words")
    func defaultLimit() {
        let title = String(repeating: "Thông tin mới nhất về dự án đường sắt tốc độ cao Bắc – Nam ", count: 4)
        let full = Slug.make(title, maxLength: .max)
        let slug = Slug.make(title)
        #expect(full.count > 80)
        #expect(slug.count <= 80)
        #expect(slug.count > 70)
        #expect(Slug.isValid(slug))
        #expect(full.hasPrefix(slug + "-"))
    }

    @Test(
        "isValid accepts only [a-z0-9]+ joined by single hyphens",
        arguments: [
            ("a", true), ("ha-noi", true), ("covid-19-nam-2023", true), ("2023", true),
            ("", false), ("-", false), ("-ha-noi", false), ("ha-noi-", false), ("ha--noi", false), ("Ha-noi", false),
            ("hà-nội", false), ("ha noi", false), ("ha_noi", false), ("ha.noi", false),
        ]
    )
    func validatesSlug(_ slug: String, _ isValid: Bool) {
        #expect(Slug.isValid(slug) == isValid)
    }
}
