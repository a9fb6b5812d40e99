import Foundation
import NewsDomain
import NewsSimilarity
import NewsStore
import PostgresNIO

/// The text-similarity cache behind the related box, as in the SQLite store (see `SQLiteNewsStore+Related.swift` for
/// the four tables). What differs is concurrency: SQLite has one writer, while here several nodes publish at once and
/// each runs the refresher. Every transaction that writes the cache first takes `AdvisoryLock.relatedArticles`, so that two writers
/// never interleave their updates of document frequencies and lists (which would also deadlock on the term rows),
/// and each step re-checks what is stale once it holds the lock, so a second node's refresh finds nothing left to do.
extension PostgresNewsStore: RelatedArticlesStore {
    /// Up to this many articles changed in one transaction are updated in it; more are left to `refreshRelated`.
    static let relatedInlineLimit = 50
    /// Articles brought up to date per write transaction by `refreshRelated`.
    static let relatedBatchSize = 20
    /// Candidates of a new article whose own list it may enter (the best-scoring ones).
    static let relatedReverseLimit = 200
    /// Rows per statement when a rebuild stores the cache.
    static let relatedStoreBatch = 5_000

    /// When this many articles are out of step, `refreshRelated` rebuilds the whole cache instead.
    static func relatedRebuildThreshold(indexed: Int) -> Int { max(500, indexed / 5) }

    /// Background work, so its steps are not held to the deadline of a reader's request (only the wait for a
    /// connection is).
    public func refreshRelated(now: Date) async throws -> Int {
        let (stale, refill, indexed) = try await read(longRunning: true) { session in
            (try await Self.staleRelatedArticles(session), try await Self.articlesNeedingRefill(session),
             try await Self.indexedCount(session))
        }
        if stale.count >= Self.relatedRebuildThreshold(indexed: indexed) {
            try await rebuildRelated(progress: { _, _ in })
            return stale.count
        }
        var changed: Set<Int64> = []
        for chunk in Self.chunks(stale, size: Self.relatedBatchSize) {
            try await write(longRunning: true) { session in
                try await Self.lockRelated(session)
                var touched = Set(chunk)
                for id in chunk { touched.formUnion(try await Self.refreshRelatedArticle(session, id: id)) }
                try await Self.recordChange(session, Self.relatedDependencies(touched), now: now)
            }
            changed.formUnion(chunk)
        }
        for chunk in Self.chunks(refill, size: Self.relatedBatchSize) {
            try await write(longRunning: true) { session in
                try await Self.lockRelated(session)
                var refilled: Set<Int64> = []
                for id in chunk where try await Self.refillRelated(session, id: id) { refilled.insert(id) }
                try await Self.recordChange(session, Self.relatedDependencies(refilled), now: now)
            }
            changed.formUnion(chunk)
        }
        return changed.count
    }

    public func rebuildRelated(progress: @escaping @Sendable (Int, Int) -> Void) async throws {
        // Computing reads one snapshot and holds no lock; only storing the result blocks other writers of the cache.
        // What changes in between is caught up at the end of the same transaction.
        let computed = try await read(longRunning: true) { session in try await Self.computeRelated(session, progress: progress) }
        try await write(longRunning: true) { session in
            try await Self.lockRelated(session)
            try await Self.storeRelated(session, computed)
            for id in try await Self.staleRelatedArticles(session) { _ = try await Self.refreshRelatedArticle(session, id: id) }
            // Every article page's related box may have changed.
            try await Self.recordChange(session, [.latest], now: Date())
        }
        progress(computed.documents.count, computed.documents.count)
    }

    // MARK: - In a writer's transaction

    /// Brings the cache in step with the live versions of `articleIDs` in the caller's transaction (beyond
    /// `relatedInlineLimit` articles, leaves them to `refreshRelated`), and returns what the caller's change-log entry
    /// must name besides the articles themselves: the articles whose lists they newly entered.
    static func refreshRelated(_ session: PostgresSession, articleIDs: [ArticleID]) async throws -> Set<ContentDependency> {
        guard !articleIDs.isEmpty, articleIDs.count <= relatedInlineLimit else { return [] }
        try await lockRelated(session)
        var entered: Set<Int64> = []
        for id in articleIDs { entered.formUnion(try await refreshRelatedArticle(session, id: id.rawValue)) }
        return relatedDependencies(entered)
    }

    /// Takes `AdvisoryLock.relatedArticles` until the end of the transaction.
    static func lockRelated(_ session: PostgresSession) async throws {
        try await AdvisoryLock.relatedArticles.take(session)
    }

