import Foundation

/// An article as the newsroom works on it: its workflow state, its working version's content, and who holds it open.
public struct EditorialArticle: Hashable, Sendable {
    /// Storage identifier.
    public var id: ArticleID
    /// The identifier the article had in the system it was imported from.
    public var externalID: String?
    /// Status and, for a published article, the stage of its working revision.
    public var state: WorkflowState
    /// The account that wrote the article (nil for imported articles).
    public var authorUserID: UserID?
    /// Number of the working version (the newest one: every save is a new version).
    public var currentVersion: Int
    /// Number of the version that is (or was last) live; nil when nothing has been live yet.
    public var publishedVersion: Int?
    /// The working version's content.
    public var content: ArticleContent
    /// When the article was first published; kept when a revision replaces the live version.
    public var publishedAt: Date?
    /// When a scheduled article goes online; nil unless the status is scheduled.
    public var scheduledAt: Date?
    /// When the working version was saved.
    public var updatedAt: Date
    /// Who saved the working version (nil for imported versions).
    public var updatedByName: String?
    /// When the article entered its current state (how long it has waited).
    public var stateChangedAt: Date
    /// The edit lock, when someone holds one that has not expired.
    public var lock: ArticleLock?

    /// Creates an editorial article value.
    public init(
        id: ArticleID, externalID: String? = nil, state: WorkflowState, authorUserID: UserID? = nil, currentVersion: Int,
        publishedVersion: Int? = nil, content: ArticleContent, publishedAt: Date? = nil, scheduledAt: Date? = nil,
        updatedAt: Date, updatedByName: String? = nil, stateChangedAt: Date, lock: ArticleLock? = nil
    ) {
        self.id = id
        self.externalID = externalID
        self.state = state
        self.authorUserID = authorUserID
        self.currentVersion = currentVersion
        self.publishedVersion = publishedVersion
        self.content = content
        self.publishedAt = publishedAt
        self.scheduledAt = scheduledAt
        self.updatedAt = updatedAt
        self.updatedByName = updatedByName
        self.stateChangedAt = stateChangedAt
        self.lock = lock
    }

    /// What the workflow needs to decide an action or an edit on this article.
    public var subject: WorkflowSubject {
        WorkflowSubject(
            status: state.status, revision: state.revision, sectionID: content.section.id, authorUserID: authorUserID?.rawValue
        )
    }

    /// Whether readers can see the article (its live version) at all.
    public var isVisibleToReaders: Bool { state.status == .published && publishedVersion != nil }
}

/// The editable content of one article version, with its section, topic, tags, bylines and images resolved.
public struct ArticleContent: Hashable, Sendable {
    /// Headline.
    public var title: String
    /// Sapo (lead paragraph).
    public var sapo: String
    /// Body in Markdown.
    public var body: String
    /// URL slug.
    public var slug: String
    /// The section the version files the article under.
    public var section: Section
    /// The running story, if any.
    public var topic: Topic?
    /// Keywords, in order.
    public var tags: [Tag]
    /// Bylines, in order.
    public var authors: [Author]
    /// Images; the first is the featured image.
    public var images: [Media]
    /// Curated related articles, in order.
    public var relatedIDs: [ArticleID]
    /// Title for search engines and sharing, when it differs from the headline.
    public var seoTitle: String?
    /// Description for search engines and sharing, when it differs from the sapo.
    public var seoDescription: String?

    /// Creates content.
    public init(
        title: String, sapo: String, body: String, slug: String, section: Section, topic: Topic? = nil, tags: [Tag] = [],
        authors: [Author] = [], images: [Media] = [], relatedIDs: [ArticleID] = [], seoTitle: String? = nil,
        seoDescription: String? = nil
    ) {
        self.title = title
        self.sapo = sapo
        self.body = body
        self.slug = slug
        self.section = section
        self.topic = topic
        self.tags = tags
        self.authors = authors
        self.images = images
        self.relatedIDs = relatedIDs
        self.seoTitle = seoTitle
        self.seoDescription = seoDescription
    }
}

/// What search engines and sharing show of a version when it should differ from the headline and sapo.
public struct SEOFields: Hashable, Sendable {
    /// Replaces the headline in `<title>` and sharing cards; nil: the headline.
    public var title: String?
    /// Replaces the sapo in the meta description; nil: the sapo.
    public var description: String?

    /// Creates the fields; blank text counts as absent.
    public init(title: String? = nil, description: String? = nil) {
        func clean(_ text: String?) -> String? {
            guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
            return trimmed
        }
        self.title = clean(title)
        self.description = clean(description)
    }

    /// Longest SEO title.
    public static let maxTitle = 200
    /// Longest SEO description.
    public static let maxDescription = 500

    /// Every rule the fields break; empty when they are valid.
    public var violations: [DomainError] {
        var errors: [DomainError] = []
        if let title, title.count > Self.maxTitle { errors.append(.tooLong("seo_title", max: Self.maxTitle)) }
        if let description, description.count > Self.maxDescription {
            errors.append(.tooLong("seo_description", max: Self.maxDescription))
        }
        return errors
    }
}
