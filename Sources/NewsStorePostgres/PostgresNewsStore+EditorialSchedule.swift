import Foundation
import NewsDomain
import NewsStore
import NewsText
import PostgresNIO

/// Scheduled publishing. Every node runs the scheduler; each article is published exactly once, because the claim is a
/// conditional update of its row: a second node's update waits for the first one's transaction and then, finding the
/// article no longer scheduled, changes nothing. Claim and publication are one transaction, so a node that dies in
/// between leaves the article scheduled, for the next tick of any node.
extension PostgresNewsStore {
    public func publishDueArticles(
        now: Date, workflow: Workflow, failure: @Sendable (ScheduleFailure) -> Void
    ) async throws -> [ArticleID] {
        let due = try await read(snapshot: false) { session in
            try await session.rows("""
                SELECT id FROM articles WHERE status = 'scheduled' AND scheduled_at <= \(now.storageValue)
                ORDER BY scheduled_at, id
                """).map { try $0.decode(Int64.self) }
        }
        var published: [ArticleID] = []
        for rawID in due {
            let id = ArticleID(rawID)
            do {
                if try await publishScheduled(id: id, now: now, workflow: workflow) { published.append(id) }
            } catch let denial as WorkflowDenial {
                // A stored state the workflow refuses would be refused again every second, unseen: take it off the
                // schedule and back to the last level, where it shows.
                let unscheduled = (try? await unschedule(id: id, reason: denial.message, now: now)) ?? false
                failure(ScheduleFailure(articleID: id, reason: denial.message, isUnscheduled: unscheduled))
            } catch {
                // The database was busy or failed: the others still go out, and this one is tried on the next call.
                failure(ScheduleFailure(articleID: id, reason: "\(error)", isUnscheduled: false))
            }
        }
        return published
    }

    /// Takes a scheduled article the scheduler cannot publish off the schedule, back to `approved`, audited as
    /// `article.schedule-failed`; false when it is no longer scheduled.
    private func unschedule(id: ArticleID, reason: String, now: Date) async throws -> Bool {
        try await write { session in
            guard let row = try await Self.editorialState(session, id: id), row.state.status == .scheduled else { return false }
            try await session.execute("""
                UPDATE articles SET status = 'approved', revision_stage = NULL, scheduled_at = NULL,
                    state_changed_at = \(now.storageValue)
                WHERE id = \(id.rawValue) AND status = 'scheduled'
                """)
            let time = VietnameseDate.shortDateTime(row.scheduledAt ?? now)
            try await Self.insert(
                AuditEntry(
                    action: "article.schedule-failed", at: now, userID: nil, actorName: ScheduledPublishing.schedulerName, articleID: id,
                    fromState: row.state.description, toState: WorkflowState(.approved).description,
                    note: "Không xuất bản được theo giờ hẹn \(time): \(reason). Bài trở về chờ duyệt xuất bản."
                ),
                session
            )
            // Neither state is visible to readers: no page changes, so nothing goes to the change log.
            return true
        }
    }

    /// Claims and publishes one scheduled article; false when another node (or an earlier call) got there first.
    private func publishScheduled(id: ArticleID, now: Date, workflow: Workflow) async throws -> Bool {
        try await write { session in
            let claimed = try await session.execute("""
                UPDATE articles SET status = 'published'
                WHERE id = \(id.rawValue) AND status = 'scheduled' AND scheduled_at <= \(now.storageValue)
                """)
            guard claimed == 1 else { return false }
            var row = try await Self.requireState(session, id: id)
            row.state.status = .scheduled
            let transition = try workflow.publishScheduled(row.subject).get()
            try await Self.apply(
                transition, to: row, session, userID: nil, actorName: ScheduledPublishing.schedulerName,
                note: ScheduledPublishing.note(scheduledAt: row.scheduledAt ?? now, now: now), now: now
            )
            return true
        }
    }

    public func nextScheduledTime() async throws -> Date? {
        try await read(snapshot: false) { session in
            try await session.rows("SELECT MIN(scheduled_at) FROM articles WHERE status = 'scheduled'")
                .first?.decode(Double?.self).map(Date.init(storageValue:))
        }
    }
}
