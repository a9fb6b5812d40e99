import Foundation
import NewsDomain
import NewsRendering
import NewsStore

/// Builds the machine-readable views of the site: RSS and Atom feeds, sitemaps, the Google News sitemap, robots.txt.
///
/// Every document states what it shows as `ContentDependency`s, so the page cache drops it within one change-log poll
/// of a publication, edit or takedown:
/// - a feed depends on its list (`.latest` for the whole site, else `.section`/`.tag`/`.topic`/`.author`) — which
///   every article entering or leaving the list names, including moves between sections — and on each article it
///   shows (`.article`), so an edit or a slug change of an item drops it too;
/// - the sitemap index and every article or list sitemap depend on `.latest` (articles appearing or disappearing
///   change pages and page counts) and on `.anyArticle` (any edit can change a `lastmod` or an address);
/// - the Google News sitemap is never cached: its 48-hour window moves with the clock, not with any change;
/// - robots.txt names absolute sitemap addresses, so it follows the site settings (`.site` drops every page).
public struct FeedController: Sendable {
    /// Items in each feed (newest first).
    public static let feedItemCount = 30
    /// Addresses in one sitemap file (the sitemaps.org limit).
    public static let urlsPerSitemap = 50_000
    /// Addresses in one Google News sitemap file (Google's limit).
    public static let urlsPerNewsSitemap = 1_000
    /// How far back the Google News sitemap reaches.
    public static let newsWindow: TimeInterval = 48 * 3_600

    /// A list that has feeds.
    public enum List: Hashable, Sendable {
        /// Every article.
        case all
        /// A section (with its subsections), by slug.
        case section(String)
        /// A tag, by slug.
        case tag(String)
        /// A topic, by slug.
        case topic(String)
        /// An author, by slug.
        case author(String)
    }

    /// The two feed formats.
    public enum Format: String, Hashable, Sendable {
        /// RSS 2.0 (`rss.xml`).
        case rss
        /// Atom (`atom.xml`).
        case atom
    }

    /// Which sitemap family a numbered sitemap file belongs to.
    public enum SitemapKind: String, Hashable, Sendable {
        /// Article pages: `/sitemap-articles-N.xml`.
        case articles
        /// Section, tag, topic and author pages: `/sitemap-lists-N.xml`.
        case lists
        /// Google News pages when more than one file is needed: `/sitemap-news-N.xml`.
        case news
    }

    let store: any NewsStorage
    let mediaDirectory: String?
    let urlsPerSitemap: Int
    let urlsPerNewsSitemap: Int
    let clock: @Sendable () -> Date

    /// Creates the controller; the limits are parameters only so that tests can reach them without 50,000 articles.
    public init(
        store: any NewsStorage, mediaDirectory: String?, urlsPerSitemap: Int = FeedController.urlsPerSitemap,
        urlsPerNewsSitemap: Int = FeedController.urlsPerNewsSitemap, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.mediaDirectory = mediaDirectory
        self.urlsPerSitemap = max(1, urlsPerSitemap)
        self.urlsPerNewsSitemap = max(1, urlsPerNewsSitemap)
        self.clock = clock
    }

    /// The paths readers and crawlers fetch (also named in robots.txt).
    public enum Path {
        /// The sitemap index.
        public static let sitemapIndex = "/sitemap.xml"
        /// The Google News sitemap.
        public static let newsSitemap = "/sitemap-news.xml"

        /// A numbered sitemap file.
        public static func sitemap(_ kind: SitemapKind, page: Int) -> String { "/sitemap-\(kind.rawValue)-\(page).xml" }
    }

    // MARK: - Feeds

