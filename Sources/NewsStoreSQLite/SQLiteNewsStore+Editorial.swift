import Foundation
import GRDB
import NewsDomain
import NewsStore
import NewsText

/// The newsroom's write path. Every method is one transaction: the decision (workflow, stale check) is taken on the
/// state read inside it, and the change, its audit entry and its change-log entry commit together or not at all.
extension SQLiteNewsStore: EditorialStore {
    public func createArticle(_ input: ArticleInput, seo: SEOFields, by user: User, now: Date) async throws -> EditorialArticle {
        guard user.editorialActor.mayWriteArticles else { throw WorkflowDenial.writeNotPermitted }
        let input = try input.editorialInput(creating: true)
        let seo = try seo.checked()
        return try await write { db in
            let sectionID = try Self.sectionID(db, slug: input.sectionSlug)
            try db.execute(
                sql: """
                    INSERT INTO articles (external_id, status, author_user_id, created_at, updated_at, state_changed_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    input.externalID, ArticleStatus.draft.rawValue, user.id.rawValue, now.storageValue, now.storageValue,
                    now.storageValue,
                ]
            )
            let articleID = db.lastInsertedRowID
            let versionID = try Self.insertVersion(
                db, articleID: articleID, input: input, sectionID: sectionID, seo: seo, createdBy: user.id.rawValue, now: now
            )
            try db.execute(sql: "UPDATE articles SET current_version_id = ? WHERE id = ?", arguments: [versionID, articleID])
            try Self.updateSearchIndex(db, articleID: articleID)
            try Self.insert(
                AuditEntry(
                    action: "article.create", at: now, userID: user.id, actorName: user.name, articleID: ArticleID(articleID),
                    toState: WorkflowState(.draft).description
                ),
                db
            )
            return try Self.requireEditorial(db, id: ArticleID(articleID), now: now)
        }
    }

    public func saveArticle(
        id: ArticleID, input: ArticleInput, seo: SEOFields?, baseVersion: Int, actor: WorkflowActor, actorName: String,
        workflow: Workflow, now: Date
    ) async throws -> EditorialArticle {
        let input = try input.editorialInput(creating: false)
        let seo = try seo.map { try $0.checked() }
        return try await write { db in
            let row = try Self.requireState(db, id: id)
            try row.requireBase(baseVersion)
            let sectionID = try Self.sectionID(db, slug: input.sectionSlug)
            let state = try row.stateAfterEdit(movingTo: sectionID, actor: actor, workflow: workflow)
            let keptSEO = try seo ?? Self.seo(db, versionID: row.currentVersionID)
            let versionID = try Self.insertVersion(
                db, articleID: id.rawValue, input: input, sectionID: sectionID, seo: keptSEO, createdBy: actor.userID, now: now
            )
            try Self.recordEdit(db, row, to: state, versionID: versionID, now: now)
            try Self.insert(
                AuditEntry(
                    action: "article.save", at: now, userID: UserID(actor.userID), actorName: actorName, articleID: id,
                    fromState: row.state.description, toState: state.description
                ),
                db
            )
            return try Self.requireEditorial(db, id: id, now: now)
        }
    }

    public func restoreRevision(
        id: ArticleID, version: Int, baseVersion: Int, actor: WorkflowActor, actorName: String, workflow: Workflow, now: Date
    ) async throws -> EditorialArticle {
        try await write { db in
            let row = try Self.requireState(db, id: id)
            try row.requireBase(baseVersion)
            guard let source = try Row.fetchOne(
                db, sql: "SELECT id, section_id FROM article_versions WHERE article_id = ? AND number = ?",
                arguments: [id.rawValue, version]
            ) else {
                throw StorageError.notFound("version \(version) of article \(id)")
            }
            let sourceID: Int64 = source[0]
            let state = try row.stateAfterEdit(movingTo: source[1], actor: actor, workflow: workflow)
            let versionID = try Self.copyVersion(db, sourceID, articleID: id.rawValue, createdBy: actor.userID, now: now)
            try Self.recordEdit(db, row, to: state, versionID: versionID, now: now)
            try Self.insert(
                AuditEntry(
                    action: "article.restore", at: now, userID: UserID(actor.userID), actorName: actorName, articleID: id,
                    fromState: row.state.description, toState: state.description, note: "Khôi phục bản \(version)"
                ),
                db
            )
            return try Self.requireEditorial(db, id: id, now: now)
        }
    }

    public func transition(
        id: ArticleID, action: WorkflowAction, note: String?, at: Date?, actor: WorkflowActor, actorName: String,
        workflow: Workflow, now: Date
    ) async throws -> EditorialArticle {
        try await write { db in
            let row = try Self.requireState(db, id: id)
            let transition = try workflow.decide(action, by: actor, on: row.subject, note: note, at: at, now: now).get()
            try Self.apply(transition, to: row, db, userID: actor.userID, actorName: actorName, note: transition.note, now: now)
            return try Self.requireEditorial(db, id: id, now: now)
        }
    }

    // MARK: - Applying decisions

    /// Writes a permitted transition: state, live version, schedule, correction, audit entry and change-log entry.
    static func apply(
        _ transition: WorkflowTransition, to row: EditorialState, _ db: Database, userID: Int64?, actorName: String,
        note: String?, now: Date
    ) throws {
        let to = transition.to
        var assignments = [
            "status = ?", "revision_stage = ?", "scheduled_at = ?", "state_changed_at = COALESCE(?, state_changed_at, ?)",
        ]
        var arguments: StatementArguments = [
            to.status.rawValue, to.revision?.rawValue, to.status == .scheduled ? transition.scheduledAt?.storageValue : nil,
            to == transition.from ? nil : now.storageValue, now.storageValue,
        ]
        if transition.makesLive {
            // The first publication time stays when a revision (or a republished version) replaces the live one.
            // `published_at` of an article that was live before is its publication time (imports set no first_published_at).
            let firstPublished =
                "COALESCE(first_published_at, CASE WHEN published_version_id IS NOT NULL THEN published_at END, ?)"
            assignments += [
                "published_version_id = current_version_id",
                "published_section_id = (SELECT section_id FROM article_versions WHERE id = articles.current_version_id)",
                "published_topic_id = (SELECT topic_id FROM article_versions WHERE id = articles.current_version_id)",
                "published_at = \(firstPublished)", "first_published_at = \(firstPublished)",
            ]
            arguments += [now.storageValue, now.storageValue]
        }
        try db.execute(
            sql: "UPDATE articles SET \(assignments.joined(separator: ", ")) WHERE id = ?",
            arguments: arguments + [row.id.rawValue]
        )
        try updateSearchIndex(db, articleID: row.id.rawValue)
        if transition.action == .correct, let note {
            try db.execute(
                sql: "INSERT INTO corrections (article_id, note, created_at, created_by, created_by_name) VALUES (?, ?, ?, ?, ?)",
                arguments: [row.id.rawValue, note, now.storageValue, userID, actorName]
            )
        }
        try insert(
            AuditEntry(
                action: "article.\(transition.action.rawValue)", at: now, userID: userID.map { UserID($0) },
                actorName: actorName, articleID: row.id, fromState: transition.from.description, toState: to.description,
                note: note
            ),
            db
        )
        try recordChange(db, try readerDependencies(db, of: transition, on: row), now: now)
        try refreshRelated(db, articleIDs: [row.id], now: now)
        try enqueueWebhookDeliveries(db, of: transition, on: row, now: now)
    }

    /// What readers' pages a transition changes (`EditorialState.readerChanges`), with the lists it names.
    static func readerDependencies(
        _ db: Database, of transition: WorkflowTransition, on row: EditorialState
    ) throws -> Set<ContentDependency> {
        let (dependencies, versions) = row.readerChanges(of: transition)
        return try versions.reduce(into: dependencies) { $0.formUnion(try listDependencies(db, versionID: $1)) }
    }

    /// Points the article at its new working version and records its new state; an edit drops a schedule.
    static func recordEdit(_ db: Database, _ row: EditorialState, to state: WorkflowState, versionID: Int64, now: Date) throws {
        try db.execute(
            sql: """
                UPDATE articles SET status = ?, revision_stage = ?, current_version_id = ?, updated_at = ?,
                    scheduled_at = CASE WHEN ? THEN scheduled_at END, state_changed_at = COALESCE(?, state_changed_at, ?)
                WHERE id = ?
                """,
            arguments: [
                state.status.rawValue, state.revision?.rawValue, versionID, now.storageValue, state.status == .scheduled,
                state == row.state ? nil : now.storageValue, now.storageValue, row.id.rawValue,
            ]
        )
        try updateSearchIndex(db, articleID: row.id.rawValue)
    }

    // MARK: - Versions

    /// Stores `input` as the next version of the article, finding or creating its topic, tags, byline and images.
    static func insertVersion(
        _ db: Database, articleID: Int64, input: ArticleInput, sectionID: Int64, seo: SEOFields, createdBy: Int64?, now: Date
    ) throws -> Int64 {
        let relatedIDs = try resolveRelated(db, input.related, articleID: articleID)
        let topicID = try input.topic.map { try findOrCreate(db, table: "topics", name: $0) }
        var tagIDs: [Int64] = []
        for name in input.tags {
            let id = try findOrCreate(db, table: "tags", name: name)
            if !tagIDs.contains(id) { tagIDs.append(id) }
        }
        let authorID = try findOrCreate(db, table: "authors", name: input.author)
        let mediaIDs = try input.images.map { try upsertMedia(db, $0, now: now) }
        let slug = input.slug ?? {
            let made = Slug.make(input.title)
            return made.isEmpty ? "bai-viet" : made
        }()
        try db.cachedStatement(sql: """
            INSERT INTO article_versions (article_id, number, slug, title, sapo, body, section_id, topic_id, created_at,
                created_by, seo_title, seo_description)
            VALUES (?, (SELECT COALESCE(MAX(number), 0) + 1 FROM article_versions WHERE article_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(
            arguments: [
                articleID, articleID, slug, input.title, input.sapo, input.body, sectionID, topicID, now.storageValue,
                createdBy, seo.title, seo.description,
            ]
        )
        let versionID = db.lastInsertedRowID
        for (position, tagID) in tagIDs.enumerated() {
            try db.cachedStatement(sql: "INSERT INTO article_version_tags (version_id, tag_id, position) VALUES (?, ?, ?)").execute(
                arguments: [versionID, tagID, position]
            )
        }
        try db.cachedStatement(sql: "INSERT INTO article_version_authors (version_id, author_id, position) VALUES (?, ?, 0)").execute(
            arguments: [versionID, authorID]
        )
        for (position, mediaID) in mediaIDs.enumerated() {
            try db.cachedStatement(sql: "INSERT INTO article_version_media (version_id, media_id, position) VALUES (?, ?, ?)").execute(
                arguments: [versionID, mediaID, position]
            )
        }
        for (position, relatedID) in relatedIDs.enumerated() {
            try db.cachedStatement(sql: "INSERT INTO article_version_related (version_id, related_article_id, position) VALUES (?, ?, ?)").execute(
                arguments: [versionID, relatedID, position]
            )
        }
        return versionID
    }

    /// Stores a copy of an existing version (content, tags, bylines, images, related links, SEO) as the next version.
    static func copyVersion(_ db: Database, _ sourceID: Int64, articleID: Int64, createdBy: Int64?, now: Date) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO article_versions (article_id, number, slug, title, sapo, body, section_id, topic_id, created_at,
                    created_by, seo_title, seo_description)
                SELECT article_id, (SELECT MAX(number) + 1 FROM article_versions WHERE article_id = ?), slug, title, sapo, body,
                    section_id, topic_id, ?, ?, seo_title, seo_description
                FROM article_versions WHERE id = ?
                """,
            arguments: [articleID, now.storageValue, createdBy, sourceID]
        )
        let versionID = db.lastInsertedRowID
        for (table, column) in [
            ("article_version_tags", "tag_id"), ("article_version_authors", "author_id"), ("article_version_media", "media_id"),
            ("article_version_related", "related_article_id"),
        ] {
            try db.execute(
                sql: "INSERT INTO \(table) (version_id, \(column), position) SELECT ?, \(column), position FROM \(table) WHERE version_id = ?",
                arguments: [versionID, sourceID]
            )
        }
        return versionID
    }

    /// Article ids for `related` references: an external id, or else the decimal id of a stored article.
    private static func resolveRelated(_ db: Database, _ references: [String], articleID: Int64) throws -> [Int64] {
        var ids: [Int64] = []
        var errors: [DomainError] = []
        for (position, reference) in references.enumerated() {
            var id = try Int64.fetchOne(db, sql: "SELECT id FROM articles WHERE external_id = ?", arguments: [reference])
            if id == nil, let number = Int64(reference) {
                id = try Int64.fetchOne(db, sql: "SELECT id FROM articles WHERE id = ?", arguments: [number])
            }
            guard let id else {
                errors.append(.invalid("related[\(position)]", "no article with id \"\(reference)\" exists"))
                continue
            }
            if id == articleID {
                errors.append(.invalid("related[\(position)]", "an article cannot be related to itself"))
            } else if !ids.contains(id) {
                ids.append(id)
            }
        }
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        return ids
    }

    /// The SEO fields of a version.
    private static func seo(_ db: Database, versionID: Int64) throws -> SEOFields {
        let row = try Row.fetchOne(db, sql: "SELECT seo_title, seo_description FROM article_versions WHERE id = ?", arguments: [versionID])
        return SEOFields(title: row?[0], description: row?[1])
    }

    /// The id of an existing section: the newsroom files articles under sections it has made, never creates them by typing.
    private static func sectionID(_ db: Database, slug: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM sections WHERE slug = ?", arguments: [slug]) else {
            throw ValidationErrors([.invalid("section", "no section with slug \"\(slug)\" exists")])
        }
        return id
    }

    // MARK: - State

    static func editorialState(_ db: Database, id: ArticleID) throws -> EditorialState? {
        let sql = """
            SELECT a.status, a.revision_stage, a.author_user_id, v.section_id, v.id, v.number, v.created_at, u.name,
                   a.published_version_id, a.scheduled_at
            FROM articles a
            JOIN article_versions v ON v.id = a.current_version_id
            LEFT JOIN users u ON u.id = v.created_by
            WHERE a.id = ?
            """
        guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [id.rawValue]) else { return nil }
        return EditorialState(
            id: id, state: try WorkflowState(stored: row[0], revision: row[1]), authorUserID: row[2], sectionID: row[3],
            currentVersionID: row[4], currentNumber: row[5], currentSavedAt: Date(storageValue: row[6]), currentSavedBy: row[7],
            publishedVersionID: row[8], scheduledAt: (row[9] as Double?).map(Date.init(storageValue:))
        )
    }

    static func requireState(_ db: Database, id: ArticleID) throws -> EditorialState {
        guard let state = try editorialState(db, id: id) else { throw StorageError.notFound("article \(id)") }
        return state
    }

    static func requireEditorial(_ db: Database, id: ArticleID, now: Date) throws -> EditorialArticle {
        guard let article = try fetchEditorial(db, id: id, now: now) else { throw StorageError.notFound("article \(id)") }
        return article
    }
}
