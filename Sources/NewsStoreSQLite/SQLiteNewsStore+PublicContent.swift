import Foundation
import GRDB
import NewsDomain
import NewsStore

extension SQLiteNewsStore: PublicContentStore {
    public func publishedArticles(matching query: ArticleQuery, now: Date) async throws -> ArticleSlice {
        try await read { db in
            var conditions = [ReaderSQL.visible]
            var arguments: StatementArguments = [now.storageValue]
            let filters: [ArticleFilter] = [
                query.sectionID.map(ArticleFilter.section), query.tagID.map(ArticleFilter.tag),
                query.topicID.map(ArticleFilter.topic), query.authorID.map(ArticleFilter.author),
            ].compactMap { $0 }
            for filter in filters {
                let (condition, filterArguments) = try Self.condition(for: filter, in: db)
                conditions.append(condition)
                arguments += filterArguments
            }
            if let from = query.from {
                conditions.append("a.published_at >= ?")
                arguments += [from.storageValue]
            }
            if let to = query.to {
                conditions.append("a.published_at <= ?")
                arguments += [to.storageValue]
            }
            let total = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM articles a WHERE \(conditions.joined(separator: " AND "))", arguments: arguments
            ) ?? 0
            if let after = query.after {
                // Newest first: the next page holds what is older than the position, or as old with a smaller id.
                conditions.append("(a.published_at < ? OR (a.published_at = ? AND a.id < ?))")
                arguments += [after.publishedAt.storageValue, after.publishedAt.storageValue, after.id.rawValue]
            }
            // One more than asked tells whether a next page exists without a second query.
            let found = try Self.fetchPublishedArticles(
                db, where: conditions.joined(separator: " AND "), arguments: arguments + [query.limit + 1],
                tail: "ORDER BY a.published_at DESC, a.id DESC LIMIT ?"
            )
            let items = Array(found.prefix(query.limit))
            let next = found.count > query.limit ? items.last.map { ArticlePosition(publishedAt: $0.publishedAt ?? $0.updatedAt, id: $0.id) } : nil
            var correctedAt: [ArticleID: Date] = [:]
            if !items.isEmpty {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT article_id, MAX(created_at) FROM corrections
                        WHERE article_id IN (\(ReaderSQL.placeholders(items.count))) GROUP BY article_id
                        """,
                    arguments: StatementArguments(items.map(\.id.rawValue))
                )
                for row in rows { correctedAt[ArticleID(row[0])] = Date(storageValue: row[1]) }
            }
            return ArticleSlice(items: items, totalCount: total, next: next, correctedAt: correctedAt)
        }
    }

    public func publishedArticle(slug: String, now: Date) async throws -> Article? {
        try await read { db in
            try Self.fetchPublishedArticles(
                db, where: "\(ReaderSQL.visible) AND v.slug = ?", arguments: [now.storageValue, slug],
                tail: "ORDER BY a.published_at DESC, a.id DESC LIMIT 1"
            ).first
        }
    }

    public func publicTags(afterSlug: String?, limit: Int, now: Date) async throws -> TermSlice<Tag> {
        try await terms(
            select: Columns.tag, from: "article_version_tags vt JOIN tags t ON t.id = vt.tag_id JOIN articles a ON a.published_version_id = vt.version_id",
            key: "t.id", slug: "t.slug", afterSlug: afterSlug, limit: limit, now: now
        ) { Columns.tag($0, at: 0) }
    }

    public func publicTopics(afterSlug: String?, limit: Int, now: Date) async throws -> TermSlice<Topic> {
        try await terms(
            select: Columns.topic, from: "articles a JOIN topics p ON p.id = a.published_topic_id",
            key: "p.id", slug: "p.slug", afterSlug: afterSlug, limit: limit, now: now
        ) { Columns.topic($0, at: 0) }
    }

    public func publicAuthors(afterSlug: String?, limit: Int, now: Date) async throws -> TermSlice<Author> {
        try await terms(
            select: Columns.author,
            from: "article_version_authors va JOIN authors au ON au.id = va.author_id JOIN articles a ON a.published_version_id = va.version_id",
            key: "au.id", slug: "au.slug", afterSlug: afterSlug, limit: limit, now: now
        ) { Columns.author($0, at: 0) }
    }

    /// Terms joined to visible articles, counted, by slug; `decode` reads the term from the start of a row.
    private func terms<Term: Sendable>(
        select columns: String, from joins: String, key: String, slug: String, afterSlug: String?, limit: Int, now: Date,
        decode: @escaping @Sendable (Row) -> Term?
    ) async throws -> TermSlice<Term> {
        let limit = min(max(1, limit), PageRequest.maxSize)
        return try await read { db in
            let visible: StatementArguments = [now.storageValue]
            let total = try Int.fetchOne(
                db, sql: "SELECT COUNT(DISTINCT \(key)) FROM \(joins) WHERE \(ReaderSQL.visible)", arguments: visible
            ) ?? 0
            var condition = ReaderSQL.visible
            var arguments = visible
            if let afterSlug {
                condition += " AND \(slug) > ?"
                arguments += [afterSlug]
            }
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT \(columns), COUNT(*) FROM \(joins) WHERE \(condition) GROUP BY \(key) ORDER BY \(slug) LIMIT ?",
                arguments: arguments + [limit + 1]
            )
            let items = rows.prefix(limit).compactMap { row in
                decode(row).map { TermUsage(term: $0, articleCount: row[row.count - 1]) }
            }
            // Every term's column list starts with id, slug.
            let next: String? = rows.count > limit ? rows[limit - 1][1] : nil
            return TermSlice(items: Array(items), totalCount: total, nextAfterSlug: next)
        }
    }

    /// Whole published articles matching `condition` (on `articles a`, `article_versions v`), in `tail`'s order, with
    /// their tags, bylines and images fetched in one query each for the whole list. Curated related ids are left out.
    static func fetchPublishedArticles(
        _ db: Database, where condition: String, arguments: StatementArguments, tail: String
    ) throws -> [Article] {
        let sql = """
            SELECT a.id, a.external_id, a.status, a.published_at, v.id, v.number, v.slug, v.title, v.sapo, v.body,
                   v.created_at, \(Columns.section), \(Columns.topic)
            FROM articles a
            JOIN article_versions v ON v.id = a.published_version_id
            JOIN sections s ON s.id = v.section_id
            LEFT JOIN topics p ON p.id = v.topic_id
            WHERE \(condition) \(tail)
            """
        let rows = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let versionIDs: [Int64] = rows.map { $0[4] }
        let tags = try tagsByVersion(db, versionIDs: versionIDs)
        let authors = try authorsByVersion(db, versionIDs: versionIDs)
        let media = try mediaByVersion(db, versionIDs: versionIDs)
        return rows.map { row in
            let versionID: Int64 = row[4]
            return Article(
                id: ArticleID(row[0]), externalID: row[1], status: ArticleStatus(rawValue: row[2]) ?? .published,
                version: row[5], slug: row[6], title: row[7], sapo: row[8], body: row[9], section: Columns.section(row, at: 11),
                topic: Columns.topic(row, at: 17), tags: tags[versionID] ?? [], authors: authors[versionID] ?? [],
                images: media[versionID] ?? [], publishedAt: (row[3] as Double?).map(Date.init(storageValue:)),
                updatedAt: Date(storageValue: row[10])
            )
        }
    }

    static func tagsByVersion(_ db: Database, versionIDs: [Int64]) throws -> [Int64: [Tag]] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT vt.version_id, \(Columns.tag) FROM article_version_tags vt JOIN tags t ON t.id = vt.tag_id
                WHERE vt.version_id IN (\(ReaderSQL.placeholders(versionIDs.count))) ORDER BY vt.version_id, vt.position
                """,
            arguments: StatementArguments(versionIDs)
        )
        var result: [Int64: [Tag]] = [:]
        for row in rows { result[row[0], default: []].append(Columns.tag(row, at: 1)) }
        return result
    }

    static func mediaByVersion(_ db: Database, versionIDs: [Int64]) throws -> [Int64: [Media]] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT vm.version_id, \(Columns.media) FROM article_version_media vm JOIN media m ON m.id = vm.media_id
                WHERE vm.version_id IN (\(ReaderSQL.placeholders(versionIDs.count))) ORDER BY vm.version_id, vm.position
                """,
            arguments: StatementArguments(versionIDs)
        )
        var result: [Int64: [Media]] = [:]
        for row in rows {
            if let media = Columns.media(row, at: 1) { result[row[0], default: []].append(media) }
        }
        return result
    }
}
