import Foundation
import GRDB
import NewsDomain
import NewsStore

/// The embedded default store: one SQLite file (WAL, foreign keys on) through GRDB. It owns the connection pool, the
/// migrations and all SQL; its row types stay private and map to domain values at its edge.
public final class SQLiteNewsStore: Sendable {
    let writer: any DatabaseWriter
    /// Where the database lives (":memory:" for an in-memory one).
    public let location: String

    private init(writer: any DatabaseWriter, location: String) {
        self.writer = writer
        self.location = location
    }

    /// Opens (creating if needed) the database file at `path`. A new database gets the schema; one whose schema is
    /// behind is brought up to date only with `.applyMissing` (`toasoan migrate`), and one migrated by a newer binary
    /// is refused (see `SchemaStatus`).
    public static func open(path: String, schema: SchemaUpgrade = .newDatabaseOnly) throws(StorageError) -> SQLiteNewsStore {
        try openApplying(path: path, schema: schema).store
    }

    /// `open(path:schema:)`, also telling which migrations it applied (for `toasoan migrate` to report).
    public static func openApplying(
        path: String, schema: SchemaUpgrade
    ) throws(StorageError) -> (store: SQLiteNewsStore, applied: [String]) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .unavailable("cannot open database \(path): folder \(directory) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw .unavailable("cannot open database \(path): folder \(directory) is not writable")
        }
        if FileManager.default.fileExists(atPath: path), !FileManager.default.isWritableFile(atPath: path) {
            throw .unavailable("cannot open database \(path): the file is not writable")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration())
            let store = SQLiteNewsStore(writer: pool, location: path)
            let status = try store.schemaStatus()
            var applied: [String] = []
            switch status {
            case .empty:
                try store.migrate()
                applied = migrationNames
            case .behind(let missing) where schema == .applyMissing:
                try store.migrate()
                applied = missing
            default:
                if let refusal = status.refusal(database: path) { throw StorageError.unavailable(refusal) }
            }
            _ = try pool.write { db in try refreshPlannerStatistics(db) }
            return (store, applied)
        } catch let error as StorageError {
            throw error
        } catch {
            throw .unavailable("cannot open database \(path): \(Self.describe(error))")
        }
    }

    /// A private in-memory database with the current schema, for tests and tools.
    public static func inMemory() throws(StorageError) -> SQLiteNewsStore {
        do {
            let queue = try DatabaseQueue(configuration: configuration())
            let store = SQLiteNewsStore(writer: queue, location: ":memory:")
            try store.migrate()
            return store
        } catch {
            throw .unavailable("cannot create in-memory database: \(Self.describe(error))")
        }
    }

    /// Bytes of the database file that connections map into memory (address space; the OS shares and evicts them).
    static let mmapSize = 1 << 32

    private static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another process (`toasoan import`) may hold the write lock for a moment.
        config.busyMode = .timeout(10)
        config.label = "toasoan"
        // The search index's tokenizer and ranking function live in this process: every connection needs them.
        config.prepareDatabase { db in
            db.add(tokenizer: SearchTokenizer.self)
            SearchMatchFunction.register(db)
            // Pages are read through a memory map instead of being copied out of the OS cache one read at a time:
            // a search touches a few thousand pages of the index.
            try db.execute(sql: "PRAGMA mmap_size = \(mmapSize)")
        }
        return config
    }

    private func migrate() throws {
        try Self.migrator.migrate(writer)
    }

    /// The names of the migrations this binary knows, in order.
    public static var migrationNames: [String] { migrator.migrations }

    /// The names of the migrations applied to this database, in the order applied, including any this binary does
    /// not know.
    public func appliedMigrations() async throws -> [String] {
        try await writer.read { db in try Self.appliedMigrations(db) }
    }

    /// Where the schema stands against `migrationNames`.
    public func schemaStatus() throws -> SchemaStatus {
        SchemaStatus(applied: try writer.read { db in try Self.appliedMigrations(db) }, known: Self.migrationNames)
    }

    private static func appliedMigrations(_ db: Database) throws -> [String] {
        guard try db.tableExists("grdb_migrations") else { return [] }
        return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
    }

    /// Reads, mapping database failures to `StorageError`.
    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(body)
        } catch let error as DatabaseError {
            throw StorageError.unavailable(Self.describe(error))
        }
    }

    /// Writes in one transaction, mapping database failures to `StorageError`.
    func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StorageError.conflict(Self.describe(error))
        } catch let error as DatabaseError {
            throw StorageError.unavailable(Self.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "\(error.resultCode)"
        }
        return String(describing: error)
    }
}

extension Date {
    /// Seconds since 1970, as stored.
    var storageValue: Double { timeIntervalSince1970 }

    /// A stored time.
    init(storageValue: Double) { self.init(timeIntervalSince1970: storageValue) }
}
