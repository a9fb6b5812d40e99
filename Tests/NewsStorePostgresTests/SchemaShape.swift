/// What the schema parity test compares of a database, in terms both backends share: tables, columns with a logical
/// type and nullability, primary keys, unique constraints, foreign keys and named indexes.
struct SchemaShape: Equatable {
    /// A column's type as the stores use it.
    enum LogicalType: Equatable, CustomStringConvertible {
        case integer, real, text, bytes, boolean
        /// A type the stores do not use; its name as the database spells it.
        case other(String)

        var description: String {
            switch self {
            case .integer: "integer"
            case .real: "real"
            case .text: "text"
            case .bytes: "bytes"
            case .boolean: "boolean"
            case .other(let name): name
            }
        }
    }

    /// One column.
    struct Column: Equatable {
        var type: LogicalType
        var nullable: Bool
    }

    /// A foreign key, with what it does when the referenced row goes.
    struct ForeignKey: Hashable, CustomStringConvertible {
        var columns: [String]
        var table: String
        var referenced: [String]
        var onDelete: String
        var deferred: Bool

        var description: String {
            let from = columns.joined(separator: ", "), to = referenced.joined(separator: ", ")
            let timing = deferred ? " DEFERRABLE INITIALLY DEFERRED" : ""
            return "(\(from)) → \(table)(\(to)) ON DELETE \(onDelete)\(timing)"
        }
    }

    /// A named index that is neither the primary key nor a unique constraint.
    struct Index: Equatable, CustomStringConvertible {
        var columns: [String]
        var partial: Bool

        var description: String { "(\(columns.joined(separator: ", ")))" + (partial ? " WHERE …" : "") }
    }

    /// One table.
    struct Table: Equatable {
        var columns: [String: Column] = [:]
        var primaryKey: [String] = []
        var uniques: Set<[String]> = []
        var foreignKeys: Set<ForeignKey> = []
        var indexes: [String: Index] = [:]
    }

    var tables: [String: Table] = [:]

    /// Every difference between a SQLite schema (`self`) and a PostgreSQL one, one readable line each. A SQLite
    /// INTEGER and a PostgreSQL boolean match only for the columns in `booleans` ("table.column"), which must be
    /// boolean on PostgreSQL.
    func differences(from postgres: SchemaShape, booleans: Set<String>) -> [String] {
        var found: [String] = []
        for name in Set(tables.keys).union(postgres.tables.keys).sorted() {
            guard let sqlite = tables[name] else {
                found.append("table \(name): only in PostgreSQL")
                continue
            }
            guard let pg = postgres.tables[name] else {
                found.append("table \(name): only in SQLite")
                continue
            }
            found += Self.columnDifferences(table: name, sqlite: sqlite, postgres: pg, booleans: booleans)
            if sqlite.primaryKey != pg.primaryKey {
                found.append("\(name): primary key (\(sqlite.primaryKey.joined(separator: ", "))) in SQLite, "
                    + "(\(pg.primaryKey.joined(separator: ", "))) in PostgreSQL")
            }
            for unique in sqlite.uniques.subtracting(pg.uniques).sorted(by: { "\($0)" < "\($1)" }) {
                found.append("\(name): UNIQUE (\(unique.joined(separator: ", "))) only in SQLite")
            }
            for unique in pg.uniques.subtracting(sqlite.uniques).sorted(by: { "\($0)" < "\($1)" }) {
                found.append("\(name): UNIQUE (\(unique.joined(separator: ", "))) only in PostgreSQL")
            }
            for key in sqlite.foreignKeys.subtracting(pg.foreignKeys).map(\.description).sorted() {
                found.append("\(name): foreign key \(key) only in SQLite")
            }
            for key in pg.foreignKeys.subtracting(sqlite.foreignKeys).map(\.description).sorted() {
                found.append("\(name): foreign key \(key) only in PostgreSQL")
            }
            for index in Set(sqlite.indexes.keys).union(pg.indexes.keys).sorted() {
                switch (sqlite.indexes[index], pg.indexes[index]) {
                case (let s?, let p?) where s != p:
                    found.append("\(name): index \(index) is \(s) in SQLite, \(p) in PostgreSQL")
                case (nil, _?): found.append("\(name): index \(index) only in PostgreSQL")
                case (_?, nil): found.append("\(name): index \(index) only in SQLite")
                default: break
                }
            }
        }
        return found
    }

    /// The differences between one table's columns on the two backends.
    private static func columnDifferences(
        table: String, sqlite: Table, postgres: Table, booleans: Set<String>
    ) -> [String] {
        var found: [String] = []
        for name in Set(sqlite.columns.keys).union(postgres.columns.keys).sorted() {
            let qualified = "\(table).\(name)"
            guard let s = sqlite.columns[name], let p = postgres.columns[name] else {
                found.append("\(qualified): only in \(sqlite.columns[name] == nil ? "PostgreSQL" : "SQLite")")
                continue
            }
            let compatible = switch (s.type, p.type) {
            case (.integer, .boolean): booleans.contains(qualified)
            case (.integer, .integer): !booleans.contains(qualified)
            default: s.type == p.type && !booleans.contains(qualified)
            }
            if !compatible {
                let expected = booleans.contains(qualified) ? " (expected a flag: INTEGER ↔ boolean)" : ""
                found.append("\(qualified): \(s.type) in SQLite, \(p.type) in PostgreSQL\(expected)")
            }
            if s.nullable != p.nullable {
                found.append("\(qualified): \(s.nullable ? "nullable" : "NOT NULL") in SQLite, "
                    + "\(p.nullable ? "nullable" : "NOT NULL") in PostgreSQL")
            }
        }
        return found
    }
}
