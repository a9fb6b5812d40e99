import Foundation
import Hummingbird
import HummingbirdTesting
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

/// Articles for the search tests: a phrase, its syllables scattered, other readings, a subsection, an older one.
private let articles: [ArticleInput] = [
    Fixtures.input(id: "rail", title: "Khởi công tuyến đường sắt tốc độ cao", section: "kinh-te", minutesAgo: 30,
                   body: "Tuyến đường sắt dài 1.541 km."),
    Fixtures.input(id: "scattered", title: "Đường phố và giá sắt thép", section: "the-gioi", minutesAgo: 60),
    Fixtures.input(id: "asia", title: "Đường sắt Trung Quốc – Lào <b>thông xe</b>", section: "chau-a",
                   minutesAgo: 60 * 24 * 40),
    Fixtures.input(id: "piano", title: "Dương cầm ở Hà Nội", section: "the-gioi", minutesAgo: 90),
]

@Suite("Search page /tim-kiem")
struct SearchPageTests {
    @Test("Results with marks, the query back in the box, count, noindex, and never in the page cache")
    func results() async throws {
        try await TestSite.run(articles: articles) { site, ids, client in
            try await client.execute(uri: "/tim-kiem?q=%C4%91%C6%B0%E1%BB%9Dng+s%E1%BA%AFt", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
                #expect(html.contains("value=\"đường sắt\""), "the form keeps the query, + read as a space")
                #expect(html.contains("Tìm thấy 3 kết quả cho “đường sắt”"))
                let start = try #require(html.range(of: "<ol class=\"card-list listing-list search-results\">"))
                let after = html[start.upperBound...]
                let list = String(after[..<(after.range(of: "</ol>")?.lowerBound ?? after.endIndex)])
                let rail = "/khoi-cong-tuyen-duong-sat-toc-do-cao-\(ids["rail"]!).html"
                #expect(list.contains("<a href=\"\(rail)\">Khởi công tuyến <mark>đường sắt</mark> tốc độ cao</a>"))
                #expect(list.contains("<mark>Đường sắt</mark> Trung Quốc – Lào &lt;b&gt;thông xe&lt;/b&gt;"), "titles escaped")
                let phrase = try #require(list.range(of: "Khởi công"))
                let scattered = try #require(list.range(of: "<mark>Đường</mark> phố"))
                #expect(phrase.lowerBound < scattered.lowerBound, "the phrase ranks above the scattered syllables")
            }
            #expect(site.cache.page(for: "/tim-kiem") == nil)
            try await client.execute(uri: "/tim-kiem?q=duong", method: .get) { response in
                #expect(response.text.contains("Tìm thấy 4 kết quả"), "no diacritics: every reading")
            }
        }
    }

    @Test("Section filter (with subsections), date filter, and pages that keep the query and filters")
    func filtersAndPages() async throws {
        let many = (1...23).map { Fixtures.input(id: "m\($0)", title: "Bản tin thời tiết số \($0)", section: "kinh-te", minutesAgo: $0) }
        try await TestSite.run(articles: articles + many) { _, _, client in
            try await client.execute(uri: "/tim-kiem?q=%C4%91%C6%B0%E1%BB%9Dng&chuyen-muc=the-gioi", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Tìm thấy 3 kết quả"), "Thế giới and its subsection Châu Á")
                #expect(response.text.contains("<option value=\"the-gioi\" selected>Thế giới</option>"))
                #expect(response.text.contains("<option value=\"chau-a\">— Châu Á</option>"))
            }
            try await client.execute(uri: "/tim-kiem?q=duong+sat&tu=2023-11-01&den=2023-11-30", method: .get) { response in
                #expect(response.text.contains("Tìm thấy 1 kết quả"), "only the article of 40 days ago")
                #expect(response.text.contains("value=\"2023-11-01\"") && response.text.contains("value=\"2023-11-30\""))
            }
            try await client.execute(uri: "/tim-kiem?q=thoi+tiet", method: .get) { response in
                #expect(response.text.contains("Tìm thấy 23 kết quả"))
                #expect(response.text.contains("href=\"/tim-kiem?q=thoi%20tiet&amp;trang=2\""))
            }
            try await client.execute(uri: "/tim-kiem?q=thoi+tiet&chuyen-muc=kinh-te&trang=3", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Bản tin <mark>thời tiết</mark> số 23</a>"))
                #expect(response.text.contains("href=\"/tim-kiem?q=thoi%20tiet&amp;chuyen-muc=kinh-te&amp;trang=2\""))
            }
        }
    }

