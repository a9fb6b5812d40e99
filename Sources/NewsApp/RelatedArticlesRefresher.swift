import Foundation
import Logging
import NewsStore
import ServiceLifecycle

/// Catches the related-articles cache up with what did not update it in its own transaction (a large import, an
/// import by another process, a database from before the cache): once at start-up, then after every change the
/// change log shows. Editorial publications and takedowns update the cache themselves; this only follows behind.
public struct RelatedArticlesRefresher: Sendable {
    let store: any RelatedArticlesStore & ContentChangeLog
    let logger: Logger
    let clock: @Sendable () -> Date

    /// Creates the refresher.
    public init(
        store: any RelatedArticlesStore & ContentChangeLog, logger: Logger, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.logger = logger
        self.clock = clock
    }

    /// Refreshes when the change log moved past `sequence` (always when nil); returns the sequence now reflected.
    @discardableResult
    public func tick(after sequence: Int64?) async throws -> Int64 {
        let latest = try await store.latestChangeSequence()
        guard sequence.map({ latest > $0 }) ?? true else { return latest }
        let refreshed = try await store.refreshRelated(now: clock())
        if refreshed > 0 {
            logger.info("recomputed related articles", metadata: ["articles": "\(refreshed)"])
        }
        // The refresh logs its own change; that one needs no second look.
        return refreshed > 0 ? try await store.latestChangeSequence() : latest
    }

    /// Refreshes now, then checks every `interval` until cancelled; a failure is logged and tried again next time.
    public func run(every interval: Duration) async {
        var seen: Int64?
        while !Task.isCancelled {
            do {
                seen = try await tick(after: seen)
            } catch {
                logger.error("cannot refresh related articles", metadata: ["error": "\(error)"])
            }
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
        }
    }
}

/// Runs the related-articles refresher beside the server and stops it with the server.
struct RelatedArticlesRefresherService: Service {
    let refresher: RelatedArticlesRefresher

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await refresher.run(every: .seconds(5))
        }
    }
}
