import Foundation
import GRDB
import NewsDomain
import NewsStore
import NewsText

extension SQLiteNewsStore: MediaLibraryStore {
    public func addMedia(_ media: NewMedia, now: Date) async throws -> Media {
        let media = media.normalized()
        let errors = Media.metadataViolations(alt: media.alt, caption: media.caption, credit: media.credit, rights: media.rights)
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        let variants = try Self.encodeVariants(media.variants)
        return try await write { db in
            if try Int64.fetchOne(db, sql: "SELECT id FROM media WHERE src = ?", arguments: [media.src]) != nil {
                throw StorageError.conflict("the library already holds \(media.src)")
            }
            try db.execute(
                sql: """
                    INSERT INTO media (src, width, height, alt, caption, credit, rights, variants, uploaded_by, search_text,
                        original_name, byte_count, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    media.src, media.width, media.height, media.alt, media.caption, media.credit, media.rights, variants,
                    media.uploadedBy?.rawValue,
                    MediaText.searchText(alt: media.alt, caption: media.caption, credit: media.credit),
                    media.originalName, media.byteCount, now.storageValue,
                ]
            )
            let id = MediaID(db.lastInsertedRowID)
            let name = try media.uploadedBy.flatMap {
                try String.fetchOne(db, sql: "SELECT name FROM users WHERE id = ?", arguments: [$0.rawValue])
            }
            try Self.insert(AuditEntry(
                action: "media.upload", at: now, userID: media.uploadedBy, actorName: name ?? "",
                note: Self.auditNote(id: id, name: media.originalName ?? media.src)
            ), db)
            guard let stored = try Self.fetchMedia(db, where: "m.id = ?", [id.rawValue]) else {
                throw StorageError.notFound("media \(id)")
            }
            return stored
        }
    }

    public func media(id: MediaID) async throws -> Media? {
        try await read { db in try Self.fetchMedia(db, where: "m.id = ?", [id.rawValue]) }
    }

    public func media(src: String) async throws -> Media? {
        try await read { db in try Self.fetchMedia(db, where: "m.src = ?", [src]) }
    }

    public func searchMedia(query: String, page: PageRequest) async throws -> Page<Media> {
        let words = MediaText.queryWords(query)
        // Every word must occur; LIKE's own wildcards in a word are matched literally.
        let condition = words.isEmpty ? "1" : words.map { _ in "m.search_text LIKE ? ESCAPE '\\'" }.joined(separator: " AND ")
        let patterns = words.map { word in
            "%" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
        }
        return try await read { db in
            let total = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM media m WHERE \(condition)", arguments: StatementArguments(patterns)
            ) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT \(Columns.media) FROM media m WHERE \(condition) ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?",
                arguments: StatementArguments(patterns) + [page.size, page.offset]
            )
            return Page(items: rows.compactMap { Columns.media($0, at: 0) }, request: page, totalCount: total)
        }
    }

    public func updateMedia(
        id: MediaID, alt: String, caption: String, credit: String, rights: String, actor: User, now: Date
    ) async throws -> Media {
        let (alt, caption, credit, rights) = (MediaText.line(alt), MediaText.line(caption), MediaText.line(credit), MediaText.line(rights))
        return try await write { db in
            guard let current = try Self.fetchMedia(db, where: "m.id = ?", [id.rawValue]) else {
                throw StorageError.notFound("media \(id)")
            }
            guard actor.mayEditMetadata(of: current) else { throw WorkflowDenial.mediaEditNotPermitted }
            let errors = Media.metadataViolations(alt: alt, caption: caption, credit: credit, rights: rights)
            guard errors.isEmpty else { throw ValidationErrors(errors) }
            try db.execute(
                sql: "UPDATE media SET alt = ?, caption = ?, credit = ?, rights = ?, search_text = ? WHERE id = ?",
                arguments: [
                    alt, caption, credit, rights, MediaText.searchText(alt: alt, caption: caption, credit: credit), id.rawValue,
                ]
            )
            try Self.insert(AuditEntry(
                action: "media.update", at: now, userID: actor.id, actorName: actor.name,
                note: Self.auditNote(id: id, name: current.src)
            ), db)
            // Every article that places the image shows the new caption and credit.
            try Self.recordMediaChange(db, id: id, now: now)
            guard let stored = try Self.fetchMedia(db, where: "m.id = ?", [id.rawValue]) else {
                throw StorageError.notFound("media \(id)")
            }
            return stored
        }
    }

    /// One image selected by a condition on `m`.
    private static func fetchMedia(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> Media? {
        try Row.fetchOne(db, sql: "SELECT \(Columns.media) FROM media m WHERE \(condition)", arguments: arguments)
            .flatMap { Columns.media($0, at: 0) }
    }

    /// Tells page caches that the articles placing an image (in their live version) and the lists showing their
    /// cards have changed.
    private static func recordMediaChange(_ db: Database, id: MediaID, now: Date) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT a.id, vm.version_id FROM article_version_media vm
                JOIN articles a ON a.published_version_id = vm.version_id
                WHERE vm.media_id = ?
                """,
            arguments: [id.rawValue]
        )
        var dependencies: Set<ContentDependency> = []
        for row in rows {
            dependencies.insert(.article(ArticleID(row[0])))
            dependencies.formUnion(try listDependencies(db, versionID: row[1]))
        }
        if !dependencies.isEmpty { dependencies.insert(.latest) }
        try recordChange(db, dependencies, now: now)
    }

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
