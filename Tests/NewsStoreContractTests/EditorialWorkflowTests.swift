import Foundation
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

@Suite("The newsroom workflow: states, revisions, audit, change log", .tags(.postgres), .timeLimit(.minutes(2)))
struct EditorialWorkflowTests {
    @Test("every refusal returns the workflow's denial and writes nothing", arguments: Backend.allCases, DenialCase.allCases)
    func denialsWriteNothing(_ backend: Backend, _ denial: DenialCase) async throws {
        try await Newsroom.with(backend) { room in
            let article = try await denial.prepare(room)
            let before = try await room.snapshot(article.id)
            let refused = await room.denial { try await denial.attempt(room, article) }
            #expect(refused?.code == denial.code)
            #expect(try await room.snapshot(article.id) == before)
        }
    }

    @Test("reporter → section editor → copy desk → editor-in-chief: readers see nothing until publish, every step audited", arguments: Backend.allCases)
    func fullChain(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let draft = try await room.create("Hội nghị thượng đỉnh ASEAN khai mạc")
            #expect(draft.state == WorkflowState(.draft))
            #expect(draft.currentVersion == 1 && draft.publishedVersion == nil && draft.publishedAt == nil)
            #expect(draft.authorUserID == room.reporter.id)
            #expect(draft.content.section.slug == "the-gioi")
            #expect(draft.content.tags.map(\.name) == ["Hà Nội"])
            #expect(draft.content.authors.map(\.name) == ["Nguyễn Thu Hà"])
            #expect(draft.content.slug == "hoi-nghi-thuong-dinh-asean-khai-mac")
            #expect(draft.updatedByName == room.reporter.name)

            let steps: [(WorkflowAction, User, ArticleStatus)] = [
                (.submit, room.reporter, .submitted), (.approve, room.sectionEditor, .edited), (.approve, room.copyDesk, .approved),
            ]
            for (minute, (action, user, status)) in steps.enumerated() {
                let article = try await room.act(action, draft.id, by: user, now: Newsroom.time(Double(minute + 1)))
                #expect(article.state == WorkflowState(status))
                #expect(article.stateChangedAt == Newsroom.time(Double(minute + 1)))
                #expect(try await room.readerTitle(draft.id) == nil)
                let list = try await room.store.publishedArticles(.all, page: PageRequest(number: 1, size: 10), now: Newsroom.time(600))
                #expect(list.items.isEmpty)
            }
            let beforePublish = try await room.store.latestChangeSequence()
            let live = try await room.act(.publish, draft.id, by: room.editorInChief, now: Newsroom.time(10))
            #expect(live.state == WorkflowState(.published))
            #expect(live.publishedVersion == 1)
            #expect(live.publishedAt == Newsroom.time(10))
            let article = try #require(try await room.store.publishedArticle(id: draft.id, now: Newsroom.time(10)))
            #expect(article.title == "Hội nghị thượng đỉnh ASEAN khai mạc")
            #expect(article.publishedAt == Newsroom.time(10))
            #expect(try await room.store.publishedArticles(.all, page: PageRequest(number: 1, size: 10), now: Newsroom.time(10)).items.map(\.id) == [draft.id])

            let audit = try await room.audit(draft.id)
            #expect(audit.map(\.action) == ["article.create", "article.submit", "article.approve", "article.approve", "article.publish"])
            #expect(audit.map(\.fromState) == [nil, "draft", "submitted", "edited", "approved"])
            #expect(audit.map(\.toState) == ["draft", "submitted", "edited", "approved", "published"])
            #expect(audit.map(\.actorName) == [
                room.reporter.name, room.reporter.name, room.sectionEditor.name, room.copyDesk.name, room.editorInChief.name,
            ])
            #expect(audit.map(\.userID) == [room.reporter.id, room.reporter.id, room.sectionEditor.id, room.copyDesk.id, room.editorInChief.id])
            #expect(audit.last?.at == Newsroom.time(10))

            // Only the publication told the page caches anything, and it names what they must drop.
            let changes = try await room.store.changes(after: beforePublish, limit: 10)
            #expect(changes.count == 1)
            let world = try #require(try await room.store.section(slug: "the-gioi"))
            let tag = try #require(try await room.store.tag(slug: "ha-noi"))
            #expect(changes[0].dependencies.isSuperset(of: [.latest, .article(draft.id), .section(world.id), .tag(tag.id)]))
        }
    }

    @Test("no change-log entry while the article moves through review: nothing readers see changed", arguments: Backend.allCases)
    func quietReview(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let start = try await room.store.latestChangeSequence()
            let article = try await room.approved("Bài chưa lên trang")
            _ = try await room.save(article, by: room.copyDesk, title: "Bài chưa lên trang (sửa)")
            #expect(try await room.store.latestChangeSequence() == start)
        }
    }

    @Test("return needs a note; the author fixes the article and sends it again", arguments: Backend.allCases)
    func returnAndResubmit(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let draft = try await room.create("Bài thiếu nguồn")
            try await room.act(.submit, draft.id, by: room.reporter)
            let before = try await room.snapshot(draft.id)
            let denial = await room.denial { try await room.act(.return, draft.id, by: room.sectionEditor, note: "   ") }
            #expect(denial?.code == "note-required")
            #expect(denial?.field == "note")
            #expect(try await room.snapshot(draft.id) == before)

            let returned = try await room.act(.return, draft.id, by: room.sectionEditor, note: "  Thiếu nguồn tin thứ hai  ")
            #expect(returned.state == WorkflowState(.returned))
            let entry = try #require(try await room.audit(draft.id).last)
            #expect(entry.action == "article.return")
            #expect(entry.note == "Thiếu nguồn tin thứ hai")
            #expect(entry.fromState == "submitted" && entry.toState == "returned")

            let fixed = try await room.save(returned, by: room.reporter, title: "Bài đã bổ sung nguồn", now: Newsroom.time(5))
            #expect(fixed.state == WorkflowState(.returned))
            #expect(fixed.currentVersion == 2)
            let again = try await room.act(.submit, draft.id, by: room.reporter, now: Newsroom.time(6))
            #expect(again.state == WorkflowState(.submitted))
            #expect(again.content.title == "Bài đã bổ sung nguồn")
            #expect(try await room.audit(draft.id).map(\.action).suffix(2) == ["article.save", "article.submit"])
        }
    }

    @Test("a change after approval needs approval again: a section editor's edit sends it back, the copy desk's keeps it approved", arguments: Backend.allCases)
    func reapprovalOnEdit(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let approved = try await room.approved("Giá xăng giảm")
            let byCopyDesk = try await room.save(approved, by: room.copyDesk, title: "Giá xăng giảm mạnh")
            #expect(byCopyDesk.state == WorkflowState(.approved))
            let bySectionEditor = try await room.save(byCopyDesk, by: room.sectionEditor, title: "Giá xăng giảm mạnh nhất năm")
            #expect(bySectionEditor.state == WorkflowState(.edited))
            #expect(bySectionEditor.currentVersion == 3)
            let saves = try await room.audit(approved.id).filter { $0.action == "article.save" }
            #expect(saves.map(\.fromState) == ["approved", "approved"])
            #expect(saves.map(\.toState) == ["approved", "edited"])
            #expect(saves.map(\.userID) == [room.copyDesk.id, room.sectionEditor.id])

            // The author may not touch it while it waits above them.
            let before = try await room.snapshot(approved.id)
            let denial = await room.denial { try await room.save(bySectionEditor, by: room.reporter, title: "Sửa lén") }
            #expect(denial?.code == "not-permitted")
            #expect(try await room.snapshot(approved.id) == before)
        }
    }

    @Test("a published article is revised and reviewed while readers keep the live version; publishing replaces it and keeps the date", arguments: Backend.allCases)
    func revisePublished(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let original = try await room.published("Bản gốc", at: Newsroom.time(0))
            let start = try await room.store.latestChangeSequence()

            var article = try await room.save(original, by: room.reporter, title: "Bản sửa", now: Newsroom.time(30))
            #expect(article.state == WorkflowState(.published, revision: .draft))
            #expect(article.publishedVersion == 1 && article.currentVersion == 2)
            #expect(try await room.readerTitle(original.id) == "Bản gốc")
            let steps: [(WorkflowAction, User, RevisionStage)] = [
                (.submit, room.reporter, .submitted), (.approve, room.sectionEditor, .edited), (.approve, room.copyDesk, .approved),
            ]
            for (action, user, stage) in steps {
                article = try await room.act(action, original.id, by: user, now: Newsroom.time(40))
                #expect(article.state == WorkflowState(.published, revision: stage))
                let live = try #require(try await room.store.publishedArticle(id: original.id, now: Newsroom.time(40)))
                #expect(live.title == "Bản gốc")
                #expect(live.version == 1)
                #expect(live.publishedAt == Newsroom.time(0))
            }
            #expect(try await room.store.latestChangeSequence() == start)

            article = try await room.act(.publish, original.id, by: room.editorInChief, now: Newsroom.time(50))
            #expect(article.state == WorkflowState(.published))
            #expect(article.publishedVersion == 2)
            #expect(article.publishedAt == Newsroom.time(0))
            let live = try #require(try await room.store.publishedArticle(id: original.id, now: Newsroom.time(50)))
            #expect(live.title == "Bản sửa")
            #expect(live.publishedAt == Newsroom.time(0))
            #expect(try await room.store.revisions(id: original.id).map(\.isLive) == [true, false])

            // The new live version is announced to the caches; the newest lists keep their order (same publication time).
            let changes = try await room.store.changes(after: start, limit: 10)
            #expect(changes.count == 1)
            #expect(changes.first?.dependencies.contains(.article(original.id)) == true)
            #expect(changes.first?.dependencies.contains(.latest) == false)
        }
    }

    @Test("take-down hides the article everywhere and keeps every version; only the editor-in-chief may do it", arguments: Backend.allCases)
    func takedown(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let published = try await room.published("Bài sai sự thật")
            _ = try await room.save(published, by: room.copyDesk, title: "Bài sai sự thật (bản sửa)")
            let revisions = try await room.store.revisions(id: published.id)
            #expect(revisions.count == 2)

            let before = try await room.snapshot(published.id)
            let denied = await room.denial { try await room.act(.takedown, published.id, by: room.copyDesk, note: "Sai") }
            #expect(denied?.code == "not-permitted")
            let noNote = await room.denial { try await room.act(.takedown, published.id, by: room.editorInChief) }
            #expect(noNote?.code == "note-required")
            #expect(try await room.snapshot(published.id) == before)

            let start = try await room.store.latestChangeSequence()
            let down = try await room.act(.takedown, published.id, by: room.editorInChief, note: "Theo yêu cầu của cơ quan chức năng")
            #expect(down.state == WorkflowState(.takenDown, revision: .approved))
            #expect(try await room.readerTitle(published.id) == nil)
            #expect(try await room.store.publishedArticles(.all, page: PageRequest(number: 1, size: 10), now: Newsroom.time(60)).items.isEmpty)
            let after = try await room.store.revisions(id: published.id)
            #expect(after.map(\.number) == revisions.map(\.number))
            #expect(after.map(\.title) == revisions.map(\.title))
            #expect(after.allSatisfy { !$0.isLive })
            #expect(try await room.store.content(id: published.id, version: 1)?.title == "Bài sai sự thật")
            let changes = try await room.store.changes(after: start, limit: 10)
            #expect(changes.first?.dependencies.isSuperset(of: [.latest, .article(published.id)]) == true)
            #expect(try await room.audit(published.id).last?.note == "Theo yêu cầu của cơ quan chức năng")

            // A taken-down article cannot be edited.
            let edit = await room.denial { try await room.save(down, by: room.editorInChief, title: "Không được") }
            #expect(edit?.code == "wrong-state")
        }
    }

    @Test("unpublish withdraws the article to approved with a note; publishing again keeps its first publication time", arguments: Backend.allCases)
    func unpublish(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let published = try await room.published("Bài rút xuống", at: Newsroom.time(0))
            let noNote = await room.denial { try await room.act(.unpublish, published.id, by: room.editorInChief, now: Newsroom.time(5)) }
            #expect(noNote?.code == "note-required")
            let withdrawn = try await room.act(.unpublish, published.id, by: room.editorInChief, note: "Chờ xác minh", now: Newsroom.time(5))
            #expect(withdrawn.state == WorkflowState(.approved))
            #expect(try await room.readerTitle(published.id) == nil)
            let again = try await room.act(.publish, published.id, by: room.editorInChief, now: Newsroom.time(90))
            #expect(again.publishedAt == Newsroom.time(0))
            #expect(try await room.store.publishedArticle(id: published.id, now: Newsroom.time(90))?.publishedAt == Newsroom.time(0))
        }
    }

    @Test("creating checks the input and the person; a refused create stores nothing", arguments: Backend.allCases)
    func createValidation(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            var blank = Newsroom.input("x")
            blank.title = "  "
            blank.status = .published
            do {
                _ = try await room.store.createArticle(blank, by: room.reporter, now: Fixtures.now)
                Issue.record("expected validation errors")
            } catch let errors as ValidationErrors {
                #expect(errors.errors.map(\.field) == ["title", "status"])
            }
            do {
                _ = try await room.store.createArticle(Newsroom.input("Bài", section: "khong-co"), by: room.reporter, now: Fixtures.now)
                Issue.record("expected validation errors")
            } catch let errors as ValidationErrors {
                #expect(errors.errors.map(\.field) == ["section"])
            }
            await #expect(throws: WorkflowDenial.self) {
                try await room.store.createArticle(Newsroom.input("Bài"), by: room.administrator, now: Fixtures.now)
            }
            #expect(try await room.store.articleCount() == 0)
            #expect(try await room.store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 10)).totalCount == 0)
            #expect(try await room.store.section(slug: "khong-co") == nil)
        }
    }

    @Test("a save with invalid input is refused with every field named and writes nothing", arguments: Backend.allCases)
    func saveValidation(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let draft = try await room.create("Bài nháp")
            let before = try await room.snapshot(draft.id)
            var input = Newsroom.input(from: draft.content)
            input.sapo = ""
            input.related = ["khong-ton-tai"]
            do {
                _ = try await room.store.saveArticle(
                    id: draft.id, input: input, baseVersion: 1, actor: room.reporter.editorialActor, actorName: room.reporter.name,
                    workflow: room.workflow, now: Fixtures.now
                )
                Issue.record("expected validation errors")
            } catch let errors as ValidationErrors {
                #expect(errors.errors.map(\.field) == ["sapo"])
            }
            input.sapo = "Sapo"
            do {
                _ = try await room.store.saveArticle(
                    id: draft.id, input: input, baseVersion: 1, actor: room.reporter.editorialActor, actorName: room.reporter.name,
                    workflow: room.workflow, now: Fixtures.now
                )
                Issue.record("expected validation errors")
            } catch let errors as ValidationErrors {
                #expect(errors.errors.map(\.field) == ["related[0]"])
            }
            #expect(try await room.snapshot(draft.id) == before)
        }
    }

    @Test("a section editor cannot move an article into a section they do not cover", arguments: Backend.allCases)
    func moveOutsideSections(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let article = try await room.create("Chứng khoán tăng điểm", section: "kinh-te")
            let submitted = try await room.act(.submit, article.id, by: room.reporter)
            let before = try await room.snapshot(article.id)
            let input = Newsroom.input(from: submitted.content, section: "the-gioi")
            let denial = await room.denial {
                try await room.store.saveArticle(
                    id: article.id, input: input, baseVersion: submitted.currentVersion, actor: room.economyEditor.editorialActor,
                    actorName: room.economyEditor.name, workflow: room.workflow, now: Fixtures.now
                )
            }
            #expect(denial?.code == "outside-sections")
            #expect(try await room.snapshot(article.id) == before)
        }
    }

    @Test("SEO fields are saved with a version and kept by saves that do not send them", arguments: Backend.allCases)
    func seoFields(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let draft = try await room.store.createArticle(
                Newsroom.input("Bài có SEO"), seo: SEOFields(title: " Tiêu đề cho Google ", description: "Mô tả"), by: room.reporter,
                now: Fixtures.now
            )
            #expect(draft.content.seoTitle == "Tiêu đề cho Google")
            let saved = try await room.save(draft, by: room.reporter, title: "Bài có SEO, sửa")
            #expect(saved.content.seoTitle == "Tiêu đề cho Google")
            #expect(saved.content.seoDescription == "Mô tả")
            await #expect(throws: ValidationErrors.self) {
                try await room.store.saveArticle(
                    id: draft.id, input: Newsroom.input(from: saved.content), seo: SEOFields(title: String(repeating: "a", count: 201)),
                    baseVersion: saved.currentVersion, actor: room.reporter.editorialActor, actorName: room.reporter.name,
                    workflow: room.workflow, now: Fixtures.now
                )
            }
        }
    }

    @Test("a correction is attached to a published article, listed with its date, and in the index while readers may see the article", arguments: Backend.allCases)
    func corrections(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let published = try await room.published("Số liệu GDP quý III", at: Newsroom.time(0))
            let other = try await room.published("Bài khác", at: Newsroom.time(1))
            let denied = await room.denial { try await room.act(.correct, published.id, by: room.sectionEditor, note: "Sửa số") }
            #expect(denied?.code == "not-permitted")

            let start = try await room.store.latestChangeSequence()
            let corrected = try await room.act(
                .correct, published.id, by: room.copyDesk, note: "Tăng trưởng là 5,33%, không phải 5,5%", now: Newsroom.time(20)
            )
            #expect(corrected.state == WorkflowState(.published))
            try await room.act(.correct, other.id, by: room.editorInChief, note: "Sửa tên nhân vật", now: Newsroom.time(30))
            let list = try await room.store.corrections(articleID: published.id)
            #expect(list.map(\.note) == ["Tăng trưởng là 5,33%, không phải 5,5%"])
            #expect(list.first?.createdAt == Newsroom.time(20))
            #expect(list.first?.createdByName == room.copyDesk.name)
            let changes = try await room.store.changes(after: start, limit: 10)
            #expect(changes.first?.dependencies.contains(.article(published.id)) == true)

            let index = try await room.store.correctionsIndex(page: PageRequest(number: 1, size: 10), now: Newsroom.time(60))
            #expect(index.items.map(\.article.id) == [other.id, published.id])
            #expect(index.items.map(\.article.title) == ["Bài khác", "Số liệu GDP quý III"])
            #expect(index.totalCount == 2)

            try await room.act(.takedown, other.id, by: room.editorInChief, note: "Gỡ")
            let after = try await room.store.correctionsIndex(page: PageRequest(number: 1, size: 10), now: Newsroom.time(60))
            #expect(after.items.map(\.correction.note) == ["Tăng trưởng là 5,33%, không phải 5,5%"])
            #expect(after.totalCount == 1)
            #expect(try await room.store.corrections(articleID: other.id).count == 1)
        }
    }












}

