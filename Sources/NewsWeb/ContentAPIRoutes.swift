import Foundation
import Hummingbird
import NewsDomain
import NewsRendering
import NewsStore
import Synchronization

/// The public, read-only Content API under `/api/v1/` (documented in `openapi/content.yaml`, served as
/// `/api/v1/openapi.json`): published articles with filters and page tokens, one article with its body as HTML,
/// sections, tags, topics and authors. It shows exactly what the reader site shows (published, time come, live
/// version only).
///
/// Answers carry an ETag (`If-None-Match` gets 304) and `Cache-Control: public, max-age=30`. Article answers and the
/// section list are kept in the page cache with their dependencies, so a publication, edit, correction or takedown
/// drops them as it drops the pages (at most one change-log poll, 250 ms, later); the tag, topic and author lists
/// (counts over every article) are kept only until the next change of any kind.
public struct ContentAPIRoutes: Sendable {
    let store: any NewsStorage
    let cache: PageCache
    let clock: @Sendable () -> Date
    let body = ArticleBodyRenderer()
    let termCache = TermListCache()

    /// Creates the routes over `store`, keeping answers in `cache` (the reader pages' cache, which the change follower
    /// keeps fresh).
    public init(store: any NewsStorage, cache: PageCache, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.cache = cache
        self.clock = clock
    }

    static let json = "application/json; charset=utf-8"
    static let articleFilters = ["section", "tag", "topic", "author", "from", "to", "limit", "page_token"]
    static let listParameters = ["limit", "page_token"]

    /// Registers the routes on `router`.
    public func register(on router: Router<NewsRequestContext>) {
        let api = router.group("api/v1")
        api.get("articles") { request, _ in try await articles(request) }
        api.get("articles/slug/:slug") { request, context in
            _ = try ContentAPIQuery(request, allowed: [])
            let raw = try context.parameters.require("slug")
            let slug = raw.removingPercentEncoding ?? raw
            return try await cached(request, key: "\(ContentAPIMiddleware.prefix)articles/slug/\(Self.keyEscaped(slug))") {
                let now = clock()
                guard let article = try await store.publishedArticle(slug: slug, now: now) else {
                    throw RequestProblem.notFound("slug", "No published article has the slug \"\(ContentAPIQuery.shown(slug))\"")
                }
                // Any article can come to own the slug (published, or edited to it), so any article change drops this.
                return try await single(article, dependencies: [.anyArticle])
            }
        }
        api.get("articles/:id") { request, context in
            _ = try ContentAPIQuery(request, allowed: [])
            let raw = try context.parameters.require("id")
            guard raw.count <= 18, raw.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int64(raw), number > 0 else {
                throw RequestProblem.invalid("id", "The article id must be a positive whole number; got \"\(ContentAPIQuery.shown(raw))\"")
            }
            return try await cached(request, key: "\(ContentAPIMiddleware.prefix)articles/\(number)") {
                guard let article = try await store.publishedArticle(id: ArticleID(number), now: clock()) else {
                    throw RequestProblem.notFound("id", "No published article has the id \(number)")
                }
                return try await single(article, dependencies: [])
            }
        }
        api.get("sections") { request, _ in
            _ = try ContentAPIQuery(request, allowed: [])
            return try await cached(request, key: "\(ContentAPIMiddleware.prefix)sections") {
                async let settings = store.siteSettings()
                let sections = try await store.sections()
                let links = SiteAddress(try await settings.baseURL)
                let slugs = Dictionary(sections.map { ($0.id, $0.slug) }, uniquingKeysWith: { first, _ in first })
                let items = sections.map {
                    ContentAPIModels.SectionItem(
                        id: $0.id.rawValue, slug: $0.slug, name: $0.name, description: $0.description,
                        parent: $0.parentID.flatMap { slugs[$0] }, url: links.url(.section(slug: $0.slug))
                    )
                }
                return (try ContentAPIModels.encode(ContentAPIModels.SectionList(sections: items)), [.site])
            }
        }
        api.get("tags") { request, _ in
            try await terms(request, name: "tags") { after, limit, now, links in
                let slice = try await store.publicTags(afterSlug: after, limit: limit, now: now)
                return (slice.items.map {
                    ContentAPIModels.TermItem(
                        id: $0.term.id.rawValue, slug: $0.term.slug, name: $0.term.name, url: links.url(.tag(slug: $0.term.slug)),
                        articleCount: $0.articleCount, description: nil, title: nil, bio: nil
                    )
                }, slice.totalCount, slice.nextAfterSlug)
            }
        }
        api.get("topics") { request, _ in
            try await terms(request, name: "topics") { after, limit, now, links in
                let slice = try await store.publicTopics(afterSlug: after, limit: limit, now: now)
                return (slice.items.map {
                    ContentAPIModels.TermItem(
                        id: $0.term.id.rawValue, slug: $0.term.slug, name: $0.term.name, url: links.url(.topic(slug: $0.term.slug)),
                        articleCount: $0.articleCount, description: $0.term.description, title: nil, bio: nil
                    )
                }, slice.totalCount, slice.nextAfterSlug)
            }
        }
        api.get("authors") { request, _ in
            try await terms(request, name: "authors") { after, limit, now, links in
                let slice = try await store.publicAuthors(afterSlug: after, limit: limit, now: now)
                return (slice.items.map {
                    ContentAPIModels.TermItem(
                        id: $0.term.id.rawValue, slug: $0.term.slug, name: $0.term.name, url: links.url(.author(slug: $0.term.slug)),
                        articleCount: $0.articleCount, description: nil, title: $0.term.title, bio: $0.term.bio
                    )
                }, slice.totalCount, slice.nextAfterSlug)
            }
        }
        api.get("openapi.json") { request, _ in
            _ = try ContentAPIQuery(request, allowed: [])
            guard let document = ContentAPIDocument.page else {
                throw RequestProblem.notFound("path", "The OpenAPI document is not bundled with this build")
            }
            return ReaderRoutes.response(document, request: request)
        }
    }

