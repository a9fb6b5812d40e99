import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NewsAdmin
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

@Suite("Newsroom pages: the editor, locks, revisions, workflow")
struct AdminEditorTests {
    static let fields: [(String, String)] = [
        ("title", "Hà Nội mở thêm tuyến buýt điện"), ("sapo", "Tuyến mới nối hai bờ sông Hồng."),
        ("body", "Đoạn một.\n\nĐoạn hai."), ("section", "the-gioi"), ("author", "Trần Phóng Viên"), ("version", "0"),
    ]

    static func replacing(_ fields: [(String, String)], _ name: String, _ value: String) -> [(String, String)] {
        fields.map { $0.0 == name ? ($0.0, value) : $0 }
    }

    /// Logs `email` in and creates an article through the form; returns its id.
    static func create(_ browser: Browser, _ fields: [(String, String)] = fields) async throws -> Int64 {
        try await browser.get("/toa-soan/bai-viet/moi")
        let response = try await browser.post("/toa-soan/bai-viet", fields)
        #expect(response.status == .seeOther)
        let location = try #require(response.headers[.location])
        return try #require(Int64(location.split(separator: "/").last!.split(separator: "?").first!))
    }

    @Test("a save refused for bad input says so at the field and shows everything typed")
    func validationKeepsInput() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let browser = Browser(client)
            try await browser.logIn("pv@bao.example")
            try await browser.get("/toa-soan/bai-viet/moi")
            let typed = Self.replacing(Self.replacing(Self.fields, "title", "   "), "body", "Đoạn tôi đã gõ rất lâu <b>thật</b>.")
            let response = try await browser.post("/toa-soan/bai-viet", typed + [("slug", "Sai Đường Dẫn")])
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains(#"<div class="field has-error" data-field="title">"#))
            #expect(response.text.contains("Không được để trống."))
            #expect(response.text.contains("Đường dẫn chỉ gồm chữ thường"))
            // The text comes back escaped, exactly as typed.
            #expect(response.text.contains("Đoạn tôi đã gõ rất lâu &lt;b&gt;thật&lt;/b&gt;."))
            #expect(response.text.contains(#"value="Sai Đường Dẫn""#))
        }
    }

    @Test("a save based on a stale version gets 409 naming who changed it, and keeps the typed text")
    func staleSave() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter], name: "Trần Phóng Viên")
            let reporter = Browser(client)
            try await reporter.logIn("pv@bao.example")
            let id = try await Self.create(reporter)
            try await reporter.get("/toa-soan/bai-viet/\(id)")
            #expect(try await reporter.post("/toa-soan/bai-viet/\(id)", Self.replacing(Self.replacing(Self.fields, "version", "1"), "sapo", "Sapo mới.")).status == .seeOther)
            // A second save from an old tab, still on version 1.
            let stale = try await reporter.post("/toa-soan/bai-viet/\(id)", Self.replacing(Self.replacing(Self.fields, "version", "1"), "body", "Bản tôi gõ ở thẻ cũ."))
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Bài đã được Trần Phóng Viên sửa lúc"))
            #expect(stale.text.contains("(bản 2)"))
            #expect(stale.text.contains("Bản tôi gõ ở thẻ cũ."))
        }
    }

    @Test("autosave answers JSON: the new version, or each problem by field")
    func autosave() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let browser = Browser(client)
            try await browser.logIn("pv@bao.example")
            let id = try await Self.create(browser)
            try await browser.get("/toa-soan/bai-viet/\(id)")
            let json: HTTPFields = [.accept: "application/json"]
            let saved = try await browser.post("/toa-soan/bai-viet/\(id)", Self.replacing(Self.fields, "version", "1"), headers: json)
            #expect(saved.status == .ok)
            #expect(saved.text.contains(#""version":2"#))
            let refused = try await browser.post("/toa-soan/bai-viet/\(id)", Self.replacing(Self.replacing(Self.fields, "version", "2"), "sapo", ""), headers: json)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#""sapo":"Không được để trống.""#))
        }
    }

    @Test("opening an article locks it; others see who edits it; an editor can take over, which is audited")
    func lockAndTakeOver() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter], name: "Trần Phóng Viên")
            try await site.addUser("btv1@bao.example", [.sectionEditor], name: "Ngô Biên Tập")
            try await site.addUser("btv2@bao.example", [.sectionEditor], name: "Lê Biên Tập")
            let reporter = Browser(client)
            try await reporter.logIn("pv@bao.example")
            let id = try await Self.create(reporter)
            try await reporter.get("/toa-soan/bai-viet/\(id)")
            try await reporter.post("/toa-soan/bai-viet/\(id)/chuyen", [("action", "submit")])
            let first = Browser(client)
            try await first.logIn("btv1@bao.example")
            #expect(try await first.get("/toa-soan/bai-viet/\(id)").text.contains("<fieldset>"))
            let second = Browser(client)
            try await second.logIn("btv2@bao.example")
            let page = try await second.get("/toa-soan/bai-viet/\(id)")
            #expect(page.text.contains("Đang được sửa bởi Ngô Biên Tập"))
            #expect(page.text.contains("<fieldset disabled>"))
            #expect(page.text.contains("Tiếp quản bài này"))
            #expect(try await second.post("/toa-soan/bai-viet/\(id)/tiep-quan", []).status == .seeOther)
            let after = try await second.get("/toa-soan/bai-viet/\(id)")
            #expect(!after.text.contains("Đang được sửa bởi"))
            let audit = try await site.store.auditEntries(articleID: ArticleID(id), page: PageRequest(number: 1, size: 20)).items
            let takeover = try #require(audit.first { $0.action == "lock.takeover" })
            #expect(takeover.actorName == "Lê Biên Tập")
            #expect(takeover.note?.contains("Ngô Biên Tập") == true)
            // The first editor's lock renewal now says someone else holds it.
            let renewal = try await first.post("/toa-soan/bai-viet/\(id)/khoa", [], headers: [.accept: "application/json"])
            #expect(renewal.text.contains(#""held":false"#))
        }
    }

    @Test("each level's dashboard lists what waits for it, oldest first, and only its actions are offered")
    func dashboardsAndActions() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            try await site.addUser("btv@bao.example", [.sectionEditor])
            let reporter = Browser(client)
            try await reporter.logIn("pv@bao.example")
            let first = try await Self.create(reporter, Self.replacing(Self.fields, "title", "Bài gửi trước"))
            let second = try await Self.create(reporter, Self.replacing(Self.fields, "title", "Bài gửi sau"))
            for id in [first, second] {
                let page = try await reporter.get("/toa-soan/bai-viet/\(id)")
                #expect(page.text.contains(#"value="submit""#))
                #expect(!page.text.contains(#"value="approve""#))
                site.clock.advance(by: 60)
                #expect(try await reporter.post("/toa-soan/bai-viet/\(id)/chuyen", [("action", "submit")]).status == .seeOther)
            }
            // Once submitted, the reporter only reads it: no lock taken, the form disabled.
            let readOnly = try await reporter.get("/toa-soan/bai-viet/\(first)")
            #expect(readOnly.text.contains("<fieldset disabled>"))
            #expect(try await site.store.editorialArticle(id: ArticleID(first), now: site.clock.now)?.lock == nil)
            // A reporter cannot approve, even by posting the form by hand.
            let denied = try await reporter.post("/toa-soan/bai-viet/\(first)/chuyen", [("action", "approve")])
            #expect(denied.status == .forbidden)
            let editor = Browser(client)
            try await editor.logIn("btv@bao.example")
            let dashboard = try await editor.get("/toa-soan/").text
            let earlier = try #require(dashboard.range(of: "Bài gửi trước"))
            let later = try #require(dashboard.range(of: "Bài gửi sau"))
            #expect(earlier.lowerBound < later.lowerBound)
            #expect(try await editor.get("/toa-soan/bai-viet/\(first)").text.contains(#"value="approve""#))
            let returned = try await editor.post("/toa-soan/bai-viet/\(first)/chuyen", [("action", "return"), ("note", "")])
            #expect(returned.status == .unprocessableContent)
            #expect(try await editor.post("/toa-soan/bai-viet/\(first)/chuyen", [("action", "return"), ("note", "Thiếu nguồn")]).status == .seeOther)
            #expect(try await reporter.get("/toa-soan/").text.contains("Bài gửi trước"))
        }
    }

    @Test("the article list searches drafts too, without diacritics, within the status filter, highlighted and escaped")
    func searchTheArticleList() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let browser = Browser(client)
            try await browser.logIn("pv@bao.example")
            let draft = try await Self.create(browser, Self.replacing(Self.fields, "title", "Đường sắt <b>tốc độ</b> cao qua Quảng Trị"))
            let other = try await Self.create(browser, Self.replacing(Self.fields, "title", "Giá cà phê lên cao"))
            #expect(try await browser.post("/toa-soan/bai-viet/\(other)/chuyen", [("action", "submit")]).status == .seeOther)

            let found = try await browser.get("/toa-soan/bai-viet?q=duong+sat").text
            #expect(found.contains("href=\"/toa-soan/bai-viet/\(draft)\""))
            #expect(found.contains("<mark>Đường sắt</mark>"))
            #expect(found.contains("&lt;b&gt;tốc độ&lt;/b&gt;"), "the title's own markup is text, never HTML")
            #expect(!found.contains("/toa-soan/bai-viet/\(other)\""))
            #expect(found.contains("1 bài"))

            // The status filter narrows the search: the draft is not among submitted articles.
            let submitted = try await browser.get("/toa-soan/bai-viet?q=cao&trang-thai=submitted").text
            #expect(submitted.contains("/toa-soan/bai-viet/\(other)\""))
            #expect(!submitted.contains("/toa-soan/bai-viet/\(draft)\""))

            let nothing = try await browser.get("/toa-soan/bai-viet?q=%22%29%2A+NEAR").text
            #expect(nothing.contains("Không tìm thấy bài nào"))
        }
    }

    @Test("revisions: every save is listed, two are compared line by line, and one is restored as a new save")
    func revisions() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let browser = Browser(client)
            try await browser.logIn("pv@bao.example")
            let id = try await Self.create(browser)
            try await browser.get("/toa-soan/bai-viet/\(id)")
            try await browser.post("/toa-soan/bai-viet/\(id)", Self.replacing(Self.replacing(Self.fields, "version", "1"), "body", "Đoạn một.\n\nĐoạn hai đã sửa."))
            let list = try await browser.get("/toa-soan/bai-viet/\(id)/phien-ban")
            #expect(list.text.contains("Bản 2") && list.text.contains("Bản 1"))
            let diff = try await browser.get("/toa-soan/bai-viet/\(id)/so-sanh?a=1&b=2")
            #expect(diff.text.contains(#"<li class="diff-removed"><span class="sign" aria-hidden="true">−</span>Đoạn hai.</li>"#))
            #expect(diff.text.contains(#"<li class="diff-added"><span class="sign" aria-hidden="true">+</span>Đoạn hai đã sửa.</li>"#))
            #expect(try await browser.post("/toa-soan/bai-viet/\(id)/phien-ban/1/khoi-phuc", [("version", "2")]).status == .seeOther)
            let restored = try #require(try await site.store.editorialArticle(id: ArticleID(id), now: site.clock.now))
            #expect(restored.currentVersion == 3)
            #expect(restored.content.body == "Đoạn một.\n\nĐoạn hai.")
        }
    }

    @Test("the preview is the reader's article page, rendered from the form without saving anything")
    func preview() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let browser = Browser(client)
            try await browser.logIn("pv@bao.example")
            try await browser.get("/toa-soan/bai-viet/moi")
            let page = try await browser.post("/toa-soan/xem-truoc", Self.replacing(Self.fields, "body", "Có **chữ đậm** và <script>alert(1)</script>."))
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1"))
            #expect(page.text.contains("Hà Nội mở thêm tuyến buýt điện"))
            #expect(page.text.contains("<strong>chữ đậm</strong>"))
            #expect(!page.text.contains("<script>alert(1)"))
            #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'none'") == true)
            #expect(try await site.store.editorialArticles(status: nil, sectionID: nil, page: PageRequest(number: 1, size: 10)).totalCount == 1)
        }
    }
}
