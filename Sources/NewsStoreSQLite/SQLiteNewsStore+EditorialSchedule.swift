import Foundation
import GRDB
import NewsDomain
import NewsStore
import NewsText

extension SQLiteNewsStore {
    /// The name the audit log gives the scheduler, which acts for no person.
    public static let schedulerName = "Hệ thống hẹn giờ"

    /// A scheduled article published later than this after its time was missed (the server was down), and its audit note says so.
    static let scheduleGrace: TimeInterval = 60

    public func publishDueArticles(now: Date, workflow: Workflow) async throws -> [ArticleID] {
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
            } catch is WorkflowDenial {
                // A stored state the workflow refuses (a fault, e.g. a revision on a scheduled article) stays as it is
                // for a person to look at; the others still go out.
                continue
            }
        }
        return published
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
                note: Self.scheduleNote(scheduledAt: row.scheduledAt ?? now, now: now), now: now
            )
            return true
        }
    }

    /// "Xuất bản theo giờ hẹn 22/12/2023 10:30", or for a missed schedule how late it went out.
    static func scheduleNote(scheduledAt: Date, now: Date) -> String {
        let late = now.timeIntervalSince(scheduledAt)
        let time = VietnameseDate.shortDateTime(scheduledAt)
        guard late > scheduleGrace else { return "Xuất bản theo giờ hẹn \(time)" }
        let minutes = Int((late / 60).rounded(.up))
        return "Xuất bản trễ \(minutes) phút so với giờ hẹn \(time) (lỡ hẹn khi máy chủ không chạy)"
    }

    public func nextScheduledTime() async throws -> Date? {
        try await read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(scheduled_at) FROM articles WHERE status = 'scheduled'")
                .map(Date.init(storageValue:))
        }
    }
}
