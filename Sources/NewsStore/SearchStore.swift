import Foundation
import NewsDomain

/// Which articles a search looks at.
public enum SearchScope: Hashable, Sendable {
    /// What readers may see at `now` (published, live version only).
    case published(now: Date)
    /// The newsroom: every article in any state (its working version), optionally of one status.
    case newsroom(status: ArticleStatus?)
}

/// A search as asked: the text as typed (normalised by the search code, never by callers), filters, and the page.
public struct SearchRequest: Hashable, Sendable {
    /// The query as the reader typed it.
    public var query: String
    /// Only this section (and its subsections).
    public var sectionID: SectionID?
    /// Only articles published at or after this time.
    public var from: Date?
    /// Only articles published before this time.
    public var until: Date?
    /// Which articles.
    public var scope: SearchScope
    /// Which page of results.
    public var page: PageRequest

    /// Creates a request.
    public init(
        query: String, sectionID: SectionID? = nil, from: Date? = nil, until: Date? = nil, scope: SearchScope,
        page: PageRequest = PageRequest(number: 1, size: 10)
    ) {
        self.query = query
        self.sectionID = sectionID
        self.from = from
        self.until = until
        self.scope = scope
        self.page = page
    }
}

/// One result.
public struct SearchHit: Hashable, Sendable {
    /// The article.
    public var id: ArticleID
    /// Its id in the system it was imported from.
    public var externalID: String?
    /// Headline (of the live version for readers, of the working version in the newsroom).
    public var title: String
    /// The headline as safe HTML with the matched syllables in `<mark>`.
    public var titleHTML: String
    /// A passage around the best match, as safe HTML with matches in `<mark>`.
    public var snippetHTML: String
    /// The URL slug.
    public var slug: String
    /// Its section.
    public var section: Section
    /// When it went online (nil for an article never published).
    public var publishedAt: Date?
    /// The status (always published for readers).
    public var status: ArticleStatus
    /// Relevance: higher is better; comparable within one result list only.
    public var score: Double

    /// Creates a hit.
    public init(
        id: ArticleID, externalID: String?, title: String, titleHTML: String, snippetHTML: String, slug: String,
        section: Section, publishedAt: Date?, status: ArticleStatus, score: Double
    ) {
        self.id = id
        self.externalID = externalID
        self.title = title
        self.titleHTML = titleHTML
        self.snippetHTML = snippetHTML
        self.slug = slug
        self.section = section
        self.publishedAt = publishedAt
        self.status = status
        self.score = score
    }
}

/// A page of results.
public struct SearchResults: Sendable {
    /// The hits of the page asked for, best first.
    public var hits: [SearchHit]
    /// How many articles match, counted exactly up to a limit of the engine (the SQLite store: the 500 matches it
    /// ranks). When more match, this is that limit and `totalIsLowerBound` is true: "more than 500". Counting every
    /// match of words found in most articles would cost each search tens of milliseconds at 100,000 articles, to
    /// print a number nobody pages through. The pages past it still hold results (newest first); only the count stops.
    public var totalCount: Int
    /// Whether more articles match than `totalCount` (the count stopped there): `totalCount` is then a lower bound.
    public var totalIsLowerBound: Bool
    /// The page asked for.
    public var page: PageRequest
    /// "Có phải bạn muốn tìm": a corrected query that finds something, offered when this one finds nothing.
    public var suggestion: String?
    /// Whether these are the results of `suggestion`, searched because the query as typed found nothing
    /// (`SearchStore.searchCorrectingTypos`).
    public var isForSuggestion = false

    /// Creates results.
    public init(
        hits: [SearchHit], totalCount: Int, totalIsLowerBound: Bool = false, page: PageRequest, suggestion: String? = nil
    ) {
        self.hits = hits
        self.totalCount = totalCount
        self.totalIsLowerBound = totalIsLowerBound
        self.page = page
        self.suggestion = suggestion
    }
}

/// Full-text search over articles, Vietnamese-aware. The index changes in the same transaction as the articles.
public protocol SearchStore: Sendable {
    /// Runs a search. An empty or unusable query gives no hits (never an error); the query text is never passed to
    /// the database's query language unescaped.
    func search(_ request: SearchRequest) async throws -> SearchResults

    /// Rebuilds the whole index from the articles, reporting `(done, total)` now and then.
    func rebuildSearchIndex(progress: @escaping @Sendable (Int, Int) -> Void) async throws

    /// Merges the index into one part for the fastest searches. Worth it after a large import, which writes the
    /// index in several parts; an index written an article at a time is merged as it grows.
    func optimizeSearchIndex() async throws
}

extension SearchStore {
    /// What readers get: `search(_:)`, and when the query as typed finds nothing but its suggestion does, the
    /// suggestion's results instead, marked `isForSuggestion`. A reader who typed "caf phê" with the input method off,
    /// or "Trungg", sees the articles about "cà phê" or "Trung" at once, under a line saying what was searched. The
    /// suggestion is only ever made for a query that found nothing, in the same scope and filters, so a query that
    /// finds anything is never second-guessed.
    public func searchCorrectingTypos(_ request: SearchRequest) async throws -> SearchResults {
        let results = try await search(request)
        guard results.totalCount == 0, let suggestion = results.suggestion else { return results }
        var corrected = request
        corrected.query = suggestion
        var instead = try await search(corrected)
        guard instead.totalCount > 0 else { return results }
        instead.suggestion = suggestion
        instead.isForSuggestion = true
        return instead
    }
}
