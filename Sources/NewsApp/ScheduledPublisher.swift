import Foundation
import Logging
import NewsDomain
import NewsStore
import ServiceLifecycle

/// Publishes scheduled articles when their time comes — every second, on every node (the store claims each article
/// before publishing it, so it goes live exactly once) — and, at start-up, whatever was missed while no node ran.
public struct ScheduledPublisher: Sendable {
    let store: any EditorialStore
    let workflow: Workflow
    let logger: Logger
    let clock: @Sendable () -> Date

    /// Creates the publisher.
    public init(store: any EditorialStore, workflow: Workflow, logger: Logger, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.workflow = workflow
        self.logger = logger
        self.clock = clock
    }

    /// Publishes what is due now; returns the articles published.
    @discardableResult
    public func tick() async throws -> [ArticleID] {
        let logger = self.logger
        let published = try await store.publishDueArticles(now: clock(), workflow: workflow) { failure in
            logger.error(
                "cannot publish a scheduled article",
                metadata: ["article": "\(failure.articleID)", "reason": "\(failure.reason)", "unscheduled": "\(failure.isUnscheduled)"]
            )
        }
        for id in published {
            logger.notice("published a scheduled article", metadata: ["article": "\(id)"])
        }
        return published
    }

    /// Publishes what was missed, then checks every `interval` until cancelled.
    public func run(every interval: Duration) async {
        do {
            let missed = try await tick()
            if !missed.isEmpty {
                logger.warning("published articles whose schedule passed while the server was down", metadata: ["count": "\(missed.count)"])
            }
        } catch {
            logger.error("cannot publish scheduled articles", metadata: ["error": "\(error)"])
        }
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
            do {
                try await tick()
            } catch {
                logger.error("cannot publish scheduled articles", metadata: ["error": "\(error)"])
            }
        }
    }
}

/// Runs the scheduled publisher beside the server and stops it with the server.
struct ScheduledPublisherService: Service {
    let publisher: ScheduledPublisher

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await publisher.run(every: .seconds(1))
        }
    }
}
