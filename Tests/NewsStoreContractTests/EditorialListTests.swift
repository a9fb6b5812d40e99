import Foundation
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

@Suite("Dashboards, newsroom lists, revisions", .tags(.postgres), .timeLimit(.minutes(2)))
struct EditorialListTests {
    @Test("each role's dashboard lists what waits for it, the longest-waiting first; section limits apply", arguments: Backend.allCases)
    func dashboards(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            // Created in one order, submitted in another: the dashboard follows the submission time.
            let late = try await room.create("Nộp sau cùng")
            let early = try await room.create("Nộp đầu tiên")
            let middle = try await room.create("Nộp thứ hai")
            let economy = try await room.create("Bài kinh tế", section: "kinh-te")
            try await room.act(.submit, early.id, by: room.reporter, now: Newsroom.time(1))
            try await room.act(.submit, middle.id, by: room.reporter, now: Newsroom.time(2))
            try await room.act(.submit, late.id, by: room.reporter, now: Newsroom.time(3))
            try await room.act(.submit, economy.id, by: room.reporter, now: Newsroom.time(4))
            let edited = try await room.create("Đã biên tập")
            try await room.act(.submit, edited.id, by: room.reporter, now: Newsroom.time(5))
            try await room.act(.approve, edited.id, by: room.sectionEditor, now: Newsroom.time(6))
            let revision = try await room.published("Bài đang sửa lại")
            let revised = try await room.save(revision, by: room.copyDesk, title: "Bài đang sửa lại (bản mới)", now: Newsroom.time(7))
            #expect(revised.state == WorkflowState(.published, revision: .approved))
            _ = try await room.create("Nháp chưa nộp")

            func titles(_ user: User) async throws -> [String] {
                try await room.store.waitingArticles(for: user.editorialActor, workflow: room.workflow).map(\.title)
            }
            #expect(try await titles(room.sectionEditor) == ["Nộp đầu tiên", "Nộp thứ hai", "Nộp sau cùng", "Bài kinh tế"])
            #expect(try await titles(room.economyEditor) == ["Bài kinh tế"])
            #expect(try await titles(room.reporter).isEmpty)
            #expect(try await titles(room.administrator).isEmpty)
            let copyDesk = try await titles(room.copyDesk)
            #expect(copyDesk.contains("Đã biên tập"))
            #expect(!copyDesk.contains("Bài đang sửa lại (bản mới)"))
            let chief = try await room.store.waitingArticles(for: room.editorInChief.editorialActor, workflow: room.workflow)
            #expect(chief.last?.title == "Bài đang sửa lại (bản mới)")
            #expect(chief.last?.state == WorkflowState(.published, revision: .approved))
            #expect(chief.last?.waitingSince == Newsroom.time(7))
            let first = try #require(try await room.store.waitingArticles(for: room.sectionEditor.editorialActor, workflow: room.workflow).first)
            #expect(first.authorName == room.reporter.name)
            #expect(first.section.slug == "the-gioi")
            #expect(first.waitingSince == Newsroom.time(1))

            // A section editor limited to another section sees nothing of this one.
            let limited = WorkflowActor(userID: room.economyEditor.id.rawValue, roles: [.sectionEditor], sectionLimits: [SectionID(999)])
            #expect(try await room.store.waitingArticles(for: limited, workflow: room.workflow).isEmpty)
        }
    }

    @Test("the newsroom's article list shows every state, filtered by status and section (with subsections), paged", arguments: Backend.allCases)
    func articleList(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            _ = try await room.create("Nháp thế giới", at: Newsroom.time(1))
            _ = try await room.create("Nháp châu Á", section: "chau-a", at: Newsroom.time(2))
            _ = try await room.create("Nháp kinh tế", section: "kinh-te", at: Newsroom.time(3))
            _ = try await room.published("Đã đăng", at: Newsroom.time(4))
            let all = try await room.store.editorialArticles(status: nil, sectionID: nil, page: PageRequest(number: 1, size: 3))
            #expect(all.totalCount == 4)
            #expect(all.items.map(\.title) == ["Đã đăng", "Nháp kinh tế", "Nháp châu Á"])
            let world = try #require(try await room.store.section(slug: "the-gioi"))
            let drafts = try await room.store.editorialArticles(status: .draft, sectionID: world.id, page: PageRequest(number: 1, size: 10))
            #expect(drafts.items.map(\.title) == ["Nháp châu Á", "Nháp thế giới"])
            #expect(drafts.items.allSatisfy { $0.state == WorkflowState(.draft) })
            let published = try await room.store.editorialArticles(status: .published, sectionID: nil, page: PageRequest(number: 1, size: 10))
            #expect(published.items.map(\.title) == ["Đã đăng"])
        }
    }

    @Test("every save is a revision: listed newest first, each readable, any one restorable as a new version", arguments: Backend.allCases)
    func revisionsAndRestore(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            var article = try await room.create("Một")
            article = try await room.save(article, by: room.reporter, title: "Hai", body: "Đoạn một.\n\nĐoạn hai đã sửa.", now: Newsroom.time(1))
            article = try await room.save(article, by: room.reporter, title: "Ba", now: Newsroom.time(2))
            let revisions = try await room.store.revisions(id: article.id)
            #expect(revisions.map(\.number) == [3, 2, 1])
            #expect(revisions.map(\.title) == ["Ba", "Hai", "Một"])
            #expect(revisions.map(\.isCurrent) == [true, false, false])
            #expect(revisions.allSatisfy { $0.createdByName == room.reporter.name && !$0.isLive })
            #expect(revisions.map(\.createdAt) == [Newsroom.time(2), Newsroom.time(1), Fixtures.now])

            let one = try #require(try await room.store.content(id: article.id, version: 1))
            let two = try #require(try await room.store.content(id: article.id, version: 2))
            #expect(try await room.store.content(id: article.id, version: 9) == nil)
            let diff = RevisionDiff(from: one, to: two)
            #expect(diff.changedFields.map(\.field) == [.title, .body])
            #expect(diff.changedFields.first?.lines == [DiffLine(.removed, "Một"), DiffLine(.added, "Hai")])

            let before = try await room.snapshot(article.id)
            await #expect(throws: StaleVersion.self) {
                try await room.store.restoreRevision(
                    id: article.id, version: 1, baseVersion: 2, actor: room.reporter.editorialActor, actorName: room.reporter.name,
                    workflow: room.workflow, now: Newsroom.time(3)
                )
            }
            await #expect(throws: StorageError.notFound("version 7 of article \(article.id)")) {
                try await room.store.restoreRevision(
                    id: article.id, version: 7, baseVersion: 3, actor: room.reporter.editorialActor, actorName: room.reporter.name,
                    workflow: room.workflow, now: Newsroom.time(3)
                )
            }
            #expect(try await room.snapshot(article.id) == before)

            let restored = try await room.store.restoreRevision(
                id: article.id, version: 1, baseVersion: 3, actor: room.sectionEditor.editorialActor, actorName: room.sectionEditor.name,
                workflow: room.workflow, now: Newsroom.time(4)
            )
            #expect(restored.currentVersion == 4)
            #expect(restored.content == one)
            #expect(restored.updatedByName == room.sectionEditor.name)
            let entry = try #require(try await room.audit(article.id).last)
            #expect(entry.action == "article.restore")
            #expect(entry.note == "Khôi phục bản 1")
            #expect(entry.fromState == "draft" && entry.toState == "draft")
            #expect(try await room.store.revisions(id: article.id).map(\.title) == ["Một", "Ba", "Hai", "Một"])
        }
    }

    @Test("restoring an earlier version of a published article is a revision: readers keep the live version", arguments: Backend.allCases)
    func restorePublished(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let live = try await room.published("Bản đang đăng")
            let revised = try await room.save(live, by: room.copyDesk, title: "Bản sửa chưa duyệt")
            let restored = try await room.store.restoreRevision(
                id: live.id, version: 1, baseVersion: revised.currentVersion, actor: room.sectionEditor.editorialActor,
                actorName: room.sectionEditor.name, workflow: room.workflow, now: Newsroom.time(1)
            )
            #expect(restored.state == WorkflowState(.published, revision: .edited))
            #expect(restored.publishedVersion == 1 && restored.currentVersion == 3)
            #expect(try await room.readerTitle(live.id) == "Bản đang đăng")
        }
    }

    @Test("related articles are resolved by external id or by id, in order", arguments: Backend.allCases)
    func related(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let imported = try await Fixtures.importNew(room.store, [Fixtures.input(id: "nguon-1")])
            let other = try await room.create("Bài liên quan")
            let article = try await room.create("Bài chính")
            var input = Newsroom.input(from: article.content)
            input.related = [String(other.id.rawValue), "nguon-1"]
            let saved = try await room.store.saveArticle(
                id: article.id, input: input, baseVersion: 1, actor: room.reporter.editorialActor, actorName: room.reporter.name,
                workflow: room.workflow, now: Fixtures.now
            )
            #expect(saved.content.relatedIDs == [other.id, imported["nguon-1"]!])
        }
    }




}
