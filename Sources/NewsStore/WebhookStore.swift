import Foundation
import NewsDomain

/// Where a delivery stands.
public enum WebhookDeliveryStatus: String, Hashable, Sendable, Codable {
    /// Waiting for its first or next attempt.
    case pending
    /// An attempt got a 2xx answer.
    case delivered
    /// Every attempt failed; no more will be made.
    case failed
}

/// The article an event is about, as it was when the event happened (the body of every attempt is built from this,
/// so retries send the same facts).
public struct WebhookArticleFacts: Hashable, Sendable {
    /// The article.
    public var id: ArticleID
    /// Slug of the version the event is about.
    public var slug: String
    /// Headline of that version.
    public var title: String
    /// Sapo of that version.
    public var sapo: String
    /// Slug of its section.
    public var sectionSlug: String
    /// Name of its section.
    public var sectionName: String
    /// First publication time, when it has one.
    public var publishedAt: Date?
    /// When that version was saved.
    public var updatedAt: Date

    /// Creates facts.
    public init(
        id: ArticleID, slug: String, title: String, sapo: String, sectionSlug: String, sectionName: String, publishedAt: Date?,
        updatedAt: Date
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.sapo = sapo
        self.sectionSlug = sectionSlug
        self.sectionName = sectionName
        self.publishedAt = publishedAt
        self.updatedAt = updatedAt
    }
}

/// One event to deliver to one webhook (the outbox row), with the secret to sign it.
public struct WebhookDelivery: Hashable, Sendable {
    /// Storage identifier, sent as `X-Toasoan-Delivery` so receivers can drop duplicates.
    public var id: Int64
    /// The webhook.
    public var webhookID: WebhookID
    /// Where to post.
    public var url: String
    /// The webhook's signing secret.
    public var secret: String
    /// What happened.
    public var event: WebhookEvent
    /// When it happened.
    public var occurredAt: Date
    /// The article.
    public var article: WebhookArticleFacts
    /// Where it stands.
    public var status: WebhookDeliveryStatus
    /// Attempts made so far.
    public var attempts: Int
    /// When the next attempt is due (nil once delivered or given up).
    public var nextAttemptAt: Date?

    /// Creates a delivery.
    public init(
        id: Int64, webhookID: WebhookID, url: String, secret: String, event: WebhookEvent, occurredAt: Date,
        article: WebhookArticleFacts, status: WebhookDeliveryStatus, attempts: Int, nextAttemptAt: Date?
    ) {
        self.id = id
        self.webhookID = webhookID
        self.url = url
        self.secret = secret
        self.event = event
        self.occurredAt = occurredAt
        self.article = article
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
    }
}

/// How one attempt ended.
public struct WebhookAttemptOutcome: Hashable, Sendable {
    /// The HTTP status received, if an answer came.
    public var statusCode: Int?
    /// Why it failed without an answer (timeout, refused address, connection error), or nil.
    public var error: String?
    /// How long it took.
    public var duration: Duration

    /// Creates an outcome.
    public init(statusCode: Int?, error: String?, duration: Duration) {
        self.statusCode = statusCode
        self.error = error
        self.duration = duration
    }

    /// A 2xx answer; redirects are not followed and count as failures.
    public var succeeded: Bool { error == nil && (200..<300).contains(statusCode ?? 0) }
}

/// One recorded attempt.
public struct WebhookAttempt: Hashable, Sendable {
    /// 1 for the first attempt of its delivery.
    public var number: Int
    /// When it started.
    public var at: Date
    /// How it ended.
    public var outcome: WebhookAttemptOutcome

    /// Creates a record.
    public init(number: Int, at: Date, outcome: WebhookAttemptOutcome) {
        self.number = number
        self.at = at
        self.outcome = outcome
    }
}

/// A delivery with its attempts, for the newsroom's delivery log.
public struct WebhookDeliveryRecord: Hashable, Sendable {
    /// Storage identifier.
    public var id: Int64
    /// What happened.
    public var event: WebhookEvent
    /// When it happened.
    public var occurredAt: Date
    /// The article's id and headline at the time.
    public var articleID: ArticleID
    /// Headline at the time.
    public var title: String
    /// Where it stands.
    public var status: WebhookDeliveryStatus
    /// When the next attempt is due, while pending.
    public var nextAttemptAt: Date?
    /// Every attempt, oldest first.
    public var attempts: [WebhookAttempt]

    /// Creates a record.
    public init(
        id: Int64, event: WebhookEvent, occurredAt: Date, articleID: ArticleID, title: String, status: WebhookDeliveryStatus,
        nextAttemptAt: Date?, attempts: [WebhookAttempt]
    ) {
        self.id = id
        self.event = event
        self.occurredAt = occurredAt
        self.articleID = articleID
        self.title = title
        self.status = status
        self.nextAttemptAt = nextAttemptAt
        self.attempts = attempts
    }
}

/// Registered webhooks and their outbox.
///
/// Publishing, updating or taking down an article writes one delivery per interested webhook in the same transaction
/// as the change itself (the outbox), so an event is never lost and the newsroom never waits for a receiver. A
/// delivery service then claims due deliveries — a claim is a lease that no other node can take while it lasts — sends
/// them, and records each attempt.
public protocol WebhookStore: Sendable {
    /// Every webhook, oldest first.
    func webhooks() async throws -> [Webhook]
    /// One webhook.
    func webhook(id: WebhookID) async throws -> Webhook?
    /// Registers a webhook with its signing secret, audited as `webhook.create` by `actor`.
    func createWebhook(
        url: String, events: Set<WebhookEvent>, description: String, secret: String, actor: User, now: Date
    ) async throws -> Webhook
    /// Removes a webhook and its pending deliveries (the delivery log goes with it), audited as `webhook.delete`;
    /// `StorageError.notFound` when there is no such webhook.
    func deleteWebhook(id: WebhookID, actor: User, now: Date) async throws
    /// A webhook's deliveries, newest first.
    func webhookDeliveries(webhookID: WebhookID, page: PageRequest) async throws -> Page<WebhookDeliveryRecord>
    /// Claims up to `limit` deliveries due at `now` for `lease`: until it ends no other call (on any node) returns them.
    func claimDueWebhookDeliveries(now: Date, limit: Int, lease: TimeInterval) async throws -> [WebhookDelivery]
    /// Records an attempt started at `at`, and ends the claim: delivered on success, else pending until `retryAt`,
    /// or failed when `retryAt` is nil.
    func recordWebhookAttempt(
        deliveryID: Int64, at: Date, outcome: WebhookAttemptOutcome, retryAt: Date?
    ) async throws
}
