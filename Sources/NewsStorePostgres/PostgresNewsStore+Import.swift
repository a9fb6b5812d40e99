import Foundation
import NewsDomain
import NewsStore
import NewsText
import PostgresNIO

/// How content comes in: the import, and the version writing it shares with the newsroom's write path. Several nodes
/// (or `toasoan import` beside a running site) may write at once; every point where a write decides on what it has
/// read is guarded by a lock, noted where it is taken (READ COMMITTED otherwise, see `write`).
extension PostgresNewsStore: ArticleStore {
    /// Creates or updates (by external id) every input in one transaction: all are stored, or none.
    public func importArticles(
        _ inputs: [ArticleInput], now: Date, progress: (@Sendable (Int) -> Void)?
    ) async throws -> ImportResult {
        let inputs = inputs.concurrentMap { $0.normalized() }
        let problems = ArticleInput.problems(in: inputs)
        guard problems.isEmpty else { throw ImportRejected(problems: problems) }
        return try await write(longRunning: true) { session in
            // The articles this import updates, locked until it commits: another import of the same external id
            // waits here, then sees this one's version. Two imports creating the same new id meet at the UNIQUE
            // index instead, where the second fails with `StorageError.conflict` (never a duplicate).
            let externalIDs = inputs.compactMap(\.externalID)
            let known = try await Self.existingArticleIDs(session, externalIDs: externalIDs, locking: true)
            let inFile = Set(externalIDs)
            var problems: [ImportRejected.Problem] = []
            for (index, input) in inputs.enumerated() {
                for (position, reference) in input.related.enumerated()
                where !inFile.contains(reference) && known[reference] == nil {
                    problems.append(.init(index: index, error: .invalid(
                        "related[\(position)]", "no article with id \"\(reference)\" exists in this file or in the database"
                    )))
                }
            }
            guard problems.isEmpty else { throw ImportRejected(problems: problems) }

            var created: [ArticleID] = []
            var updated: [ArticleID] = []
            var dependencies: Set<ContentDependency> = []
            var versions: [(ArticleInput, Int64)] = []
            var createdSections = false
            for (index, input) in inputs.enumerated() {
                let saved = try await Self.saveVersion(
                    session, input: input, now: now, listsDependencies: inputs.count <= ArticleInput.bulkImportThreshold
                )
                if let progress, (index + 1) % 50 == 0 || index + 1 == inputs.count { progress(index + 1) }
                if saved.isNew { created.append(saved.id) } else { updated.append(saved.id) }
                dependencies.formUnion(saved.dependencies)
                createdSections = createdSections || saved.createdSection
                versions.append((input, saved.versionID))
            }
            let ids = try await Self.existingArticleIDs(session, externalIDs: Array(inFile), locking: false)
            for (input, versionID) in versions {
                for (position, reference) in input.related.enumerated() {
                    guard let relatedID = ids[reference] else { continue }
                    try await session.execute("""
                        INSERT INTO article_version_related (version_id, related_article_id, position)
                        VALUES (\(versionID), \(relatedID.rawValue), \(position)) ON CONFLICT DO NOTHING
                        """)
                }
            }
            // The search index of the new versions, for every article at once (each locked above or created here).
            // Before the related-articles cache, as in the newsroom's write path (`apply`): both take the search
            // vocabulary's row locks before the cache's advisory lock, so neither can wait for the other in a cycle.
            try await Self.updateSearchIndex(session, articleIDs: (created + updated).map(\.rawValue))
            // The related-articles cache, in this transaction as on SQLite (up to its inline limit; more are left to
            // `refreshRelated(now:)`); the articles whose boxes change go into this import's change-log entry.
            dependencies.formUnion(try await Self.refreshRelated(session, articleIDs: created + updated))
            if inputs.count > ArticleInput.bulkImportThreshold { dependencies = [.site] }
            // The change log last (see `recordChange`): a new section changes the navigation of every page.
            if createdSections { try await Self.recordChange(session, [.site], now: now) }
            try await Self.recordChange(session, dependencies, now: now)
            return ImportResult(created: created, updated: updated)
        }
    }

    /// How many articles are stored, in any state.
    public func articleCount() async throws -> Int {
        try await read(snapshot: false) { session in
            try await session.rows("SELECT COUNT(*) FROM articles").first?.decode(Int.self) ?? 0
        }
    }