    @Test("Nothing found as typed: the corrected query's results, said so and linked; nothing to correct, nothing shown")
    func suggestion() async throws {
        try await TestSite.run(articles: articles) { _, _, client in
            try await client.execute(uri: "/tim-kiem?q=dduwowngf+sawts", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Không tìm thấy kết quả cho “dduwowngf sawts”; dưới đây là kết quả cho <a href=\"/tim-kiem?q=%C4%91%C6%B0%E1%BB%9Dng%20s%E1%BA%AFt\"><strong>đường sắt</strong></a>."))
                #expect(response.text.contains("Tìm thấy 3 kết quả cho “đường sắt”"))
                #expect(response.text.contains("Khởi công tuyến <mark>đường sắt</mark> tốc độ cao"))
                #expect(!response.text.contains("Có phải bạn muốn tìm"))
            }
            // The filters hold for the corrected query too: nothing is published after 2099.
            try await client.execute(uri: "/tim-kiem?q=dduwowngf+sawts&tu=2099-01-01", method: .get) { response in
                #expect(response.text.contains("Không tìm thấy bài viết nào cho “dduwowngf sawts”"))
                #expect(!response.text.contains("dưới đây là kết quả cho"))
            }
            try await client.execute(uri: "/tim-kiem?q=zzzqqq", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Không tìm thấy bài viết nào cho “zzzqqq”"))
                #expect(!response.text.contains("Có phải bạn muốn tìm"))
            }
        }
    }

    @Test(
        "Bad input gives a normal page or a 400 page with the reason, never a 500",
        arguments: [
            ("", 200, nil), ("q=", 200, nil), ("q=%22", 200, nil), ("q=*", 200, nil), ("q=-", 200, nil), ("q=NEAR", 200, nil),
            ("q=%28%29", 200, nil), ("q=%22%C4%91%C6%B0%E1%BB%9Dng%22+NEAR+%28s%E1%BA%AFt%29*", 200, nil),
            ("q=" + String(repeating: "a", count: 1000), 400, "Từ khóa dài quá 200 ký tự"),
            ("q=%01%02abc", 400, "ký tự không đọc được"), ("q=%FF%FE", 400, "ký tự không đọc được"),
            ("q=abc&trang=0", 400, "Số trang không hợp lệ"), ("q=abc&trang=x", 400, "Số trang không hợp lệ"),
            ("q=abc&tu=2023-02-30", 400, "Ngày không hợp lệ"), ("q=abc&tu=2023-12-31&den=2023-12-01", 400, "Ngày bắt đầu"),
            ("q=abc&chuyen-muc=khong-co", 400, "Không có chuyên mục"), ("q=%3Cscript%3Ealert(1)%3C/script%3E", 200, nil),
            ("q=%", 200, nil), ("q=%E1%BB", 400, "ký tự không đọc được"),
        ] as [(String, Int, String?)]
    )
    func badInput(_ query: String, _ status: Int, _ message: String?) async throws {
        try await TestSite.run(articles: articles) { _, _, client in
            try await client.execute(uri: "/tim-kiem?" + query, method: .get) { response in
                #expect(Int(response.status.code) == status)
                #expect(response.text.contains("<form class=\"search-form\""), "the form is always there")
                #expect(!response.text.contains("<script>alert"))
                if let message { #expect(response.text.contains(message)) }
            }
        }
    }
}

@Suite("Search API /api/v1/search")
struct SearchAPITests {
    struct Answer: Decodable {
        struct Hit: Decodable {
            var id: Int64
            var external_id: String?
            var title: String
            var title_html: String
            var url: String
            var snippet: String
            var published_at: String?
            var score: Double
        }
        var query: String
        var total: Int
        var limit: Int
        var offset: Int
        var suggestion: String?
        var suggestion_searched: Bool
        var hits: [Hit]
    }

    struct Problem: Decodable {
        struct Detail: Decodable {
            var code: String
            var message: String
            var field: String?
        }
        var error: Detail
    }

