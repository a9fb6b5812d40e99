import NewsStore
import Synchronization

/// Follows the store's change log and drops the cached pages each committed change makes stale — changes made by
/// this process, by `toasoan import` in another process, or (on PostgreSQL) by another node.
public final class ContentChangeFollower: Sendable {
    private let log: any ContentChangeLog
    private let cache: PageCache
    private let lastSeen: Mutex<Int64>

    /// Follows `log` from `sequence` on (changes up to it are taken as already reflected in `cache`).
    public init(log: any ContentChangeLog, cache: PageCache, after sequence: Int64) {
        self.log = log
        self.cache = cache
        self.lastSeen = Mutex(sequence)
    }

    /// Applies every change committed since the last call; returns how many there were.
    @discardableResult
    public func poll() async throws -> Int {
        let after = lastSeen.withLock { $0 }
        var applied = 0
        var cursor = after
        while true {
            let changes = try await log.changes(after: cursor, limit: 500)
            guard let last = changes.last else { break }
            cache.invalidate(changes.reduce(into: Set()) { $0.formUnion($1.dependencies) })
            cursor = last.sequence
            applied += changes.count
            if changes.count < 500 { break }
        }
        lastSeen.withLock { $0 = max($0, cursor) }
        return applied
    }

    /// Polls every `interval` until the task is cancelled; a failed poll (database briefly unavailable) is retried.
    public func run(every interval: Duration, onError: @Sendable (any Error) -> Void = { _ in }) async {
        while !Task.isCancelled {
            do {
                try await poll()
            } catch {
                onError(error)
            }
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
        }
    }
}
