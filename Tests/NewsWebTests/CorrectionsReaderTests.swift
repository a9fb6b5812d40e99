import Foundation
import Hummingbird
import HummingbirdTesting
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

@Suite("Corrections on the reader site")
struct CorrectionsReaderTests {
    @Test("a correction appears at once on the article page and on the index, both cached before it")
    func correctionInvalidates() async throws {
        try await TestSite.run { site, _, client in
            let desk = try await Newsdesk.make(site.store)
            let article = try await desk.published("Số liệu GDP quý III", section: "the-gioi")
            _ = try await desk.published("Bài không liên quan")
            let path = Newsdesk.path(article)
            try await site.follower.poll()
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(!response.text.contains("class=\"corrections\""))
            }
            try await client.execute(uri: "/thong-tin-cai-chinh", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Chưa có thông tin cải chính."))
            }
            _ = try await client.execute(uri: "/kinh-te", method: .get)
            #expect(site.cache.page(for: path) != nil && site.cache.page(for: "/thong-tin-cai-chinh") != nil)

            try await desk.act(.correct, article.id, by: desk.copyDesk, note: "Tăng trưởng là 5,33%, không phải 5,5%", now: Fixtures.now)
            try await site.follower.poll()
            #expect(site.cache.page(for: path) == nil)
            #expect(site.cache.page(for: "/thong-tin-cai-chinh") == nil)
            #expect(site.cache.page(for: "/kinh-te") != nil, "a list that does not show the article stays cached")

            try await client.execute(uri: path, method: .get) { response in
                let box = response.text.slice(from: "<section class=\"corrections\"", to: "</section>")
                #expect(box.contains("Thông tin cải chính"))
                #expect(box.contains("<time datetime=\"2023-12-22T10:30:00+07:00\">22/12/2023 10:30</time>"))
                #expect(box.contains("Tăng trưởng là 5,33%, không phải 5,5%"))
            }
            try await client.execute(uri: "/thong-tin-cai-chinh", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Tăng trưởng là 5,33%, không phải 5,5%"))
                #expect(response.text.contains("<a href=\"\(path)\">Số liệu GDP quý III</a>"))
                #expect(response.text.contains("<a href=\"/thong-tin-cai-chinh\">Thông tin cải chính</a>"), "footer link")
            }
        }
    }

    @Test("the index is paged like the listings: ?trang=1 redirects, past the end and junk are 404, newest first")
    func paging() async throws {
        try await TestSite.run { site, _, client in
            let desk = try await Newsdesk.make(site.store)
            let article = try await desk.published("Bài nhiều lần cải chính")
            let count = 21
            for number in 1...count {
                try await desk.act(
                    .correct, article.id, by: desk.copyDesk, note: "Cải chính số \(number)", now: Newsdesk.time(Double(-50 + number))
                )
            }
            try await client.execute(uri: "/thong-tin-cai-chinh", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("21 thông tin cải chính"))
                #expect(response.text.containsInOrder(["Cải chính số 21", "Cải chính số 20", "Cải chính số 2<"]))
                #expect(!response.text.contains("Cải chính số 1<"))
                #expect(response.text.contains("href=\"/thong-tin-cai-chinh?trang=2\" rel=\"next\""))
            }
            try await client.execute(uri: "/thong-tin-cai-chinh?trang=2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Cải chính số 1<"))
            }
            try await client.execute(uri: "/thong-tin-cai-chinh?trang=1", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/thong-tin-cai-chinh")
            }
            for uri in ["/thong-tin-cai-chinh?trang=3", "/thong-tin-cai-chinh?trang=0", "/thong-tin-cai-chinh?trang=abc"] {
                try await client.execute(uri: uri, method: .get) { #expect($0.status == .notFound, "\(uri)") }
            }
        }
    }
}

fileprivate extension String {
    /// The text from the first `start` to the next `end` after it (both included), or "" when absent.
    func slice(from start: String, to end: String) -> String {
        guard let lower = range(of: start), let upper = range(of: end, range: lower.upperBound..<endIndex) else { return "" }
        return String(self[lower.lowerBound..<upper.upperBound])
    }

    /// Whether every needle occurs, each after the previous one.
    func containsInOrder(_ needles: [String]) -> Bool {
        var rest = self[...]
        for needle in needles {
            guard let range = rest.range(of: needle) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
