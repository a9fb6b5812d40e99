import Foundation
import GRDB
import GRDBSQLite
import NewsSearch

/// A query as FTS5 sees it: MATCH expressions made only of quoted tokens already in index form (so nothing typed is
/// ever read as FTS5 syntax), and the plan that tells the ranking function which phrase is which term.
struct SearchMatch {
    /// Every term (its folded token, or its exact reading), AND the section facets: `("duong" OR "đường") AND "sat"`.
    /// The exact readings add no match (each implies its folded token) but let the ranking see where they are.
    let expression: String
    /// The same matches with folded tokens only, cheaper to count.
    let countExpression: String
    /// One letter per phrase of `expression`, in order: term index as a letter, lowercase for the folded token,
    /// uppercase for the exact reading ("aAbc"). Phrases past its end (facets) are not terms.
    let plan: String

    init(query: SearchQuery, sectionIDs: [Int64]?) {
        var groups: [String] = []
        var counted: [String] = []
        var plan = ""
        for (index, term) in query.terms.enumerated() {
            let letter = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(index)))
            plan.append(letter)
            counted.append("\"\(term.folded)\"")
            if term.hasDiacritics {
                plan.append(Character(letter.uppercased()))
                groups.append("(\"\(term.folded)\" OR \"\(term.exact)\")")
            } else {
                groups.append("\"\(term.folded)\"")
            }
        }
        if let sectionIDs {
            let facets = "(" + sectionIDs.map { "\"\(SearchFacets.section($0))\"" }.joined(separator: " OR ") + ")"
            groups.append(facets)
            counted.append(facets)
        }
        expression = groups.joined(separator: " AND ")
        countExpression = counted.joined(separator: " AND ")
        self.plan = plan
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

/// `toasoan_match(search_index, plan)`: the score of the current row by `SearchRanking`, from where the query's folded
/// tokens sit in title, sapo and body (FTS5 position lists) and in which fields its exact readings occur; registered on
/// every connection.
enum SearchMatchFunction {
    static let name = "toasoan_match"

    /// Registers the function on a connection.
    static func register(_ db: Database) {
        let api = FTS5.api(db)
        let code = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, score, nil)
        precondition(code == SQLITE_OK, "FTS5 refused the ranking function (code \(code))")
    }

    /// What one query keeps between rows: the ranking, which phrase is which term, reusable features.
    private final class Scorer {
        let ranking: SearchRanking
        /// Per phrase: the term, and whether it is the exact reading.
        let roles: [(term: Int, isExact: Bool)]
        var features: MatchFeatures

        init(plan: String) {
            var roles: [(Int, Bool)] = []
            var accented: [Bool] = []
            for scalar in plan.unicodeScalars {
                let isExact = scalar.value < 0x61
                let term = Int(scalar.value) - (isExact ? 0x41 : 0x61)
                guard term >= 0, term < SearchQuery.maxTerms else { continue }
                while accented.count <= term { accented.append(false) }
                if isExact { accented[term] = true }
                roles.append((term, isExact))
            }
            self.roles = roles
            ranking = SearchRanking(accented: accented)
            features = MatchFeatures(termCount: accented.count)
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
        let phrases = min(Int(api.pointee.xPhraseCount(context)), scorer.roles.count)
        for phrase in 0..<phrases {
            let role = scorer.roles[phrase]
            var iterator = Fts5PhraseIter()
            var column: CInt = 0
            var offset: CInt = 0
            guard api.pointee.xPhraseFirst(context, CInt(phrase), &iterator, &column, &offset) == SQLITE_OK else { continue }
            // Columns 0–2 hold folded tokens at their positions, 3–5 the exact readings of the same fields.
            while column >= 0 {
                if role.isExact, let field = SearchField(rawValue: Int(column) - 3) {
                    scorer.features.addExactOccurrence(term: role.term, field: field)
                } else if !role.isExact, let field = SearchField(rawValue: Int(column)) {
                    scorer.features.addOccurrence(term: role.term, field: field, position: offset)
                }
                api.pointee.xPhraseNext(context, &iterator, &column, &offset)
            }
        }
        sqlite3_result_double(result, scorer.ranking.score(scorer.features))
    }
}