    /// The ids of the stored articles with these external ids. `locking` locks their rows until the transaction ends
    /// (in id order, so that two writers locking overlapping sets cannot deadlock).
    static func existingArticleIDs(
        _ session: PostgresSession, externalIDs: [String], locking: Bool
    ) async throws -> [String: ArticleID] {
        guard !externalIDs.isEmpty else { return [:] }
        let lock = locking ? " ORDER BY id FOR UPDATE" : ""
        var result: [String: ArticleID] = [:]
        for row in try await session.rows(
            "SELECT external_id, id FROM articles WHERE external_id = ANY(\(externalIDs))\(unescaped: lock)"
        ) {
            let (externalID, id) = try row.decode((String, Int64).self)
            result[externalID] = ArticleID(id)
        }
        return result
    }

    /// What `saveVersion` stored.
    private struct SavedVersion: Sendable {
        var id: ArticleID
        var versionID: Int64
        var isNew: Bool
        /// Whether the input's section had to be created.
        var createdSection: Bool
        var dependencies: Set<ContentDependency>
    }

    /// Stores `input` as a new version of its article (creating the article when its external id is new), with the
    /// cached pages it changes; `listsDependencies` false leaves out the lists it appears in (a bulk import invalidates
    /// every page anyway).
    private static func saveVersion(
        _ session: PostgresSession, input: ArticleInput, now: Date, listsDependencies: Bool
    ) async throws -> SavedVersion {
        let (sectionID, createdSection) = try await findOrCreateSection(session, slug: input.sectionSlug, name: input.sectionName)
        var dependencies: Set<ContentDependency> = []
        var existing: (id: Int64, status: String, publishedVersionID: Int64?, publishedAt: Double?)?
        if let externalID = input.externalID {
            // Locked already by the import; FOR UPDATE keeps this correct for any other caller.
            existing = try await session.rows("""
                SELECT id, status, published_version_id, published_at FROM articles WHERE external_id = \(externalID)
                FOR UPDATE
                """).first?.decode((Int64, String, Int64?, Double?).self)
        }
        let articleID: Int64
        if let existing {
            articleID = existing.id
            if listsDependencies, let oldVersion = existing.publishedVersionID {
                dependencies.formUnion(try await listDependencies(session, versionID: oldVersion))
            }
            let wasVisible = existing.status == ArticleStatus.published.rawValue
            let isVisible = input.status == .published
            if wasVisible != isVisible || existing.publishedAt != input.publishedAt?.storageValue {
                dependencies.insert(.latest)
            }
        } else {
            articleID = try await insertedID(session, """
                INSERT INTO articles (external_id, status, created_at, updated_at)
                VALUES (\(input.externalID), \(input.status.rawValue), \(now.storageValue), \(now.storageValue)) RETURNING id
                """)
            if input.status == .published { dependencies.insert(.latest) }
        }
        // Related links are written once every article of the import exists (they may point forward in the file).
        var versionInput = input
        versionInput.related = []
        let versionID = try await insertVersion(
            session, articleID: articleID, input: versionInput, sectionID: sectionID, seo: SEOFields(), createdBy: nil,
            now: now
        )
        let topicID = try await session.rows("SELECT topic_id FROM article_versions WHERE id = \(versionID)")
            .first?.decode(Int64?.self) ?? nil

        // An import states where the article stands: any revision under review or schedule it had is superseded.
        if input.status == .published {
            try await session.execute("""
                UPDATE articles SET status = \(input.status.rawValue), current_version_id = \(versionID),
                    published_version_id = \(versionID), published_section_id = \(sectionID),
                    published_topic_id = \(topicID), published_at = \(input.publishedAt?.storageValue),
                    updated_at = \(now.storageValue), revision_stage = NULL, scheduled_at = NULL,
                    state_changed_at = \(now.storageValue)
                WHERE id = \(articleID)
                """)
        } else {
            try await session.execute("""
                UPDATE articles SET status = \(input.status.rawValue), current_version_id = \(versionID),
                    updated_at = \(now.storageValue), revision_stage = NULL, scheduled_at = NULL,
                    state_changed_at = \(now.storageValue)
                WHERE id = \(articleID)
                """)
        }
        if listsDependencies { dependencies.formUnion(try await listDependencies(session, versionID: versionID)) }
        dependencies.insert(.article(ArticleID(articleID)))
        return SavedVersion(
            id: ArticleID(articleID), versionID: versionID, isNew: existing == nil, createdSection: createdSection,
            dependencies: dependencies
        )
    }

