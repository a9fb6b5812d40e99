import Foundation
import NewsDomain
import NewsStore

/// A store whose database is gone: every call fails as storage does when it cannot be reached.
public struct FailingStore: NewsStorage {
    /// Creates it.
    public init() {}

    private static let error = StorageError.unavailable("the database is gone (test)")

    public func publishedArticle(id: ArticleID, now: Date) async throws -> Article? { throw Self.error }
    public func publishedArticles(_ filter: ArticleFilter, page: PageRequest, now: Date) async throws -> Page<ArticleSummary> { throw Self.error }
    public func latestPublished(excludingSections: Set<SectionID>, excludingArticles: Set<ArticleID>, limit: Int, now: Date) async throws -> [ArticleSummary] { throw Self.error }
    public func publishedSummaries(ids: [ArticleID], now: Date) async throws -> [ArticleSummary] { throw Self.error }
    public func relatedCandidates(for article: Article, limit: Int, now: Date) async throws -> RelatedCandidates { throw Self.error }
    public func importArticles(_ inputs: [ArticleInput], now: Date, progress: (@Sendable (Int) -> Void)?) async throws -> ImportResult { throw Self.error }
    public func articleCount() async throws -> Int { throw Self.error }
    public func sections() async throws -> [Section] { throw Self.error }
    public func section(slug: String) async throws -> Section? { throw Self.error }
    public func tag(slug: String) async throws -> Tag? { throw Self.error }
    public func topic(slug: String) async throws -> Topic? { throw Self.error }
    public func author(slug: String) async throws -> Author? { throw Self.error }
    public func saveSection(slug: String, name: String, parentSlug: String?, position: Int, description: String) async throws -> Section { throw Self.error }
    public func saveTopic(slug: String, name: String, description: String) async throws -> Topic { throw Self.error }
    public func saveAuthor(slug: String, name: String, title: String, bio: String) async throws -> Author { throw Self.error }
    public func siteSettings() async throws -> SiteSettings { throw Self.error }
    public func saveSiteSettings(_ settings: SiteSettings) async throws { throw Self.error }
    public func homeLayout() async throws -> HomeLayout { throw Self.error }
    public func saveHomeLayout(_ layout: HomeLayout) async throws { throw Self.error }
    public func latestChangeSequence() async throws -> Int64 { throw Self.error }
    public func changes(after sequence: Int64, limit: Int) async throws -> [ContentChange] { throw Self.error }
    public func corrections(articleID: ArticleID) async throws -> [Correction] { throw Self.error }
    public func correctionsIndex(page: PageRequest, now: Date) async throws -> Page<CorrectionIndexItem> { throw Self.error }
    public func publishedArticles(matching query: ArticleQuery, now: Date) async throws -> ArticleSlice { throw Self.error }
    public func publishedArticle(slug: String, now: Date) async throws -> Article? { throw Self.error }
    public func publicTags(afterSlug: String?, limit: Int, now: Date) async throws -> TermSlice<Tag> { throw Self.error }
    public func publicTopics(afterSlug: String?, limit: Int, now: Date) async throws -> TermSlice<Topic> { throw Self.error }
    public func publicAuthors(afterSlug: String?, limit: Int, now: Date) async throws -> TermSlice<Author> { throw Self.error }
    public func feedEntries(_ filter: ArticleFilter, limit: Int, now: Date) async throws -> [FeedEntry] { throw Self.error }
    public func sitemapArticlePages(size: Int, now: Date) async throws -> [SitemapPageSummary] { throw Self.error }
    public func sitemapArticles(page number: Int, size: Int, now: Date) async throws -> [SitemapArticle] { throw Self.error }
    public func sitemapListings(now: Date) async throws -> [SitemapListing] { throw Self.error }
    public func newsSitemapArticles(since: Date, now: Date) async throws -> [NewsSitemapArticle] { throw Self.error }
    public func search(_ request: SearchRequest) async throws -> SearchResults { throw Self.error }
    public func rebuildSearchIndex(progress: @escaping @Sendable (Int, Int) -> Void) async throws { throw Self.error }
    public func optimizeSearchIndex() async throws { throw Self.error }
}
