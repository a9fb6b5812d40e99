import Foundation
import GRDB
import NewsDomain
import NewsSearch
import NewsStore
import NewsText

extension SQLiteNewsStore {
    public func importArticles(
        _ inputs: [ArticleInput], now: Date, progress: (@Sendable (Int) -> Void)?
    ) async throws -> ImportResult {
        let inputs = inputs.concurrentMap { $0.normalized() }
        let problems = ArticleInput.problems(in: inputs)
        guard problems.isEmpty else { throw ImportRejected(problems: problems) }
        // The search index's tokens of the new versions, computed on the other cores while the transaction stores
        // the articles (tokenizing is most of the cost of indexing).
        let searchTokens = PreparedSearchTokens(inputs.prefix(Self.preparedSearchTokensLimit).map {
            SearchRowText(title: $0.title, sapo: $0.sapo, body: $0.body, sectionID: 0)
        })
        return try await write { db in
            var problems: [ImportRejected.Problem] = []
            let known = try Self.existingArticleIDs(db, externalIDs: inputs.compactMap(\.externalID))
            let inFile = Set(inputs.compactMap(\.externalID))
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
            for (index, input) in inputs.enumerated() {
                let saved = try Self.saveVersion(
                    db, input: input, now: now, listsDependencies: inputs.count <= ArticleInput.bulkImportThreshold
                )
                if let progress, (index + 1) % 50 == 0 || index + 1 == inputs.count { progress(index + 1) }
                if saved.isNew { created.append(saved.id) } else { updated.append(saved.id) }
                dependencies.formUnion(saved.dependencies)
                versions.append((input, saved.versionID))
            }
            let ids = try Self.existingArticleIDs(db, externalIDs: Array(inFile))
            for (input, versionID) in versions {
                for (position, reference) in input.related.enumerated() {
                    guard let relatedID = ids[reference] else { continue }
                    try db.cachedStatement(
                        sql: "INSERT OR IGNORE INTO article_version_related (version_id, related_article_id, position) VALUES (?, ?, ?)"
                    ).execute(arguments: [versionID, relatedID.rawValue, position])
                }
            }
            try Self.refreshRelated(db, articleIDs: created + updated, now: now)
            if inputs.count > ArticleInput.bulkImportThreshold { dependencies = [.site] }
            try Self.recordChange(db, dependencies, now: now)
            // The search index last, for every article at once and in key order, so that FTS5 writes it out in a
            // few large segments instead of one per article (see `updateSearchIndex(_:articleIDs:progress:)`).
            let tokens = searchTokens.wait()
            var prepared: [Int64: SearchRowTokens] = [:]
            for ((_, versionID), versionTokens) in zip(versions, tokens) { prepared[versionID] = versionTokens }
            try Self.updateSearchIndex(db, articleIDs: (created + updated).map(\.rawValue), prepared: prepared)
            try Self.refreshPlannerStatistics(db)
            return ImportResult(created: created, updated: updated)
        }
    }

    /// Imports beyond this many articles tokenize the rest for the search index in the transaction (memory).
    static let preparedSearchTokensLimit = 20_000

    static func existingArticleIDs(_ db: Database, externalIDs: [String]) throws -> [String: ArticleID] {
        var result: [String: ArticleID] = [:]
        for chunk in stride(from: 0, to: externalIDs.count, by: 500).map({ externalIDs[$0..<min($0 + 500, externalIDs.count)] }) {
            let rows = try Row.fetchAll(
                db, sql: "SELECT external_id, id FROM articles WHERE external_id IN (\(ReaderSQL.placeholders(chunk.count)))",
                arguments: StatementArguments(Array(chunk))
            )
            for row in rows { result[row[0]] = ArticleID(row[1]) }
        }
        return result
    }

    private struct SavedVersion {
        var id: ArticleID
        var versionID: Int64
        var isNew: Bool
        var dependencies: Set<ContentDependency>
    }

