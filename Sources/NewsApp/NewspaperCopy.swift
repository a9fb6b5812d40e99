import Crypto
import Foundation
import Logging
import NewsStore
import NewsStorePostgres
import NewsStoreSQLite

/// `toasoan copy`: moves a newspaper from its embedded SQLite file into an empty PostgreSQL database, then reads both
/// back and compares them table by table (row counts and a SHA-256 of every row), so the operator knows before
/// switching that nothing was lost or changed on the way.
public enum NewspaperCopy {
    /// One table compared after the copy.
    public struct TableComparison: Sendable, Hashable {
        /// The table.
        public let table: String
        /// Its rows in the SQLite file, and in PostgreSQL.
        public let sourceRows: Int
        public let targetRows: Int
        /// SHA-256 (hex) of its rows in key order, in each database.
        public let sourceDigest: String
        public let targetDigest: String

        /// Whether both hold the same rows.
        public var matches: Bool { sourceRows == targetRows && sourceDigest == targetDigest }
    }

    /// What a copy did and found.
    public struct Report: Sendable {
        /// Every copied table, compared, in copy order.
        public let tables: [TableComparison]

        /// Whether every table is the same in both databases.
        public var identical: Bool { tables.allSatisfy(\.matches) }
        /// The rows copied, in all.
        public var rows: Int { tables.reduce(0) { $0 + $1.sourceRows } }
        /// One SHA-256 (hex) over every table's digest: the whole newspaper's fingerprint, the same in both when
        /// `identical`.
        public var digest: String {
            NewspaperCopy.hex(SHA256.hash(data: Data(tables.map { "\($0.table)=\($0.sourceDigest)\n" }.joined().utf8)))
        }
    }

    /// Copies the newspaper in the SQLite file at `path` into the PostgreSQL database at `url` and compares the two.
    /// The file must exist and be at this binary's schema; the PostgreSQL database is migrated when it has no schema
    /// yet, and must hold no newspaper. The copy is one transaction: an interruption leaves PostgreSQL empty.
    public static func copy(
        from path: String, to url: PostgresURL, logger: Logger, report: @escaping @Sendable (String) -> Void = { print($0) }
    ) async throws -> Report {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigurationError(problems: ["there is no SQLite database at \(path) to copy"])
        }
        let source: SQLiteNewsStore
        do {
            source = try SQLiteNewsStore.open(path: path, schema: .newDatabaseOnly)
        } catch {
            throw ConfigurationError(problems: [error.description])
        }
        return try await PostgresNewsStore.withStore(url: url, logger: logger) { target in
            try await target.checkConnection()
            try await prepare(target, url: url)
            report("copying \(path) to PostgreSQL (\(url.redacted))")
            let counts = try await target.receive(from: source, tables: TransferTable.newspaper)
            for table in TransferTable.newspaper where (counts[table.name] ?? 0) > 0 {
                let count = counts[table.name] ?? 0
                report("  \(table.name): \(count) row\(count == 1 ? "" : "s")")
            }
            // The search index is derived, in each store's own form: PostgreSQL builds its own from the copy.
            try await target.rebuildSearchIndex { _, _ in }
            report("built the search index in PostgreSQL")
            let result = Report(tables: try await compare(source, target, tables: TransferTable.newspaper))
            if result.identical {
                report("compared \(result.tables.count) tables: identical (\(result.rows) rows, SHA-256 \(result.digest))")
            } else {
                report("compared \(result.tables.count) tables: DIFFERENT")
                for table in result.tables where !table.matches {
                    report("  \(table.table): \(table.sourceRows) rows in SQLite, \(table.targetRows) in PostgreSQL"
                        + (table.sourceRows == table.targetRows ? ", different content" : ""))
                }
            }
            return result
        }
    }

    /// Brings an empty PostgreSQL database to this binary's schema, and refuses one at another schema or already
    /// holding a newspaper.
    static func prepare(_ target: PostgresNewsStore, url: PostgresURL) async throws {
        let status = try await target.schemaStatus()
        switch status {
        case .empty:
            try await target.migrate()
        case .current:
            break
        case .behind, .ahead:
            throw ConfigurationError(problems: [status.refusal(database: url.redacted) ?? "\(status)"])
        }
        var filled: [String] = []
        for table in TransferTable.newspaper {
            let columns = try await target.transferColumns(of: table.name)
            if try await !target.transferRows(of: table, columns: columns, after: nil, limit: 1).isEmpty {
                filled.append(table.name)
            }
        }
        guard filled.isEmpty else {
            throw ConfigurationError(problems: [
                "PostgreSQL (\(url.redacted)) already holds a newspaper (rows in \(filled.prefix(4).joined(separator: ", "))"
                    + (filled.count > 4 ? " and \(filled.count - 4) more tables" : "") + "); "
                    + "`toasoan copy` only fills an empty database",
            ])
        }
    }

    /// Reads `tables` from both stores in key order and compares row counts and digests.
    public static func compare(
        _ source: any TableTransfer, _ target: any TableTransfer, tables: [TransferTable]
    ) async throws -> [TableComparison] {
        var comparisons: [TableComparison] = []
        for table in tables {
            // The source's column order for both, so that the digests compare values, not layouts.
            let columns = try await source.transferColumns(of: table.name)
            let (sourceRows, sourceDigest) = try await digest(source, table, columns: columns)
            let (targetRows, targetDigest) = try await digest(target, table, columns: columns)
            comparisons.append(TableComparison(
                table: table.name, sourceRows: sourceRows, targetRows: targetRows,
                sourceDigest: sourceDigest, targetDigest: targetDigest
            ))
        }
        return comparisons
    }

    /// The row count and SHA-256 of a table's rows in key order, each value written with its kind, so that text
    /// "1" and the integer 1 differ, and reals compared by their bits.
    static func digest(_ store: any TableTransfer, _ table: TransferTable, columns: [String]) async throws -> (Int, String) {
        var hash = SHA256()
        var count = 0
        var after: [StoredValue]?
        let keyIndexes = table.key.compactMap { columns.firstIndex(of: $0) }
        let pageSize = 1000
        while true {
            let rows = try await store.transferRows(of: table, columns: columns, after: after, limit: pageSize)
            guard let last = rows.last else { break }
            var bytes: [UInt8] = []
            for row in rows {
                for value in row { append(value, to: &bytes) }
            }
            hash.update(data: bytes)
            count += rows.count
            after = keyIndexes.map { last[$0] }
            if rows.count < pageSize { break }
        }
        return (count, hex(hash.finalize()))
    }

    /// A value's canonical bytes: a kind tag, then a fixed-width or length-prefixed payload.
    static func append(_ value: StoredValue, to bytes: inout [UInt8]) {
        func fixed(_ tag: UInt8, _ bits: UInt64) {
            bytes.append(tag)
            withUnsafeBytes(of: bits.bigEndian) { bytes.append(contentsOf: $0) }
        }
        switch value {
        case .null: bytes.append(0)
        case .integer(let value): fixed(1, UInt64(bitPattern: value))
        case .real(let value): fixed(2, value.bitPattern)
        case .text(let value):
            fixed(3, UInt64(value.utf8.count))
            bytes.append(contentsOf: value.utf8)
        case .bytes(let value):
            fixed(4, UInt64(value.count))
            bytes.append(contentsOf: value)
        }
    }

    /// A digest in lowercase hex.
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
