import Foundation
import GRDB
import NewsDomain
import NewsSearch
import NewsStore
import NewsText

/// Full-text search over one FTS5 table, `search_index` (the folded syllables of title, sapo and body, and facets;
/// contentless, `SearchTokenizer`), and its map `search_documents` from FTS row to article version, which also holds
/// the row's exact readings (`ExactReadings`).
///
/// **Rows.** A published article has a readers' row for its live version, keyed by publication time (`SearchKeys`),
/// so that "visible at `now`", the date filters and "newest first" are ranges and orders of the FTS rowid itself and
/// cost no join. Its working version, when different (a revision in progress), and any article not published have a
/// newsroom row keyed before every readers' row (newest first is ascending keys). `search_documents.working` marks the rows holding working versions:
/// the newsroom searches those, readers search readers' rows. The rows change in the transaction that changes the
/// article (`updateSearchIndex`, called wherever an article's state or versions change).
///
/// **Ranking.** The newest `searchWindow` matches in scope are scored by `SearchRanking` inside SQLite
/// (`toasoan_match`, from FTS5 position lists and the row's exact readings) and ordered by score, then recency; older
/// matches follow, newest first.
/// A query of rare words is so ranked in full; a query of words in most articles is ranked among the recent ones,
/// which is what a reader of news asks for and keeps every search within a bounded amount of work. The count stops
/// at the window too: past it, `SearchResults.totalIsLowerBound` says "more than" (see `SearchResults.totalCount`).
extension SQLiteNewsStore: SearchStore {
    /// Matches ranked by score per search; beyond them, results go newest first.
    static let searchWindow = SearchWindow.size
    /// Documents in which a suggestion counts the readings of a syllable.
    static let readingSampleSize = 200

    public func search(_ request: SearchRequest) async throws -> SearchResults {
        let query = SearchQuery(request.query)
        guard !query.isEmpty else { return SearchResults(hits: [], totalCount: 0, page: request.page) }
        return try await read { db in try Self.search(db, query: query, request: request) }
    }

    public func rebuildSearchIndex(progress: @escaping @Sendable (Int, Int) -> Void) async throws {
        try await write { db in try Self.rebuildSearchIndex(db, progress: progress) }
    }

    public func optimizeSearchIndex() async throws {
        try await write { db in try db.execute(sql: "INSERT INTO search_index (search_index) VALUES ('optimize')") }
    }

