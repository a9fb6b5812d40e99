import Foundation
import Hummingbird
import NewsDomain
import NewsStore
import NewsText
import NewsWeb

extension AdminRoutes {
    /// Revision history: every save listed, any two compared, any one restored (as a new save).
    func registerRevisions(on group: RouterGroup<NewsRequestContext>) {
        group.get("bai-viet/:id/phien-ban") { request, context -> Response in
            let article = try await article(context)
            let revisions = try await store.revisions(id: article.id)
            let rows = revisions.map { revision -> HTML in
                let marks = [revision.isCurrent ? "bản đang sửa" : nil, revision.isLive ? "bản đang đăng" : nil].compactMap { $0 }
                return """
                    <tr><td><input type="radio" name="a" value="\(revision.number)" aria-label="So sánh từ bản \(revision.number)"></td>\
                    <td><input type="radio" name="b" value="\(revision.number)"\(HTML.flag("checked", revision.isCurrent)) aria-label="So sánh đến bản \(revision.number)"></td>\
                    <td>Bản \(revision.number)\(marks.isEmpty ? HTML.empty : HTML(" <span class=\"state\">\(marks.joined(separator: ", "))</span>"))</td>\
                    <td>\(revision.title)</td><td>\(revision.createdByName ?? "dữ liệu nhập")</td>\
                    <td><time datetime="\(VietnameseDate.iso8601(revision.createdAt))">\(VietnameseDate.shortDateTime(revision.createdAt))</time></td></tr>
                    """
            }
            var chrome = chrome("Lịch sử phiên bản", context, active: "bai-viet")
            chrome.notice = request.uri.queryParameters["khoi-phuc"].map { "Đã khôi phục bản \($0) thành bản mới nhất." }
            return page.render(chrome, body: """
                <div class="page-head"><h1>Lịch sử phiên bản <small>#\(article.id.rawValue)</small></h1>
                <a class="button" href="\(AdminPage.root)/bai-viet/\(article.id.rawValue)">Về bài viết</a></div>
                <p>\(article.content.title)</p>
                <form method="get" action="\(AdminPage.root)/bai-viet/\(article.id.rawValue)/so-sanh">
                <div class="table-wrap"><table class="list"><thead><tr><th>Từ</th><th>Đến</th><th>Phiên bản</th><th>Tiêu đề</th><th>Người lưu</th><th>Lúc</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>
                <button type="submit" class="button primary">So sánh hai bản đã chọn</button></form>
                """)
        }
        group.get("bai-viet/:id/so-sanh") { request, context -> Response in
            let article = try await article(context)
            let revisions = try await store.revisions(id: article.id)
            let newest = revisions.first?.number ?? article.currentVersion
            let b = Int(request.uri.queryParameters["b"].map(String.init) ?? "") ?? newest
            let a = Int(request.uri.queryParameters["a"].map(String.init) ?? "") ?? max(1, b - 1)
            guard let old = try await store.content(id: article.id, version: a),
                  let new = try await store.content(id: article.id, version: b)
            else { throw StorageError.notFound("version") }
            let diff = RevisionDiff(from: old, to: new)
            let fields = diff.changedFields.map { field -> HTML in
                let lines = field.lines.map { line -> HTML in
                    let sign = switch line.kind { case .added: "+"; case .removed: "−"; case .same: " " }
                    return "<li class=\"diff-\(line.kind.rawValue)\"><span class=\"sign\" aria-hidden=\"true\">\(sign)</span>\(line.text.isEmpty ? " " : line.text)</li>"
                }
                return "<section class=\"panel\"><h2>\(field.field.label)</h2><ol class=\"diff\">\(lines)</ol></section>"
            }
            let restore: HTML = a == article.currentVersion ? .empty : """
                <form method="post" action="\(AdminPage.root)/bai-viet/\(article.id.rawValue)/phien-ban/\(a)/khoi-phuc" class="inline-form">\(csrfField(context))\
                <input type="hidden" name="version" value="\(article.currentVersion)">\
                <button type="submit" class="button">Khôi phục bản \(a)</button></form>
                """
            return page.render(chrome("So sánh phiên bản", context, active: "bai-viet"), body: """
                <div class="page-head"><h1>Bản \(a) → bản \(b)</h1>
                <a class="button" href="\(AdminPage.root)/bai-viet/\(article.id.rawValue)/phien-ban">Lịch sử phiên bản</a>\(restore)</div>
                <p class="muted">Dòng <span class="diff-added">+ thêm</span>, dòng <span class="diff-removed">− bỏ</span>.</p>
                \(fields.isEmpty ? HTML("<p class=\"empty\">Hai bản giống nhau.</p>") : HTML.join(fields))
                """)
        }
        group.post("bai-viet/:id/phien-ban/:version/khoi-phuc") { request, context -> Response in
            var request = request
            let user = try context.requireUser()
            let article = try await article(context)
            let form = try await FormData.read(&request)
            guard let version = context.parameters.get("version").flatMap(Int.init), let base = Int(form["version"]) else {
                throw HTTPError(.badRequest)
            }
            _ = try await store.restoreRevision(
                id: article.id, version: version, baseVersion: base, actor: user.editorialActor, actorName: user.name,
                workflow: workflow, now: clock()
            )
            return AdminPage.redirect("\(AdminPage.root)/bai-viet/\(article.id.rawValue)/phien-ban?khoi-phuc=\(version)")
        }
    }
}
