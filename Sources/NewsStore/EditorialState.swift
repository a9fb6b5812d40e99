import Foundation
import NewsDomain

/// What a store's write path reads of an article before deciding anything, and the decisions that follow from it
/// alone: the same on every backend, so each store only reads the row (locked, on PostgreSQL) and writes the outcome.
public struct EditorialState: Sendable {
    public var id: ArticleID
    public var state: WorkflowState
    public var authorUserID: Int64?
    /// The section of the working version.
    public var sectionID: Int64
    public var currentVersionID: Int64
    public var currentNumber: Int
    public var currentSavedAt: Date
    public var currentSavedBy: String?
    public var publishedVersionID: Int64?
    public var scheduledAt: Date?

    /// Creates the state read from a stored row.
    public init(
        id: ArticleID, state: WorkflowState, authorUserID: Int64?, sectionID: Int64, currentVersionID: Int64,
        currentNumber: Int, currentSavedAt: Date, currentSavedBy: String?, publishedVersionID: Int64?, scheduledAt: Date?
    ) {
        self.id = id
        self.state = state
        self.authorUserID = authorUserID
        self.sectionID = sectionID
        self.currentVersionID = currentVersionID
        self.currentNumber = currentNumber
        self.currentSavedAt = currentSavedAt
        self.currentSavedBy = currentSavedBy
        self.publishedVersionID = publishedVersionID
        self.scheduledAt = scheduledAt
    }

    /// The article as the workflow sees it.
    public var subject: WorkflowSubject {
        WorkflowSubject(status: state.status, revision: state.revision, sectionID: SectionID(sectionID), authorUserID: authorUserID)
    }

    /// Whether readers see the live version now (editorial writes never set a future publication time).
    public var isVisible: Bool { state.status == .published && publishedVersionID != nil }

    /// Refuses a save based on anything but the newest version, naming who saved that one.
    public func requireBase(_ baseVersion: Int) throws(StaleVersion) {
        guard baseVersion == currentNumber else {
            throw StaleVersion(currentVersion: currentNumber, changedByName: currentSavedBy, changedAt: currentSavedAt)
        }
    }

    /// The state after `actor` edits the article, also moving it to `sectionID`: a move is decided in both sections,
    /// so that a section editor cannot push an article past another section's editor.
    public func stateAfterEdit(movingTo sectionID: Int64, actor: WorkflowActor, workflow: Workflow) throws -> WorkflowState {
        var state = try workflow.afterEdit(by: actor, on: subject).get()
        if sectionID != self.sectionID {
            var moved = subject
            moved.sectionID = SectionID(sectionID)
            state = try workflow.afterEdit(by: actor, on: moved).get()
        }
        return state
    }

    /// What a permitted transition does to what readers see.
    public struct ReaderEffect: Sendable, Equatable {
        /// Whether readers saw the article before, and see it after.
        public var visibleBefore: Bool
        public var visibleAfter: Bool
        /// The version readers see after it (nil when none ever went live).
        public var newLive: Int64?
        /// Whether a different version goes live.
        public var liveReplaced: Bool
    }

    /// What `transition` does to what readers see.
    public func readerEffect(of transition: WorkflowTransition) -> ReaderEffect {
        ReaderEffect(
            visibleBefore: isVisible,
            visibleAfter: transition.to.status == .published && (publishedVersionID != nil || transition.makesLive),
            newLive: transition.makesLive ? currentVersionID : publishedVersionID,
            liveReplaced: transition.makesLive && publishedVersionID != currentVersionID
        )
    }

    /// What readers' pages a transition changes: the article and the lists of its old and new live version when its
    /// visibility changes or a new version goes live, the newest lists when it appears or disappears (the corrections
    /// index follows those too), and the article page and the corrections index for a correction. The store adds the
    /// lists of `listsOf` (each version's section, tags, topic and authors), which only it can read.
    public func readerChanges(of transition: WorkflowTransition) -> (dependencies: Set<ContentDependency>, listsOf: [Int64]) {
        let effect = readerEffect(of: transition)
        var dependencies: Set<ContentDependency> = []
        var versions: [Int64] = []
        if effect.visibleBefore != effect.visibleAfter || (effect.visibleAfter && effect.liveReplaced) {
            dependencies.insert(.article(id))
            if effect.visibleBefore, let old = publishedVersionID { versions.append(old) }
            if effect.visibleAfter, let newLive = effect.newLive { versions.append(newLive) }
            if effect.visibleBefore != effect.visibleAfter { dependencies.insert(.latest) }
        }
        if transition.action == .correct {
            // The article page shows the correction; the corrections index lists the newest corrections. Nothing else
            // changes, so the home page and every other article page (which follow `.latest`) stay cached.
            dependencies.formUnion([.article(id), .corrections])
        }
        return (dependencies, versions)
    }

    /// The webhook event a transition makes (published, updated, taken down) and the version whose facts it carries;
    /// nil when readers see no change.
    public func webhookEvent(of transition: WorkflowTransition) -> (event: WebhookEvent, versionID: Int64)? {
        let effect = readerEffect(of: transition)
        switch (effect.visibleBefore, effect.visibleAfter) {
        case (false, true):
            return effect.newLive.map { (.published, $0) }
        case (true, false):
            return publishedVersionID.map { (.unpublished, $0) }
        case (true, true) where effect.liveReplaced || transition.action == .correct:
            return effect.newLive.map { (.updated, $0) }
        default:
            return nil
        }
    }
}

extension WorkflowState {
    /// A stored status and revision stage; an unknown name is a fault of the database, not of the request.
    public init(stored status: String, revision: String?) throws(StorageError) {
        guard let parsed = ArticleStatus(rawValue: status) else {
            throw StorageError.unavailable("article has an unknown status \"\(status)\"")
        }
        guard let revision else {
            self.init(parsed)
            return
        }
        guard let stage = RevisionStage(rawValue: revision) else {
            throw StorageError.unavailable("article has an unknown revision stage \"\(revision)\"")
        }
        self.init(parsed, revision: stage)
    }
}
