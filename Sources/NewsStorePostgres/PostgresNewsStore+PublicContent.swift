import Foundation
import NewsDomain
import NewsStore
import PostgresNIO

/// The Content API's reads: published articles by keyset pages, and the terms readers can browse. Each runs in one
/// snapshot (`read`), so a total and its page agree.
extension PostgresNewsStore: PublicContentStore {
    /// A keyset page of published articles, newest first, with the total and the newest correction of each.
    public func publishedArticles(matching query: ArticleQuery, now: Date) async throws -> ArticleSlice {
        try await read { session in
            /// The query's conditions on `articles a`, bound in `statement`; with the keyset position when `paging`.
            func conditions(_ statement: StatementBuilder, paging: Bool) throws -> String {
                var conditions = [ReaderSQL.visible(now: try statement.bind(now.storageValue))]
                let filters: [ArticleFilter] = [
                    query.sectionID.map(ArticleFilter.section), query.tagID.map(ArticleFilter.tag),
                    query.topicID.map(ArticleFilter.topic), query.authorID.map(ArticleFilter.author),
                ].compactMap { $0 }
                for filter in filters { conditions.append(try Self.condition(for: filter, in: statement)) }
                if let from = query.from { conditions.append("a.published_at >= \(try statement.bind(from.storageValue))") }
                if let to = query.to { conditions.append("a.published_at <= \(try statement.bind(to.storageValue))") }
                if paging, let after = query.after {
                    // Newest first: the next page holds what is older than the position, or as old with a smaller id.
                    let (time, id) = (try statement.bind(after.publishedAt.storageValue), try statement.bind(after.id.rawValue))
                    conditions.append("(a.published_at < \(time) OR (a.published_at = \(time) AND a.id < \(id)))")
                }
                return conditions.joined(separator: " AND ")
            }
            let count = StatementBuilder("SELECT COUNT(*) FROM articles a WHERE ")
            count.append(try conditions(count, paging: false))
            let total = try await session.rows(count.query).first?.decode(Int.self) ?? 0
            // One more than asked tells whether a next page exists without a second query.
            let found = try await Self.fetchPublishedArticles(session) { statement in
                let condition = try conditions(statement, paging: true)
                return "\(condition) ORDER BY a.published_at DESC, a.id DESC LIMIT \(try statement.bind(query.limit + 1))"
            }
            let items = Array(found.prefix(query.limit))
            let next = found.count > query.limit
                ? items.last.map { ArticlePosition(publishedAt: $0.publishedAt ?? $0.updatedAt, id: $0.id) } : nil
            var correctedAt: [ArticleID: Date] = [:]
            if !items.isEmpty {
                let ids = items.map(\.id.rawValue)
                for row in try await session.rows("""
                    SELECT article_id, MAX(created_at) FROM corrections WHERE article_id = ANY(\(ids)) GROUP BY article_id
                    """) {
                    let (id, at) = try row.decode((Int64, Double).self)
                    correctedAt[ArticleID(id)] = Date(storageValue: at)
                }
            }
            return ArticleSlice(items: items, totalCount: total, next: next, correctedAt: correctedAt)
        }
    }

    /// The newest visible article whose live version has `slug`.
    public func publishedArticle(slug: String, now: Date) async throws -> Article? {
        try await read { session in
            try await Self.fetchPublishedArticles(session) { statement in
                let visible = ReaderSQL.visible(now: try statement.bind(now.storageValue))
                return "\(visible) AND v.slug = \(try statement.bind(slug)) ORDER BY a.published_at DESC, a.id DESC LIMIT 1"
            }.first
        }
    }

    /// Tags of visible articles, by slug, counted.
    public func publicTags(afterSlug: String?, limit: Int, now: Date) async throws -> TermSlice<Tag> {
        try await terms(
            select: Columns.tag,
            from: "article_version_tags vt JOIN tags t ON t.id = vt.tag_id JOIN articles a ON a.published_version_id = vt.version_id",
            key: "t.id", slug: "t.slug", afterSlug: afterSlug, limit: limit, now: now
        ) { try Columns.tag($0, at: 0) }
    }

    /// Topics of visible articles, by slug, counted.
    public func publicTopics(afterSlug: String?, limit: Int, now: Date) async throws -> TermSlice<Topic> {
        try await terms(
            select: Columns.topic, from: "articles a JOIN topics p ON p.id = a.published_topic_id",
            key: "p.id", slug: "p.slug", afterSlug: afterSlug, limit: limit, now: now
        ) { try Columns.topic($0, at: 0) }
    }

    /// Bylines of visible articles, by slug, counted.
    public func publicAuthors(afterSlug: String?, limit: Int, now: Date) async throws -> TermSlice<Author> {
        try await terms(
            select: Columns.author,
            from: "article_version_authors va JOIN authors au ON au.id = va.author_id JOIN articles a ON a.published_version_id = va.version_id",
            key: "au.id", slug: "au.slug", afterSlug: afterSlug, limit: limit, now: now
        ) { try Columns.author($0, at: 0) }
    }

