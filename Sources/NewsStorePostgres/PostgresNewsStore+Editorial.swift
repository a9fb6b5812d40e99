import Foundation
import NewsDomain
import NewsStore
import NewsText
import PostgresNIO

/// The newsroom's write path. Every method is one transaction that first locks the article's row
/// (`editorialState`, `FOR UPDATE`), so that the decision (workflow, stale check) is taken on a state no other node can
/// change before it commits, as SQLite's single writer guarantees; the change, its audit entry and its change-log entry
/// commit together or not at all.
extension PostgresNewsStore: EditorialStore {
    public func createArticle(_ input: ArticleInput, seo: SEOFields, by user: User, now: Date) async throws -> EditorialArticle {
        guard user.editorialActor.mayWriteArticles else { throw WorkflowDenial.writeNotPermitted }
        let input = try input.editorialInput(creating: true)
        let seo = try seo.checked()
        return try await write { session in
            let sectionID = try await Self.sectionID(session, slug: input.sectionSlug)
            let articleID = try await Self.insertedID(session, """
                INSERT INTO articles (external_id, status, author_user_id, created_at, updated_at, state_changed_at)
                VALUES (\(input.externalID), \(ArticleStatus.draft.rawValue), \(user.id.rawValue), \(now.storageValue),
                        \(now.storageValue), \(now.storageValue))
                RETURNING id
                """)
            let versionID = try await Self.insertVersion(
                session, articleID: articleID, input: input, sectionID: sectionID, seo: seo, createdBy: user.id.rawValue,
                now: now
            )
            try await session.execute("UPDATE articles SET current_version_id = \(versionID) WHERE id = \(articleID)")
            try await Self.updateSearchIndex(session, articleID: articleID)
            try await Self.insert(
                AuditEntry(
                    action: "article.create", at: now, userID: user.id, actorName: user.name, articleID: ArticleID(articleID),
                    toState: WorkflowState(.draft).description
                ),
                session
            )
            return try await Self.requireEditorial(session, id: ArticleID(articleID), now: now)
        }
    }

    public func saveArticle(
        id: ArticleID, input: ArticleInput, seo: SEOFields?, baseVersion: Int, actor: WorkflowActor, actorName: String,
        workflow: Workflow, now: Date
    ) async throws -> EditorialArticle {
        let input = try input.editorialInput(creating: false)
        let seo = try seo.map { try $0.checked() }
        return try await write { session in
            let row = try await Self.requireState(session, id: id)
            try row.requireBase(baseVersion)
            let sectionID = try await Self.sectionID(session, slug: input.sectionSlug)
            let state = try row.stateAfterEdit(movingTo: sectionID, actor: actor, workflow: workflow)
            let keptSEO: SEOFields
            if let seo {
                keptSEO = seo
            } else {
                keptSEO = try await Self.seo(session, versionID: row.currentVersionID)
            }
            let versionID = try await Self.insertVersion(
                session, articleID: id.rawValue, input: input, sectionID: sectionID, seo: keptSEO,
                createdBy: actor.userID, now: now
            )
            try await Self.recordEdit(session, row, to: state, versionID: versionID, now: now)
            try await Self.insert(
                AuditEntry(
                    action: "article.save", at: now, userID: UserID(actor.userID), actorName: actorName, articleID: id,
                    fromState: row.state.description, toState: state.description
                ),
                session
            )
            return try await Self.requireEditorial(session, id: id, now: now)
        }
    }

    public func restoreRevision(
        id: ArticleID, version: Int, baseVersion: Int, actor: WorkflowActor, actorName: String, workflow: Workflow, now: Date
    ) async throws -> EditorialArticle {
        try await write { session in
            let row = try await Self.requireState(session, id: id)
            try row.requireBase(baseVersion)
            guard let source = try await session.rows(
                "SELECT id, section_id FROM article_versions WHERE article_id = \(id.rawValue) AND number = \(Int64(version))"
            ).first.map({ try $0.decode((Int64, Int64).self) }) else {
                throw StorageError.notFound("version \(version) of article \(id)")
            }
            let state = try row.stateAfterEdit(movingTo: source.1, actor: actor, workflow: workflow)
            let versionID = try await Self.copyVersion(session, source.0, articleID: id.rawValue, createdBy: actor.userID, now: now)
            try await Self.recordEdit(session, row, to: state, versionID: versionID, now: now)
            try await Self.insert(
                AuditEntry(
                    action: "article.restore", at: now, userID: UserID(actor.userID), actorName: actorName, articleID: id,
                    fromState: row.state.description, toState: state.description, note: "Khôi phục bản \(version)"
                ),
                session
            )
            return try await Self.requireEditorial(session, id: id, now: now)
        }
    }

