import Foundation
import Hummingbird
import NewsRendering

/// The reader site's routes: pages through the page cache, theme assets, media files.
public struct ReaderRoutes: Sendable {
    let controller: ReaderController
    let cache: PageCache
    let assets: [String: CachedPage]

    /// Fingerprinted assets never change under the same URL.
    static let immutableCacheControl = "public, max-age=31536000, immutable"

    /// Creates the routes.
    public init(controller: ReaderController, cache: PageCache, theme: Theme) {
        self.controller = controller
        self.cache = cache
        self.assets = Dictionary(
            theme.assets.map {
                ($0.path, CachedPage(contentType: $0.contentType, bytes: $0.bytes, dependencies: [], cacheControl: Self.immutableCacheControl))
            },
            uniquingKeysWith: { first, _ in first }
        )
    }

    /// Registers the reader routes on `router`.
    public func register(on router: Router<NewsRequestContext>) {
        router.get("/") { request, _ in try await respond(request, key: "/") { try await controller.home() } }
        // A fixed path is matched before the `:segment` capture; the path is reserved, so no section can have it.
        router.get(RouterPath(SiteURL.corrections.path)) { request, _ in
            try await listing(request) { try await controller.corrections(page: $0) }
        }
        router.get(RouterPath(SiteURL.search.path)) { request, _ in
            // Never cached: each query is its own page, and caching them would only push real pages out.
            try await respond(request, key: nil) { try await controller.search(SearchPageRequest(parameters: Self.parameters(request))) }
        }
        router.get(":segment") { request, context in
            let segment = try context.parameters.require("segment")
            if segment.hasSuffix(".html") {
                return try await respond(request, key: Self.cacheKey(path: request.uri.path, page: nil)) {
                    try await controller.article(segment: segment)
                }
            }
            return try await listing(request) { try await controller.section(slug: segment, page: $0) }
        }
        router.get("tag/:slug") { request, context in
            let slug = try context.parameters.require("slug")
            return try await listing(request) { try await controller.tag(slug: slug, page: $0) }
        }
        router.get("dong-su-kien/:slug") { request, context in
            let slug = try context.parameters.require("slug")
            return try await listing(request) { try await controller.topic(slug: slug, page: $0) }
        }
        router.get("tac-gia/:slug") { request, context in
            let slug = try context.parameters.require("slug")
            return try await listing(request) { try await controller.author(slug: slug, page: $0) }
        }
        router.get("assets/**") { request, _ in
            guard let asset = assets[request.uri.path] else { throw HTTPError(.notFound) }
            return Self.response(asset, request: request)
        }
        router.get("healthz") { _, _ in "ok" }
    }

    /// A listing page: `?trang=N` picks the page; `trang=1` redirects to the bare path, and anything that is not a
    /// page number leads to the 404 page.
    private func listing(
        _ request: Request, _ build: @Sendable @escaping (Int) async throws -> ReaderOutcome
    ) async throws -> Response {
        let path = request.uri.path
        switch Self.pageNumber(request) {
        case .some(.none):
            return try await respond(request, key: Self.cacheKey(path: path, page: nil)) { try await build(1) }
        case .some(.some(1)):
            return redirect(to: Self.cacheKey(path: path, page: nil))
        case .some(.some(let number)):
            return try await respond(request, key: Self.cacheKey(path: path, page: number)) { try await build(number) }
        case .none:
            return try await respond(request, key: nil) { try await controller.notFound() }
        }
    }

    /// The requested page number: `.some(nil)` when absent, nil when present but not a page number.
    static func pageNumber(_ request: Request) -> Int??  {
        guard let raw = request.uri.queryParameters["trang"] else { return .some(nil) }
        guard raw.count <= 6, raw.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int(String(raw)), number >= 1 else {
            return nil
        }
        return .some(number)
    }

    /// The query parameters of a request as a form sends them; the first of a repeated name wins.
    static func parameters(_ request: Request) -> [String: String] {
        FormParameters(query: request.uri.query).first
    }

    /// The cache key of a reader page: its path without a trailing slash, and the page number when it is not 1.
    /// Other query parameters (tracking tags and the like) do not change the page, so they do not split the cache.
    static func cacheKey(path: String, page: Int?) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        guard let page, page > 1 else { return path }
        return "\(path)?trang=\(page)"
    }

    /// Sends the page cached under `key`, or builds, caches and sends it (a nil key is never cached).
    private func respond(
        _ request: Request, key: String?, _ build: @Sendable () async throws -> ReaderOutcome
    ) async throws -> Response {
        if let key, let cached = cache.page(for: key) {
            return Self.response(cached, request: request)
        }
        let generation = cache.generation
        switch try await build() {
        case .redirect(let location):
            return redirect(to: location)
        case .page(let page):
            if let key, page.status == .ok {
                cache.store(page, for: key, generation: generation)
            }
            return Self.response(page, request: request)
        }
    }

    private func redirect(to location: String) -> Response {
        Response(status: .movedPermanently, headers: [.location: location, .cacheControl: CachedPage.pageCacheControl])
    }

    /// The response for a page, answering a matching `If-None-Match` with 304.
    static func response(_ page: CachedPage, request: Request) -> Response {
        if page.isMatched(byIfNoneMatch: request.headers[.ifNoneMatch]) {
            return Response(status: .notModified, headers: page.notModifiedHeaders)
        }
        return Response(status: page.status, headers: page.headers, body: .init(byteBuffer: page.body))
    }
}
