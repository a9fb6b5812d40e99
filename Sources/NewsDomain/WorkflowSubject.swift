/// What the workflow needs to know about an article to decide an action on it.
public struct WorkflowSubject: Sendable, Hashable {
    /// The article's status.
    public var status: ArticleStatus
    /// The stage of the working revision; only a published or taken-down article has one.
    public var revision: RevisionStage?
    /// The article's section, checked against a section editor's limits.
    public var sectionID: SectionID
    /// The user who wrote the article, who may submit it and edit it while it is theirs; nil when unknown (imported).
    public var authorUserID: Int64?

    /// Creates a subject.
    public init(status: ArticleStatus, revision: RevisionStage? = nil, sectionID: SectionID, authorUserID: Int64? = nil) {
        self.status = status
        self.revision = revision
        self.sectionID = sectionID
        self.authorUserID = authorUserID
    }

    /// The status and revision stage as one value.
    public var state: WorkflowState { WorkflowState(status, revision: revision) }

    /// Whether the state can exist: a revision stage only on a published or taken-down article.
    public var isConsistent: Bool { revision == nil || status == .published || status == .takenDown }
}
