import Foundation
import NewsDomain
import NewsStore
import NewsText
import PostgresNIO

extension PostgresNewsStore: MediaLibraryStore {
    /// Adds an upload to the library, audited as `media.upload`; the UNIQUE `src` decides between two nodes adding
    /// the same file at once.
    public func addMedia(_ media: NewMedia, now: Date) async throws -> Media {
        let media = media.normalized()
        let errors = Media.metadataViolations(alt: media.alt, caption: media.caption, credit: media.credit, rights: media.rights)
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        let variants = try Self.encodeVariants(media.variants)
        let searchText = MediaText.searchText(alt: media.alt, caption: media.caption, credit: media.credit)
        return try await write { session in
            let inserted = try await session.rows("""
                INSERT INTO media (src, width, height, alt, caption, credit, rights, variants, uploaded_by, search_text,
                    original_name, byte_count, created_at)
                VALUES (\(media.src), \(media.width), \(media.height), \(media.alt), \(media.caption), \(media.credit),
                    \(media.rights), \(variants), \(media.uploadedBy?.rawValue), \(searchText), \(media.originalName),
                    \(media.byteCount), \(now.storageValue))
                ON CONFLICT (src) DO NOTHING RETURNING id
                """)
            guard let rawID = try inserted.first?.decode(Int64.self) else {
                throw StorageError.conflict("the library already holds \(media.src)")
            }
            let id = MediaID(rawID)
            var name: String?
            if let uploader = media.uploadedBy {
                name = try await session.rows("SELECT name FROM users WHERE id = \(uploader.rawValue)").first?.decode(String.self)
            }
            try await Self.insert(AuditEntry(
                action: "media.upload", at: now, userID: media.uploadedBy, actorName: name ?? "",
                note: Self.auditNote(id: id, name: media.originalName ?? media.src)
            ), session)
            guard let stored = try await Self.fetchMedia(session, id: id) else { throw StorageError.notFound("media \(id)") }
            return stored
        }
    }

    /// One image by id.
    public func media(id: MediaID) async throws -> Media? {
        try await read(snapshot: false) { session in try await Self.fetchMedia(session, id: id) }
    }

    /// One image by its path.
    public func media(src: String) async throws -> Media? {
        try await read(snapshot: false) { session in
            try await session.rows("SELECT \(unescaped: Columns.media) FROM media m WHERE m.src = \(src)")
                .first.flatMap { try Columns.media(RowCells($0), at: 0) }
        }
    }

    /// Images whose folded alt text, caption and credit hold every word of `query`, newest first; the count and the
    /// page come from one snapshot.
    public func searchMedia(query: String, page: PageRequest) async throws -> Page<Media> {
        // Every word must occur (LIKE ALL of no pattern is true); LIKE's own wildcards in a word are matched
        // literally, escaped with PostgreSQL's default escape character, the backslash.
        let patterns = MediaText.queryWords(query).map { word in
            "%" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
        }
        return try await read { session in
            let total = try await session.rows("SELECT count(*) FROM media m WHERE m.search_text LIKE ALL (\(patterns))")
                .first?.decode(Int.self) ?? 0
            let rows = try await session.rows("""
                SELECT \(unescaped: Columns.media) FROM media m WHERE m.search_text LIKE ALL (\(patterns))
                ORDER BY m.created_at DESC, m.id DESC LIMIT \(page.size) OFFSET \(page.offset)
                """)
            return Page(items: try rows.compactMap { try Columns.media(RowCells($0), at: 0) }, request: page, totalCount: total)
        }
    }

    /// Replaces an image's metadata, audited as `media.update`. The row is locked while the permission is decided on
    /// it, so that the decision holds until the change commits.
    public func updateMedia(
        id: MediaID, alt: String, caption: String, credit: String, rights: String, actor: User, now: Date
    ) async throws -> Media {
        let (alt, caption, credit, rights) = (MediaText.line(alt), MediaText.line(caption), MediaText.line(credit), MediaText.line(rights))
        let searchText = MediaText.searchText(alt: alt, caption: caption, credit: credit)
        // A refusal leaves the transaction as a value: `write` reports every error its body throws that is not a
        // StorageError as the database's failure.
        let outcome: Result<Media, Refusal> = try await write { session in
            guard let current = try await Self.fetchMedia(session, id: id, locking: true) else {
                throw StorageError.notFound("media \(id)")
            }
            guard actor.mayEditMetadata(of: current) else { return .failure(Refusal(WorkflowDenial.mediaEditNotPermitted)) }
            let errors = Media.metadataViolations(alt: alt, caption: caption, credit: credit, rights: rights)
            guard errors.isEmpty else { return .failure(Refusal(ValidationErrors(errors))) }
            try await session.execute("""
                UPDATE media SET alt = \(alt), caption = \(caption), credit = \(credit), rights = \(rights),
                    search_text = \(searchText)
                WHERE id = \(id.rawValue)
                """)
            try await Self.insert(AuditEntry(
                action: "media.update", at: now, userID: actor.id, actorName: actor.name,
                note: Self.auditNote(id: id, name: current.src)
            ), session)
            guard let stored = try await Self.fetchMedia(session, id: id) else { throw StorageError.notFound("media \(id)") }
            // Every article that places the image shows the new caption and credit. Last: see `recordChange`.
            try await Self.recordMediaChange(session, id: id, now: now)
            return .success(stored)
        }
        switch outcome {
        case .success(let media): return media
        case .failure(let refusal): throw refusal.error
        }
    }

    /// The store's verdict on a request (not permitted, invalid), carried out of its transaction unchanged.
    private struct Refusal: Error {
        let error: any Error & Sendable

        init(_ error: any Error & Sendable) { self.error = error }
    }

    /// One image by id, its row locked until the transaction ends when `locking`.
    private static func fetchMedia(_ session: PostgresSession, id: MediaID, locking: Bool = false) async throws -> Media? {
        let rows = locking
            ? try await session.rows("SELECT \(unescaped: Columns.media) FROM media m WHERE m.id = \(id.rawValue) FOR UPDATE")
            : try await session.rows("SELECT \(unescaped: Columns.media) FROM media m WHERE m.id = \(id.rawValue)")
        return try rows.first.flatMap { try Columns.media(RowCells($0), at: 0) }
    }

    /// Tells page caches that the articles placing an image (in their live version) and the lists showing their
    /// cards have changed.
    private static func recordMediaChange(_ session: PostgresSession, id: MediaID, now: Date) async throws {
        let rows = try await session.rows("""
            SELECT DISTINCT a.id, vm.version_id FROM article_version_media vm
            JOIN articles a ON a.published_version_id = vm.version_id
            WHERE vm.media_id = \(id.rawValue)
            """)
        var dependencies: Set<ContentDependency> = []
        for row in rows {
            let (articleID, versionID) = try row.decode((Int64, Int64).self)
            dependencies.insert(.article(ArticleID(articleID)))
            dependencies.formUnion(try await listDependencies(session, versionID: versionID))
        }
        if !dependencies.isEmpty { dependencies.insert(.latest) }
        try await recordChange(session, dependencies, now: now)
    }

    /// Variants as stored: JSON with sorted keys, "[]" for none (the same text as on SQLite).
    private static func encodeVariants(_ variants: [MediaVariant]) throws -> String {
        guard !variants.isEmpty else { return "[]" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(variants), as: UTF8.self)
    }

    /// "Ảnh #12: chan-dung.jpg", the audit log's words for an image.
    private static func auditNote(id: MediaID, name: String) -> String {
        "Ảnh #\(id): \(name)"
    }
}
