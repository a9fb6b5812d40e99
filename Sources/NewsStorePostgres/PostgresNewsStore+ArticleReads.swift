import Foundation
import NewsDomain
import NewsStore
import PostgresNIO

/// What readers may see of articles. A read of several statements runs in one snapshot (`read`), as it did in one
/// SQLite read transaction: a count and its page, or cards and their bylines, never straddle another node's commit.
extension PostgresNewsStore {
    /// The published version of an article, or nil when readers may not see it at `now`.
    public func publishedArticle(id: ArticleID, now: Date) async throws -> Article? {
        try await read { session in try await Self.fetchPublishedArticle(session, id: id, now: now) }
    }

    /// A page of published articles, newest first, with the count of the whole list from the same snapshot.
    public func publishedArticles(_ filter: ArticleFilter, page: PageRequest, now: Date) async throws -> Page<ArticleSummary> {
        try await read { session in
            let count = StatementBuilder("SELECT COUNT(*) FROM articles a WHERE ")
            count.append(ReaderSQL.visible(now: try count.bind(now.storageValue)))
            count.append(" AND " + (try Self.condition(for: filter, in: count)))
            let total = try await session.rows(count.query).first?.decode(Int.self) ?? 0
            let items = try await Self.fetchSummaries(session, now: now, limit: page.size, offset: page.offset) { statement in
                try Self.condition(for: filter, in: statement)
            }
            return Page(items: items, request: page, totalCount: total)
        }
    }

    /// The newest published articles outside the given sections and ids.
    public func latestPublished(
        excludingSections: Set<SectionID>, excludingArticles: Set<ArticleID>, limit: Int, now: Date
    ) async throws -> [ArticleSummary] {
        try await read { session in
            try await Self.fetchSummaries(session, now: now, limit: limit) { statement in
                var conditions = ["TRUE"]
                if !excludingSections.isEmpty {
                    let ids = excludingSections.map(\.rawValue)
                    conditions.append("a.published_section_id <> ALL(\(try statement.bind(ids)))")
                }
                if !excludingArticles.isEmpty {
                    let ids = excludingArticles.map(\.rawValue)
                    conditions.append("a.id <> ALL(\(try statement.bind(ids)))")
                }
                return conditions.joined(separator: " AND ")
            }
        }
    }

    /// Published summaries of the given articles, in the given order, once each.
    public func publishedSummaries(ids: [ArticleID], now: Date) async throws -> [ArticleSummary] {
        guard !ids.isEmpty else { return [] }
        return try await read { session in try await Self.fetchSummaries(session, ids: ids, now: now) }
    }

    /// Candidates for an article's related box, every tier read in one snapshot.
    public func relatedCandidates(for article: Article, limit: Int, now: Date) async throws -> RelatedCandidates {
        try await read { session in
            let curated = try await Self.fetchSummaries(session, ids: article.relatedIDs.filter { $0 != article.id }, now: now)
            var sameTopic: [ArticleSummary] = []
            if let topic = article.topic {
                sameTopic = try await Self.fetchSummaries(session, now: now, limit: limit) { statement in
                    let (topic, id) = (try statement.bind(topic.id.rawValue), try statement.bind(article.id.rawValue))
                    return "a.published_topic_id = \(topic) AND a.id <> \(id)"
                }
            }
            var sharedTags: [ArticleSummary] = []
            if !article.tags.isEmpty {
                let tagIDs = article.tags.map(\.id.rawValue)
                let shared = StatementBuilder()
                // Each tag's newest versions (a backward walk of its index), then the articles they are live for,
                // ranked by every tag they share.
                let windows = try tagIDs.enumerated().map { index, tag in
                    """
                    SELECT version_id FROM (SELECT version_id FROM article_version_tags WHERE tag_id = \(try shared.bind(tag)) \
                    ORDER BY version_id DESC LIMIT \(RelatedCandidates.sharedTagWindow)) w\(index)
                    """
                }.joined(separator: " UNION ")
                shared.append("""
                    SELECT a.id FROM (\(windows)) c
                    JOIN article_versions v ON v.id = c.version_id
                    JOIN articles a ON a.id = v.article_id AND a.published_version_id = v.id
                    WHERE a.id <> \(try shared.bind(article.id.rawValue)) AND \(ReaderSQL.visible(now: try shared.bind(now.storageValue)))
                    ORDER BY (SELECT COUNT(*) FROM article_version_tags t
                              WHERE t.version_id = c.version_id AND t.tag_id = ANY(\(try shared.bind(tagIDs))::bigint[])) DESC,
                        a.published_at DESC, a.id DESC
                    LIMIT \(try shared.bind(limit))
                    """)
                let ids = try await session.rows(shared.query).map { ArticleID(try $0.decode(Int64.self)) }
                sharedTags = try await Self.fetchSummaries(session, ids: ids, now: now)
            }
            let sameSection = try await Self.fetchSummaries(session, now: now, limit: limit) { statement in
                let (section, id) = (try statement.bind(article.section.id.rawValue), try statement.bind(article.id.rawValue))
                return "a.published_section_id = \(section) AND a.id <> \(id)"
            }
            let similar = try await Self.fetchSummaries(
                session, ids: try await Self.similarArticleIDs(session, to: article.id, limit: limit, now: now), now: now
            )
            return RelatedCandidates(
                curated: curated, sameTopic: sameTopic, sharedTags: sharedTags, similar: similar, sameSection: sameSection
            )
        }
    }

