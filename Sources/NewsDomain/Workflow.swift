import Foundation

/// The newsroom's approval workflow: one pure state machine that decides every action and edit from the actor's roles and the article's state.
///
/// ## Levels
/// The policy names n approval levels (1…3; standard: 1 biên tập viên, 2 thư ký tòa soạn, 3 tổng biên tập); the last
/// level publishes. An article *waiting at level i* has status `approved` if i = n, `submitted` if i = 1 < n, and
/// `edited` otherwise. A stage the policy does not use (the policy changed while articles waited) counts as the nearest
/// level: `submitted` → 1, `edited` → min(2, n), `approved` → n.
///
/// An actor *can act at level i* when one of their roles ranks at least as high as the level's role (`editorialRank`);
/// a section editor whose sections are limited qualifies only for articles in those sections (copy desk and
/// editor-in-chief are never limited). Reporters and administrators act at no level. The *author* is an actor whose
/// user id is the article's author's and who holds an editorial role (reporter or above): a user without one can do
/// nothing, not even to their own articles.
///
/// A published article may carry a working revision whose `RevisionStage` moves through the same levels while the
/// live version stays online. The *working stage* is the revision's stage for a published article, the status otherwise.
///
/// ## Actions
/// Checked in this order: the state (`wrong-state`), then the person (`not-permitted`, or `outside-sections` when
/// only their section limits stand in the way), then the note (`note-required`), then the time (`time-required`,
/// `time-in-past`).
///
/// | action    | applies to                                 | who               | result                                                         | note     |
/// |-----------|--------------------------------------------|-------------------|----------------------------------------------------------------|----------|
/// | submit    | working stage draft or returned            | author or level 1 | waiting at level 1 (n = 1: approved)                           | –        |
/// | approve   | working stage waiting at level i < n       | level i           | waiting at level i + 1                                         | –        |
/// | return    | working stage waiting at level i           | level i           | returned; for a revision the live version stays online         | required |
/// | return    | scheduled                                  | level n           | returned                                                       | required |
/// | publish   | working stage waiting at level n           | level n           | published, revision nil, makesLive                             | –        |
/// | publish   | scheduled ("publish now")                  | level n           | published, makesLive                                           | –        |
/// | publish   | taken down (republish)                     | editor-in-chief   | published, revision kept; makesLive only without a revision    | required |
/// | schedule  | status waiting at level n (no revision)    | level n           | scheduled; `at` required and after `now`                       | –        |
/// | unpublish | scheduled (cancel the schedule)            | level n           | approved                                                       | –        |
/// | unpublish | published (withdraw from the site)         | level n           | status = working stage (no revision: approved), revision nil   | required |
/// | correct   | published                                  | rank ≥ copy desk  | unchanged (a correction note is attached)                      | required |
/// | takedown  | published or scheduled                     | editor-in-chief   | taken down, revision kept as it was                            | required |
///
/// Anything else is `wrong-state`; so is every action on a subject carrying a revision while neither published nor
/// taken down. Notes are optional where not required and are always trimmed.
///
/// ## Edits (`afterEdit`): a change after approval needs approval again
/// L is the highest level the editor can act at for this article; c the level the working stage waits at.
///
/// | who          | draft / returned | waiting at c          | scheduled                  | published, no revision     | taken down    |
/// |--------------|------------------|-----------------------|----------------------------|----------------------------|---------------|
/// | editor (L)   | unchanged        | waits at min(c, L+1)  | waiting at min(n, L+1)     | revision at min(n, L+1)    | `wrong-state` |
/// | author       | unchanged        | `not-permitted`       | `not-permitted`            | revision draft             | `wrong-state` |
///
/// Anyone else gets `not-permitted`, or `outside-sections` when only their section limits stand in the way.
/// Revisions follow the same columns by their stage. Every level above the editor approves again, none below; an
/// edited schedule is dropped.
///
/// ## What storage relies on
/// `revision == nil` exactly when the working version is the live one (or nothing has been live yet). `makesLive`
/// means "the working version becomes the live one". Readers see the live version only while the status is published.
public struct Workflow: Sendable {
    /// The approval chain this machine enforces.
    public let policy: WorkflowPolicy

