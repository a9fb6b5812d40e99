import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NewsAdmin
import NewsAuth
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

@Suite("Newsroom pages: login, sessions, CSRF, privacy")
struct AdminSessionTests {
    @Test("pages need a session: a visitor is sent to the login form, which sends them back where they were going")
    func loginRedirects() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let browser = Browser(client)
            let page = try await browser.get("/toa-soan/bai-viet?trang=2")
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/toa-soan/dang-nhap?tiep=%2Ftoa%2Dsoan%2Fbai%2Dviet%3Ftrang%3D2")
            let login = try await browser.logIn("pv@bao.example")
            #expect(login.status == .seeOther)
            let cookie = try #require(login.headers[values: .setCookie].first { $0.hasPrefix(AdminSessionSettings.cookieName) })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("Path=/toa-soan"))
            #expect(!cookie.contains("Secure"))
            #expect(try await browser.get("/toa-soan/").text.contains("Chào pv@bao.example"))
        }
    }

    @Test("the session cookie is Secure when the site is reached over HTTPS")
    func secureBehindHTTPS() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let browser = Browser(client)
            let form = try await browser.get("/toa-soan/dang-nhap", headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            #expect(form.headers[values: .setCookie].allSatisfy { $0.contains("Secure") })
        }
    }

    @Test("a wrong password is refused without saying which part was wrong, and the e-mail stays in the form")
    func wrongPassword() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let response = try await Browser(client).logIn("pv@bao.example", password: "sai-mat-khau-roi")
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("E-mail hoặc mật khẩu không đúng."))
            #expect(response.text.contains(#"value="pv@bao.example""#))
        }
    }

    @Test("after 5 failures the account is throttled, even with the right password")
    func throttling() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let browser = Browser(client)
            for _ in 0..<5 { try await browser.logIn("pv@bao.example", password: "khong-dung-dau") }
            let blocked = try await browser.logIn("pv@bao.example")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("Đăng nhập sai quá nhiều lần"))
        }
    }

    @Test("a login form posted without its own cookie (login CSRF) is refused")
    func loginCSRF() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let browser = Browser(client)
            let response = try await browser.post(
                "/toa-soan/dang-nhap", [("_login", "forged"), ("email", "pv@bao.example"), ("password", AdminSite.password)]
            )
            #expect(response.status == .forbidden)
            #expect(browser.cookies[AdminSessionSettings.cookieName] == nil)
        }
    }

    @Test("a state-changing form without this session's CSRF token is refused and changes nothing")
    func csrfRejected() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let browser = Browser(client)
            try await browser.logIn("pv@bao.example")
            let fields = [("title", "Bài giả mạo"), ("sapo", "s"), ("body", "b"), ("section", "the-gioi"), ("author", "X")]
            for token in ["", "khong-phai-ma-that"] {
                let response = try await browser.post("/toa-soan/bai-viet", fields, csrf: token)
                #expect(response.status == .forbidden)
                #expect(response.text.contains("CSRF"))
            }
            let crossSite = try await browser.post("/toa-soan/bai-viet", fields, headers: [.origin: "https://ke-xau.example"])
            #expect(crossSite.status == .forbidden)
            #expect(try await site.store.editorialArticles(status: .draft, sectionID: nil, page: PageRequest(number: 1, size: 10)).totalCount == 0)
            // The real token (from a page of the session) works.
            try await browser.get("/toa-soan/bai-viet/moi")
            #expect(try await browser.post("/toa-soan/bai-viet", fields).status == .seeOther)
        }
    }

    @Test("an expired session leads back to login; a script's save gets 401 JSON saying the text is kept")
    func sessionExpiry() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let browser = Browser(client)
            try await browser.logIn("pv@bao.example")
            #expect(try await browser.get("/toa-soan/").status == .ok)
            site.clock.advance(by: AdminSessionSettings().lifetime + 1)
            #expect(try await browser.get("/toa-soan/").status == .seeOther)
            let save = try await browser.post("/toa-soan/bai-viet", [("title", "x")], headers: [.accept: "application/json"])
            #expect(save.status == .unauthorized)
            #expect(save.text.contains("session-expired"))
            let form = try await browser.post("/toa-soan/bai-viet", [("title", "x")])
            #expect(form.status == .unauthorized)
            #expect(form.text.contains("vẫn được trình duyệt giữ lại"))
        }
    }

    @Test("logging out ends the session")
    func logout() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let browser = Browser(client)
            try await browser.logIn("pv@bao.example")
            let cookie = try #require(browser.cookies[AdminSessionSettings.cookieName])
            #expect(try await browser.post("/toa-soan/dang-xuat", []).status == .seeOther)
            browser.cookies[AdminSessionSettings.cookieName] = cookie
            #expect(try await browser.get("/toa-soan/").status == .seeOther)
        }
    }

    @Test("every newsroom page is private: no-store, noindex, scripts only from the site")
    func privateHeaders() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let browser = Browser(client)
            try await browser.logIn("pv@bao.example")
            for path in ["/toa-soan/", "/toa-soan/bai-viet", "/toa-soan/bai-viet/moi", "/toa-soan/thu-vien-anh", "/toa-soan/tai-khoan"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.headers[.cacheControl] == "no-store", "\(path)")
                #expect(page.headers[HTTPField.Name("X-Robots-Tag")!] == "noindex, nofollow", "\(path)")
                #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
                #expect(page.text.contains(#"<meta name="robots" content="noindex, nofollow">"#))
                #expect(!page.text.contains("//cdn") && !page.text.contains("https://"), "\(path) loads nothing from elsewhere")
            }
        }
    }

    @Test("a role that requires two-factor authentication must enrol before working; the code then protects login")
    func twoFactorRequiredByRole() async throws {
        try await AdminSite.run { site, client in
            let admin = try await site.addUser("qt@bao.example", [.administrator])
            try await site.addUser("tbt@bao.example", [.editorInChief])
            try await site.store.saveSecurityPolicy(SecurityPolicy(totpRequiredRoles: [.editorInChief]), actor: admin, now: site.clock.now)
            let browser = Browser(client)
            try await browser.logIn("tbt@bao.example")
            let blocked = try await browser.get("/toa-soan/bai-viet")
            #expect(blocked.status == .seeOther)
            #expect(blocked.headers[.location] == "/toa-soan/tai-khoan/xac-thuc-hai-lop")
            let enrol = try await browser.get("/toa-soan/tai-khoan/xac-thuc-hai-lop")
            let secretStart = try #require(enrol.text.range(of: #"name="secret" value=""#)).upperBound
            let secret = String(enrol.text[secretStart...].prefix { $0 != "\"" })
            let totp = try #require(TOTP(base32Secret: secret))
            let wrong = try await browser.post("/toa-soan/tai-khoan/xac-thuc-hai-lop", [("secret", secret), ("code", "000000")])
            #expect(wrong.status == .unprocessableContent)
            #expect(try await browser.post("/toa-soan/tai-khoan/xac-thuc-hai-lop", [("secret", secret), ("code", totp.code(at: site.clock.now))]).status == .seeOther)
            #expect(try await browser.get("/toa-soan/bai-viet").status == .ok)
            // A new login now needs the code.
            let again = Browser(client)
            #expect(try await again.logIn("tbt@bao.example").status == .unauthorized)
            site.clock.advance(by: 30)
            #expect(try await again.logIn("tbt@bao.example", code: totp.code(at: site.clock.now)).status == .seeOther)
        }
    }

    @Test("a password change needs the current password, follows the policy, and ends every session")
    func passwordChange() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("pv@bao.example", [.reporter])
            let browser = Browser(client)
            try await browser.logIn("pv@bao.example")
            try await browser.get("/toa-soan/tai-khoan")
            let wrong = try await browser.post("/toa-soan/tai-khoan/mat-khau", [("current", "sai"), ("new", "Mat-khau-moi-2026"), ("repeat", "Mat-khau-moi-2026")])
            #expect(wrong.status == .unprocessableContent)
            let weak = try await browser.post("/toa-soan/tai-khoan/mat-khau", [("current", AdminSite.password), ("new", "ngan"), ("repeat", "ngan")])
            #expect(weak.text.contains("ít nhất"))
            let done = try await browser.post("/toa-soan/tai-khoan/mat-khau", [("current", AdminSite.password), ("new", "Mat-khau-moi-2026"), ("repeat", "Mat-khau-moi-2026")])
            #expect(done.status == .seeOther)
            #expect(try await browser.get("/toa-soan/").status == .seeOther)
            #expect(try await Browser(client).logIn("pv@bao.example", password: "Mat-khau-moi-2026").status == .seeOther)
        }
    }
}
