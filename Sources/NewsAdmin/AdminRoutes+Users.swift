import Foundation
import Hummingbird
import NewsAuth
import NewsDomain
import NewsStore
import NewsText
import NewsWeb

extension AdminRoutes {
    /// Accounts (administrators only): list, add, change roles and section limits, disable; the two-factor policy.
    func registerUsers(on group: RouterGroup<NewsRequestContext>) {
        group.get("nguoi-dung") { request, context -> Response in
            _ = try require([.administrator], context)
            return try await usersPage(context, notice: request.uri.queryParameters["da-luu"] != nil ? "Đã lưu tài khoản." : nil)
        }
        group.post("nguoi-dung") { request, context -> Response in
            var request = request
            let admin = try require([.administrator], context)
            let form = try await FormData.read(&request)
            do {
                let checked = try AccountRules.newAccount(
                    email: form["email"], name: form["name"], roles: form.all("roles"), sectionSlugs: form.all("sections"),
                    password: form["password"], sections: try await store.sections()
                )
                let user = try await store.createUser(NewUser(
                    email: checked.email, name: checked.name, roles: checked.roles, sectionLimits: checked.sectionLimits,
                    passwordHash: try await authenticator.hashPassword(form["password"])
                ), now: clock())
                try await store.record(AuditEntry(
                    action: "user.create", at: clock(), userID: admin.id, actorName: admin.name,
                    note: "\(user.email) (\(user.roles.map(\.rawValue).sorted().joined(separator: ",")))", address: context.clientAddress
                ))
                return AdminPage.redirect("\(AdminPage.root)/nguoi-dung?da-luu=1")
            } catch let error as ValidationErrors {
                let messages = error.errors.map { "\(UserFieldText.label($0.field)): \(UserFieldText.message($0))" }
                return try await usersPage(context, form: form, error: messages.joined(separator: " "), status: .unprocessableContent)
            } catch StorageError.conflict {
                return try await usersPage(context, form: form, error: "E-mail này đã có tài khoản.", status: .conflict)
            }
        }
        group.post("nguoi-dung/:user") { request, context -> Response in
            var request = request
            let admin = try require([.administrator], context)
            let form = try await FormData.read(&request)
            guard let raw = context.parameters.get("user"), let number = Int64(raw), let user = try await store.user(id: UserID(number)) else {
                throw StorageError.notFound("user")
            }
            let disable = form["disabled"] == "1"
            if user.id == admin.id, disable || !form.all("roles").contains(Role.administrator.rawValue) {
                return try await usersPage(context, error: "Bạn không thể tự khóa tài khoản của mình hay bỏ vai trò quản trị của mình.", status: .unprocessableContent)
            }
            let parsed = AccountRules.parseRoles(form.all("roles"))
            let limits = AccountRules.sectionLimits(slugs: form.all("sections"), roles: parsed.roles, sections: try await store.sections())
            let problems = parsed.errors + limits.errors
            guard problems.isEmpty else {
                return try await usersPage(context, error: problems.map(UserFieldText.message).joined(separator: " "), status: .unprocessableContent)
            }
            _ = try await store.updateUser(id: user.id, name: user.name, roles: parsed.roles, sectionLimits: limits.limits)
            if disable != user.isDisabled { try await store.setDisabled(disable, userID: user.id) }
            try await store.record(AuditEntry(
                action: disable && !user.isDisabled ? "user.disable" : "user.update", at: clock(), userID: admin.id,
                actorName: admin.name, note: "\(user.email): \(parsed.roles.map(\.rawValue).sorted().joined(separator: ","))",
                address: context.clientAddress
            ))
            return AdminPage.redirect("\(AdminPage.root)/nguoi-dung?da-luu=1")
        }
        group.post("cai-dat/bao-mat") { request, context -> Response in
            var request = request
            let admin = try require([.administrator], context)
            let form = try await FormData.read(&request)
            let roles = Set(form.all("roles").compactMap(Role.init(rawValue:)))
            try await store.saveSecurityPolicy(SecurityPolicy(totpRequiredRoles: roles), actor: admin, now: clock())
            return AdminPage.redirect("\(AdminPage.root)/cai-dat?da-luu=1")
        }
    }

