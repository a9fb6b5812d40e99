import Foundation
import NewsDomain
import Testing

/// People and articles shared by the workflow tests: article in section 10, written by user 1.
enum WorkflowFixture {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)
    static let later = now.addingTimeInterval(3600)
    static let section = SectionID(10)

    static let reporter = WorkflowActor(userID: 1, roles: [.reporter])
    static let otherReporter = WorkflowActor(userID: 2, roles: [.reporter])
    static let sectionEditor = WorkflowActor(userID: 3, roles: [.sectionEditor])
    static let limitedElsewhere = WorkflowActor(userID: 5, roles: [.sectionEditor], sectionLimits: [SectionID(20)])
    static let copyDesk = WorkflowActor(userID: 6, roles: [.copyDesk])
    static let editorInChief = WorkflowActor(userID: 7, roles: [.editorInChief])
    static let administrator = WorkflowActor(userID: 8, roles: [.administrator])

    static func article(_ status: ArticleStatus, revision: RevisionStage? = nil) -> WorkflowSubject {
        WorkflowSubject(status: status, revision: revision, sectionID: section, authorUserID: 1)
    }
}

extension Workflow {
    /// Decides with the fixture clock, failing the test on a denial.
    func take(
        _ action: WorkflowAction, by actor: WorkflowActor, on subject: WorkflowSubject, note: String? = nil,
        at: Date? = nil
    ) throws -> WorkflowTransition {
        try decide(action, by: actor, on: subject, note: note, at: at, now: WorkflowFixture.now).get()
    }

    /// The denial code of an action, or nil when it was permitted.
    func denial(
        _ action: WorkflowAction, by actor: WorkflowActor, on subject: WorkflowSubject, note: String? = nil, at: Date? = nil
    ) -> String? {
        switch decide(action, by: actor, on: subject, note: note, at: at, now: WorkflowFixture.now) {
        case .success: nil
        case .failure(let denial): denial.code
        }
    }
}

extension WorkflowSubject {
    /// The same article after a transition.
    func applying(_ transition: WorkflowTransition) -> WorkflowSubject {
        var next = self
        next.status = transition.to.status
        next.revision = transition.to.revision
        return next
    }

    /// The same article in another state.
    func applying(_ state: WorkflowState) -> WorkflowSubject {
        var next = self
        next.status = state.status
        next.revision = state.revision
        return next
    }
}

@Suite("Workflow: roles and policies")
struct WorkflowPolicyTests {
    @Test("roles have stable names, Vietnamese labels and editorial ranks")
    func roles() {
        #expect(Role.allCases.map(\.rawValue) == ["phong-vien", "bien-tap-vien", "thu-ky-toa-soan", "tong-bien-tap", "quan-tri"])
        #expect(Role.allCases.map(\.label) == ["Phóng viên", "Biên tập viên", "Thư ký tòa soạn", "Tổng biên tập", "Quản trị"])
        #expect(Role.allCases.map(\.editorialRank) == [0, 1, 2, 3, nil])
    }

    @Test("the standard chain is biên tập viên → thư ký tòa soạn → tổng biên tập")
    func standard() throws {
        #expect(WorkflowPolicy.standard.levels == [.sectionEditor, .copyDesk, .editorInChief])
        #expect(try WorkflowPolicy(parsing: "bien-tap-vien, thu-ky-toa-soan,tong-bien-tap") == .standard)
        #expect(WorkflowPolicy.standard.description == "bien-tap-vien,thu-ky-toa-soan,tong-bien-tap")
        #expect(try WorkflowPolicy(levels: [.editorInChief]).levels == [.editorInChief])
        #expect(try WorkflowPolicy(levels: [.sectionEditor, .editorInChief]).levels.count == 2)
    }

    @Test(
        "invalid chains are refused on field workflow.levels",
        arguments: [
            [], [.sectionEditor, .copyDesk, .editorInChief, .editorInChief], [.copyDesk, .sectionEditor],
            [.sectionEditor, .sectionEditor], [.reporter, .editorInChief], [.administrator], [.sectionEditor, .administrator],
        ] as [[Role]]
    )
    func invalid(levels: [Role]) {
        #expect(throws: DomainError.self) { try WorkflowPolicy(levels: levels) }
        do {
            _ = try WorkflowPolicy(levels: levels)
        } catch {
            #expect(error.field == "workflow.levels")
            #expect(error.code == "invalid")
        }
    }

