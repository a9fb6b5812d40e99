import Foundation
import NewsDomain

/// A position in the newest-first list of published articles: the last article of a page, by publication time and id.
///
/// Any position is meaningful (the next page starts after it), so a client can never hold a position that breaks a
/// list; articles published after a client started paging do not shift its later pages, as offsets would.
public struct ArticlePosition: Hashable, Sendable {
    /// The publication time of the last article seen.
    public var publishedAt: Date
    /// Its id, which orders articles published at the same moment.
    public var id: ArticleID

    /// Creates a position.
    public init(publishedAt: Date, id: ArticleID) {
        self.publishedAt = publishedAt
        self.id = id
    }
}

/// Which published articles an API list shows: every filter given must hold (they combine with AND).
public struct ArticleQuery: Hashable, Sendable {
    /// Only this section, with its subsections.
    public var sectionID: SectionID?
    /// Only articles carrying this tag.
    public var tagID: TagID?
    /// Only articles in this running story.
    public var topicID: TopicID?
    /// Only articles with this byline.
    public var authorID: AuthorID?
    /// Only articles published at or after this time.
    public var from: Date?
    /// Only articles published at or before this time.
    public var to: Date?
    /// Start after this position (nil: from the newest).
    public var after: ArticlePosition?
    /// Most articles returned, 1...PageRequest.maxSize.
    public var limit: Int

    /// Creates a query; `limit` is clamped to 1...PageRequest.maxSize.
    public init(
        sectionID: SectionID? = nil, tagID: TagID? = nil, topicID: TopicID? = nil, authorID: AuthorID? = nil, from: Date? = nil,
        to: Date? = nil, after: ArticlePosition? = nil, limit: Int = 20
    ) {
        self.sectionID = sectionID
        self.tagID = tagID
        self.topicID = topicID
        self.authorID = authorID
        self.from = from
        self.to = to
        self.after = after
        self.limit = min(max(1, limit), PageRequest.maxSize)
    }
}

/// One stretch of an article list: the articles, how many the whole list has, and where the next stretch starts.
public struct ArticleSlice: Sendable {
    /// The published versions, newest first.
    public var items: [Article]
    /// How many articles match the query's filters in all (ignoring `after` and `limit`).
    public var totalCount: Int
    /// Where the next stretch starts; nil when this one reaches the end.
    public var next: ArticlePosition?
    /// When the latest correction of each listed article that has any was published.
    public var correctedAt: [ArticleID: Date]

    /// Creates a slice.
    public init(items: [Article], totalCount: Int, next: ArticlePosition?, correctedAt: [ArticleID: Date] = [:]) {
        self.items = items
        self.totalCount = totalCount
        self.next = next
        self.correctedAt = correctedAt
    }
}

/// A tag, running story or byline together with how many published articles carry it.
public struct TermUsage<Term: Sendable>: Sendable {
    /// The tag, topic or author.
    public var term: Term
    /// How many articles readers may see carry it.
    public var articleCount: Int

    /// Creates a usage count.
    public init(term: Term, articleCount: Int) {
        self.term = term
        self.articleCount = articleCount
    }
}

/// A stretch of a tag, topic or author list, ordered by slug.
public struct TermSlice<Term: Sendable>: Sendable {
    /// The terms, by slug.
    public var items: [TermUsage<Term>]
    /// How many terms the whole list has.
    public var totalCount: Int
    /// The slug after which the next stretch starts; nil when this one reaches the end.
    public var nextAfterSlug: String?

    /// Creates a slice.
    public init(items: [TermUsage<Term>], totalCount: Int, nextAfterSlug: String?) {
        self.items = items
        self.totalCount = totalCount
        self.nextAfterSlug = nextAfterSlug
    }
}

/// What the public Content API (`/api/v1/`) reads, with the reader pages' rule of what readers may see: published, its
/// time come, its live version only. Tags, topics and bylines are listed only while a visible article carries them, so
/// no name used only by unpublished work is ever shown.
public protocol PublicContentStore: Sendable {
    /// Published articles matching every filter of `query`, newest first, whole (body, images, tags, bylines).
    func publishedArticles(matching query: ArticleQuery, now: Date) async throws -> ArticleSlice
    /// The newest visible article whose live version has `slug` (slugs may repeat across articles; ids never do).
    func publishedArticle(slug: String, now: Date) async throws -> Article?
    /// Tags carried by visible articles, by slug, starting after `afterSlug`.
    func publicTags(afterSlug: String?, limit: Int, now: Date) async throws -> TermSlice<Tag>
    /// Running stories with visible articles, by slug, starting after `afterSlug`.
    func publicTopics(afterSlug: String?, limit: Int, now: Date) async throws -> TermSlice<Topic>
    /// Bylines of visible articles, by slug, starting after `afterSlug`.
    func publicAuthors(afterSlug: String?, limit: Int, now: Date) async throws -> TermSlice<Author>
}
