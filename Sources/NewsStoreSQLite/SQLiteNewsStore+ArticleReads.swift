import Foundation
import GRDB
import NewsDomain
import NewsStore

extension SQLiteNewsStore: ArticleStore {
    public func publishedArticle(id: ArticleID, now: Date) async throws -> Article? {
        try await read { db in try Self.fetchPublishedArticle(db, id: id, now: now) }
    }

    public func publishedArticles(_ filter: ArticleFilter, page: PageRequest, now: Date) async throws -> Page<ArticleSummary> {
        try await read { db in
            let (condition, arguments) = try Self.condition(for: filter, in: db)
            let visible: StatementArguments = [now.storageValue]
            let total = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM articles a WHERE \(ReaderSQL.visible) AND \(condition)",
                arguments: visible + arguments
            ) ?? 0
            let items = try Self.fetchSummaries(
                db, where: "\(ReaderSQL.visible) AND \(condition)",
                arguments: visible + arguments + [page.size, page.offset], tail: "LIMIT ? OFFSET ?"
            )
            return Page(items: items, request: page, totalCount: total)
        }
    }

    public func latestPublished(
        excludingSections: Set<SectionID>, excludingArticles: Set<ArticleID>, limit: Int, now: Date
    ) async throws -> [ArticleSummary] {
        try await read { db in
            var condition = ReaderSQL.visible
            var arguments: StatementArguments = [now.storageValue]
            if !excludingSections.isEmpty {
                condition += " AND a.published_section_id NOT IN (\(ReaderSQL.placeholders(excludingSections.count)))"
                arguments += StatementArguments(excludingSections.map(\.rawValue))
            }
            if !excludingArticles.isEmpty {
                condition += " AND a.id NOT IN (\(ReaderSQL.placeholders(excludingArticles.count)))"
                arguments += StatementArguments(excludingArticles.map(\.rawValue))
            }
            return try Self.fetchSummaries(db, where: condition, arguments: arguments + [limit], tail: "LIMIT ?")
        }
    }

    public func publishedSummaries(ids: [ArticleID], now: Date) async throws -> [ArticleSummary] {
        guard !ids.isEmpty else { return [] }
        return try await read { db in try Self.fetchSummaries(db, ids: ids, now: now) }
    }

    public func relatedCandidates(for article: Article, limit: Int, now: Date) async throws -> RelatedCandidates {
        try await read { db in
            let nowArgument: StatementArguments = [now.storageValue]
            let curated = try Self.fetchSummaries(db, ids: article.relatedIDs.filter { $0 != article.id }, now: now)
            var sameTopic: [ArticleSummary] = []
            if let topic = article.topic {
                sameTopic = try Self.fetchSummaries(
                    db, where: "\(ReaderSQL.visible) AND a.published_topic_id = ? AND a.id != ?",
                    arguments: nowArgument + [topic.id.rawValue, article.id.rawValue, limit], tail: "LIMIT ?"
                )
            }
            var sharedTags: [ArticleSummary] = []
            if !article.tags.isEmpty {
                let tagIDs = StatementArguments(article.tags.map(\.id.rawValue))
                // Each tag's newest versions (a backward walk of its index), then the articles they are live for,
                // ranked by every tag they share.
                let windows = Array(
                    repeating: """
                        SELECT version_id FROM (SELECT version_id FROM article_version_tags WHERE tag_id = ? \
                        ORDER BY version_id DESC LIMIT \(RelatedCandidates.sharedTagWindow))
                        """,
                    count: article.tags.count
                ).joined(separator: " UNION ")
                let ids = try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT a.id FROM (\(windows)) c
                        JOIN article_versions v ON v.id = c.version_id
                        JOIN articles a ON a.id = v.article_id AND a.published_version_id = v.id
                        WHERE a.id != ? AND \(ReaderSQL.visible)
                        ORDER BY (SELECT COUNT(*) FROM article_version_tags t
                                  WHERE t.version_id = c.version_id AND t.tag_id IN (\(ReaderSQL.placeholders(article.tags.count)))) DESC,
                            a.published_at DESC, a.id DESC
                        LIMIT ?
                        """,
                    arguments: tagIDs + [article.id.rawValue] + nowArgument + tagIDs + [limit]
                )
                sharedTags = try Self.fetchSummaries(db, ids: ids.map { ArticleID($0) }, now: now)
            }
            let sameSection = try Self.fetchSummaries(
                db, where: "\(ReaderSQL.visible) AND a.published_section_id = ? AND a.id != ?",
                arguments: nowArgument + [article.section.id.rawValue, article.id.rawValue, limit], tail: "LIMIT ?"
            )
            let similar = try Self.fetchSummaries(db, ids: try Self.similarArticleIDs(db, to: article.id, limit: limit, now: now), now: now)
            return RelatedCandidates(
                curated: curated, sameTopic: sameTopic, sharedTags: sharedTags, similar: similar, sameSection: sameSection
            )
        }
    }

    public func articleCount() async throws -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") ?? 0 }
    }

    // MARK: - Queries

    /// The WHERE fragment (on `articles a`) for a list filter.
    ///
    /// A section's family is looked up first and written out as a list: for `IN (SELECT …)` SQLite walks the index of
    /// publication times of every article, with or without statistics (0.25–0.9 s a listing at 100,000 articles),
    /// where for a list it uses the section index (26 ms to count a section of 11,000).
    static func condition(for filter: ArticleFilter, in db: Database) throws -> (String, StatementArguments) {
        switch filter {
        case .all:
            return ("1", [])
        case .section(let id):
            let family = try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT id FROM sections WHERE id = ? OR parent_id = ? ORDER BY id"),
                arguments: [id.rawValue, id.rawValue]
            )
            guard !family.isEmpty else { return ("0", []) }
            return ("a.published_section_id IN (\(ReaderSQL.placeholders(family.count)))", StatementArguments(family))
        case .topic(let id):
            return ("a.published_topic_id = ?", [id.rawValue])
        case .tag(let id):
            return (
                "a.published_version_id IN (SELECT version_id FROM article_version_tags WHERE tag_id = ?)",
                [id.rawValue]
            )
        case .author(let id):
            return (
                "a.published_version_id IN (SELECT version_id FROM article_version_authors WHERE author_id = ?)",
                [id.rawValue]
            )
        }
    }

    /// Card data for published articles matching `condition`, newest first.
    static func fetchSummaries(
        _ db: Database, where condition: String, arguments: StatementArguments, tail: String
    ) throws -> [ArticleSummary] {
        let sql = "\(ReaderSQL.summarySelect) WHERE \(condition) ORDER BY a.published_at DESC, a.id DESC \(tail)"
        let rows = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
        return try summaries(db, rows: rows)
    }

    /// Card data for the given articles in the given order, skipping those readers may not see.
    static func fetchSummaries(_ db: Database, ids: [ArticleID], now: Date) throws -> [ArticleSummary] {
        guard !ids.isEmpty else { return [] }
        let unordered = try fetchSummaries(
            db, where: "\(ReaderSQL.visible) AND a.id IN (\(ReaderSQL.placeholders(ids.count)))",
            arguments: [now.storageValue] + StatementArguments(ids.map(\.rawValue)), tail: ""
        )
        let byID = Dictionary(unordered.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<ArticleID> = []
        return ids.compactMap { id in seen.insert(id).inserted ? byID[id] : nil }
    }

    private static func summaries(_ db: Database, rows: [Row]) throws -> [ArticleSummary] {
        guard !rows.isEmpty else { return [] }
        let versionIDs: [Int64] = rows.map { $0[5] }
        let authors = try authorsByVersion(db, versionIDs: versionIDs)
        return rows.map { row in
            ArticleSummary(
                id: ArticleID(row[0]), slug: row[2], title: row[3], sapo: row[4],
                section: Columns.section(row, at: 6), authors: authors[row[5]] ?? [],
                featuredImage: Columns.media(row, at: 12), publishedAt: Date(storageValue: row[1])
            )
        }
    }

    static func authorsByVersion(_ db: Database, versionIDs: [Int64]) throws -> [Int64: [Author]] {
        guard !versionIDs.isEmpty else { return [:] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT va.version_id, \(Columns.author) FROM article_version_authors va
                JOIN authors au ON au.id = va.author_id
                WHERE va.version_id IN (\(ReaderSQL.placeholders(versionIDs.count)))
                ORDER BY va.version_id, va.position
                """,
            arguments: StatementArguments(versionIDs)
        )
        var result: [Int64: [Author]] = [:]
        for row in rows {
            result[row[0], default: []].append(Columns.author(row, at: 1))
        }
        return result
    }

    static func fetchPublishedArticle(_ db: Database, id: ArticleID, now: Date) throws -> Article? {
        let sql = """
            SELECT a.id, a.external_id, a.status, a.published_at, v.id, v.number, v.slug, v.title, v.sapo, v.body,
                   v.created_at, \(Columns.section), \(Columns.topic)
            FROM articles a
            JOIN article_versions v ON v.id = a.published_version_id
            JOIN sections s ON s.id = v.section_id
            LEFT JOIN topics p ON p.id = v.topic_id
            WHERE a.id = ? AND \(ReaderSQL.visible)
            """
        guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [id.rawValue, now.storageValue]) else {
            return nil
        }
        let versionID: Int64 = row[4]
        return Article(
            id: id, externalID: row[1], status: ArticleStatus(rawValue: row[2]) ?? .published, version: row[5],
            slug: row[6], title: row[7], sapo: row[8], body: row[9], section: Columns.section(row, at: 11),
            topic: Columns.topic(row, at: 17), tags: try tags(db, versionID: versionID),
            authors: try authorsByVersion(db, versionIDs: [versionID])[versionID] ?? [],
            images: try media(db, versionID: versionID), relatedIDs: try related(db, versionID: versionID),
            publishedAt: (row[3] as Double?).map(Date.init(storageValue:)), updatedAt: Date(storageValue: row[10])
        )
    }

    static func tags(_ db: Database, versionID: Int64) throws -> [Tag] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT \(Columns.tag) FROM article_version_tags vt JOIN tags t ON t.id = vt.tag_id
                WHERE vt.version_id = ? ORDER BY vt.position
                """,
            arguments: [versionID]
        ).map { Columns.tag($0, at: 0) }
    }

    static func media(_ db: Database, versionID: Int64) throws -> [Media] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT \(Columns.media) FROM article_version_media vm JOIN media m ON m.id = vm.media_id
                WHERE vm.version_id = ? ORDER BY vm.position
                """,
            arguments: [versionID]
        ).compactMap { Columns.media($0, at: 0) }
    }

    static func related(_ db: Database, versionID: Int64) throws -> [ArticleID] {
        try Int64.fetchAll(
            db, sql: "SELECT related_article_id FROM article_version_related WHERE version_id = ? ORDER BY position",
            arguments: [versionID]
        ).map { ArticleID($0) }
    }
}