    // MARK: - Queries

    /// The WHERE fragment (on `articles a`) for a list filter, its values bound in `statement`.
    static func condition(for filter: ArticleFilter, in statement: StatementBuilder) throws -> String {
        switch filter {
        case .all:
            return "TRUE"
        case .section(let id):
            let id = try statement.bind(id.rawValue)
            return "a.published_section_id IN (SELECT id FROM sections WHERE id = \(id) OR parent_id = \(id))"
        case .topic(let id):
            return "a.published_topic_id = \(try statement.bind(id.rawValue))"
        case .tag(let id):
            return "a.published_version_id IN (SELECT version_id FROM article_version_tags WHERE tag_id = \(try statement.bind(id.rawValue)))"
        case .author(let id):
            return """
                a.published_version_id IN (SELECT version_id FROM article_version_authors WHERE author_id = \
                \(try statement.bind(id.rawValue)))
                """
        }
    }

    /// Card data for articles readers may see at `now` that also match the condition `where` writes (binding its
    /// values in the statement it is given), newest first, paged by `limit` and `offset` when given.
    static func fetchSummaries(
        _ session: PostgresSession, now: Date, limit: Int? = nil, offset: Int? = nil,
        where condition: (StatementBuilder) throws -> String
    ) async throws -> [ArticleSummary] {
        let statement = StatementBuilder(ReaderSQL.summarySelect + " WHERE ")
        statement.append(ReaderSQL.visible(now: try statement.bind(now.storageValue)))
        statement.append(" AND " + (try condition(statement)))
        statement.append(" ORDER BY a.published_at DESC, a.id DESC")
        if let limit { statement.append(" LIMIT \(try statement.bind(limit))") }
        if let offset { statement.append(" OFFSET \(try statement.bind(offset))") }
        return try await summaries(session, rows: try await session.rows(statement.query))
    }

