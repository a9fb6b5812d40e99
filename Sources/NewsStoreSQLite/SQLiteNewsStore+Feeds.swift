import Foundation
import GRDB
import NewsDomain
import NewsStore

/// Feeds and sitemaps: the same visibility rule as every reader query (`ReaderSQL.visible`).
extension SQLiteNewsStore: FeedStore {
    /// An article's last change as sitemaps and feeds state it: its live version's save time, never before it went out.
    private static let lastModified = "MAX(a.published_at, v.created_at)"

    public func feedEntries(_ filter: ArticleFilter, limit: Int, now: Date) async throws -> [FeedEntry] {
        try await read { db in
            let (condition, arguments) = try Self.condition(for: filter, in: db)
            let sql = """
                SELECT a.id, a.published_at, v.slug, v.title, v.sapo, v.id, \(Self.lastModified), \(Columns.section),
                       m.src, m.width, m.height, m.byte_count, m.alt
                FROM articles a
                JOIN article_versions v ON v.id = a.published_version_id
                JOIN sections s ON s.id = v.section_id
                LEFT JOIN article_version_media vm ON vm.version_id = v.id AND vm.position = 0
                LEFT JOIN media m ON m.id = vm.media_id
                WHERE \(ReaderSQL.visible) AND \(condition)
                ORDER BY a.published_at DESC, a.id DESC LIMIT ?
                """
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: sql), arguments: [now.storageValue] + arguments + [max(0, limit)]
            )
            let authors = try Self.authorsByVersion(db, versionIDs: rows.map { $0[5] })
            return rows.map { row in
                let image = (row[13] as String?).map {
                    FeedImage(src: $0, width: row[14], height: row[15], byteCount: row[16], alt: (row[17] as String?) ?? "")
                }
                return FeedEntry(
                    id: ArticleID(row[0]), slug: row[2], title: row[3], sapo: row[4], section: Columns.section(row, at: 7),
                    authors: authors[row[5]] ?? [], image: image, publishedAt: Date(storageValue: row[1]),
                    updatedAt: Date(storageValue: row[6])
                )
            }
        }
    }

    public func sitemapArticlePages(size: Int, now: Date) async throws -> [SitemapPageSummary] {
        let size = max(1, size)
        return try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT (n - 1) / ? AS page, COUNT(*), MAX(modified) FROM (
                        SELECT ROW_NUMBER() OVER (ORDER BY a.id) AS n, \(Self.lastModified) AS modified
                        FROM articles a JOIN article_versions v ON v.id = a.published_version_id
                        WHERE \(ReaderSQL.visible)
                    ) GROUP BY page ORDER BY page
                    """,
                arguments: [size, now.storageValue]
            )
            return rows.map { row in
                SitemapPageSummary(number: Int(row[0] as Int64) + 1, count: row[1], lastModified: Date(storageValue: row[2]))
            }
        }
    }

    public func sitemapArticles(page number: Int, size: Int, now: Date) async throws -> [SitemapArticle] {
        let size = max(1, size)
        let offset = max(0, number - 1) * size
        return try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, v.slug, \(Self.lastModified)
                    FROM articles a JOIN article_versions v ON v.id = a.published_version_id
                    WHERE \(ReaderSQL.visible) ORDER BY a.id LIMIT ? OFFSET ?
                    """,
                arguments: [now.storageValue, size, offset]
            ).map { row in
                SitemapArticle(id: ArticleID(row[0]), slug: row[1], lastModified: Date(storageValue: row[2]))
            }
        }
    }

    public func sitemapListings(now: Date) async throws -> [SitemapListing] {
        try await read { db in
            // A section page lists its subsections' articles too, so a parent counts the articles of its children.
            let sql = """
                SELECT 'section', s.slug, MAX(a.published_at) FROM articles a
                JOIN sections s ON s.id = a.published_section_id OR s.id = (SELECT parent_id FROM sections WHERE id = a.published_section_id)
                WHERE \(ReaderSQL.visible) GROUP BY s.id
                UNION ALL
                SELECT 'tag', t.slug, MAX(a.published_at) FROM articles a
                JOIN article_version_tags vt ON vt.version_id = a.published_version_id JOIN tags t ON t.id = vt.tag_id
                WHERE \(ReaderSQL.visible) GROUP BY t.id
                UNION ALL
                SELECT 'topic', p.slug, MAX(a.published_at) FROM articles a JOIN topics p ON p.id = a.published_topic_id
                WHERE \(ReaderSQL.visible) GROUP BY p.id
                UNION ALL
                SELECT 'author', au.slug, MAX(a.published_at) FROM articles a
                JOIN article_version_authors va ON va.version_id = a.published_version_id JOIN authors au ON au.id = va.author_id
                WHERE \(ReaderSQL.visible) GROUP BY au.id
                """
            let time = now.storageValue
            let order = Dictionary(uniqueKeysWithValues: SitemapListing.Kind.allCases.enumerated().map { ($1, $0) })
            return try Row.fetchAll(db, sql: sql, arguments: [time, time, time, time]).compactMap { row -> SitemapListing? in
                guard let kind = SitemapListing.Kind(rawValue: row[0]) else { return nil }
                return SitemapListing(kind: kind, slug: row[1], lastModified: Date(storageValue: row[2]))
            }.sorted { (order[$0.kind]!, $0.slug) < (order[$1.kind]!, $1.slug) }
        }
    }

    public func newsSitemapArticles(since: Date, now: Date) async throws -> [NewsSitemapArticle] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, v.slug, v.title, a.published_at
                    FROM articles a JOIN article_versions v ON v.id = a.published_version_id
                    WHERE \(ReaderSQL.visible) AND a.published_at >= ?
                    ORDER BY a.published_at DESC, a.id DESC
                    """,
                arguments: [now.storageValue, since.storageValue]
            ).map { row in
                NewsSitemapArticle(id: ArticleID(row[0]), slug: row[1], title: row[2], publishedAt: Date(storageValue: row[3]))
            }
        }
    }
}