    @Test("an unknown role name in the configuration is refused")
    func unknownName() {
        #expect(throws: DomainError.self) { try WorkflowPolicy(parsing: "bien-tap-vien,editor") }
        #expect(throws: DomainError.self) { try WorkflowPolicy(parsing: "") }
    }
}

@Suite("Workflow: chains of one and two levels")
struct WorkflowShortChainTests {
    typealias F = WorkflowFixture

    @Test("one level (editor-in-chief): submit goes straight to approved, then publish")
    func oneLevel() throws {
        let workflow = Workflow(policy: try WorkflowPolicy(levels: [.editorInChief]))
        var article = F.article(.draft)
        let submit = try workflow.take(.submit, by: F.reporter, on: article)
        #expect(submit.to == WorkflowState(.approved))
        article = article.applying(submit)
        #expect(workflow.waitsFor(F.editorInChief, article))
        #expect(!workflow.waitsFor(F.copyDesk, article))
        #expect(workflow.denial(.approve, by: F.editorInChief, on: article) == "wrong-state")
        #expect(workflow.denial(.publish, by: F.copyDesk, on: article) == "not-permitted")
        #expect(workflow.denial(.return, by: F.sectionEditor, on: article, note: "x") == "not-permitted")
        let publish = try workflow.take(.publish, by: F.editorInChief, on: article)
        #expect(publish.to == WorkflowState(.published))
        #expect(publish.makesLive)
        // Only the editor-in-chief edits: a copy desk acts at no level here.
        #expect(workflow.afterEdit(by: F.copyDesk, on: F.article(.approved)).failureCode == "not-permitted")
        #expect(workflow.afterEdit(by: F.editorInChief, on: F.article(.published)) == .success(WorkflowState(.published, revision: .approved)))
    }

    @Test("one level (section editor): the section editor publishes, but only in their sections")
    func oneLevelSectionEditor() throws {
        let workflow = Workflow(policy: try WorkflowPolicy(levels: [.sectionEditor]))
        let article = F.article(.draft).applying(try workflow.take(.submit, by: F.reporter, on: F.article(.draft)))
        #expect(article.status == .approved)
        #expect(workflow.denial(.publish, by: F.limitedElsewhere, on: article) == "outside-sections")
        #expect(try workflow.take(.schedule, by: F.sectionEditor, on: article, at: F.later).to == WorkflowState(.scheduled))
        #expect(try workflow.take(.publish, by: F.sectionEditor, on: article).makesLive)
        // Taking down and republishing stay with the editor-in-chief; correcting needs the copy desk.
        let live = F.article(.published)
        #expect(workflow.denial(.takedown, by: F.sectionEditor, on: live, note: "x") == "not-permitted")
        #expect(workflow.denial(.correct, by: F.sectionEditor, on: live, note: "x") == "not-permitted")
    }

    @Test("two levels: submitted → approved → published; the copy desk approves level 1 but cannot publish")
    func twoLevels() throws {
        let workflow = Workflow(policy: try WorkflowPolicy(levels: [.sectionEditor, .editorInChief]))
        var article = F.article(.draft)
        article = article.applying(try workflow.take(.submit, by: F.reporter, on: article))
        #expect(article.status == .submitted)
        #expect(workflow.waitingLevel(of: article) == 1)
        #expect(workflow.waitsFor(F.sectionEditor, article))
        #expect(workflow.waitsFor(F.copyDesk, article))
        let approve = try workflow.take(.approve, by: F.copyDesk, on: article)
        #expect(approve.to == WorkflowState(.approved))
        #expect(approve.actingRole == .copyDesk)
        article = article.applying(approve)
        #expect(workflow.denial(.approve, by: F.editorInChief, on: article) == "wrong-state")
        #expect(workflow.denial(.publish, by: F.copyDesk, on: article) == "not-permitted")
        #expect(!workflow.waitsFor(F.sectionEditor, article))
        let publish = try workflow.take(.publish, by: F.editorInChief, on: article)
        #expect(publish.to == WorkflowState(.published) && publish.makesLive)
        // A section editor's edit of an approved article: level min(2, 1 + 1) = 2 is the last, so it stays approved.
        #expect(workflow.afterEdit(by: F.sectionEditor, on: F.article(.approved)) == .success(WorkflowState(.approved)))
        #expect(workflow.afterEdit(by: F.sectionEditor, on: F.article(.published)) == .success(WorkflowState(.published, revision: .approved)))
    }