    /// Brings the cache in step with one article; returns the articles whose lists it entered and was not in before.
    static func refreshRelatedArticle(_ session: PostgresSession, id: Int64) async throws -> Set<Int64> {
        let live = try await session.rows(
            "SELECT published_version_id FROM articles WHERE id = \(id) AND status = 'published'"
        ).first?.decode(Int64?.self)
        let indexed = try await session.rows(
            "SELECT version_id, signature FROM related_documents WHERE article_id = \(id)"
        ).first.map { try $0.decode((Int64, Data).self) }
        guard indexed?.0 != live else { return [] }
        var listedIn: Set<Int64> = []
        if let indexed {
            listedIn = Set(try await session.rows("SELECT article_id FROM related_similar WHERE similar_id = \(id)")
                .map { try $0.decode(Int64.self) })
            try await removeFromRelated(session, id: id, versionID: indexed.0, signature: [UInt8](indexed.1))
        }
        guard let live else { return [] }
        return try await addToRelated(session, id: id, versionID: live).subtracting(listedIn)
    }

    /// Takes an article out of the cache: its term counts, signature, list, and its place in other lists (those lists
    /// are marked for refilling).
    private static func removeFromRelated(_ session: PostgresSession, id: Int64, versionID: Int64, signature: [UInt8]) async throws {
        let terms = Array(try await termCounts(session, versionID: versionID).keys)
        try await session.execute("UPDATE related_terms SET df = df - 1 WHERE term = ANY(\(terms))")
        try await session.execute("DELETE FROM related_terms WHERE term = ANY(\(terms)) AND df <= 0")
        let signed = TermVector(encoded: signature)?.terms ?? []
        try await session.execute("DELETE FROM related_postings WHERE article_id = \(id) AND term = ANY(\(signed))")
        let losing = try await session.rows("SELECT article_id FROM related_similar WHERE similar_id = \(id)")
            .map { try $0.decode(Int64.self) }
        try await session.execute("DELETE FROM related_similar WHERE article_id = \(id) OR similar_id = \(id)")
        try await session.execute("UPDATE related_documents SET needs_refill = TRUE WHERE article_id = ANY(\(losing))")
        try await session.execute("DELETE FROM related_documents WHERE article_id = \(id)")
    }

    /// Indexes an article's live version: counts its terms, stores its signature, finds its most similar articles, and
    /// enters it into the lists of those it beats the last entry of. Returns the articles whose lists it entered.
    private static func addToRelated(_ session: PostgresSession, id: Int64, versionID: Int64) async throws -> Set<Int64> {
        let counts = try await termCounts(session, versionID: versionID)
        var frequencies: [Int64: Int] = [:]
        frequencies.reserveCapacity(counts.count)
        let rows = try await session.rows("""
            INSERT INTO related_terms (term, df) SELECT unnest(\(Array(counts.keys))::bigint[]), 1
            ON CONFLICT (term) DO UPDATE SET df = related_terms.df + 1 RETURNING term, df
            """)
        for row in rows {
            let (term, count) = try row.decode((Int64, Int64).self)
            frequencies[term] = Int(count)
        }
        let vector = TermVector(
            counts: counts, documentCount: try await indexedCount(session) + 1,
            documentFrequency: { frequencies[$0] ?? 1 }
        )
        let scores = try await scores(session, of: vector, excluding: id)
        try await session.execute("""
            INSERT INTO related_documents (article_id, version_id, signature) VALUES (\(id), \(versionID), \(Data(vector.encoded)))
            """)
        try await insertPostings(session, ids: Array(repeating: id, count: vector.terms.count), terms: vector.terms, weights: vector.weights)
        try await insertSimilar(session, id: id, TextSimilarity.best(scores, limit: TextSimilarity.listSize))

        // Enter the lists of the best candidates that have room, or whose last entry scores lower.
        let candidates = TextSimilarity.best(scores, limit: relatedReverseLimit)
        guard !candidates.isEmpty else { return [] }
        var lists: [Int64: (count: Int, lowest: Double)] = [:]
        let listRows = try await session.rows("""
            SELECT article_id, count(*), min(score) FROM related_similar
            WHERE article_id = ANY(\(candidates.map(\.key))) GROUP BY article_id
            """)
        for row in listRows {
            let (article, count, lowest) = try row.decode((Int64, Int64, Double).self)
            lists[article] = (Int(count), lowest)
        }
        var entered: Set<Int64> = []
        for candidate in candidates {
            let list = lists[candidate.key] ?? (0, 0)
            guard list.count < TextSimilarity.listSize || candidate.score > list.lowest else { continue }
            try await insertSimilar(session, id: candidate.key, [SimilarArticle(key: id, score: candidate.score)])
            if list.count >= TextSimilarity.listSize {
                try await session.execute("""
                    DELETE FROM related_similar WHERE article_id = \(candidate.key) AND similar_id = (
                        SELECT similar_id FROM related_similar WHERE article_id = \(candidate.key)
                        ORDER BY score, similar_id LIMIT 1)
                    """)
            }
            entered.insert(candidate.key)
        }
        return entered
    }