    /// Creates the machine for a chain of approval levels.
    public init(policy: WorkflowPolicy = .standard) {
        self.policy = policy
    }

    // MARK: Deciding

    /// Decides `action` by `actor` on `subject`; `note` (trimmed) and `at` (for schedule) are the request's; `now` for time checks.
    public func decide(
        _ action: WorkflowAction, by actor: WorkflowActor, on subject: WorkflowSubject, note: String?, at: Date?, now: Date
    ) -> Result<WorkflowTransition, WorkflowDenial> {
        guard let rule = rule(for: action, on: subject) else { return .failure(.wrongState(action, subject)) }
        let role: Role
        switch authorise(actor, rule.requirement, on: subject, action: action) {
        case .success(let granted): role = granted
        case .failure(let denial): return .failure(denial)
        }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        let givenNote = note?.isEmpty == false ? note : nil
        if rule.noteRequired, givenNote == nil { return .failure(.noteRequired(action)) }
        var scheduledAt: Date?
        if action == .schedule {
            guard let at else { return .failure(.timeRequired) }
            guard at > now else { return .failure(.timeInPast) }
            scheduledAt = at
        }
        return .success(
            WorkflowTransition(
                action: action, from: subject.state, to: rule.to, makesLive: rule.makesLive, noteRequired: rule.noteRequired,
                note: givenNote, scheduledAt: scheduledAt, actingRole: role
            )
        )
    }

    /// The transition the scheduler applies, acting for no person, when a scheduled article's time has come.
    public func publishScheduled(_ subject: WorkflowSubject) -> Result<WorkflowTransition, WorkflowDenial> {
        guard subject.status == .scheduled, subject.isConsistent else { return .failure(.wrongState(.publish, subject)) }
        return .success(
            WorkflowTransition(action: .publish, from: subject.state, to: WorkflowState(.published), makesLive: true, noteRequired: false)
        )
    }

    /// The state after `actor` saves an edit (every level above them must approve again), or a denial when they may not edit it at all.
    public func afterEdit(by actor: WorkflowActor, on subject: WorkflowSubject) -> Result<WorkflowState, WorkflowDenial> {
        guard subject.isConsistent else { return .failure(.invalidState) }
        guard subject.status != .takenDown else { return .failure(.notEditable) }
        if let state = editedState(by: actor, on: subject) { return .success(state) }
        if editedState(by: actor.unlimited, on: subject) != nil { return .failure(.outsideSections) }
        return .failure(.editNotPermitted)
    }

    /// The actions `actor` may take now (for buttons and the dashboard), in `WorkflowAction.allCases` order; notes and times are not checked.
    public func availableActions(for actor: WorkflowActor, on subject: WorkflowSubject) -> [WorkflowAction] {
        WorkflowAction.allCases.filter { action in
            guard let rule = rule(for: action, on: subject) else { return false }
            return actingRole(actor, rule.requirement, on: subject) != nil
        }
    }

    /// Whether this article waits for this actor (their dashboard): the level it waits at is one they can act at.
    public func waitsFor(_ actor: WorkflowActor, _ subject: WorkflowSubject) -> Bool {
        guard let level = waitingLevel(of: subject) else { return false }
        return role(of: actor, atLevel: level, section: subject.sectionID) != nil
    }

    /// The approval level (1…n) the article's working stage waits at; nil for draft, returned, scheduled, live without a revision, or taken down.
    public func waitingLevel(of subject: WorkflowSubject) -> Int? {
        workingStage(of: subject).flatMap(level(of:))
    }

    /// The highest approval level `actor` can act at for this article's section; nil when they act at none.
    public func highestLevel(of actor: WorkflowActor, on subject: WorkflowSubject) -> Int? {
        (1...finalLevel).last { role(of: actor, atLevel: $0, section: subject.sectionID) != nil }
    }

