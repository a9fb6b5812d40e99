import Foundation
import Hummingbird
import HummingbirdTesting
import NewsDomain
import NewsStore
import NewsTestSupport
import NewsWeb
import Testing

/// The Content API shows what the reader site shows and nothing more: no draft, submitted, edited, approved,
/// returned, scheduled, taken-down or future-dated article in any answer, and every answer follows a publication,
/// an edit, a correction and a takedown as soon as the change log is read (every 250 ms when serving).
@Suite("Content API: only what readers may see, and fresh")
struct ContentAPIVisibilityTests {
    typealias Scene = UnpublishedNeverShownTests.Scene
    static let secret = UnpublishedNeverShownTests.secret

    /// Every answer that lists or shows articles, tags, topics or bylines.
    static func answers(_ scene: Scene) -> [String] {
        [
            "/api/v1/articles?limit=100", "/api/v1/articles?section=kinh-te&limit=100", "/api/v1/articles?section=the-gioi",
            "/api/v1/articles?tag=ha-noi&limit=100", "/api/v1/articles?topic=chuyen-thu&limit=100",
            "/api/v1/articles?author=nguyen-thu-ha&limit=100", "/api/v1/articles?from=2023-12-01&to=2024-12-31&limit=100",
            "/api/v1/articles/\(scene.anchor.id)", "/api/v1/articles/\(scene.revised.id)",
            "/api/v1/articles/slug/tieu-de-dang-hien-thi", "/api/v1/sections", "/api/v1/tags", "/api/v1/topics", "/api/v1/authors",
        ]
    }

