import Foundation
import NewsStore
import PostgresNIO

extension PostgresNewsStore: TableTransfer {
    public func transferColumns(of table: String) async throws -> [String] {
        let columns = try await read(snapshot: false) { session in
            try await Self.columnTypes(session, table).map(\.name)
        }
        guard !columns.isEmpty else { throw StorageError.notFound("table \(table)") }
        return columns
    }

    public func transferRows(
        of table: TransferTable, columns: [String], after: [StoredValue]?, limit: Int
    ) async throws -> [[StoredValue]] {
        let sql = TransferSQL.page(of: table, columns: columns, after: after != nil, limit: limit) { "$\($0)" }
        var binds = PostgresBindings()
        for value in after ?? [] { try Self.bind(value, into: &binds) }
        let query = PostgresQuery(unsafeSQL: sql, binds: binds)
        return try await read(snapshot: false) { session in
            try await session.rows(query).map { row in try row.map(StoredValue.init(cell:)) }
        }
    }

    /// Copies every row of `tables` from `source` into this database, in one transaction: all of it or nothing. The
    /// tables must exist here with the same columns (both schemas are at the same migration) and hold no rows.
    /// Ids are kept, and every identity then continues after the largest copied id. `progress` hears each table's
    /// name and how many of its rows are in so far. Returns the number of rows copied per table.
    public func receive(
        from source: any TableTransfer, tables: [TransferTable], batchSize: Int = 500,
        progress: @escaping @Sendable (String, Int) -> Void = { _, _ in }
    ) async throws -> [String: Int] {
        try await write(longRunning: true) { session in
            var copied: [String: Int] = [:]
            for table in tables {
                copied[table.name] = try await Self.receive(table, from: source, into: session, batchSize: batchSize, progress: progress)
            }
            try await Self.continueIdentities(session, tables: tables)
            return copied
        }
    }

    /// Copies one table, page by page, and returns its row count.
    private static func receive(
        _ table: TransferTable, from source: any TableTransfer, into session: PostgresSession, batchSize: Int,
        progress: @Sendable (String, Int) -> Void
    ) async throws -> Int {
        let columns = try await source.transferColumns(of: table.name)
        let types = Dictionary(uniqueKeysWithValues: try await columnTypes(session, table.name).map { ($0.name, $0.type) })
        let missing = columns.filter { types[$0] == nil }
        guard missing.isEmpty, columns.count == types.count else {
            let extra = Set(types.keys).subtracting(columns).sorted()
            throw StorageError.unavailable(
                "table \(table.name) differs between the databases (only in the source: \(missing.joined(separator: ", "))"
                    + "; only in PostgreSQL: \(extra.joined(separator: ", "))); migrate both to the same version first"
            )
        }
        let keyIndexes = table.key.compactMap { columns.firstIndex(of: $0) }
        let selfReference = table.selfReference.flatMap { columns.firstIndex(of: $0) }
        var references: [(key: [StoredValue], value: StoredValue)] = []
        var after: [StoredValue]?
        var count = 0
        // Under PostgreSQL's limit of 65,535 parameters per statement.
        let rowsPerPage = max(1, min(batchSize, 60_000 / max(1, columns.count)))
        while true {
            var rows = try await source.transferRows(of: table, columns: columns, after: after, limit: rowsPerPage)
            guard let last = rows.last else { break }
            after = keyIndexes.map { last[$0] }
            if let selfReference {
                for index in rows.indices where rows[index][selfReference] != .null {
                    references.append((keyIndexes.map { rows[index][$0] }, rows[index][selfReference]))
                    rows[index][selfReference] = .null
                }
            }
            try await insert(rows, into: table.name, columns: columns, types: types, session: session)
            count += rows.count
            progress(table.name, count)
            if rows.count < rowsPerPage { break }
        }
        if let column = table.selfReference {
            for (key, value) in references {
                var binds = PostgresBindings()
                try bind(value, as: types[column] ?? "", column: column, table: table.name, into: &binds)
                for (index, keyColumn) in table.key.enumerated() {
                    try bind(key[index], as: types[keyColumn] ?? "", column: keyColumn, table: table.name, into: &binds)
                }
                let condition = table.key.enumerated().map { "\(TransferSQL.quoted($1)) = $\($0 + 2)" }
                try await session.execute(PostgresQuery(unsafeSQL: """
                    UPDATE \(TransferSQL.quoted(table.name)) SET \(TransferSQL.quoted(column)) = $1
                    WHERE \(condition.joined(separator: " AND "))
                    """, binds: binds))
            }
        }
        return count
    }