/// Refusals, each with the state it is tried in.
enum DenialCase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case reporterApproves, copyDeskPublishes, outsideSections, scheduleInPast, correctDraft, otherReporterEdits
    case reporterSubmitsOthers, returnWithoutNote, publishDraft, takedownDraft

    var testDescription: String { rawValue }

    var code: String {
        switch self {
        case .reporterApproves, .copyDeskPublishes, .otherReporterEdits, .reporterSubmitsOthers: "not-permitted"
        case .outsideSections: "outside-sections"
        case .scheduleInPast: "time-in-past"
        case .correctDraft, .publishDraft, .takedownDraft: "wrong-state"
        case .returnWithoutNote: "note-required"
        }
    }

    func prepare(_ room: Newsroom) async throws -> EditorialArticle {
        switch self {
        case .reporterApproves, .outsideSections, .returnWithoutNote:
            let article = try await room.create("Bài chờ biên tập")
            return try await room.act(.submit, article.id, by: room.reporter)
        case .copyDeskPublishes, .scheduleInPast:
            return try await room.approved("Bài chờ xuất bản")
        case .correctDraft, .otherReporterEdits, .reporterSubmitsOthers, .publishDraft, .takedownDraft:
            return try await room.create("Bài nháp")
        }
    }

    func attempt(_ room: Newsroom, _ article: EditorialArticle) async throws -> EditorialArticle {
        switch self {
        case .reporterApproves: try await room.act(.approve, article.id, by: room.reporter)
        case .copyDeskPublishes: try await room.act(.publish, article.id, by: room.copyDesk)
        case .outsideSections: try await room.act(.approve, article.id, by: room.economyEditor)
        case .scheduleInPast: try await room.act(.schedule, article.id, by: room.editorInChief, at: Newsroom.time(-1))
        case .correctDraft: try await room.act(.correct, article.id, by: room.editorInChief, note: "Cải chính")
        case .otherReporterEdits: try await room.save(article, by: room.otherReporter, title: "Không phải bài của tôi")
        case .reporterSubmitsOthers: try await room.act(.submit, article.id, by: room.otherReporter)
        case .returnWithoutNote: try await room.act(.return, article.id, by: room.sectionEditor)
        case .publishDraft: try await room.act(.publish, article.id, by: room.editorInChief)
        case .takedownDraft: try await room.act(.takedown, article.id, by: room.editorInChief, note: "Gỡ")
        }
    }
}