    static func get(_ client: some TestClientProtocol, _ uri: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get) { ($0.status, $0.text) }
    }

    static func ids(_ text: String) -> Set<Int64> {
        let json = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        let items = (json["articles"] as? [[String: Any]]) ?? [json]
        return Set(items.compactMap { ($0["id"] as? Int).map(Int64.init) })
    }

    @Test("no answer carries an article in any hidden state, its headline or its id; its own id and slug are 404")
    func hiddenStates() async throws {
        try await TestSite.run { site, _, client in
            let scene = try await UnpublishedNeverShownTests.makeScene(site)
            // A draft of its own with a tag, running story and byline nothing visible carries.
            try await site.store.importArticles(
                [Fixtures.input(
                    id: "rieng", title: "\(Self.secret) riêng", section: "kinh-te", tags: ["\(Self.secret) thẻ"], topic: "\(Self.secret) chuyện",
                    author: "\(Self.secret) tác giả", status: .draft
                )],
                now: Fixtures.now
            )
            let hiddenIDs = Set(scene.hidden.values.map(\.id.rawValue) + [scene.futureImportID.rawValue])
            let (_, all) = try await Self.get(client, "/api/v1/articles?limit=100")
            #expect(Self.ids(all).contains(scene.anchor.id.rawValue) && Self.ids(all).contains(scene.neighbour.id.rawValue))
            for uri in Self.answers(scene) {
                let (status, text) = try await Self.get(client, uri)
                #expect(status == .ok, "\(uri)")
                #expect(!text.contains(Self.secret), "\(uri) shows something readers may not see")
                #expect(Self.ids(text).isDisjoint(with: hiddenIDs), "\(uri) lists a hidden article")
            }
            for (state, article) in scene.hidden {
                let (status, text) = try await Self.get(client, "/api/v1/articles/\(article.id)")
                #expect(status == .notFound, "the \(state) article by id")
                #expect(!text.contains(Self.secret))
                let (bySlug, _) = try await Self.get(client, "/api/v1/articles/slug/\(article.content.slug)")
                #expect(bySlug == .notFound, "the \(state) article by slug")
            }
            let (future, _) = try await Self.get(client, "/api/v1/articles/\(scene.futureImportID)")
            #expect(future == .notFound)
            // The revision under review does not leak: the live version's title is what the API gives.
            let (_, revised) = try await Self.get(client, "/api/v1/articles/\(scene.revised.id)")
            #expect(revised.contains("Tiêu đề đang hiển thị") && revised.contains("Cải chính bài đang sửa"))
        }
    }

    @Test("a publication, an edit, a correction and a takedown show in every cached answer after one change-log poll")
    func freshAfterChanges() async throws {
        try await TestSite.run { site, _, client in
            let desk = try await Newsdesk.make(site.store)
            let first = try await desk.published("Bài đầu tiên")
            try await site.follower.poll()
            let watched = [
                "/api/v1/articles", "/api/v1/articles?section=kinh-te", "/api/v1/articles?tag=ha-noi", "/api/v1/articles?author=nguyen-thu-ha",
                "/api/v1/articles?topic=chuyen-thu", "/api/v1/tags", "/api/v1/topics", "/api/v1/authors",
            ]
            for uri in watched + ["/api/v1/articles/\(first.id)"] {
                let (status, _) = try await Self.get(client, uri)
                #expect(status == .ok, "\(uri)")
            }
            #expect(site.cache.page(for: "/api/v1/articles") != nil, "cached before the changes")

            // Publication.
            let second = try await desk.published("Bài thứ hai vừa lên")
            try await site.follower.poll()
            for uri in watched.prefix(5) {
                let (_, text) = try await Self.get(client, uri)
                #expect(text.contains("Bài thứ hai vừa lên"), "\(uri) after the publication")
            }
            let (_, tags) = try await Self.get(client, "/api/v1/tags")
            #expect(tags.contains("\"article_count\":2"), "the tag count follows: \(tags)")

            // Edit: a new version goes live through the chain.
            let revision = try await desk.retitle(second, "Bài thứ hai đã sửa tít", by: desk.reporter, now: Newsdesk.time(-25))
            try await desk.act(.submit, revision.id, by: desk.reporter, now: Newsdesk.time(-24))
            try await desk.act(.approve, revision.id, by: desk.sectionEditor, now: Newsdesk.time(-23))
            try await desk.act(.approve, revision.id, by: desk.copyDesk, now: Newsdesk.time(-22))
            try await desk.act(.publish, revision.id, by: desk.editorInChief, now: Newsdesk.time(-21))
            try await site.follower.poll()
            for uri in watched.prefix(5) + ["/api/v1/articles/\(second.id)"] {
                let (_, text) = try await Self.get(client, uri)
                // The sapo still quotes the old headline; the title is what changed.
                #expect(text.contains("\"title\":\"Bài thứ hai đã sửa tít\""), "\(uri) after the edit")
                #expect(!text.contains("\"title\":\"Bài thứ hai vừa lên\""), "\(uri) after the edit")
            }

            // Correction.
            try await desk.act(.correct, first.id, by: desk.copyDesk, note: "Sửa lại tên người", now: Newsdesk.time(-10))
            try await site.follower.poll()
            let (_, corrected) = try await Self.get(client, "/api/v1/articles/\(first.id)")
            #expect(corrected.contains("Sửa lại tên người"))
            // The list says the same `updated_at` as the article: the correction's time.
            let (_, listed) = try await Self.get(client, "/api/v1/articles")
            let item = ((try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [String: Any])?["articles"] as? [[String: Any]])?
                .first { $0["id"] as? Int == Int(first.id.rawValue) }
            let single = try JSONSerialization.jsonObject(with: Data(corrected.utf8)) as? [String: Any]
            #expect(item?["updated_at"] as? String == "2023-12-22T10:20:00+07:00")
            #expect(single?["updated_at"] as? String == item?["updated_at"] as? String)

            // Takedown.
            try await desk.act(.takedown, second.id, by: desk.editorInChief, note: "Gỡ", now: Fixtures.now)
            try await site.follower.poll()
            for uri in watched.prefix(5) {
                let (_, text) = try await Self.get(client, uri)
                #expect(!text.contains("Bài thứ hai"), "\(uri) after the takedown")
                #expect(text.contains("Bài đầu tiên"), "\(uri) keeps the other article")
            }
            let (gone, _) = try await Self.get(client, "/api/v1/articles/\(second.id)")
            #expect(gone == .notFound)
            let (_, tagsAfter) = try await Self.get(client, "/api/v1/tags")
            #expect(tagsAfter.contains("\"article_count\":1"))
        }
    }
}
