import Foundation
import NIOCore
import NewsDomain
import NewsSearch
import NewsStore
import NewsText
import PostgresNIO

/// Full-text search with the SQLite store's folding and ranking, on plain PostgreSQL (no extension, no `to_tsvector`).
///
/// **Rows.** `search_documents` has the SQLite store's rows, planned by the same code (`SearchRowPlan`, `SearchKeys`):
/// a readers' row for a published article's live version keyed by publication time, so that "visible at `now`", the
/// date filters and "newest first" are ranges and orders of the primary key, and a newsroom row for a different working
/// version. Each row holds the version's index form (`SearchRowTokens`, the same tokens FTS5 gets): its section, its
/// distinct folded terms (`terms`, GIN-indexed) and, per field, each term's positions as a `tsvector` whose literal is
/// built here, since PostgreSQL's own parser would cut and change the tokens. The rows change in the transaction that
/// changes the article (`updateSearchIndex`, called where the SQLite store calls its own).
///
/// **Matching and ranking.** A row matches when its `terms` hold every query term (`terms @> …`) and it is in scope. The
/// newest `SearchWindow.size` matches are fetched with the positions of the query's terms only
/// (`ts_filter(setweight(…))`, in the server) and their readings, and scored here by `SearchRanking` from the same
/// `MatchFeatures` the SQLite store's ranking function fills from FTS5; the page is cut by `SearchWindow`.
///
/// **Limits of the form.** A `tsvector` keeps positions up to 16,383 and 256 per term: positions past those are left
/// out, so only a body of more than about 16,000 syllables, or one syllable more than 256 times, can score a little
/// differently than on SQLite (adjacency in its tail; counts are saturated long before).
extension PostgresNewsStore: SearchStore {
    /// Documents in which a suggestion counts the readings of a syllable (as on SQLite).
    static let readingSampleSize = 200
    /// The highest position a `tsvector` holds.
    static let maximumPosition = 16_383
    /// The most positions a `tsvector` holds per term.
    static let maximumPositions = 256

    public func search(_ request: SearchRequest) async throws -> SearchResults {
        let query = SearchQuery(request.query)
        guard !query.isEmpty else { return SearchResults(hits: [], totalCount: 0, page: request.page) }
        return try await read { session in try await Self.search(session, query: query, request: request) }
    }

    public func rebuildSearchIndex(progress: @escaping @Sendable (Int, Int) -> Void) async throws {
        try await write(longRunning: true) { session in try await Self.rebuildSearchIndex(session, progress: progress) }
    }

    /// Moves the GIN index's pending entries into the index proper and refreshes the planner's statistics (which decide
    /// between the GIN index and a walk of the keys): worth it after a large import.
    public func optimizeSearchIndex() async throws {
        try await write(longRunning: true) { session in
            try await session.execute("SELECT gin_clean_pending_list('search_documents_terms'::regclass)")
            try await session.execute("ANALYZE search_documents")
            try await session.execute("ANALYZE search_vocabulary")
        }
    }

    // MARK: - Searching

    /// Where a search looks: the key range, and for the newsroom the article's status and dates; the sections.
    private struct SearchScopeSQL: Sendable {
        var lowest: Int64
        var highest: Int64
        var newsroom = false
        var status: String?
        var from: Double?
        var until: Double?
        var sectionIDs: [Int64]?

        init(_ request: SearchRequest, sectionIDs: [Int64]?) {
            self.sectionIDs = sectionIDs
            switch request.scope {
            case .published(let now):
                (lowest, highest) = SearchKeys.readerRange(
                    now: now.storageValue, from: request.from?.storageValue, until: request.until?.storageValue
                )
            case .newsroom(let status):
                lowest = Int64.min
                highest = Int64.max
                newsroom = true
                self.status = status?.rawValue
                from = request.from?.storageValue
                until = request.until?.storageValue
            }
        }

