import Foundation
import GRDB
import NewsDomain
import NewsStore
import NewsText

extension SQLiteNewsStore {
    /// The name the audit log gives the scheduler (`ScheduledPublishing.schedulerName`).
    public static var schedulerName: String { ScheduledPublishing.schedulerName }

    public func publishDueArticles(
        now: Date, workflow: Workflow, failure: @Sendable (ScheduleFailure) -> Void
    ) async throws -> [ArticleID] {
        let due = try await read { db in
            try Int64.fetchAll(
                db, sql: "SELECT id FROM articles WHERE status = 'scheduled' AND scheduled_at <= ? ORDER BY scheduled_at, id",
                arguments: [now.storageValue]
            )
        }
        var published: [ArticleID] = []
        for rawID in due {
            let id = ArticleID(rawID)
            do {
                if try await publishScheduled(id: id, now: now, workflow: workflow) { published.append(id) }
            } catch let denial as WorkflowDenial {
                // A stored state the workflow refuses (a fault, e.g. a revision on a scheduled article) would be refused
                // again every second, unseen: take it off the schedule and back to the last level, where it shows.
                let unscheduled = (try? await unschedule(id: id, reason: denial.message, now: now)) ?? false
                failure(ScheduleFailure(articleID: id, reason: denial.message, isUnscheduled: unscheduled))
            } catch {
                // The database was busy or failed: the others still go out, and this one is tried on the next call.
                failure(ScheduleFailure(articleID: id, reason: Self.describe(error), isUnscheduled: false))
            }
        }
        return published
    }

    /// Takes a scheduled article the scheduler cannot publish off the schedule, back to `approved` (waiting for the last
    /// level) without any working revision, audited as `article.schedule-failed`; false when it is no longer scheduled.
    private func unschedule(id: ArticleID, reason: String, now: Date) async throws -> Bool {
        try await write { db in
            guard let row = try Self.editorialState(db, id: id), row.state.status == .scheduled else { return false }
            try db.execute(
                sql: """
                    UPDATE articles SET status = 'approved', revision_stage = NULL, scheduled_at = NULL, state_changed_at = ?
                    WHERE id = ? AND status = 'scheduled'
                    """,
                arguments: [now.storageValue, id.rawValue]
            )
            let time = VietnameseDate.shortDateTime(row.scheduledAt ?? now)
            try Self.insert(
                AuditEntry(
                    action: "article.schedule-failed", at: now, userID: nil, actorName: Self.schedulerName, articleID: id,
                    fromState: row.state.description, toState: WorkflowState(.approved).description,
                    note: "Không xuất bản được theo giờ hẹn \(time): \(reason). Bài trở về chờ duyệt xuất bản."
                ),
                db
            )
            // Neither state is visible to readers: no page changes, so nothing goes to the change log.
            return true
        }
    }

    /// Claims and publishes one scheduled article; false when another node (or an earlier call) got there first.
    private func publishScheduled(id: ArticleID, now: Date, workflow: Workflow) async throws -> Bool {
        try await write { db in
            // The claim comes first, so of two nodes racing for the article exactly one sees a changed row.
            try db.execute(
                sql: "UPDATE articles SET status = 'published' WHERE id = ? AND status = 'scheduled' AND scheduled_at <= ?",
                arguments: [id.rawValue, now.storageValue]
            )
            guard db.changesCount == 1 else { return false }
            var row = try Self.requireState(db, id: id)
            row.state.status = .scheduled
            let transition = try workflow.publishScheduled(row.subject).get()
            try Self.apply(
                transition, to: row, db, userID: nil, actorName: Self.schedulerName,
                note: ScheduledPublishing.note(scheduledAt: row.scheduledAt ?? now, now: now), now: now
            )
            return true
        }
    }

    public func nextScheduledTime() async throws -> Date? {
        try await read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(scheduled_at) FROM articles WHERE status = 'scheduled'")
                .map(Date.init(storageValue:))
        }
    }
}
