import Foundation
import NewsDomain
import NewsStore
import PostgresNIO

extension PostgresNewsStore {
    /// Writes one delivery per interested webhook for what a transition did to readers (published, updated, taken
    /// down), in the transition's own transaction: committed with it or not at all, and never waiting for a receiver.
    /// Called after the transition's state is written, so the article row already shows the new live version.
    static func enqueueWebhookDeliveries(
        _ session: PostgresSession, of transition: WorkflowTransition, on row: EditorialState, now: Date
    ) async throws {
        guard let (event, versionID) = row.webhookEvent(of: transition) else { return }
        let interested = try await session.rows("SELECT id, events FROM webhooks").compactMap { hook -> Int64? in
            let (id, events) = try hook.decode((Int64, String).self)
            return events.split(separator: " ").contains(Substring(event.rawValue)) ? id : nil
        }
        guard !interested.isEmpty else { return }
        // One statement for every interested webhook, the article's facts read in it.
        try await session.execute("""
            INSERT INTO webhook_deliveries (webhook_id, event, occurred_at, article_id, slug, title, sapo, section_slug,
                section_name, published_at, updated_at, status, attempts, next_attempt_at)
            SELECT w.id, \(event.rawValue), \(now.storageValue), \(row.id.rawValue), v.slug, v.title, v.sapo, s.slug, s.name,
                   a.published_at, v.created_at, 'pending', 0, \(now.storageValue)
            FROM unnest(\(interested)::bigint[]) AS w(id)
            CROSS JOIN article_versions v JOIN sections s ON s.id = v.section_id JOIN articles a ON a.id = v.article_id
            WHERE v.id = \(versionID)
            ORDER BY w.id
            """)
    }
}
