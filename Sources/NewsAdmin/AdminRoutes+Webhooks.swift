import Foundation
import Hummingbird
import NewsDomain
import NewsStore
import NewsText
import NewsWeb

extension AdminRoutes {
    /// Webhooks (administrators only): register an address for article events (its secret is shown once), remove
    /// one, and read its delivery log with every attempt.
    func registerWebhooks(on group: RouterGroup<NewsRequestContext>) {
        group.get("webhook") { request, context -> Response in
            _ = try require([.administrator], context)
            return try await webhooksPage(context, notice: request.uri.queryParameters["da-xoa"] != nil ? "Đã xóa webhook." : nil)
        }
        group.post("webhook") { request, context -> Response in
            var request = request
            let admin = try require([.administrator], context)
            let form = try await FormData.read(&request)
            do {
                let (webhook, secret) = try await WebhookRegistrar(store: store, clock: clock).register(
                    url: form["url"], events: form.all("events"), description: form["description"], by: admin
                )
                return try await webhooksPage(context, created: (webhook, secret))
            } catch let error as ValidationErrors {
                return try await webhooksPage(
                    context, form: form, error: error.errors.map(Self.webhookProblem).joined(separator: " "), status: .unprocessableContent
                )
            }
        }
        group.post("webhook/:webhook/xoa") { request, context -> Response in
            let admin = try require([.administrator], context)
            let webhook = try await requireWebhook(context)
            try await WebhookRegistrar(store: store, clock: clock).remove(webhook.id, by: admin)
            return AdminPage.redirect("\(AdminPage.root)/webhook?da-xoa=1")
        }
        group.get("webhook/:webhook") { request, context -> Response in
            _ = try require([.administrator], context)
            let webhook = try await requireWebhook(context)
            let number = max(1, Int(request.uri.queryParameters["trang"].map(String.init) ?? "") ?? 1)
            let deliveries = try await store.webhookDeliveries(webhookID: webhook.id, page: PageRequest(number: number, size: 30))
            let rows = deliveries.items.map { delivery -> HTML in
                let attempts = delivery.attempts.map { attempt -> HTML in
                    let result = attempt.outcome.error ?? "HTTP \(attempt.outcome.statusCode ?? 0)"
                    let milliseconds = Int(attempt.outcome.duration.components.seconds * 1_000
                        + attempt.outcome.duration.components.attoseconds / 1_000_000_000_000_000)
                    return "<li>Lần \(attempt.number), \(VietnameseDate.shortDateTime(attempt.at)): \(result) (\(milliseconds) ms)</li>"
                }
                let next = delivery.nextAttemptAt.map { HTML("<br><span class=\"muted\">Thử lại lúc \(VietnameseDate.shortDateTime($0))</span>") } ?? .empty
                return """
                    <tr><td>\(delivery.id)</td><td><time datetime="\(VietnameseDate.iso8601(delivery.occurredAt))">\(VietnameseDate.shortDateTime(delivery.occurredAt))</time></td>\
                    <td>\(delivery.event.label)</td><td><a href="\(AdminPage.root)/bai-viet/\(delivery.articleID.rawValue)">\(delivery.title)</a></td>\
                    <td>\(Self.statusLabel(delivery.status))\(next)</td><td><ul class="plain">\(attempts)</ul></td></tr>
                    """
            }
            let older: HTML = number < deliveries.pageCount ? "<a class=\"button\" href=\"?trang=\(number + 1)\">Cũ hơn ›</a>" : .empty
            let newer: HTML = number > 1 ? "<a class=\"button\" href=\"?trang=\(number - 1)\">‹ Mới hơn</a>" : .empty
            return page.render(chrome("Webhook #\(webhook.id.rawValue)", context, active: "webhook"), body: """
                <h1>Webhook #\(webhook.id.rawValue)</h1>
                <p><code>\(webhook.url)</code> · \(webhook.events.sorted { $0.rawValue < $1.rawValue }.map(\.rawValue).joined(separator: ", "))</p>
                <p class="muted">Mỗi lần gửi thất bại được thử lại sau 1 phút, 5 phút, 30 phút, 2 giờ và 12 giờ; sau lần thứ sáu thì dừng.</p>
                <div class="table-wrap"><table class="list"><thead><tr><th>Mã</th><th>Lúc</th><th>Sự kiện</th><th>Bài</th><th>Trạng thái</th><th>Các lần gửi</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>
                <nav class="pager">\(newer) <span>Trang \(number)/\(max(deliveries.pageCount, 1))</span> \(older)</nav>
                <p><a href="\(AdminPage.root)/webhook">‹ Danh sách webhook</a></p>
                """)
        }
    }