    /// Terms joined to visible articles, counted, by slug (`COLLATE "C"`: byte order, as SQLite pages them);
    /// `decode` reads the term from the start of a row.
    private func terms<Term: Sendable>(
        select columns: String, from joins: String, key: String, slug: String, afterSlug: String?, limit: Int, now: Date,
        decode: @escaping @Sendable (RowCells) throws -> Term?
    ) async throws -> TermSlice<Term> {
        let limit = min(max(1, limit), PageRequest.maxSize)
        return try await read { session in
            let count = StatementBuilder("SELECT COUNT(DISTINCT \(key)) FROM \(joins) WHERE ")
            count.append(ReaderSQL.visible(now: try count.bind(now.storageValue)))
            let total = try await session.rows(count.query).first?.decode(Int.self) ?? 0
            let statement = StatementBuilder("SELECT \(columns), COUNT(*) FROM \(joins) WHERE ")
            statement.append(ReaderSQL.visible(now: try statement.bind(now.storageValue)))
            if let afterSlug { statement.append(" AND \(slug) > \(try statement.bind(afterSlug))") }
            statement.append(" GROUP BY \(key) ORDER BY \(slug) LIMIT \(try statement.bind(limit + 1))")
            let rows = try await session.rows(statement.query).map { ($0.count, RowCells($0)) }
            var items: [TermUsage<Term>] = []
            for (width, row) in rows.prefix(limit) {
                if let term = try decode(row) { items.append(TermUsage(term: term, articleCount: try row[width - 1])) }
            }
            // Every term's column list starts with id, slug.
            let next: String? = rows.count > limit ? try rows[limit - 1].1[1] : nil
            return TermSlice(items: items, totalCount: total, nextAfterSlug: next)
        }
    }

    /// Whole published articles matching the condition `tail` writes (on `articles a`, `article_versions v`, binding
    /// its values in the statement it is given, and ending with the order and limit), with their tags, bylines and
    /// images fetched in one query each for the whole list. Curated related ids are left out.
    static func fetchPublishedArticles(
        _ session: PostgresSession, where tail: (StatementBuilder) throws -> String
    ) async throws -> [Article] {
        let statement = StatementBuilder("""
            SELECT a.id, a.external_id, a.status, a.published_at, v.id, v.number, v.slug, v.title, v.sapo, v.body,
                   v.created_at, \(Columns.section), \(Columns.topic)
            FROM articles a
            JOIN article_versions v ON v.id = a.published_version_id
            JOIN sections s ON s.id = v.section_id
            LEFT JOIN topics p ON p.id = v.topic_id
            WHERE
            """)
        statement.append(" " + (try tail(statement)))
        let rows = try await session.rows(statement.query).map(RowCells.init)
        guard !rows.isEmpty else { return [] }
        let versionIDs: [Int64] = try rows.map { try $0[4] }
        let tags = try await tagsByVersion(session, versionIDs: versionIDs)
        let authors = try await authorsByVersion(session, versionIDs: versionIDs)
        let media = try await mediaByVersion(session, versionIDs: versionIDs)
        return try rows.map { row in
            let versionID: Int64 = try row[4]
            let status: String = try row[2]
            return Article(
                id: ArticleID(try row[0]), externalID: try row[1], status: ArticleStatus(rawValue: status) ?? .published,
                version: try row[5], slug: try row[6], title: try row[7], sapo: try row[8], body: try row[9],
                section: try Columns.section(row, at: 11), topic: try Columns.topic(row, at: 17), tags: tags[versionID] ?? [],
                authors: authors[versionID] ?? [], images: media[versionID] ?? [],
                publishedAt: (try row[3] as Double?).map(Date.init(storageValue:)), updatedAt: Date(storageValue: try row[10])
            )
        }
    }

    /// The tags of versions, in their order.
    static func tagsByVersion(_ session: PostgresSession, versionIDs: [Int64]) async throws -> [Int64: [Tag]] {
        var result: [Int64: [Tag]] = [:]
        for row in try await session.rows("""
            SELECT vt.version_id, \(unescaped: Columns.tag) FROM article_version_tags vt JOIN tags t ON t.id = vt.tag_id
            WHERE vt.version_id = ANY(\(versionIDs)) ORDER BY vt.version_id, vt.position
            """).map(RowCells.init) {
            result[try row[0], default: []].append(try Columns.tag(row, at: 1))
        }
        return result
    }

    /// The images of versions, in their order.
    static func mediaByVersion(_ session: PostgresSession, versionIDs: [Int64]) async throws -> [Int64: [Media]] {
        var result: [Int64: [Media]] = [:]
        for row in try await session.rows("""
            SELECT vm.version_id, \(unescaped: Columns.media) FROM article_version_media vm JOIN media m ON m.id = vm.media_id
            WHERE vm.version_id = ANY(\(versionIDs)) ORDER BY vm.version_id, vm.position
            """).map(RowCells.init) {
            if let media = try Columns.media(row, at: 1) { result[try row[0], default: []].append(media) }
        }
        return result
    }
}