    // MARK: Rules

    /// Who may take an action that applies.
    private enum Requirement {
        /// Someone who can act at this level.
        case level(Int)
        /// The author, or someone who can act at level 1.
        case authorOrFirstLevel
        /// Someone holding a role of at least this rank, in any section.
        case rank(Int)
        /// Someone holding exactly this role.
        case role(Role)
    }

    /// What an action does in a state where it applies.
    private struct Rule {
        var requirement: Requirement
        var to: WorkflowState
        var makesLive = false
        var noteRequired = false
    }

    private var finalLevel: Int { policy.levels.count }

    /// The rule for `action` in the subject's state, or nil when the action does not apply there.
    private func rule(for action: WorkflowAction, on subject: WorkflowSubject) -> Rule? {
        guard subject.isConsistent else { return nil }
        let working = workingStage(of: subject)
        let waiting = working.flatMap(level(of:))
        let last = finalLevel
        switch action {
        case .submit:
            guard working == .draft || working == .returned else { return nil }
            return Rule(requirement: .authorOrFirstLevel, to: moving(subject, to: stage(atLevel: 1)))
        case .approve:
            guard let level = waiting, level < last else { return nil }
            return Rule(requirement: .level(level), to: moving(subject, to: stage(atLevel: level + 1)))
        case .return:
            if subject.status == .scheduled {
                return Rule(requirement: .level(last), to: WorkflowState(.returned), noteRequired: true)
            }
            guard let level = waiting else { return nil }
            return Rule(requirement: .level(level), to: moving(subject, to: .returned), noteRequired: true)
        case .publish:
            switch subject.status {
            case .takenDown:
                return Rule(
                    requirement: .role(.editorInChief), to: WorkflowState(.published, revision: subject.revision),
                    makesLive: subject.revision == nil, noteRequired: true
                )
            case .scheduled:
                return Rule(requirement: .level(last), to: WorkflowState(.published), makesLive: true)
            default:
                guard waiting == last else { return nil }
                return Rule(requirement: .level(last), to: WorkflowState(.published), makesLive: true)
            }
        case .schedule:
            guard subject.revision == nil, waiting == last else { return nil }
            return Rule(requirement: .level(last), to: WorkflowState(.scheduled))
        case .unpublish:
            switch subject.status {
            case .scheduled:
                return Rule(requirement: .level(last), to: WorkflowState(.approved))
            case .published:
                return Rule(requirement: .level(last), to: WorkflowState(subject.revision?.status ?? .approved), noteRequired: true)
            default:
                return nil
            }
        case .correct:
            guard subject.status == .published else { return nil }
            return Rule(requirement: .rank(Role.copyDesk.editorialRank ?? 2), to: subject.state, noteRequired: true)
        case .takedown:
            guard subject.status == .published || subject.status == .scheduled else { return nil }
            return Rule(
                requirement: .role(.editorInChief), to: WorkflowState(.takenDown, revision: subject.revision), noteRequired: true
            )
        }
    }

    /// The state after an edit by `actor`, or nil when they may not edit (the takenDown and consistency checks come first).
    private func editedState(by actor: WorkflowActor, on subject: WorkflowSubject) -> WorkflowState? {
        if let editorLevel = highestLevel(of: actor, on: subject) {
            let current: Int
            switch subject.status {
            case .scheduled:
                current = finalLevel
            case .published where subject.revision == nil:
                current = finalLevel
            default:
                guard let level = waitingLevel(of: subject) else { return subject.state }  // draft or returned
                current = level
            }
            let level = min(current, editorLevel + 1)
            if subject.status == .published { return WorkflowState(.published, revision: RevisionStage(stage(atLevel: level))) }
            return WorkflowState(stage(atLevel: level))
        }
        guard isAuthor(actor, of: subject) else { return nil }
        switch (subject.status, subject.revision) {
        case (.draft, _), (.returned, _), (.published, .draft?), (.published, .returned?):
            return subject.state
        case (.published, nil):
            return WorkflowState(.published, revision: .draft)
        default:
            return nil
        }
    }

