import Foundation
import NewsDomain
import NewsStore
import PostgresNIO

/// Webhooks and their outbox (`webhook_deliveries`, `webhook_attempts`).
extension PostgresNewsStore: WebhookStore {
    /// Every webhook, oldest first.
    public func webhooks() async throws -> [Webhook] {
        try await read(snapshot: false) { session in
            try await session.rows("SELECT \(unescaped: Self.webhookColumns) FROM webhooks ORDER BY id").map(Self.webhook)
        }
    }

    /// One webhook.
    public func webhook(id: WebhookID) async throws -> Webhook? {
        try await read(snapshot: false) { session in
            try await session.rows("SELECT \(unescaped: Self.webhookColumns) FROM webhooks WHERE id = \(id.rawValue)")
                .first.map(Self.webhook)
        }
    }

    /// Registers a webhook, audited as `webhook.create`.
    public func createWebhook(
        url: String, events: Set<WebhookEvent>, description: String, secret: String, actor: User, now: Date
    ) async throws -> Webhook {
        let eventsText = Self.eventsText(events)
        return try await write { session in
            let rows = try await session.rows("""
                INSERT INTO webhooks (url, events, description, secret, created_at, created_by, created_by_name)
                VALUES (\(url), \(eventsText), \(description), \(secret), \(now.storageValue), \(actor.id.rawValue),
                    \(actor.name))
                RETURNING \(unescaped: Self.webhookColumns)
                """)
            guard let row = rows.first else { throw StorageError.unavailable("the new webhook did not come back") }
            let webhook = try Self.webhook(row)
            try await Self.insert(
                AuditEntry(
                    action: "webhook.create", at: now, userID: actor.id, actorName: actor.name,
                    note: "#\(webhook.id.rawValue) \(url) (\(eventsText))"
                ),
                session
            )
            return webhook
        }
    }

    /// Removes a webhook and its deliveries, audited as `webhook.delete`.
    public func deleteWebhook(id: WebhookID, actor: User, now: Date) async throws {
        try await write { session in
            guard let url = try await session.rows("DELETE FROM webhooks WHERE id = \(id.rawValue) RETURNING url")
                .first?.decode(String.self)
            else {
                throw StorageError.notFound("webhook \(id)")
            }
            try await Self.insert(
                AuditEntry(action: "webhook.delete", at: now, userID: actor.id, actorName: actor.name, note: "#\(id) \(url)"),
                session
            )
        }
    }

    /// A webhook's deliveries with their attempts, newest first, from one snapshot.
    public func webhookDeliveries(webhookID: WebhookID, page: PageRequest) async throws -> Page<WebhookDeliveryRecord> {
        try await read { session in
            let total = try await session.rows(
                "SELECT count(*) FROM webhook_deliveries WHERE webhook_id = \(webhookID.rawValue)"
            ).first?.decode(Int.self) ?? 0
            let rows = try await session.rows("""
                SELECT id, event, occurred_at, article_id, title, status, next_attempt_at FROM webhook_deliveries
                WHERE webhook_id = \(webhookID.rawValue) ORDER BY id DESC LIMIT \(page.size) OFFSET \(page.offset)
                """).map { try $0.decode((Int64, String, Double, Int64, String, String, Double?).self) }
            let ids = rows.map(\.0)
            var attempts: [Int64: [WebhookAttempt]] = [:]
            if !ids.isEmpty {
                for row in try await session.rows("""
                    SELECT delivery_id, number, at, duration_ms, status_code, error FROM webhook_attempts
                    WHERE delivery_id = ANY(\(ids)) ORDER BY delivery_id, number
                    """) {
                    let (deliveryID, number, at, milliseconds, statusCode, error) = try row.decode(
                        (Int64, Int, Double, Int64, Int?, String?).self
                    )
                    let outcome = WebhookAttemptOutcome(statusCode: statusCode, error: error, duration: .milliseconds(milliseconds))
                    attempts[deliveryID, default: []].append(
                        WebhookAttempt(number: number, at: Date(storageValue: at), outcome: outcome)
                    )
                }
            }
            let items = rows.map { id, event, occurredAt, articleID, title, status, nextAttemptAt in
                WebhookDeliveryRecord(
                    id: id, event: WebhookEvent(rawValue: event) ?? .updated, occurredAt: Date(storageValue: occurredAt),
                    articleID: ArticleID(articleID), title: title, status: WebhookDeliveryStatus(rawValue: status) ?? .failed,
                    nextAttemptAt: nextAttemptAt.map(Date.init(storageValue:)), attempts: attempts[id] ?? []
                )
            }
            return Page(items: items, request: page, totalCount: total)
        }
    }

