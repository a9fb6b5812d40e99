import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NewsApp
import NewsAuth
import NewsRendering
import NewsStore
import NewsTestSupport
import NewsWeb
import Testing

@Suite("Cached pages answered before routing, over a real socket")
struct FastPathTests {
    @Test("a cached page is sent by the fast path with the same bytes and validators; HEAD and 304 too; changes still show")
    func fastPath() async throws {
        let store = try await Fixtures.emptyStore()
        try await store.saveSiteSettings(Fixtures.settings)
        let ids = try await Fixtures.importNew(store, [Fixtures.input(id: "a", title: "Bài nhanh như tệp tĩnh", section: "the-gioi")])
        let parts = NewsApplication.Parts(
            store: store, theme: try Theme.load(from: Fixtures.themeDirectory), mediaDirectory: NSTemporaryDirectory()
        )
        let (router, cache) = NewsApplication.router(parts: parts, clock: { Fixtures.now }, logger: Logger(label: "test"))
        let follower = ContentChangeFollower(log: store, cache: cache, after: try await store.latestChangeSequence())
        let counter = FastPathCounter()
        let app = Application(router: router, server: readerServer(cache: cache, counter: counter))
        let path = "/bai-nhanh-nhu-tep-tinh-\(ids["a"]!).html"
        try await app.test(.live) { client in
            let first = try await client.execute(uri: path, method: .get)
            #expect(first.status == .ok)
            #expect(counter.value == 0)
            let second = try await client.execute(uri: path, method: .get)
            #expect(counter.value == 1)
            #expect(second.status == .ok)
            #expect(second.body == first.body)
            #expect(second.headers[.eTag] == first.headers[.eTag])
            #expect(second.headers[.contentType] == "text/html; charset=utf-8")
            #expect(second.headers[.contentLength] == String(first.body.readableBytes))
            #expect(second.headers[.date] != nil)
            let head = try await client.execute(uri: path, method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(counter.value == 2)
            let etag = try #require(first.headers[.eTag])
            let notModified = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag])
            #expect(notModified.status == .notModified)
            #expect(counter.value == 3)
            // The fast path reads If-None-Match as the router and the Content API do: lists and weak tags too.
            let listed = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "\"other\", W/\(etag)"])
            #expect(listed.status == .notModified)
            let stale = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "\"other\""])
            #expect(stale.status == .ok)
            #expect(counter.value == 5)
            // Other query strings go through the router (same page), and so does a page after it went stale.
            let tagged = try await client.execute(uri: path + "?utm_source=zalo", method: .get)
            #expect(tagged.status == .ok)
            #expect(counter.value == 5)
            _ = try await store.importArticles(
                [Fixtures.input(id: "a", title: "Bài nhanh như tệp tĩnh", section: "the-gioi", sapo: "Sapo mới sau khi sửa.")], now: Fixtures.now
            )
            try await follower.poll()
            let fresh = try await client.execute(uri: path, method: .get)
            #expect(String(buffer: fresh.body).contains("Sapo mới sau khi sửa."))
            #expect(counter.value == 5)
        }
    }

    @Test("cache keys: trailing slashes fold, ?trang=N>1 is kept, anything else goes to the router", arguments: [
        ("/the-gioi", "/the-gioi"), ("/the-gioi/", "/the-gioi"), ("/", "/"), ("/the-gioi?trang=2", "/the-gioi?trang=2"),
        ("/the-gioi?trang=1", nil), ("/the-gioi?trang=02", nil), ("/the-gioi?trang=x", nil), ("/a?utm=1", nil),
        ("/%61", nil), ("*", nil),
    ] as [(String, String?)])
    func keys(target: String, key: String?) {
        #expect(fastPathCacheKey(target) == key)
    }
}
