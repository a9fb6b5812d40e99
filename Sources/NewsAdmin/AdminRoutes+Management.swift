import Foundation
import Hummingbird
import NewsDomain
import NewsStore
import NewsText
import NewsWeb

extension AdminRoutes {
    /// The audit log, the home page's curation, the site settings, and the accounts.
    func registerManagement(on group: RouterGroup<NewsRequestContext>) {
        group.get("nhat-ky") { request, context -> Response in
            _ = try require([.editorInChief, .administrator], context)
            let number = max(1, Int(request.uri.queryParameters["trang"].map(String.init) ?? "") ?? 1)
            let articleID = request.uri.queryParameters["bai"].flatMap { Int64(String($0)) }.map { ArticleID($0) }
            let entries = try await store.auditEntries(articleID: articleID, page: PageRequest(number: number, size: 50))
            let rows = entries.items.map { entry -> HTML in
                let article = entry.articleID.map { HTML("<a href=\"\(AdminPage.root)/bai-viet/\($0.rawValue)\">#\($0.rawValue)</a>") } ?? .empty
                let states = [entry.fromState, entry.toState].compactMap { $0 }.joined(separator: " → ")
                return """
                    <tr><td><time datetime="\(VietnameseDate.iso8601(entry.at))">\(VietnameseDate.shortDateTime(entry.at))</time></td>\
                    <td>\(entry.actorName)</td><td>\(AuditText.label(entry.action))</td><td>\(article)</td><td>\(states)</td>\
                    <td>\(entry.note ?? "")</td><td>\(entry.address ?? "")</td></tr>
                    """
            }
            let next: HTML = number < entries.pageCount ? "<a class=\"button\" href=\"?trang=\(number + 1)\">Cũ hơn ›</a>" : .empty
            let previous: HTML = number > 1 ? "<a class=\"button\" href=\"?trang=\(number - 1)\">‹ Mới hơn</a>" : .empty
            return page.render(chrome("Nhật ký", context, active: "nhat-ky"), body: """
                <h1>Nhật ký hoạt động</h1>
                <p class="muted">Mọi lần lưu, chuyển bước, đăng nhập, tiếp quản bài và thay đổi cài đặt; mới nhất trước.</p>
                <div class="table-wrap"><table class="list"><thead><tr><th>Lúc</th><th>Người</th><th>Việc</th><th>Bài</th><th>Trạng thái</th><th>Ghi chú</th><th>Địa chỉ</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>
                <nav class="pager">\(previous) <span>Trang \(number)/\(max(entries.pageCount, 1))</span> \(next)</nav>
                """)
        }
        group.get("trang-chu") { request, context -> Response in
            _ = try require([.copyDesk, .editorInChief], context)
            return try await homeCurationPage(context, notice: request.uri.queryParameters["da-luu"] != nil ? "Đã lưu bố cục trang chủ." : nil)
        }
        group.post("trang-chu") { request, context -> Response in
            var request = request
            let user = try require([.copyDesk, .editorInChief], context)
            let form = try await FormData.read(&request)
            let top = Int64(form["top"]).map { ArticleID($0) }
            let featured = form.all("featured").compactMap { Int64($0) }.map { ArticleID($0) }.filter { $0 != top }
            try await store.saveHomeLayout(HomeLayout(topStory: top, featured: Array(featured.prefix(ReaderController.featuredCount))))
            try await store.record(AuditEntry(
                action: "home.layout", at: clock(), userID: user.id, actorName: user.name,
                note: "top: \(top.map(\.description) ?? "-"), featured: \(featured.map(\.description).joined(separator: ","))",
                address: context.clientAddress
            ))
            return AdminPage.redirect("\(AdminPage.root)/trang-chu?da-luu=1")
        }
        group.get("cai-dat") { request, context -> Response in
            _ = try require([.administrator], context)
            return try await settingsPage(context, notice: request.uri.queryParameters["da-luu"] != nil ? "Đã lưu cài đặt." : nil)
        }
        group.post("cai-dat") { request, context -> Response in
            var request = request
            let user = try require([.administrator], context)
            let form = try await FormData.read(&request)
            var settings = try await store.siteSettings()
            var problems: [String: String] = [:]
            if form["name"].trimmingCharacters(in: .whitespaces).isEmpty { problems["name"] = "Tên báo không được để trống." }
            let baseURL = form["base_url"].trimmingCharacters(in: .whitespaces)
            if !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) || URL(string: baseURL)?.host == nil {
                problems["base_url"] = "Địa chỉ trang phải bắt đầu bằng http:// hoặc https://, ví dụ https://baomoi.example.vn"
            }
            settings.name = form["name"]
            settings.tagline = form["tagline"]
            settings.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            settings.governingBody = form["governing_body"]
            settings.licenceNumber = form["licence_number"]
            settings.licenceDate = form["licence_date"]
            settings.licenceIssuer = form["licence_issuer"]
            settings.editorInChief = form["editor_in_chief"]
            settings.deputyEditors = ArticleForm.list(form["deputy_editors"])
            settings.address = form["address"]
            settings.phone = form["phone"]
            settings.email = form["email"]
            settings.copyright = form["copyright"]
            guard problems.isEmpty else {
                return try await settingsPage(context, settings: settings, problems: problems)
            }
            try await store.saveSiteSettings(settings)
            try await store.record(AuditEntry(action: "settings.site", at: clock(), userID: user.id, actorName: user.name, address: context.clientAddress))
            return AdminPage.redirect("\(AdminPage.root)/cai-dat?da-luu=1")
        }
    }

    private func homeCurationPage(_ context: NewsRequestContext, notice: String?) async throws -> Response {
        let layout = try await store.homeLayout()
        let recent = try await store.publishedArticles(.all, page: PageRequest(number: 1, size: 60), now: clock()).items
        let rows = recent.map { article -> HTML in
            """
            <tr><td><input type="radio" name="top" value="\(article.id.rawValue)"\(HTML.flag("checked", layout.topStory == article.id)) aria-label="Tin chính: \(article.title)"></td>\
            <td><input type="checkbox" name="featured" value="\(article.id.rawValue)"\(HTML.flag("checked", layout.featured.contains(article.id))) aria-label="Tin nổi bật: \(article.title)"></td>\
            <td>\(article.title)</td><td>\(article.section.name)</td><td>\(VietnameseDate.shortDateTime(article.publishedAt))</td></tr>
            """
        }
        var chrome = chrome("Trang chủ", context, active: "trang-chu")
        chrome.notice = notice
        return page.render(chrome, body: """
            <h1>Bố cục trang chủ</h1>
            <p class="muted">Chọn một tin chính và tối đa \(ReaderController.featuredCount) tin nổi bật. Ô trống được lấp bằng tin mới nhất.</p>
            <form method="post" action="\(AdminPage.root)/trang-chu">\(csrfField(context))
            <div class="table-wrap"><table class="list"><thead><tr><th>Tin chính</th><th>Nổi bật</th><th>Tiêu đề</th><th>Chuyên mục</th><th>Đăng lúc</th></tr></thead>
            <tbody><tr><td><input type="radio" name="top" value=""\(HTML.flag("checked", layout.topStory == nil)) aria-label="Không chọn tin chính"></td><td></td><td colspan="3"><em>Tự động (tin mới nhất)</em></td></tr>\(rows)</tbody></table></div>
            <button type="submit" class="button primary">Lưu bố cục</button></form>
            """)
    }

    private func settingsPage(
        _ context: NewsRequestContext, settings edited: SiteSettings? = nil, problems: [String: String] = [:], notice: String? = nil
    ) async throws -> Response {
        let settings: SiteSettings
        if let edited { settings = edited } else { settings = try await store.siteSettings() }
        func text(_ name: String, _ label: String, _ value: String, type: String = "text") -> HTML {
            let problem = problems[name].map { HTML("<p class=\"field-error\">\($0)</p>") } ?? .empty
            return """
                <div class="field\(HTML(trusted: problems[name] == nil ? "" : " has-error"))"><label for="s-\(name)">\(label)</label>\
                <input id="s-\(name)" type="\(type)" name="\(name)" value="\(value)">\(problem)</div>
                """
        }
        var chrome = chrome("Cài đặt", context, active: "cai-dat")
        chrome.notice = notice
        chrome.error = problems.isEmpty ? nil : "Chưa lưu được: hãy sửa các ô được đánh dấu."
        let policy = try await store.securityPolicy()
        let roleBoxes = Role.allCases.map { role in
            HTML("<label class=\"check\"><input type=\"checkbox\" name=\"roles\" value=\"\(role.rawValue)\"\(HTML.flag("checked", policy.totpRequiredRoles.contains(role)))> \(role.label)</label>")
        }
        return page.render(chrome, body: """
            <h1>Cài đặt</h1>
            <form method="post" action="\(AdminPage.root)/cai-dat" class="form">\(csrfField(context))
            <h2>Tên báo và địa chỉ</h2>
            \(text("name", "Tên báo", settings.name))\(text("tagline", "Khẩu hiệu", settings.tagline))\(text("base_url", "Địa chỉ trang", settings.baseURL, type: "url"))
            <h2>Thông tin pháp lý (chân trang)</h2>
            \(text("governing_body", "Cơ quan chủ quản", settings.governingBody))\(text("licence_number", "Số giấy phép", settings.licenceNumber))
            \(text("licence_date", "Ngày cấp", settings.licenceDate))\(text("licence_issuer", "Nơi cấp", settings.licenceIssuer))
            \(text("editor_in_chief", "Tổng biên tập", settings.editorInChief))\(text("deputy_editors", "Phó tổng biên tập (cách nhau bằng dấu phẩy)", settings.deputyEditors.joined(separator: ", ")))
            \(text("address", "Địa chỉ tòa soạn", settings.address))\(text("phone", "Điện thoại", settings.phone))\(text("email", "E-mail", settings.email, type: "email"))
            \(text("copyright", "Bản quyền", settings.copyright))
            <button type="submit" class="button primary">Lưu cài đặt</button></form>
            <h2>Bảo mật</h2>
            <form method="post" action="\(AdminPage.root)/cai-dat/bao-mat" class="form">\(csrfField(context))
            <fieldset><legend>Bắt buộc xác thực hai lớp với vai trò</legend>\(roleBoxes)</fieldset>
            <button type="submit" class="button primary">Lưu chính sách bảo mật</button></form>
            """)
    }
}

/// Audit actions in Vietnamese, for the audit page.
enum AuditText {
    static func label(_ action: String) -> String {
        if let known = labels[action] { return known }
        if action.hasPrefix("article."), let workflowAction = WorkflowAction(rawValue: String(action.dropFirst("article.".count))) {
            return workflowAction.label
        }
        return action
    }

    private static let labels: [String: String] = [
        "login.success": "Đăng nhập", "login.failure": "Đăng nhập sai", "logout": "Đăng xuất",
        "article.create": "Tạo bài", "article.save": "Lưu bài", "article.restore": "Khôi phục phiên bản",
        "article.schedule-failed": "Hẹn giờ không xuất bản được",
        "lock.takeover": "Tiếp quản bài", "home.layout": "Sửa bố cục trang chủ", "settings.site": "Sửa cài đặt",
        "settings.security": "Sửa chính sách bảo mật", "user.create": "Tạo tài khoản", "user.update": "Sửa tài khoản",
        "user.disable": "Khóa tài khoản", "user.password": "Đổi mật khẩu", "user.two-factor": "Bật xác thực hai lớp",
        "media.upload": "Tải ảnh lên", "media.update": "Sửa thông tin ảnh",
    ]
}