    /// Stores `input` as a new version of its article (creating the article when its external id is new), with the
    /// cached pages it changes; `listsDependencies` false leaves out the lists it appears in (a bulk import invalidates
    /// every page anyway).
    private static func saveVersion(
        _ db: Database, input: ArticleInput, now: Date, listsDependencies: Bool
    ) throws -> SavedVersion {
        let sectionID = try findOrCreateSection(db, slug: input.sectionSlug, name: input.sectionName)
        var dependencies: Set<ContentDependency> = []
        let existing = try input.externalID.flatMap {
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT id, status, published_version_id, published_at FROM articles WHERE external_id = ?"),
                arguments: [$0]
            )
        }
        let articleID: Int64
        if let existing {
            articleID = existing[0]
            if listsDependencies, let oldVersion = existing[2] as Int64? {
                dependencies.formUnion(try listDependencies(db, versionID: oldVersion))
            }
            let wasVisible = (existing[1] as String) == ArticleStatus.published.rawValue
            let isVisible = input.status == .published
            if wasVisible != isVisible || (existing[3] as Double?) != input.publishedAt?.storageValue {
                dependencies.insert(.latest)
            }
        } else {
            try db.cachedStatement(sql: "INSERT INTO articles (external_id, status, created_at, updated_at) VALUES (?, ?, ?, ?)")
                .execute(arguments: [input.externalID, input.status.rawValue, now.storageValue, now.storageValue])
            articleID = db.lastInsertedRowID
            if input.status == .published { dependencies.insert(.latest) }
        }
        // Related links are written once every article of the import exists (they may point forward in the file).
        var versionInput = input
        versionInput.related = []
        let versionID = try insertVersion(
            db, articleID: articleID, input: versionInput, sectionID: sectionID, seo: SEOFields(), createdBy: nil, now: now
        )
        let topicID = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT topic_id FROM article_versions WHERE id = ?"), arguments: [versionID]
        )

        if input.status == .published {
            try db.cachedStatement(sql: """
                UPDATE articles SET status = ?, current_version_id = ?, published_version_id = ?, published_section_id = ?,
                    published_topic_id = ?, published_at = ?, updated_at = ? WHERE id = ?
                """).execute(
                arguments: [
                    input.status.rawValue, versionID, versionID, sectionID, topicID, input.publishedAt?.storageValue,
                    now.storageValue, articleID,
                ]
            )
        } else {
            try db.cachedStatement(sql: "UPDATE articles SET status = ?, current_version_id = ?, updated_at = ? WHERE id = ?")
                .execute(arguments: [input.status.rawValue, versionID, now.storageValue, articleID])
        }
        // An import states where the article stands: any revision under review or schedule it had is superseded.
        try db.cachedStatement(sql: "UPDATE articles SET revision_stage = NULL, scheduled_at = NULL, state_changed_at = ? WHERE id = ?")
            .execute(arguments: [now.storageValue, articleID])
        if listsDependencies { dependencies.formUnion(try listDependencies(db, versionID: versionID)) }
        dependencies.insert(.article(ArticleID(articleID)))
        return SavedVersion(id: ArticleID(articleID), versionID: versionID, isNew: existing == nil, dependencies: dependencies)
    }

    /// The lists a version appears in: its section (and the parent section, whose page lists it too), topic, tags, authors.
    static func listDependencies(_ db: Database, versionID: Int64) throws -> Set<ContentDependency> {
        var result: Set<ContentDependency> = []
        if let row = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT v.section_id, s.parent_id, v.topic_id FROM article_versions v JOIN sections s ON s.id = v.section_id WHERE v.id = ?"
            ),
            arguments: [versionID]
        ) {
            result.insert(.section(SectionID(row[0])))
            if let parent = row[1] as Int64? { result.insert(.section(SectionID(parent))) }
            if let topic = row[2] as Int64? { result.insert(.topic(TopicID(topic))) }
        }
        for id in try Int64.fetchAll(
            db.cachedStatement(sql: "SELECT tag_id FROM article_version_tags WHERE version_id = ?"), arguments: [versionID]
        ) {
            result.insert(.tag(TagID(id)))
        }
        for id in try Int64.fetchAll(
            db.cachedStatement(sql: "SELECT author_id FROM article_version_authors WHERE version_id = ?"), arguments: [versionID]
        ) {
            result.insert(.author(AuthorID(id)))
        }
        return result
    }

    static func findOrCreateSection(_ db: Database, slug: String, name: String?) throws -> Int64 {
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM sections WHERE slug = ?"), arguments: [slug]) {
            return id
        }
        let position = (try Int.fetchOne(db, sql: "SELECT MAX(position) FROM sections WHERE parent_id IS NULL") ?? 0) + 1
        try db.execute(
            sql: "INSERT INTO sections (slug, name, position) VALUES (?, ?, ?)",
            arguments: [slug, name ?? ArticleInput.sectionName(fromSlug: slug), position]
        )
        try recordChange(db, [.site], now: Date())
        return db.lastInsertedRowID
    }

    /// Finds a tag, topic or author by the slug of `name`, creating it with that name when it is new.
    static func findOrCreate(_ db: Database, table: String, name: String) throws -> Int64 {
        let slug = Slug.make(name)
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM \(table) WHERE slug = ?"), arguments: [slug]) {
            return id
        }
        try db.cachedStatement(sql: "INSERT INTO \(table) (slug, name) VALUES (?, ?)").execute(arguments: [slug, name])
        return db.lastInsertedRowID
    }

    /// Stores an image once per source; a later import of the same source updates what is said about it, except
    /// that an uploaded library image (one with an `original_name`) keeps each text the incoming image leaves empty.
    static func upsertMedia(_ db: Database, _ image: ImageInput, now: Date) throws -> Int64 {
        func keptWhenEmpty(_ column: String) -> String {
            "\(column) = CASE WHEN excluded.\(column) = '' AND media.original_name IS NOT NULL THEN media.\(column) ELSE excluded.\(column) END"
        }
        let searchText = MediaText.searchText(alt: image.alt, caption: image.caption, credit: image.credit)
        let row = try Row.fetchOne(
            db.cachedStatement(sql: """
                INSERT INTO media (src, width, height, alt, caption, credit, search_text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(src) DO UPDATE SET width = COALESCE(excluded.width, media.width),
                    height = COALESCE(excluded.height, media.height), \(keptWhenEmpty("alt")), \(keptWhenEmpty("caption")),
                    \(keptWhenEmpty("credit")), search_text = excluded.search_text
                RETURNING id, alt, caption, credit
                """),
            arguments: [image.src, image.width, image.height, image.alt, image.caption, image.credit, searchText, now.storageValue]
        )
        guard let row else { throw StorageError.conflict("image \(image.src) could not be stored") }
        let id: Int64 = row[0]
        let stored = MediaText.searchText(alt: row[1], caption: row[2], credit: row[3])
        if stored != searchText {
            try db.execute(sql: "UPDATE media SET search_text = ? WHERE id = ?", arguments: [stored, id])
        }
        return id
    }

    /// Appends to the change log in the same transaction as the change, so followers never miss a committed change.
    static func recordChange(_ db: Database, _ dependencies: Set<ContentDependency>, now: Date) throws {
        guard !dependencies.isEmpty else { return }
        let tokens = dependencies.map(\.token).sorted().joined(separator: " ")
        try db.execute(
            sql: "INSERT INTO content_changes (changed_at, dependencies) VALUES (?, ?)",
            arguments: [now.storageValue, tokens]
        )
    }
}

/// The index form of texts (`SearchRowTokens`), computed in the background from creation; `wait()` gives them once done.
final class PreparedSearchTokens: @unchecked Sendable {
    private let group = DispatchGroup()
    private var tokens: [SearchRowTokens] = []

    init(_ texts: [SearchRowText]) {
        guard !texts.isEmpty else { return }
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            tokens = texts.concurrentMap { SearchRowTokens($0) }
            group.leave()
        }
    }

    /// The index forms, in the order of the texts.
    func wait() -> [SearchRowTokens] {
        group.wait()
        return tokens
    }
}
