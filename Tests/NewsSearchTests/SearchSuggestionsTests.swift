import Testing

@testable import NewsSearch

@Suite("Search suggestions")
struct SearchSuggestionsTests {
    /// A vocabulary of folded syllables with document frequencies.
    let vocabulary: [String: Int] = [
        "duong": 900, "sat": 400, "nguoi": 5000, "viet": 3000, "nam": 4000, "ha": 2000, "noi": 2100, "bao": 800,
        "tieng": 300, "hoa": 700, "binh": 650, "dan": 3500,
    ]

    func candidates(_ raw: String) -> [String] {
        SearchSuggestions.candidates(for: SearchQuery(raw)) { vocabulary[$0] ?? 0 } readingCounts: { _ in [:] }
    }

    @Test("Telex and VNI typed with the input method off become the words meant")
    func typedWithoutInputMethod() {
        #expect(candidates("dduwowngf sawts").first == "đường sắt")
        #expect(candidates("nguwowfi vieetj").first == "người việt")
        #expect(candidates("d9u7o7ng2").first == "đường")
        #expect(TypedVietnamese.telex("hoaf") == "hòa")
        #expect(TypedVietnamese.telex("thuyr") == "thủy")
        #expect(TypedVietnamese.telex("tieengs") == "tiếng")
        #expect(TypedVietnamese.telex("ha") == nil, "no Telex keys, nothing to decode")
        #expect(TypedVietnamese.vni("covid19") == nil, "not a syllable")
    }

    @Test("Asked in batches (a database across the network), the candidates are those of one-by-one look-ups")
    func batched() async throws {
        let readings: [String: [String: Int]] = ["dan": ["dân": 30, "dan": 2], "noi": ["nội": 9], "ha": ["hà": 7]]
        for raw in ["dduwowngf sawts", "nguoii", "ngoui", "bao duongg", "hanoi", "nguwowfi dana", "zzzzqqq", "duong sat"] {
            let query = SearchQuery(raw)
            let direct = SearchSuggestions.candidates(for: query) { vocabulary[$0] ?? 0 } readingCounts: { readings[$0] ?? [:] }
            var rounds = 0
            let batched = try await SearchSuggestions.batchedCandidates(for: query) { terms in
                rounds += 1
                return Dictionary(uniqueKeysWithValues: terms.compactMap { term in vocabulary[term].map { (term, $0) } })
            } readingCounts: { terms in
                Dictionary(uniqueKeysWithValues: terms.compactMap { term in readings[term].map { (term, $0) } })
            }
            #expect(batched == direct, "\(raw)")
            #expect(rounds <= 6, "\(raw): \(rounds) rounds")
        }
    }

    @Test("One typing slip is corrected to the most frequent known syllable")
    func slips() {
        #expect(candidates("nguoii").first == "nguoi")
        #expect(candidates("ngoui").first == "nguoi", "swapped letters")
        #expect(candidates("bao duongg").first == "bao duong", "known syllables stay")
        #expect(candidates("hanoi").first == "ha noi", "two syllables run together")
    }

    @Test("A corrected syllable is shown in its most frequent reading, the plain one included")
    func readings() {
        let frequency = ["trung": 900, "dan": 3500]
        // Plain "trung" in 820 documents, "dan" in 400.
        let readings = ["trung": ["trung": 820, "trũng": 20, "trùng": 60], "dan": ["dan": 400, "dân": 3000, "đan": 100]]
        let suggest = { (raw: String) in
            SearchSuggestions.candidates(for: SearchQuery(raw)) { frequency[$0] ?? 0 } readingCounts: { readings[$0] ?? [:] }.first
        }
        #expect(suggest("trungg") == "trung", "“miền Trung”, not the rarer “trũng”")
        #expect(suggest("dann") == "dân", "most “dan” are “dân”")
    }

    @Test("Nothing to suggest: every syllable is known, or an unknown one has no correction")
    func nothing() {
        let counts = ["gia": 900, "suc": 300, "sac": 200]
        let acronym = SearchSuggestions.candidates(for: SearchQuery("giá SJC")) { counts[$0] ?? 0 } readingCounts: { _ in [:] }
        #expect(acronym.isEmpty, "a short unknown word (an acronym) is not a slip of a known one (“súc”)")
        #expect(candidates("hà nội").isEmpty)
        #expect(candidates("qqqqqqqq").isEmpty)
        #expect(candidates("").isEmpty)
    }
}
