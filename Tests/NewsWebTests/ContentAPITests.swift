import Foundation
import Hummingbird
import HummingbirdTesting
import NewsDomain
import NewsStore
import NewsTestSupport
import NewsWeb
import Testing

@Suite("Content API")
struct ContentAPITests {
    /// Four visible articles (a1 newest … a4 three days old), a draft and one imported with a future time.
    static let articles = [
        Fixtures.input(
            id: "a1", title: "Hội nghị Mekong khai mạc", section: "the-gioi", tags: ["Biển Đông"], topic: "Hội nghị Mekong",
            author: "Trần Minh Thử", minutesAgo: 10
        ),
        Fixtures.input(id: "a2", title: "ASEAN họp ở Jakarta", section: "chau-a", tags: ["Biển Đông", "ASEAN"], author: "Lê Thị Hai", minutesAgo: 20),
        Fixtures.input(
            id: "a3", title: "Giá vàng tăng mạnh", section: "kinh-te", tags: ["Giá vàng"], author: "Trần Minh Thử", minutesAgo: 60,
            images: [ImageInput(src: "anh/vang.jpg", alt: "Vàng miếng", caption: "Vàng miếng ở Hà Nội", credit: "TTXVN", width: 1200, height: 675)],
            body: "Giá vàng **tăng** mạnh.\n\n![Vàng miếng](anh/vang.jpg)\n\n<script>alert(1)</script>"
        ),
        Fixtures.input(id: "a4", title: "Xuất khẩu gạo cuối năm", section: "kinh-te", author: "Lê Thị Hai", minutesAgo: 3 * 24 * 60),
        Fixtures.input(
            id: "draft", title: "Bí mật bản nháp", section: "the-gioi", tags: ["Bí mật riêng"], topic: "Bí mật chuyện",
            author: "Bí mật tác giả", status: .draft
        ),
        Fixtures.input(id: "future", title: "Bí mật tương lai", section: "the-gioi", tags: ["Biển Đông"], minutesAgo: -60),
    ]

    static func get(
        _ client: some TestClientProtocol, _ uri: String, headers: HTTPFields = [:]
    ) async throws -> (status: HTTPResponse.Status, json: [String: Any], response: TestResponse) {
        let response = try await client.execute(uri: uri, method: .get, headers: headers)
        let json = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
        return (response.status, json, response)
    }