    /// A list's feed; nil when the list does not exist.
    public func feed(_ list: List, format: Format) async throws -> CachedPage? {
        let now = clock()
        let settings = try await store.siteSettings()
        let filter: ArticleFilter
        let dependency: ContentDependency
        let listPath: String
        let title: String
        let description: String
        switch list {
        case .all:
            (filter, dependency, listPath) = (.all, .latest, SiteURL.home.path)
            title = settings.name
            description = settings.tagline.isEmpty ? "Tin mới nhất của \(settings.name)" : settings.tagline
        case .section(let slug):
            guard let section = try await store.section(slug: slug) else { return nil }
            (filter, dependency, listPath) = (.section(section.id), .section(section.id), SiteURL.section(slug: section.slug).path)
            title = "\(section.name) – \(settings.name)"
            description = section.description.isEmpty ? "Tin mới nhất chuyên mục \(section.name)" : section.description
        case .tag(let slug):
            guard let tag = try await store.tag(slug: slug) else { return nil }
            (filter, dependency, listPath) = (.tag(tag.id), .tag(tag.id), SiteURL.tag(slug: tag.slug).path)
            title = "\(tag.name) – \(settings.name)"
            description = "Tin mới nhất về \(tag.name)"
        case .topic(let slug):
            guard let topic = try await store.topic(slug: slug) else { return nil }
            (filter, dependency, listPath) = (.topic(topic.id), .topic(topic.id), SiteURL.topic(slug: topic.slug).path)
            title = "\(topic.name) – \(settings.name)"
            description = topic.description.isEmpty ? "Dòng sự kiện \(topic.name)" : topic.description
        case .author(let slug):
            guard let author = try await store.author(slug: slug) else { return nil }
            (filter, dependency, listPath) = (.author(author.id), .author(author.id), SiteURL.author(slug: author.slug).path)
            title = "\(author.name) – \(settings.name)"
            description = "Bài viết của \(author.name)"
        }
        let entries = try await store.feedEntries(filter, limit: Self.feedItemCount, now: now)
        let base = SiteAddress(settings.baseURL).baseURL
        let feedPath = listPath == "/" ? "/\(format.rawValue).xml" : "\(listPath)/\(format.rawValue).xml"
        let document = FeedDocument(
            title: title, description: description, pageURL: base + listPath, selfURL: base + feedPath,
            publisher: settings.name, updated: entries.map(\.updatedAt).max() ?? now,
            items: entries.map { item($0, base: base) }
        )
        var dependencies: Set<ContentDependency> = [dependency]
        dependencies.formUnion(entries.map { .article($0.id) })
        switch format {
        case .rss:
            return CachedPage(contentType: FeedDocument.rssContentType, text: document.rss(), dependencies: dependencies)
        case .atom:
            return CachedPage(contentType: FeedDocument.atomContentType, text: document.atom(), dependencies: dependencies)
        }
    }

    /// The permanent identifier of an article in feeds: the address `/{id}.html`, which redirects to the article's
    /// current address. It holds no slug, so edits, slug changes and section moves never change it.
    public static func permanentID(_ id: ArticleID, base: String) -> String {
        "\(base)/\(id).html"
    }

    private func item(_ entry: FeedEntry, base: String) -> FeedItem {
        FeedItem(
            id: Self.permanentID(entry.id, base: base), url: base + SiteURL.article(id: entry.id, slug: entry.slug).path,
            title: entry.title, summary: entry.sapo, authors: entry.authors.map(\.name), category: entry.section.name,
            categoryTerm: entry.section.slug, published: entry.publishedAt, updated: max(entry.updatedAt, entry.publishedAt),
            image: entry.image.map { image(for: $0, base: base) }
        )
    }

    /// The lead image as a feed link: our own files with their size (recorded at upload, else read from the disk),
    /// remote ones without.
    private func image(for image: FeedImage, base: String) -> FeedImageLink {
        let type = FeedImageLink.mimeType(forPath: image.src)
        if image.isRemote {
            return FeedImageLink(url: image.src, type: type, length: nil, width: image.width, height: image.height)
        }
        var length = image.byteCount
        if length == nil, let mediaDirectory, !image.src.split(separator: "/").contains(".."),
           let attributes = try? FileManager.default.attributesOfItem(atPath: mediaDirectory + "/" + image.src),
           let size = attributes[.size] as? NSNumber
        {
            length = size.intValue
        }
        let encoded = image.src.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? image.src
        return FeedImageLink(
            url: base + SiteURL.media(src: encoded).path, type: type, length: length, width: image.width, height: image.height
        )
    }

    // MARK: - Sitemaps

    /// The sitemap index: every article sitemap and every list sitemap, each with its newest change.
    public func sitemapIndex() async throws -> CachedPage {
        let now = clock()
        let base = SiteAddress(try await store.siteSettings().baseURL).baseURL
        async let pages = store.sitemapArticlePages(size: urlsPerSitemap, now: now)
        async let listings = store.sitemapListings(now: now)
        var sitemaps: [SitemapDocument.Location] = []
        let articlePages = try await pages
        if articlePages.isEmpty {
            sitemaps.append(.init(url: base + Path.sitemap(.articles, page: 1), lastModified: nil))
        }
        sitemaps += articlePages.map { .init(url: base + Path.sitemap(.articles, page: $0.number), lastModified: $0.lastModified) }
        let listingChunks = chunks(try await listings, size: urlsPerSitemap)
        for (index, chunk) in listingChunks.enumerated() {
            sitemaps.append(.init(url: base + Path.sitemap(.lists, page: index + 1), lastModified: chunk.map(\.lastModified).max()))
        }
        return sitemapPage(SitemapDocument.index(sitemaps))
    }

