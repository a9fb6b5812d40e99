import NewsDomain

/// Which published articles a reader list shows.
public enum ArticleFilter: Hashable, Sendable {
    /// Every published article.
    case all
    /// A section, with the articles of its subsections.
    case section(SectionID)
    /// Articles carrying a tag.
    case tag(TagID)
    /// Articles in a running story.
    case topic(TopicID)
    /// Articles by a byline.
    case author(AuthorID)
}

/// The candidates for an article's related box, each list in its own relevance order.
public struct RelatedCandidates: Sendable, Equatable {
    /// Curated links, in the editor's order (published ones only).
    public var curated: [ArticleSummary]
    /// Newest articles of the same topic.
    public var sameTopic: [ArticleSummary]
    /// Articles sharing the most tags, newest first among equals.
    public var sharedTags: [ArticleSummary]
    /// How many of each tag's newest article versions are looked at for `sharedTags`; every tag the candidates carry
    /// is then counted. A tag on every fifth article of a large newspaper would otherwise make each article page
    /// group tens of thousands of rows; a rare tag's articles are all within the window, and any article that shares
    /// one is ranked by all the tags it shares.
    public static let sharedTagWindow = 200
    /// Articles whose text is most similar (TF-IDF cosine), most similar first.
    public var similar: [ArticleSummary]
    /// Newest articles of the same section.
    public var sameSection: [ArticleSummary]

    /// Creates candidates.
    public init(
        curated: [ArticleSummary], sameTopic: [ArticleSummary], sharedTags: [ArticleSummary], similar: [ArticleSummary] = [],
        sameSection: [ArticleSummary]
    ) {
        self.curated = curated
        self.sameTopic = sameTopic
        self.sharedTags = sharedTags
        self.similar = similar
        self.sameSection = sameSection
    }
}

/// What an import did.
public struct ImportResult: Sendable, Equatable {
    /// Articles that did not exist before.
    public var created: [ArticleID]
    /// Articles whose external id was known, now updated.
    public var updated: [ArticleID]

    /// Creates a result.
    public init(created: [ArticleID], updated: [ArticleID]) {
        self.created = created
        self.updated = updated
    }
}

/// The home page as the copy desk arranged it.
public struct HomeLayout: Sendable, Equatable {
    /// The lead story, if chosen.
    public var topStory: ArticleID?
    /// Featured slots, in order.
    public var featured: [ArticleID]

    /// Creates a layout.
    public init(topStory: ArticleID? = nil, featured: [ArticleID] = []) {
        self.topStory = topStory
        self.featured = featured
    }
}