    /// Inserts rows in one statement, converting each value to its column's type.
    private static func insert(
        _ rows: [[StoredValue]], into table: String, columns: [String], types: [String: String], session: PostgresSession
    ) async throws {
        var binds = PostgresBindings(capacity: rows.count * columns.count)
        var tuples: [String] = []
        tuples.reserveCapacity(rows.count)
        var parameter = 0
        for row in rows {
            var placeholders: [String] = []
            for (index, value) in row.enumerated() {
                try bind(value, as: types[columns[index]] ?? "", column: columns[index], table: table, into: &binds)
                parameter += 1
                placeholders.append("$\(parameter)")
            }
            tuples.append("(" + placeholders.joined(separator: ", ") + ")")
        }
        let sql = "INSERT INTO \(TransferSQL.quoted(table)) (\(columns.map(TransferSQL.quoted).joined(separator: ", "))) VALUES "
            + tuples.joined(separator: ", ")
        try await session.execute(PostgresQuery(unsafeSQL: sql, binds: binds))
    }

    /// Sets every identity of `tables` to continue after the largest id copied, so that new rows never collide.
    private static func continueIdentities(_ session: PostgresSession, tables: [TransferTable]) async throws {
        let names = tables.map(\.name)
        let identities = try await session.rows("""
            SELECT table_name::text, column_name::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_identity = 'YES' AND table_name = ANY(\(names))
            ORDER BY table_name
            """)
        for row in identities {
            let (table, column) = try row.decode((String, String).self)
            let (quotedTable, quotedColumn) = (TransferSQL.quoted(table), TransferSQL.quoted(column))
            try await session.execute(PostgresQuery(unsafeSQL: """
                SELECT setval(pg_get_serial_sequence('\(quotedTable)', '\(column)'),
                              COALESCE((SELECT max(\(quotedColumn)) FROM \(quotedTable)), 1),
                              (SELECT max(\(quotedColumn)) FROM \(quotedTable)) IS NOT NULL)
                """))
        }
    }

    /// The columns of `table` in this schema with their types (`information_schema` names: `bigint`, `text`, …),
    /// in column order; empty when there is no such table.
    static func columnTypes(_ session: PostgresSession, _ table: String) async throws -> [(name: String, type: String)] {
        try await session.rows("""
            SELECT column_name::text, data_type::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(table)
            ORDER BY ordinal_position
            """).map { try $0.decode((String, String).self) }
    }

    /// Binds a value of a key, typed by what it is.
    static func bind(_ value: StoredValue, into binds: inout PostgresBindings) throws {
        switch value {
        case .null: binds.appendNull()
        case .integer(let value): binds.append(value)
        case .real(let value): binds.append(value)
        case .text(let value): binds.append(value)
        case .bytes(let value): try binds.append(value)
        }
    }

    /// Binds a value for a column of type `type`, or says which value does not fit.
    static func bind(
        _ value: StoredValue, as type: String, column: String, table: String, into binds: inout PostgresBindings
    ) throws {
        switch (value, type) {
        case (.null, _): binds.appendNull()
        case (.integer(let value), "boolean"): binds.append(value != 0)
        case (.integer(let value), "bigint"), (.integer(let value), "integer"): binds.append(value)
        case (.integer(let value), "double precision"): binds.append(Double(value))
        case (.real(let value), "double precision"): binds.append(value)
        case (.text(let value), "text"): binds.append(value)
        case (.bytes(let value), "bytea"): try binds.append(value)
        default:
            throw StorageError.unavailable("\(table).\(column) is \(type) in PostgreSQL and cannot take \(value)")
        }
    }
}

extension StoredValue {
    /// A PostgreSQL value in the form the copy compares: booleans as 0 or 1, as SQLite keeps them.
    init(cell: PostgresCell) throws {
        guard cell.bytes != nil else {
            self = .null
            return
        }
        switch cell.dataType {
        case .int8, .int4, .int2: self = .integer(try cell.decode(Int64.self))
        case .float8, .float4: self = .real(try cell.decode(Double.self))
        case .bool: self = .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .bytea: self = .bytes(try cell.decode(Data.self))
        default: self = .text(try cell.decode(String.self))
        }
    }
}