    @Test("two levels without section editors: a section editor can neither approve nor edit")
    func twoLevelsCopyDesk() throws {
        let workflow = Workflow(policy: try WorkflowPolicy(levels: [.copyDesk, .editorInChief]))
        let article = F.article(.submitted)
        #expect(workflow.denial(.approve, by: F.sectionEditor, on: article) == "not-permitted")
        #expect(workflow.afterEdit(by: F.sectionEditor, on: article).failureCode == "not-permitted")
        #expect(workflow.denial(.approve, by: F.limitedElsewhere, on: article) == "not-permitted")
        #expect(try workflow.take(.approve, by: F.copyDesk, on: article).to == WorkflowState(.approved))
    }

    @Test("a stage the policy no longer uses counts as the nearest level")
    func staleStages() throws {
        let two = Workflow(policy: try WorkflowPolicy(levels: [.sectionEditor, .editorInChief]))
        #expect(two.waitingLevel(of: F.article(.edited)) == 2)
        #expect(try two.take(.publish, by: F.editorInChief, on: F.article(.edited)).makesLive)
        let one = Workflow(policy: try WorkflowPolicy(levels: [.editorInChief]))
        #expect(one.waitingLevel(of: F.article(.submitted)) == 1)
        #expect(try one.take(.publish, by: F.editorInChief, on: F.article(.submitted)).to == WorkflowState(.published))
        #expect(one.denial(.approve, by: F.editorInChief, on: F.article(.edited)) == "wrong-state")
    }
}

@Suite("Workflow: a change after approval needs approval again")
struct WorkflowReapprovalTests {
    typealias F = WorkflowFixture
    let workflow = Workflow()

    func edit(_ actor: WorkflowActor, _ status: ArticleStatus, revision: RevisionStage? = nil) -> Result<WorkflowState, WorkflowDenial> {
        workflow.afterEdit(by: actor, on: F.article(status, revision: revision))
    }

    @Test("a reporter edits their own draft or returned article, and nothing else")
    func reporter() {
        #expect(edit(F.reporter, .draft) == .success(WorkflowState(.draft)))
        #expect(edit(F.reporter, .returned) == .success(WorkflowState(.returned)))
        #expect(edit(F.reporter, .submitted).failureCode == "not-permitted")
        #expect(edit(F.reporter, .approved).failureCode == "not-permitted")
        #expect(edit(F.otherReporter, .draft).failureCode == "not-permitted")
    }

    @Test("a reporter starts and continues a revision of their published article")
    func reporterRevision() {
        #expect(edit(F.reporter, .published) == .success(WorkflowState(.published, revision: .draft)))
        #expect(edit(F.reporter, .published, revision: .draft) == .success(WorkflowState(.published, revision: .draft)))
        #expect(edit(F.reporter, .published, revision: .returned) == .success(WorkflowState(.published, revision: .returned)))
        #expect(edit(F.reporter, .published, revision: .submitted).failureCode == "not-permitted")
    }

    @Test("a section editor's edit waits for the copy desk again, at most")
    func sectionEditor() {
        #expect(edit(F.sectionEditor, .draft) == .success(WorkflowState(.draft)))
        #expect(edit(F.sectionEditor, .returned) == .success(WorkflowState(.returned)))
        #expect(edit(F.sectionEditor, .submitted) == .success(WorkflowState(.submitted)))
        #expect(edit(F.sectionEditor, .edited) == .success(WorkflowState(.edited)))
        #expect(edit(F.sectionEditor, .approved) == .success(WorkflowState(.edited)))
        #expect(edit(F.sectionEditor, .scheduled) == .success(WorkflowState(.edited)))
        #expect(edit(F.sectionEditor, .published) == .success(WorkflowState(.published, revision: .edited)))
        #expect(edit(F.limitedElsewhere, .submitted).failureCode == "outside-sections")
    }

    @Test("the copy desk's edit of an approved article stays approved; below them nothing changes")
    func copyDesk() {
        #expect(edit(F.copyDesk, .approved) == .success(WorkflowState(.approved)))
        #expect(edit(F.copyDesk, .edited) == .success(WorkflowState(.edited)))
        #expect(edit(F.copyDesk, .submitted) == .success(WorkflowState(.submitted)))
        #expect(edit(F.copyDesk, .published) == .success(WorkflowState(.published, revision: .approved)))
    }

    @Test("editing a scheduled article drops the schedule: approved again (edited when a section editor changed it)")
    func scheduled() {
        #expect(edit(F.editorInChief, .scheduled) == .success(WorkflowState(.approved)))
        #expect(edit(F.copyDesk, .scheduled) == .success(WorkflowState(.approved)))
        #expect(edit(F.sectionEditor, .scheduled) == .success(WorkflowState(.edited)))
    }