        /// Appends `FROM search_documents d … WHERE` the rows in scope holding every one of `terms` (bound as
        /// `termsPlaceholder`), with keys from `lowest`.
        func appendMatch(to statement: StatementBuilder, termsPlaceholder: String, lowest: Int64) throws {
            statement.append(" FROM search_documents d")
            if newsroom { statement.append(" JOIN articles a ON a.id = d.article_id") }
            statement.append(" WHERE d.terms @> \(termsPlaceholder)::text[]")
            statement.append(" AND d.id BETWEEN \(try statement.bind(lowest)) AND \(try statement.bind(highest))")
            if let sectionIDs { statement.append(" AND d.section_id = ANY(\(try statement.bind(sectionIDs)))") }
            guard newsroom else { return }
            statement.append(" AND d.working")
            if let status { statement.append(" AND a.status = \(try statement.bind(status))") }
            if let from { statement.append(" AND a.published_at >= \(try statement.bind(from))") }
            if let until { statement.append(" AND a.published_at < \(try statement.bind(until))") }
        }
    }

    private static func search(_ session: PostgresSession, query: SearchQuery, request: SearchRequest) async throws -> SearchResults {
        var sectionIDs: [Int64]?
        if let section = request.sectionID {
            sectionIDs = try await session.rows(
                "SELECT id FROM sections WHERE id = \(section.rawValue) OR parent_id = \(section.rawValue) ORDER BY id"
            ).map { try $0.decode(Int64.self) }
            if sectionIDs?.isEmpty ?? true { return SearchResults(hits: [], totalCount: 0, page: request.page) }
        }
        let scope = SearchScopeSQL(request, sectionIDs: sectionIDs)
        guard scope.lowest <= scope.highest else { return SearchResults(hits: [], totalCount: 0, page: request.page) }

        let page = request.page
        let window = SearchWindow(
            newest: try await scoredRows(session, query: query, scope: scope, after: nil, limit: SearchWindow.size + 1, offset: 0),
            offset: page.offset, pageSize: page.size
        )
        var pageRows = window.ranked
        if let beyond = window.beyond {
            pageRows += try await scoredRows(
                session, query: query, scope: scope, after: beyond.after, limit: beyond.limit, offset: beyond.offset
            )
        }
        let hits = try await fetchHits(session, rows: pageRows, scope: request.scope, highlighter: SearchHighlighter(query: query))
        var suggestion: String?
        if window.total == 0 {
            suggestion = try await suggest(session, for: query, scope: scope)
        }
        return SearchResults(
            hits: hits, totalCount: window.total, totalIsLowerBound: window.totalIsLowerBound, page: page,
            suggestion: suggestion
        )
    }

    /// The distinct folded terms of a query, for matching.
    private static func matchTerms(_ query: SearchQuery) -> [String] {
        var seen = Set<String>()
        return query.terms.map(\.folded).filter { seen.insert($0).inserted }
    }