    // MARK: - Articles

    private func articles(_ request: Request) async throws -> Response {
        let query = try ContentAPIQuery(request, allowed: Self.articleFilters)
        let sectionSlug = try query.slug("section")
        let tagSlug = try query.slug("tag")
        let topicSlug = try query.slug("topic")
        let authorSlug = try query.slug("author")
        let from = try query.date("from", endOfDay: false)
        let to = try query.date("to", endOfDay: true)
        let limit = try query.limit(default: ContentAPIQuery.defaultArticleLimit)
        let after = try query.articlePosition()
        // The canonical form of what was asked, in a fixed order; the plain list is the bare path, which the
        // channel-level fast path then answers like a cached page.
        var parts: [String] = []
        for (name, value) in [("section", sectionSlug), ("tag", tagSlug), ("topic", topicSlug), ("author", authorSlug)] {
            if let value { parts.append("\(name)=\(Self.keyEscaped(value))") }
        }
        if let from { parts.append("from=\(from.timeIntervalSince1970)") }
        if let to { parts.append("to=\(to.timeIntervalSince1970)") }
        if limit != ContentAPIQuery.defaultArticleLimit { parts.append("limit=\(limit)") }
        if let after { parts.append("page_token=\(ArticlePageToken.encode(after))") }
        let path = "\(ContentAPIMiddleware.prefix)articles"
        let key = parts.isEmpty ? path : path + "?" + parts.joined(separator: "&")

        return try await cached(request, key: key) {
            async let settings = store.siteSettings()
            var articleQuery = ArticleQuery(from: from, to: to, after: after, limit: limit)
            var dependencies: Set<ContentDependency> = []
            if let sectionSlug {
                guard let section = try await store.section(slug: sectionSlug) else {
                    throw RequestProblem.notFound("section", "No section has the slug \"\(ContentAPIQuery.shown(sectionSlug))\"")
                }
                articleQuery.sectionID = section.id
                dependencies.insert(.section(section.id))
            }
            if let tagSlug {
                guard let tag = try await store.tag(slug: tagSlug) else {
                    throw RequestProblem.notFound("tag", "No tag has the slug \"\(ContentAPIQuery.shown(tagSlug))\"")
                }
                articleQuery.tagID = tag.id
                dependencies.insert(.tag(tag.id))
            }
            if let topicSlug {
                guard let topic = try await store.topic(slug: topicSlug) else {
                    throw RequestProblem.notFound("topic", "No topic has the slug \"\(ContentAPIQuery.shown(topicSlug))\"")
                }
                articleQuery.topicID = topic.id
                dependencies.insert(.topic(topic.id))
            }
            if let authorSlug {
                guard let author = try await store.author(slug: authorSlug) else {
                    throw RequestProblem.notFound("author", "No author has the slug \"\(ContentAPIQuery.shown(authorSlug))\"")
                }
                articleQuery.authorID = author.id
                dependencies.insert(.author(author.id))
            }
            // A list narrowed to a section, tag, topic or author changes when one of its articles does (each names its
            // lists); any other list also changes whenever an article appears or goes.
            if dependencies.isEmpty { dependencies.insert(.latest) }
            let slice = try await store.publishedArticles(matching: articleQuery, now: clock())
            dependencies.formUnion(slice.items.map { .article($0.id) })
            let links = SiteAddress(try await settings.baseURL)
            let list = ContentAPIModels.ArticleList(
                articles: slice.items.map { ContentAPIModels.ArticleItem($0, links: links, correctedAt: slice.correctedAt[$0.id]) },
                total: slice.totalCount,
                limit: limit, nextPageToken: slice.next.map(ArticlePageToken.encode)
            )
            return (try ContentAPIModels.encode(list), dependencies)
        }
    }