    /// Card data for the given articles in the given order, skipping those readers may not see.
    static func fetchSummaries(_ session: PostgresSession, ids: [ArticleID], now: Date) async throws -> [ArticleSummary] {
        guard !ids.isEmpty else { return [] }
        let unordered = try await fetchSummaries(session, now: now) { statement in
            "a.id = ANY(\(try statement.bind(ids.map(\.rawValue))))"
        }
        let byID = Dictionary(unordered.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<ArticleID> = []
        return ids.compactMap { id in seen.insert(id).inserted ? byID[id] : nil }
    }

    /// Summaries from rows of `ReaderSQL.summarySelect`, with their bylines.
    private static func summaries(_ session: PostgresSession, rows: [PostgresRow]) async throws -> [ArticleSummary] {
        guard !rows.isEmpty else { return [] }
        let cells = rows.map(RowCells.init)
        let versionIDs: [Int64] = try cells.map { try $0[5] }
        let authors = try await authorsByVersion(session, versionIDs: versionIDs)
        return try cells.map { row in
            let versionID: Int64 = try row[5]
            return ArticleSummary(
                id: ArticleID(try row[0]), slug: try row[2], title: try row[3], sapo: try row[4],
                section: try Columns.section(row, at: 6), authors: authors[versionID] ?? [],
                featuredImage: try Columns.media(row, at: 12), publishedAt: Date(storageValue: try row[1])
            )
        }
    }

    /// The bylines of versions, in byline order.
    static func authorsByVersion(_ session: PostgresSession, versionIDs: [Int64]) async throws -> [Int64: [Author]] {
        guard !versionIDs.isEmpty else { return [:] }
        let rows = try await session.rows("""
            SELECT va.version_id, \(unescaped: Columns.author) FROM article_version_authors va
            JOIN authors au ON au.id = va.author_id
            WHERE va.version_id = ANY(\(versionIDs))
            ORDER BY va.version_id, va.position
            """)
        var result: [Int64: [Author]] = [:]
        for row in rows.map(RowCells.init) {
            result[try row[0], default: []].append(try Columns.author(row, at: 1))
        }
        return result
    }

    /// The published version of an article as readers see it at `now`, or nil.
    static func fetchPublishedArticle(_ session: PostgresSession, id: ArticleID, now: Date) async throws -> Article? {
        let statement = StatementBuilder()
        let (articleID, visible) = (try statement.bind(id.rawValue), ReaderSQL.visible(now: try statement.bind(now.storageValue)))
        statement.append("""
            SELECT a.id, a.external_id, a.status, a.published_at, v.id, v.number, v.slug, v.title, v.sapo, v.body,
                   v.created_at, \(Columns.section), \(Columns.topic)
            FROM articles a
            JOIN article_versions v ON v.id = a.published_version_id
            JOIN sections s ON s.id = v.section_id
            LEFT JOIN topics p ON p.id = v.topic_id
            WHERE a.id = \(articleID) AND \(visible)
            """)
        guard let first = try await session.rows(statement.query).first else { return nil }
        let row = RowCells(first)
        let versionID: Int64 = try row[4]
        let status: String = try row[2]
        return Article(
            id: id, externalID: try row[1], status: ArticleStatus(rawValue: status) ?? .published, version: try row[5],
            slug: try row[6], title: try row[7], sapo: try row[8], body: try row[9],
            section: try Columns.section(row, at: 11), topic: try Columns.topic(row, at: 17),
            tags: try await tags(session, versionID: versionID),
            authors: try await authorsByVersion(session, versionIDs: [versionID])[versionID] ?? [],
            images: try await media(session, versionID: versionID), relatedIDs: try await related(session, versionID: versionID),
            publishedAt: (try row[3] as Double?).map(Date.init(storageValue:)), updatedAt: Date(storageValue: try row[10])
        )
    }

    /// The tags of a version, in their order.
    static func tags(_ session: PostgresSession, versionID: Int64) async throws -> [Tag] {
        try await session.rows("""
            SELECT \(unescaped: Columns.tag) FROM article_version_tags vt JOIN tags t ON t.id = vt.tag_id
            WHERE vt.version_id = \(versionID) ORDER BY vt.position
            """).map { try Columns.tag(RowCells($0), at: 0) }
    }

    /// The images of a version, in their order (the first is the featured image).
    static func media(_ session: PostgresSession, versionID: Int64) async throws -> [Media] {
        try await session.rows("""
            SELECT \(unescaped: Columns.media) FROM article_version_media vm JOIN media m ON m.id = vm.media_id
            WHERE vm.version_id = \(versionID) ORDER BY vm.position
            """).compactMap { try Columns.media(RowCells($0), at: 0) }
    }

    /// The curated related articles of a version, in their order.
    static func related(_ session: PostgresSession, versionID: Int64) async throws -> [ArticleID] {
        try await session.rows("""
            SELECT related_article_id FROM article_version_related WHERE version_id = \(versionID) ORDER BY position
            """).map { ArticleID(try $0.decode(Int64.self)) }
    }

    /// The visible articles most similar to an article, best first, at most `limit`: from the text-similarity cache
    /// (`related_similar`, kept by `refreshRelated`).
    static func similarArticleIDs(_ session: PostgresSession, to id: ArticleID, limit: Int, now: Date) async throws -> [ArticleID] {
        let statement = StatementBuilder()
        statement.append("""
            SELECT r.similar_id FROM related_similar r JOIN articles a ON a.id = r.similar_id
            WHERE r.article_id = \(try statement.bind(id.rawValue)) AND r.similar_id <> r.article_id
                AND \(ReaderSQL.visible(now: try statement.bind(now.storageValue)))
            ORDER BY r.score DESC, r.similar_id DESC LIMIT \(try statement.bind(limit))
            """)
        return try await session.rows(statement.query).map { ArticleID(try $0.decode(Int64.self)) }
    }
}
