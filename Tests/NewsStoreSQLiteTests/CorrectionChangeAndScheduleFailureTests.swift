import Foundation
import GRDB
import NewsDomain
import NewsStore
@testable import NewsStoreSQLite
import NewsTestSupport
import Synchronization
import Testing

@Suite("What corrections tell page caches; scheduled articles that cannot be published")
struct CorrectionChangeAndScheduleFailureTests {
    @Test("a scheduled article the workflow refuses is taken off the schedule, audited and reported; the others still go out")
    func refusedSchedule() async throws {
        let room = try await Newsroom.make()
        let broken = try await room.approved("Bài hẹn giờ hỏng")
        try await room.act(.schedule, broken.id, by: room.editorInChief, at: Newsroom.time(10))
        let fine = try await room.approved("Bài hẹn giờ lành")
        try await room.act(.schedule, fine.id, by: room.editorInChief, at: Newsroom.time(20))
        // A state no workflow action makes (a working revision on a scheduled article): a fault in the stored data.
        try await room.sqlite.write { db in
            try db.execute(sql: "UPDATE articles SET revision_stage = 'submitted' WHERE id = ?", arguments: [broken.id.rawValue])
        }

        let failures = Mutex<[ScheduleFailure]>([])
        let published = try await room.sqlite.publishDueArticles(now: Newsroom.time(30), workflow: room.workflow) { failure in
            failures.withLock { $0.append(failure) }
        }
        #expect(published == [fine.id])
        let reported = failures.withLock { $0 }
        #expect(reported.map(\.articleID) == [broken.id])
        #expect(reported.first?.isUnscheduled == true)

        let parked = try #require(try await room.sqlite.editorialArticle(id: broken.id, now: Newsroom.time(30)))
        #expect(parked.state == WorkflowState(.approved))
        #expect(parked.scheduledAt == nil)
        #expect(try await room.readerTitle(broken.id) == nil)
        let entry = try #require(try await room.audit(broken.id).last)
        #expect(entry.action == "article.schedule-failed")
        #expect(entry.actorName == SQLiteNewsStore.schedulerName)
        #expect(entry.fromState == "scheduled/submitted" && entry.toState == "approved")
        #expect(entry.note?.hasPrefix("Không xuất bản được theo giờ hẹn 22/12/2023 10:40: ") == true, "\(entry.note ?? "")")
        // It waits where the editor-in-chief sees it, and is not tried again.
        #expect(try await room.sqlite.waitingArticles(for: room.editorInChief.editorialActor, workflow: room.workflow).map(\.id).contains(broken.id))
        #expect(try await room.sqlite.nextScheduledTime() == nil)
        #expect(try await room.sqlite.publishDueArticles(now: Newsroom.time(40), workflow: room.workflow).isEmpty)
        // Published normally from there on.
        try await room.act(.publish, broken.id, by: room.editorInChief, now: Newsroom.time(41))
        #expect(try await room.readerTitle(broken.id) == "Bài hẹn giờ hỏng")
    }

}
