import Foundation
import NewsStore
import PostgresNIO
import NewsTestSupport
import Testing

@testable import NewsStorePostgres

/// `migrate`, `appliedMigrations` and `schemaStatus` on a real server: every name once, in order, whoever runs it.
@Suite(.tags(.postgres), .timeLimit(.minutes(2))) struct PostgresMigrationTests {
    /// `schema_migrations` as stored: names and times, oldest first.
    static func rows(_ store: PostgresNewsStore) async throws -> [String] {
        try await store.read { session in
            let rows = try await session.rows("SELECT name, applied_at FROM schema_migrations ORDER BY applied_at, name")
            return try rows.map { row in
                let (name, at) = try row.decode((String, Double).self)
                return "\(name) \(at)"
            }
        }
    }

    @Test func migratesAnEmptySchemaInOrderAndASecondRunDoesNothing() async throws {
        try await TestDatabase.withStore { store in
            #expect(try await store.appliedMigrations() == [])
            try await store.migrate()
            #expect(try await store.appliedMigrations() == PostgresNewsStore.migrationNames)
            let first = try await Self.rows(store)
            #expect(first.count == PostgresNewsStore.migrationNames.count)

            try await store.migrate()
            #expect(try await Self.rows(store) == first)
        }
    }

    @Test func twoNodesMigratingAtOnceApplyEachNameOnce() async throws {
        try await TestDatabase.withSchema { url in
            let logger = TestDatabase.logger
            try await PostgresNewsStore.withStore(url: url, logger: logger) { one in
                try await PostgresNewsStore.withStore(url: url, logger: logger) { two in
                    async let first: Void = one.migrate()
                    async let second: Void = two.migrate()
                    _ = try await (first, second)
                    #expect(try await one.appliedMigrations() == PostgresNewsStore.migrationNames)
                    #expect(try await two.schemaStatus() == .current)
                    #expect(try await Self.rows(one).count == PostgresNewsStore.migrationNames.count)
                }
            }
        }
    }

    @Test func schemaStatusFollowsWhatIsApplied() async throws {
        try await TestDatabase.withStore { store in
            #expect(try await store.schemaStatus() == .empty)
            try await store.migrate()
            #expect(try await store.schemaStatus() == .current)

            let last = try #require(PostgresNewsStore.migrationNames.last)
            try await store.write { try await $0.execute("DELETE FROM schema_migrations WHERE name = \(last)") }
            #expect(try await store.schemaStatus() == .behind(missing: [last]))

            // Its tables are still there, so applying it again fails: the error names the migration, and the failed
            // transaction leaves the bookkeeping as it was.
            let error = await #expect(throws: StorageError.self) { try await store.migrate() }
            #expect(
                error == .unavailable(
                    "migration \(last) failed: relation \"search_documents\" already exists [SQLSTATE 42P07]"
                )
            )
            #expect(try await store.schemaStatus() == .behind(missing: [last]))

            try await store.write { session in
                try await session.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (\(last), 1)")
                try await session.execute(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES ('2099-01-01-from-the-future', 2)"
                )
            }
            #expect(try await store.schemaStatus() == .ahead(unknown: ["2099-01-01-from-the-future"]))
            // A newer binary's migration is left alone, as GRDB does.
            try await store.migrate()
            #expect(try await store.schemaStatus() == .ahead(unknown: ["2099-01-01-from-the-future"]))
        }
    }

    @Test func theMediaLibraryDataStepFoldsWhatIsSaidAboutImages() async throws {
        try await TestDatabase.withStore { store in
            try await store.migrate()
            try await store.write { session in
                try await session.execute("""
                    INSERT INTO media (src, alt, caption, credit, created_at)
                    VALUES ('/media/a.jpg', 'Cầu Long Biên', 'Sáng sớm trên sông Hồng', 'Ảnh: Đỗ Minh', 0)
                    """)
                try await PostgresNewsStore.fillMediaSearchText(session)
            }
            let stored = try await store.read { session in
                try await session.rows("SELECT search_text FROM media").first?.decode(String.self)
            }
            let expected = MediaText.searchText(
                alt: "Cầu Long Biên", caption: "Sáng sớm trên sông Hồng", credit: "Ảnh: Đỗ Minh"
            )
            #expect(stored == expected)
            #expect(stored?.isEmpty == false)
        }
    }
}
