import Foundation
import NewsDomain
import NewsStore
import PostgresNIO

/// Feeds and sitemaps: the same visibility rule as every reader query (`ReaderSQL.visible`).
extension PostgresNewsStore: FeedStore {
    /// An article's last change as sitemaps and feeds state it: its live version's save time, never before it went out
    /// (both are set on every visible article, so GREATEST's skipping of NULLs, unlike SQLite's MAX, never shows).
    private static let lastModified = "GREATEST(a.published_at, v.created_at)"

    /// The newest visible articles of a list, with their first image, for RSS and Atom.
    public func feedEntries(_ filter: ArticleFilter, limit: Int, now: Date) async throws -> [FeedEntry] {
        try await read { session in
            let statement = StatementBuilder("""
                SELECT a.id, a.published_at, v.slug, v.title, v.sapo, v.id, \(Self.lastModified), \(Columns.section),
                       m.src, m.width, m.height, m.byte_count, m.alt
                FROM articles a
                JOIN article_versions v ON v.id = a.published_version_id
                JOIN sections s ON s.id = v.section_id
                LEFT JOIN article_version_media vm ON vm.version_id = v.id AND vm.position = 0
                LEFT JOIN media m ON m.id = vm.media_id
                WHERE
                """)
            statement.append(" " + ReaderSQL.visible(now: try statement.bind(now.storageValue)))
            statement.append(" AND " + (try Self.condition(for: filter, in: statement)))
            statement.append(" ORDER BY a.published_at DESC, a.id DESC LIMIT \(try statement.bind(max(0, limit)))")
            let rows = try await session.rows(statement.query).map(RowCells.init)
            let authors = try await Self.authorsByVersion(session, versionIDs: try rows.map { try $0[5] })
            return try rows.map { row in
                let image = try (row[13] as String?).map {
                    FeedImage(
                        src: $0, width: try row[14], height: try row[15], byteCount: try row[16],
                        alt: (try row[17] as String?) ?? ""
                    )
                }
                let versionID: Int64 = try row[5]
                return FeedEntry(
                    id: ArticleID(try row[0]), slug: try row[2], title: try row[3], sapo: try row[4],
                    section: try Columns.section(row, at: 7), authors: authors[versionID] ?? [], image: image,
                    publishedAt: Date(storageValue: try row[1]), updatedAt: Date(storageValue: try row[6])
                )
            }
        }
    }

    /// The sitemap index's pages of visible articles, by id, with each page's newest change.
    public func sitemapArticlePages(size: Int, now: Date) async throws -> [SitemapPageSummary] {
        let size = max(1, size)
        return try await read { session in
            let statement = StatementBuilder()
            let (pageSize, visible) = (try statement.bind(size), ReaderSQL.visible(now: try statement.bind(now.storageValue)))
            // PostgreSQL wants a name for the subquery in FROM (SQLite does not).
            statement.append("""
                SELECT (n - 1) / \(pageSize) AS page, COUNT(*), MAX(modified) FROM (
                    SELECT ROW_NUMBER() OVER (ORDER BY a.id) AS n, \(Self.lastModified) AS modified
                    FROM articles a JOIN article_versions v ON v.id = a.published_version_id
                    WHERE \(visible)
                ) numbered GROUP BY page ORDER BY page
                """)
            return try await session.rows(statement.query).map { row in
                let (page, count, lastModified) = try row.decode((Int64, Int, Double).self)
                return SitemapPageSummary(number: Int(page) + 1, count: count, lastModified: Date(storageValue: lastModified))
            }
        }
    }

    /// One sitemap page of visible articles, by id.
    public func sitemapArticles(page number: Int, size: Int, now: Date) async throws -> [SitemapArticle] {
        let size = max(1, size)
        let offset = max(0, number - 1) * size
        return try await read { session in
            let statement = StatementBuilder()
            let visible = ReaderSQL.visible(now: try statement.bind(now.storageValue))
            statement.append("""
                SELECT a.id, v.slug, \(Self.lastModified)
                FROM articles a JOIN article_versions v ON v.id = a.published_version_id
                WHERE \(visible) ORDER BY a.id LIMIT \(try statement.bind(size)) OFFSET \(try statement.bind(offset))
                """)
            return try await session.rows(statement.query).map { row in
                let (id, slug, lastModified) = try row.decode((Int64, String, Double).self)
                return SitemapArticle(id: ArticleID(id), slug: slug, lastModified: Date(storageValue: lastModified))
            }
        }
    }

    /// Every list page with a visible article, by kind and slug, with its newest publication.
    public func sitemapListings(now: Date) async throws -> [SitemapListing] {
        try await read { session in
            let statement = StatementBuilder()
            // One bound time, used by every part of the union.
            let visible = ReaderSQL.visible(now: try statement.bind(now.storageValue))
            // A section page lists its subsections' articles too, so a parent counts the articles of its children.
            statement.append("""
                SELECT 'section', s.slug, MAX(a.published_at) FROM articles a
                JOIN sections s ON s.id = a.published_section_id OR s.id = (SELECT parent_id FROM sections WHERE id = a.published_section_id)
                WHERE \(visible) GROUP BY s.id
                UNION ALL
                SELECT 'tag', t.slug, MAX(a.published_at) FROM articles a
                JOIN article_version_tags vt ON vt.version_id = a.published_version_id JOIN tags t ON t.id = vt.tag_id
                WHERE \(visible) GROUP BY t.id
                UNION ALL
                SELECT 'topic', p.slug, MAX(a.published_at) FROM articles a JOIN topics p ON p.id = a.published_topic_id
                WHERE \(visible) GROUP BY p.id
                UNION ALL
                SELECT 'author', au.slug, MAX(a.published_at) FROM articles a
                JOIN article_version_authors va ON va.version_id = a.published_version_id JOIN authors au ON au.id = va.author_id
                WHERE \(visible) GROUP BY au.id
                """)
            let order = Dictionary(uniqueKeysWithValues: SitemapListing.Kind.allCases.enumerated().map { ($1, $0) })
            return try await session.rows(statement.query).compactMap { row -> SitemapListing? in
                let (kindName, slug, lastModified) = try row.decode((String, String, Double).self)
                guard let kind = SitemapListing.Kind(rawValue: kindName) else { return nil }
                return SitemapListing(kind: kind, slug: slug, lastModified: Date(storageValue: lastModified))
            }.sorted { (order[$0.kind]!, $0.slug) < (order[$1.kind]!, $1.slug) }
        }
    }

    /// Visible articles published since `since`, newest first (Google News sitemap).
    public func newsSitemapArticles(since: Date, now: Date) async throws -> [NewsSitemapArticle] {
        try await read { session in
            let statement = StatementBuilder()
            let visible = ReaderSQL.visible(now: try statement.bind(now.storageValue))
            statement.append("""
                SELECT a.id, v.slug, v.title, a.published_at
                FROM articles a JOIN article_versions v ON v.id = a.published_version_id
                WHERE \(visible) AND a.published_at >= \(try statement.bind(since.storageValue))
                ORDER BY a.published_at DESC, a.id DESC
                """)
            return try await session.rows(statement.query).map { row in
                let (id, slug, title, publishedAt) = try row.decode((Int64, String, String, Double).self)
                return NewsSitemapArticle(id: ArticleID(id), slug: slug, title: title, publishedAt: Date(storageValue: publishedAt))
            }
        }
    }
}
