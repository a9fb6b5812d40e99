import Foundation
import HTTPTypes
import Hummingbird
import NewsDomain
import NewsRendering
import NewsStore
import NewsText
import NewsWeb

extension AdminRoutes {
    /// Dashboards, article lists, the editor (save, autosave, preview), workflow actions and edit locks.
    func registerArticles(on group: RouterGroup<NewsRequestContext>) {
        group.get("") { request, context in try await dashboard(request, context) }
        group.get("bai-viet") { request, context in try await articleList(request, context) }
        group.get("bai-viet/moi") { _, context -> Response in
            let user = try context.requireUser()
            guard user.editorialActor.mayWriteArticles else { throw WorkflowDenial(code: "not-permitted", message: "Tài khoản quản trị không viết bài.") }
            var form = ArticleForm()
            form.author = user.name
            return try await editorPage(context, article: nil, form: form)
        }
        group.post("bai-viet") { request, context -> Response in
            var request = request
            let user = try context.requireUser()
            let form = ArticleForm(try await FormData.read(&request))
            do {
                let (input, seo) = try await form.input(library: store)
                let article = try await store.createArticle(input, seo: seo, by: user, now: clock())
                return AdminPage.redirect("\(AdminPage.root)/bai-viet/\(article.id)?da-luu=1")
            } catch let error as ValidationErrors {
                return try await editorPage(context, article: nil, form: form, fieldErrors: FieldErrors.byField(error.errors), status: .unprocessableContent)
            }
        }
        group.get("bai-viet/:id") { request, context -> Response in
            let user = try context.requireUser()
            let article = try await article(context)
            // Only someone who may edit it now takes the lock; everyone else reads.
            let mayEdit = (try? workflow.afterEdit(by: user.editorialActor, on: article.subject).get()) != nil
            let lock: LockOutcome? = mayEdit ? try await store.acquireLock(id: article.id, user: user, now: clock()) : nil
            let notice = request.uri.queryParameters["da-luu"] != nil ? "Đã lưu bản \(article.currentVersion)." : nil
            return try await editorPage(context, article: article, form: ArticleForm(article), lock: lock, notice: notice)
        }
        group.post("bai-viet/:id") { request, context -> Response in
            var request = request
            let user = try context.requireUser()
            let current = try await article(context)
            let form = ArticleForm(try await FormData.read(&request))
            let json = AdminErrorMiddleware.wantsJSON(request)
            do {
                let (input, seo) = try await form.input(library: store)
                let saved = try await store.saveArticle(
                    id: current.id, input: input, seo: seo, baseVersion: form.version, actor: user.editorialActor,
                    actorName: user.name, workflow: workflow, now: clock()
                )
                if json { return try Self.savedJSON(saved) }
                return AdminPage.redirect("\(AdminPage.root)/bai-viet/\(saved.id)?da-luu=1")
            } catch let error as ValidationErrors where !json {
                return try await editorPage(
                    context, article: current, form: form, fieldErrors: FieldErrors.byField(error.errors), status: .unprocessableContent
                )
            } catch let error as StaleVersion where !json {
                return try await editorPage(context, article: current, form: form, error: error.message, status: .conflict)
            } catch let error as WorkflowDenial where !json {
                return try await editorPage(context, article: current, form: form, error: error.message, status: .forbidden)
            } catch let error as ValidationErrors {
                // Autosave: the script shows each message at its field.
                return try Self.fieldErrorsJSON(error)
            }
        }
        group.post("bai-viet/:id/chuyen") { request, context -> Response in
            var request = request
            let user = try context.requireUser()
            let current = try await article(context)
            let form = try await FormData.read(&request)
            guard let action = WorkflowAction(rawValue: form["action"]) else { throw HTTPError(.badRequest) }
            var at: Date?
            if let text = form.nonEmpty("at") {
                guard let date = Self.vietnamTime(text) else {
                    return try await editorPage(context, article: current, form: ArticleForm(current), error: "Thời điểm hẹn giờ không đúng dạng ngày giờ.", status: .unprocessableContent)
                }
                at = date
            }
            do {
                let moved = try await store.transition(
                    id: current.id, action: action, note: form.nonEmpty("note"), at: at, actor: user.editorialActor,
                    actorName: user.name, workflow: workflow, now: clock()
                )
                if action != .correct { try await store.releaseLock(id: moved.id, userID: user.id) }
                return AdminPage.redirect("\(AdminPage.root)/?xong=\(action.rawValue)")
            } catch let denial as WorkflowDenial {
                return try await editorPage(context, article: current, form: ArticleForm(current), error: denial.message, status: ErrorAnswer(denial).status)
            }
        }
        group.post("bai-viet/:id/khoa") { _, context -> Response in
            let user = try context.requireUser()
            let current = try await article(context)
            switch try await store.acquireLock(id: current.id, user: user, now: clock()) {
            case .acquired(let lock):
                return try Self.json(["held": true, "until": .string(VietnameseDate.iso8601(lock.expiresAt))])
            case .heldBy(let lock):
                return try Self.json(["held": false, "by": .string(lock.userName), "notice": .string(lock.notice)])
            }
        }
        group.post("bai-viet/:id/tiep-quan") { _, context -> Response in
            let user = try context.requireUser()
            let current = try await article(context)
            _ = try await store.takeOverLock(id: current.id, user: user, now: clock())
            return AdminPage.redirect("\(AdminPage.root)/bai-viet/\(current.id)")
        }
        group.post("xem-truoc") { request, context -> Response in
            var request = request
            _ = try context.requireUser()
            let data = try await FormData.read(&request)
            let form = ArticleForm(data)
            let id = ArticleID(Int64(data["id"]) ?? 0)
            let article = try await form.previewArticle(id: id, sections: try await store.sections(), library: store, now: clock())
            var headers = AdminPage.privateHeaders
            headers[HTTPField.Name("Content-Security-Policy")!] = "default-src 'self'; img-src 'self' data: https:; script-src 'none'; frame-ancestors 'self'"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: try await reader.preview(article))))
        }
        group.get("tim-bai") { request, _ -> Response in
            let query = VietnameseText.fold(request.uri.queryParameters["q"].map(String.init) ?? "")
            let recent = try await store.publishedArticles(.all, page: PageRequest(number: 1, size: 300), now: clock())
            let found = recent.items.filter { query.isEmpty || VietnameseText.fold($0.title).contains(query) || String($0.id.rawValue) == query }
            let items: [[String: AnyEncodableValue]] = found.prefix(15).map {
                ["id": .int($0.id.rawValue), "title": .string($0.title), "section": .string($0.section.name),
                 "date": .string(VietnameseDate.shortDateTime($0.publishedAt))]
            }
            return try Self.json(["items": .array(items.map(AnyEncodableValue.object))])
        }
    }

    /// The article named by the `:id` parameter.
    func article(_ context: NewsRequestContext) async throws -> EditorialArticle {
        guard let raw = context.parameters.get("id"), let number = Int64(raw), number > 0,
              let article = try await store.editorialArticle(id: ArticleID(number), now: clock())
        else { throw StorageError.notFound("article") }
        return article
    }

    // MARK: Pages

    private func dashboard(_ request: Request, _ context: NewsRequestContext) async throws -> Response {
        let user = try context.requireUser()
        guard user.editorialActor.mayWriteArticles else { return AdminPage.redirect("\(AdminPage.root)/nguoi-dung") }
        let actor = user.editorialActor
        let waiting = try await store.waitingArticles(for: actor, workflow: workflow)
        let recent = try await store.editorialArticles(status: nil, sectionID: nil, page: PageRequest(number: 1, size: 200)).items
        let mine = recent.filter { summary in
            summary.authorUserID == user.id
                && [.draft, .returned].contains(summary.state.revision?.status ?? summary.state.status)
        }
        let scheduled = try await store.editorialArticles(status: .scheduled, sectionID: nil, page: PageRequest(number: 1, size: 50)).items
        var sections: [HTML] = [
            """
            <section class="panel"><h2>Chờ bạn xử lý <span class="count">\(waiting.count)</span></h2>
            \(summaryTable(waiting, empty: "Không có bài nào đang chờ bạn.", since: true))</section>
            """,
            """
            <section class="panel"><h2>Bài của bạn đang viết hoặc bị trả lại <span class="count">\(mine.count)</span></h2>
            \(summaryTable(mine.sorted { $0.waitingSince < $1.waitingSince }, empty: "Bạn không có bài nháp nào.", since: true))</section>
            """,
        ]
        if !scheduled.isEmpty {
            sections.append("""
                <section class="panel"><h2>Hẹn giờ xuất bản</h2>\(summaryTable(scheduled.sorted { ($0.scheduledAt ?? .distantFuture) < ($1.scheduledAt ?? .distantFuture) }, empty: "", since: false))</section>
                """)
        }
        var chrome = chrome("Tổng quan", context, active: "tong-quan")
        chrome.notice = request.uri.queryParameters["xong"].flatMap { WorkflowAction(rawValue: String($0)) }.map { "Đã thực hiện: \($0.label)." }
        return page.render(chrome, body: """
            <div class="page-head"><h1>Chào \(user.name)</h1><a class="button primary" href="\(AdminPage.root)/bai-viet/moi">Viết bài mới</a></div>
            <p class="muted">Vai trò: \(user.roles.map(\.label).sorted().joined(separator: ", ")). Quy trình duyệt: phóng viên → \(workflow.policy.levels.map(\.label).joined(separator: " → ")) xuất bản.</p>
            \(sections)
            """)
    }

    private func articleList(_ request: Request, _ context: NewsRequestContext) async throws -> Response {
        let statusParam = request.uri.queryParameters["trang-thai"].map(String.init) ?? ""
        let status = ArticleStatus(rawValue: statusParam)
        let number = max(1, Int(request.uri.queryParameters["trang"].map(String.init) ?? "") ?? 1)
        // The search box searches every state the way readers' search does (working versions), within the status filter.
        // Forms send spaces as "+"; for a search, a "+" typed is a separator all the same.
        let query = String(String(request.uri.queryParameters["q"] ?? "").replacingOccurrences(of: "+", with: " ").prefix(200))
        let pageRequest = PageRequest(number: number, size: 30)
        let table: HTML
        let pageCount: Int
        let totalCount: String
        if query.contains(where: { !$0.isWhitespace }) {
            let results = try await store.search(SearchRequest(query: query, scope: .newsroom(status: status), page: pageRequest))
            table = searchTable(results.hits, empty: "Không tìm thấy bài nào cho “\(query)”.")
            totalCount = "\(results.totalIsLowerBound ? "hơn " : "")\(results.totalCount)"
            // Past a count that stopped ("hơn 500"), there is a page after the counted ones, and after a full page.
            let counted = max(1, (results.totalCount + pageRequest.size - 1) / pageRequest.size)
            pageCount = results.totalIsLowerBound
                ? max(counted + 1, number + (results.hits.count == pageRequest.size ? 1 : 0)) : counted
        } else {
            let list = try await store.editorialArticles(status: status, sectionID: nil, page: pageRequest)
            table = summaryTable(list.items, empty: "Chưa có bài nào.", since: false)
            totalCount = "\(list.totalCount)"
            pageCount = list.pageCount
        }
        let options = [HTML("<option value=\"\">Tất cả trạng thái</option>")] + ArticleStatus.allCases.map {
            HTML("<option value=\"\($0.rawValue)\"\(HTML.flag("selected", $0 == status))>\($0.label)</option>")
        }
        let encodedQuery = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let base = "\(AdminPage.root)/bai-viet?trang-thai=\(statusParam)&q=\(encodedQuery)"
        let previous: HTML = number > 1 ? "<a class=\"button\" href=\"\(base)&trang=\(number - 1)\">‹ Trang trước</a>" : .empty
        let next: HTML = number < pageCount ? "<a class=\"button\" href=\"\(base)&trang=\(number + 1)\">Trang sau ›</a>" : .empty
        return page.render(chrome("Bài viết", context, active: "bai-viet"), body: """
            <div class="page-head"><h1>Bài viết</h1>
            <form method="get" class="inline-form" role="search"><input type="search" name="q" value="\(query)" maxlength="200" placeholder="Tìm tiêu đề, nội dung…" aria-label="Tìm bài viết"> <select name="trang-thai" aria-label="Trạng thái">\(options)</select> <button class="button" type="submit">Lọc</button></form></div>
            \(table)
            <nav class="pager">\(previous) <span>Trang \(number)/\(pageCount) · \(totalCount) bài</span> \(next)</nav>
            """)
    }

    /// Search hits as the article list shows them: the highlighted title (safe HTML from the search), state, section,
    /// publication time.
    private func searchTable(_ hits: [SearchHit], empty: String) -> HTML {
        guard !hits.isEmpty else { return "<p class=\"empty\">\(empty)</p>" }
        let rows = hits.map { hit in
            let time = hit.publishedAt.map { HTML("<time datetime=\"\(VietnameseDate.iso8601($0))\">\(VietnameseDate.shortDateTime($0))</time>") } ?? "—"
            return HTML("""
                <tr><td><a href="\(AdminPage.root)/bai-viet/\(hit.id.rawValue)">\(HTML(trusted: hit.titleHTML))</a><br><small>\(HTML(trusted: hit.snippetHTML))</small></td>\
                <td><span class="state state-\(hit.status.rawValue)">\(hit.status.label)</span></td>\
                <td>\(hit.section.name)</td><td>\(time)</td></tr>
                """)
        }
        return """
            <div class="table-wrap"><table class="list"><thead><tr><th>Tiêu đề</th><th>Trạng thái</th><th>Chuyên mục</th>\
            <th>Xuất bản</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    private func summaryTable(_ items: [EditorialSummary], empty: String, since: Bool) -> HTML {
        guard !items.isEmpty else { return "<p class=\"empty\">\(empty)</p>" }
        let rows = items.map { item in
            let time = since ? item.waitingSince : (item.scheduledAt ?? item.updatedAt)
            return HTML("""
                <tr><td><a href="\(AdminPage.root)/bai-viet/\(item.id.rawValue)">\(item.title.isEmpty ? "(chưa có tiêu đề)" : item.title)</a></td>\
                <td><span class="state state-\(item.state.status.rawValue)">\(item.state.label)</span></td>\
                <td>\(item.section.name)</td><td>\(item.authorName)</td>\
                <td><time datetime="\(VietnameseDate.iso8601(time))">\(VietnameseDate.shortDateTime(time))</time></td></tr>
                """)
        }
        return """
            <div class="table-wrap"><table class="list"><thead><tr><th>Tiêu đề</th><th>Trạng thái</th><th>Chuyên mục</th><th>Tác giả</th>\
            <th>\(since ? "Chờ từ" : "Cập nhật")</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    /// The editor: the form, the workflow panel, the lock notice and the live preview.
    func editorPage(
        _ context: NewsRequestContext, article: EditorialArticle?, form: ArticleForm, lock: LockOutcome? = nil,
        fieldErrors: [String: [String]] = [:], notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireUser()
        let sections = try await store.sections()
        let action = article.map { "\(AdminPage.root)/bai-viet/\($0.id.rawValue)" } ?? "\(AdminPage.root)/bai-viet"
        var readOnly = !user.editorialActor.mayWriteArticles
        if let article, (try? workflow.afterEdit(by: user.editorialActor, on: article.subject).get()) == nil { readOnly = true }
        var lockNotice: HTML = .empty
        if case .heldBy(let held)? = lock, let article {
            readOnly = true
            let takeOver: HTML = ArticleLock.mayTakeOver(user.editorialActor, sectionID: article.content.section.id)
                ? """
                  <form method="post" action="\(AdminPage.root)/bai-viet/\(article.id.rawValue)/tiep-quan" class="inline-form">\(csrfField(context))\
                  <button class="button danger" type="submit">Tiếp quản bài này</button></form>
                  """
                : .empty
            lockNotice = """
                <div class="lock-notice" role="alert"><strong>\(held.notice)</strong> (từ \(VietnameseDate.time(held.acquiredAt))). Bạn chỉ xem được, chưa sửa được. \(takeOver)</div>
                """
        }
        func field(_ name: String, _ label: String, _ control: HTML, hint: String? = nil) -> HTML {
            let errors = fieldErrors[name] ?? []
            let errorHTML = errors.isEmpty ? HTML.empty : HTML("<p class=\"field-error\" id=\"\(name)-error\">\(errors.joined(separator: " "))</p>")
            let hintHTML = hint.map { HTML("<small class=\"hint\">\($0)</small>") } ?? .empty
            return """
                <div class="field\(HTML(trusted: errors.isEmpty ? "" : " has-error"))" data-field="\(name)"><label for="f-\(name)">\(label)</label>\(control)\(hintHTML)\(errorHTML)</div>
                """
        }
        func invalid(_ name: String) -> HTML {
            fieldErrors[name] == nil ? .empty : HTML(" aria-invalid=\"true\" aria-describedby=\"\(name)-error\"")
        }
        let disabled = HTML.flag("disabled", readOnly)
        let sectionOptions = [HTML("<option value=\"\">— Chọn chuyên mục —</option>")] + sections.map { section in
            let indent = section.parentID == nil ? "" : "— "
            return HTML("<option value=\"\(section.slug)\"\(HTML.flag("selected", section.slug == form.section))>\(indent)\(section.name)</option>")
        }
        let toolbar: HTML = """
            <div class="md-toolbar" role="toolbar" aria-label="Định dạng">\
            <button type="button" data-md="bold" title="In đậm"><b>B</b></button>\
            <button type="button" data-md="italic" title="In nghiêng"><i>I</i></button>\
            <button type="button" data-md="link" title="Liên kết">Liên kết</button>\
            <button type="button" data-md="heading" title="Tiêu đề mục">Tiêu đề</button>\
            <button type="button" data-md="quote" title="Trích dẫn">Trích dẫn</button>\
            <button type="button" data-md="list" title="Danh sách">Danh sách</button>\
            <button type="button" data-md="image" title="Chèn ảnh từ thư viện">Ảnh</button></div>
            """
        let idValue = article.map { String($0.id.rawValue) } ?? ""
        let formHTML: HTML = """
            <form method="post" action="\(action)" id="article-form" class="form editor-form" data-article="\(idValue)" \
            data-preview="\(AdminPage.root)/xem-truoc" data-lock="\(article.map { "\(AdminPage.root)/bai-viet/\($0.id.rawValue)/khoa" } ?? "")" \
            data-autosave="\(HTML(trusted: article != nil && !readOnly ? "on" : "off"))">
            \(csrfField(context))
            <input type="hidden" name="version" value="\(form.version)">
            <input type="hidden" name="id" value="\(idValue)">
            <fieldset\(disabled)>
            \(field("title", "Tiêu đề", "<input id=\"f-title\" name=\"title\" value=\"\(form.title)\" maxlength=\"\(ArticleLimits.title)\" required\(invalid("title"))>"))
            \(field("sapo", "Sapo", "<textarea id=\"f-sapo\" name=\"sapo\" rows=\"3\" maxlength=\"\(ArticleLimits.sapo)\" required\(invalid("sapo"))>\(form.sapo)</textarea>"))
            \(field("body", "Nội dung", "\(toolbar)<textarea id=\"f-body\" name=\"body\" rows=\"18\" class=\"body-input\" required\(invalid("body"))>\(form.body)</textarea>", hint: "Viết bằng Markdown: **đậm**, *nghiêng*, ## Tiêu đề mục, > trích dẫn, - danh sách. Ảnh chèn từ thư viện."))
            <div class="field-row">
            \(field("section", "Chuyên mục", "<select id=\"f-section\" name=\"section\" required\(invalid("section"))>\(sectionOptions)</select>"))
            \(field("author", "Tác giả (bút danh)", "<input id=\"f-author\" name=\"author\" value=\"\(form.author)\" required\(invalid("author"))>"))
            </div>
            <div class="field-row">
            \(field("tags", "Từ khóa", "<input id=\"f-tags\" name=\"tags\" value=\"\(form.tags)\"\(invalid("tags"))>", hint: "Cách nhau bằng dấu phẩy."))
            \(field("topic", "Dòng sự kiện", "<input id=\"f-topic\" name=\"topic\" value=\"\(form.topic)\"\(invalid("topic"))>"))
            </div>
            \(field("featured", "Ảnh đại diện", """
                <div class="featured-picker"><input id="f-featured" name="featured" value="\(form.featured)" placeholder="Chọn từ thư viện ảnh"\(invalid("featured"))> \
                <button type="button" class="button" data-pick="featured">Chọn ảnh</button></div>
                """))
            \(field("related", "Bài liên quan", """
                <input id="f-related" name="related" value="\(form.related)" placeholder="Mã số bài, cách nhau bằng dấu phẩy"\(invalid("related"))>\
                <div class="related-search"><input type="search" data-related-search placeholder="Tìm bài đã đăng để thêm…" aria-label="Tìm bài liên quan"><ul class="related-results" aria-live="polite"></ul></div>
                """))
            <details class="seo"\(HTML.flag("open", !form.slug.isEmpty && fieldErrors["slug"] != nil || fieldErrors["seo_title"] != nil))><summary>Đường dẫn và SEO</summary>
            \(field("slug", "Đường dẫn", "<input id=\"f-slug\" name=\"slug\" value=\"\(form.slug)\" placeholder=\"Tạo tự động từ tiêu đề\" pattern=\"[a-z0-9]+(-[a-z0-9]+)*\"\(invalid("slug"))>", hint: "Chữ thường không dấu, số và dấu gạch nối."))
            \(field("seo_title", "Tiêu đề SEO", "<input id=\"f-seo_title\" name=\"seo_title\" value=\"\(form.seoTitle)\" maxlength=\"\(SEOFields.maxTitle)\"\(invalid("seo_title"))>"))
            \(field("seo_description", "Mô tả SEO", "<textarea id=\"f-seo_description\" name=\"seo_description\" rows=\"2\" maxlength=\"\(SEOFields.maxDescription)\"\(invalid("seo_description"))>\(form.seoDescription)</textarea>"))
            </details>
            <div class="form-actions"><button type="submit" class="button primary">Lưu</button> \
            <button type="submit" class="button" formaction="\(AdminPage.root)/xem-truoc" formtarget="_blank">Xem trước ở thẻ mới</button> \
            <span class="save-status" aria-live="polite"></span></div>
            </fieldset>
            </form>
            """
        let panel: HTML = article.map { self.workflowPanel($0, user: user, context) } ?? HTML.empty
        var chrome = chrome(article == nil ? "Viết bài mới" : "Sửa: \(form.title)", context, active: article == nil ? "viet-bai" : "bai-viet")
        chrome.notice = notice
        chrome.error = error ?? (fieldErrors.isEmpty ? nil : "Chưa lưu được: hãy sửa các ô được đánh dấu bên dưới. Nội dung bạn nhập vẫn còn nguyên.")
        let heading = article.map { HTML("<h1>Sửa bài <small>#\($0.id.rawValue) · bản \($0.currentVersion)</small></h1>") } ?? "<h1>Viết bài mới</h1>"
        let links = article.map { article in
            let live: HTML = article.isVisibleToReaders
                ? HTML(" · <a href=\"\(SiteURL.article(id: article.id, slug: article.content.slug).path)\" target=\"_blank\" rel=\"noopener\">Xem trên trang</a>") : .empty
            return HTML("<p class=\"muted\"><a href=\"\(AdminPage.root)/bai-viet/\(article.id.rawValue)/phien-ban\">Lịch sử phiên bản</a>\(live)</p>")
        } ?? .empty
        return page.render(chrome, body: """
            <div class="page-head">\(heading)</div>
            \(lockNotice)\(links)
            <div class="editor">
            <div class="editor-main">\(formHTML)</div>
            <aside class="editor-side">\(panel)
            <section class="panel preview-panel"><h2>Xem trước</h2><p class="muted">Hiển thị đúng như bạn đọc sẽ thấy; cập nhật khi bạn gõ.</p>
            <iframe class="preview" title="Xem trước bài viết" sandbox="allow-same-origin"></iframe></section>
            </aside>
            </div>
            <dialog class="media-picker" id="media-picker"><form method="dialog" class="picker-head">
            <input type="search" placeholder="Tìm theo chú thích, tác giả ảnh…" data-media-search aria-label="Tìm ảnh">
            <button class="button" value="close">Đóng</button></form>
            <p class="muted">Chưa có ảnh? <a href="\(AdminPage.root)/thu-vien-anh" target="_blank" rel="noopener">Tải ảnh lên thư viện</a> rồi tìm lại.</p>
            <ul class="media-grid" data-media-results></ul></dialog>
            """, status: status)
    }

    private func workflowPanel(_ article: EditorialArticle, user: User, _ context: NewsRequestContext) -> HTML {
        let actions = workflow.availableActions(for: user.editorialActor, on: article.subject)
        let buttons = actions.map { action -> HTML in
            let needsNote = action == .return || action == .correct || action == .takedown
            let note: HTML = needsNote
                ? "<label>\(action == .correct ? "Nội dung cải chính" : "Ghi chú") <textarea name=\"note\" rows=\"2\" required></textarea></label>"
                : "<label>Ghi chú <small>(không bắt buộc)</small> <input name=\"note\"></label>"
            let at: HTML = action == .schedule ? "<label>Thời điểm xuất bản (giờ Việt Nam) <input type=\"datetime-local\" name=\"at\" required></label>" : .empty
            return """
                <form method="post" action="\(AdminPage.root)/bai-viet/\(article.id.rawValue)/chuyen" class="action-form">\(csrfField(context))\
                <input type="hidden" name="action" value="\(action.rawValue)">\(note)\(at)\
                <button type="submit" class="button\(HTML(trusted: action == .takedown || action == .return ? " danger" : " primary"))">\(action.label)</button></form>
                """
        }
        let scheduled = article.scheduledAt.map { HTML("<p>Hẹn giờ: \(VietnameseDate.long($0))</p>") } ?? .empty
        return """
            <section class="panel workflow"><h2>Quy trình</h2>
            <p>Trạng thái: <span class="state state-\(article.state.status.rawValue)">\(article.state.label)</span></p>\(scheduled)
            <p class="muted">Bản \(article.currentVersion)\(article.publishedVersion.map { " · bản đang đăng: \($0)" } ?? "") · cập nhật \(VietnameseDate.shortDateTime(article.updatedAt))\(article.updatedByName.map { " bởi \($0)" } ?? "")</p>
            \(actions.isEmpty ? HTML("<p class=\"muted\">Bạn không có thao tác nào với bài ở bước này.</p>") : HTML.join(buttons))
            </section>
            """
    }

    /// A `datetime-local` value ("2023-12-22T10:30") read as Vietnam time (UTC+7, no daylight saving).
    static func vietnamTime(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed.count {
        case 16: return VietnameseDate.parseISO8601(trimmed + ":00+07:00")
        case 19: return VietnameseDate.parseISO8601(trimmed + "+07:00")
        default: return VietnameseDate.parseISO8601(trimmed)
        }
    }

    // MARK: JSON

    static func savedJSON(_ article: EditorialArticle) throws -> Response {
        try json([
            "version": .int(Int64(article.currentVersion)), "slug": .string(article.content.slug),
            "state": .string(article.state.label), "savedAt": .string(VietnameseDate.time(article.updatedAt)),
        ])
    }

    static func fieldErrorsJSON(_ error: ValidationErrors) throws -> Response {
        let fields = FieldErrors.byField(error.errors).mapValues { AnyEncodableValue.string($0.joined(separator: " ")) }
        var response = try json(["error": .string("Chưa lưu được: hãy sửa các ô được đánh dấu."), "fields": .object(fields)])
        response.status = .unprocessableContent
        return response
    }

    static func json(_ object: [String: AnyEncodableValue]) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let data = try encoder.encode(object)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}

/// A JSON value for the small answers the editor's script reads.
enum AnyEncodableValue: Encodable, ExpressibleByBooleanLiteral, ExpressibleByStringLiteral {
    case string(String)
    case int(Int64)
    case bool(Bool)
    case array([AnyEncodableValue])
    case object([String: AnyEncodableValue])

    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(stringLiteral value: String) { self = .string(value) }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

