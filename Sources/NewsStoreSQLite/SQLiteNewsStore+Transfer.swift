import Foundation
import GRDB
import NewsStore

extension SQLiteNewsStore: TableTransfer {
    public func transferColumns(of table: String) async throws -> [String] {
        try await read { db in
            let columns = try db.columns(in: table).map(\.name)
            guard !columns.isEmpty else { throw StorageError.notFound("table \(table)") }
            return columns
        }
    }

    public func transferRows(
        of table: TransferTable, columns: [String], after: [StoredValue]?, limit: Int
    ) async throws -> [[StoredValue]] {
        let sql = TransferSQL.page(of: table, columns: columns, after: after != nil, limit: limit) { _ in "?" }
        let arguments = StatementArguments((after ?? []).map(\.databaseValue))
        return try await read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                (0..<row.count).map { StoredValue(row[$0] as DatabaseValue) }
            }
        }
    }
}

extension StoredValue {
    /// The value as GRDB binds it.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        case .text(let value): value.databaseValue
        case .bytes(let value): value.databaseValue
        }
    }

    /// A value as SQLite stored it.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let value): self = .integer(value)
        case .double(let value): self = .real(value)
        case .string(let value): self = .text(value)
        case .blob(let value): self = .bytes(value)
        }
    }
}
