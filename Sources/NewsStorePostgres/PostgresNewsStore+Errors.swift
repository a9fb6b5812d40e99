import NewsStore
import NIOCore
import PostgresNIO

extension PostgresNewsStore {
    /// SQLSTATEs that mean the write conflicts with what is stored: unique and foreign-key violations, what the
    /// SQLite store maps from SQLITE_CONSTRAINT.
    static let conflictStates: Set<String> = ["23505", "23503"]

    /// What an operation reports when its deadline gave up on it: while waiting for a connection (the server is down,
    /// unreachable or refusing this login; the pool logs each failed attempt) or while waiting for the answer.
    func deadlineError(whileLeasing: Bool) -> StorageError {
        let limit = Self.seconds(deadline)
        return .unavailable(
            whileLeasing
                ? "no connection to PostgreSQL at \(url.host):\(url.port) within \(limit) (the log says why)"
                : "PostgreSQL at \(url.host):\(url.port) did not answer within \(limit)"
        )
    }

    /// The error an operation reports. Failures of the database, the connection or the driver become `StorageError`
    /// in words the rest of the system acts on; cancellation by the caller stays cancellation; anything else was thrown
    /// by the body itself (a `StorageError`, or the domain's verdict on the request: `WorkflowDenial`,
    /// `ValidationErrors`, `StaleVersion`, `ImportRejected`) and reaches the caller unchanged, as from the SQLite
    /// store. Messages never carry the password (PSQLError's own description is deliberately empty, so the parts are
    /// read one by one).
    func storageError(_ error: any Error) -> any Error {
        switch error {
        case is CancellationError where Task.isCancelled:
            return error
        case is CancellationError, is ChannelError, is IOError:
            return StorageError.unavailable("PostgreSQL at \(url.host):\(url.port): \(error)")
        case let error as PSQLError where Task.isCancelled && error.code == .queryCancelled:
            return CancellationError()
        case let error as PSQLError where error.code == .server:
            let message = describe(error)
            let state = error.serverInfo?[.sqlState] ?? ""
            return Self.conflictStates.contains(state) ? StorageError.conflict(message) : .unavailable(message)
        case let error as PSQLError:
            return StorageError.unavailable("PostgreSQL at \(url.host):\(url.port): \(describe(error))")
        case let error as PostgresDecodingError:
            return StorageError.unavailable(
                "cannot read column \(error.columnName) (\(error.postgresType)) as \(error.targetType)"
            )
        default:
            return error
        }
    }

    /// A PSQLError in words: the server's message, its detail (which key, which row) and the SQLSTATE an operator
    /// can look up; or what failed on our side of the connection.
    func describe(_ error: PSQLError) -> String {
        guard error.code == .server, let server = error.serverInfo else { return clientProblem(error) }
        var text = server[.message] ?? "error"
        if let detail = server[.detail] {
            text += ": \(detail)"
        }
        return text + " [SQLSTATE \(server[.sqlState] ?? "?")]"
    }

    /// A failure on our side of the connection, in words.
    private func clientProblem(_ error: PSQLError) -> String {
        let problem: String
        switch error.code {
        case .connectionError: problem = "cannot connect"
        case .serverClosedConnection: problem = "the server closed the connection"
        case .clientClosedConnection, .uncleanShutdown: problem = "the connection was closed"
        case .sslUnsupported: problem = "the server does not offer TLS, which sslmode=\(url.sslMode.rawValue) requires"
        case .failedToAddSSLHandler: problem = "TLS could not be set up"
        case .authMechanismRequiresPassword: problem = "the server asks for a password and the database URL has none"
        case .unsupportedAuthMechanism: problem = "the server asks for an authentication method postgres-nio lacks"
        case .saslError: problem = "authentication failed"
        case .poolClosed: problem = "the store is not running (run() has not been called, or has ended)"
        case .queryCancelled: problem = "the query was cancelled"
        default: problem = "\(error.code)"
        }
        guard let underlying = error.underlying else { return problem }
        return "\(problem) (\(underlying))"
    }

    /// A duration in whole milliseconds, as PostgreSQL settings take it.
    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    /// A duration as a person reads it: "5 s", "0.5 s".
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return value == value.rounded() ? "\(Int64(value)) s" : "\(value) s"
    }
}
