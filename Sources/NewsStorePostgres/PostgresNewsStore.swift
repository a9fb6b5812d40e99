import Foundation
import Logging
import NewsStore
import PostgresNIO
import ServiceLifecycle

/// The store for several identical app nodes: one PostgreSQL database through a postgres-nio connection pool. It owns
/// the pool, the migrations and all SQL; rows map to domain values at its edge, as in the SQLite store.
///
/// The pool works only while `run()` is running: the app adds the store to its services (first, so that it stops
/// last, after the HTTP server has answered its last request), and a command-line tool uses `withStore`.
public final class PostgresNewsStore: Sendable {
    /// How long an operation waits by default, for a connection and then for its result (5 s): without it, a
    /// request would wait on a dead server for the pool's 60 s before failing.
    public static let defaultDeadline: Duration = .seconds(5)

    let client: PostgresClient
    let logger: Logger
    /// Where the database is (printed without its password).
    public let url: PostgresURL
    /// How long an operation may wait for a connection, and (unless it is long-running) take in all.
    public let deadline: Duration

    /// How many connections a store opens at most by default (postgres-nio's default): a node serves many requests
    /// at once, and PostgreSQL's own limit (`max_connections`, 100 by default) is shared by every node.
    public static let defaultMaximumConnections = 20

    /// A store for the database at `url`, with at most `maximumConnections` connections; nothing connects until
    /// `run()` runs and an operation asks. `logger` also receives the pool's own messages, such as why a connection
    /// attempt failed.
    public init(
        url: PostgresURL, deadline: Duration = defaultDeadline, maximumConnections: Int = defaultMaximumConnections,
        logger: Logger
    ) {
        self.url = url
        self.deadline = deadline
        self.logger = logger
        var configuration = url.clientConfiguration()
        configuration.options.maximumConnections = max(1, maximumConnections)
        configuration.options.additionalStartupParameters.append(
            ("statement_timeout", "\(Self.milliseconds(deadline + Self.serverGrace))")
        )
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    /// How long after the deadline the server abandons a statement by itself (`statement_timeout`): giving up at the
    /// deadline lets the caller go, but does not stop a statement running on the server, nor free its locks.
    static let serverGrace: Duration = .seconds(1)

    /// Runs the connection pool until the task is cancelled or the service group shuts down gracefully; call it
    /// once per store.
    public func run() async {
        await client.run()
    }

    /// Runs `body` with a running store for the database at `url`, then stops the store: for commands that open the
    /// database, do one thing and exit.
    public static func withStore<Value>(
        url: PostgresURL, deadline: Duration = defaultDeadline, maximumConnections: Int = defaultMaximumConnections,
        logger: Logger, _ body: (PostgresNewsStore) async throws -> Value
    ) async throws -> Value {
        let store = PostgresNewsStore(url: url, deadline: deadline, maximumConnections: maximumConnections, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self, returning: Value.self) { group in
            group.addTask { await store.run() }
            defer { group.cancelAll() }
            return try await body(store)
        }
    }

    /// Reads with `body`. By default the reads see one snapshot of the database (a `REPEATABLE READ READ ONLY`
    /// transaction), as a SQLite read does; a single statement can skip the transaction with `snapshot: false`.
    /// `longRunning` lifts the time limit on the work itself (rebuilds); the wait for a connection stays bounded.
    @discardableResult
    func read<T: Sendable>(
        snapshot: Bool = true, longRunning: Bool = false,
        _ body: @escaping @Sendable (PostgresSession) async throws -> T
    ) async throws -> T {
        try await withConnection(longRunning: longRunning) { session in
            guard snapshot else { return try await body(session) }
            return try await Self.inTransaction(session, begin: Self.beginSnapshot, body)
        }
    }

    /// A read-only transaction that sees the database as it was at its first statement.
    static let beginSnapshot: PostgresQuery = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"

    /// Writes with `body` in one transaction (`READ COMMITTED`), rolled back when `body` throws. A unique or
    /// foreign-key violation becomes `StorageError.conflict`; any other failure `StorageError.unavailable`.
    /// `longRunning` lifts the time limit on the work itself (migrations, imports); the wait for a connection stays
    /// bounded.
    @discardableResult
    func write<T: Sendable>(
        longRunning: Bool = false, _ body: @escaping @Sendable (PostgresSession) async throws -> T
    ) async throws -> T {
        try await withConnection(longRunning: longRunning) { session in
            try await Self.inTransaction(session, begin: "BEGIN", body)
        }
    }

    /// Runs `body` on a pooled connection, giving up (`StorageError.unavailable`) when no connection is lent within
    /// the deadline, or, unless `longRunning`, when the whole operation has not finished by then. The work runs in
    /// a task of its own, so that giving up does not wait for a statement stuck on a dead server (see
    /// `ConnectionWatch` for how the work then ends).
    private func withConnection<T: Sendable>(
        longRunning: Bool, _ body: @escaping @Sendable (PostgresSession) async throws -> T
    ) async throws -> T {
        let watch = ConnectionWatch()
        let (client, logger, deadline) = (self.client, self.logger, self.deadline)
        let work = Task {
            try await client.withConnection { connection in
                guard watch.lend() else { throw CancellationError() }
                defer { watch.finish() }
                let session = PostgresSession(connection: connection, logger: logger, watch: watch)
                return longRunning ? try await Self.withoutStatementTimeout(session, body) : try await body(session)
            }
        }
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    let first = FirstResult(continuation)
                    let timer = Task {
                        try await Task.sleep(for: deadline)
                        if watch.expireIfLeasing() {
                            work.cancel()
                            first.resume(with: .failure(CancellationError()))
                        } else if !longRunning, watch.expireIfLent() {
                            first.resume(with: .failure(CancellationError()))
                        }
                    }
                    Task {
                        let result = await work.result
                        timer.cancel()
                        first.resume(with: result)
                    }
                }
            } onCancel: {
                work.cancel()
            }
        } catch {
            if let whileLeasing = watch.expiredWhileLeasing {
                throw deadlineError(whileLeasing: whileLeasing)
            }
            throw storageError(error)
        }
    }

    /// Runs long-running work with the server's `statement_timeout` lifted for the session, and restored after it
    /// (a connection that cannot restore it is closed rather than handed back to the pool without a limit).
    private static func withoutStatementTimeout<T: Sendable>(
        _ session: PostgresSession, _ body: @Sendable (PostgresSession) async throws -> T
    ) async throws -> T {
        try await session.execute("SET statement_timeout = 0")
        let value: T
        do {
            value = try await body(session)
        } catch {
            await reset(session)
            throw error
        }
        await reset(session)
        return value
    }

    /// Restores the session's `statement_timeout` to its start-up value.
    private static func reset(_ session: PostgresSession) async {
        do {
            try await session.cleanUp("RESET statement_timeout")
        } catch {
            try? await session.connection.close()
        }
    }

    /// Runs `body` between `begin` and COMMIT, or ROLLBACK when it throws (or the deadline gave up before COMMIT).
    /// A connection that cannot roll back is closed rather than handed back to the pool inside a transaction.
    private static func inTransaction<T: Sendable>(
        _ session: PostgresSession, begin: PostgresQuery, _ body: @Sendable (PostgresSession) async throws -> T
    ) async throws -> T {
        try await session.execute(begin)
        do {
            let value = try await body(session)
            try await session.execute("COMMIT")
            return value
        } catch {
            // After a COMMIT the server refused (a deferred foreign key) there is nothing left to roll back; the
            // ROLLBACK only draws a warning.
            do {
                try await session.cleanUp("ROLLBACK")
            } catch {
                try? await session.connection.close()
            }
            throw error
        }
    }
}

extension PostgresNewsStore: Service {}

extension Date {
    /// Seconds since 1970, as stored (`DOUBLE PRECISION`, the same values as the SQLite store's `REAL`).
    var storageValue: Double { timeIntervalSince1970 }

    /// A stored time.
    init(storageValue: Double) { self.init(timeIntervalSince1970: storageValue) }
}
