import Foundation
import Hummingbird
import NewsRendering

/// The routes of feeds, sitemaps and robots.txt. Everything but the Google News sitemap goes through the page cache
/// (keyed by path; the query string is ignored), so the channel-level fast path answers it like any cached page.
public struct FeedRoutes: Sendable {
    let controller: FeedController
    let reader: ReaderController
    let cache: PageCache

    /// Creates the routes; `reader` supplies the 404 page.
    public init(controller: FeedController, reader: ReaderController, cache: PageCache) {
        self.controller = controller
        self.reader = reader
        self.cache = cache
    }

    /// Registers the routes on `router`. Fixed paths and `sitemap-…-{page}` match before the reader's `:segment`.
    public func register(on router: Router<NewsRequestContext>) {
        for format in [FeedController.Format.rss, .atom] {
            let file = "\(format.rawValue).xml"
            router.get(RouterPath(stringLiteral: file)) { request, _ in
                try await respond(request) { try await controller.feed(.all, format: format) }
            }
            router.get(RouterPath(stringLiteral: ":segment/\(file)")) { request, context in
                let slug = try context.parameters.require("segment")
                return try await respond(request) { try await controller.feed(.section(slug), format: format) }
            }
            router.get(RouterPath(stringLiteral: "tag/:slug/\(file)")) { request, context in
                let slug = try context.parameters.require("slug")
                return try await respond(request) { try await controller.feed(.tag(slug), format: format) }
            }
            router.get(RouterPath(stringLiteral: "dong-su-kien/:slug/\(file)")) { request, context in
                let slug = try context.parameters.require("slug")
                return try await respond(request) { try await controller.feed(.topic(slug), format: format) }
            }
            router.get(RouterPath(stringLiteral: "tac-gia/:slug/\(file)")) { request, context in
                let slug = try context.parameters.require("slug")
                return try await respond(request) { try await controller.feed(.author(slug), format: format) }
            }
        }
        router.get(RouterPath(stringLiteral: String(FeedController.Path.sitemapIndex.dropFirst()))) { request, _ in
            try await respond(request) { try await controller.sitemapIndex() }
        }
        router.get(RouterPath(stringLiteral: String(FeedController.Path.newsSitemap.dropFirst()))) { request, _ in
            try await respond(request, cached: false) { try await controller.newsSitemap() }
        }
        for kind in [FeedController.SitemapKind.articles, .lists, .news] {
            router.get(RouterPath(stringLiteral: "sitemap-\(kind.rawValue)-{page}")) { request, context in
                guard let page = Self.pageNumber(context.parameters.get("page")) else {
                    return try await respond(request) { nil }
                }
                return try await respond(request, cached: kind != .news) { try await controller.sitemap(kind, page: page) }
            }
        }
        router.get("robots.txt") { request, _ in
            try await respond(request) { try await controller.robots() }
        }
    }

    /// The page number in `N.xml` (no sign, no leading zero, at least 1), or nil.
    static func pageNumber(_ captured: String?) -> Int? {
        guard let captured, captured.hasSuffix(".xml") else { return nil }
        let digits = captured.dropLast(4)
        guard (1...6).contains(digits.count), digits.first != "0", digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return nil
        }
        return Int(digits)
    }

    /// Sends the document cached under the request's path, or builds (and, when `cached`, stores) it; a nil document
    /// is the reader's 404 page.
    private func respond(
        _ request: Request, cached: Bool = true, _ build: @Sendable () async throws -> CachedPage?
    ) async throws -> Response {
        let key = ReaderRoutes.cacheKey(path: request.uri.path, page: nil)
        if cached, let page = cache.page(for: key) {
            return ReaderRoutes.response(page, request: request)
        }
        let generation = cache.generation
        guard let page = try await build() else {
            guard case .page(let notFound) = try await reader.notFound() else { throw HTTPError(.notFound) }
            return ReaderRoutes.response(notFound, request: request)
        }
        if cached, page.status == .ok {
            cache.store(page, for: key, generation: generation)
        }
        return ReaderRoutes.response(page, request: request)
    }
}