    private func usersPage(
        _ context: NewsRequestContext, form: FormData = FormData(), notice: String? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let users = try await store.users()
        let sections = try await store.sections()
        func roleBoxes(_ selected: Set<String>, id: String) -> HTML {
            HTML.join(Role.allCases.map { role in
                HTML("<label class=\"check\"><input type=\"checkbox\" name=\"roles\" value=\"\(role.rawValue)\"\(HTML.flag("checked", selected.contains(role.rawValue)))> \(role.label)</label>")
            })
        }
        func sectionSelect(_ selected: Set<SectionID>) -> HTML {
            let options = sections.map { section in
                HTML("<option value=\"\(section.slug)\"\(HTML.flag("selected", selected.contains(section.id)))>\(section.name)</option>")
            }
            return "<select name=\"sections\" multiple size=\"4\" aria-label=\"Giới hạn chuyên mục\">\(options)</select>"
        }
        let rows = users.map { user -> HTML in
            """
            <tr><td>\(user.name)<br><small>\(user.email)</small></td>\
            <td><form method="post" action="\(AdminPage.root)/nguoi-dung/\(user.id.rawValue)" class="user-form">\(csrfField(context))\
            \(roleBoxes(Set(user.roles.map(\.rawValue)), id: "\(user.id.rawValue)"))\
            <label>Chuyên mục phụ trách (biên tập viên; để trống là tất cả) \(sectionSelect(user.sectionLimits ?? []))</label>\
            <label class="check"><input type="checkbox" name="disabled" value="1"\(HTML.flag("checked", user.isDisabled))> Khóa tài khoản</label>\
            <button type="submit" class="button">Lưu</button></form></td>\
            <td>\(user.hasTwoFactor ? "Đã bật" : "Chưa bật")</td><td>\(user.isDisabled ? "Đã khóa" : "Đang dùng")</td></tr>
            """
        }
        var chrome = chrome("Người dùng", context, active: "nguoi-dung")
        chrome.notice = notice
        chrome.error = error
        return page.render(chrome, body: """
            <h1>Người dùng</h1>
            <div class="table-wrap"><table class="list"><thead><tr><th>Tài khoản</th><th>Vai trò</th><th>Xác thực hai lớp</th><th>Tình trạng</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <h2>Thêm tài khoản</h2>
            <form method="post" action="\(AdminPage.root)/nguoi-dung" class="form narrow">\(csrfField(context))
            <div class="field"><label for="n-email">E-mail</label><input id="n-email" type="email" name="email" value="\(form["email"])" required></div>
            <div class="field"><label for="n-name">Họ tên</label><input id="n-name" name="name" value="\(form["name"])" required></div>
            <fieldset><legend>Vai trò</legend>\(roleBoxes(Set(form.all("roles")), id: "new"))</fieldset>
            <div class="field"><label>Chuyên mục phụ trách (chỉ biên tập viên; để trống là tất cả)</label>\(sectionSelect([]))</div>
            <div class="field"><label for="n-password">Mật khẩu ban đầu <small>(ít nhất \(PasswordPolicy.minimumCharacters) ký tự; báo riêng cho người dùng)</small></label>\
            <input id="n-password" type="password" name="password" autocomplete="new-password" minlength="\(PasswordPolicy.minimumCharacters)" required></div>
            <button type="submit" class="button primary">Thêm tài khoản</button></form>
            """, status: status)
    }
}

/// Account fields and problems in Vietnamese.
enum UserFieldText {
    static func label(_ field: String) -> String {
        switch field {
        case "email": "E-mail"
        case "name": "Họ tên"
        case "roles": "Vai trò"
        case "sections": "Chuyên mục"
        case "password": "Mật khẩu"
        default: field
        }
    }

    static func message(_ error: DomainError) -> String {
        switch (error.field, error.code) {
        case ("password", _): error.message
        case ("email", _): "Địa chỉ e-mail không hợp lệ."
        case ("roles", "required"): "Chọn ít nhất một vai trò."
        case ("roles", _): "Vai trò không hợp lệ."
        case ("sections", _): "Chỉ biên tập viên mới được giới hạn theo chuyên mục."
        default: FieldErrors.message(error)
        }
    }
}
