import Foundation
import GRDB
import NewsDomain
import NewsStore

extension SQLiteNewsStore {
    public func editorialArticle(id: ArticleID, now: Date) async throws -> EditorialArticle? {
        try await read { db in try Self.fetchEditorial(db, id: id, now: now) }
    }

    public func revisions(id: ArticleID) async throws -> [RevisionSummary] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.number, v.created_at, u.name, v.title,
                           IFNULL(v.id = a.published_version_id AND a.status = 'published', 0), v.id = a.current_version_id
                    FROM article_versions v
                    JOIN articles a ON a.id = v.article_id
                    LEFT JOIN users u ON u.id = v.created_by
                    WHERE v.article_id = ?
                    ORDER BY v.number DESC
                    """,
                arguments: [id.rawValue]
            ).map { row in
                RevisionSummary(
                    number: row[0], createdAt: Date(storageValue: row[1]), createdByName: row[2], title: row[3], isLive: row[4],
                    isCurrent: row[5]
                )
            }
        }
    }

    public func content(id: ArticleID, version: Int) async throws -> ArticleContent? {
        try await read { db in
            guard let versionID = try Int64.fetchOne(
                db, sql: "SELECT id FROM article_versions WHERE article_id = ? AND number = ?", arguments: [id.rawValue, version]
            ) else {
                return nil
            }
            return try Self.fetchContent(db, versionID: versionID)
        }
    }

    public func corrections(articleID: ArticleID) async throws -> [Correction] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \(Self.correctionColumns) FROM corrections c WHERE c.article_id = ? ORDER BY c.created_at, c.id",
                arguments: [articleID.rawValue]
            ).map(Self.correction)
        }
    }

    public func correctionsIndex(page: PageRequest, now: Date) async throws -> Page<CorrectionIndexItem> {
        try await read { db in
            let from = "FROM corrections c JOIN articles a ON a.id = c.article_id WHERE \(ReaderSQL.visible)"
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: [now.storageValue]) ?? 0
            let corrections = try Row.fetchAll(
                db,
                sql: "SELECT \(Self.correctionColumns) \(from) ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?",
                arguments: [now.storageValue, page.size, page.offset]
            ).map(Self.correction)
            let articles = try Self.fetchSummaries(db, ids: corrections.map(\.articleID), now: now)
            let byID = Dictionary(articles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let items = corrections.compactMap { correction in
                byID[correction.articleID].map { CorrectionIndexItem(correction: correction, article: $0) }
            }
            return Page(items: items, request: page, totalCount: total)
        }
    }

    public func waitingArticles(for actor: WorkflowActor, workflow: Workflow) async throws -> [EditorialSummary] {
        try await read { db in
            let waiting = ["submitted", "edited", "approved"].map { "'\($0)'" }.joined(separator: ", ")
            let rows = try Row.fetchAll(
                db,
                sql: """
                    \(Self.summarySelect)
                    WHERE a.status IN (\(waiting)) OR (a.status = 'published' AND a.revision_stage IN (\(waiting)))
                    ORDER BY COALESCE(a.state_changed_at, a.updated_at), a.id
                    """
            )
            return try rows.compactMap { row in
                let summary = try Self.editorialSummary(row)
                let subject = WorkflowSubject(
                    status: summary.state.status, revision: summary.state.revision, sectionID: summary.section.id,
                    authorUserID: row[Self.summaryAuthorUserIDIndex]
                )
                return workflow.waitsFor(actor, subject) ? summary : nil
            }
        }
    }

    public func editorialArticles(status: ArticleStatus?, sectionID: SectionID?, page: PageRequest) async throws -> Page<EditorialSummary> {
        try await read { db in
            var conditions = ["1"]
            var arguments: StatementArguments = []
            if let status {
                conditions.append("a.status = ?")
                arguments += [status.rawValue]
            }
            if let sectionID {
                conditions.append("v.section_id IN (SELECT id FROM sections WHERE id = ? OR parent_id = ?)")
                arguments += [sectionID.rawValue, sectionID.rawValue]
            }
            let condition = conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(
                db,
                sql: "SELECT COUNT(*) FROM articles a JOIN article_versions v ON v.id = a.current_version_id WHERE \(condition)",
                arguments: arguments
            ) ?? 0
            let items = try Row.fetchAll(
                db,
                sql: """
                    \(Self.summarySelect) WHERE \(condition)
                    ORDER BY MAX(v.created_at, COALESCE(a.state_changed_at, v.created_at)) DESC, a.id DESC LIMIT ? OFFSET ?
                    """,
                arguments: arguments + [page.size, page.offset]
            ).map(Self.editorialSummary)
            return Page(items: items, request: page, totalCount: total)
        }
    }

    // MARK: - Queries

    private static let correctionColumns = "c.id, c.article_id, c.note, c.created_at, c.created_by_name"

    private static func correction(_ row: Row) -> Correction {
        Correction(
            id: row[0], articleID: ArticleID(row[1] as Int64), note: row[2], createdAt: Date(storageValue: row[3]),
            createdByName: row[4]
        )
    }

    /// Lines of the newsroom lists; the author is the writing account, else the first byline (imported articles).
    private static let summarySelect = """
        SELECT a.id, v.title, a.status, a.revision_stage, v.created_at, COALESCE(a.state_changed_at, a.updated_at),
               a.scheduled_at,
               COALESCE(u.name, (SELECT au.name FROM article_version_authors va JOIN authors au ON au.id = va.author_id
                                 WHERE va.version_id = v.id ORDER BY va.position LIMIT 1), ''),
               a.author_user_id, \(Columns.section)
        FROM articles a
        JOIN article_versions v ON v.id = a.current_version_id
        JOIN sections s ON s.id = v.section_id
        LEFT JOIN users u ON u.id = a.author_user_id
        """
    private static let summaryAuthorUserIDIndex = 8

    private static func editorialSummary(_ row: Row) throws -> EditorialSummary {
        EditorialSummary(
            id: ArticleID(row[0] as Int64), title: row[1], state: try WorkflowState(stored: row[2], revision: row[3]),
            section: Columns.section(row, at: 9), authorName: row[7], updatedAt: Date(storageValue: row[4]),
            waitingSince: Date(storageValue: row[5]), scheduledAt: (row[6] as Double?).map(Date.init(storageValue:)),
            authorUserID: (row[summaryAuthorUserIDIndex] as Int64?).map { UserID($0) }
        )
    }

    /// The article as the newsroom sees it, with its lock when one is active at `now`.
    static func fetchEditorial(_ db: Database, id: ArticleID, now: Date) throws -> EditorialArticle? {
        let sql = """
            SELECT a.external_id, a.status, a.revision_stage, a.author_user_id, v.id, v.number, pv.number,
                   CASE WHEN a.published_version_id IS NOT NULL THEN a.published_at END, a.scheduled_at, v.created_at, u.name,
                   COALESCE(a.state_changed_at, a.updated_at)
            FROM articles a
            JOIN article_versions v ON v.id = a.current_version_id
            LEFT JOIN article_versions pv ON pv.id = a.published_version_id
            LEFT JOIN users u ON u.id = v.created_by
            WHERE a.id = ?
            """
        guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [id.rawValue]) else { return nil }
        let date = { (value: Double?) in value.map(Date.init(storageValue:)) }
        return EditorialArticle(
            id: id, externalID: row[0], state: try WorkflowState(stored: row[1], revision: row[2]),
            authorUserID: (row[3] as Int64?).map { UserID($0) }, currentVersion: row[5], publishedVersion: row[6],
            content: try fetchContent(db, versionID: row[4]), publishedAt: date(row[7]), scheduledAt: date(row[8]),
            updatedAt: Date(storageValue: row[9]), updatedByName: row[10], stateChangedAt: Date(storageValue: row[11]),
            lock: try activeLock(db, articleID: id, now: now)
        )
    }

    /// One version's content with its section, topic, tags, bylines, images and related links.
    static func fetchContent(_ db: Database, versionID: Int64) throws -> ArticleContent {
        let sql = """
            SELECT v.slug, v.title, v.sapo, v.body, v.seo_title, v.seo_description, \(Columns.section), \(Columns.topic)
            FROM article_versions v
            JOIN sections s ON s.id = v.section_id
            LEFT JOIN topics p ON p.id = v.topic_id
            WHERE v.id = ?
            """
        guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [versionID]) else {
            throw StorageError.notFound("article version \(versionID)")
        }
        return ArticleContent(
            title: row[1], sapo: row[2], body: row[3], slug: row[0], section: Columns.section(row, at: 6),
            topic: Columns.topic(row, at: 12), tags: try tags(db, versionID: versionID),
            authors: try authorsByVersion(db, versionIDs: [versionID])[versionID] ?? [], images: try media(db, versionID: versionID),
            relatedIDs: try related(db, versionID: versionID), seoTitle: row[4], seoDescription: row[5]
        )
    }
}
