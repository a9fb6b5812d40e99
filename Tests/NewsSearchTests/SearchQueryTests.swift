import NewsText
import Testing

@testable import NewsSearch

@Suite("Search query")
struct SearchQueryTests {
    @Test("Every way of typing one word gives the same terms: NFD, capitals, tone style, old and new")
    func normalisation() {
        let nfc = SearchQuery("hòa bình")
        #expect(nfc.terms == [SearchTerm(exact: "hòa", folded: "hoa"), SearchTerm(exact: "bình", folded: "binh")])
        #expect(SearchQuery("ho\u{0300}a bi\u{0300}nh").terms == nfc.terms, "NFD")
        #expect(SearchQuery("HÒA BÌNH").terms == nfc.terms, "capitals")
        #expect(SearchQuery("Hoà Bình").terms == nfc.terms, "new tone placement")
        #expect(SearchQuery("thuỷ điện").terms == SearchQuery("thủy điện").terms)
        #expect(SearchQuery("thuỷ").terms.first?.exact == "thủy")
        #expect(SearchQuery("  hòa\t\nbình ").terms == nfc.terms, "whitespace")
    }

    @Test("đ folds to d; a query without diacritics has folded terms only")
    func folding() {
        let query = SearchQuery("Đường")
        #expect(query.terms == [SearchTerm(exact: "đường", folded: "duong")])
        #expect(query.hasDiacritics)
        let plain = SearchQuery("duong sat")
        #expect(plain.terms.map(\.folded) == ["duong", "sat"])
        #expect(!plain.hasDiacritics)
        #expect(plain.terms.allSatisfy { $0.exact == $0.folded })
    }

    @Test(
        "FTS syntax and control characters are separators, never syntax",
        arguments: [
            "\"đường sắt\"", "đường* sắt", "-đường sắt", "đường NEAR sắt", "(đường) OR sắt)", "đường\u{0}\u{7}sắt",
            "đường:sắt", "^đường {sắt}", "đường AND sắt",
        ]
    )
    func syntaxStripped(_ raw: String) {
        let folded = SearchQuery(raw).terms.map(\.folded)
        #expect(folded.contains("duong") && folded.contains("sat"))
        for term in SearchQuery(raw).terms {
            #expect(term.folded.unicodeScalars.allSatisfy { VietnameseText.syllables(String($0)).count == 1 }, "\(term)")
        }
    }

    @Test("Nothing searchable gives an empty query; a long one keeps its first terms")
    func limits() {
        #expect(SearchQuery("").isEmpty)
        #expect(SearchQuery("  \"*-() ").isEmpty)
        let long = SearchQuery(String(repeating: "hà nội ", count: 150))
        #expect(long.terms.count == SearchQuery.maxTerms)
        let token = SearchQuery(String(repeating: "đ", count: 100)).terms
        #expect(token.count == 1 && token[0].exact.utf8.count <= SearchTokens.maxTokenBytes)
        #expect(token[0].exact.unicodeScalars.allSatisfy { $0 == "đ" }, "cut on a whole scalar")
    }

    @Test("Query text is shown back cleaned")
    func text() {
        #expect(SearchQuery("  Hà   Nội\u{1}\n ").text == "Hà Nội")
    }
}

@Suite("Search tokens")
struct SearchTokensTests {
    func tokens(_ text: String) -> [(String, String?)] {
        var result: [(String, String?)] = []
        SearchTokens.forEach(in: text) { folded, exact in
            result.append((String(decoding: folded, as: UTF8.self), exact.map { String(decoding: $0, as: UTF8.self) }))
        }
        return result
    }

    @Test("A syllable with diacritics gives its folded and exact tokens; one without, its folded token only")
    func colocated() {
        let result = tokens("Đường phố Hà Nội 2024")
        #expect(result.map(\.0) == ["duong", "pho", "ha", "noi", "2024"])
        #expect(result.map(\.1) == ["đường", "phố", "hà", "nội", nil])
    }

    @Test("Documents in NFD and the new tone style index like NFC old style")
    func sameTokens() {
        #expect(tokens("Hoà thuỷ").map(\.1) == tokens("Hòa thủy").map(\.1))
        #expect(tokens("Ho\u{0300}a").map(\.1) == ["hòa"])
    }
}
