import Foundation
import GRDB
import NewsDomain
import NewsStore

/// Webhooks and their outbox (`webhook_deliveries`, `webhook_attempts`).
extension SQLiteNewsStore: WebhookStore {
    public func webhooks() async throws -> [Webhook] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.webhookColumns) FROM webhooks ORDER BY id").map(Self.webhook)
        }
    }

    public func webhook(id: WebhookID) async throws -> Webhook? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.webhookColumns) FROM webhooks WHERE id = ?", arguments: [id.rawValue])
                .map(Self.webhook)
        }
    }

    public func createWebhook(
        url: String, events: Set<WebhookEvent>, description: String, secret: String, actor: User, now: Date
    ) async throws -> Webhook {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO webhooks (url, events, description, secret, created_at, created_by, created_by_name)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    url, Self.eventsText(events), description, secret, now.storageValue, actor.id.rawValue, actor.name,
                ]
            )
            let id = db.lastInsertedRowID
            try Self.insert(
                AuditEntry(
                    action: "webhook.create", at: now, userID: actor.id, actorName: actor.name,
                    note: "#\(id) \(url) (\(Self.eventsText(events)))"
                ),
                db
            )
            guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.webhookColumns) FROM webhooks WHERE id = ?", arguments: [id]) else {
                throw StorageError.notFound("webhook \(id)")
            }
            return Self.webhook(row)
        }
    }

    public func deleteWebhook(id: WebhookID, actor: User, now: Date) async throws {
        try await write { db in
            guard let url = try String.fetchOne(db, sql: "SELECT url FROM webhooks WHERE id = ?", arguments: [id.rawValue]) else {
                throw StorageError.notFound("webhook \(id)")
            }
            try db.execute(sql: "DELETE FROM webhooks WHERE id = ?", arguments: [id.rawValue])
            try Self.insert(
                AuditEntry(action: "webhook.delete", at: now, userID: actor.id, actorName: actor.name, note: "#\(id) \(url)"), db
            )
        }
    }

    public func webhookDeliveries(webhookID: WebhookID, page: PageRequest) async throws -> Page<WebhookDeliveryRecord> {
        try await read { db in
            let total = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = ?", arguments: [webhookID.rawValue]
            ) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, event, occurred_at, article_id, title, status, next_attempt_at FROM webhook_deliveries
                    WHERE webhook_id = ? ORDER BY id DESC LIMIT ? OFFSET ?
                    """,
                arguments: [webhookID.rawValue, page.size, page.offset]
            )
            let ids: [Int64] = rows.map { $0[0] }
            var attempts: [Int64: [WebhookAttempt]] = [:]
            if !ids.isEmpty {
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT delivery_id, number, at, duration_ms, status_code, error FROM webhook_attempts
                        WHERE delivery_id IN (\(ReaderSQL.placeholders(ids.count))) ORDER BY delivery_id, number
                        """,
                    arguments: StatementArguments(ids)
                ) {
                    let outcome = WebhookAttemptOutcome(
                        statusCode: row[4], error: row[5], duration: .milliseconds(row[3] as Int64)
                    )
                    attempts[row[0], default: []].append(WebhookAttempt(number: row[1], at: Date(storageValue: row[2]), outcome: outcome))
                }
            }
            let items = rows.map { row in
                let id: Int64 = row[0]
                return WebhookDeliveryRecord(
                    id: id, event: WebhookEvent(rawValue: row[1]) ?? .updated, occurredAt: Date(storageValue: row[2]),
                    articleID: ArticleID(row[3]), title: row[4],
                    status: WebhookDeliveryStatus(rawValue: row[5]) ?? .failed,
                    nextAttemptAt: (row[6] as Double?).map(Date.init(storageValue:)), attempts: attempts[id] ?? []
                )
            }
            return Page(items: items, request: page, totalCount: total)
        }
    }

    public func claimDueWebhookDeliveries(now: Date, limit: Int, lease: TimeInterval) async throws -> [WebhookDelivery] {
        try await write { db in
            let time = now.storageValue
            let due = try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM webhook_deliveries
                    WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
                    ORDER BY next_attempt_at, id LIMIT ?
                    """,
                arguments: [time, time, max(0, limit)]
            )
            var claimed: [Int64] = []
            for id in due {
                // The claim repeats the condition, so of two nodes racing for a delivery exactly one changes the row.
                try db.execute(
                    sql: """
                        UPDATE webhook_deliveries SET lease_until = ?
                        WHERE id = ? AND status = 'pending' AND (lease_until IS NULL OR lease_until <= ?)
                        """,
                    arguments: [time + lease, id, time]
                )
                if db.changesCount == 1 { claimed.append(id) }
            }
            guard !claimed.isEmpty else { return [] }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.webhook_id, w.url, w.secret, d.event, d.occurred_at, d.article_id, d.slug, d.title, d.sapo,
                           d.section_slug, d.section_name, d.published_at, d.updated_at, d.status, d.attempts, d.next_attempt_at
                    FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                    WHERE d.id IN (\(ReaderSQL.placeholders(claimed.count))) ORDER BY d.next_attempt_at, d.id
                    """,
                arguments: StatementArguments(claimed)
            ).map { row in
                WebhookDelivery(
                    id: row[0], webhookID: WebhookID(row[1]), url: row[2], secret: row[3],
                    event: WebhookEvent(rawValue: row[4]) ?? .updated, occurredAt: Date(storageValue: row[5]),
                    article: WebhookArticleFacts(
                        id: ArticleID(row[6]), slug: row[7], title: row[8], sapo: row[9], sectionSlug: row[10],
                        sectionName: row[11], publishedAt: (row[12] as Double?).map(Date.init(storageValue:)),
                        updatedAt: Date(storageValue: row[13])
                    ),
                    status: WebhookDeliveryStatus(rawValue: row[14]) ?? .pending, attempts: row[15],
                    nextAttemptAt: (row[16] as Double?).map(Date.init(storageValue:))
                )
            }
        }
    }

    public func recordWebhookAttempt(
        deliveryID: Int64, at: Date, outcome: WebhookAttemptOutcome, retryAt: Date?
    ) async throws {
        try await write { db in
            guard let attempts = try Int.fetchOne(
                db, sql: "SELECT attempts FROM webhook_deliveries WHERE id = ?", arguments: [deliveryID]
            ) else {
                // The webhook was deleted while the attempt was under way: nothing left to record it on.
                return
            }
            let milliseconds = outcome.duration.components.seconds * 1_000 + outcome.duration.components.attoseconds / 1_000_000_000_000_000
            try db.execute(
                sql: """
                    INSERT INTO webhook_attempts (delivery_id, number, at, duration_ms, status_code, error)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [deliveryID, attempts + 1, at.storageValue, milliseconds, outcome.statusCode, outcome.error]
            )
            let status: WebhookDeliveryStatus = outcome.succeeded ? .delivered : (retryAt == nil ? .failed : .pending)
            try db.execute(
                sql: """
                    UPDATE webhook_deliveries SET attempts = attempts + 1, status = ?, next_attempt_at = ?, lease_until = NULL,
                        delivered_at = ?
                    WHERE id = ?
                    """,
                arguments: [
                    status.rawValue, status == .pending ? retryAt?.storageValue : nil,
                    status == .delivered ? at.storageValue : nil, deliveryID,
                ]
            )
        }
    }

    // MARK: - The outbox

    /// Writes one delivery per interested webhook for what a transition did to readers (published, updated, taken
    /// down), in the transition's own transaction: committed with it or not at all, and never waiting for a receiver.
    /// Called after the transition's state is written, so the article row already shows the new live version.
    static func enqueueWebhookDeliveries(
        _ db: Database, of transition: WorkflowTransition, on row: EditorialState, now: Date
    ) throws {
        guard let (event, versionID) = row.webhookEvent(of: transition) else { return }
        let interested = try Row.fetchAll(db, sql: "SELECT id, events FROM webhooks").compactMap { hook -> Int64? in
            Self.events(hook[1]).contains(event) ? hook[0] : nil
        }
        guard !interested.isEmpty else { return }
        guard let facts = try Row.fetchOne(
            db,
            sql: """
                SELECT v.slug, v.title, v.sapo, s.slug, s.name, a.published_at, v.created_at
                FROM article_versions v JOIN sections s ON s.id = v.section_id JOIN articles a ON a.id = v.article_id
                WHERE v.id = ?
                """,
            arguments: [versionID]
        ) else { return }
        for webhookID in interested {
            try db.execute(
                sql: """
                    INSERT INTO webhook_deliveries (webhook_id, event, occurred_at, article_id, slug, title, sapo, section_slug,
                        section_name, published_at, updated_at, status, attempts, next_attempt_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?)
                    """,
                arguments: [
                    webhookID, event.rawValue, now.storageValue, row.id.rawValue, facts[0] as String, facts[1] as String,
                    facts[2] as String, facts[3] as String, facts[4] as String, facts[5] as Double?, facts[6] as Double,
                    now.storageValue,
                ]
            )
        }
    }

    // MARK: - Rows

    private static let webhookColumns = "id, url, events, description, secret, created_at, created_by_name"

    private static func webhook(_ row: Row) -> Webhook {
        let secret: String = row[4]
        return Webhook(
            id: WebhookID(row[0]), url: row[1], events: events(row[2]), description: row[3],
            secretHint: String(secret.suffix(4)), createdAt: Date(storageValue: row[5]), createdByName: row[6]
        )
    }

    /// Events stored as their names separated by spaces, in a fixed order.
    private static func eventsText(_ events: Set<WebhookEvent>) -> String {
        WebhookEvent.allCases.filter(events.contains).map(\.rawValue).joined(separator: " ")
    }

    private static func events(_ text: String) -> Set<WebhookEvent> {
        Set(text.split(separator: " ").compactMap { WebhookEvent(rawValue: String($0)) })
    }
}

extension SQLiteNewsStore {
    /// Migration "2026-12-03-webhooks": registered webhooks, the outbox of deliveries (with the article's facts as they
    /// were when the event happened) and every attempt made. `lease_until`: a claim by a delivering node; while it lasts
    /// no other node takes the delivery.
    static func createWebhooks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE webhooks (
                id INTEGER PRIMARY KEY,
                url TEXT NOT NULL,
                events TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                secret TEXT NOT NULL,
                created_at REAL NOT NULL,
                created_by INTEGER REFERENCES users(id),
                created_by_name TEXT NOT NULL
            );
            CREATE TABLE webhook_deliveries (
                id INTEGER PRIMARY KEY,
                webhook_id INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
                event TEXT NOT NULL,
                occurred_at REAL NOT NULL,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                slug TEXT NOT NULL,
                title TEXT NOT NULL,
                sapo TEXT NOT NULL,
                section_slug TEXT NOT NULL,
                section_name TEXT NOT NULL,
                published_at REAL,
                updated_at REAL NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at REAL,
                lease_until REAL,
                delivered_at REAL
            );
            CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);
            CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries(webhook_id, id);
            CREATE TABLE webhook_attempts (
                id INTEGER PRIMARY KEY,
                delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
                number INTEGER NOT NULL,
                at REAL NOT NULL,
                duration_ms INTEGER NOT NULL,
                status_code INTEGER,
                error TEXT
            );
            CREATE INDEX webhook_attempts_delivery ON webhook_attempts(delivery_id, number);
            """)
    }
}
