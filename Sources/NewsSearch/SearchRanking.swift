/// How search orders the articles that match a query (every syllable present, any reading, any field).
///
/// `score = 100·E + 10·P + F`, each part in [0, 1] except F in [0, 10), so that the parts order results in turn:
/// - **E, exactness**: the share of the syllables typed with diacritics that the article has in exactly that reading
///   ("đường" above "dương" for a reader who typed "đường"); 1 for a query typed without diacritics, which matches
///   every reading alike.
/// - **P, phrase**: the share of the query's neighbouring syllable pairs found next to each other, in order, plus as
///   much again when the whole query appears as one phrase (Vietnamese words are several syllables: "đường sắt" is
///   one word, "đường … sắt" two unrelated ones). 0 for one-syllable queries.
/// - **F, fields**: per field, how well each syllable is covered (occurrences saturate: x / (x + 1); for a syllable
///   typed with diacritics, occurrences in a field without that reading count 0.3) and how much of the phrase is there,
///   weighted title 4, sapo 2, body 1.
///
/// Ties (the same score) go to the newer article; the index breaks them, since it knows the publication times.
public struct SearchRanking: Sendable {
    /// Weight of exactness, the first key.
    public static let exactnessWeight = 100.0
    /// Weight of phrase, the second key.
    public static let phraseWeight = 10.0
    /// F's upper bound (exclusive), below the phrase step of the shortest queries.
    public static let fieldScale = 9.99
    /// Weights of title, sapo and body.
    public static let fieldWeights: [Double] = [4, 2, 1]
    /// How much an occurrence of another reading of a syllable typed with diacritics counts in F.
    public static let otherReadingWeight = 0.3

    private let accented: [Bool]
    private let accentedCount: Int

    /// The ranking for a query.
    public init(query: SearchQuery) {
        self.init(accented: query.terms.map(\.hasDiacritics))
    }

    /// The ranking for a query whose terms do or do not carry diacritics, in order.
    public init(accented: [Bool]) {
        self.accented = accented
        accentedCount = accented.filter { $0 }.count
    }

    /// The score of a document's matches; higher is better.
    public func score(_ features: MatchFeatures) -> Double {
        let terms = features.termCount
        guard terms > 0, terms == accented.count else { return 0 }
        let fields = SearchField.allCases

        var exactness = 1.0
        if accentedCount > 0 {
            var found = 0
            for term in 0..<terms where accented[term] {
                if fields.contains(where: { features.exactCount(term: term, field: $0) > 0 }) { found += 1 }
            }
            exactness = Double(found) / Double(accentedCount)
        }

        var phrase = 0.0
        var fieldTotal = 0.0
        var pairsAnywhere: UInt64 = 0
        var phraseAnywhere = false
        for field in fields {
            var cover = 0.0
            for term in 0..<terms {
                let count = Double(features.count(term: term, field: field))
                guard count > 0 else { continue }
                var weighted = count
                if accented[term], features.exactCount(term: term, field: field) == 0 {
                    weighted = Self.otherReadingWeight * count
                }
                cover += weighted / (weighted + 1)
            }
            cover /= Double(terms)
            guard cover > 0 else { continue }
            var fieldPhrase = cover
            if terms > 1 {
                var adjacent = 0
                for pair in 0..<(terms - 1) where features.isAdjacent(pair: pair, field: field) {
                    adjacent += 1
                    pairsAnywhere |= 1 << UInt64(pair)
                }
                let hasPhrase = adjacent == terms - 1 && features.hasPhrase(field: field)
                if hasPhrase { phraseAnywhere = true }
                fieldPhrase = hasPhrase ? 1 : 0.5 * Double(adjacent) / Double(terms - 1)
            }
            fieldTotal += Self.fieldWeights[field.rawValue] * (cover + fieldPhrase) / 2
        }
        if terms > 1 {
            let pairs = Double(pairsAnywhere.nonzeroBitCount)
            phrase = (pairs + (phraseAnywhere ? Double(terms - 1) : 0)) / Double(2 * (terms - 1))
        }
        let weightSum = Self.fieldWeights.reduce(0, +)
        let fieldScore = Self.fieldScale * fieldTotal / weightSum
        return Self.exactnessWeight * exactness + Self.phraseWeight * phrase + fieldScore
    }
}
