import Foundation

/// One stored value as `toasoan copy` moves and compares it: the kinds both stores keep. PostgreSQL's booleans
/// travel as `integer` 0 or 1, SQLite's form of them.
public enum StoredValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case bytes(Data)
}

/// One table a newspaper is copied table by table through: its name, the columns that order (and page) its rows,
/// and a self-reference that must be filled in after the rows exist.
public struct TransferTable: Sendable, Hashable {
    /// The table, the same in both stores.
    public let name: String
    /// Its primary key: rows are read, copied and compared in this order.
    public let key: [String]
    /// A column that refers to a row of the same table (`sections.parent_id`): copied as NULL, then set once every
    /// row of the table is in.
    public let selfReference: String?

    /// A table ordered by `key`.
    public init(_ name: String, key: [String] = ["id"], selfReference: String? = nil) {
        self.name = name
        self.key = key
        self.selfReference = selfReference
    }

    /// Every table that holds a newspaper, parents before the tables that refer to them, so that copying them in this
    /// order satisfies every reference (`articles` refers to `article_versions` and back; that reference is checked
    /// at commit on both stores). Left out: the migrations' own bookkeeping, and the search index, which each store
    /// builds in its own form and rebuilds after a copy.
    public static let newspaper: [TransferTable] = [
        TransferTable("sections", selfReference: "parent_id"),
        TransferTable("tags"),
        TransferTable("topics"),
        TransferTable("authors"),
        TransferTable("users"),
        TransferTable("media"),
        TransferTable("articles"),
        TransferTable("article_versions"),
        TransferTable("article_version_tags", key: ["version_id", "tag_id"]),
        TransferTable("article_version_authors", key: ["version_id", "author_id"]),
        TransferTable("article_version_media", key: ["version_id", "position"]),
        TransferTable("article_version_related", key: ["version_id", "related_article_id"]),
        TransferTable("article_locks", key: ["article_id"]),
        TransferTable("corrections"),
        TransferTable("audit_log"),
        TransferTable("content_changes", key: ["seq"]),
        TransferTable("home_slots", key: ["slot", "position"]),
        TransferTable("login_failures"),
        TransferTable("security_policies"),
        TransferTable("sessions"),
        TransferTable("site_secrets", key: ["name"]),
        TransferTable("site_settings", key: ["key"]),
        TransferTable("webhooks"),
        TransferTable("webhook_deliveries"),
        TransferTable("webhook_attempts"),
        TransferTable("related_documents", key: ["article_id"]),
        TransferTable("related_postings", key: ["term", "article_id"]),
        TransferTable("related_similar", key: ["article_id", "similar_id"]),
        TransferTable("related_terms", key: ["term"]),
    ]
}

/// A store's tables read raw, a page at a time, for `toasoan copy` and its comparison. Rows of a table come in key
/// order, so the same content reads the same from either store.
public protocol TableTransfer: Sendable {
    /// The columns of `table`, in the store's order.
    func transferColumns(of table: String) async throws -> [String]
    /// Up to `limit` rows of `table` (values of `columns`, which must include the key), those whose key comes after
    /// `after` (nil: from the first), in key order.
    func transferRows(
        of table: TransferTable, columns: [String], after: [StoredValue]?, limit: Int
    ) async throws -> [[StoredValue]]
}

/// The SQL of a page of a table's rows, the same in both dialects but for how a parameter is written.
public enum TransferSQL {
    /// `SELECT columns FROM table [WHERE (key) > (…)] ORDER BY key LIMIT n`, the key compared as a row value;
    /// `placeholder(i)` writes the i-th parameter (from 1).
    public static func page(
        of table: TransferTable, columns: [String], after: Bool, limit: Int, placeholder: (Int) -> String
    ) -> String {
        let key = table.key.map(quoted).joined(separator: ", ")
        var sql = "SELECT \(columns.map(quoted).joined(separator: ", ")) FROM \(quoted(table.name))"
        if after {
            let parameters = (1...table.key.count).map(placeholder).joined(separator: ", ")
            sql += " WHERE (\(key)) > (\(parameters))"
        }
        return sql + " ORDER BY \(key) LIMIT \(max(1, limit))"
    }

    /// An identifier in double quotes, as both dialects take it.
    public static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
