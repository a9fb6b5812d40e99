import Foundation
import Hummingbird
import HummingbirdTesting
import NewsDomain
import NewsStore
import NewsTestSupport
import NewsWeb
import Testing

@Suite("Reader routes")
struct ReaderRoutesTests {
    static let articles = [
        Fixtures.input(id: "a1", title: "Hội nghị Mekong khai mạc tại Cần Thơ", section: "the-gioi", tags: ["sông Mekong"], topic: "Hội nghị Mekong", author: "Trần Minh Thử", minutesAgo: 30),
        Fixtures.input(id: "a2", title: "Thị trường lúa gạo sôi động cuối năm", section: "kinh-te", tags: ["lúa gạo"], minutesAgo: 20),
        Fixtures.input(id: "draft", title: "Bản nháp không được lộ", status: .draft),
    ]

    @Test("the home page shows the newest articles with the masthead")
    func home() async throws {
        try await TestSite.run(articles: Self.articles) { _, _, client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("Hội nghị Mekong khai mạc tại Cần Thơ"))
                #expect(response.text.contains("Thị trường lúa gạo sôi động cuối năm"))
                #expect(response.text.contains("Báo Thử Nghiệm"))
                #expect(!response.text.contains("Bản nháp không được lộ"))
            }
        }
    }

    @Test("an article is served at /{slug}-{id}.html, cached, and revalidated with its ETag")
    func article() async throws {
        try await TestSite.run(articles: Self.articles) { site, ids, client in
            let path = "/hoi-nghi-mekong-khai-mac-tai-can-tho-\(ids["a1"]!).html"
            let etag = try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h1"))
                #expect(response.text.contains("Hội nghị Mekong khai mạc tại Cần Thơ"))
                #expect(response.headers[.cacheControl] == "public, max-age=30")
                return try #require(response.headers[.eTag])
            }
            let before = site.cache.statistics.hits
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == etag)
            }
            #expect(site.cache.statistics.hits == before + 1)
            try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test("an old or wrong slug answers 301 to the current address")
    func slugRedirect() async throws {
        try await TestSite.run(articles: Self.articles) { _, ids, client in
            try await client.execute(uri: "/ten-cu-\(ids["a1"]!).html", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/hoi-nghi-mekong-khai-mac-tai-can-tho-\(ids["a1"]!).html")
            }
        }
    }

    @Test("unknown ids, drafts, malformed addresses and unknown paths get the Vietnamese 404 page", arguments: [
        "/khong-co-999999.html", "/bai-0.html", "/abc.html", "/-.html", "/the-gioi/khong/co", "/chuyen-muc-la", "/tag/khong-co",
        "/dong-su-kien/khong-co", "/tac-gia/khong-co", "/assets/khong-co.css",
    ])
    func notFound(path: String) async throws {
        try await TestSite.run(articles: Self.articles) { _, _, client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("Không tìm thấy trang"))
                #expect(response.text.contains("href=\"/\""))
                #expect(response.headers[.cacheControl] == "no-store")
            }
        }
    }

    @Test("a draft's address is a 404 even with its real slug")
    func draftHidden() async throws {
        try await TestSite.run(articles: Self.articles) { _, ids, client in
            try await client.execute(uri: "/ban-nhap-khong-duoc-lo-\(ids["draft"]!).html", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(!response.text.contains("Bản nháp không được lộ"))
            }
        }
    }

    @Test("section, tag, topic and author pages list their articles")
    func listings() async throws {
        try await TestSite.run(articles: Self.articles) { _, _, client in
            for path in ["/the-gioi", "/the-gioi/", "/tag/song-mekong", "/dong-su-kien/hoi-nghi-mekong", "/tac-gia/tran-minh-thu"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.text.contains("Hội nghị Mekong khai mạc tại Cần Thơ"), "\(path)")
                    #expect(!response.text.contains("Thị trường lúa gạo sôi động cuối năm"), "\(path)")
                }
            }
        }
    }

    @Test("pagination: ?trang=1 redirects to the bare address, past the end and non-numbers are 404, tracking parameters share the page")
    func paginationEdges() async throws {
        let many = (1...25).map { Fixtures.input(id: "n\($0)", title: "Tin số \($0) trong ngày", section: "kinh-te", minutesAgo: $0) }
        try await TestSite.run(articles: many) { site, _, client in
            try await client.execute(uri: "/kinh-te?trang=1", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/kinh-te")
            }
            try await client.execute(uri: "/kinh-te?trang=2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Tin số 25 trong ngày"))
                #expect(!response.text.contains("Tin số 1 trong ngày<"))
            }
            for bad in ["3", "0", "-1", "abc", "1e3", "9999999"] {
                try await client.execute(uri: "/kinh-te?trang=\(bad)", method: .get) { response in
                    #expect(response.status == .notFound, "trang=\(bad)")
                }
            }
            _ = try await client.execute(uri: "/kinh-te", method: .get) { $0.status }
            let hits = site.cache.statistics.hits
            try await client.execute(uri: "/kinh-te?utm_source=zalo", method: .get) { response in
                #expect(response.status == .ok)
            }
            #expect(site.cache.statistics.hits == hits + 1)
        }
    }

    @Test("an edit reaches readers after the change log is followed: the article page and the lists that show it")
    func invalidation() async throws {
        try await TestSite.run(articles: Self.articles) { site, ids, client in
            let path = "/hoi-nghi-mekong-khai-mac-tai-can-tho-\(ids["a1"]!).html"
            _ = try await client.execute(uri: path, method: .get) { $0.status }
            _ = try await client.execute(uri: "/the-gioi", method: .get) { $0.status }
            _ = try await client.execute(uri: "/kinh-te", method: .get) { $0.status }
            #expect(site.cache.statistics.pages == 3)
            _ = try await site.store.importArticles(
                [Fixtures.input(id: "a1", title: "Hội nghị Mekong khai mạc tại Cần Thơ", section: "the-gioi", tags: ["sông Mekong"], topic: "Hội nghị Mekong", author: "Trần Minh Thử", minutesAgo: 30, sapo: "Sapo đã được biên tập lại.")],
                now: Fixtures.now
            )
            #expect(try await site.follower.poll() == 1)
            // The edited article and its section page are gone from the cache; the unrelated section page stays.
            #expect(site.cache.page(for: path) == nil)
            #expect(site.cache.page(for: "/the-gioi") == nil)
            #expect(site.cache.page(for: "/kinh-te") != nil)
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.text.contains("Sapo đã được biên tập lại."))
            }
        }
    }

    @Test("theme assets are served under fingerprinted paths with a long cache lifetime")
    func assets() async throws {
        try await TestSite.run { _, _, client in
            let home = try await client.execute(uri: "/", method: .get) { $0.text }
            let match = try #require(home.firstMatch(of: /href="(\/assets\/style\.[0-9a-f]+\.css)"/))
            try await client.execute(uri: String(match.1), method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/css") == true)
                #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
            }
        }
    }

    @Test("media files are served from the media folder")
    func media() async throws {
        try await TestSite.run { site, _, client in
            let folder = site.media.appendingPathComponent("imports/ab")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data([0xFF, 0xD8, 0xFF, 0xD9]).write(to: folder.appendingPathComponent("x.jpg"))
            try await client.execute(uri: "/media/imports/ab/x.jpg", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 4)
                #expect(response.headers[.cacheControl]?.contains("immutable") == true)
            }
            try await client.execute(uri: "/media/../../etc/passwd", method: .get) { response in
                #expect(response.status != .ok)
            }
        }
    }

    @Test("HEAD is answered like GET without a body")
    func head() async throws {
        try await TestSite.run(articles: Self.articles) { _, _, client in
            try await client.execute(uri: "/", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
        }
    }
}