    @Test("the editor-in-chief's own edit of a live article is a revision ready for him to publish")
    func editorInChief() {
        #expect(edit(F.editorInChief, .published) == .success(WorkflowState(.published, revision: .approved)))
        #expect(edit(F.editorInChief, .published, revision: .submitted) == .success(WorkflowState(.published, revision: .submitted)))
    }

    @Test("nobody edits a taken-down article; administrators and people without roles edit nothing")
    func notEditable() {
        for actor in [F.reporter, F.sectionEditor, F.copyDesk, F.editorInChief, F.administrator] {
            #expect(edit(actor, .takenDown).failureCode == "wrong-state")
        }
        let authorWithoutRole = WorkflowActor(userID: 1, roles: [])
        #expect(edit(authorWithoutRole, .draft).failureCode == "not-permitted")
        #expect(edit(F.administrator, .draft).failureCode == "not-permitted")
        #expect(edit(WorkflowActor(userID: 1, roles: [.administrator, .reporter]), .draft) == .success(WorkflowState(.draft)))
    }

    @Test("the full cycle: approved, edited by a section editor, approved again by the copy desk")
    func cycle() throws {
        var article = F.article(.approved)
        article = article.applying(try edit(F.sectionEditor, .approved).get())
        #expect(article.status == .edited)
        #expect(workflow.waitsFor(F.copyDesk, article))
        article = article.applying(try workflow.take(.approve, by: F.copyDesk, on: article))
        #expect(article.status == .approved)
    }
}

@Suite("Workflow: revising a published article keeps it online")
struct WorkflowRevisionTests {
    typealias F = WorkflowFixture
    let workflow = Workflow()

    @Test("a revision walks every level while the article stays published, then goes live")
    func walk() throws {
        var article = F.article(.published)
        article = article.applying(try workflow.afterEdit(by: F.reporter, on: article).get())
        #expect(article.state == WorkflowState(.published, revision: .draft))
        #expect(workflow.availableActions(for: F.reporter, on: article) == [.submit])

        let steps: [(WorkflowAction, WorkflowActor, RevisionStage?)] = [
            (.submit, F.reporter, .submitted), (.approve, F.sectionEditor, .edited), (.approve, F.copyDesk, .approved),
            (.publish, F.editorInChief, nil),
        ]
        for (action, actor, stage) in steps {
            #expect(workflow.waitsFor(actor, article) == (action != .submit))
            let transition = try workflow.take(action, by: actor, on: article)
            #expect(transition.to == WorkflowState(.published, revision: stage))
            #expect(transition.makesLive == (action == .publish))
            article = article.applying(transition)
        }
        #expect(article.state == WorkflowState(.published))
    }

    @Test("a returned revision leaves the live version online; the author resubmits")
    func returned() throws {
        var article = F.article(.published, revision: .edited)
        let back = try workflow.take(.return, by: F.copyDesk, on: article, note: "Kiểm tra lại số liệu")
        #expect(back.to == WorkflowState(.published, revision: .returned))
        #expect(!back.makesLive)
        article = article.applying(back)
        #expect(try workflow.take(.submit, by: F.reporter, on: article).to == WorkflowState(.published, revision: .submitted))
    }

    @Test("withdrawing a published article leaves its working revision where it stood")
    func withdrawWithRevision() throws {
        let transition = try workflow.take(.unpublish, by: F.editorInChief, on: F.article(.published, revision: .submitted), note: "Rút")
        #expect(transition.to == WorkflowState(.submitted))
        #expect(!transition.makesLive)
    }

    @Test("takedown freezes a revision; republishing restores the live version and the revision")
    func takedownWithRevision() throws {
        let down = try workflow.take(.takedown, by: F.editorInChief, on: F.article(.published, revision: .edited), note: "Sai sự thật")
        #expect(down.to == WorkflowState(.takenDown, revision: .edited))
        let frozen = F.article(.published, revision: .edited).applying(down)
        #expect(workflow.availableActions(for: F.copyDesk, on: frozen).isEmpty)
        #expect(!workflow.waitsFor(F.copyDesk, frozen))
        #expect(workflow.availableActions(for: F.editorInChief, on: frozen) == [.publish])
        let back = try workflow.take(.publish, by: F.editorInChief, on: frozen, note: "Đã xác minh")
        #expect(back.to == WorkflowState(.published, revision: .edited))
        #expect(!back.makesLive)
    }

