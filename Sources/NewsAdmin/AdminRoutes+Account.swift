import Foundation
import Hummingbird
import NewsAuth
import NewsDomain
import NewsStore
import NewsText
import NewsWeb

extension AdminRoutes {
    /// The login form and its submission (the only newsroom pages without a session).
    func registerLogin(on group: RouterGroup<NewsRequestContext>) {
        group.get("dang-nhap") { request, _ -> Response in
            loginPage(request: request, email: "", next: request.uri.queryParameters["tiep"].map(String.init) ?? "", error: nil)
        }
        group.post("dang-nhap") { request, context -> Response in
            var request = request
            let form = try await FormData.read(&request)
            let next = Self.safeNext(form["tiep"])
            // Double-submit check: the form's token must equal the cookie set with the form.
            guard let cookie = request.cookies[AdminSessionSettings.loginCookieName]?.value, !cookie.isEmpty,
                  ConstantTime.equals(cookie, form["_login"])
            else {
                return loginPage(request: request, email: form["email"], next: next, error: "Biểu mẫu đăng nhập đã hết hạn. Hãy thử lại.", status: .forbidden)
            }
            do {
                let (token, _, _) = try await authenticator.login(
                    email: form["email"], password: form["password"], code: form.nonEmpty("code"),
                    address: context.clientAddress, kind: .browser, lifetime: session.lifetime
                )
                var response = AdminPage.redirect(next)
                response.setCookie(session.sessionCookie(token, request: request))
                response.setCookie(session.expiredCookie(AdminSessionSettings.loginCookieName, request: request))
                return response
            } catch let error as AuthenticationError {
                let (message, status): (String, HTTPResponse.Status) = switch error {
                case .invalidCredentials, .unauthenticated, .twoFactorEnrolmentRequired: ("E-mail hoặc mật khẩu không đúng.", .unauthorized)
                case .twoFactorRequired: ("Tài khoản này dùng xác thực hai lớp: nhập cả mã 6 số trong ứng dụng xác thực.", .unauthorized)
                case .invalidTwoFactorCode: ("Mã xác thực không đúng hoặc đã được dùng.", .unauthorized)
                case .throttled(let until):
                    ("Đăng nhập sai quá nhiều lần. Hãy thử lại sau \(VietnameseDate.shortDateTime(until)).", .tooManyRequests)
                }
                return loginPage(request: request, email: form["email"], next: next, error: message, status: status, askCode: error == .twoFactorRequired || error == .invalidTwoFactorCode)
            }
        }
    }

    /// Only a path inside the newsroom may follow a login (no open redirect).
    static func safeNext(_ next: String) -> String {
        let path = next.removingPercentEncoding ?? next
        guard path.hasPrefix(AdminPage.root + "/"), !path.hasPrefix("//"), !path.contains("\\"), !path.contains("\n") else {
            return AdminPage.root + "/"
        }
        return path
    }

    private func loginPage(
        request: Request, email: String, next: String, error: String?, status: HTTPResponse.Status = .ok, askCode: Bool = false
    ) -> Response {
        let loginToken = SecretToken.generate()
        let body: HTML = """
            <section class="login">
            <h1>Đăng nhập tòa soạn</h1>
            <form method="post" action="\(AdminPage.root)/dang-nhap" class="form">
            <input type="hidden" name="_login" value="\(loginToken)">
            <input type="hidden" name="tiep" value="\(Self.safeNext(next))">
            <label>E-mail <input type="email" name="email" value="\(email)" autocomplete="username" required autofocus></label>
            <label>Mật khẩu <input type="password" name="password" autocomplete="current-password" required></label>
            <label>Mã xác thực hai lớp \(HTML(trusted: askCode ? "" : "<small>(nếu tài khoản có)</small>"))
            <input type="text" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]*" maxlength="8"\(HTML.flag("autofocus", askCode))></label>
            <button type="submit" class="button primary">Đăng nhập</button>
            </form>
            </section>
            """
        var response = page.render(.init(title: "Đăng nhập", error: error), body: body, status: status)
        response.setCookie(Cookie(
            name: AdminSessionSettings.loginCookieName, value: loginToken, maxAge: 3_600, path: AdminPage.root,
            secure: session.isSecure(request), httpOnly: true, sameSite: .strict
        ))
        return response
    }