    /// One article with its body, images and corrections; it depends on itself (a correction names it too).
    private func single(
        _ article: Article, dependencies: Set<ContentDependency>
    ) async throws -> ([UInt8], Set<ContentDependency>) {
        async let settings = store.siteSettings()
        let corrections = try await store.corrections(articleID: article.id)
        let links = SiteAddress(try await settings.baseURL)
        let item = ContentAPIModels.ArticleItem(
            article, links: links, corrections: corrections, bodyHTML: body.html(article, baseURL: links.baseURL)
        )
        return (try ContentAPIModels.encode(item), dependencies.union([.article(article.id)]))
    }

    // MARK: - Tags, topics, authors

    private func terms(
        _ request: Request, name: String,
        _ fetch: @Sendable (String?, Int, Date, SiteAddress) async throws -> ([ContentAPIModels.TermItem], Int, String?)
    ) async throws -> Response {
        let query = try ContentAPIQuery(request, allowed: Self.listParameters)
        let limit = try query.limit(default: ContentAPIQuery.defaultTermLimit)
        let after = try query.termPosition()
        var key = "\(ContentAPIMiddleware.prefix)\(name)?limit=\(limit)"
        if let after { key += "&page_token=\(TermPageToken.encode(after))" }
        // Counts over every visible article change with any publication, edit or takedown, which no one dependency
        // names: the answer is kept until the next change of any kind (the cache's generation moves on).
        let generation = cache.generation
        if let page = termCache.page(for: key, generation: generation) {
            return ReaderRoutes.response(page, request: request)
        }
        async let settings = store.siteSettings()
        let (items, total, next) = try await fetch(after, limit, clock(), SiteAddress(try await settings.baseURL))
        let list = ContentAPIModels.TermList(
            name: name, items: items, total: total, limit: limit, nextPageToken: next.map(TermPageToken.encode)
        )
        let page = Self.page(try ContentAPIModels.encode(list), dependencies: [])
        termCache.store(page, for: key, generation: generation)
        return ReaderRoutes.response(page, request: request)
    }

    // MARK: - Caching and validators

    /// Sends the answer cached under `key`, or makes, caches and sends it.
    private func cached(
        _ request: Request, key: String, _ make: @Sendable () async throws -> ([UInt8], Set<ContentDependency>)
    ) async throws -> Response {
        if let page = cache.page(for: key) {
            return ReaderRoutes.response(page, request: request)
        }
        let generation = cache.generation
        let (bytes, dependencies) = try await make()
        let page = Self.page(bytes, dependencies: dependencies)
        cache.store(page, for: key, generation: generation)
        return ReaderRoutes.response(page, request: request)
    }

    /// A JSON answer with its ETag, cache lifetime and CORS headers made once (the fast path sends them as they are).
    static func page(_ bytes: [UInt8], dependencies: Set<ContentDependency>, cacheControl: String = CachedPage.pageCacheControl) -> CachedPage {
        var page = CachedPage(contentType: json, bytes: bytes, dependencies: dependencies, cacheControl: cacheControl)
        for field in ContentAPIMiddleware.corsHeaders {
            page.headers[field.name] = field.value
            page.notModifiedHeaders[field.name] = field.value
            page.completeHeaders[field.name] = field.value
        }
        return page
    }

    /// A slug as it appears in a cache key: anything that could be read as another parameter is escaped.
    static func keyEscaped(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_."))) ?? value
    }
}

/// Tag, topic and author lists, kept until the page cache's generation moves on (any change at all).
final class TermListCache: Sendable {
    private let entries = Mutex<[String: (generation: UInt64, page: CachedPage)]>([:])
    /// At most this many answers are kept (a client walking every page of a big tag list cannot grow it without end).
    static let limit = 256

    func page(for key: String, generation: UInt64) -> CachedPage? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.generation == generation else { return nil }
            return entry.page
        }
    }

    func store(_ page: CachedPage, for key: String, generation: UInt64) {
        entries.withLock { entries in
            if entries.count >= Self.limit { entries = entries.filter { $0.value.generation == generation } }
            if entries.count >= Self.limit { entries.removeAll() }
            entries[key] = (generation, page)
        }
    }
}