    // MARK: Levels and people

    /// The stage the workflow moves: the revision's for a published article, the status otherwise; nil when nothing moves.
    private func workingStage(of subject: WorkflowSubject) -> ArticleStatus? {
        guard subject.isConsistent else { return nil }
        switch subject.status {
        case .draft, .submitted, .edited, .approved, .returned: return subject.status
        case .published: return subject.revision?.status
        case .scheduled, .takenDown: return nil
        }
    }

    /// The level a stage waits at, or nil for a stage that waits at none.
    private func level(of stage: ArticleStatus) -> Int? {
        switch stage {
        case .submitted: 1
        case .edited: min(2, finalLevel)
        case .approved: finalLevel
        case .draft, .returned, .scheduled, .published, .takenDown: nil
        }
    }

    /// The stage that waits at `level`.
    private func stage(atLevel level: Int) -> ArticleStatus {
        if level >= finalLevel { return .approved }
        return level == 1 ? .submitted : .edited
    }

    /// The subject's state with its working stage moved to `stage`: the revision's for a published article.
    private func moving(_ subject: WorkflowSubject, to stage: ArticleStatus) -> WorkflowState {
        guard subject.status == .published else { return WorkflowState(stage) }
        return WorkflowState(.published, revision: RevisionStage(stage))
    }

    /// The lowest of the actor's roles that lets them act at `level` for an article in `section`.
    private func role(of actor: WorkflowActor, atLevel level: Int, section: SectionID) -> Role? {
        let needed = policy.levels[level - 1].editorialRank ?? Int.max
        return actor.roles
            .filter { role in
                guard let rank = role.editorialRank, rank >= needed else { return false }
                guard role == .sectionEditor, let limits = actor.sectionLimits else { return true }
                return limits.contains(section)
            }
            .min { ($0.editorialRank ?? 0) < ($1.editorialRank ?? 0) }
    }

    /// Whether the actor wrote the article and holds an editorial role.
    private func isAuthor(_ actor: WorkflowActor, of subject: WorkflowSubject) -> Bool {
        subject.authorUserID == actor.userID && lowestEditorialRole(of: actor) != nil
    }

    private func lowestEditorialRole(of actor: WorkflowActor) -> Role? {
        actor.roles.filter { $0.editorialRank != nil }.min { ($0.editorialRank ?? 0) < ($1.editorialRank ?? 0) }
    }

    /// The role that grants `requirement` to the actor, or nil.
    private func actingRole(_ actor: WorkflowActor, _ requirement: Requirement, on subject: WorkflowSubject) -> Role? {
        switch requirement {
        case .level(let level):
            return role(of: actor, atLevel: level, section: subject.sectionID)
        case .authorOrFirstLevel:
            if let role = role(of: actor, atLevel: 1, section: subject.sectionID) { return role }
            return isAuthor(actor, of: subject) ? lowestEditorialRole(of: actor) : nil
        case .rank(let needed):
            return actor.roles.filter { ($0.editorialRank ?? -1) >= needed }.min { ($0.editorialRank ?? 0) < ($1.editorialRank ?? 0) }
        case .role(let role):
            return actor.roles.contains(role) ? role : nil
        }
    }

    /// The acting role, or the denial saying whether section limits or the roles themselves are why.
    private func authorise(
        _ actor: WorkflowActor, _ requirement: Requirement, on subject: WorkflowSubject, action: WorkflowAction
    ) -> Result<Role, WorkflowDenial> {
        if let role = actingRole(actor, requirement, on: subject) { return .success(role) }
        if actingRole(actor.unlimited, requirement, on: subject) != nil { return .failure(.outsideSections) }
        return .failure(.notPermitted(action, subject))
    }
}

extension WorkflowActor {
    /// The same person with their section limits lifted, to tell "not in your sections" from "not your role".
    fileprivate var unlimited: WorkflowActor {
        var actor = self
        actor.sectionLimits = nil
        return actor
    }
}
