import Foundation
import NewsStore
import PostgresNIO

extension PostgresNewsStore {
    /// Applies the migrations this database lacks, oldest first, each in its own transaction together with its row
    /// in `schema_migrations`, so a failure leaves the schema at the last complete step. Names this binary does not
    /// know are left alone (as GRDB does); `schemaStatus()` reports them.
    public func migrate() async throws {
        let applied = try await write(longRunning: true) { session in
            try await Self.lockMigrations(session)
            try await session.execute("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    name TEXT PRIMARY KEY,
                    applied_at DOUBLE PRECISION NOT NULL
                )
                """)
            return try await Self.appliedMigrations(session)
        }
        for migration in Self.migrations where !applied.contains(migration.name) {
            do {
                try await apply(migration)
            } catch StorageError.unavailable(let problem) {
                throw StorageError.unavailable("migration \(migration.name) failed: \(problem)")
            } catch StorageError.conflict(let problem) {
                throw StorageError.unavailable("migration \(migration.name) failed: \(problem)")
            }
        }
    }

    /// The names of the migrations applied to this database, oldest first, including any this binary does not know;
    /// empty for a database never migrated.
    public func appliedMigrations() async throws -> [String] {
        try await read { session in try await Self.appliedMigrations(session) }
    }

    /// How the database's migrations compare with this binary's: what `serve` checks before it starts.
    public func schemaStatus() async throws -> SchemaStatus {
        SchemaStatus(applied: try await appliedMigrations(), known: Self.migrationNames)
    }

    /// Applies one migration unless another node did while this one waited for the lock.
    private func apply(_ migration: Migration) async throws {
        let logger = logger
        try await write(longRunning: true) { session in
            try await Self.lockMigrations(session)
            let done = try await session.rows("SELECT 1 FROM schema_migrations WHERE name = \(migration.name)")
            guard done.isEmpty else { return }
            for statement in migration.statements {
                try await session.execute(PostgresQuery(unsafeSQL: statement))
            }
            try await migration.data?(session)
            try await session.execute("""
                INSERT INTO schema_migrations (name, applied_at) VALUES (\(migration.name), \(Date().storageValue))
                """)
            logger.info("applied migration", metadata: ["migration": "\(migration.name)"])
        }
    }

    /// Waits for the migration lock; the transaction's end releases it.
    private static func lockMigrations(_ session: PostgresSession) async throws {
        try await AdvisoryLock.migrations.take(session)
    }

    /// Applied names from `schema_migrations` (on the session's search path), oldest first; none when it is missing.
    private static func appliedMigrations(_ session: PostgresSession) async throws -> [String] {
        let exists = try await session.rows("SELECT to_regclass('schema_migrations') IS NOT NULL")
        guard try exists.first?.decode(Bool.self) == true else { return [] }
        return try await session.rows("SELECT name FROM schema_migrations ORDER BY applied_at, name")
            .map { try $0.decode(String.self) }
    }
}
