import Foundation
import NewsStore
import PostgresNIO
import NewsTestSupport
import Testing

@testable import NewsStorePostgres

/// The `read` and `write` helpers every store method will use: one transaction, all or nothing, errors mapped to
/// `StorageError`, and a deadline that closes a connection whose answer does not come.
@Suite(.tags(.postgres), .timeLimit(.minutes(2))) struct PostgresTransactionTests {
    /// The number of rows in `table`.
    static func count(_ store: PostgresNewsStore, _ table: String) async throws -> Int {
        try await store.read(snapshot: false) { session in
            try await session.rows("SELECT count(*) FROM \(unescaped: table)").first?.decode(Int.self) ?? -1
        }
    }

    /// The conflict message of `error`, recording an issue when it is something else.
    static func conflict(_ error: StorageError?, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        guard case .conflict(let message) = error else {
            Issue.record("expected a conflict, got \(String(describing: error))", sourceLocation: sourceLocation)
            return ""
        }
        return message
    }

    @Test func aUniqueViolationIsAConflictAndLeavesNothingBehind() async throws {
        try await TestDatabase.withStore { store in
            try await store.migrate()
            let error = await #expect(throws: StorageError.self) {
                try await store.write { session in
                    try await session.execute("INSERT INTO sections (slug, name) VALUES ('thoi-su', 'Thời sự')")
                    try await session.execute("INSERT INTO sections (slug, name) VALUES ('thoi-su', 'Thời sự (2)')")
                }
            }
            let message = Self.conflict(error)
            #expect(message.contains("sections_slug_key") && message.contains("23505"), "\(message)")
            #expect(try await Self.count(store, "sections") == 0)
        }
    }

    @Test func aForeignKeyViolationIsAConflictAndLeavesNothingBehind() async throws {
        try await TestDatabase.withStore { store in
            try await store.migrate()
            let error = await #expect(throws: StorageError.self) {
                try await store.write { session in
                    try await session.execute("INSERT INTO tags (id, slug, name) VALUES (1, 'asean', 'ASEAN')")
                    try await session.execute(
                        "INSERT INTO article_version_tags (version_id, tag_id, position) VALUES (99, 1, 0)"
                    )
                }
            }
            #expect(Self.conflict(error).contains("23503"))
            #expect(try await Self.count(store, "tags") == 0)
        }
    }

    @Test func theCircularVersionReferencesAreCheckedAtCommitAsInSQLite() async throws {
        try await TestDatabase.withStore { store in
            try await store.migrate()
            // An article may point at a version written after it in the same transaction…
            try await store.write { session in
                try await session.execute("INSERT INTO sections (id, slug, name) VALUES (1, 'the-gioi', 'Thế giới')")
                try await session.execute("""
                    INSERT INTO articles (id, status, current_version_id, created_at, updated_at)
                    VALUES (1, 'draft', 1, 0, 0)
                    """)
                try await session.execute("""
                    INSERT INTO article_versions (id, article_id, number, slug, title, sapo, body, section_id, created_at)
                    VALUES (1, 1, 1, 'bai', 'Bài', 'Sapo', 'Thân bài', 1, 0)
                    """)
            }
            #expect(try await Self.count(store, "articles") == 1)
            // …but a version that never comes fails the COMMIT, and nothing of the transaction stays.
            let error = await #expect(throws: StorageError.self) {
                try await store.write { session in
                    try await session.execute("INSERT INTO tags (slug, name) VALUES ('asean', 'ASEAN')")
                    try await session.execute("""
                        INSERT INTO articles (id, status, current_version_id, created_at, updated_at)
                        VALUES (2, 'draft', 99, 0, 0)
                        """)
                }
            }
            #expect(Self.conflict(error).contains("articles_current_version_fk"))
            #expect(try await Self.count(store, "articles") == 1)
            #expect(try await Self.count(store, "tags") == 0)
        }
    }

    @Test func anyOtherServerErrorIsUnavailableAndRollsBack() async throws {
        try await TestDatabase.withStore { store in
            try await store.migrate()
            let error = await #expect(throws: StorageError.self) {
                try await store.write { session in
                    try await session.execute("INSERT INTO tags (slug, name) VALUES ('asean', 'ASEAN')")
                    try await session.execute("SELECT * FROM no_such_table")
                }
            }
            #expect(error == .unavailable("relation \"no_such_table\" does not exist [SQLSTATE 42P01]"))
            #expect(try await Self.count(store, "tags") == 0)
        }
    }

    @Test func aStorageErrorFromTheBodyPassesUnchangedAndRollsBack() async throws {
        try await TestDatabase.withStore { store in
            try await store.migrate()
            let error = await #expect(throws: StorageError.self) {
                try await store.write { session in
                    try await session.execute("INSERT INTO tags (slug, name) VALUES ('asean', 'ASEAN')")
                    throw StorageError.notFound("section thoi-su")
                }
            }
            #expect(error == .notFound("section thoi-su"))
            #expect(try await Self.count(store, "tags") == 0)
        }
    }

    @Test func readsAreReadOnlySnapshots() async throws {
        try await TestDatabase.withStore { store in
            try await store.migrate()
            let error = await #expect(throws: StorageError.self) {
                try await store.read { try await $0.execute("INSERT INTO tags (slug, name) VALUES ('asean', 'ASEAN')") }
            }
            #expect(error == .unavailable("cannot execute INSERT in a read-only transaction [SQLSTATE 25006]"))
            let levels = try await store.read { session in
                try await session.rows("SELECT current_setting('transaction_isolation')").first?.decode(String.self)
            }
            #expect(levels == "repeatable read")
        }
    }

    @Test func aWriteThatOutlastsTheDeadlineIsCutOffAndRolledBack() async throws {
        try await TestDatabase.withStore(deadline: .seconds(1)) { store in
            try await store.migrate()
            let clock = ContinuousClock()
            let start = clock.now
            let error = await #expect(throws: StorageError.self) {
                try await store.write { session in
                    try await session.execute("INSERT INTO tags (slug, name) VALUES ('asean', 'ASEAN')")
                    try await session.execute("SELECT pg_sleep(10)")
                }
            }
            #expect(start.duration(to: clock.now) < .seconds(3))
            #expect(error == .unavailable("PostgreSQL at \(store.url.host):\(store.url.port) did not answer within 1 s"))
            #expect(try await Self.count(store, "tags") == 0)
            // The server gives up on its own a second later, so the statement cut off does not hold locks for long.
            let timeout = try await store.read { try await $0.rows("SHOW statement_timeout").first?.decode(String.self) }
            #expect(timeout == "2s")
            // Long-running work (migrations, imports) is bounded only while it waits for a connection; the server's
            // limit is lifted for it, and restored after.
            let lifted = try await store.write(longRunning: true) { session in
                try await session.execute("SELECT pg_sleep(2.5)")
                return try await session.rows("SHOW statement_timeout").first?.decode(String.self)
            }
            #expect(lifted == "0")
            let restored = try await store.read { try await $0.rows("SHOW statement_timeout").first?.decode(String.self) }
            #expect(restored == "2s")
        }
    }

    @Test(arguments: [PostgresURL.SSLMode.disable, .prefer])
    func connectsWithTheSSLMode(_ mode: PostgresURL.SSLMode) async throws {
        guard let text = TestDatabase.text() else { return }
        let parts = text.split(separator: "?", maxSplits: 1)
        let options = parts.dropFirst().first.map { $0.split(separator: "&").filter { !$0.hasPrefix("sslmode=") } } ?? []
        let query = (options.map(String.init) + ["sslmode=\(mode.rawValue)"]).joined(separator: "&")
        let url = try PostgresURL(parts[0] + "?" + query)
        try await PostgresNewsStore.withStore(url: url, logger: TestDatabase.logger) { store in
            try await store.checkConnection()
            let encrypted = try await store.read(snapshot: false) { session in
                let rows = try await session.rows("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                return try rows.first?.decode(Bool.self)
            }
            if mode == .disable {
                #expect(encrypted == false)
            }
        }
    }

    @Test func checkConnectionNamesAFailedLoginButNotThePassword() async throws {
        guard let server = TestDatabase.url() else { return }
        let secret = "wr0ng-Secret"
        let url = try PostgresURL(
            "postgres://\(server.user):\(secret)@\(server.host):\(server.port)/\(server.database)?sslmode=disable"
        )
        try await PostgresNewsStore.withStore(url: url, logger: TestDatabase.logger) { store in
            let error = await #expect(throws: StorageError.self) { try await store.checkConnection() }
            #expect(
                error == .unavailable(
                    "cannot connect to \(url): password authentication failed for user \"\(server.user)\""
                        + " [SQLSTATE 28P01]"
                )
            )
            #expect(!"\(String(describing: error))".contains(secret))
        }
    }
}