    /// How many parts (FTS5 segments) the index is in: each is read by every search.
    public func searchIndexSegmentCount() async throws -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM search_index_idx") ?? 0 }
    }

    // MARK: - Searching

    /// Where a search looks: the rows, the extra SQL the scope needs, and the rowid range.
    private struct SearchScopeSQL {
        /// `FROM …` after `search_index`: the row map `d` (whose readings the ranking needs), and for the newsroom the
        /// article. Readers' rows are found by key first (CROSS JOIN fixes the order).
        var joins = " CROSS JOIN search_documents d ON d.id = search_index.rowid"
        /// Extra conditions after the MATCH.
        var conditions = ""
        var arguments: StatementArguments = []
        /// Inclusive rowid bounds.
        var lowest: Int64
        var highest: Int64

        init(_ request: SearchRequest) {
            switch request.scope {
            case .published(let now):
                (lowest, highest) = SearchKeys.readerRange(
                    now: now.storageValue, from: request.from?.storageValue, until: request.until?.storageValue
                )
            case .newsroom(let status):
                lowest = Int64.min
                highest = Int64.max
                joins += " JOIN articles a ON a.id = d.article_id"
                conditions = " AND d.working = 1"
                if let status {
                    conditions += " AND a.status = ?"
                    arguments += [status.rawValue]
                }
                if let from = request.from {
                    conditions += " AND a.published_at >= ?"
                    arguments += [from.storageValue]
                }
                if let until = request.until {
                    conditions += " AND a.published_at < ?"
                    arguments += [until.storageValue]
                }
            }
        }
    }

    private static func search(_ db: Database, query: SearchQuery, request: SearchRequest) throws -> SearchResults {
        var sectionIDs: [Int64]?
        if let section = request.sectionID {
            sectionIDs = try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT id FROM sections WHERE id = ? OR parent_id = ? ORDER BY id"),
                arguments: [section.rawValue, section.rawValue]
            )
            if sectionIDs?.isEmpty ?? true { return SearchResults(hits: [], totalCount: 0, page: request.page) }
        }
        let match = SearchMatch(query: query, sectionIDs: sectionIDs)
        let scope = SearchScopeSQL(request)
        guard scope.lowest <= scope.highest else { return SearchResults(hits: [], totalCount: 0, page: request.page) }

        // The newest matches (one more than the window, to know whether more match), scored, then the page cut from
        // them by `SearchWindow`: ranked by score and recency, newest first past the window.
        let page = request.page
        let window = SearchWindow(
            newest: try scoredRows(db, match: match, scope: scope, after: nil, limit: searchWindow + 1, offset: 0),
            offset: page.offset, pageSize: page.size
        )
        let total = window.total
        let totalIsLowerBound = window.totalIsLowerBound
        var pageRows = window.ranked
        if let beyond = window.beyond {
            pageRows += try scoredRows(
                db, match: match, scope: scope, after: beyond.after, limit: beyond.limit, offset: beyond.offset
            )
        }

        let highlighter = SearchHighlighter(query: query)
        let hits = try fetchHits(db, rows: pageRows, scope: request.scope, highlighter: highlighter)
        var suggestion: String?
        if total == 0 {
            suggestion = try suggest(db, for: query, request: request, sectionIDs: sectionIDs, scope: scope)
        }
        return SearchResults(
            hits: hits, totalCount: total, totalIsLowerBound: totalIsLowerBound, page: page, suggestion: suggestion
        )
    }

    /// Matches newest first, that is in ascending key order (after the key `after`, when given), with their scores.
    /// FTS5 reads its lists of articles much faster forwards than backwards, hence keys that fall as time goes on.
    private static func scoredRows(
        _ db: Database, match: SearchMatch, scope: SearchScopeSQL, after: Int64?, limit: Int, offset: Int
    ) throws -> [ScoredMatch] {
        let lowest = after.map { max($0 + 1, scope.lowest) } ?? scope.lowest
        let sql = """
            SELECT search_index.rowid, \(SearchMatchFunction.name)(search_index, ?, d.readings) FROM search_index\(scope.joins)
            WHERE search_index MATCH ? AND search_index.rowid BETWEEN ? AND ?\(scope.conditions)
            ORDER BY search_index.rowid LIMIT ? OFFSET ?
            """
        let arguments: StatementArguments =
            [match.plan, match.expression, lowest, scope.highest] + scope.arguments + [limit, offset]
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        var rows: [ScoredMatch] = []
        rows.reserveCapacity(min(limit, searchWindow + 1))
        while let row = try cursor.next() {
            rows.append(ScoredMatch(key: row[0], score: row[1]))
        }
        return rows
    }

    /// The hits for rows, in their order, with highlighted title and snippet. A readers' row is checked once more
    /// against the article (published, that live version, its time come), so that a reader can never be shown an
    /// article that is not visible, whatever the index says. The rows are looked up by key first (CROSS JOIN fixes the
    /// order): left to itself, SQLite walked every published article by the visibility index, a second per search.
    private static func fetchHits(
        _ db: Database, rows: [ScoredMatch], scope: SearchScope, highlighter: SearchHighlighter
    ) throws -> [SearchHit] {
        guard !rows.isEmpty else { return [] }
        var sql = """
            SELECT d.id, a.id, a.external_id, a.status, a.published_at, v.slug, v.title, v.sapo, v.body, \(Columns.section)
            FROM search_documents d
            CROSS JOIN articles a ON a.id = d.article_id
            CROSS JOIN article_versions v ON v.id = d.version_id
            CROSS JOIN sections s ON s.id = v.section_id
            WHERE d.id IN (\(ReaderSQL.placeholders(rows.count)))
            """
        var arguments = StatementArguments(rows.map(\.key))
        if case .published(let now) = scope {
            sql += " AND a.published_version_id = d.version_id AND \(ReaderSQL.visible)"
            arguments += [now.storageValue]
        }
        var byKey: [Int64: (hit: SearchHit, sapo: String, body: String)] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments) {
            let title: String = row[6]
            let hit = SearchHit(
                id: ArticleID(row[1]), externalID: row[2], title: title, titleHTML: "", snippetHTML: "", slug: row[5],
                section: Columns.section(row, at: 9), publishedAt: (row[4] as Double?).map(Date.init(storageValue:)),
                status: ArticleStatus(rawValue: row[3]) ?? .draft, score: 0
            )
            byKey[row[0]] = (hit, row[7], row[8])
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

    /// The first corrected form of the query that finds something in the same scope and filters, if any.
    private static func suggest(
        _ db: Database, for query: SearchQuery, request: SearchRequest, sectionIDs: [Int64]?, scope: SearchScopeSQL
    ) throws -> String? {
        let frequency = try db.cachedStatement(sql: "SELECT doc FROM search_vocabulary WHERE term = ?")
        // The readings of a syllable, counted in the newest documents that hold it.
        let sample = try db.cachedStatement(sql: """
            SELECT d.readings FROM search_index CROSS JOIN search_documents d ON d.id = search_index.rowid
            WHERE search_index MATCH ? LIMIT \(readingSampleSize)
            """)
        let candidates = try SearchSuggestions.candidates(for: query) { folded in
            try Int.fetchOne(frequency, arguments: [folded]) ?? 0
        } readingCounts: { folded in
            guard folded.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [:] }
            let documents = try Data.fetchAll(sample, arguments: ["\"\(folded)\""]).map { [UInt8]($0) }
            return ExactReadings.readingCounts(ofFolded: folded, in: documents)
        }
        for candidate in candidates {
            let corrected = SearchQuery(candidate)
            guard !corrected.isEmpty, corrected.terms != query.terms else { continue }
            let match = SearchMatch(query: corrected, sectionIDs: sectionIDs)
            let found = try Int.fetchOne(
                db,
                sql: """
                    SELECT 1 FROM search_index\(scope.joins)
                    WHERE search_index MATCH ? AND search_index.rowid BETWEEN ? AND ?\(scope.conditions) LIMIT 1
                    """,
                arguments: [match.expression, scope.lowest, scope.highest] + scope.arguments
            )
            if found != nil { return candidate }
        }
        return nil
    }

    // MARK: - Keeping the index

    /// Migration "2026-12-05-search-readings": the index, its vocabulary (for suggestions) and its row map with the
    /// rows' exact readings, filled from the articles already stored. It replaces the index of "2026-12-03-search-index",
    /// which also indexed the exact readings as FTS5 columns.
    static func createSearchIndex(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS search_vocabulary;
            DROP TABLE IF EXISTS search_index;
            DROP TABLE IF EXISTS search_documents;
            """)
        // Columns: the folded syllables of title, sapo and body at their positions; the facets. content='': the index
        // keeps no copy of the text (the versions hold it). columnsize=0: the ranking uses positions, never field
        // lengths. hashsize: the 1 MB default flushes a bulk import in hundreds of small segments that then have to be
        // merged.
        try db.execute(sql: """
            CREATE VIRTUAL TABLE search_index USING fts5(
                title, sapo, body, facets, content = '', columnsize = 0, tokenize = '\(SearchTokenizer.name)'
            );
            INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 16777216);
            CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(search_index, row);
            CREATE TABLE search_documents (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id),
                version_id INTEGER NOT NULL REFERENCES article_versions(id),
                working INTEGER NOT NULL,
                readings BLOB NOT NULL
            );
            CREATE INDEX search_documents_article ON search_documents(article_id);
            """)
        try rebuildSearchIndex(db, progress: nil)
    }

    /// Brings an article's rows in the index in line with its state: a readers' row for the live version of a
    /// published article, a newsroom row for a working version that is not that one. Called in the transaction of
    /// every change of an article's versions or state (create, save, restore, transitions, scheduled publishing,
    /// import), so the index is never out of step with what it describes.
    static func updateSearchIndex(_ db: Database, articleID: Int64) throws {
        try updateSearchIndex(db, articleIDs: [articleID])
    }

    /// `updateSearchIndex(_:articleID:)` for many articles at once (an import, a rebuild): the changes are planned
    /// article by article, then written in ascending key order. FTS5 holds written rows in memory and writes them out
    /// as one segment, but only while each row's key is above the previous one's: a lower key (articles arrive in any
    /// order of publication) makes it write out what it holds first, which in key order of arrival grew a segment of
    /// one or two articles at every step, then merged them over and over. `prepared` may hold the index form of
    /// versions' texts (`SearchRowTokens`), computed ahead.
    static func updateSearchIndex(
        _ db: Database, articleIDs: some Sequence<Int64>, prepared: [Int64: SearchRowTokens] = [:],
        progress: ((Int, Int) -> Void)? = nil
    ) throws {
        var writes: [SearchIndexWrite] = []
        var seen = Set<Int64>()
        var added = Set<Int64>()
        for articleID in articleIDs where seen.insert(articleID).inserted {
            try planSearchRows(db, articleID: articleID, writes: &writes, added: &added)
        }
        // Per key, a removal (of the text it held) before an addition (of the text it holds now).
        writes.sort { $0.key != $1.key ? $0.key < $1.key : ($0.delete && !$1.delete) }
        try writeSearchRows(db, writes, prepared: prepared, progress: progress)
    }

    /// A row to add to the index (and its row map) or take out of the index.
    private struct SearchIndexWrite {
        var key: Int64
        var versionID: Int64
        var delete: Bool
        /// For an addition: the row map's article and whether the row holds the working version.
        var articleID: Int64 = 0
        var working = false
    }

    /// Lists the index writes that bring an article's rows in line with it; rows that go are taken out of
    /// `search_documents` here, rows that come are added to it with their index rows (`added` holds their keys).
    private static func planSearchRows(
        _ db: Database, articleID: Int64, writes: inout [SearchIndexWrite], added: inout Set<Int64>
    ) throws {
        guard let article = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT status, current_version_id, published_version_id, published_at FROM articles WHERE id = ?"),
            arguments: [articleID]
        ) else { return }
        let existing = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT id, version_id, working FROM search_documents WHERE article_id = ?"),
            arguments: [articleID]
        ).map { SearchRowPlan.Existing(key: $0[0], versionID: $0[1], working: $0[2]) }
        let plan = SearchRowPlan(
            articleID: articleID, isPublished: (article[0] as String) == ArticleStatus.published.rawValue, currentVersionID: article[1],
            liveVersionID: article[2], publishedAt: article[3], existing: existing
        )
        for change in plan.workingChanges {
            try db.cachedStatement(sql: "UPDATE search_documents SET working = ? WHERE id = ?")
                .execute(arguments: [change.working, change.key])
        }
        for row in plan.removals {
            writes.append(SearchIndexWrite(key: row.key, versionID: row.versionID, delete: true))
            try db.cachedStatement(sql: "DELETE FROM search_documents WHERE id = ?").execute(arguments: [row.key])
        }
        let taken = try db.cachedStatement(sql: "SELECT 1 FROM search_documents WHERE id = ?")
        for row in plan.additions {
            var key = row.firstKey
            while try added.contains(key) || Bool.fetchOne(taken, arguments: [key]) ?? false {
                key += 1
            }
            added.insert(key)
            writes.append(SearchIndexWrite(key: key, versionID: row.versionID, delete: false, articleID: articleID, working: row.working))
        }
    }

    /// Adds versions' texts to the index under their keys (and their rows to the row map), or takes them out of it, in
    /// the order given: a contentless FTS5 table forgets a row only when told its text again, which an unchanging
    /// stored version always gives back identically. The texts are read in chunks and turned into tokens on every
    /// core (the bulk of indexing), then written one by one.
    private static func writeSearchRows(
        _ db: Database, _ writes: [SearchIndexWrite], prepared: [Int64: SearchRowTokens], progress: ((Int, Int) -> Void)?
    ) throws {
        let chunkSize = 256
        var done = 0
        let sectionOf = try db.cachedStatement(sql: "SELECT section_id FROM article_versions WHERE id = ?")
        let textOf = try db.cachedStatement(sql: "SELECT title, sapo, body, section_id FROM article_versions WHERE id = ?")
        let columns = "rowid, title, sapo, body, facets"
        let addRow = try db.cachedStatement(sql: "INSERT INTO search_index (\(columns)) VALUES (?, ?, ?, ?, ?)")
        let deleteRow = try db.cachedStatement(
            sql: "INSERT INTO search_index (search_index, \(columns)) VALUES ('delete', ?, ?, ?, ?, ?)"
        )
        let addDocument = try db.cachedStatement(
            sql: "INSERT INTO search_documents (id, article_id, version_id, working, readings) VALUES (?, ?, ?, ?, ?)"
        )
        for chunkStart in stride(from: 0, to: writes.count, by: chunkSize) {
            let chunk = writes[chunkStart..<min(chunkStart + chunkSize, writes.count)]
            var texts: [SearchRowText?] = []
            var ready: [Int: SearchRowValues] = [:]
            texts.reserveCapacity(chunk.count)
            for (index, write) in chunk.enumerated() {
                if let tokens = prepared[write.versionID], let sectionID = try Int64.fetchOne(sectionOf, arguments: [write.versionID]) {
                    ready[index] = SearchRowValues(tokens: tokens, sectionID: sectionID)
                    texts.append(nil)
                    continue
                }
                let version = try Row.fetchOne(textOf, arguments: [write.versionID])
                texts.append(version.map { SearchRowText(title: $0[0], sapo: $0[1], body: $0[2], sectionID: $0[3]) })
            }
            var values = SearchRowValues.make(texts)
            for (index, value) in ready { values[index] = value }
            for (write, value) in zip(chunk, values) {
                if let value {
                    let arguments: StatementArguments = [write.key] + StatementArguments(value.columns)
                    if write.delete {
                        try deleteRow.execute(arguments: arguments)
                    } else {
                        try addRow.execute(arguments: arguments)
                        try addDocument.execute(arguments: [
                            write.key, write.articleID, write.versionID, write.working, Data(value.tokens.readings),
                        ])
                    }
                }
                done += 1
                if let progress, done % 100 == 0 || done == writes.count { progress(done, writes.count) }
            }
        }
    }

    /// Empties the index and indexes every article again, reporting `(done, total)` about every 100 articles, then merges
    /// the index into one segment for the fastest searches.
    static func rebuildSearchIndex(_ db: Database, progress: (@Sendable (Int, Int) -> Void)?) throws {
        try db.execute(sql: "INSERT INTO search_index (search_index) VALUES ('delete-all')")
        try db.execute(sql: "DELETE FROM search_documents")
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM articles ORDER BY id")
        progress?(0, ids.count)
        // Progress in articles, from the rows written (about one per article).
        try updateSearchIndex(db, articleIDs: ids) { written, writes in
            if written < writes { progress?(min(ids.count - 1, written * ids.count / writes), ids.count) }
        }
        if !ids.isEmpty { progress?(ids.count, ids.count) }
        try db.execute(sql: "INSERT INTO search_index (search_index) VALUES ('optimize')")
    }
}

/// What an index row is written with: the token columns and facets (after its rowid), and the readings for the row map.
struct SearchRowValues: Sendable {
    var tokens: SearchRowTokens
    var sectionID: Int64

    init(tokens: SearchRowTokens, sectionID: Int64) {
        self.tokens = tokens
        self.sectionID = sectionID
    }

    /// The values of the index's columns after the rowid: folded title, sapo, body, facets.
    var columns: [String] { tokens.columns + [SearchFacets.columnValue(sectionID: sectionID)] }

    /// The values of each text, computed on every core when there are many.
    static func make(_ texts: [SearchRowText?]) -> [SearchRowValues?] {
        texts.concurrentMap { text in
            text.map { SearchRowValues(tokens: SearchRowTokens($0), sectionID: $0.sectionID) }
        }
    }
}