    /// Matches newest first, that is in ascending key order (after the key `after`, when given), with their scores:
    /// the rows' positions of the query's terms and their readings come in the same round trip, and are scored by
    /// `SearchRanking` as the SQLite store's ranking function scores them.
    private static func scoredRows(
        _ session: PostgresSession, query: SearchQuery, scope: SearchScopeSQL, after: Int64?, limit: Int, offset: Int
    ) async throws -> [ScoredMatch] {
        let lowest = after.map { max($0 + 1, scope.lowest) } ?? scope.lowest
        let statement = StatementBuilder()
        let terms = try statement.bind(matchTerms(query))
        statement.append("""
            SELECT w.id, w.readings, f.field, u.lexeme, u.positions
            FROM (SELECT d.id, d.readings, d.title_positions, d.sapo_positions, d.body_positions
            """)
        try scope.appendMatch(to: statement, termsPlaceholder: terms, lowest: lowest)
        statement.append(" ORDER BY d.id LIMIT \(try statement.bind(limit)) OFFSET \(try statement.bind(offset))) w")
        statement.append("""
             CROSS JOIN LATERAL (VALUES (0, w.title_positions), (1, w.sapo_positions), (2, w.body_positions)) f(field, tsv)
             LEFT JOIN LATERAL unnest(ts_filter(setweight(f.tsv, 'A', \(terms)::text[]), '{a}')) u ON true
            """)

        var readings: [Int64: ByteBuffer] = [:]
        var occurrences: [Int64: [(field: SearchField, lexeme: String, positions: [Int16])]] = [:]
        try await session.forEachRow(statement.query) { row in
            let (key, encoded, field, lexeme, positions) = try row.decode((Int64, ByteBuffer, Int32, String?, [Int16]?).self)
            if readings[key] == nil { readings[key] = encoded }
            guard let lexeme, let positions, let searchField = SearchField(rawValue: Int(field)) else {
                if occurrences[key] == nil { occurrences[key] = [] }
                return
            }
            occurrences[key, default: []].append((searchField, lexeme, positions))
        }

        let exact: [UInt32?] = query.terms.map { $0.hasDiacritics ? $0.exactHash : nil }
        let ranking = SearchRanking(accented: exact.map { $0 != nil })
        var features = MatchFeatures(termCount: query.terms.count)
        var rows: [ScoredMatch] = []
        rows.reserveCapacity(readings.count)
        for key in readings.keys.sorted() {
            features.removeAll()
            for occurrence in occurrences[key] ?? [] {
                for (term, searchTerm) in query.terms.enumerated() where searchTerm.folded == occurrence.lexeme {
                    for position in occurrence.positions {
                        features.addOccurrence(term: term, field: occurrence.field, position: Int32(position) - 1)
                    }
                }
            }
            if let encoded = readings[key] {
                let bytes = Array(encoded.readableBytesView)
                bytes.withUnsafeBytes { buffer in
                    for (term, reading) in exact.enumerated() {
                        guard let reading else { continue }
                        for field in SearchField.allCases where ExactReadings.contains(reading, in: field, encoded: buffer) {
                            features.addExactOccurrence(term: term, field: field)
                        }
                    }
                }
            }
            rows.append(ScoredMatch(key: key, score: ranking.score(features)))
        }
        return rows
    }

    /// The hits for rows, in their order, with highlighted title and snippet. A readers' row is checked once more
    /// against the article (published, that live version, its time come), so that a reader can never be shown an
    /// article that is not visible, whatever the index says.
    private static func fetchHits(
        _ session: PostgresSession, rows: [ScoredMatch], scope: SearchScope, highlighter: SearchHighlighter
    ) async throws -> [SearchHit] {
        guard !rows.isEmpty else { return [] }
        let statement = StatementBuilder("""
            SELECT d.id, a.id, a.external_id, a.status, a.published_at, v.slug, v.title, v.sapo, v.body, \(Columns.section)
            FROM search_documents d
            JOIN articles a ON a.id = d.article_id
            JOIN article_versions v ON v.id = d.version_id
            JOIN sections s ON s.id = v.section_id
            """)
        statement.append(" WHERE d.id = ANY(\(try statement.bind(rows.map(\.key))))")
        if case .published(let now) = scope {
            statement.append(" AND a.published_version_id = d.version_id AND ")
            statement.append(ReaderSQL.visible(now: try statement.bind(now.storageValue)))
        }
        var byKey: [Int64: (hit: SearchHit, sapo: String, body: String)] = [:]
        for row in try await session.rows(statement.query) {
            let cells = RowCells(row)
            let title: String = try cells[6]
            let hit = SearchHit(
                id: ArticleID(try cells[1]), externalID: try cells[2], title: title, titleHTML: "", snippetHTML: "",
                slug: try cells[5], section: try Columns.section(cells, at: 9),
                publishedAt: (try cells[4] as Double?).map(Date.init(storageValue:)),
                status: ArticleStatus(rawValue: try cells[3]) ?? .draft, score: 0
            )
            byKey[try cells[0]] = (hit, try cells[7], try cells[8])
        }
        let found = rows.compactMap { scored in byKey[scored.key].map { ($0.hit, $0.sapo, $0.body, scored.score) } }
        // Highlighting reads every syllable of each hit's text, most of a search's own work: on every core.
        return found.concurrentMap(minimumCount: 2) { hit, sapo, body, score in
            var hit = hit
            hit.titleHTML = highlighter.highlight(hit.title)
            hit.snippetHTML = highlighter.snippet(from: [sapo, SearchText.plain(markdown: body)])
            hit.score = score
            return hit
        }
    }

