import Foundation
import NewsDomain
import NewsRendering
import NewsStore

/// What a reader request leads to.
public enum ReaderOutcome: Sendable {
    /// A page to send (and cache).
    case page(CachedPage)
    /// A permanent move to the page's current address (a changed slug, page 1 written out).
    case redirect(String)
}

/// Builds the reader pages: queries the store, assembles page content, renders it with the theme.
///
/// Knows no HTTP beyond the status of the page it returns; the router maps requests to these methods.
public struct ReaderController: Sendable {
    /// Articles per listing page.
    public static let listingPageSize = 20
    /// Articles in the "Đọc thêm" list.
    public static let readMoreCount = 6
    /// Featured slots on the home page.
    public static let featuredCount = 4
    /// Articles in the home page's latest list.
    public static let latestCount = 10
    /// Articles in each section block of the home page.
    public static let sectionBlockCount = 4

    let store: any NewsStorage
    let renderer: PageRenderer
    let clock: @Sendable () -> Date

    /// Creates the controller.
    public init(store: any NewsStorage, renderer: PageRenderer, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.renderer = renderer
        self.clock = clock
    }

    private static let html = "text/html; charset=utf-8"

    func chrome(now: Date) async throws -> SiteChrome {
        async let settings = store.siteSettings()
        async let sections = store.sections()
        return SiteChrome(settings: try await settings, sections: try await sections, now: now)
    }

    /// The home page: top story, featured slots, latest list, a block per top-level section.
    public func home() async throws -> ReaderOutcome {
        let now = clock()
        let chrome = try await chrome(now: now)
        let layout = try await store.homeLayout()
        let curatedIDs = [layout.topStory].compactMap { $0 } + layout.featured
        let curated = try await store.publishedSummaries(ids: curatedIDs, now: now)
        var topStory: ArticleSummary? = layout.topStory.flatMap { top in curated.first { $0.id == top } }
        var featured: [ArticleSummary] = curated.filter { $0.id != topStory?.id }
        // Empty slots are filled with the newest articles, so a paper without curation still has a front page.
        let needed = (topStory == nil ? 1 : 0) + max(0, Self.featuredCount - featured.count)
        if needed > 0 {
            let taken = Set(curated.map(\.id))
            var fill = try await store.latestPublished(
                excludingSections: [], excludingArticles: taken, limit: needed, now: now
            )[...]
            if topStory == nil { topStory = fill.popFirst() }
            while featured.count < Self.featuredCount, let next = fill.popFirst() { featured.append(next) }
        }
        featured = Array(featured.prefix(Self.featuredCount))
        let shown: Set<ArticleID> = Set(featured.map(\.id) + [topStory?.id].compactMap { $0 })
        let latest = try await store.latestPublished(
            excludingSections: [], excludingArticles: shown, limit: Self.latestCount, now: now
        )
        var blocks: [SectionBlock] = []
        for section in chrome.sections where section.parentID == nil {
            let page = try await store.publishedArticles(
                .section(section.id), page: PageRequest(number: 1, size: Self.sectionBlockCount + shown.count), now: now
            )
            let articles = Array(page.items.filter { !shown.contains($0.id) }.prefix(Self.sectionBlockCount))
            if !articles.isEmpty { blocks.append(SectionBlock(section: section, articles: articles)) }
        }
        let content = HomePageContent(topStory: topStory, featured: featured, latest: latest, sectionBlocks: blocks)
        let displayed: [ArticleSummary] = [topStory].compactMap { $0 } + featured + latest + blocks.flatMap(\.articles)
        var dependencies: Set<ContentDependency> = [.latest]
        dependencies.formUnion(displayed.map { ContentDependency.article($0.id) })
        return .page(CachedPage(
            contentType: Self.html, text: renderer.render(home: content, chrome: chrome), dependencies: dependencies
        ))
    }

    /// An article page, from the last segment of its URL (`{slug}-{id}.html`).
    public func article(segment: String) async throws -> ReaderOutcome {
        guard let (slug, id) = SiteURL.parseArticleSegment(segment) else { return try await notFound() }
        let now = clock()
        guard let article = try await store.publishedArticle(id: id, now: now) else { return try await notFound() }
        guard article.slug == slug else { return .redirect(SiteURL.article(id: id, slug: article.slug).path) }
        async let chrome = chrome(now: now)
        async let candidates = store.relatedCandidates(for: article, limit: RelatedArticles.defaultLimit, now: now)
        async let corrections = store.corrections(articleID: article.id)
        let family = try await familySectionIDs(of: article.section)
        async let readMoreList = store.latestPublished(
            excludingSections: family, excludingArticles: [article.id], limit: Self.readMoreCount, now: now
        )
        let found = try await candidates
        let related = RelatedArticles.select(
            for: article.id, curated: found.curated, sameTopic: found.sameTopic, sharedTags: found.sharedTags,
            similar: found.similar, sameSection: found.sameSection
        )
        let readMore = try await readMoreList
        let content = ArticlePageContent(article: article, related: related, readMore: readMore, corrections: try await corrections)
        // A new correction names the article (`.article`), so the page's own id covers its corrections box.
        var dependencies: Set<ContentDependency> = [.article(article.id), .latest, .section(article.section.id)]
        dependencies.formUnion((related + readMore).map { .article($0.id) })
        dependencies.formUnion(article.tags.map { .tag($0.id) })
        if let topic = article.topic { dependencies.insert(.topic(topic.id)) }
        return .page(CachedPage(
            contentType: Self.html, text: renderer.render(article: content, chrome: try await chrome),
            dependencies: dependencies
        ))
    }

