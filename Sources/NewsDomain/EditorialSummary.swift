import Foundation

/// One line of the newsroom's article lists and dashboards.
public struct EditorialSummary: Hashable, Sendable {
    /// Storage identifier.
    public var id: ArticleID
    /// Headline of the working version.
    public var title: String
    /// Status and revision stage.
    public var state: WorkflowState
    /// Section of the working version.
    public var section: Section
    /// Who wrote it: the author's account name, or the first byline for imported articles.
    public var authorName: String
    /// When the working version was saved.
    public var updatedAt: Date
    /// When the article entered its current state: the dashboards list the longest-waiting first.
    public var waitingSince: Date
    /// When a scheduled article goes online.
    public var scheduledAt: Date?
    /// The account that wrote it (nil for imported articles).
    public var authorUserID: UserID?

    /// Creates a summary.
    public init(
        id: ArticleID, title: String, state: WorkflowState, section: Section, authorName: String, updatedAt: Date,
        waitingSince: Date, scheduledAt: Date? = nil, authorUserID: UserID? = nil
    ) {
        self.authorUserID = authorUserID
        self.id = id
        self.title = title
        self.state = state
        self.section = section
        self.authorName = authorName
        self.updatedAt = updatedAt
        self.waitingSince = waitingSince
        self.scheduledAt = scheduledAt
    }
}

/// One saved version of an article, as the revision history lists it.
public struct RevisionSummary: Hashable, Sendable {
    /// Version number, 1 for the first save.
    public var number: Int
    /// When it was saved.
    public var createdAt: Date
    /// Who saved it (nil for imported versions).
    public var createdByName: String?
    /// Its headline.
    public var title: String
    /// Whether readers see this version now.
    public var isLive: Bool
    /// Whether this is the working version (the newest).
    public var isCurrent: Bool

    /// Creates a summary.
    public init(number: Int, createdAt: Date, createdByName: String?, title: String, isLive: Bool, isCurrent: Bool) {
        self.number = number
        self.createdAt = createdAt
        self.createdByName = createdByName
        self.title = title
        self.isLive = isLive
        self.isCurrent = isCurrent
    }
}

/// A correction ("Thông tin cải chính") attached to a published article and shown on its page with its date.
public struct Correction: Hashable, Sendable {
    /// Storage identifier.
    public var id: Int64
    /// The corrected article.
    public var articleID: ArticleID
    /// The correction text readers see.
    public var note: String
    /// When it was published.
    public var createdAt: Date
    /// Who published it (the name at the time).
    public var createdByName: String

    /// Creates a correction value.
    public init(id: Int64, articleID: ArticleID, note: String, createdAt: Date, createdByName: String) {
        self.id = id
        self.articleID = articleID
        self.note = note
        self.createdAt = createdAt
        self.createdByName = createdByName
    }
}
