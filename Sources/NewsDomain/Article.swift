import Foundation

/// An article as one version of it reads: for readers, the published version.
public struct Article: Hashable, Sendable {
    /// Storage identifier, stable across versions; part of the article's URL.
    public var id: ArticleID
    /// The identifier the article had in the system it was imported from.
    public var externalID: String?
    /// Workflow state of the article.
    public var status: ArticleStatus
    /// Number of this version (1 for the first save).
    public var version: Int
    /// URL slug of this version.
    public var slug: String
    /// Headline.
    public var title: String
    /// Sapo: the lead paragraph, shown apart from the body.
    public var sapo: String
    /// Body in Markdown.
    public var body: String
    /// The section the article belongs to.
    public var section: Section
    /// The running story it is part of, if any.
    public var topic: Topic?
    /// Keywords, in the newsroom's order.
    public var tags: [Tag]
    /// Bylines, in order.
    public var authors: [Author]
    /// The images attached to the article; the first is the featured image.
    public var images: [Media]
    /// Curated related articles, in the editor's order.
    public var relatedIDs: [ArticleID]
    /// When the article was (or will be) published.
    public var publishedAt: Date?
    /// When this version was saved.
    public var updatedAt: Date

    /// Creates an article value.
    public init(
        id: ArticleID, externalID: String? = nil, status: ArticleStatus, version: Int = 1, slug: String, title: String,
        sapo: String, body: String, section: Section, topic: Topic? = nil, tags: [Tag] = [], authors: [Author] = [],
        images: [Media] = [], relatedIDs: [ArticleID] = [], publishedAt: Date?, updatedAt: Date
    ) {
        self.id = id
        self.externalID = externalID
        self.status = status
        self.version = version
        self.slug = slug
        self.title = title
        self.sapo = sapo
        self.body = body
        self.section = section
        self.topic = topic
        self.tags = tags
        self.authors = authors
        self.images = images
        self.relatedIDs = relatedIDs
        self.publishedAt = publishedAt
        self.updatedAt = updatedAt
    }

    /// The image shown on cards and when the article is shared.
    public var featuredImage: Media? { images.first }

    /// The short form of this article used in lists.
    public var summary: ArticleSummary {
        ArticleSummary(
            id: id, slug: slug, title: title, sapo: sapo, section: section, authors: authors,
            featuredImage: featuredImage, publishedAt: publishedAt ?? updatedAt
        )
    }
}

/// What a list of articles shows of each: enough for a card, no body.
public struct ArticleSummary: Hashable, Sendable {
    /// Storage identifier.
    public var id: ArticleID
    /// URL slug of the published version.
    public var slug: String
    /// Headline.
    public var title: String
    /// Sapo, for teasers.
    public var sapo: String
    /// The article's section.
    public var section: Section
    /// Bylines, in order.
    public var authors: [Author]
    /// Image for the card, if any.
    public var featuredImage: Media?
    /// Publication time.
    public var publishedAt: Date

    /// Creates a summary.
    public init(
        id: ArticleID, slug: String, title: String, sapo: String, section: Section, authors: [Author] = [],
        featuredImage: Media? = nil, publishedAt: Date
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.sapo = sapo
        self.section = section
        self.authors = authors
        self.featuredImage = featuredImage
        self.publishedAt = publishedAt
    }
}