    public func transition(
        id: ArticleID, action: WorkflowAction, note: String?, at: Date?, actor: WorkflowActor, actorName: String,
        workflow: Workflow, now: Date
    ) async throws -> EditorialArticle {
        try await write { session in
            let row = try await Self.requireState(session, id: id)
            let transition = try workflow.decide(action, by: actor, on: row.subject, note: note, at: at, now: now).get()
            try await Self.apply(
                transition, to: row, session, userID: actor.userID, actorName: actorName, note: transition.note, now: now
            )
            return try await Self.requireEditorial(session, id: id, now: now)
        }
    }

    // MARK: - Applying decisions

    /// Writes a permitted transition: state, live version, schedule, correction, audit entry, related articles, webhook
    /// deliveries, and last the change-log entry (see `recordChange`).
    static func apply(
        _ transition: WorkflowTransition, to row: EditorialState, _ session: PostgresSession, userID: Int64?,
        actorName: String, note: String?, now: Date
    ) async throws {
        let to = transition.to
        let changedAt: Double? = to == transition.from ? nil : now.storageValue
        let scheduledAt: Double? = to.status == .scheduled ? transition.scheduledAt?.storageValue : nil
        try await session.execute("""
            UPDATE articles SET status = \(to.status.rawValue), revision_stage = \(to.revision?.rawValue),
                scheduled_at = \(scheduledAt), state_changed_at = COALESCE(\(changedAt), state_changed_at, \(now.storageValue))
            WHERE id = \(row.id.rawValue)
            """)
        if transition.makesLive {
            // The first publication time stays when a revision (or a republished version) replaces the live one.
            // `published_at` of an article that was live before is its publication time (imports set no
            // first_published_at). Every right-hand side reads the row as it was before this statement.
            try await session.execute("""
                UPDATE articles SET published_version_id = current_version_id,
                    published_section_id = (SELECT section_id FROM article_versions WHERE id = articles.current_version_id),
                    published_topic_id = (SELECT topic_id FROM article_versions WHERE id = articles.current_version_id),
                    published_at = COALESCE(first_published_at,
                        CASE WHEN published_version_id IS NOT NULL THEN published_at END, \(now.storageValue)),
                    first_published_at = COALESCE(first_published_at,
                        CASE WHEN published_version_id IS NOT NULL THEN published_at END, \(now.storageValue))
                WHERE id = \(row.id.rawValue)
                """)
        }
        try await updateSearchIndex(session, articleID: row.id.rawValue)
        if transition.action == .correct, let note {
            try await session.execute("""
                INSERT INTO corrections (article_id, note, created_at, created_by, created_by_name)
                VALUES (\(row.id.rawValue), \(note), \(now.storageValue), \(userID), \(actorName))
                """)
        }
        try await insert(
            AuditEntry(
                action: "article.\(transition.action.rawValue)", at: now, userID: userID.map { UserID($0) },
                actorName: actorName, articleID: row.id, fromState: transition.from.description, toState: to.description,
                note: note
            ),
            session
        )
        var dependencies = try await readerDependencies(session, of: transition, on: row)
        dependencies.formUnion(try await refreshRelated(session, articleIDs: [row.id]))
        try await enqueueWebhookDeliveries(session, of: transition, on: row, now: now)
        try await recordChange(session, dependencies, now: now)
    }

    /// What readers' pages a transition changes (`EditorialState.readerChanges`), with the lists it names.
    static func readerDependencies(
        _ session: PostgresSession, of transition: WorkflowTransition, on row: EditorialState
    ) async throws -> Set<ContentDependency> {
        var (dependencies, versions) = row.readerChanges(of: transition)
        for version in versions { dependencies.formUnion(try await listDependencies(session, versionID: version)) }
        return dependencies
    }

