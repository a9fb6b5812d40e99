import Foundation
import Hummingbird
import HummingbirdTesting
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

/// No reader page ever shows an article readers may not see: not by its own address, not in any list, not in the
/// related box or "Đọc thêm", not in the corrections index. Every hidden article shares the visible ones' section, tag,
/// running story and byline, and the visible anchor names them all as curated related articles, so each list would
/// pick them up if it leaked.
@Suite("Unpublished articles never reach readers")
struct UnpublishedNeverShownTests {
    /// Every hidden article's headline starts with this, so a leak anywhere is one search away.
    static let secret = "Bí mật"

    /// The newsroom in every state readers must not see, plus visible articles around them.
    struct Scene {
        var desk: Newsdesk
        /// Visible, in Thế giới: curates every other article as related.
        var anchor: EditorialArticle
        /// Visible, in Kinh tế (so it is in the anchor's "Đọc thêm").
        var neighbour: EditorialArticle
        /// Visible: its live version is "Tiêu đề đang hiển thị"; a newer revision under review has a secret title.
        var revised: EditorialArticle
        /// Hidden from the start, by state name.
        var hidden: [String: EditorialArticle]
        /// Visible now (with a correction), taken down in the second act.
        var takenDown: EditorialArticle
        /// Visible now, withdrawn (unpublished) in the second act.
        var withdrawn: EditorialArticle
        /// Imported as published with a publication time an hour after the clock.
        var futureImportID: ArticleID
    }

    static func makeScene(_ site: TestSite) async throws -> Scene {
        let desk = try await Newsdesk.make(site.store)
        var hidden: [String: EditorialArticle] = [:]
        hidden["draft"] = try await desk.draft("\(secret) bản nháp")
        hidden["submitted"] = try await desk.submitted("\(secret) chờ biên tập")
        hidden["edited"] = try await desk.edited("\(secret) chờ thư ký")
        hidden["approved"] = try await desk.approved("\(secret) chờ xuất bản")
        let scheduled = try await desk.approved("\(secret) hẹn giờ")
        hidden["scheduled"] = try await desk.act(.schedule, scheduled.id, by: desk.editorInChief, at: Newsdesk.time(60))
        let returned = try await desk.submitted("\(secret) bị trả lại")
        hidden["returned"] = try await desk.act(.return, returned.id, by: desk.sectionEditor, note: "Thiếu nguồn")
        let downBeforeTime = try await desk.approved("\(secret) gỡ trước giờ hẹn")
        try await desk.act(.schedule, downBeforeTime.id, by: desk.editorInChief, at: Newsdesk.time(30))
        hidden["scheduled-then-taken-down"] = try await desk.act(.takedown, downBeforeTime.id, by: desk.editorInChief, note: "Sai")

        let takenDown = try await desk.published("Bài sẽ bị gỡ")
        try await desk.act(.correct, takenDown.id, by: desk.copyDesk, note: "Cải chính của bài sẽ bị gỡ", now: Newsdesk.time(-20))
        let withdrawn = try await desk.published("Bài sẽ bị rút")

        let revisedLive = try await desk.published("Tiêu đề đang hiển thị")
        let revision = try await desk.retitle(revisedLive, "\(secret) bản sửa đang duyệt", by: desk.reporter)
        let revised = try await desk.act(.submit, revision.id, by: desk.reporter, now: Newsdesk.time(-25))
        try await desk.act(.correct, revised.id, by: desk.copyDesk, note: "Cải chính bài đang sửa", now: Newsdesk.time(-10))

        let future = try await site.store.importArticles(
            [Fixtures.input(id: "tuong-lai", title: "\(secret) nhập với giờ tương lai", section: "kinh-te", tags: ["Hà Nội"], minutesAgo: -60)],
            now: Fixtures.now
        )
        let neighbour = try await desk.published("Bài hàng xóm ở Kinh tế")
        let curated = Array(hidden.values.map(\.id)) + [takenDown.id, withdrawn.id, revised.id] + future.created
        let anchor = try await desk.published("Bài mỏ neo ở Thế giới", section: "the-gioi", related: curated)
        return Scene(
            desk: desk, anchor: anchor, neighbour: neighbour, revised: revised, hidden: hidden, takenDown: takenDown,
            withdrawn: withdrawn, futureImportID: try #require(future.created.first)
        )
    }

    /// Every reader page that lists or shows articles.
    static func pages(_ scene: Scene) -> [String] {
        [
            "/", "/the-gioi", "/kinh-te", "/tag/ha-noi", "/dong-su-kien/chuyen-thu", "/tac-gia/nguyen-thu-ha",
            "/thong-tin-cai-chinh", Newsdesk.path(scene.anchor), Newsdesk.path(scene.neighbour),
            "/tieu-de-dang-hien-thi-\(scene.revised.id).html",
        ]
    }

