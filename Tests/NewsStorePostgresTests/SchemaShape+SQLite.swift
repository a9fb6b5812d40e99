import Foundation
import GRDB

@testable import NewsStoreSQLite

extension SchemaShape {
    /// Tables of a SQLite store that have no PostgreSQL counterpart to compare: SQLite's own, GRDB's bookkeeping
    /// (`schema_migrations` on PostgreSQL, checked by the migration tests) and the FTS5 index with its shadow tables
    /// and vocabulary, which PostgreSQL replaces with columns of `search_documents` and a plain table (left out on that
    /// side too: `postgresSearchIndexColumns`).
    static func isCompared(sqliteTable name: String) -> Bool {
        !(name.hasPrefix("sqlite_") || name.hasPrefix("search_index") || name == "search_vocabulary"
            || name == "grdb_migrations")
    }

    /// The shape of a SQLite store's schema, read with PRAGMA table_info, index_list, index_info and foreign_key_list.
    static func of(_ store: SQLiteNewsStore) async throws -> SchemaShape {
        try await store.writer.read { db in
            var shape = SchemaShape()
            for row in try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table'") {
                let name: String = row[0]
                guard isCompared(sqliteTable: name) else { continue }
                shape.tables[name] = try table(name, sql: row[1] ?? "", db)
            }
            return shape
        }
    }

    private static func table(_ name: String, sql: String, _ db: Database) throws -> Table {
        var table = Table()
        var primaryKey: [(position: Int, column: String)] = []
        let columns = try Row.fetchAll(
            db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", arguments: [name]
        )
        for column in columns {
            let columnName: String = column[0]
            let keyPosition: Int = column[3]
            // A primary key column is never NULL on PostgreSQL; on SQLite only INTEGER PRIMARY KEY (the rowid) and
            // columns declared NOT NULL are, but the stores never store NULL keys.
            let notNull: Bool = column[2]
            table.columns[columnName] = Column(type: logicalType(column[1]), nullable: !notNull && keyPosition == 0)
            if keyPosition > 0 {
                primaryKey.append((keyPosition, columnName))
            }
        }
        table.primaryKey = primaryKey.sorted { $0.position < $1.position }.map(\.column)

        let indexes = try Row.fetchAll(
            db, sql: "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)", arguments: [name]
        )
        for index in indexes where (index[2] as String) != "pk" {
            let indexName: String = index[0]
            let indexColumns = try String.fetchAll(
                db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [indexName]
            )
            if index[1] as Bool {
                table.uniques.insert(indexColumns)
            } else {
                table.indexes[indexName] = Index(columns: indexColumns, partial: index[3])
            }
        }

        let references = try Row.fetchAll(
            db, sql: "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq",
            arguments: [name]
        )
        for (_, rows) in Dictionary(grouping: references, by: { $0[0] as Int }) {
            let target: String = rows[0][1]
            let from = rows.map { $0[2] as String }
            // REFERENCES t without columns means t's primary key.
            var to = rows.compactMap { $0[3] as String? }
            if to.isEmpty {
                to = try String.fetchAll(
                    db, sql: "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", arguments: [target]
                )
            }
            table.foreignKeys.insert(ForeignKey(
                columns: from, table: target, referenced: to, onDelete: rows[0][4],
                deferred: from.count == 1 && isDeferred(column: from[0], in: sql)
            ))
        }
        return table
    }

    /// Whether the column's definition in the table's SQL says DEFERRABLE INITIALLY DEFERRED: PRAGMA
    /// foreign_key_list does not tell. A definition ends at a comma or a line end (no reference here spans either).
    private static func isDeferred(column: String, in sql: String) -> Bool {
        let definitions = sql.split(whereSeparator: { $0 == "," || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        let definition = definitions.first { $0.hasPrefix(column.uppercased() + " ") && $0.contains("REFERENCES") }
        return definition?.contains("DEFERRABLE INITIALLY DEFERRED") ?? false
    }

    /// SQLite's declared types as the stores use them.
    private static func logicalType(_ declared: String) -> LogicalType {
        switch declared.uppercased() {
        case "INTEGER": .integer
        case "REAL": .real
        case "TEXT": .text
        case "BLOB": .bytes
        default: .other(declared)
        }
    }
}
