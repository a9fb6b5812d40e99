import Foundation
import NewsDomain

/// Articles: what readers may see, and how content comes in.
public protocol ArticleStore: Sendable {
    /// The published version of an article, or nil when there is none that readers may see at `now`.
    func publishedArticle(id: ArticleID, now: Date) async throws -> Article?
    /// A page of published articles, newest first.
    func publishedArticles(_ filter: ArticleFilter, page: PageRequest, now: Date) async throws -> Page<ArticleSummary>
    /// The newest published articles outside the given sections and ids ("Đọc thêm", home blocks).
    func latestPublished(
        excludingSections: Set<SectionID>, excludingArticles: Set<ArticleID>, limit: Int, now: Date
    ) async throws -> [ArticleSummary]
    /// Published summaries of the given articles, in the given order, skipping those readers may not see.
    func publishedSummaries(ids: [ArticleID], now: Date) async throws -> [ArticleSummary]
    /// Candidates for an article's related box, each list at most `limit` long and never containing the article.
    func relatedCandidates(for article: Article, limit: Int, now: Date) async throws -> RelatedCandidates
    /// Creates or updates (by external id) every input in one transaction: all are stored, or none.
    /// `progress` is told how many inputs have been written so far.
    func importArticles(
        _ inputs: [ArticleInput], now: Date, progress: (@Sendable (Int) -> Void)?
    ) async throws -> ImportResult
    /// How many articles are stored, in any state.
    func articleCount() async throws -> Int
}

extension ArticleStore {
    /// Creates or updates every input in one transaction, without progress reports.
    public func importArticles(_ inputs: [ArticleInput], now: Date) async throws -> ImportResult {
        try await importArticles(inputs, now: now, progress: nil)
    }
}

/// Sections, tags, topics and bylines.
public protocol TaxonomyStore: Sendable {
    /// Every section, ordered for navigation (parents by position, each followed by its children).
    func sections() async throws -> [Section]
    /// The section with a slug.
    func section(slug: String) async throws -> Section?
    /// The tag with a slug.
    func tag(slug: String) async throws -> Tag?
    /// The topic with a slug.
    func topic(slug: String) async throws -> Topic?
    /// The author with a slug.
    func author(slug: String) async throws -> Author?
    /// Creates or updates a section by slug; the parent, if given, must exist.
    @discardableResult
    func saveSection(slug: String, name: String, parentSlug: String?, position: Int, description: String) async throws -> Section
    /// Creates or updates a topic by slug.
    @discardableResult
    func saveTopic(slug: String, name: String, description: String) async throws -> Topic
    /// Creates or updates an author by slug.
    @discardableResult
    func saveAuthor(slug: String, name: String, title: String, bio: String) async throws -> Author
}

/// The masthead and other site-wide settings.
public protocol SiteSettingsStore: Sendable {
    /// The current settings (the initial ones on a new database).
    func siteSettings() async throws -> SiteSettings
    /// Replaces the settings.
    func saveSiteSettings(_ settings: SiteSettings) async throws
}

/// The copy desk's arrangement of the home page.
public protocol HomeLayoutStore: Sendable {
    /// The current arrangement.
    func homeLayout() async throws -> HomeLayout
    /// Replaces the arrangement.
    func saveHomeLayout(_ layout: HomeLayout) async throws
}

/// The log of committed changes that page caches follow, on this node and on others.
public protocol ContentChangeLog: Sendable {
    /// The sequence number of the newest change (0 when there is none).
    func latestChangeSequence() async throws -> Int64
    /// Changes after `sequence`, oldest first, at most `limit`.
    func changes(after sequence: Int64, limit: Int) async throws -> [ContentChange]
}

/// A change log that announces each committed change as it happens (PostgreSQL's `LISTEN`/`NOTIFY`), so that
/// followers on other nodes read it at once instead of at their next poll. SQLite has no such signal; its followers
/// poll often, which costs little on one machine.
public protocol ContentChangeSignal: Sendable {
    /// Subscribes, calls `listening` once the subscription is in place (changes committed before it are not
    /// announced, so the caller reads the log then), then calls `changed` after each announced change, until the task
    /// is cancelled (returns) or the subscription is lost (throws; subscribe again to resume).
    func followChanges(listening: @Sendable () async -> Void, changed: @Sendable () async -> Void) async throws
}

/// Corrections ("Thông tin cải chính") as readers see them; the newsroom attaches them with the `correct` action.
public protocol CorrectionStore: Sendable {
    /// The corrections of one article, oldest first.
    func corrections(articleID: ArticleID) async throws -> [Correction]
    /// Corrections of articles readers may see at `now`, newest first ("Thông tin cải chính" page).
    func correctionsIndex(page: PageRequest, now: Date) async throws -> Page<CorrectionIndexItem>
}

/// Everything the site needs from storage, implemented once per database.
public typealias NewsStorage = ArticleStore & TaxonomyStore & SiteSettingsStore & HomeLayoutStore & ContentChangeLog
    & CorrectionStore & PublicContentStore & FeedStore & SearchStore
