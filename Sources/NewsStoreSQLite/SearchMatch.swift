import Foundation
import GRDB
import GRDBSQLite
import NewsSearch

/// A query as FTS5 sees it: a MATCH expression made only of quoted tokens already in index form (so nothing typed is
/// ever read as FTS5 syntax), and the plan that tells the ranking function which reading each term was typed in.
struct SearchMatch {
    /// Every term's folded token, AND the section facets: `"duong" AND "sat" AND ("#s1" OR "#s4")`. Phrase i is
    /// term i; the facets come last.
    let expression: String
    /// Per term, separated by spaces: the hash of its exact reading (`ExactReadings`) in hexadecimal when it was typed
    /// with diacritics, else "-" ("- 9c1e52f0").
    let plan: String

    init(query: SearchQuery, sectionIDs: [Int64]?) {
        var groups = query.terms.map { "\"\($0.folded)\"" }
        if let sectionIDs {
            groups.append("(" + sectionIDs.map { "\"\(SearchFacets.section($0))\"" }.joined(separator: " OR ") + ")")
        }
        expression = groups.joined(separator: " AND ")
        plan = query.terms.map { $0.hasDiacritics ? String($0.exactHash, radix: 16) : "-" }.joined(separator: " ")
    }
}

/// Tokens of the index's `facets` column, written out (see `SearchTokenizer`): what a search can filter on without
/// leaving the index.
enum SearchFacets {
    /// The token of a section.
    static func section(_ id: Int64) -> String { "#s\(id)" }

    /// The `facets` column value of a version filed under a section.
    static func columnValue(sectionID: Int64) -> String {
        SearchTokenizer.writtenOutMarker + section(sectionID)
    }
}

/// `toasoan_match(search_index, plan, readings)`: the score of the current row by `SearchRanking`, from where the
/// query's folded tokens sit in title, sapo and body (FTS5 position lists) and which fields hold the exact readings
/// typed (`readings`, the row's encoded `ExactReadings`); registered on every connection.
enum SearchMatchFunction {
    static let name = "toasoan_match"

    /// Registers the function on a connection.
    static func register(_ db: Database) {
        let api = FTS5.api(db)
        let code = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, score, nil)
        precondition(code == SQLITE_OK, "FTS5 refused the ranking function (code \(code))")
    }

    /// What one query keeps between rows: the ranking, the hashes of the readings typed, reusable features.
    private final class Scorer {
        let ranking: SearchRanking
        /// Per term, the hash of the exact reading typed, or nil for a term typed without diacritics.
        let readings: [UInt32?]
        var features: MatchFeatures

        init(plan: String) {
            readings = plan.split(separator: " ").prefix(SearchQuery.maxTerms).map { UInt32($0, radix: 16) }
            ranking = SearchRanking(accented: readings.map { $0 != nil })
            features = MatchFeatures(termCount: readings.count)
        }
    }

    private static let score: fts5_extension_function = { api, context, result, count, values in
        guard let api, let context, let result else { return }
        let scorer: Scorer
        if let stored = api.pointee.xGetAuxdata(context, 0) {
            scorer = Unmanaged<Scorer>.fromOpaque(stored).takeUnretainedValue()
        } else {
            guard count >= 1, let values, let text = sqlite3_value_text(values[0]) else {
                sqlite3_result_error(result, "toasoan_match needs a plan", -1)
                return
            }
            scorer = Scorer(plan: String(cString: text))
            let retained = Unmanaged.passRetained(scorer).toOpaque()
            let code = api.pointee.xSetAuxdata(context, retained) { pointer in
                if let pointer { Unmanaged<AnyObject>.fromOpaque(pointer).release() }
            }
            guard code == SQLITE_OK else {
                sqlite3_result_error_code(result, code)
                return
            }
        }
        scorer.features.removeAll()
        let phrases = min(Int(api.pointee.xPhraseCount(context)), scorer.readings.count)
        for term in 0..<phrases {
            var iterator = Fts5PhraseIter()
            var column: CInt = 0
            var offset: CInt = 0
            guard api.pointee.xPhraseFirst(context, CInt(term), &iterator, &column, &offset) == SQLITE_OK else { continue }
            while column >= 0 {
                if let field = SearchField(rawValue: Int(column)) {
                    scorer.features.addOccurrence(term: term, field: field, position: offset)
                }
                api.pointee.xPhraseNext(context, &iterator, &column, &offset)
            }
        }
        if count >= 2, let values, let blob = sqlite3_value_blob(values[1]) {
            let encoded = UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_value_bytes(values[1])))
            for (term, reading) in scorer.readings.enumerated() {
                guard let reading else { continue }
                for field in SearchField.allCases where ExactReadings.contains(reading, in: field, encoded: encoded) {
                    scorer.features.addExactOccurrence(term: term, field: field)
                }
            }
        }
        sqlite3_result_double(result, scorer.ranking.score(scorer.features))
    }
}