    @Test("JSON hits: id, external id, title, absolute url, marked snippet, publication time, score; limit and offset")
    func hits() async throws {
        try await TestSite.run(articles: articles) { _, ids, client in
            try await client.execute(uri: "/api/v1/search?q=%C4%91%C6%B0%E1%BB%9Dng%20s%E1%BA%AFt&limit=2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let answer = try JSONDecoder().decode(Answer.self, from: Data(buffer: response.body))
                #expect(answer.query == "đường sắt" && answer.total == 3 && answer.limit == 2 && answer.offset == 0)
                #expect(answer.hits.map(\.external_id) == ["rail", "asia"])
                let first = try #require(answer.hits.first)
                #expect(first.id == ids["rail"]?.rawValue)
                #expect(first.url == "https://bao.example/khoi-cong-tuyen-duong-sat-toc-do-cao-\(ids["rail"]!).html")
                #expect(first.title == "Khởi công tuyến đường sắt tốc độ cao")
                #expect(first.title_html.contains("<mark>đường sắt</mark>"))
                #expect(first.snippet.contains("<mark>"))
                #expect(first.published_at == "2023-12-22T10:00:00+07:00")
                #expect(first.score > answer.hits[1].score)
                #expect(answer.suggestion == nil && answer.suggestion_searched == false)
            }
            try await client.execute(uri: "/api/v1/search?q=duong+sat&limit=2&offset=1", method: .get) { response in
                let answer = try JSONDecoder().decode(Answer.self, from: Data(buffer: response.body))
                #expect(answer.hits.map(\.external_id) == ["asia", "scattered"], "an offset between pages")
            }
            try await client.execute(uri: "/api/v1/search?q=dduwowngf", method: .get) { response in
                let answer = try JSONDecoder().decode(Answer.self, from: Data(buffer: response.body))
                #expect(answer.suggestion == "đường" && answer.suggestion_searched == true)
                #expect(answer.total > 0, "the hits of “đường”")
                #expect(answer.hits.first?.title_html.lowercased().contains("<mark>đường") == true, "exact reading first")
            }
        }
    }

    @Test(
        "Bad parameters are a 400 with a clear JSON error naming the field",
        arguments: [
            ("", "q"), ("q=", "q"), ("q=+++", "q"), ("q=a&limit=0", "limit"), ("q=a&limit=101", "limit"),
            ("q=a&limit=x", "limit"), ("q=a&offset=-1", "offset"), ("q=a&offset=10001", "offset"), ("q=a&page=2", "page"),
            ("q=" + String(repeating: "x", count: 1000), "q"), ("q=%FF", "q"), ("q=a%01b", "q"), ("q=a&q=b", "q"),
            ("q=a&from=yesterday", "from"), ("q=a&to=2023-13-01", "to"), ("q=a&section=", "section"),
        ]
    )
    func badParameters(_ query: String, _ field: String) async throws {
        try await TestSite.run(articles: articles) { _, _, client in
            try await client.execute(uri: "/api/v1/search?" + query, method: .get) { response in
                #expect(response.status == .badRequest)
                let problem = try JSONDecoder().decode(Problem.self, from: Data(buffer: response.body))
                #expect(problem.error.field == field)
                #expect(!problem.error.message.isEmpty)
            }
        }
    }

    @Test("An unknown section is a 404, as in the Content API; a range ending before it starts is empty")
    func sectionAndRange() async throws {
        try await TestSite.run(articles: articles) { _, _, client in
            // Any text that is no slug, control characters included, names no section (found by the API fuzzer).
            for section in ["khong-co", "%C3%9544%13%60"] {
                try await client.execute(uri: "/api/v1/search?q=a&section=" + section, method: .get) { response in
                    #expect(response.status == .notFound)
                    let problem = try JSONDecoder().decode(Problem.self, from: Data(buffer: response.body))
                    #expect(problem.error.field == "section" && problem.error.code == "not-found")
                }
            }
            try await client.execute(uri: "/api/v1/search?q=duong&from=2023-12-31&to=2023-12-01", method: .get) { response in
                #expect(response.status == .ok)
                let answer = try JSONDecoder().decode(Answer.self, from: Data(buffer: response.body))
                #expect(answer.total == 0 && answer.hits.isEmpty)
            }
            try await client.execute(uri: "/api/v1/search?q=duong&section=the-gioi", method: .get) { response in
                let answer = try JSONDecoder().decode(Answer.self, from: Data(buffer: response.body))
                #expect(Set(answer.hits.compactMap(\.external_id)) == ["scattered", "asia", "piano"])
            }
        }
    }

    @Test("FTS syntax in q is searched as words, never an error", arguments: ["%22", "*", "-", "NEAR", "%28", "%29", "a%22b*(c)-NEAR"])
    func syntaxIsText(_ q: String) async throws {
        try await TestSite.run(articles: articles) { _, _, client in
            try await client.execute(uri: "/api/v1/search?q=" + q, method: .get) { response in
                #expect(response.status == .ok)
                _ = try JSONDecoder().decode(Answer.self, from: Data(buffer: response.body))
            }
        }
    }
}
