import Foundation
import NewsDomain
import NewsStore
import PostgresNIO

extension PostgresNewsStore {
    public func editorialArticle(id: ArticleID, now: Date) async throws -> EditorialArticle? {
        try await read { session in try await Self.fetchEditorial(session, id: id, now: now) }
    }

    public func revisions(id: ArticleID) async throws -> [RevisionSummary] {
        try await read(snapshot: false) { session in
            try await session.rows("""
                SELECT v.number, v.created_at, u.name, v.title,
                       COALESCE(v.id = a.published_version_id AND a.status = 'published', FALSE), v.id = a.current_version_id
                FROM article_versions v
                JOIN articles a ON a.id = v.article_id
                LEFT JOIN users u ON u.id = v.created_by
                WHERE v.article_id = \(id.rawValue)
                ORDER BY v.number DESC
                """).map { row in
                let (number, createdAt, name, title, isLive, isCurrent) =
                    try row.decode((Int64, Double, String?, String, Bool, Bool).self)
                return RevisionSummary(
                    number: Int(number), createdAt: Date(storageValue: createdAt), createdByName: name, title: title,
                    isLive: isLive, isCurrent: isCurrent
                )
            }
        }
    }

    public func content(id: ArticleID, version: Int) async throws -> ArticleContent? {
        try await read { session in
            guard let versionID = try await session.rows(
                "SELECT id FROM article_versions WHERE article_id = \(id.rawValue) AND number = \(Int64(version))"
            ).first?.decode(Int64.self) else {
                return nil
            }
            return try await Self.fetchContent(session, versionID: versionID)
        }
    }

    public func corrections(articleID: ArticleID) async throws -> [Correction] {
        try await read(snapshot: false) { session in
            try await session.rows("""
                SELECT \(unescaped: Self.correctionColumns) FROM corrections c WHERE c.article_id = \(articleID.rawValue)
                ORDER BY c.created_at, c.id
                """).map(Self.correction)
        }
    }

