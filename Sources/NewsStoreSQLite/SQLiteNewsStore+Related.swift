import Foundation
import GRDB
import NewsDomain
import NewsSimilarity
import NewsStore

/// The text-similarity cache behind the related box (tables of the migration "2026-12-03-related-similarity"):
///
/// - `related_terms`: per term (`TermHash`), in how many indexed articles it occurs (document frequency);
/// - `related_documents`: per indexed article, the live version whose text is counted in `related_terms`, and its
///   signature (`TermVector`, the heaviest TF-IDF terms);
/// - `related_postings`: the signatures inverted (term → articles with their weight), so that finding an article's
///   most similar ones reads only the articles sharing one of its terms;
/// - `related_similar`: per indexed article, its `TextSimilarity.listSize` most similar indexed articles with scores.
///
/// Only articles whose status is published and that have a live version are indexed; an article published for a
/// later time is indexed too, and the reader query hides it (and anything else readers may not see) with
/// `ReaderSQL.visible`.
extension SQLiteNewsStore: RelatedArticlesStore {
    /// Up to this many articles changed in one transaction (an import) are updated in it; more are left to
    /// `refreshRelated`, so that a large import does not pay for every article's similarity search in its transaction.
    static let relatedInlineLimit = 50
    /// Articles brought up to date per write transaction by `refreshRelated`, so that editorial writes wait briefly.
    static let relatedBatchSize = 20
    /// Candidates of a new article whose own list it may enter (the best-scoring ones).
    static let relatedReverseLimit = 200

    /// When this many articles are out of step, `refreshRelated` rebuilds the whole cache instead: cheaper per
    /// article, and all document frequencies come from one count instead of a corpus growing under the signatures.
    static func relatedRebuildThreshold(indexed: Int) -> Int { max(500, indexed / 5) }

    public func refreshRelated(now: Date) async throws -> Int {
        let (stale, refill, indexed) = try await read { db in
            (try Self.staleRelatedArticles(db), try Self.articlesNeedingRefill(db), try Self.indexedCount(db))
        }
        if stale.count >= Self.relatedRebuildThreshold(indexed: indexed) {
            try await rebuildRelated(progress: { _, _ in })
            return stale.count
        }
        var changed: Set<Int64> = []
        for chunk in stride(from: 0, to: stale.count, by: Self.relatedBatchSize).map({ stale[$0..<min($0 + Self.relatedBatchSize, stale.count)] }) {
            try await write { db in
                var touched = Set(chunk)
                for id in chunk { touched.formUnion(try Self.refreshRelatedArticle(db, id: id)) }
                try Self.recordRelatedChange(db, touched, now: now)
            }
            changed.formUnion(chunk)
        }
        for chunk in stride(from: 0, to: refill.count, by: Self.relatedBatchSize).map({ refill[$0..<min($0 + Self.relatedBatchSize, refill.count)] }) {
            try await write { db in
                var refilled: Set<Int64> = []
                for id in chunk where try Self.refillRelated(db, id: id) { refilled.insert(id) }
                try Self.recordRelatedChange(db, refilled, now: now)
            }
            changed.formUnion(chunk)
        }
        return changed.count
    }

    public func rebuildRelated(progress: @escaping @Sendable (Int, Int) -> Void) async throws {
        // Reading and computing take a snapshot and no write lock; only storing the result blocks writers. What
        // changes in between is caught up at the end of the same transaction.
        let computed = try await read { db in try Self.computeRelated(db, progress: progress) }
        try await write { db in
            try Self.storeRelated(db, computed)
            for id in try Self.staleRelatedArticles(db) { _ = try Self.refreshRelatedArticle(db, id: id) }
            // Every article page's related box may have changed.
            try Self.recordChange(db, [.latest], now: Date())
        }
        progress(computed.documents.count, computed.documents.count)
    }

    // MARK: - In the writer's transaction

