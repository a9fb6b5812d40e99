import NewsStoreSQLite
import Testing

@testable import NewsStorePostgres

/// The two stores must know the same migrations in the same order, so that `schema_migrations` and
/// `grdb_migrations` say the same thing about a database's schema. No server needed.
@Suite struct MigrationNameTests {
    @Test func postgresKnowsTheSQLiteMigrationsInTheSameOrder() async throws {
        let sqlite = try SQLiteNewsStore.inMemory()
        #expect(try await sqlite.appliedMigrations() == PostgresNewsStore.migrationNames)
        #expect(Set(PostgresNewsStore.migrationNames).count == PostgresNewsStore.migrationNames.count)
    }

    @Test func cutsAScriptIntoStatementsAtLineEndingSemicolons() {
        let statements = PostgresNewsStore.Migration.statements("""
            CREATE TABLE a (x TEXT DEFAULT ';');
            ALTER TABLE a
                ADD COLUMN y BIGINT;

            CREATE INDEX a_x ON a(x);
            """)
        #expect(statements == [
            "CREATE TABLE a (x TEXT DEFAULT ';')", "ALTER TABLE a\n    ADD COLUMN y BIGINT", "CREATE INDEX a_x ON a(x)",
        ])
    }
}
