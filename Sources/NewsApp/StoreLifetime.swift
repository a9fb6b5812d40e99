import Logging
import NewsStore
import NewsStorePostgres
import ServiceLifecycle

/// Keeps a PostgreSQL store's connection pool running for as long as the application runs. The pool must run before
/// the services start (start-up reads the site secret, seeds the demo, reads the change log), so it is started here
/// rather than as a service; as the application's first service this then stops it last, once the server and every
/// other service have stopped. For SQLite there is nothing to run.
final class StoreLifetime: Service, Sendable {
    private let store: PostgresNewsStore?
    private let pool: Task<Void, Never>?

    /// Starts the pool of `backend` when it is PostgreSQL.
    init(_ backend: any NewsBackend) {
        store = backend as? PostgresNewsStore
        pool = store.map { store in Task { await store.run() } }
    }

    /// Refuses the PostgreSQL database when it cannot be used (see `check`); nothing for SQLite.
    func checkSchema() async throws {
        if let store { try await Self.check(store) }
    }

    /// Refuses a PostgreSQL database that cannot be reached, or whose schema is not this binary's: on PostgreSQL only
    /// `toasoan migrate` sets up or upgrades a schema, so a new database is refused too, with the command to run.
    static func check(_ store: PostgresNewsStore) async throws {
        do {
            try await store.checkConnection()
        } catch {
            throw ConfigurationError(problems: ["\(error)"])
        }
        let status = try await store.schemaStatus()
        let database = store.url.redacted
        if status == .empty {
            throw ConfigurationError(problems: [
                "PostgreSQL (\(database)) has no Tòa Soạn schema yet: run `toasoan migrate --database-url …` first",
            ])
        }
        if let refusal = status.refusal(database: database) {
            throw ConfigurationError(problems: [refusal])
        }
    }

    /// Waits for the application to stop, then stops the pool.
    func run() async throws {
        try? await gracefulShutdown()
        await stop()
    }

    /// Stops the pool and waits for it.
    func stop() async {
        pool?.cancel()
        await pool?.value
    }
}