    public func correctionsIndex(page: PageRequest, now: Date) async throws -> Page<CorrectionIndexItem> {
        try await read { session in
            let from = "FROM corrections c JOIN articles a ON a.id = c.article_id WHERE \(ReaderSQL.visible(now: "$1"))"
            var binds = PostgresBindings()
            binds.append(now.storageValue)
            let total = try await session.rows(PostgresQuery(unsafeSQL: "SELECT count(*) \(from)", binds: binds))
                .first?.decode(Int64.self) ?? 0
            binds.append(Int64(page.size))
            binds.append(Int64(page.offset))
            let corrections = try await session.rows(PostgresQuery(
                unsafeSQL: "SELECT \(Self.correctionColumns) \(from) ORDER BY c.created_at DESC, c.id DESC LIMIT $2 OFFSET $3",
                binds: binds
            )).map(Self.correction)
            let articles = try await Self.fetchSummaries(session, ids: corrections.map(\.articleID), now: now)
            let byID = Dictionary(articles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let items = corrections.compactMap { correction in
                byID[correction.articleID].map { CorrectionIndexItem(correction: correction, article: $0) }
            }
            return Page(items: items, request: page, totalCount: Int(total))
        }
    }

    public func waitingArticles(for actor: WorkflowActor, workflow: Workflow) async throws -> [EditorialSummary] {
        try await read(snapshot: false) { session in
            let waiting = ["submitted", "edited", "approved"].map { "'\($0)'" }.joined(separator: ", ")
            let rows = try await session.rows(PostgresQuery(unsafeSQL: """
                \(Self.editorialSummarySelect)
                WHERE a.status IN (\(waiting)) OR (a.status = 'published' AND a.revision_stage IN (\(waiting)))
                ORDER BY COALESCE(a.state_changed_at, a.updated_at), a.id
                """))
            return try rows.compactMap { row in
                let summary = try Self.editorialSummary(row)
                let subject = WorkflowSubject(
                    status: summary.state.status, revision: summary.state.revision, sectionID: summary.section.id,
                    authorUserID: summary.authorUserID?.rawValue
                )
                return workflow.waitsFor(actor, subject) ? summary : nil
            }
        }
    }

    public func editorialArticles(status: ArticleStatus?, sectionID: SectionID?, page: PageRequest) async throws -> Page<EditorialSummary> {
        try await read { session in
            let count = StatementBuilder("SELECT count(*) FROM articles a JOIN article_versions v ON v.id = a.current_version_id")
            let list = StatementBuilder(Self.editorialSummarySelect)
            for statement in [count, list] {
                var conditions = ["TRUE"]
                if let status { conditions.append("a.status = \(try statement.bind(status.rawValue))") }
                if let sectionID {
                    let id = try statement.bind(sectionID.rawValue)
                    conditions.append("v.section_id IN (SELECT id FROM sections WHERE id = \(id) OR parent_id = \(id))")
                }
                statement.append(" WHERE " + conditions.joined(separator: " AND "))
            }
            list.append("""
                 ORDER BY GREATEST(v.created_at, COALESCE(a.state_changed_at, v.created_at)) DESC, a.id DESC
                 LIMIT \(try list.bind(Int64(page.size))) OFFSET \(try list.bind(Int64(page.offset)))
                """)
            let total = try await session.rows(count.query).first?.decode(Int64.self) ?? 0
            let items = try await session.rows(list.query).map(Self.editorialSummary)
            return Page(items: items, request: page, totalCount: Int(total))
        }
    }

    // MARK: - Queries

    private static let correctionColumns = "c.id, c.article_id, c.note, c.created_at, c.created_by_name"

    private static func correction(_ row: PostgresRow) throws -> Correction {
        let (id, articleID, note, createdAt, name) = try row.decode((Int64, Int64, String, Double, String).self)
        return Correction(
            id: id, articleID: ArticleID(articleID), note: note, createdAt: Date(storageValue: createdAt), createdByName: name
        )
    }

    /// Lines of the newsroom lists; the author is the writing account, else the first byline (imported articles).
    private static let editorialSummarySelect = """
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

    private static func editorialSummary(_ row: PostgresRow) throws -> EditorialSummary {
        let cells = RowCells(row)
        return EditorialSummary(
            id: ArticleID(try cells[0] as Int64), title: try cells[1],
            state: try WorkflowState(stored: try cells[2], revision: try cells[3]),
            section: try Columns.section(cells, at: 9), authorName: try cells[7],
            updatedAt: Date(storageValue: try cells[4]), waitingSince: Date(storageValue: try cells[5]),
            scheduledAt: (try cells[6] as Double?).map(Date.init(storageValue:)),
            authorUserID: (try cells[8] as Int64?).map { UserID($0) }
        )
    }

    /// The article as the newsroom sees it, with its lock when one is active at `now`.
    static func fetchEditorial(_ session: PostgresSession, id: ArticleID, now: Date) async throws -> EditorialArticle? {
        guard let row = try await session.rows("""
            SELECT a.external_id, a.status, a.revision_stage, a.author_user_id, v.id, v.number, pv.number,
                   CASE WHEN a.published_version_id IS NOT NULL THEN a.published_at END, a.scheduled_at, v.created_at, u.name,
                   COALESCE(a.state_changed_at, a.updated_at)
            FROM articles a
            JOIN article_versions v ON v.id = a.current_version_id
            LEFT JOIN article_versions pv ON pv.id = a.published_version_id
            LEFT JOIN users u ON u.id = v.created_by
            WHERE a.id = \(id.rawValue)
            """).first else { return nil }
        let cells = RowCells(row)
        let date = { (value: Double?) in value.map(Date.init(storageValue:)) }
        return EditorialArticle(
            id: id, externalID: try cells[0], state: try WorkflowState(stored: try cells[1], revision: try cells[2]),
            authorUserID: (try cells[3] as Int64?).map { UserID($0) }, currentVersion: Int(try cells[5] as Int64),
            publishedVersion: (try cells[6] as Int64?).map { Int($0) },
            content: try await fetchContent(session, versionID: try cells[4]), publishedAt: date(try cells[7]),
            scheduledAt: date(try cells[8]), updatedAt: Date(storageValue: try cells[9]), updatedByName: try cells[10],
            stateChangedAt: Date(storageValue: try cells[11]), lock: try await activeLock(session, articleID: id, now: now)
        )
    }

    /// One version's content with its section, topic, tags, bylines, images and related links.
    static func fetchContent(_ session: PostgresSession, versionID: Int64) async throws -> ArticleContent {
        guard let row = try await session.rows(PostgresQuery(unsafeSQL: """
            SELECT v.slug, v.title, v.sapo, v.body, v.seo_title, v.seo_description, \(Columns.section), \(Columns.topic)
            FROM article_versions v
            JOIN sections s ON s.id = v.section_id
            LEFT JOIN topics p ON p.id = v.topic_id
            WHERE v.id = $1
            """, binds: { var binds = PostgresBindings(); binds.append(versionID); return binds }())).first else {
            throw StorageError.notFound("article version \(versionID)")
        }
        let cells = RowCells(row)
        return ArticleContent(
            title: try cells[1], sapo: try cells[2], body: try cells[3], slug: try cells[0],
            section: try Columns.section(cells, at: 6), topic: try Columns.topic(cells, at: 12),
            tags: try await tags(session, versionID: versionID),
            authors: try await authorsByVersion(session, versionIDs: [versionID])[versionID] ?? [],
            images: try await media(session, versionID: versionID), relatedIDs: try await related(session, versionID: versionID),
            seoTitle: try cells[4], seoDescription: try cells[5]
        )
    }
}