    /// The ids of a section's family: its top-level section and every subsection of that.
    func familySectionIDs(of section: Section) async throws -> Set<SectionID> {
        let root = section.parentID ?? section.id
        let all = try await store.sections()
        return Set(all.filter { $0.id == root || $0.parentID == root }.map(\.id))
    }

    /// A section page (with its subsections' articles).
    public func section(slug: String, page: Int) async throws -> ReaderOutcome {
        guard let section = try await store.section(slug: slug) else { return try await notFound() }
        return try await listing(.section(section), filter: .section(section.id), dependency: .section(section.id), page: page)
    }

    /// A tag page.
    public func tag(slug: String, page: Int) async throws -> ReaderOutcome {
        guard let tag = try await store.tag(slug: slug) else { return try await notFound() }
        return try await listing(.tag(tag), filter: .tag(tag.id), dependency: .tag(tag.id), page: page)
    }

    /// A topic (dòng sự kiện) page.
    public func topic(slug: String, page: Int) async throws -> ReaderOutcome {
        guard let topic = try await store.topic(slug: slug) else { return try await notFound() }
        return try await listing(.topic(topic), filter: .topic(topic.id), dependency: .topic(topic.id), page: page)
    }

    /// An author page.
    public func author(slug: String, page: Int) async throws -> ReaderOutcome {
        guard let author = try await store.author(slug: slug) else { return try await notFound() }
        return try await listing(.author(author), filter: .author(author.id), dependency: .author(author.id), page: page)
    }

    private func listing(
        _ subject: ListingSubject, filter: ArticleFilter, dependency: ContentDependency, page number: Int
    ) async throws -> ReaderOutcome {
        let now = clock()
        let page = try await store.publishedArticles(
            filter, page: PageRequest(number: number, size: Self.listingPageSize), now: now
        )
        // Page 1 of an empty list exists ("Chưa có bài viết"); a page past the end does not.
        guard !page.isBeyondEnd else { return try await notFound() }
        let content = ListingPageContent(
            subject: subject, articles: page.items, pageNumber: page.request.number, pageCount: page.pageCount,
            totalCount: page.totalCount
        )
        return .page(CachedPage(
            contentType: Self.html, text: renderer.render(listing: content, chrome: try await chrome(now: now)),
            dependencies: Set(page.items.map { .article($0.id) }).union([dependency])
        ))
    }

    /// The corrections index ("Thông tin cải chính"), newest first, paged like the listings.
    public func corrections(page number: Int) async throws -> ReaderOutcome {
        let now = clock()
        let page = try await store.correctionsIndex(page: PageRequest(number: number, size: Self.listingPageSize), now: now)
        guard !page.isBeyondEnd else { return try await notFound() }
        let content = CorrectionsPageContent(
            items: page.items.map { (correction: $0.correction, article: $0.article) }, pageNumber: page.request.number,
            pageCount: page.pageCount, totalCount: page.totalCount
        )
        // A new correction (`.corrections`), a corrected article appearing or disappearing (`.latest`), or a listed
        // article's live version changing (`.article`) changes the index.
        var dependencies: Set<ContentDependency> = [.corrections, .latest]
        dependencies.formUnion(page.items.map { .article($0.article.id) })
        return .page(CachedPage(
            contentType: Self.html, text: renderer.render(corrections: content, chrome: try await chrome(now: now)),
            dependencies: dependencies
        ))
    }

    /// The Vietnamese "page not found" page, with status 404.
    public func notFound() async throws -> ReaderOutcome {
        .page(try await errorPage(.notFound))
    }

    /// An error page with the site's chrome.
    public func errorPage(_ content: ErrorPageContent) async throws -> CachedPage {
        CachedPage(
            status: .init(code: content.status), contentType: Self.html,
            text: renderer.render(error: content, chrome: try await chrome(now: clock())), dependencies: [.site]
        )
    }
}
