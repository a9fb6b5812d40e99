import Foundation
import Logging
import NewsAuth
import NewsDomain
import NewsRendering
import NewsStore
import NewsText
import ServiceLifecycle

/// Sends the webhook outbox: every second, on every node, it claims the deliveries that are due (a claim is a lease
/// no other node can take, so two nodes never send the same attempt), posts each one signed, records the attempt,
/// and schedules a retry with backoff (`WebhookRetryPolicy`) or gives up. Publishing never waits for any of this:
/// the newsroom's transaction only wrote the outbox rows.
public struct WebhookDeliverer: Sendable {
    /// Deliveries claimed at a time (and sent concurrently).
    public static let batchSize = 16

    let store: any WebhookStore & SiteSettingsStore
    let transport: any WebhookTransport
    let retry: WebhookRetryPolicy
    let lease: TimeInterval
    let logger: Logger
    let clock: @Sendable () -> Date

    /// Creates the deliverer. `lease` must outlast a whole attempt (the transport's timeout), or another node could
    /// claim the delivery while this one is still sending it.
    public init(
        store: any WebhookStore & SiteSettingsStore, transport: any WebhookTransport, retry: WebhookRetryPolicy = .standard,
        lease: TimeInterval = 120, logger: Logger, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.transport = transport
        self.retry = retry
        self.lease = lease
        self.logger = logger
        self.clock = clock
    }

    /// Claims what is due now and sends it; returns how many attempts were made.
    @discardableResult
    public func tick() async throws -> Int {
        let due = try await store.claimDueWebhookDeliveries(now: clock(), limit: Self.batchSize, lease: lease)
        guard !due.isEmpty else { return 0 }
        let base = try await store.siteSettings().baseURL
        await withTaskGroup(of: Void.self) { group in
            for delivery in due {
                group.addTask { await deliver(delivery, base: base) }
            }
        }
        return due.count
    }

    /// Sends one delivery and records the attempt.
    private func deliver(_ delivery: WebhookDelivery, base: String) async {
        let startedAt = clock()
        let body = Self.body(of: delivery, base: base)
        let timestamp = Int64(startedAt.timeIntervalSince1970)
        let outcome: WebhookAttemptOutcome
        if let url = URL(string: delivery.url) {
            outcome = await transport.send(WebhookRequest(
                url: url,
                headers: [
                    (WebhookSignature.signatureHeader, WebhookSignature.sign(body: Array(body), timestamp: timestamp, secret: delivery.secret)),
                    (WebhookSignature.timestampHeader, String(timestamp)),
                    ("X-Toasoan-Event", delivery.event.rawValue),
                    ("X-Toasoan-Delivery", String(delivery.id)),
                    ("User-Agent", "ToaSoan-Webhooks/1"),
                ],
                body: body
            ))
        } else {
            outcome = WebhookAttemptOutcome(statusCode: nil, error: "not a valid URL", duration: .zero)
        }
        let retryAt = outcome.succeeded ? nil : retry.nextAttempt(afterFailedAttempts: delivery.attempts + 1, at: startedAt)
        do {
            try await store.recordWebhookAttempt(deliveryID: delivery.id, at: startedAt, outcome: outcome, retryAt: retryAt)
        } catch {
            // The lease runs out and the attempt is made again: at least once, never lost.
            logger.error("cannot record a webhook attempt", metadata: ["delivery": "\(delivery.id)", "error": "\(error)"])
        }
        guard !outcome.succeeded else { return }
        var metadata: Logger.Metadata = [
            "delivery": "\(delivery.id)", "webhook": "\(delivery.webhookID)", "attempt": "\(delivery.attempts + 1)",
            "outcome": "\(outcome.error ?? "HTTP \(outcome.statusCode ?? 0)")",
        ]
        if let retryAt {
            metadata["retry_at"] = "\(VietnameseDate.iso8601(retryAt))"
            logger.warning("webhook delivery failed; will retry", metadata: metadata)
        } else {
            logger.error("webhook delivery failed for good", metadata: metadata)
        }
    }

    /// The JSON body of a delivery: the same bytes on every attempt (keys sorted, facts fixed when the event
    /// happened), so receivers can compare or deduplicate by `delivery_id`.
    public static func body(of delivery: WebhookDelivery, base: String) -> Data {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        let facts = delivery.article
        let payload = Payload(
            deliveryID: delivery.id, event: delivery.event.rawValue, occurredAt: VietnameseDate.iso8601(delivery.occurredAt),
            article: .init(
                id: facts.id.rawValue, url: base + SiteURL.article(id: facts.id, slug: facts.slug).path, title: facts.title,
                sapo: facts.sapo,
                section: .init(slug: facts.sectionSlug, name: facts.sectionName, url: base + SiteURL.section(slug: facts.sectionSlug).path),
                publishedAt: facts.publishedAt.map(VietnameseDate.iso8601), updatedAt: VietnameseDate.iso8601(facts.updatedAt)
            )
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(payload)) ?? Data("{}".utf8)
    }

    struct Payload: Encodable {
        struct Section: Encodable {
            var slug: String
            var name: String
            var url: String
        }

        struct Article: Encodable {
            var id: Int64
            var url: String
            var title: String
            var sapo: String
            var section: Section
            var publishedAt: String?
            var updatedAt: String

            enum CodingKeys: String, CodingKey {
                case id, url, title, sapo, section
                case publishedAt = "published_at"
                case updatedAt = "updated_at"
            }
        }

        var deliveryID: Int64
        var event: String
        var occurredAt: String
        var article: Article

        enum CodingKeys: String, CodingKey {
            case event, article
            case deliveryID = "delivery_id"
            case occurredAt = "occurred_at"
        }
    }

    /// Sends what is due every `interval` (at once again after a full batch) until cancelled.
    public func run(every interval: Duration) async {
        while !Task.isCancelled {
            var sent = 0
            do {
                sent = try await tick()
            } catch {
                logger.error("cannot read the webhook outbox", metadata: ["error": "\(error)"])
            }
            if sent == Self.batchSize { continue }
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
        }
    }
}

/// Runs the webhook deliverer beside the server and stops it with the server.
struct WebhookDeliveryService: Service {
    let deliverer: WebhookDeliverer

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await deliverer.run(every: .seconds(1))
        }
    }
}
