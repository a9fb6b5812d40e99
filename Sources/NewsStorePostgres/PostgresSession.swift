import Logging
import PostgresNIO

/// The connection lent to one `read` or `write` body, the counterpart of GRDB's `Database`: statements run on it in
/// the body's transaction. It must not outlive the body.
struct PostgresSession: Sendable {
    let connection: PostgresConnection
    let logger: Logger
    /// The operation's deadline: once it has given up, statements are refused (see `ConnectionWatch`).
    let watch: ConnectionWatch

    /// Runs a statement and returns the number of rows it inserted, updated, deleted or returned (0 for DDL).
    @discardableResult
    func execute(_ query: PostgresQuery) async throws -> Int {
        try watch.check()
        return try await run(query)
    }

    /// Runs a query and returns all its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try watch.check()
        return try await connection.query(query, logger: logger).collect()
    }

    /// Runs a query and hands its rows to `body` one at a time as the server sends them, for results too large to
    /// hold at once (a rebuild reads every article).
    func forEachRow(_ query: PostgresQuery, _ body: (PostgresRow) throws -> Void) async throws {
        try watch.check()
        for try await row in try await connection.query(query, logger: logger) {
            try body(row)
        }
    }

    /// Runs a statement that ends an operation (ROLLBACK, RESET) even after the deadline gave up on it, so the
    /// connection goes back to the pool clean.
    func cleanUp(_ query: PostgresQuery) async throws {
        try await run(query)
    }

    /// postgres-nio's async row sequence has no command tag; the collected result has.
    @discardableResult
    private func run(_ query: PostgresQuery) async throws -> Int {
        let result: EventLoopFuture<PostgresQueryResult> = connection.query(query, logger: logger)
        return try await result.get().metadata.rows ?? 0
    }
}