    private func requireWebhook(_ context: NewsRequestContext) async throws -> Webhook {
        guard let raw = context.parameters.get("webhook"), let number = Int64(raw), number > 0,
              let webhook = try await store.webhook(id: WebhookID(number))
        else { throw StorageError.notFound("webhook") }
        return webhook
    }

    private func webhooksPage(
        _ context: NewsRequestContext, form: FormData = FormData(), created: (Webhook, String)? = nil, notice: String? = nil,
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let webhooks = try await store.webhooks()
        let rows = webhooks.map { webhook -> HTML in
            let events = WebhookEvent.allCases.filter(webhook.events.contains).map(\.rawValue).joined(separator: ", ")
            return """
                <tr><td><a href="\(AdminPage.root)/webhook/\(webhook.id.rawValue)">#\(webhook.id.rawValue)</a></td><td><code>\(webhook.url)</code></td>\
                <td>\(events)</td><td>\(webhook.description)</td><td><code>…\(webhook.secretHint)</code></td>\
                <td>\(VietnameseDate.shortDateTime(webhook.createdAt)) · \(webhook.createdByName)</td>\
                <td><form method="post" action="\(AdminPage.root)/webhook/\(webhook.id.rawValue)/xoa">\(csrfField(context))\
                <button type="submit" class="button danger">Xóa</button></form></td></tr>
                """
        }
        let chosen = Set(form.all("events"))
        let boxes = WebhookEvent.allCases.map { event in
            HTML("<label class=\"check\"><input type=\"checkbox\" name=\"events\" value=\"\(event.rawValue)\"\(HTML.flag("checked", form.values.isEmpty || chosen.contains(event.rawValue)))> <code>\(event.rawValue)</code> – \(event.label)</label>")
        }
        var chrome = chrome("Webhook", context, active: "webhook")
        chrome.notice = notice
        chrome.error = error
        let secret: HTML = created.map { webhook, secret in
            """
            <section class="secret-once" role="status"><h2>Đã thêm webhook #\(webhook.id.rawValue)</h2>
            <p>Khóa bí mật dùng để kiểm chữ ký (<code>X-Toasoan-Signature</code>). Hãy chép ngay: <strong>khóa chỉ hiện lần này</strong>.</p>
            <p><code class="secret">\(secret)</code></p></section>
            """
        } ?? .empty
        return page.render(chrome, body: """
            <h1>Webhook</h1>
            <p class="muted">Mỗi khi một bài được xuất bản, cập nhật hay gỡ xuống, Tòa Soạn gửi một yêu cầu POST có chữ ký HMAC-SHA256 tới các địa chỉ dưới đây. Địa chỉ nội bộ (localhost, mạng riêng) bị từ chối.</p>
            \(secret)
            <div class="table-wrap"><table class="list"><thead><tr><th>Mã</th><th>Địa chỉ</th><th>Sự kiện</th><th>Mô tả</th><th>Khóa</th><th>Tạo</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <h2>Thêm webhook</h2>
            <form method="post" action="\(AdminPage.root)/webhook" class="form">\(csrfField(context))
            <div class="field"><label for="w-url">Địa chỉ nhận (http:// hoặc https://)</label><input id="w-url" type="url" name="url" value="\(form["url"])" required></div>
            <fieldset><legend>Sự kiện</legend>\(boxes)</fieldset>
            <div class="field"><label for="w-description">Mô tả</label><input id="w-description" type="text" name="description" value="\(form["description"])" maxlength="\(WebhookRules.maxDescriptionLength)"></div>
            <button type="submit" class="button primary">Thêm webhook</button></form>
            """, status: status)
    }

    private static func statusLabel(_ status: WebhookDeliveryStatus) -> String {
        switch status {
        case .pending: "Đang chờ gửi"
        case .delivered: "Đã gửi"
        case .failed: "Thất bại, đã dừng"
        }
    }

    /// A registration problem in Vietnamese.
    private static func webhookProblem(_ error: DomainError) -> String {
        switch (error.field, error.code) {
        case ("url", "required"): "Hãy nhập địa chỉ nhận."
        case ("url", "too-long"): "Địa chỉ nhận dài quá \(WebhookRules.maxURLLength) ký tự."
        case ("url", _): "Địa chỉ nhận phải là URL đầy đủ bắt đầu bằng http:// hoặc https://, không kèm tên đăng nhập, mật khẩu hay phần #."
        case ("events", _): "Hãy chọn ít nhất một sự kiện."
        case ("description", _): "Mô tả dài quá \(WebhookRules.maxDescriptionLength) ký tự."
        default: "Sự kiện không hợp lệ."
        }
    }
}
