import Foundation
import NewsDomain
import PostgresNIO

/// Column lists and decoders shared by the queries; positions in a row are fixed by these lists (the same lists, in
/// the same order, as the SQLite store's).
enum Columns {
    /// A section (`s`): id, slug, name, parent, position, description.
    static let section = "s.id, s.slug, s.name, s.parent_id, s.position, s.description"
    /// An image (`m`), outer-joined: id first, NULL when there is none.
    static let media = "m.id, m.src, m.width, m.height, m.alt, m.caption, m.credit, m.rights, m.variants, m.uploaded_by"
    /// A byline (`au`).
    static let author = "au.id, au.slug, au.name, au.title, au.bio"
    /// A tag (`t`).
    static let tag = "t.id, t.slug, t.name"
    /// A topic (`p`), outer-joined: id first, NULL when there is none.
    static let topic = "p.id, p.slug, p.name, p.description"

    /// A section from the six columns of `section` starting at `i`.
    static func section(_ row: RowCells, at i: Int) throws -> Section {
        Section(
            id: SectionID(try row[i]), slug: try row[i + 1], name: try row[i + 2],
            parentID: (try row[i + 3] as Int64?).map { SectionID($0) }, position: try row[i + 4],
            description: try row[i + 5]
        )
    }

    /// An image from the columns of `media` starting at `i`; nil when the (outer-joined) row has none.
    static func media(_ row: RowCells, at i: Int) throws -> Media? {
        guard let id = try row[i] as Int64? else { return nil }
        return Media(
            id: MediaID(id), src: try row[i + 1], width: try row[i + 2], height: try row[i + 3], alt: try row[i + 4],
            caption: try row[i + 5], credit: try row[i + 6], rights: try row[i + 7],
            variants: mediaVariants(try row[i + 8]), uploadedBy: (try row[i + 9] as Int64?).map { UserID($0) }
        )
    }

    /// Decodes the stored JSON list of variants; "[]" (every image that was not uploaded) costs no decoding.
    static func mediaVariants(_ json: String?) -> [MediaVariant] {
        guard let json, json != "[]" else { return [] }
        return (try? JSONDecoder().decode([MediaVariant].self, from: Data(json.utf8))) ?? []
    }

    /// An author from the columns of `author` starting at `i`.
    static func author(_ row: RowCells, at i: Int) throws -> Author {
        Author(
            id: AuthorID(try row[i]), slug: try row[i + 1], name: try row[i + 2], title: try row[i + 3], bio: try row[i + 4]
        )
    }

    /// A tag from the columns of `tag` starting at `i`.
    static func tag(_ row: RowCells, at i: Int) throws -> Tag {
        Tag(id: TagID(try row[i]), slug: try row[i + 1], name: try row[i + 2])
    }

    /// A topic from the columns of `topic` starting at `i`; nil when the (outer-joined) row has none.
    static func topic(_ row: RowCells, at i: Int) throws -> Topic? {
        guard let id = try row[i] as Int64? else { return nil }
        return Topic(id: TopicID(id), slug: try row[i + 1], name: try row[i + 2], description: try row[i + 3])
    }
}

/// A row read by position with the type the caller expects, as GRDB's `row[i]` reads: for decoders that take their
/// columns from the middle of a longer row.
struct RowCells {
    private let cells: PostgresRandomAccessRow

    /// Wraps a fetched row.
    init(_ row: PostgresRow) { cells = row.makeRandomAccess() }

    /// The value at column `index` (0-based), decoded as `T`.
    subscript<T: PostgresDecodable>(index: Int) -> T {
        get throws { try cells[index].decode(T.self) }
    }
}

/// SQL fragments that decide what readers may see.
enum ReaderSQL {
    /// An article is visible when it is published and its time has come (`now` is bound in its place).
    static func visible(now: String) -> String {
        "a.status = 'published' AND a.published_version_id IS NOT NULL AND a.published_at <= \(now)"
    }

    /// Selects card data of published versions; authors are fetched separately, in one query per list.
    static let summarySelect = """
        SELECT a.id, a.published_at, v.slug, v.title, v.sapo, v.id, \(Columns.section), \(Columns.media)
        FROM articles a
        JOIN article_versions v ON v.id = a.published_version_id
        JOIN sections s ON s.id = v.section_id
        LEFT JOIN article_version_media vm ON vm.version_id = v.id AND vm.position = 0
        LEFT JOIN media m ON m.id = vm.media_id
        """
}

/// A statement put together from pieces, binding each value where it is added: for queries whose conditions depend on
/// the request (list filters, exclusions), which string interpolation alone cannot number. A class, so that a value can
/// be bound in the middle of the text being appended (`statement.append("… = \(try statement.bind(id))")`).
final class StatementBuilder {
    private var sql: String
    private var binds = PostgresBindings()

    /// Starts with `sql`.
    init(_ sql: String = "") { self.sql = sql }

    /// Appends SQL text.
    func append(_ text: String) { sql += text }

    /// Binds `value` and returns its placeholder (`$n`) to write into the text.
    func bind<Value: PostgresThrowingDynamicTypeEncodable>(_ value: Value) throws -> String {
        try binds.append(value)
        return "$\(binds.count)"
    }

    /// The statement.
    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}
