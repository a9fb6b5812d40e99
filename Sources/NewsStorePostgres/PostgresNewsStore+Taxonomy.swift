import Foundation
import NewsDomain
import NewsStore
import PostgresNIO

extension PostgresNewsStore: TaxonomyStore {
    /// Every section, parents by position, each followed by its children (as on SQLite).
    public func sections() async throws -> [Section] {
        try await read(snapshot: false) { session in
            let all = try await session.rows("SELECT \(unescaped: Columns.section) FROM sections s ORDER BY s.position, s.id")
                .map(Self.section)
            let children = Dictionary(grouping: all.filter { $0.parentID != nil }, by: { $0.parentID! })
            let known = Set(all.map(\.id))
            // Parents first, each followed by its children; a child whose parent vanished is listed at the end.
            return all.filter { $0.parentID == nil }.flatMap { [$0] + (children[$0.id] ?? []) }
                + all.filter { section in section.parentID.map { !known.contains($0) } ?? false }
        }
    }

    /// The section with a slug.
    public func section(slug: String) async throws -> Section? {
        try await read(snapshot: false) { session in
            try await session.rows("SELECT \(unescaped: Columns.section) FROM sections s WHERE s.slug = \(slug)")
                .first.map(Self.section)
        }
    }

    /// The tag with a slug.
    public func tag(slug: String) async throws -> Tag? {
        try await read(snapshot: false) { session in
            try await session.rows("SELECT \(unescaped: Columns.tag) FROM tags t WHERE t.slug = \(slug)")
                .first.map { try Columns.tag(RowCells($0), at: 0) }
        }
    }

    /// The topic with a slug.
    public func topic(slug: String) async throws -> Topic? {
        try await read(snapshot: false) { session in
            try await session.rows("SELECT \(unescaped: Columns.topic) FROM topics p WHERE p.slug = \(slug)")
                .first.flatMap { try Columns.topic(RowCells($0), at: 0) }
        }
    }

    /// The author with a slug.
    public func author(slug: String) async throws -> Author? {
        try await read(snapshot: false) { session in
            try await session.rows("SELECT \(unescaped: Columns.author) FROM authors au WHERE au.slug = \(slug)")
                .first.map { try Columns.author(RowCells($0), at: 0) }
        }
    }

    /// Creates or updates a section by slug. The parent row is locked while it is checked, so that no other node makes
    /// it a subsection before this one commits (SQLite's single writer gave that for free).
    @discardableResult
    public func saveSection(slug: String, name: String, parentSlug: String?, position: Int, description: String) async throws -> Section {
        // A section's page lives at /{slug}: a reserved segment would be shadowed by (or shadow) the site's own page.
        guard !ReservedPaths.contains(slug) else {
            throw ValidationErrors([.invalid("slug", "\"\(slug)\" is reserved for the site's own pages")])
        }
        return try await write { session in
            var parentID: Int64?
            if let parentSlug {
                guard let row = try await session.rows(
                    "SELECT id, parent_id FROM sections WHERE slug = \(parentSlug) FOR UPDATE"
                ).first else {
                    throw StorageError.notFound("parent section \(parentSlug)")
                }
                let (id, grandparent) = try row.decode((Int64, Int64?).self)
                guard grandparent == nil else {
                    throw StorageError.conflict("section \(parentSlug) is already a subsection; sections nest two levels deep")
                }
                parentID = id
            }
            let rows = try await session.rows("""
                INSERT INTO sections AS s (slug, name, parent_id, position, description)
                VALUES (\(slug), \(name), \(parentID), \(position), \(description))
                ON CONFLICT (slug) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id,
                    position = excluded.position, description = excluded.description
                RETURNING \(unescaped: Columns.section)
                """)
            guard let row = rows.first else { throw StorageError.notFound("section \(slug)") }
            try await Self.recordChange(session, [.site], now: Date())
            return try Self.section(row)
        }
    }

    /// Creates or updates a topic by slug.
    @discardableResult
    public func saveTopic(slug: String, name: String, description: String) async throws -> Topic {
        try await write { session in
            let rows = try await session.rows("""
                INSERT INTO topics (slug, name, description) VALUES (\(slug), \(name), \(description))
                ON CONFLICT (slug) DO UPDATE SET name = excluded.name, description = excluded.description RETURNING id
                """)
            guard let id = try rows.first?.decode(Int64.self) else { throw StorageError.notFound("topic \(slug)") }
            try await Self.recordChange(session, [.topic(TopicID(id))], now: Date())
            return Topic(id: TopicID(id), slug: slug, name: name, description: description)
        }
    }

    /// Creates or updates an author by slug.
    @discardableResult
    public func saveAuthor(slug: String, name: String, title: String, bio: String) async throws -> Author {
        try await write { session in
            let rows = try await session.rows("""
                INSERT INTO authors (slug, name, title, bio) VALUES (\(slug), \(name), \(title), \(bio))
                ON CONFLICT (slug) DO UPDATE SET name = excluded.name, title = excluded.title, bio = excluded.bio
                RETURNING id
                """)
            guard let id = try rows.first?.decode(Int64.self) else { throw StorageError.notFound("author \(slug)") }
            // Bylines appear on article pages and cards everywhere.
            try await Self.recordChange(session, [.site], now: Date())
            return Author(id: AuthorID(id), slug: slug, name: name, title: title, bio: bio)
        }
    }

    /// A section from a row that starts with `Columns.section`.
    private static func section(_ row: PostgresRow) throws -> Section {
        try Columns.section(RowCells(row), at: 0)
    }
}