    static func titles(_ json: [String: Any]) -> [String] {
        (json["articles"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
    }

    static func error(_ json: [String: Any]) -> (code: String?, field: String?, message: String?) {
        let error = json["error"] as? [String: Any] ?? [:]
        return (error["code"] as? String, error["field"] as? String, error["message"] as? String)
    }

    @Test("the article list: visible articles only, newest first, with links, taxonomy and +07:00 times")
    func list() async throws {
        try await TestSite.run(articles: Self.articles) { _, ids, client in
            let (status, json, response) = try await Self.get(client, "/api/v1/articles")
            #expect(status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(Self.titles(json) == ["Hội nghị Mekong khai mạc", "ASEAN họp ở Jakarta", "Giá vàng tăng mạnh", "Xuất khẩu gạo cuối năm"])
            #expect(json["total"] as? Int == 4)
            #expect(json["limit"] as? Int == 20)
            #expect(json["next_page_token"] is NSNull)
            let first = try #require((json["articles"] as? [[String: Any]])?.first)
            #expect(first["id"] as? Int == Int(ids["a1"]!.rawValue))
            #expect(first["url"] as? String == "https://bao.example/hoi-nghi-mekong-khai-mac-\(ids["a1"]!).html")
            #expect(first["published_at"] as? String == "2023-12-22T10:20:00+07:00")
            #expect((first["updated_at"] as? String)?.hasSuffix("+07:00") == true)
            #expect((first["section"] as? [String: Any])?["slug"] as? String == "the-gioi")
            #expect((first["topic"] as? [String: Any])?["url"] as? String == "https://bao.example/dong-su-kien/hoi-nghi-mekong")
            #expect((first["tags"] as? [[String: Any]])?.map { $0["slug"] as? String } == ["bien-dong"])
            #expect((first["authors"] as? [[String: Any]])?.first?["url"] as? String == "https://bao.example/tac-gia/tran-minh-thu")
            #expect(first["image"] is NSNull)
            #expect(first["body_html"] == nil, "lists carry no body")
            let second = try #require((json["articles"] as? [[String: Any]])?.dropFirst().first)
            #expect(second["topic"] is NSNull, "a required field without a value is null, not left out")
            #expect(!response.text.contains("Bí mật"))
        }
    }

    @Test("filters by section (with subsections), tag, topic, author and date range, combined with AND")
    func filters() async throws {
        try await TestSite.run(articles: Self.articles) { _, _, client in
            let expectations: [(String, [String])] = [
                ("section=the-gioi", ["Hội nghị Mekong khai mạc", "ASEAN họp ở Jakarta"]),
                ("section=chau-a", ["ASEAN họp ở Jakarta"]),
                ("tag=bien-dong", ["Hội nghị Mekong khai mạc", "ASEAN họp ở Jakarta"]),
                ("topic=hoi-nghi-mekong", ["Hội nghị Mekong khai mạc"]),
                ("author=tran-minh-thu", ["Hội nghị Mekong khai mạc", "Giá vàng tăng mạnh"]),
                ("tag=bien-dong&author=tran-minh-thu", ["Hội nghị Mekong khai mạc"]),
                ("section=kinh-te&author=tran-minh-thu", ["Giá vàng tăng mạnh"]),
                ("from=2023-12-22", ["Hội nghị Mekong khai mạc", "ASEAN họp ở Jakarta", "Giá vàng tăng mạnh"]),
                ("to=2023-12-21", ["Xuất khẩu gạo cuối năm"]),
                ("from=2023-12-22T10:00:00%2B07:00", ["Hội nghị Mekong khai mạc", "ASEAN họp ở Jakarta"]),
                ("to=2023-12-22T03:10:00Z", ["ASEAN họp ở Jakarta", "Giá vàng tăng mạnh", "Xuất khẩu gạo cuối năm"]),
                ("from=2023-12-19&to=2023-12-19", ["Xuất khẩu gạo cuối năm"]),
                ("from=2023-12-23&to=2023-12-01", []),
            ]
            for (query, titles) in expectations {
                let (status, json, _) = try await Self.get(client, "/api/v1/articles?\(query)")
                #expect(status == .ok, "\(query)")
                #expect(Self.titles(json) == titles, "\(query)")
                #expect(json["total"] as? Int == titles.count, "\(query)")
            }
        }
    }

    @Test("page tokens walk the whole list once, in order, and say when it ends")
    func pagination() async throws {
        try await TestSite.run(articles: Self.articles) { _, _, client in
            var seen: [String] = []
            var token: String?
            var pages = 0
            repeat {
                let uri = "/api/v1/articles?limit=1" + (token.map { "&page_token=\($0)" } ?? "")
                let (status, json, _) = try await Self.get(client, uri)
                #expect(status == .ok)
                #expect(json["total"] as? Int == 4)
                #expect(json["limit"] as? Int == 1)
                seen += Self.titles(json)
                token = json["next_page_token"] as? String
                if let token { #expect(token.wholeMatch(of: /[0-9a-f]{16}\.[0-9]{1,18}/) != nil, "\(token)") }
                pages += 1
            } while token != nil && pages < 10
            #expect(seen == ["Hội nghị Mekong khai mạc", "ASEAN họp ở Jakarta", "Giá vàng tăng mạnh", "Xuất khẩu gạo cuối năm"])
            #expect(pages == 4)
            let (_, two, _) = try await Self.get(client, "/api/v1/articles?limit=3")
            #expect(Self.titles(two).count == 3)
            let next = try #require(two["next_page_token"] as? String)
            let (_, rest, _) = try await Self.get(client, "/api/v1/articles?limit=3&page_token=\(next)")
            #expect(Self.titles(rest) == ["Xuất khẩu gạo cuối năm"])
            #expect(rest["next_page_token"] is NSNull)
        }
    }

    @Test("one article by id or slug: body as safe HTML with absolute image URLs, images, corrections")
    func single() async throws {
        try await TestSite.run(articles: Self.articles) { _, ids, client in
            let id = ids["a3"]!
            let (status, json, response) = try await Self.get(client, "/api/v1/articles/\(id)")
            #expect(status == .ok)
            #expect(json["title"] as? String == "Giá vàng tăng mạnh")
            let body = try #require(json["body_html"] as? String)
            #expect(body.contains("<strong>tăng</strong>"))
            #expect(body.contains("src=\"https://bao.example/media/anh/vang.jpg\""))
            #expect(body.contains("(Ảnh: TTXVN)"))
            #expect(!body.contains("<script"), "raw HTML in Markdown is not passed through")
            let images = try #require(json["images"] as? [[String: Any]])
            #expect(images.first?["url"] as? String == "https://bao.example/media/anh/vang.jpg")
            #expect(images.first?["width"] as? Int == 1200)
            #expect(images.first?["crops"] as? [Any] != nil && (images.first?["crops"] as? [Any])?.isEmpty == true)
            #expect((json["image"] as? [String: Any])?["alt"] as? String == "Vàng miếng")
            #expect(json["corrections"] as? [Any] != nil)
            #expect(json["published_at"] as? String == "2023-12-22T09:30:00+07:00")
            #expect(response.headers[.cacheControl] == "public, max-age=30")

            let (bySlug, slugJSON, _) = try await Self.get(client, "/api/v1/articles/slug/gia-vang-tang-manh")
            #expect(bySlug == .ok)
            #expect(slugJSON["id"] as? Int == Int(id.rawValue))
            #expect(slugJSON["body_html"] as? String == body)
        }
    }

    @Test("sections, tags, topics and authors: only what published articles carry, with counts and page tokens")
    func taxonomies() async throws {
        try await TestSite.run(articles: Self.articles) { _, _, client in
            let (_, sections, _) = try await Self.get(client, "/api/v1/sections")
            let list = try #require(sections["sections"] as? [[String: Any]])
            #expect(list.map { $0["slug"] as? String } == ["the-gioi", "chau-a", "kinh-te"])
            #expect(list[1]["parent"] as? String == "the-gioi" && list[0]["parent"] is NSNull)
            #expect(list[0]["url"] as? String == "https://bao.example/the-gioi")

            let (_, tags, tagsResponse) = try await Self.get(client, "/api/v1/tags")
            let tagItems = try #require(tags["tags"] as? [[String: Any]])
            #expect(tagItems.map { $0["slug"] as? String } == ["asean", "bien-dong", "gia-vang"])
            #expect(tagItems.map { $0["article_count"] as? Int } == [1, 2, 1])
            #expect(tags["total"] as? Int == 3)
            #expect(!tagsResponse.text.contains("Bí mật"), "a tag only a draft carries is not listed")

            let (_, topics, topicsResponse) = try await Self.get(client, "/api/v1/topics")
            #expect((topics["topics"] as? [[String: Any]])?.map { $0["slug"] as? String } == ["hoi-nghi-mekong"])
            #expect(!topicsResponse.text.contains("Bí mật"))
            let (_, authors, authorsResponse) = try await Self.get(client, "/api/v1/authors")
            let authorItems = try #require(authors["authors"] as? [[String: Any]])
            #expect(authorItems.map { $0["slug"] as? String } == ["le-thi-hai", "tran-minh-thu"])
            #expect(authorItems.map { $0["article_count"] as? Int } == [2, 2])
            #expect(authorItems.first?["url"] as? String == "https://bao.example/tac-gia/le-thi-hai")
            #expect(!authorsResponse.text.contains("Bí mật"))

            var slugs: [String] = []
            var token: String?
            repeat {
                let (status, page, _) = try await Self.get(client, "/api/v1/tags?limit=2" + (token.map { "&page_token=\($0)" } ?? ""))
                #expect(status == .ok)
                slugs += (page["tags"] as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String }
                token = page["next_page_token"] as? String
            } while token != nil && slugs.count < 10
            #expect(slugs == ["asean", "bien-dong", "gia-vang"])
        }
    }

    @Test("bad input gets a clear JSON error naming the parameter, never a 500")
    func badInput() async throws {
        try await TestSite.run(articles: Self.articles) { _, ids, client in
            let cases: [(String, HTTPResponse.Status, String, String?)] = [
                ("/api/v1/articles?sektion=the-gioi", .badRequest, "unknown-parameter", "sektion"),
                ("/api/v1/articles?trang=2", .badRequest, "unknown-parameter", "trang"),
                ("/api/v1/articles?limit=100000", .badRequest, "invalid-parameter", "limit"),
                ("/api/v1/articles?limit=101", .badRequest, "invalid-parameter", "limit"),
                ("/api/v1/articles?limit=0", .badRequest, "invalid-parameter", "limit"),
                ("/api/v1/articles?limit=-1", .badRequest, "invalid-parameter", "limit"),
                ("/api/v1/articles?limit=abc", .badRequest, "invalid-parameter", "limit"),
                ("/api/v1/articles?page_token=not-a-token", .badRequest, "invalid-parameter", "page_token"),
                ("/api/v1/articles?page_token=t.6162", .badRequest, "invalid-parameter", "page_token"),
                ("/api/v1/articles?section=the-gioi&section=kinh-te", .badRequest, "invalid-parameter", "section"),
                ("/api/v1/articles?section=", .badRequest, "invalid-parameter", "section"),
                ("/api/v1/articles?from=h%C3%B4m-qua", .badRequest, "invalid-parameter", "from"),
                ("/api/v1/articles?to=2023-02-30", .badRequest, "invalid-parameter", "to"),
                ("/api/v1/articles?section=khong-co", .notFound, "not-found", "section"),
                ("/api/v1/articles?tag=khong-co", .notFound, "not-found", "tag"),
                ("/api/v1/articles/abc", .badRequest, "invalid-parameter", "id"),
                ("/api/v1/articles/0", .badRequest, "invalid-parameter", "id"),
                ("/api/v1/articles/99999999999999999999999", .badRequest, "invalid-parameter", "id"),
                ("/api/v1/articles/999999", .notFound, "not-found", "id"),
                ("/api/v1/articles/\(ids["draft"]!)", .notFound, "not-found", "id"),
                ("/api/v1/articles/\(ids["future"]!)", .notFound, "not-found", "id"),
                ("/api/v1/articles/\(ids["a1"]!)?full=1", .badRequest, "unknown-parameter", "full"),
                ("/api/v1/articles/slug/bi-mat-ban-nhap", .notFound, "not-found", "slug"),
                ("/api/v1/sections?limit=5", .badRequest, "unknown-parameter", "limit"),
                ("/api/v1/tags?limit=101", .badRequest, "invalid-parameter", "limit"),
                ("/api/v1/tags?page_token=0123456789abcdef.1", .badRequest, "invalid-parameter", "page_token"),
                ("/api/v1/khong-co", .notFound, "not-found", nil),
            ]
            for (uri, expected, code, field) in cases {
                let (status, json, response) = try await Self.get(client, uri)
                #expect(status == expected, "\(uri)")
                let error = Self.error(json)
                #expect(error.code == code, "\(uri): \(json)")
                #expect(error.field == field, "\(uri)")
                #expect(error.message?.isEmpty == false, "\(uri)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8", "\(uri)")
                #expect(response.headers[.accessControlAllowOrigin] == "*", "\(uri): errors are readable cross-origin too")
                #expect(response.headers[.cacheControl] == "no-store", "\(uri)")
            }
            let (_, unknown, _) = try await Self.get(client, "/api/v1/articles?sektion=x")
            #expect(Self.error(unknown).message?.contains("\"sektion\"") == true)
        }
    }

    @Test("odd but well-formed input is answered, never a 500: any token of the documented shape is a position")
    func oddInput() async throws {
        try await TestSite.run(articles: Self.articles) { _, _, client in
            let cases: [(String, Int)] = [
                ("/api/v1/articles?page_token=7ff8000000000000.1", 0),  // NaN: nothing is older
                ("/api/v1/articles?page_token=fff0000000000000.1", 0),  // −∞
                ("/api/v1/articles?page_token=7ff0000000000000.999999999999999999", 4),  // +∞: everything is older
                ("/api/v1/articles?page_token=0000000000000000.0", 0),
                ("/api/v1/articles?from=0001-01-01&to=9999-12-31", 4),
                ("/api/v1/articles?from=2023-12-22T10:15:00.5%2B07:00&to=2023-12-22T10:20:00.000001%2B07:00", 1),
                ("/api/v1/articles?limit=100", 4),
                ("/api/v1/articles?section=%00%0A", -1),
                ("/api/v1/tags?page_token=t.ff", 0),
                ("/api/v1/tags?page_token=t.00", 3),
            ]
            for (uri, count) in cases {
                let (status, json, _) = try await Self.get(client, uri)
                if count < 0 {
                    #expect(status == .notFound, "\(uri)")
                    continue
                }
                #expect(status == .ok, "\(uri)")
                let items = (json["articles"] ?? json["tags"]) as? [Any]
                #expect(items?.count == count, "\(uri)")
            }
        }
    }

    @Test("ETag and If-None-Match give 304; answers are cached and say for how long")
    func validators() async throws {
        try await TestSite.run(articles: Self.articles) { site, ids, client in
            for uri in ["/api/v1/articles", "/api/v1/articles?tag=bien-dong&limit=5", "/api/v1/articles/\(ids["a1"]!)", "/api/v1/sections",
                        "/api/v1/tags", "/api/v1/openapi.json"] {
                let (status, _, response) = try await Self.get(client, uri)
                #expect(status == .ok, "\(uri)")
                let etag = try #require(response.headers[.eTag], "\(uri)")
                #expect(response.headers[.cacheControl]?.hasPrefix("public, max-age=") == true, "\(uri)")
                for header in [etag, "W/\(etag)", "\"other\", \(etag)", "*"] {
                    let (again, _, notModified) = try await Self.get(client, uri, headers: [.ifNoneMatch: header])
                    #expect(again == .notModified, "\(uri) with \(header)")
                    #expect(notModified.body.readableBytes == 0)
                    #expect(notModified.headers[.eTag] == etag)
                    #expect(notModified.headers[.accessControlAllowOrigin] == "*")
                }
                let (changed, _, _) = try await Self.get(client, uri, headers: [.ifNoneMatch: "\"stale\""])
                #expect(changed == .ok)
            }
            #expect(site.cache.page(for: "/api/v1/articles") != nil, "the plain list is a cached page (the fast path serves it)")
            #expect(site.cache.page(for: "/api/v1/articles?tag=bien-dong&limit=5") != nil)
        }
    }

    @Test("CORS: any origin may read; preflights are answered; other methods get 405 with Allow")
    func cors() async throws {
        try await TestSite.run(articles: Self.articles) { _, _, client in
            let (_, _, response) = try await Self.get(client, "/api/v1/articles", headers: [.origin: "https://app.example"])
            #expect(response.headers[.accessControlAllowOrigin] == "*")
            #expect(response.headers[.accessControlExposeHeaders] == "ETag")
            for path in ["/api/v1/articles", "/api/v1/articles/1", "/api/v1/tags", "/api/v1/search"] {
                let preflight = try await client.execute(
                    uri: path, method: .options,
                    headers: [.origin: "https://app.example", .accessControlRequestMethod: "GET", .accessControlRequestHeaders: "if-none-match"]
                )
                #expect(preflight.status == .noContent, "\(path)")
                #expect(preflight.headers[.accessControlAllowOrigin] == "*")
                #expect(preflight.headers[.accessControlAllowMethods] == "GET, HEAD, OPTIONS")
                #expect(preflight.headers[.accessControlAllowHeaders] == "if-none-match")
            }
            for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
                let refused = try await client.execute(uri: "/api/v1/articles", method: method)
                #expect(refused.status == .methodNotAllowed, "\(method)")
                #expect(refused.headers[.allow] == "GET, HEAD, OPTIONS")
                #expect(refused.headers[.accessControlAllowOrigin] == "*")
                #expect(AdminAPISessionTests.errorCode(refused) == "method-not-allowed")
            }
            // Reader pages are untouched by the API's CORS.
            let home = try await client.execute(uri: "/", method: .get)
            #expect(home.headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test("the OpenAPI document is served as JSON")
    func document() async throws {
        try await TestSite.run { _, _, client in
            let (status, json, response) = try await Self.get(client, "/api/v1/openapi.json")
            #expect(status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect((json["openapi"] as? String)?.hasPrefix("3.1") == true)
            let paths = try #require(json["paths"] as? [String: Any])
            for path in ["/api/v1/articles", "/api/v1/articles/{id}", "/api/v1/articles/slug/{slug}", "/api/v1/sections", "/api/v1/tags",
                         "/api/v1/topics", "/api/v1/authors"] {
                #expect(paths[path] != nil, "\(path) is documented")
            }
        }
    }
}