    @Test("a revision on an article that was never published is refused as a wrong state")
    func inconsistent() {
        let broken = F.article(.draft, revision: .submitted)
        #expect(!broken.isConsistent)
        for action in WorkflowAction.allCases {
            #expect(workflow.denial(action, by: F.editorInChief, on: broken, note: "x", at: F.later) == "wrong-state")
        }
        #expect(workflow.afterEdit(by: F.editorInChief, on: broken).failureCode == "wrong-state")
        #expect(workflow.availableActions(for: F.editorInChief, on: broken).isEmpty)
        #expect(!workflow.waitsFor(F.editorInChief, broken))
    }
}

@Suite("Workflow: notes and times")
struct WorkflowNoteAndTimeTests {
    typealias F = WorkflowFixture
    let workflow = Workflow()

    @Test(
        "a note is required to return, withdraw, correct, take down and republish",
        arguments: [
            (WorkflowAction.return, ArticleStatus.submitted), (.return, .scheduled), (.unpublish, .published), (.correct, .published),
            (.takedown, .published), (.takedown, .scheduled), (.publish, .takenDown),
        ]
    )
    func noteRequired(action: WorkflowAction, status: ArticleStatus) throws {
        let article = F.article(status)
        for note in [nil, "", "  \n\t "] as [String?] {
            let result = workflow.decide(action, by: F.editorInChief, on: article, note: note, at: nil, now: F.now)
            #expect(result.failureCode == "note-required")
            #expect(result.failureField == "note")
        }
        let transition = try workflow.take(action, by: F.editorInChief, on: article, note: "  Sai tên nhân vật \n")
        #expect(transition.noteRequired)
        #expect(transition.note == "Sai tên nhân vật")
    }

    @Test("the message for a missing return note is Vietnamese")
    func message() {
        let result = workflow.decide(.return, by: F.sectionEditor, on: F.article(.submitted), note: " ", at: nil, now: F.now)
        #expect(result.failureMessage == "Cần ghi lý do khi trả lại bài")
        let refused = workflow.decide(.approve, by: F.reporter, on: F.article(.submitted), note: nil, at: nil, now: F.now)
        #expect(refused.failureMessage == "Bạn không có quyền duyệt bài ở bước này")
    }

    @Test("other actions take an optional note; a blank one is dropped")
    func optionalNote() throws {
        #expect(try workflow.take(.submit, by: F.reporter, on: F.article(.draft)).noteRequired == false)
        #expect(try workflow.take(.approve, by: F.sectionEditor, on: F.article(.submitted), note: "  ").note == nil)
        #expect(try workflow.take(.approve, by: F.sectionEditor, on: F.article(.submitted), note: " Tốt ").note == "Tốt")
        #expect(try workflow.take(.unpublish, by: F.editorInChief, on: F.article(.scheduled)).to == WorkflowState(.approved))
    }

    @Test("the person is checked before the note, the state before the person")
    func order() {
        #expect(workflow.denial(.return, by: F.reporter, on: F.article(.submitted)) == "not-permitted")
        #expect(workflow.denial(.return, by: F.limitedElsewhere, on: F.article(.submitted)) == "outside-sections")
        #expect(workflow.denial(.return, by: F.reporter, on: F.article(.draft)) == "wrong-state")
        #expect(workflow.denial(.schedule, by: F.copyDesk, on: F.article(.approved)) == "not-permitted")
    }

    @Test("scheduling needs a time in the future")
    func schedule() throws {
        let article = F.article(.approved)
        let missing = workflow.decide(.schedule, by: F.editorInChief, on: article, note: nil, at: nil, now: F.now)
        #expect(missing.failureCode == "time-required")
        #expect(missing.failureField == "at")
        #expect(workflow.denial(.schedule, by: F.editorInChief, on: article, at: F.now) == "time-in-past")
        let past = workflow.decide(.schedule, by: F.editorInChief, on: article, note: nil, at: F.now.addingTimeInterval(-60), now: F.now)
        #expect(past.failureCode == "time-in-past")
        #expect(past.failureMessage == "Thời điểm hẹn giờ phải ở tương lai")
        let transition = try workflow.take(.schedule, by: F.editorInChief, on: article, at: F.later)
        #expect(transition.scheduledAt == F.later)
        #expect(transition.to == WorkflowState(.scheduled))
        // A time given to another action is not carried.
        #expect(try workflow.take(.publish, by: F.editorInChief, on: article, at: F.later).scheduledAt == nil)
    }