    /// Points the article at its new working version and records its new state; an edit drops a schedule.
    static func recordEdit(
        _ session: PostgresSession, _ row: EditorialState, to state: WorkflowState, versionID: Int64, now: Date
    ) async throws {
        let changedAt: Double? = state == row.state ? nil : now.storageValue
        try await session.execute("""
            UPDATE articles SET status = \(state.status.rawValue), revision_stage = \(state.revision?.rawValue),
                current_version_id = \(versionID), updated_at = \(now.storageValue),
                scheduled_at = CASE WHEN \(state.status == .scheduled) THEN scheduled_at END,
                state_changed_at = COALESCE(\(changedAt), state_changed_at, \(now.storageValue))
            WHERE id = \(row.id.rawValue)
            """)
        try await updateSearchIndex(session, articleID: row.id.rawValue)
    }

    // MARK: - Versions

    /// Stores a copy of an existing version (content, tags, bylines, images, related links, SEO) as the next version.
    static func copyVersion(
        _ session: PostgresSession, _ sourceID: Int64, articleID: Int64, createdBy: Int64?, now: Date
    ) async throws -> Int64 {
        let versionID = try await insertedID(session, """
            INSERT INTO article_versions (article_id, number, slug, title, sapo, body, section_id, topic_id, created_at,
                created_by, seo_title, seo_description)
            SELECT article_id, (SELECT MAX(number) + 1 FROM article_versions WHERE article_id = \(articleID)), slug, title,
                sapo, body, section_id, topic_id, \(now.storageValue), \(createdBy), seo_title, seo_description
            FROM article_versions WHERE id = \(sourceID)
            RETURNING id
            """)
        for (table, column) in [
            ("article_version_tags", "tag_id"), ("article_version_authors", "author_id"), ("article_version_media", "media_id"),
            ("article_version_related", "related_article_id"),
        ] {
            try await session.execute("""
                INSERT INTO \(unescaped: table) (version_id, \(unescaped: column), position)
                SELECT \(versionID), \(unescaped: column), position FROM \(unescaped: table) WHERE version_id = \(sourceID)
                """)
        }
        return versionID
    }

    /// The SEO fields of a version.
    private static func seo(_ session: PostgresSession, versionID: Int64) async throws -> SEOFields {
        let row = try await session.rows("SELECT seo_title, seo_description FROM article_versions WHERE id = \(versionID)")
            .first.map { try $0.decode((String?, String?).self) }
        return SEOFields(title: row?.0, description: row?.1)
    }

    /// The id of an existing section: the newsroom files articles under sections it has made.
    private static func sectionID(_ session: PostgresSession, slug: String) async throws -> Int64 {
        guard let id = try await session.rows("SELECT id FROM sections WHERE slug = \(slug)").first?.decode(Int64.self) else {
            throw ValidationErrors([.invalid("section", "no section with slug \"\(slug)\" exists")])
        }
        return id
    }

    // MARK: - State

    /// The article's state, its row locked until the transaction ends: other nodes' writes to it wait, so what this
    /// transaction decides on stays true until it commits.
    static func editorialState(_ session: PostgresSession, id: ArticleID) async throws -> EditorialState? {
        guard let row = try await session.rows("""
            SELECT a.status, a.revision_stage, a.author_user_id, v.section_id, v.id, v.number, v.created_at, u.name,
                   a.published_version_id, a.scheduled_at
            FROM articles a
            JOIN article_versions v ON v.id = a.current_version_id
            LEFT JOIN users u ON u.id = v.created_by
            WHERE a.id = \(id.rawValue)
            FOR UPDATE OF a
            """).first else { return nil }
        let cells = RowCells(row)
        return EditorialState(
            id: id, state: try WorkflowState(stored: try cells[0], revision: try cells[1]), authorUserID: try cells[2],
            sectionID: try cells[3], currentVersionID: try cells[4], currentNumber: Int(try cells[5] as Int64),
            currentSavedAt: Date(storageValue: try cells[6]), currentSavedBy: try cells[7], publishedVersionID: try cells[8],
            scheduledAt: (try cells[9] as Double?).map(Date.init(storageValue:))
        )
    }

    static func requireState(_ session: PostgresSession, id: ArticleID) async throws -> EditorialState {
        guard let state = try await editorialState(session, id: id) else { throw StorageError.notFound("article \(id)") }
        return state
    }

    static func requireEditorial(_ session: PostgresSession, id: ArticleID, now: Date) async throws -> EditorialArticle {
        guard let article = try await fetchEditorial(session, id: id, now: now) else {
            throw StorageError.notFound("article \(id)")
        }
        return article
    }
}