/// The advisory locks that order writers are scoped to the schema: two newspapers (or two tests) in two schemas of
/// one database never wait for each other, while two nodes on one schema do.
@Suite(.tags(.postgres), .timeLimit(.minutes(2))) struct AdvisoryLockScopeTests {
    /// Whether another session could take `lock` now in the store's schema.
    static func free(_ lock: AdvisoryLock, in store: PostgresNewsStore) async throws -> Bool {
        try await store.write { session in
            try await session.rows(
                "SELECT pg_try_advisory_xact_lock(hashtext(current_schema()), \(lock.rawValue))"
            ).first?.decode(Bool.self) ?? false
        }
    }

    @Test func aLockHeldInOneSchemaBlocksThatSchemaOnly() async throws {
        try await TestDatabase.withSchema { url in
            try await PostgresNewsStore.withStore(url: url, maximumConnections: 2, logger: TestDatabase.logger) { one in
                try await PostgresNewsStore.withStore(url: url, maximumConnections: 2, logger: TestDatabase.logger) { node in
                    guard let server = TestDatabase.url() else { return }
                    let otherSchema = "t_other_" + UUID().uuidString.prefix(8).lowercased()
                    try await one.write { try await $0.execute("CREATE SCHEMA \(unescaped: otherSchema)") }
                    defer { Task { _ = try? await one.write { try await $0.execute("DROP SCHEMA \(unescaped: otherSchema)") } } }
                    try await PostgresNewsStore.withStore(
                        url: server.settingSearchPath(otherSchema), maximumConnections: 2, logger: TestDatabase.logger
                    ) { elsewhere in
                        try await one.write { session in
                            try await AdvisoryLock.relatedArticles.take(session)
                            #expect(try await !Self.free(.relatedArticles, in: node), "another node on the schema waits")
                            #expect(try await Self.free(.changeLog, in: node), "other locks are free")
                            #expect(try await Self.free(.relatedArticles, in: elsewhere), "another schema does not wait")
                        }
                        #expect(try await Self.free(.relatedArticles, in: node), "released at commit")
                    }
                }
            }
        }
    }
}