    /// Claims up to `limit` due deliveries for `lease`. The due rows are locked as they are chosen, skipping rows
    /// another node is claiming at this moment (`FOR UPDATE SKIP LOCKED`), and a row another node claimed and
    /// committed meanwhile is re-checked against the condition: two nodes never claim the same delivery, and neither
    /// waits for the other.
    public func claimDueWebhookDeliveries(now: Date, limit: Int, lease: TimeInterval) async throws -> [WebhookDelivery] {
        let time = now.storageValue
        return try await write { session in
            let claimed = try await session.rows("""
                UPDATE webhook_deliveries SET lease_until = \(time + lease)
                WHERE id IN (
                    SELECT id FROM webhook_deliveries
                    WHERE status = 'pending' AND next_attempt_at <= \(time) AND (lease_until IS NULL OR lease_until <= \(time))
                    ORDER BY next_attempt_at, id LIMIT \(max(0, limit))
                    FOR UPDATE SKIP LOCKED
                )
                RETURNING id
                """).map { try $0.decode(Int64.self) }
            guard !claimed.isEmpty else { return [] }
            return try await session.rows("""
                SELECT d.id, d.webhook_id, w.url, w.secret, d.event, d.occurred_at, d.article_id, d.slug, d.title, d.sapo,
                       d.section_slug, d.section_name, d.published_at, d.updated_at, d.status, d.attempts, d.next_attempt_at
                FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                WHERE d.id = ANY(\(claimed)) ORDER BY d.next_attempt_at, d.id
                """).map { row in
                let (id, webhookID, url, secret, event, occurredAt, articleID, slug, title, sapo) = try row.decode(
                    (Int64, Int64, String, String, String, Double, Int64, String, String, String).self
                )
                let cells = RowCells(row)
                let (sectionSlug, sectionName): (String, String) = (try cells[10], try cells[11])
                let (publishedAt, updatedAt): (Double?, Double) = (try cells[12], try cells[13])
                let (status, attempts, nextAttemptAt): (String, Int, Double?) = (try cells[14], try cells[15], try cells[16])
                return WebhookDelivery(
                    id: id, webhookID: WebhookID(webhookID), url: url, secret: secret,
                    event: WebhookEvent(rawValue: event) ?? .updated, occurredAt: Date(storageValue: occurredAt),
                    article: WebhookArticleFacts(
                        id: ArticleID(articleID), slug: slug, title: title, sapo: sapo, sectionSlug: sectionSlug,
                        sectionName: sectionName, publishedAt: publishedAt.map(Date.init(storageValue:)),
                        updatedAt: Date(storageValue: updatedAt)
                    ),
                    status: WebhookDeliveryStatus(rawValue: status) ?? .pending, attempts: attempts,
                    nextAttemptAt: nextAttemptAt.map(Date.init(storageValue:))
                )
            }
        }
    }

    /// Records an attempt and ends the claim. The delivery row is locked first, so that the attempt number and the
    /// count stay in step whatever else touches the row.
    public func recordWebhookAttempt(
        deliveryID: Int64, at: Date, outcome: WebhookAttemptOutcome, retryAt: Date?
    ) async throws {
        let milliseconds = Self.milliseconds(outcome.duration)
        let status: WebhookDeliveryStatus = outcome.succeeded ? .delivered : (retryAt == nil ? .failed : .pending)
        let nextAttempt = status == .pending ? retryAt?.storageValue : nil
        let deliveredAt = status == .delivered ? at.storageValue : nil
        try await write { session in
            guard let attempts = try await session.rows(
                "SELECT attempts FROM webhook_deliveries WHERE id = \(deliveryID) FOR UPDATE"
            ).first?.decode(Int64.self) else {
                // The webhook was deleted while the attempt was under way: nothing left to record it on.
                return
            }
            try await session.execute("""
                INSERT INTO webhook_attempts (delivery_id, number, at, duration_ms, status_code, error)
                VALUES (\(deliveryID), \(attempts + 1), \(at.storageValue), \(milliseconds), \(outcome.statusCode),
                    \(outcome.error))
                """)
            try await session.execute("""
                UPDATE webhook_deliveries SET attempts = attempts + 1, status = \(status.rawValue),
                    next_attempt_at = \(nextAttempt), lease_until = NULL, delivered_at = \(deliveredAt)
                WHERE id = \(deliveryID)
                """)
        }
    }

    // MARK: - Rows

    /// A webhook's columns, in the order `webhook(_:)` reads them.
    private static let webhookColumns = "id, url, events, description, secret, created_at, created_by_name"

    /// A webhook from a row of `webhookColumns`; only the last four characters of its secret leave the store.
    private static func webhook(_ row: PostgresRow) throws -> Webhook {
        let (id, url, events, description, secret, createdAt, createdByName) = try row.decode(
            (Int64, String, String, String, String, Double, String).self
        )
        return Webhook(
            id: WebhookID(id), url: url, events: Self.events(events), description: description,
            secretHint: String(secret.suffix(4)), createdAt: Date(storageValue: createdAt), createdByName: createdByName
        )
    }

    /// Events stored as their names separated by spaces, in a fixed order.
    private static func eventsText(_ events: Set<WebhookEvent>) -> String {
        WebhookEvent.allCases.filter(events.contains).map(\.rawValue).joined(separator: " ")
    }

    /// Events read back from their stored names (a name this version does not know is skipped).
    private static func events(_ text: String) -> Set<WebhookEvent> {
        Set(text.split(separator: " ").compactMap { WebhookEvent(rawValue: String($0)) })
    }
}