    /// The lists a version appears in: its section (and the parent section, whose page lists it too), topic, tags, authors.
    static func listDependencies(_ session: PostgresSession, versionID: Int64) async throws -> Set<ContentDependency> {
        var result: Set<ContentDependency> = []
        if let row = try await session.rows("""
            SELECT v.section_id, s.parent_id, v.topic_id FROM article_versions v JOIN sections s ON s.id = v.section_id
            WHERE v.id = \(versionID)
            """).first {
            let (section, parent, topic) = try row.decode((Int64, Int64?, Int64?).self)
            result.insert(.section(SectionID(section)))
            if let parent { result.insert(.section(SectionID(parent))) }
            if let topic { result.insert(.topic(TopicID(topic))) }
        }
        for row in try await session.rows("SELECT tag_id FROM article_version_tags WHERE version_id = \(versionID)") {
            result.insert(.tag(TagID(try row.decode(Int64.self))))
        }
        for row in try await session.rows("SELECT author_id FROM article_version_authors WHERE version_id = \(versionID)") {
            result.insert(.author(AuthorID(try row.decode(Int64.self))))
        }
        return result
    }

    /// The id of the section with `slug`, creating it (named `name`, or else from the slug, last among the top-level
    /// sections) when there is none; also whether it was created. Two writers creating the same section at once
    /// meet at its UNIQUE slug: the second waits for the first to commit, inserts nothing and reads the first's row.
    static func findOrCreateSection(_ session: PostgresSession, slug: String, name: String?) async throws -> (Int64, Bool) {
        if let id = try await session.rows("SELECT id FROM sections WHERE slug = \(slug)").first?.decode(Int64.self) {
            return (id, false)
        }
        let name = name ?? ArticleInput.sectionName(fromSlug: slug)
        if let id = try await session.rows("""
            INSERT INTO sections (slug, name, position)
            VALUES (\(slug), \(name), (SELECT COALESCE(MAX(position), 0) + 1 FROM sections WHERE parent_id IS NULL))
            ON CONFLICT (slug) DO NOTHING RETURNING id
            """).first?.decode(Int64.self) {
            return (id, true)
        }
        return (try await existingID(session, table: "sections", slug: slug), false)
    }

    /// The tables `findOrCreate` may write: tags, topics and authors, found by slug and created with a name.
    enum NamedTable: String, Sendable {
        case tags, topics, authors
    }

    /// Finds a tag, topic or author by the slug of `name`, creating it with that name when it is new. Two writers
    /// creating the same one at once meet at its UNIQUE slug: the second waits for the first to commit, inserts
    /// nothing and reads the first's row.
    static func findOrCreate(_ session: PostgresSession, table: NamedTable, name: String) async throws -> Int64 {
        let slug = Slug.make(name)
        let table = table.rawValue
        if let id = try await session.rows("SELECT id FROM \(unescaped: table) WHERE slug = \(slug)").first?.decode(Int64.self) {
            return id
        }
        if let id = try await session.rows("""
            INSERT INTO \(unescaped: table) (slug, name) VALUES (\(slug), \(name)) ON CONFLICT (slug) DO NOTHING RETURNING id
            """).first?.decode(Int64.self) {
            return id
        }
        return try await existingID(session, table: table, slug: slug)
    }

    /// The id of the row with `slug` that an insert found already there (committed by another writer meanwhile).
    private static func existingID(_ session: PostgresSession, table: String, slug: String) async throws -> Int64 {
        guard let id = try await session.rows("SELECT id FROM \(unescaped: table) WHERE slug = \(slug)").first?.decode(Int64.self) else {
            throw StorageError.conflict("\(table) \(slug) could not be stored")
        }
        return id
    }

    /// Stores an image once per source; a later import of the same source updates what is said about it, except
    /// that an uploaded library image (one with an `original_name`) keeps each text the incoming image leaves empty.
    static func upsertMedia(_ session: PostgresSession, _ image: ImageInput, now: Date) async throws -> Int64 {
        func keptWhenEmpty(_ column: String) -> String {
            "\(column) = CASE WHEN excluded.\(column) = '' AND media.original_name IS NOT NULL THEN media.\(column) ELSE excluded.\(column) END"
        }
        let searchText = MediaText.searchText(alt: image.alt, caption: image.caption, credit: image.credit)
        let rows = try await session.rows("""
            INSERT INTO media (src, width, height, alt, caption, credit, search_text, created_at)
            VALUES (\(image.src), \(image.width), \(image.height), \(image.alt), \(image.caption), \(image.credit),
                \(searchText), \(now.storageValue))
            ON CONFLICT (src) DO UPDATE SET width = COALESCE(excluded.width, media.width),
                height = COALESCE(excluded.height, media.height), \(unescaped: keptWhenEmpty("alt")),
                \(unescaped: keptWhenEmpty("caption")), \(unescaped: keptWhenEmpty("credit")), search_text = excluded.search_text
            RETURNING id, alt, caption, credit
            """)
        guard let row = rows.first else { throw StorageError.conflict("image \(image.src) could not be stored") }
        let (id, alt, caption, credit) = try row.decode((Int64, String, String, String).self)
        let stored = MediaText.searchText(alt: alt, caption: caption, credit: credit)
        if stored != searchText {
            try await session.execute("UPDATE media SET search_text = \(stored) WHERE id = \(id)")
        }
        return id
    }