    @Test("the scheduler publishes a scheduled article and nothing else")
    func scheduler() throws {
        let transition = try workflow.publishScheduled(F.article(.scheduled)).get()
        #expect(transition.to == WorkflowState(.published))
        #expect(transition.makesLive)
        #expect(transition.actingRole == nil)
        #expect(workflow.publishScheduled(F.article(.approved)).failureCode == "wrong-state")
    }
}

@Suite("Workflow: buttons and dashboards")
struct WorkflowDashboardTests {
    typealias F = WorkflowFixture
    let workflow = Workflow()

    @Test("the actions offered to each person")
    func available() {
        #expect(workflow.availableActions(for: F.reporter, on: F.article(.draft)) == [.submit])
        #expect(workflow.availableActions(for: F.otherReporter, on: F.article(.draft)).isEmpty)
        #expect(workflow.availableActions(for: F.sectionEditor, on: F.article(.submitted)) == [.return, .approve])
        #expect(workflow.availableActions(for: F.limitedElsewhere, on: F.article(.submitted)).isEmpty)
        #expect(workflow.availableActions(for: F.editorInChief, on: F.article(.approved)) == [.return, .publish, .schedule])
        #expect(workflow.availableActions(for: F.editorInChief, on: F.article(.published)) == [.unpublish, .correct, .takedown])
        #expect(workflow.availableActions(for: F.copyDesk, on: F.article(.published)) == [.correct])
        #expect(workflow.availableActions(for: F.administrator, on: F.article(.submitted)).isEmpty)
    }

    @Test("an article waits for everyone who can act at its level, and for nobody when it waits at none")
    func waits() {
        let submitted = F.article(.submitted)
        #expect(workflow.waitsFor(F.sectionEditor, submitted))
        #expect(workflow.waitsFor(F.copyDesk, submitted))
        #expect(!workflow.waitsFor(F.limitedElsewhere, submitted))
        #expect(!workflow.waitsFor(F.reporter, submitted))
        #expect(!workflow.waitsFor(F.administrator, submitted))
        #expect(!workflow.waitsFor(F.sectionEditor, F.article(.edited)))
        #expect(workflow.waitsFor(F.copyDesk, F.article(.edited)))
        #expect(!workflow.waitsFor(F.copyDesk, F.article(.approved)))
        #expect(workflow.waitsFor(F.editorInChief, F.article(.approved)))
        #expect(workflow.waitsFor(F.copyDesk, F.article(.published, revision: .edited)))
        for status in [ArticleStatus.draft, .returned, .scheduled, .published, .takenDown] {
            #expect(!workflow.waitsFor(F.editorInChief, F.article(status)))
        }
    }

    @Test("levels for dashboards: where an article waits, and how high a person reaches")
    func levels() throws {
        #expect(workflow.waitingLevel(of: F.article(.submitted)) == 1)
        #expect(workflow.waitingLevel(of: F.article(.edited)) == 2)
        #expect(workflow.waitingLevel(of: F.article(.published, revision: .approved)) == 3)
        #expect(workflow.waitingLevel(of: F.article(.scheduled)) == nil)
        #expect(workflow.highestLevel(of: F.copyDesk, on: F.article(.draft)) == 2)
        #expect(workflow.highestLevel(of: F.limitedElsewhere, on: F.article(.draft)) == nil)
        #expect(workflow.highestLevel(of: F.reporter, on: F.article(.draft)) == nil)
        let both = WorkflowActor(userID: 9, roles: [.sectionEditor, .copyDesk], sectionLimits: [SectionID(20)])
        #expect(workflow.highestLevel(of: both, on: F.article(.draft)) == 2)
        #expect(try workflow.take(.approve, by: both, on: F.article(.submitted)).actingRole == .copyDesk)
    }

    @Test("states describe themselves for the audit log and for people")
    func labels() {
        #expect(WorkflowState(.published, revision: .edited).description == "published/edited")
        #expect(WorkflowState(.takenDown).description == "taken-down")
        #expect(WorkflowState(.published, revision: .edited).label == "Đã xuất bản (bản sửa: Chờ duyệt)")
        #expect(WorkflowAction.allCases.map(\.label).count == Set(WorkflowAction.allCases.map(\.label)).count)
    }
}

extension Result where Failure == WorkflowDenial {
    var failureCode: String? { if case .failure(let denial) = self { denial.code } else { nil } }
    var failureField: String? { if case .failure(let denial) = self { denial.field } else { nil } }
    var failureMessage: String? { if case .failure(let denial) = self { denial.message } else { nil } }
}
