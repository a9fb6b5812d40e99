import Foundation
import GRDB
import NewsDomain

/// Column lists and decoders shared by the queries; positions in a row are fixed by these lists.
enum Columns {
    static let section = "s.id, s.slug, s.name, s.parent_id, s.position, s.description"
    static let media = "m.id, m.src, m.width, m.height, m.alt, m.caption, m.credit, m.rights, m.variants, m.uploaded_by"
    static let author = "au.id, au.slug, au.name, au.title, au.bio"
    static let tag = "t.id, t.slug, t.name"
    static let topic = "p.id, p.slug, p.name, p.description"

    static func section(_ row: Row, at i: Int) -> Section {
        Section(
            id: SectionID(row[i]), slug: row[i + 1], name: row[i + 2],
            parentID: (row[i + 3] as Int64?).map { SectionID($0) }, position: row[i + 4], description: row[i + 5]
        )
    }

    static func media(_ row: Row, at i: Int) -> Media? {
        guard let id = row[i] as Int64? else { return nil }
        return Media(
            id: MediaID(id), src: row[i + 1], width: row[i + 2], height: row[i + 3], alt: row[i + 4],
            caption: row[i + 5], credit: row[i + 6], rights: row[i + 7], variants: mediaVariants(row[i + 8]),
            uploadedBy: (row[i + 9] as Int64?).map { UserID($0) }
        )
    }

    /// Decodes the stored JSON list of variants; "[]" (every image that was not uploaded) costs no decoding.
    static func mediaVariants(_ json: String?) -> [MediaVariant] {
        guard let json, json != "[]" else { return [] }
        return (try? JSONDecoder().decode([MediaVariant].self, from: Data(json.utf8))) ?? []
    }

    static func author(_ row: Row, at i: Int) -> Author {
        Author(id: AuthorID(row[i]), slug: row[i + 1], name: row[i + 2], title: row[i + 3], bio: row[i + 4])
    }

    static func tag(_ row: Row, at i: Int) -> Tag {
        Tag(id: TagID(row[i]), slug: row[i + 1], name: row[i + 2])
    }

    static func topic(_ row: Row, at i: Int) -> Topic? {
        guard let id = row[i] as Int64? else { return nil }
        return Topic(id: TopicID(id), slug: row[i + 1], name: row[i + 2], description: row[i + 3])
    }
}

/// SQL fragments that decide what readers may see.
enum ReaderSQL {
    /// An article is visible when it is published and its time has come (`?` = now).
    static let visible = "a.status = 'published' AND a.published_version_id IS NOT NULL AND a.published_at <= ?"

    /// Selects card data of published versions; authors are fetched separately, in one query per list.
    static let summarySelect = """
        SELECT a.id, a.published_at, v.slug, v.title, v.sapo, v.id, \(Columns.section), \(Columns.media)
        FROM articles a
        JOIN article_versions v ON v.id = a.published_version_id
        JOIN sections s ON s.id = v.section_id
        LEFT JOIN article_version_media vm ON vm.version_id = v.id AND vm.position = 0
        LEFT JOIN media m ON m.id = vm.media_id
        """

    /// Placeholders for an IN list of `count` values.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