    /// Brings the cache in step with the live versions of `articleIDs`, in the caller's transaction; beyond
    /// `relatedInlineLimit` articles, leaves them to `refreshRelated`.
    ///
    /// Page caches: the change already logs the article itself, which drops every page whose box shows it (and so
    /// every box it leaves); the articles whose lists it newly enters are logged here, since their pages did not show it.
    static func refreshRelated(_ db: Database, articleIDs: [ArticleID], now: Date) throws {
        guard articleIDs.count <= relatedInlineLimit else { return }
        var entered: Set<Int64> = []
        for id in articleIDs { entered.formUnion(try refreshRelatedArticle(db, id: id.rawValue)) }
        try recordRelatedChange(db, entered, now: now)
    }

    /// Brings the cache in step with one article: indexes its live version (replacing the one indexed before) or
    /// removes it when it has none readers could see. Returns the articles whose lists it entered and was not in before.
    static func refreshRelatedArticle(_ db: Database, id: Int64) throws -> Set<Int64> {
        let live = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT published_version_id FROM articles WHERE id = ? AND status = 'published'"),
            arguments: [id]
        )
        let indexed = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT version_id, signature FROM related_documents WHERE article_id = ?"), arguments: [id]
        )
        let indexedVersion = indexed.map { $0[0] as Int64 }
        guard indexedVersion != live else { return [] }
        var listedIn: Set<Int64> = []
        if let indexed {
            listedIn = Set(try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT article_id FROM related_similar WHERE similar_id = ?"), arguments: [id]
            ))
            try removeFromRelated(db, id: id, versionID: indexed[0], signature: [UInt8](indexed[1] as Data))
        }
        guard let live else { return [] }
        return try addToRelated(db, id: id, versionID: live).subtracting(listedIn)
    }

    /// Takes an article out of the cache: its term counts, signature, list, and its place in other lists (those
    /// lists are marked for refilling by `refreshRelated`).
    private static func removeFromRelated(_ db: Database, id: Int64, versionID: Int64, signature: [UInt8]) throws {
        let terms = Array(try termCounts(db, versionID: versionID).keys)
        for chunk in chunks(terms) {
            let list = ReaderSQL.placeholders(chunk.count)
            try db.execute(sql: "UPDATE related_terms SET df = df - 1 WHERE term IN (\(list))", arguments: StatementArguments(chunk))
            try db.execute(sql: "DELETE FROM related_terms WHERE term IN (\(list)) AND df <= 0", arguments: StatementArguments(chunk))
        }
        for chunk in chunks(TermVector(encoded: signature)?.terms ?? []) {
            try db.execute(
                sql: "DELETE FROM related_postings WHERE article_id = ? AND term IN (\(ReaderSQL.placeholders(chunk.count)))",
                arguments: [id] + StatementArguments(chunk)
            )
        }
        let losing = try Int64.fetchAll(db, sql: "SELECT article_id FROM related_similar WHERE similar_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM related_similar WHERE article_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM related_similar WHERE similar_id = ?", arguments: [id])
        for chunk in chunks(losing) {
            try db.execute(
                sql: "UPDATE related_documents SET needs_refill = 1 WHERE article_id IN (\(ReaderSQL.placeholders(chunk.count)))",
                arguments: StatementArguments(chunk)
            )
        }
        try db.execute(sql: "DELETE FROM related_documents WHERE article_id = ?", arguments: [id])
    }

    /// Indexes an article's live version: counts its terms, stores its signature, finds its most similar articles, and
    /// enters it into the lists of those it beats the last entry of. Returns the articles whose lists it entered.
    private static func addToRelated(_ db: Database, id: Int64, versionID: Int64) throws -> Set<Int64> {
        let counts = try termCounts(db, versionID: versionID)
        var frequencies: [Int64: Int] = [:]
        frequencies.reserveCapacity(counts.count)
        for chunk in chunks(Array(counts.keys)) {
            let values = Array(repeating: "(?, 1)", count: chunk.count).joined(separator: ", ")
            let rows = try Row.fetchAll(
                db,
                sql: "INSERT INTO related_terms (term, df) VALUES \(values) ON CONFLICT(term) DO UPDATE SET df = df + 1 RETURNING term, df",
                arguments: StatementArguments(chunk)
            )
            for row in rows { frequencies[row[0]] = row[1] }
        }
        let vector = TermVector(
            counts: counts, documentCount: try indexedCount(db) + 1, documentFrequency: { frequencies[$0] ?? 1 }
        )
        let scores = try scores(db, of: vector, excluding: id)
        try db.execute(
            sql: "INSERT INTO related_documents (article_id, version_id, signature) VALUES (?, ?, ?)",
            arguments: [id, versionID, Data(vector.encoded)]
        )
        try insertPostings(db, id: id, vector: vector)
        let own = TextSimilarity.best(scores, limit: TextSimilarity.listSize)
        try insertSimilar(db, id: id, own)

        // Enter the lists of the best candidates that have room, or whose last entry scores lower.
        let candidates = TextSimilarity.best(scores, limit: relatedReverseLimit)
        guard !candidates.isEmpty else { return [] }
        var lists: [Int64: (count: Int, lowest: Double)] = [:]
        for chunk in chunks(candidates.map(\.key)) {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT article_id, COUNT(*), MIN(score) FROM related_similar
                    WHERE article_id IN (\(ReaderSQL.placeholders(chunk.count))) GROUP BY article_id
                    """,
                arguments: StatementArguments(chunk)
            )
            for row in rows { lists[row[0]] = (row[1], row[2]) }
        }
        var entered: Set<Int64> = []
        for candidate in candidates {
            let list = lists[candidate.key] ?? (0, 0)
            guard list.count < TextSimilarity.listSize || candidate.score > list.lowest else { continue }
            try insertSimilar(db, id: candidate.key, [SimilarArticle(key: id, score: candidate.score)])
            if list.count >= TextSimilarity.listSize {
                try db.execute(
                    sql: """
                        DELETE FROM related_similar WHERE article_id = ?1 AND similar_id = (
                            SELECT similar_id FROM related_similar WHERE article_id = ?1 ORDER BY score, similar_id LIMIT 1)
                        """,
                    arguments: [candidate.key]
                )
            }
            entered.insert(candidate.key)
        }
        return entered
    }

    /// Recomputes the list of an indexed article that lost an entry; true when the list changed.
    static func refillRelated(_ db: Database, id: Int64) throws -> Bool {
        guard let signature = try Data.fetchOne(
            db, sql: "SELECT signature FROM related_documents WHERE article_id = ? AND needs_refill = 1", arguments: [id]
        ), let vector = TermVector(encoded: [UInt8](signature)) else { return false }
        let before = try Int64.fetchAll(
            db, sql: "SELECT similar_id FROM related_similar WHERE article_id = ? ORDER BY similar_id", arguments: [id]
        )
        let list = TextSimilarity.best(try scores(db, of: vector, excluding: id), limit: TextSimilarity.listSize)
        try db.execute(sql: "DELETE FROM related_similar WHERE article_id = ?", arguments: [id])
        try insertSimilar(db, id: id, list)
        try db.execute(sql: "UPDATE related_documents SET needs_refill = 0 WHERE article_id = ?", arguments: [id])
        return before != list.map(\.key).sorted()
    }

    /// Cosine scores of every indexed article sharing a term with `vector` (at least `TextSimilarity.minimumScore`).
    private static func scores(_ db: Database, of vector: TermVector, excluding id: Int64) throws -> [SimilarArticle] {
        guard !vector.isEmpty else { return [] }
        let queryWeights = Dictionary(uniqueKeysWithValues: zip(vector.terms, vector.weights))
        var sums: [Int64: Double] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT term, article_id, weight FROM related_postings WHERE term IN (\(ReaderSQL.placeholders(vector.terms.count)))",
            arguments: StatementArguments(vector.terms)
        )
        while let row = try rows.next() {
            let article: Int64 = row[1]
            guard article != id, let weight = queryWeights[row[0]] else { continue }
            sums[article, default: 0] += weight * (row[2] as Double)
        }
        return sums.compactMap { $0.value >= TextSimilarity.minimumScore ? SimilarArticle(key: $0.key, score: $0.value) : nil }
    }

    private static func insertPostings(_ db: Database, id: Int64, vector: TermVector) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO related_postings (term, article_id, weight) VALUES (?, ?, ?)")
        for (term, weight) in zip(vector.terms, vector.weights) {
            try statement.execute(arguments: [term, id, weight])
        }
    }

    private static func insertSimilar(_ db: Database, id: Int64, _ list: [SimilarArticle]) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO related_similar (article_id, similar_id, score) VALUES (?, ?, ?)"
        )
        for entry in list {
            try statement.execute(arguments: [id, entry.key, entry.score])
        }
    }

    /// The weighted term counts of a stored version's headline, sapo and body.
    private static func termCounts(_ db: Database, versionID: Int64) throws -> [Int64: Double] {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT title, sapo, body FROM article_versions WHERE id = ?"), arguments: [versionID]
        ) else { return [:] }
        return ArticleTerms.counts(title: row[0], sapo: row[1], body: row[2])
    }

    private static func indexedCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM related_documents") ?? 0
    }

    /// Articles whose indexed version is not their live one: published without being indexed (a large import,
    /// another process, a database older than the cache), changed, or no longer published.
    static func staleRelatedArticles(_ db: Database) throws -> [Int64] {
        try Int64.fetchAll(
            db,
            sql: """
                SELECT a.id FROM articles a LEFT JOIN related_documents d ON d.article_id = a.id
                WHERE a.status = 'published' AND a.published_version_id IS NOT NULL
                    AND (d.version_id IS NULL OR d.version_id != a.published_version_id)
                UNION
                SELECT d.article_id FROM related_documents d JOIN articles a ON a.id = d.article_id
                WHERE a.status != 'published' OR a.published_version_id IS NULL OR a.published_version_id != d.version_id
                ORDER BY 1
                """
        )
    }

    private static func articlesNeedingRefill(_ db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT article_id FROM related_documents WHERE needs_refill = 1 ORDER BY article_id")
    }

    /// Tells page caches which articles' related boxes `refreshRelated` changed: each one, or past a handful every
    /// article page at once.
    private static func recordRelatedChange(_ db: Database, _ ids: Set<Int64>, now: Date) throws {
        guard !ids.isEmpty else { return }
        try recordChange(db, ids.count > 100 ? [.latest] : Set(ids.map { .article(ArticleID($0)) }), now: now)
    }

    private static func chunks<T>(_ values: [T], size: Int = 400) -> [ArraySlice<T>] {
        stride(from: 0, to: values.count, by: size).map { values[$0..<min($0 + size, values.count)] }
    }

    // MARK: - Full rebuild

    /// Everything a rebuild stores, computed from one snapshot.
    struct ComputedRelated: Sendable {
        var frequencies: DocumentFrequencies
        var documents: [(id: Int64, versionID: Int64, vector: TermVector)]
        var lists: [(key: Int64, similar: [SimilarArticle])]
    }

    /// Computes the cache from the published articles in two passes over their text (document frequencies, then
    /// signatures), without keeping every article's term counts in memory.
    static func computeRelated(_ db: Database, progress: @Sendable (Int, Int) -> Void) throws -> ComputedRelated {
        let sql = """
            SELECT a.id, a.published_version_id, v.title, v.sapo, v.body FROM articles a
            JOIN article_versions v ON v.id = a.published_version_id
            WHERE a.status = 'published' ORDER BY a.id
            """
        let total = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM articles WHERE status = 'published' AND published_version_id IS NOT NULL"
        ) ?? 0
        progress(0, total)
        var frequencies = DocumentFrequencies()
        let first = try Row.fetchCursor(db, sql: sql)
        while let row = try first.next() {
            frequencies.add(ArticleTerms.counts(title: row[2], sapo: row[3], body: row[4]).keys)
        }
        var documents: [(id: Int64, versionID: Int64, vector: TermVector)] = []
        documents.reserveCapacity(frequencies.documentCount)
        var index = SimilarityIndex()
        let second = try Row.fetchCursor(db, sql: sql)
        while let row = try second.next() {
            let counts = ArticleTerms.counts(title: row[2], sapo: row[3], body: row[4])
            let vector = TermVector(
                counts: counts, documentCount: frequencies.documentCount, documentFrequency: { frequencies[$0] }
            )
            documents.append((row[0], row[1], vector))
            index.insert(row[0], vector)
            if documents.count % 1000 == 0 { progress(documents.count / 2, total) }
        }
        let lists = index.nearestForAll { done in progress((documents.count + done) / 2, total) }
        return ComputedRelated(frequencies: frequencies, documents: documents, lists: lists)
    }

    /// Replaces the cache's tables with a computed one.
    static func storeRelated(_ db: Database, _ computed: ComputedRelated) throws {
        for table in ["related_similar", "related_postings", "related_documents", "related_terms"] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        let term = try db.makeStatement(sql: "INSERT INTO related_terms (term, df) VALUES (?, ?)")
        for entry in computed.frequencies.all {
            try term.execute(arguments: [entry.term, entry.count])
        }
        let document = try db.makeStatement(sql: "INSERT INTO related_documents (article_id, version_id, signature) VALUES (?, ?, ?)")
        for entry in computed.documents {
            try document.execute(arguments: [entry.id, entry.versionID, Data(entry.vector.encoded)])
            try insertPostings(db, id: entry.id, vector: entry.vector)
        }
        for list in computed.lists {
            try insertSimilar(db, id: list.key, list.similar)
        }
    }

    // MARK: - Reading

    /// The visible articles most similar to an article, best first, at most `limit`.
    static func similarArticleIDs(_ db: Database, to id: ArticleID, limit: Int, now: Date) throws -> [ArticleID] {
        try Int64.fetchAll(
            db.cachedStatement(sql: """
                SELECT r.similar_id FROM related_similar r JOIN articles a ON a.id = r.similar_id
                WHERE r.article_id = ? AND r.similar_id != r.article_id AND \(ReaderSQL.visible)
                ORDER BY r.score DESC, r.similar_id DESC LIMIT ?
                """),
            arguments: [id.rawValue, now.storageValue, limit]
        ).map { ArticleID($0) }
    }
}

extension SQLiteNewsStore {
    /// The text-similarity cache (see `RelatedArticlesStore`). Left empty: `refreshRelated` fills it on a database
    /// that has articles, outside the migration. Terms are 64-bit hashes (`TermHash`), integers rather than text.
    /// `related_postings` has no foreign key: articles are never deleted, and a cascade would need a second index.
    static func createRelatedSimilarity(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE related_terms (
                term INTEGER PRIMARY KEY,
                df INTEGER NOT NULL
            );
            CREATE TABLE related_documents (
                article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                version_id INTEGER NOT NULL,
                signature BLOB NOT NULL,
                needs_refill INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX related_documents_refill ON related_documents(article_id) WHERE needs_refill = 1;
            CREATE TABLE related_postings (
                term INTEGER NOT NULL,
                article_id INTEGER NOT NULL,
                weight REAL NOT NULL,
                PRIMARY KEY (term, article_id)
            ) WITHOUT ROWID;
            CREATE TABLE related_similar (
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                similar_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                score REAL NOT NULL,
                PRIMARY KEY (article_id, similar_id)
            ) WITHOUT ROWID;
            CREATE INDEX related_similar_similar ON related_similar(similar_id);
            """)
    }
}
