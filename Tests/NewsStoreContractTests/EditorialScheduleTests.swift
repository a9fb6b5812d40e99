import Foundation
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

@Suite("Scheduled publication", .tags(.postgres), .timeLimit(.minutes(2)))
struct EditorialScheduleTests {
    @Test("a scheduled article stays hidden until its time, then the scheduler publishes it, audited as the system", arguments: Backend.allCases)
    func scheduled(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let approved = try await room.approved("Bài hẹn giờ")
            let at = Newsroom.time(60)
            let scheduled = try await room.act(.schedule, approved.id, by: room.editorInChief, at: at)
            #expect(scheduled.state == WorkflowState(.scheduled))
            #expect(scheduled.scheduledAt == at)
            #expect(try await room.store.nextScheduledTime() == at)
            #expect(try await room.readerTitle(approved.id, now: Newsroom.time(600)) == nil)

            #expect(try await room.store.publishDueArticles(now: Newsroom.time(59), workflow: room.workflow).isEmpty)
            #expect(try await room.readerTitle(approved.id, now: Newsroom.time(600)) == nil)

            let start = try await room.store.latestChangeSequence()
            #expect(try await room.store.publishDueArticles(now: at, workflow: room.workflow) == [approved.id])
            let live = try #require(try await room.store.publishedArticle(id: approved.id, now: at))
            #expect(live.title == "Bài hẹn giờ")
            #expect(live.publishedAt == at)
            let article = try #require(try await room.store.editorialArticle(id: approved.id, now: at))
            #expect(article.state == WorkflowState(.published))
            #expect(article.scheduledAt == nil)
            #expect(try await room.store.nextScheduledTime() == nil)

            let entry = try #require(try await room.audit(approved.id).last)
            #expect(entry.action == "article.publish")
            #expect(entry.userID == nil)
            #expect(entry.actorName == "Hệ thống hẹn giờ")
            #expect(entry.fromState == "scheduled" && entry.toState == "published")
            #expect(entry.note == "Xuất bản theo giờ hẹn 22/12/2023 11:30")
            let changes = try await room.store.changes(after: start, limit: 10)
            #expect(changes.first?.dependencies.isSuperset(of: [.latest, .article(approved.id)]) == true)
        }
    }

    @Test("a schedule missed while the server was down is published on the next call, and the audit says how late", arguments: Backend.allCases)
    func missedSchedule(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let approved = try await room.approved("Bài lỡ hẹn")
            try await room.act(.schedule, approved.id, by: room.editorInChief, at: Newsroom.time(60))
            let restart = Newsroom.time(60 * 24 * 3)
            #expect(try await room.store.publishDueArticles(now: restart, workflow: room.workflow) == [approved.id])
            #expect(try await room.store.publishedArticle(id: approved.id, now: restart)?.publishedAt == restart)
            let entry = try #require(try await room.audit(approved.id).last)
            #expect(entry.note == "Xuất bản trễ 4260 phút so với giờ hẹn 22/12/2023 11:30 (lỡ hẹn khi máy chủ không chạy)")
        }
    }

    @Test("publishing due articles twice publishes each once", arguments: Backend.allCases)
    func twice(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let approved = try await room.approved("Bài chạy hai lần")
            try await room.act(.schedule, approved.id, by: room.editorInChief, at: Newsroom.time(10))
            #expect(try await room.store.publishDueArticles(now: Newsroom.time(10), workflow: room.workflow) == [approved.id])
            #expect(try await room.store.publishDueArticles(now: Newsroom.time(11), workflow: room.workflow).isEmpty)
            #expect(try await room.audit(approved.id).filter { $0.action == "article.publish" }.count == 1)
        }
    }

    @Test("an edit drops the schedule; cancelling one returns the article to approved", arguments: Backend.allCases)
    func editAndCancel(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let edited = try await room.approved("Bài sửa sau khi hẹn")
            let scheduled = try await room.act(.schedule, edited.id, by: room.editorInChief, at: Newsroom.time(30))
            let saved = try await room.save(scheduled, by: room.copyDesk, title: "Bài sửa sau khi hẹn (mới)")
            #expect(saved.state == WorkflowState(.approved))
            #expect(saved.scheduledAt == nil)

            let cancelled = try await room.approved("Bài hủy hẹn")
            try await room.act(.schedule, cancelled.id, by: room.editorInChief, at: Newsroom.time(40))
            let back = try await room.act(.unpublish, cancelled.id, by: room.editorInChief)
            #expect(back.state == WorkflowState(.approved))
            #expect(back.scheduledAt == nil)

            #expect(try await room.store.nextScheduledTime() == nil)
            #expect(try await room.store.publishDueArticles(now: Newsroom.time(50), workflow: room.workflow).isEmpty)
            #expect(try await room.readerTitle(edited.id) == nil)
            #expect(try await room.readerTitle(cancelled.id) == nil)
        }
    }

    @Test("a scheduled article can be published at once, or taken down before its time", arguments: Backend.allCases)
    func publishNowOrTakeDown(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let now = try await room.approved("Bài xuất bản ngay")
            try await room.act(.schedule, now.id, by: room.editorInChief, at: Newsroom.time(60))
            let published = try await room.act(.publish, now.id, by: room.editorInChief, now: Newsroom.time(5))
            #expect(published.publishedAt == Newsroom.time(5))
            #expect(published.scheduledAt == nil)

            let down = try await room.approved("Bài gỡ trước giờ")
            try await room.act(.schedule, down.id, by: room.editorInChief, at: Newsroom.time(60))
            try await room.act(.takedown, down.id, by: room.editorInChief, note: "Thông tin chưa được xác minh")
            #expect(try await room.store.publishDueArticles(now: Newsroom.time(60), workflow: room.workflow).isEmpty)
            #expect(try await room.readerTitle(down.id) == nil)
        }
    }





}
