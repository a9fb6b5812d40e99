import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NewsApp
import NewsRendering
import NewsTestSupport
import NewsStore
import NewsDomain
import NewsWeb
import Testing

@Suite("Errors become reader pages")
struct ErrorMappingTests {
    @Test("when the database is gone readers get a Vietnamese 503 page without internals")
    func databaseGone() async throws {
        let parts = NewsApplication.Parts(
            store: FailingStore(), theme: try Theme.load(from: Fixtures.themeDirectory), mediaDirectory: NSTemporaryDirectory()
        )
        let (router, _) = NewsApplication.router(parts: parts, clock: { Fixtures.now }, logger: Logger(label: "test"))
        try await Application(router: router).test(.router) { client in
            for path in ["/", "/the-gioi", "/bai-viet-1.html", "/khong/co/dau"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .serviceUnavailable, "\(path)")
                    let text = String(buffer: response.body)
                    #expect(text.contains("Hệ thống đang tạm gián đoạn"))
                    #expect(!text.contains("database is gone"))
                    #expect(response.headers[.retryAfter] == "30")
                }
            }
        }
    }
}

@Suite("Page cache")
struct PageCacheTests {
    static func page(_ text: String, _ dependencies: Set<ContentDependency>) -> CachedPage {
        CachedPage(contentType: "text/html", text: text, dependencies: dependencies)
    }

    @Test("invalidation drops exactly the pages that depend on what changed; .site drops all")
    func precise() {
        let cache = PageCache()
        let g = cache.generation
        cache.store(Self.page("a", [.article(ArticleID(1))]), for: "/a", generation: g)
        cache.store(Self.page("b", [.article(ArticleID(2)), .latest]), for: "/b", generation: g)
        cache.invalidate([.article(ArticleID(1))])
        #expect(cache.page(for: "/a") == nil)
        #expect(cache.page(for: "/b") != nil)
        cache.invalidate([.latest])
        #expect(cache.page(for: "/b") == nil)
        cache.store(Self.page("c", [.tag(TagID(3))]), for: "/c", generation: cache.generation)
        cache.invalidate([.site])
        #expect(cache.statistics.pages == 0)
    }

    @Test("a page rendered across an invalidation is not stored")
    func generation() {
        let cache = PageCache()
        let g = cache.generation
        cache.invalidate([.latest])
        cache.store(Self.page("stale", [.latest]), for: "/", generation: g)
        #expect(cache.page(for: "/") == nil)
    }

    @Test("the byte limit evicts the oldest pages")
    func eviction() {
        let cache = PageCache(byteLimit: 4_000)
        for index in 0..<10 {
            cache.store(Self.page(String(repeating: "x", count: 900), [.latest]), for: "/\(index)", generation: cache.generation)
        }
        #expect(cache.statistics.bytes <= 4_000)
        #expect(cache.page(for: "/9") != nil)
        #expect(cache.page(for: "/0") == nil)
    }

    @Test("equal bodies have equal ETags; different bodies differ")
    func etags() {
        #expect(Self.page("x", []).etag == Self.page("x", [.latest]).etag)
        #expect(Self.page("x", []).etag != Self.page("y", []).etag)
    }
}
