import Testing

@testable import NewsSearch

@Suite("Search ranking")
struct SearchRankingTests {
    /// Features of a document given as one text per field, matched the way the index does: folded tokens at their
    /// positions, exact readings counted.
    func features(_ query: SearchQuery, title: String = "", sapo: String = "", body: String = "") -> MatchFeatures {
        var features = MatchFeatures(termCount: query.terms.count)
        for (field, text) in zip(SearchField.allCases, [title, sapo, body]) {
            var position: Int32 = 0
            SearchTokens.forEach(in: text) { folded, exact in
                for (index, term) in query.terms.enumerated() where term.folded.utf8.elementsEqual(folded) {
                    features.addOccurrence(term: index, field: field, position: position)
                    if term.hasDiacritics, let exact, term.exact.utf8.elementsEqual(exact) {
                        features.addExactOccurrence(term: index, field: field)
                    }
                }
                position += 1
            }
        }
        return features
    }

    func score(_ raw: String, title: String = "", sapo: String = "", body: String = "") -> Double {
        let query = SearchQuery(raw)
        return SearchRanking(query: query).score(features(query, title: title, sapo: sapo, body: body))
    }

    @Test("Typed with diacritics, the exact reading ranks first, even against a better placed other reading")
    func exactFirst() {
        let exact = score("đường", body: "Con đường làng.")
        let other = score("đường", title: "Dương Dương", sapo: "Dương", body: "dương dương dương")
        #expect(exact > other)
        #expect(score("đường", title: "Đường mới") > exact, "then fields")
    }

    @Test("Typed without diacritics, every reading scores alike")
    func noDiacritics() {
        #expect(score("duong", body: "Con đường.") == score("duong", body: "Con dương."))
    }

    @Test("A phrase ranks above the same syllables scattered, even when those are in the title")
    func phrase() {
        let together = score("đường sắt", body: "Tuyến đường sắt mới.")
        let scattered = score("đường sắt", title: "Đường và thép sắt", body: "đường và sắt")
        #expect(together > scattered)
        let reversed = score("đường sắt", body: "sắt đường")
        #expect(together > reversed, "order counts")
        #expect(score("người dân chính phủ", body: "người dân và chính phủ") > score("người dân chính phủ", body: "dân người phủ chính"))
    }

    @Test("Title above sapo above body")
    func fields() {
        let title = score("bão", title: "Bão số 3")
        let sapo = score("bão", sapo: "Bão số 3")
        let body = score("bão", body: "Bão số 3")
        #expect(title > sapo && sapo > body)
        #expect(score("bão", body: "bão bão bão") > body, "more mentions count, saturating")
        #expect(score("bão", body: String(repeating: "bão ", count: 50)) < title)
    }

    @Test("A document without every term scores 0 parts for the missing ones; no terms, no score")
    func empty() {
        #expect(SearchRanking(query: SearchQuery("")).score(MatchFeatures(termCount: 0)) == 0)
    }
}
