import Foundation
import GRDB
import NewsDomain
import NewsStore

extension SQLiteNewsStore: TaxonomyStore {
    public func sections() async throws -> [Section] {
        try await read { db in
            let all = try Row.fetchAll(db, sql: "SELECT \(Columns.section) FROM sections s ORDER BY s.position, s.id")
                .map { Columns.section($0, at: 0) }
            let children = Dictionary(grouping: all.filter { $0.parentID != nil }, by: { $0.parentID! })
            let known = Set(all.map(\.id))
            // Parents first, each followed by its children; a child whose parent vanished is listed at the end.
            return all.filter { $0.parentID == nil }.flatMap { [$0] + (children[$0.id] ?? []) }
                + all.filter { section in section.parentID.map { !known.contains($0) } ?? false }
        }
    }

    public func section(slug: String) async throws -> Section? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT \(Columns.section) FROM sections s WHERE s.slug = ?", arguments: [slug])
                .map { Columns.section($0, at: 0) }
        }
    }

    public func tag(slug: String) async throws -> Tag? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT \(Columns.tag) FROM tags t WHERE t.slug = ?", arguments: [slug])
                .map { Columns.tag($0, at: 0) }
        }
    }

    public func topic(slug: String) async throws -> Topic? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT \(Columns.topic) FROM topics p WHERE p.slug = ?", arguments: [slug])
                .flatMap { Columns.topic($0, at: 0) }
        }
    }

    public func author(slug: String) async throws -> Author? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT \(Columns.author) FROM authors au WHERE au.slug = ?", arguments: [slug])
                .map { Columns.author($0, at: 0) }
        }
    }

    @discardableResult
    public func saveSection(slug: String, name: String, parentSlug: String?, position: Int, description: String) async throws -> Section {
        // A section's page lives at /{slug}: a reserved segment would be shadowed by (or shadow) the site's own page.
        guard !ReservedPaths.contains(slug) else {
            throw ValidationErrors([.invalid("slug", "\"\(slug)\" is reserved for the site's own pages")])
        }
        return try await write { db in
            var parentID: Int64?
            if let parentSlug {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM sections WHERE slug = ?", arguments: [parentSlug]) else {
                    throw StorageError.notFound("parent section \(parentSlug)")
                }
                guard try Int64.fetchOne(db, sql: "SELECT parent_id FROM sections WHERE id = ?", arguments: [id]) == nil else {
                    throw StorageError.conflict("section \(parentSlug) is already a subsection; sections nest two levels deep")
                }
                parentID = id
            }
            try db.execute(
                sql: """
                    INSERT INTO sections (slug, name, parent_id, position, description) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(slug) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id,
                        position = excluded.position, description = excluded.description
                    """,
                arguments: [slug, name, parentID, position, description]
            )
            try Self.recordChange(db, [.site], now: Date())
            let row = try Row.fetchOne(db, sql: "SELECT \(Columns.section) FROM sections s WHERE s.slug = ?", arguments: [slug])
            guard let row else { throw StorageError.notFound("section \(slug)") }
            return Columns.section(row, at: 0)
        }
    }

    @discardableResult
    public func saveTopic(slug: String, name: String, description: String) async throws -> Topic {
        try await write { db in
            let id = try Int64.fetchOne(
                db,
                sql: """
                    INSERT INTO topics (slug, name, description) VALUES (?, ?, ?)
                    ON CONFLICT(slug) DO UPDATE SET name = excluded.name, description = excluded.description RETURNING id
                    """,
                arguments: [slug, name, description]
            )
            guard let id else { throw StorageError.notFound("topic \(slug)") }
            try Self.recordChange(db, [.topic(TopicID(id))], now: Date())
            return Topic(id: TopicID(id), slug: slug, name: name, description: description)
        }
    }

    @discardableResult
    public func saveAuthor(slug: String, name: String, title: String, bio: String) async throws -> Author {
        try await write { db in
            let id = try Int64.fetchOne(
                db,
                sql: """
                    INSERT INTO authors (slug, name, title, bio) VALUES (?, ?, ?, ?)
                    ON CONFLICT(slug) DO UPDATE SET name = excluded.name, title = excluded.title, bio = excluded.bio RETURNING id
                    """,
                arguments: [slug, name, title, bio]
            )
            guard let id else { throw StorageError.notFound("author \(slug)") }
            // Bylines appear on article pages and cards everywhere.
            try Self.recordChange(db, [.site], now: Date())
            return Author(id: AuthorID(id), slug: slug, name: name, title: title, bio: bio)
        }
    }
}