    /// The first corrected form of the query that finds something in the same scope and filters, if any. The
    /// look-ups of `SearchSuggestions` go to the server in batches (a few round trips, not one per syllable).
    private static func suggest(_ session: PostgresSession, for query: SearchQuery, scope: SearchScopeSQL) async throws -> String? {
        let candidates = try await SearchSuggestions.batchedCandidates(for: query) { terms in
            var counts: [String: Int] = [:]
            for row in try await session.rows("SELECT term, doc FROM search_vocabulary WHERE term = ANY(\(terms))") {
                let (term, doc) = try row.decode((String, Int64).self)
                counts[term] = Int(doc)
            }
            return counts
        } readingCounts: { terms in
            // The readings of a syllable, counted in the newest documents that hold it (as on SQLite: lowest keys).
            let asked = terms.filter { $0.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
            var documents: [String: [[UInt8]]] = [:]
            if !asked.isEmpty {
                for row in try await session.rows("""
                    SELECT t.term, s.readings FROM unnest(\(asked)::text[]) AS t(term)
                    CROSS JOIN LATERAL (
                        SELECT readings FROM search_documents WHERE terms @> ARRAY[t.term] ORDER BY id
                        LIMIT \(readingSampleSize)
                    ) s
                    """) {
                    let (term, readings) = try row.decode((String, ByteBuffer).self)
                    documents[term, default: []].append(Array(readings.readableBytesView))
                }
            }
            var counts: [String: [String: Int]] = [:]
            for term in terms {
                counts[term] = asked.contains(term)
                    ? ExactReadings.readingCounts(ofFolded: term, in: documents[term] ?? []) : [:]
            }
            return counts
        }
        for candidate in candidates {
            let corrected = SearchQuery(candidate)
            guard !corrected.isEmpty, corrected.terms != query.terms else { continue }
            let statement = StatementBuilder("SELECT 1")
            let terms = try statement.bind(matchTerms(corrected))
            try scope.appendMatch(to: statement, termsPlaceholder: terms, lowest: scope.lowest)
            statement.append(" LIMIT 1")
            if !(try await session.rows(statement.query)).isEmpty { return candidate }
        }
        return nil
    }

    // MARK: - Keeping the index

    /// Brings an article's rows in the index in line with its state (see `SearchRowPlan`). Called in the transaction
    /// of every change of an article's versions or state (create, save, restore, transitions, scheduled publishing,
    /// import), after the article's row is written, so the index is never out of step with what it describes.
    static func updateSearchIndex(_ session: PostgresSession, articleID: Int64) async throws {
        try await updateSearchIndex(session, articleIDs: [articleID])
    }

    /// `updateSearchIndex(_:articleID:)` for many articles at once (an import). The articles' rows are locked by the
    /// caller (the editorial paths and the import lock them first), so no other transaction changes their index rows
    /// meanwhile. `prepared` may hold the index form of versions' texts, computed ahead.
    static func updateSearchIndex(
        _ session: PostgresSession, articleIDs: [Int64], prepared: [Int64: SearchRowTokens] = [:]
    ) async throws {
        var seen = Set<Int64>()
        let ids = articleIDs.filter { seen.insert($0).inserted }
        guard !ids.isEmpty else { return }
        var articles: [Int64: (status: String, current: Int64?, live: Int64?, publishedAt: Double?)] = [:]
        for row in try await session.rows("""
            SELECT id, status, current_version_id, published_version_id, published_at FROM articles WHERE id = ANY(\(ids))
            """) {
            let (id, status, current, live, publishedAt) = try row.decode((Int64, String, Int64?, Int64?, Double?).self)
            articles[id] = (status, current, live, publishedAt)
        }
        var existing: [Int64: [SearchRowPlan.Existing]] = [:]
        for row in try await session.rows(
            "SELECT article_id, id, version_id, working FROM search_documents WHERE article_id = ANY(\(ids))"
        ) {
            let (articleID, key, versionID, working) = try row.decode((Int64, Int64, Int64, Bool).self)
            existing[articleID, default: []].append(SearchRowPlan.Existing(key: key, versionID: versionID, working: working))
        }

        var workingChanges: [(key: Int64, working: Bool)] = []
        var removals: [Int64] = []
        var additions: [(articleID: Int64, addition: SearchRowPlan.Addition)] = []
        for id in ids {
            guard let article = articles[id] else { continue }
            let plan = SearchRowPlan(
                articleID: id, isPublished: article.status == ArticleStatus.published.rawValue,
                currentVersionID: article.current, liveVersionID: article.live, publishedAt: article.publishedAt,
                existing: existing[id] ?? []
            )
            workingChanges += plan.workingChanges
            removals += plan.removals.map(\.key)
            additions += plan.additions.map { (id, $0) }
        }
        var vocabulary: [String: Int64] = [:]
        for change in workingChanges {
            try await session.execute("UPDATE search_documents SET working = \(change.working) WHERE id = \(change.key)")
        }
        if !removals.isEmpty {
            for row in try await session.rows("DELETE FROM search_documents WHERE id = ANY(\(removals)) RETURNING terms") {
                for term in try row.decode([String].self) { vocabulary[term, default: 0] -= 1 }
            }
        }
        // Keys: the first choice, or the next free one on the rare clash (two articles in the same second whose ids
        // agree in their low 20 bits).
        var keys: [Int64] = []
        if !additions.isEmpty {
            let taken = Set(try await session.rows("""
                SELECT id FROM search_documents WHERE id = ANY(\(additions.map(\.addition.firstKey)))
                """).map { try $0.decode(Int64.self) })
            var used = Set<Int64>()
            for (_, addition) in additions {
                var key = addition.firstKey
                while true {
                    if !used.contains(key) {
                        let stored = key == addition.firstKey
                            ? taken.contains(key)
                            : !(try await session.rows("SELECT 1 FROM search_documents WHERE id = \(key)")).isEmpty
                        if !stored { break }
                    }
                    key += 1
                }
                used.insert(key)
                keys.append(key)
            }
        }
        let rows = zip(additions, keys).map { item, key in
            NewSearchRow(key: key, articleID: item.articleID, versionID: item.addition.versionID, working: item.addition.working)
        }
        try await insertSearchRows(session, rows, prepared: prepared, vocabulary: &vocabulary)
        try await applyVocabulary(session, vocabulary)
    }

    /// A row to add to `search_documents`.
    private struct NewSearchRow: Sendable {
        var key: Int64
        var articleID: Int64
        var versionID: Int64
        var working: Bool
    }

    /// Adds rows with their versions' index form, in chunks (the texts of a chunk are read in one query and turned into
    /// tokens on every core), counting each row's terms into `vocabulary`; `progress` gets the rows written.
    private static func insertSearchRows(
        _ session: PostgresSession, _ rows: [NewSearchRow], prepared: [Int64: SearchRowTokens],
        vocabulary: inout [String: Int64], progress: ((Int) -> Void)? = nil
    ) async throws {
        let chunkSize = 256
        var done = 0
        for start in stride(from: 0, to: rows.count, by: chunkSize) {
            let chunk = Array(rows[start..<min(start + chunkSize, rows.count)])
            var texts: [Int64: SearchRowText] = [:]
            for row in try await session.rows("""
                SELECT id, title, sapo, body, section_id FROM article_versions WHERE id = ANY(\(chunk.map(\.versionID)))
                """) {
                let (id, title, sapo, body, sectionID) = try row.decode((Int64, String, String, String, Int64).self)
                texts[id] = SearchRowText(title: title, sapo: sapo, body: body, sectionID: sectionID)
            }
            let forms: [SearchRowForm?] = chunk.concurrentMap { row in
                guard let text = texts[row.versionID] else { return nil }
                return SearchRowForm(prepared[row.versionID] ?? SearchRowTokens(text), sectionID: text.sectionID)
            }
            var keys: [Int64] = [], articleIDs: [Int64] = [], versionIDs: [Int64] = [], working: [Bool] = []
            var readings: [ByteBuffer] = [], sections: [Int64] = [], terms: [String] = []
            var title: [String] = [], sapo: [String] = [], body: [String] = []
            for (row, form) in zip(chunk, forms) {
                guard let form else { continue }
                keys.append(row.key)
                articleIDs.append(row.articleID)
                versionIDs.append(row.versionID)
                working.append(row.working)
                readings.append(ByteBuffer(bytes: form.readings))
                sections.append(form.sectionID)
                terms.append(form.terms.joined(separator: " "))
                title.append(form.positions[0])
                sapo.append(form.positions[1])
                body.append(form.positions[2])
                for term in form.terms { vocabulary[term, default: 0] += 1 }
            }
            if !keys.isEmpty {
                // Terms never hold a space (tokens are split at every byte up to U+0020), so they travel as one text.
                try await session.execute("""
                    INSERT INTO search_documents (id, article_id, version_id, working, readings, section_id, terms,
                        title_positions, sapo_positions, body_positions)
                    SELECT r.id, r.article_id, r.version_id, r.working, r.readings, r.section_id,
                        CASE WHEN r.terms = '' THEN '{}'::text[] ELSE string_to_array(r.terms, ' ') END,
                        r.title::tsvector, r.sapo::tsvector, r.body::tsvector
                    FROM unnest(\(keys)::bigint[], \(articleIDs)::bigint[], \(versionIDs)::bigint[], \(working)::boolean[],
                        \(readings)::bytea[], \(sections)::bigint[], \(terms)::text[], \(title)::text[], \(sapo)::text[],
                        \(body)::text[])
                        AS r(id, article_id, version_id, working, readings, section_id, terms, title, sapo, body)
                    """)
            }
            done += chunk.count
            progress?(done)
        }
    }

    /// Applies per-term changes of the number of rows holding each term, in one statement in term order (so that two
    /// writers changing overlapping terms lock them in the same order and cannot deadlock), then drops terms no row
    /// holds any more.
    private static func applyVocabulary(_ session: PostgresSession, _ changes: [String: Int64]) async throws {
        let changed = changes.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        guard !changed.isEmpty else { return }
        let terms = changed.map(\.key)
        try await session.execute("""
            INSERT INTO search_vocabulary (term, doc)
            SELECT t, d FROM unnest(\(terms)::text[], \(changed.map(\.value))::bigint[]) AS x(t, d) ORDER BY t COLLATE "C"
            ON CONFLICT (term) DO UPDATE SET doc = search_vocabulary.doc + excluded.doc
            """)
        try await session.execute("DELETE FROM search_vocabulary WHERE term = ANY(\(terms)) AND doc <= 0")
    }

    /// Empties the index and indexes every article again, reporting `(done, total)` in articles about every 256 rows,
    /// then refreshes the planner's statistics. Articles cannot change meanwhile (a SHARE lock on `articles`, taken
    /// once the writers in progress have committed): a write to an article during the rebuild would plan its index rows
    /// from rows the rebuild is replacing. Other nodes' writes wait for it, as they wait for SQLite's single writer.
    static func rebuildSearchIndex(_ session: PostgresSession, progress: (@Sendable (Int, Int) -> Void)?) async throws {
        try await session.execute("LOCK TABLE articles IN SHARE MODE")
        try await session.execute("DELETE FROM search_documents")
        try await session.execute("DELETE FROM search_vocabulary")
        var rows: [NewSearchRow] = []
        var articles = 0
        var used = Set<Int64>()
        try await session.forEachRow("""
            SELECT id, status, current_version_id, published_version_id, published_at FROM articles ORDER BY id
            """) { row in
            let (id, status, current, live, publishedAt) = try row.decode((Int64, String, Int64?, Int64?, Double?).self)
            articles += 1
            let plan = SearchRowPlan(
                articleID: id, isPublished: status == ArticleStatus.published.rawValue, currentVersionID: current,
                liveVersionID: live, publishedAt: publishedAt, existing: []
            )
            for addition in plan.additions {
                var key = addition.firstKey
                while used.contains(key) { key += 1 }
                used.insert(key)
                rows.append(NewSearchRow(key: key, articleID: id, versionID: addition.versionID, working: addition.working))
            }
        }
        progress?(0, articles)
        // Written in key order, as SQLite writes them.
        rows.sort { $0.key < $1.key }
        var vocabulary: [String: Int64] = [:]
        let total = rows.count
        try await insertSearchRows(session, rows, prepared: [:], vocabulary: &vocabulary) { written in
            if written < total { progress?(min(articles - 1, written * articles / max(total, 1)), articles) }
        }
        try await applyVocabulary(session, vocabulary)
        if articles > 0 { progress?(articles, articles) }
        try await session.execute("ANALYZE search_documents")
    }
}

/// A version's index form as `search_documents` stores it: its distinct terms, and per field the `tsvector` literal of
/// its terms' positions (1-based: FTS5 offset + 1), built here rather than by `to_tsvector`, whose parser would cut
/// and change tokens.
struct SearchRowForm: Sendable {
    /// The distinct folded terms of title, sapo and body, sorted.
    var terms: [String]
    /// Per field (`SearchField` order), the `tsvector` literal of its terms' positions.
    var positions: [String]
    /// The encoded `ExactReadings`.
    var readings: [UInt8]
    /// The version's section.
    var sectionID: Int64

    /// The stored form of a version's index form.
    init(_ tokens: SearchRowTokens, sectionID: Int64) {
        self.sectionID = sectionID
        readings = tokens.readings
        var all = Set<String>()
        positions = tokens.fieldTokens.map { fieldTokens in
            var byTerm: [String: [Int]] = [:]
            var order: [String] = []
            for (offset, token) in fieldTokens.enumerated() {
                all.insert(token)
                let position = offset + 1
                guard position <= PostgresNewsStore.maximumPosition else { continue }
                if byTerm[token] == nil { order.append(token) }
                if byTerm[token, default: []].count < PostgresNewsStore.maximumPositions {
                    byTerm[token, default: []].append(position)
                }
            }
            return order.map { token in
                Self.quoted(token) + ":" + byTerm[token]!.map(String.init).joined(separator: ",")
            }.joined(separator: " ")
        }
        terms = all.sorted()
    }

    /// A lexeme as a `tsvector` literal writes it: in single quotes, with quotes doubled and backslashes escaped.
    static func quoted(_ token: String) -> String {
        var text = "'"
        for character in token {
            switch character {
            case "'": text += "''"
            case "\\": text += "\\\\"
            default: text.append(character)
            }
        }
        return text + "'"
    }
}