    /// A numbered article or list sitemap; nil past the last page (page 1 always exists, possibly empty).
    public func sitemap(_ kind: SitemapKind, page: Int) async throws -> CachedPage? {
        let now = clock()
        let settings = try await store.siteSettings()
        let base = SiteAddress(settings.baseURL).baseURL
        switch kind {
        case .articles:
            let articles = try await store.sitemapArticles(page: page, size: urlsPerSitemap, now: now)
            guard page == 1 || !articles.isEmpty else { return nil }
            return sitemapPage(SitemapDocument.urlset(articles.map {
                .init(url: base + SiteURL.article(id: $0.id, slug: $0.slug).path, lastModified: $0.lastModified)
            }))
        case .lists:
            let pages = chunks(try await store.sitemapListings(now: now), size: urlsPerSitemap)
            guard page >= 1, page <= pages.count else { return nil }
            return sitemapPage(SitemapDocument.urlset(pages[page - 1].map {
                .init(url: base + Self.listingPath($0), lastModified: $0.lastModified)
            }))
        case .news:
            let pages = try await newsPages(now: now)
            guard page >= 1, page <= pages.count else { return nil }
            return newsPage(SitemapDocument.news(pages[page - 1].map { Self.newsArticle($0, base: base) }, publicationName: settings.name))
        }
    }

    /// The Google News sitemap: articles first published in the last 48 hours, newest first. Up to 1,000 it is one
    /// `urlset`; beyond that it is an index of `/sitemap-news-N.xml` files of at most 1,000 each.
    public func newsSitemap() async throws -> CachedPage {
        let now = clock()
        let settings = try await store.siteSettings()
        let base = SiteAddress(settings.baseURL).baseURL
        let pages = try await newsPages(now: now)
        if pages.count <= 1 {
            let articles = pages.first ?? []
            return newsPage(SitemapDocument.news(articles.map { Self.newsArticle($0, base: base) }, publicationName: settings.name))
        }
        return newsPage(SitemapDocument.index(pages.indices.map { index in
            .init(url: base + Path.sitemap(.news, page: index + 1), lastModified: pages[index].map(\.publishedAt).max())
        }))
    }

    /// robots.txt: the newsroom and the Admin API are off limits, search results are not worth crawling, and the
    /// sitemaps are named.
    public func robots() async throws -> CachedPage {
        let base = SiteAddress(try await store.siteSettings().baseURL).baseURL
        let text = SitemapDocument.robots(
            disallowed: ["/toa-soan/", "/api/admin/", SiteURL.search.path],
            sitemaps: [base + Path.sitemapIndex, base + Path.newsSitemap]
        )
        return CachedPage(contentType: "text/plain; charset=utf-8", text: text, dependencies: [.site])
    }

    private func newsPages(now: Date) async throws -> [[NewsSitemapArticle]] {
        let articles = try await store.newsSitemapArticles(since: now.addingTimeInterval(-Self.newsWindow), now: now)
        return chunks(articles, size: urlsPerNewsSitemap)
    }

    private static func newsArticle(_ article: NewsSitemapArticle, base: String) -> SitemapDocument.NewsArticle {
        .init(url: base + SiteURL.article(id: article.id, slug: article.slug).path, title: article.title, publishedAt: article.publishedAt)
    }

    private static func listingPath(_ listing: SitemapListing) -> String {
        switch listing.kind {
        case .section: SiteURL.section(slug: listing.slug).path
        case .tag: SiteURL.tag(slug: listing.slug).path
        case .topic: SiteURL.topic(slug: listing.slug).path
        case .author: SiteURL.author(slug: listing.slug).path
        }
    }

    private func sitemapPage(_ text: String) -> CachedPage {
        CachedPage(contentType: SitemapDocument.contentType, text: text, dependencies: [.latest, .anyArticle])
    }

    /// A Google News document: never stored in the page cache (see the type's comment), so its dependencies are moot.
    private func newsPage(_ text: String) -> CachedPage {
        CachedPage(contentType: SitemapDocument.contentType, text: text, dependencies: [])
    }

    private func chunks<T>(_ items: [T], size: Int) -> [[T]] {
        stride(from: 0, to: items.count, by: size).map { Array(items[$0..<min($0 + size, items.count)]) }
    }
}
