import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NewsAdmin
import NewsDomain
import NewsImages
import NewsStore
import NewsTestSupport
import Testing

@Suite("Newsroom pages: media library, home curation, audit, users, settings")
struct AdminLibraryAndManagementTests {
    static func painted(width: Int = 500, height: Int = 300) throws -> [UInt8] {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("anh.jpg").path
        try IllustrationPainter().paint(Illustration(motif: .bridge, seed: 3, width: width, height: height), to: path)
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test("an upload through the library page stores the image with its credit; a refusal is explained in Vietnamese")
    func libraryUpload() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let browser = Browser(client)
            try await browser.logIn("pv@bao.example")
            try await browser.get("/toa-soan/thu-vien-anh")
            let fields = [("alt", "Cầu Rồng phun lửa"), ("caption", "Cầu Rồng đêm cuối tuần"), ("credit", "Hồ Nhiếp Ảnh")]
            let forged = try await browser.upload("/toa-soan/thu-vien-anh", fields, file: try Self.painted(), fileName: "cau.jpg", csrf: "gia-mao")
            #expect(forged.status == .forbidden)
            try await browser.get("/toa-soan/thu-vien-anh")
            let refused = try await browser.upload("/toa-soan/thu-vien-anh", fields, file: Array("không phải ảnh".utf8), fileName: "anh.jpg")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("không phải là ảnh") || refused.text.contains("không phải ảnh"))
            #expect(refused.text.contains(#"value="Hồ Nhiếp Ảnh""#), "what was typed is kept")
            #expect(try await browser.upload("/toa-soan/thu-vien-anh", fields, file: try Self.painted(), fileName: "cau.jpg").status == .seeOther)
            let found = try await site.store.searchMedia(query: "ho nhiep anh", page: PageRequest(number: 1, size: 5))
            let media = try #require(found.items.first)
            #expect(media.caption == "Cầu Rồng đêm cuối tuần")
            #expect(!media.variants.isEmpty)
            let search = try await browser.get("/toa-soan/thu-vien-anh?q=cau%20rong")
            #expect(search.text.contains("(Ảnh: Hồ Nhiếp Ảnh)"))
            let picker = try await browser.get("/toa-soan/thu-vien-anh/tim?q=nhiep")
            #expect(picker.text.contains(media.src))
        }
    }

    @Test("the copy desk sets the home page's top story and featured slots; a reporter may not")
    func homeCuration() async throws {
        try await AdminSite.run(articles: [
            Fixtures.input(id: "cu", title: "Tin cũ được chọn làm tin chính", minutesAgo: 600),
            Fixtures.input(id: "moi", title: "Tin mới nhất", minutesAgo: 5),
        ]) { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            try await site.addUser("tk@bao.example", [.copyDesk])
            let reporter = Browser(client)
            try await reporter.logIn("pv@bao.example")
            #expect(try await reporter.get("/toa-soan/trang-chu").status == .forbidden)
            let desk = Browser(client)
            try await desk.logIn("tk@bao.example")
            let page = try await desk.get("/toa-soan/trang-chu")
            let oldID = try #require(try await site.store.publishedArticles(.all, page: PageRequest(number: 1, size: 5), now: site.clock.now).items.last?.id)
            #expect(page.text.contains("Tin cũ được chọn làm tin chính"))
            #expect(try await desk.post("/toa-soan/trang-chu", [("top", "\(oldID.rawValue)")]).status == .seeOther)
            #expect(try await site.store.homeLayout().topStory == oldID)
            let audit = try await site.store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 10)).items
            #expect(audit.contains { $0.action == "home.layout" && $0.actorName == "tk@bao.example" })
        }
    }

    @Test("the audit log is for the editor-in-chief and administrators only")
    func auditPage() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            try await site.addUser("tbt@bao.example", [.editorInChief])
            let reporter = Browser(client)
            try await reporter.logIn("pv@bao.example")
            #expect(try await reporter.get("/toa-soan/nhat-ky").status == .forbidden)
            let chief = Browser(client)
            try await chief.logIn("tbt@bao.example")
            let page = try await chief.get("/toa-soan/nhat-ky")
            #expect(page.status == .ok)
            #expect(page.text.contains("Đăng nhập"))
            #expect(page.text.contains("pv@bao.example"))
        }
    }

    @Test("an administrator adds accounts and changes roles, but cannot lock themself out")
    func users() async throws {
        try await AdminSite.run { site, client in
            let admin = try await site.addUser("qt@bao.example", [.administrator])
            try await site.addUser("pv@bao.example", [.reporter])
            let reporter = Browser(client)
            try await reporter.logIn("pv@bao.example")
            #expect(try await reporter.get("/toa-soan/nguoi-dung").status == .forbidden)
            let browser = Browser(client)
            try await browser.logIn("qt@bao.example")
            try await browser.get("/toa-soan/nguoi-dung")
            let weak = try await browser.post("/toa-soan/nguoi-dung", [("email", "btv@bao.example"), ("name", "Lê Biên Tập"), ("roles", "bien-tap-vien"), ("password", "ngan")])
            #expect(weak.status == .unprocessableContent)
            #expect(weak.text.contains(#"value="Lê Biên Tập""#))
            let added = try await browser.post("/toa-soan/nguoi-dung", [
                ("email", "btv@bao.example"), ("name", "Lê Biên Tập"), ("roles", "bien-tap-vien"), ("sections", "the-gioi"),
                ("password", "Bien-tap-vien-2026"),
            ])
            #expect(added.status == .seeOther)
            let editor = try #require(try await site.store.users().first { $0.email == "btv@bao.example" })
            #expect(editor.roles == [.sectionEditor])
            #expect(editor.sectionLimits?.count == 1)
            try await browser.get("/toa-soan/nguoi-dung")
            let selfLock = try await browser.post("/toa-soan/nguoi-dung/\(admin.id.rawValue)", [("roles", "quan-tri"), ("disabled", "1")])
            #expect(selfLock.status == .unprocessableContent)
            #expect(try await site.store.user(id: admin.id)?.isDisabled == false)
            #expect(try await browser.post("/toa-soan/nguoi-dung/\(editor.id.rawValue)", [("roles", "bien-tap-vien"), ("disabled", "1")]).status == .seeOther)
            #expect(try await site.store.user(id: editor.id)?.isDisabled == true)
        }
    }

    @Test("site settings: the legal footer is edited by an administrator, a bad address is refused at its field")
    func settings() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("qt@bao.example", [.administrator])
            let browser = Browser(client)
            try await browser.logIn("qt@bao.example")
            let page = try await browser.get("/toa-soan/cai-dat")
            #expect(page.text.contains("Tổng biên tập"))
            var fields: [(String, String)] = [("name", "Báo Thử"), ("base_url", "ftp://sai"), ("editor_in_chief", "Phạm Tổng Biên")]
            let refused = try await browser.post("/toa-soan/cai-dat", fields)
            #expect(refused.status == .ok)
            #expect(refused.text.contains("Địa chỉ trang phải bắt đầu bằng http://"))
            #expect(refused.text.contains(#"value="Phạm Tổng Biên""#))
            fields[1] = ("base_url", "https://baothu.example")
            #expect(try await browser.post("/toa-soan/cai-dat", fields).status == .seeOther)
            #expect(try await site.store.siteSettings().editorInChief == "Phạm Tổng Biên")
            #expect(try await client.execute(uri: "/", method: .get).text.contains("Phạm Tổng Biên"))
        }
    }

    @Test("newsroom pages never enter the page cache")
    func neverCached() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let browser = Browser(client)
            try await browser.logIn("pv@bao.example")
            for path in ["/toa-soan/", "/toa-soan/bai-viet", "/toa-soan/dang-nhap"] {
                try await browser.get(path)
                #expect(site.cache.page(for: path) == nil && site.cache.page(for: String(path.dropLast())) == nil, "\(path)")
            }
        }
    }
}
