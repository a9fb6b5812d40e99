import NewsStoreSQLite
import NewsTestSupport
import Testing

@testable import NewsStorePostgres

/// Both backends reach the same schema: the same tables and columns, compatible types, the same nullability, keys,
/// unique constraints, foreign keys and indexes (FTS5 and bookkeeping aside, see `SchemaShape.isCompared`).
@Suite(.tags(.postgres), .timeLimit(.minutes(2))) struct SchemaParityTests {
    /// Columns that are 0/1 INTEGERs on SQLite and BOOLEAN on PostgreSQL; their SQL differs (`NOT disabled`).
    static let booleans: Set = ["users.disabled", "related_documents.needs_refill", "search_documents.working"]

    @Test func postgresMigrationsReachTheSQLiteSchema() async throws {
        let sqlite = try await SchemaShape.of(SQLiteNewsStore.inMemory())
        try await TestDatabase.withStore { store in
            try await store.migrate()
            let postgres = try await SchemaShape.of(store)
            // Guards against a reader that sees nothing, which would compare equal.
            #expect(sqlite.tables.count >= 30 && sqlite.tables["articles"]?.columns.count == 15)
            let differences = sqlite.differences(from: postgres, booleans: Self.booleans)
            #expect(differences.isEmpty, "schemas differ:\n\(differences.joined(separator: "\n"))")
        }
    }

    @Test func theComparisonNamesEachKindOfDifference() async throws {
        let sqlite = try await SchemaShape.of(SQLiteNewsStore.inMemory())
        try await TestDatabase.withStore { store in
            try await store.migrate()
            try await store.write { session in
                try await session.execute("ALTER TABLE tags ADD COLUMN colour TEXT")
                try await session.execute("ALTER TABLE users ALTER COLUMN name DROP NOT NULL")
                try await session.execute("ALTER TABLE users ALTER COLUMN disabled DROP DEFAULT")
                try await session.execute("ALTER TABLE users ALTER COLUMN disabled TYPE BIGINT USING disabled::int")
                try await session.execute("ALTER TABLE webhooks ALTER COLUMN secret TYPE BYTEA USING secret::bytea")
                try await session.execute("ALTER TABLE sessions DROP CONSTRAINT sessions_token_hash_key")
                try await session.execute("ALTER TABLE corrections DROP CONSTRAINT corrections_article_id_fkey")
                try await session.execute("DROP INDEX audit_log_at")
                try await session.execute("CREATE TABLE extras (id BIGINT PRIMARY KEY)")
            }
            let differences = sqlite.differences(from: try await SchemaShape.of(store), booleans: Self.booleans)
            #expect(differences == [
                "audit_log: index audit_log_at only in SQLite",
                "corrections: foreign key (article_id) → articles(id) ON DELETE NO ACTION only in SQLite",
                "table extras: only in PostgreSQL",
                "sessions: UNIQUE (token_hash) only in SQLite",
                "tags.colour: only in PostgreSQL",
                "users.disabled: integer in SQLite, integer in PostgreSQL (expected a flag: INTEGER ↔ boolean)",
                "users.name: NOT NULL in SQLite, nullable in PostgreSQL",
                "webhooks.secret: text in SQLite, bytes in PostgreSQL",
            ])
        }
    }
}