    /// Recomputes the list of an indexed article that lost an entry; true when the list changed.
    static func refillRelated(_ session: PostgresSession, id: Int64) async throws -> Bool {
        guard let signature = try await session.rows(
            "SELECT signature FROM related_documents WHERE article_id = \(id) AND needs_refill"
        ).first?.decode(Data.self), let vector = TermVector(encoded: [UInt8](signature)) else { return false }
        let before = try await session.rows(
            "SELECT similar_id FROM related_similar WHERE article_id = \(id) ORDER BY similar_id"
        ).map { try $0.decode(Int64.self) }
        let list = TextSimilarity.best(try await scores(session, of: vector, excluding: id), limit: TextSimilarity.listSize)
        try await session.execute("DELETE FROM related_similar WHERE article_id = \(id)")
        try await insertSimilar(session, id: id, list)
        try await session.execute("UPDATE related_documents SET needs_refill = FALSE WHERE article_id = \(id)")
        return before != list.map(\.key).sorted()
    }

    /// Cosine scores of every indexed article sharing a term with `vector` (at least `TextSimilarity.minimumScore`).
    private static func scores(_ session: PostgresSession, of vector: TermVector, excluding id: Int64) async throws -> [SimilarArticle] {
        guard !vector.isEmpty else { return [] }
        let queryWeights = Dictionary(uniqueKeysWithValues: zip(vector.terms, vector.weights))
        var sums: [Int64: Double] = [:]
        try await session.forEachRow(
            "SELECT term, article_id, weight FROM related_postings WHERE term = ANY(\(vector.terms))"
        ) { row in
            let (term, article, weight) = try row.decode((Int64, Int64, Double).self)
            guard article != id, let queryWeight = queryWeights[term] else { return }
            sums[article, default: 0] += queryWeight * weight
        }
        return sums.compactMap { $0.value >= TextSimilarity.minimumScore ? SimilarArticle(key: $0.key, score: $0.value) : nil }
    }

    /// Inserts postings, one row per (article, term, weight) at the same index of the three arrays.
    private static func insertPostings(_ session: PostgresSession, ids: [Int64], terms: [Int64], weights: [Double]) async throws {
        guard !ids.isEmpty else { return }
        try await session.execute("""
            INSERT INTO related_postings (term, article_id, weight)
            SELECT * FROM unnest(\(terms)::bigint[], \(ids)::bigint[], \(weights)::float8[])
            """)
    }

    /// Enters `list` into an article's list, replacing the score of an entry already there.
    private static func insertSimilar(_ session: PostgresSession, id: Int64, _ list: [SimilarArticle]) async throws {
        try await insertSimilar(session, rows: list.map { (id, $0) })
    }

    /// Enters (article, similar article) pairs into the lists, replacing the score of an entry already there.
    private static func insertSimilar(_ session: PostgresSession, rows: [(Int64, SimilarArticle)]) async throws {
        guard !rows.isEmpty else { return }
        try await session.execute("""
            INSERT INTO related_similar (article_id, similar_id, score)
            SELECT * FROM unnest(\(rows.map(\.0))::bigint[], \(rows.map(\.1.key))::bigint[], \(rows.map(\.1.score))::float8[])
            ON CONFLICT (article_id, similar_id) DO UPDATE SET score = excluded.score
            """)
    }

    /// The weighted term counts of a stored version's headline, sapo and body.
    private static func termCounts(_ session: PostgresSession, versionID: Int64) async throws -> [Int64: Double] {
        guard let row = try await session.rows(
            "SELECT title, sapo, body FROM article_versions WHERE id = \(versionID)"
        ).first else { return [:] }
        let (title, sapo, body) = try row.decode((String, String, String).self)
        return ArticleTerms.counts(title: title, sapo: sapo, body: body)
    }

    private static func indexedCount(_ session: PostgresSession) async throws -> Int {
        Int(try await session.rows("SELECT count(*) FROM related_documents").first?.decode(Int64.self) ?? 0)
    }

    /// Articles whose indexed version is not their live one: published without being indexed, changed, or no longer
    /// published.
    static func staleRelatedArticles(_ session: PostgresSession) async throws -> [Int64] {
        try await session.rows("""
            SELECT a.id FROM articles a LEFT JOIN related_documents d ON d.article_id = a.id
            WHERE a.status = 'published' AND a.published_version_id IS NOT NULL
                AND (d.version_id IS NULL OR d.version_id != a.published_version_id)
            UNION
            SELECT d.article_id FROM related_documents d JOIN articles a ON a.id = d.article_id
            WHERE a.status != 'published' OR a.published_version_id IS NULL OR a.published_version_id != d.version_id
            ORDER BY 1
            """).map { try $0.decode(Int64.self) }
    }