    // MARK: - Versions

    /// Stores `input` as the next version of the article, finding or creating its topic, tags, byline and images.
    /// The caller holds the article's row lock (or has just created it), which makes the next number its own.
    static func insertVersion(
        _ session: PostgresSession, articleID: Int64, input: ArticleInput, sectionID: Int64, seo: SEOFields,
        createdBy: Int64?, now: Date
    ) async throws -> Int64 {
        let relatedIDs = try await resolveRelated(session, input.related, articleID: articleID)
        var topicID: Int64?
        if let topic = input.topic { topicID = try await findOrCreate(session, table: .topics, name: topic) }
        var tagIDs: [Int64] = []
        for name in input.tags {
            let id = try await findOrCreate(session, table: .tags, name: name)
            if !tagIDs.contains(id) { tagIDs.append(id) }
        }
        let authorID = try await findOrCreate(session, table: .authors, name: input.author)
        var mediaIDs: [Int64] = []
        for image in input.images { mediaIDs.append(try await upsertMedia(session, image, now: now)) }
        let slug = input.slug ?? {
            let made = Slug.make(input.title)
            return made.isEmpty ? "bai-viet" : made
        }()
        let versionID = try await insertedID(session, """
            INSERT INTO article_versions (article_id, number, slug, title, sapo, body, section_id, topic_id, created_at,
                created_by, seo_title, seo_description)
            VALUES (\(articleID), (SELECT COALESCE(MAX(number), 0) + 1 FROM article_versions WHERE article_id = \(articleID)),
                \(slug), \(input.title), \(input.sapo), \(input.body), \(sectionID), \(topicID), \(now.storageValue),
                \(createdBy), \(seo.title), \(seo.description))
            RETURNING id
            """)
        if !tagIDs.isEmpty {
            try await session.execute("""
                INSERT INTO article_version_tags (version_id, tag_id, position)
                SELECT \(versionID), tag, position - 1 FROM unnest(\(tagIDs)::bigint[]) WITH ORDINALITY AS t(tag, position)
                """)
        }
        try await session.execute("""
            INSERT INTO article_version_authors (version_id, author_id, position) VALUES (\(versionID), \(authorID), 0)
            """)
        if !mediaIDs.isEmpty {
            try await session.execute("""
                INSERT INTO article_version_media (version_id, media_id, position)
                SELECT \(versionID), media, position - 1 FROM unnest(\(mediaIDs)::bigint[]) WITH ORDINALITY AS m(media, position)
                """)
        }
        if !relatedIDs.isEmpty {
            try await session.execute("""
                INSERT INTO article_version_related (version_id, related_article_id, position)
                SELECT \(versionID), related, position - 1
                FROM unnest(\(relatedIDs)::bigint[]) WITH ORDINALITY AS r(related, position)
                """)
        }
        return versionID
    }

    /// Article ids for `related` references: an external id, or else the decimal id of a stored article.
    private static func resolveRelated(_ session: PostgresSession, _ references: [String], articleID: Int64) async throws -> [Int64] {
        var ids: [Int64] = []
        var errors: [DomainError] = []
        for (position, reference) in references.enumerated() {
            var id = try await session.rows("SELECT id FROM articles WHERE external_id = \(reference)")
                .first?.decode(Int64.self)
            if id == nil, let number = Int64(reference) {
                id = try await session.rows("SELECT id FROM articles WHERE id = \(number)").first?.decode(Int64.self)
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

    /// The id an `INSERT … RETURNING id` gave the new row.
    static func insertedID(_ session: PostgresSession, _ query: PostgresQuery) async throws -> Int64 {
        guard let id = try await session.rows(query).first?.decode(Int64.self) else {
            throw StorageError.unavailable("an insert returned no id")
        }
        return id
    }
}