    /// Logout, the account page (password change, two-factor enrolment).
    func registerAccount(on group: RouterGroup<NewsRequestContext>) {
        group.post("dang-xuat") { request, context -> Response in
            if let user = context.identity, let token = context.token {
                try await authenticator.revoke(token: token, user: user)
            }
            var response = AdminPage.redirect("\(AdminPage.root)/dang-nhap")
            response.setCookie(session.expiredCookie(AdminSessionSettings.cookieName, request: request))
            return response
        }
        group.get("tai-khoan") { request, context -> Response in
            accountPage(context, notice: request.uri.queryParameters["da-luu"] != nil ? "Đã đổi mật khẩu." : nil)
        }
        group.post("tai-khoan/mat-khau") { request, context -> Response in
            var request = request
            let user = try context.requireUser()
            let form = try await FormData.read(&request)
            guard try await authenticator.checkPassword(form["current"], of: user) else { return accountPage(context, error: "Mật khẩu hiện tại không đúng.", status: .unprocessableContent) }
            guard form["new"] == form["repeat"] else {
                return accountPage(context, error: "Hai lần nhập mật khẩu mới không giống nhau.", status: .unprocessableContent)
            }
            let problems = PasswordPolicy.violations(form["new"], email: user.email)
            if !problems.isEmpty {
                return accountPage(
                    context, error: "Mật khẩu mới chưa dùng được: " + problems.map(\.message).joined(separator: " "),
                    status: .unprocessableContent
                )
            }
            try await store.setPasswordHash(try await authenticator.hashPassword(form["new"]), userID: user.id)
            try await store.record(AuditEntry(action: "user.password", at: clock(), userID: user.id, actorName: user.name, address: context.clientAddress))
            // Changing the password ended every session, this one too: log in again with the new password.
            var response = AdminPage.redirect("\(AdminPage.root)/dang-nhap")
            response.setCookie(session.expiredCookie(AdminSessionSettings.cookieName, request: request))
            return response
        }
        group.get("tai-khoan/xac-thuc-hai-lop") { _, context -> Response in
            try await twoFactorPage(context, secret: TOTP(secret: TOTP.generateSecret()), error: nil)
        }
        group.post("tai-khoan/xac-thuc-hai-lop") { request, context -> Response in
            var request = request
            let user = try context.requireUser()
            let form = try await FormData.read(&request)
            guard let totp = TOTP(base32Secret: form["secret"]) else { throw HTTPError(.badRequest) }
            guard let step = totp.verify(form["code"], at: clock()) else {
                return try await twoFactorPage(context, secret: totp, error: "Mã chưa đúng. Kiểm tra giờ trên điện thoại rồi nhập mã mới nhất.")
            }
            try await store.setTOTPSecret(totp.base32Secret, userID: user.id)
            _ = try await store.acceptTOTPStep(step, userID: user.id)
            try await store.record(AuditEntry(action: "user.two-factor", at: clock(), userID: user.id, actorName: user.name, note: "enabled", address: context.clientAddress))
            return AdminPage.redirect("\(AdminPage.root)/tai-khoan")
        }
    }

    private func accountPage(
        _ context: NewsRequestContext, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let user = context.identity
        var chrome = chrome("Tài khoản", context, active: "tai-khoan")
        chrome.notice = notice
        chrome.error = error
        let twoFactor: HTML = user?.hasTwoFactor == true
            ? "<p>Xác thực hai lớp: <strong>đang bật</strong>.</p>"
            : "<p>Xác thực hai lớp: chưa bật. <a class=\"button\" href=\"\(AdminPage.root)/tai-khoan/xac-thuc-hai-lop\">Bật xác thực hai lớp</a></p>"
        let roles = user.map { $0.roles.map(\.label).sorted().joined(separator: ", ") } ?? ""
        return page.render(chrome, body: """
            <h1>Tài khoản của tôi</h1>
            <p>\(user?.name ?? "") · \(user?.email ?? "") · \(roles)</p>
            \(twoFactor)
            <h2>Đổi mật khẩu</h2>
            <form method="post" action="\(AdminPage.root)/tai-khoan/mat-khau" class="form narrow">
            \(csrfField(context))
            <label>Mật khẩu hiện tại <input type="password" name="current" autocomplete="current-password" required></label>
            <label>Mật khẩu mới <small>(ít nhất \(PasswordPolicy.minimumCharacters) ký tự)</small> <input type="password" name="new" autocomplete="new-password" minlength="\(PasswordPolicy.minimumCharacters)" required></label>
            <label>Nhập lại mật khẩu mới <input type="password" name="repeat" autocomplete="new-password" minlength="\(PasswordPolicy.minimumCharacters)" required></label>
            <button type="submit" class="button primary">Đổi mật khẩu</button>
            </form>
            """, status: status)
    }

    private func twoFactorPage(_ context: NewsRequestContext, secret: TOTP, error: String?) async throws -> Response {
        let user = try context.requireUser()
        var chrome = chrome("Xác thực hai lớp", context, active: "tai-khoan")
        chrome.error = error
        let required = try await store.securityPolicy().totpRequiredRoles.isDisjoint(with: user.roles) == false
        let uri = secret.provisioningURI(account: user.email, issuer: "Tòa Soạn")
        let status: HTTPResponse.Status = error == nil ? .ok : .unprocessableContent
        return page.render(chrome, body: """
            <h1>Bật xác thực hai lớp</h1>
            \(HTML(trusted: required && !user.hasTwoFactor ? "<p class=\"flash flash-error\">Vai trò của bạn bắt buộc xác thực hai lớp. Hãy bật trước khi làm việc tiếp.</p>" : ""))
            <ol class="steps">
            <li>Mở ứng dụng xác thực trên điện thoại (Google Authenticator, Aegis, 2FAS…), chọn thêm tài khoản bằng khóa.</li>
            <li>Nhập khóa: <code class="secret">\(secret.base32Secret)</code> <small>(hoặc liên kết: <code>\(uri)</code>)</small></li>
            <li>Nhập mã 6 số ứng dụng hiện ra:</li>
            </ol>
            <form method="post" action="\(AdminPage.root)/tai-khoan/xac-thuc-hai-lop" class="form narrow">
            \(csrfField(context))
            <input type="hidden" name="secret" value="\(secret.base32Secret)">
            <label>Mã xác thực <input type="text" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="8" required autofocus></label>
            <button type="submit" class="button primary">Xác nhận và bật</button>
            </form>
            """, status: status)
    }
}