    private static func articlesNeedingRefill(_ session: PostgresSession) async throws -> [Int64] {
        try await session.rows("SELECT article_id FROM related_documents WHERE needs_refill ORDER BY article_id")
            .map { try $0.decode(Int64.self) }
    }

    /// What page caches must drop after the related boxes of `ids` changed: each article, or past a handful every
    /// article page at once.
    static func relatedDependencies(_ ids: Set<Int64>) -> Set<ContentDependency> {
        guard !ids.isEmpty else { return [] }
        return ids.count > 100 ? [.latest] : Set(ids.map { .article(ArticleID($0)) })
    }

    /// Bytes in lowercase hex, as PostgreSQL's `decode(…, 'hex')` reads them.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func chunks<T>(_ values: [T], size: Int) -> [ArraySlice<T>] {
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
    /// signatures), streaming the rows, without keeping every article's term counts in memory.
    static func computeRelated(_ session: PostgresSession, progress: @Sendable (Int, Int) -> Void) async throws -> ComputedRelated {
        let query: PostgresQuery = """
            SELECT a.id, a.published_version_id, v.title, v.sapo, v.body FROM articles a
            JOIN article_versions v ON v.id = a.published_version_id
            WHERE a.status = 'published' ORDER BY a.id
            """
        let total = Int(try await session.rows(
            "SELECT count(*) FROM articles WHERE status = 'published' AND published_version_id IS NOT NULL"
        ).first?.decode(Int64.self) ?? 0)
        progress(0, total)
        var frequencies = DocumentFrequencies()
        try await session.forEachRow(query) { row in
            let (_, _, title, sapo, body) = try row.decode((Int64, Int64, String, String, String).self)
            frequencies.add(ArticleTerms.counts(title: title, sapo: sapo, body: body).keys)
        }
        var documents: [(id: Int64, versionID: Int64, vector: TermVector)] = []
        documents.reserveCapacity(frequencies.documentCount)
        var index = SimilarityIndex()
        try await session.forEachRow(query) { row in
            let (id, versionID, title, sapo, body) = try row.decode((Int64, Int64, String, String, String).self)
            let vector = TermVector(
                counts: ArticleTerms.counts(title: title, sapo: sapo, body: body),
                documentCount: frequencies.documentCount, documentFrequency: { frequencies[$0] }
            )
            documents.append((id, versionID, vector))
            index.insert(id, vector)
            if documents.count % 1000 == 0 { progress(documents.count / 2, total) }
        }
        let count = documents.count
        let lists = index.nearestForAll { done in progress((count + done) / 2, total) }
        return ComputedRelated(frequencies: frequencies, documents: documents, lists: lists)
    }

    /// Replaces the cache's tables with a computed one, in statements of `relatedStoreBatch` rows.
    static func storeRelated(_ session: PostgresSession, _ computed: ComputedRelated) async throws {
        for table in ["related_similar", "related_postings", "related_documents", "related_terms"] {
            try await session.execute("DELETE FROM \(unescaped: table)")
        }
        for chunk in chunks(computed.frequencies.all, size: relatedStoreBatch) {
            try await session.execute("""
                INSERT INTO related_terms (term, df)
                SELECT * FROM unnest(\(chunk.map(\.term))::bigint[], \(chunk.map { Int64($0.count) })::bigint[])
                """)
        }
        for chunk in chunks(computed.documents, size: relatedStoreBatch / 10) {
            // postgres-nio binds no array of bytea: the signatures travel as hex text.
            let signatures = chunk.map { hex($0.vector.encoded) }
            try await session.execute("""
                INSERT INTO related_documents (article_id, version_id, signature)
                SELECT id, version_id, decode(signature, 'hex')
                FROM unnest(\(chunk.map(\.id))::bigint[], \(chunk.map(\.versionID))::bigint[], \(signatures)::text[])
                    AS d(id, version_id, signature)
                """)
            let postings = chunk.flatMap { document in
                zip(document.vector.terms, document.vector.weights).map { (document.id, $0.0, $0.1) }
            }
            try await insertPostings(session, ids: postings.map(\.0), terms: postings.map(\.1), weights: postings.map(\.2))
        }
        let pairs = computed.lists.flatMap { list in list.similar.map { (list.key, $0) } }
        for chunk in chunks(pairs, size: relatedStoreBatch) {
            try await insertSimilar(session, rows: Array(chunk))
        }
    }
}
