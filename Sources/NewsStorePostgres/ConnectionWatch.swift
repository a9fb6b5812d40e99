import Synchronization

/// Follows one operation so that its deadline can give up on it without waiting for it. While the pool is still
/// looking for a connection (the server is down or unreachable, and the pool would keep trying for 60 s), giving up
/// cancels the lease. Once a connection is lent, giving up lets the caller go at once; the session then refuses every
/// further statement, so the work ends in a ROLLBACK as soon as its statement in flight returns (the server's
/// `statement_timeout` ends it a moment later), and never commits after the caller was told it failed.
///
/// The connection itself is never closed from outside: postgres-nio can leave a query waiting forever when its
/// connection is closed under it.
final class ConnectionWatch: Sendable {
    /// Where the operation stands.
    private enum State {
        case leasing
        case lent
        case finished
        case expired(whileLeasing: Bool)
    }

    private let state = Mutex<State>(.leasing)

    /// Records that a connection was lent; false when the deadline has already passed, so the body must not start.
    func lend() -> Bool {
        state.withLock { state in
            guard case .leasing = state else { return false }
            state = .lent
            return true
        }
    }

    /// Records that the body is done with the connection.
    func finish() {
        state.withLock { state in
            if case .lent = state { state = .finished }
        }
    }

    /// At the deadline: gives up when no connection has been lent yet; true when it did.
    func expireIfLeasing() -> Bool {
        state.withLock { state in
            guard case .leasing = state else { return false }
            state = .expired(whileLeasing: true)
            return true
        }
    }

    /// At the deadline: gives up when the body still holds its connection; true when it did.
    func expireIfLent() -> Bool {
        state.withLock { state in
            guard case .lent = state else { return false }
            state = .expired(whileLeasing: false)
            return true
        }
    }

    /// Whether the deadline gave up, and at which stage; nil when it did not.
    var expiredWhileLeasing: Bool? {
        state.withLock { state in
            guard case .expired(let whileLeasing) = state else { return nil }
            return whileLeasing
        }
    }

    /// Throws when the deadline has given up, so that no statement of an abandoned operation reaches the server.
    func check() throws {
        if expiredWhileLeasing != nil {
            throw CancellationError()
        }
    }
}

/// Resumes a continuation once, with whichever result comes first (the work's, or the deadline's).
final class FirstResult<T: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<T, any Error>?>

    init(_ continuation: CheckedContinuation<T, any Error>) {
        self.continuation = Mutex(continuation)
    }

    /// Resumes with `result` unless something came first.
    func resume(with result: Result<T, any Error>) {
        continuation.withLock { continuation in
            continuation?.resume(with: result)
            continuation = nil
        }
    }
}
