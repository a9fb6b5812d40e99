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
    /// With a `signal`, it also polls at once whenever the store announces a change and whenever the subscription
    /// (re)starts, so that `interval` is only the safety net for a lost subscription, which is retried every
    /// `resubscribeAfter`. Polls never overlap: a burst of announcements while one runs makes a single poll after it.
    public func run(
        every interval: Duration, signal: (any ContentChangeSignal)? = nil, resubscribeAfter: Duration = .seconds(1),
        onError: @escaping @Sendable (any Error) -> Void = { _ in }
    ) async {
        let (wakeUps, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    wake.yield()
                    do {
                        try await Task.sleep(for: interval)
                    } catch {
                        return
                    }
                }
            }
            if let signal {
                group.addTask { await Self.subscribe(signal, wake: wake, retryAfter: resubscribeAfter, onError: onError) }
            }
            // Ends when the task is cancelled.
            for await _ in wakeUps {
                do {
                    try await poll()
                } catch {
                    onError(error)
                }
            }
            group.cancelAll()
        }
    }

    /// Keeps a subscription to `signal`, waking the poller on every announcement, until the task is cancelled.
    private static func subscribe(
        _ signal: any ContentChangeSignal, wake: AsyncStream<Void>.Continuation, retryAfter: Duration,
        onError: @Sendable (any Error) -> Void
    ) async {
        while !Task.isCancelled {
            do {
                try await signal.followChanges(listening: { wake.yield() }, changed: { wake.yield() })
            } catch {
                if Task.isCancelled { return }
                onError(error)
            }
            do {
                try await Task.sleep(for: retryAfter)
            } catch {
                return
            }
        }
    }
}