    static func get(_ client: some TestClientProtocol, _ path: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: path, method: .get) { ($0.status, $0.text) }
    }

    @Test("draft, submitted, edited, approved, returned, scheduled and taken-down articles appear on no page, and their own addresses are 404")
    func hiddenStates() async throws {
        try await TestSite.run { site, _, client in
            let scene = try await Self.makeScene(site)
            // The lists are not empty: the visible articles are on them, so an absence below means something.
            let (_, anchorPage) = try await Self.get(client, Newsdesk.path(scene.anchor))
            #expect(anchorPage.contains("Tin liên quan") && anchorPage.contains("Tiêu đề đang hiển thị"))
            #expect(anchorPage.contains("Đọc thêm") && anchorPage.contains("Bài hàng xóm ở Kinh tế"))
            for path in Self.pages(scene) {
                let (status, html) = try await Self.get(client, path)
                #expect(status == .ok, "\(path)")
                #expect(!html.contains(Self.secret), "\(path) shows an article readers may not see")
                for (state, article) in scene.hidden {
                    #expect(!html.contains("-\(article.id).html"), "\(path) links the \(state) article")
                }
                #expect(!html.contains("-\(scene.futureImportID).html"), "\(path) links an article before its publication time")
            }
            for (state, article) in scene.hidden {
                let (status, html) = try await Self.get(client, Newsdesk.path(article))
                #expect(status == .notFound, "the \(state) article's page")
                #expect(!html.contains(Self.secret))
                // A wrong slug must not redirect to the right one: that would give the hidden headline away.
                let (guessed, _) = try await Self.get(client, "/sai-duong-dan-\(article.id).html")
                #expect(guessed == .notFound, "the \(state) article under another slug")
            }
            let (future, _) = try await Self.get(client, "/bi-mat-nhap-voi-gio-tuong-lai-\(scene.futureImportID).html")
            #expect(future == .notFound)
            // Nothing is due yet: the scheduler publishes nothing at the clock's time either.
            #expect(try await site.store.publishDueArticles(now: Fixtures.now, workflow: scene.desk.workflow).isEmpty)
        }
    }

    @Test("a published article with a revision in review shows readers the published version's title, everywhere")
    func revisionInReview() async throws {
        try await TestSite.run { site, _, client in
            let scene = try await Self.makeScene(site)
            #expect(scene.revised.state == WorkflowState(.published, revision: .submitted))
            let (status, page) = try await Self.get(client, "/tieu-de-dang-hien-thi-\(scene.revised.id).html")
            #expect(status == .ok)
            #expect(page.contains("<h1 class=\"article-title\">Tiêu đề đang hiển thị</h1>"))
            #expect(page.contains("Cải chính bài đang sửa"))
            #expect(!page.contains(Self.secret))
            for path in ["/", "/kinh-te", "/tag/ha-noi", "/thong-tin-cai-chinh", Newsdesk.path(scene.anchor)] {
                let (_, html) = try await Self.get(client, path)
                #expect(html.contains("Tiêu đề đang hiển thị"), "\(path) should list the live version")
                #expect(!html.contains(Self.secret), "\(path) shows the revision's title")
            }
        }
    }

    @Test("an article taken down (or withdrawn) after publication leaves every page it was on, cached or not, and the corrections index")
    func takenDownAfterPublication() async throws {
        try await TestSite.run { site, _, client in
            let scene = try await Self.makeScene(site)
            let gone = [("Bài sẽ bị gỡ", scene.takenDown), ("Bài sẽ bị rút", scene.withdrawn)]
            let pages = Self.pages(scene) + gone.map { Newsdesk.path($0.1) }
            try await site.follower.poll()
            // First act: both are live, on the lists, and the pages are now cached.
            for path in ["/", "/kinh-te", "/tag/ha-noi", "/tac-gia/nguyen-thu-ha", Newsdesk.path(scene.anchor)] {
                let (_, html) = try await Self.get(client, path)
                for (title, _) in gone { #expect(html.contains(title), "\(path) should show \(title) while it is live") }
            }
            let (_, index) = try await Self.get(client, "/thong-tin-cai-chinh")
            #expect(index.contains("Cải chính của bài sẽ bị gỡ"))
            for path in pages { _ = try await Self.get(client, path) }
            #expect(pages.allSatisfy { site.cache.page(for: $0) != nil }, "every page is cached before the takedown")

            try await scene.desk.act(.takedown, scene.takenDown.id, by: scene.desk.editorInChief, note: "Vi phạm bản quyền", now: Fixtures.now)
            try await scene.desk.act(.unpublish, scene.withdrawn.id, by: scene.desk.editorInChief, note: "Cần kiểm tra lại", now: Fixtures.now)
            try await site.follower.poll()

            for path in pages {
                let (status, html) = try await Self.get(client, path)
                for (title, article) in gone {
                    #expect(!html.contains(title), "\(path) still shows \(title)")
                    #expect(!html.contains("-\(article.id).html"), "\(path) still links \(title)")
                }
                if gone.contains(where: { Newsdesk.path($0.1) == path }) {
                    #expect(status == .notFound, "\(path)")
                }
            }
            let (_, after) = try await Self.get(client, "/thong-tin-cai-chinh")
            #expect(!after.contains("Cải chính của bài sẽ bị gỡ"))
            #expect(after.contains("Cải chính bài đang sửa"))
        }
    }
}
