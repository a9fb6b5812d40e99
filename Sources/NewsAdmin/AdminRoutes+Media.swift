import Foundation
import Hummingbird
import NewsDomain
import NewsImages
import NewsRendering
import NewsStore
import NewsText
import NewsWeb

extension AdminRoutes {
    /// The media library: upload (JPEG, PNG, WebP, GIF; type decided by decoding), browse and search by caption and
    /// credit, edit what is said about an image once for every article that places it; and the editor's picker.
    func registerMedia(on group: RouterGroup<NewsRequestContext>) {
        group.get("thu-vien-anh") { request, context -> Response in
            let query = request.uri.queryParameters["q"].map(String.init) ?? ""
            let number = max(1, Int(request.uri.queryParameters["trang"].map(String.init) ?? "") ?? 1)
            return try await libraryPage(context, query: query, number: number, notice: request.uri.queryParameters["da-tai"] != nil ? "Đã tải ảnh lên thư viện." : nil)
        }
        group.get("thu-vien-anh/tim") { request, _ -> Response in
            let query = request.uri.queryParameters["q"].map(String.init) ?? ""
            let found = try await store.searchMedia(query: query, page: PageRequest(number: 1, size: 40))
            let items: [AnyEncodableValue] = found.items.map { media in
                .object([
                    "id": .int(media.id.rawValue), "src": .string(media.src), "thumb": .string(Self.thumbnail(media)),
                    "alt": .string(media.alt), "caption": .string(media.caption), "credit": .string(media.credit),
                ])
            }
            return try Self.json(["items": .array(items)])
        }
        group.post("thu-vien-anh") { request, context -> Response in
            let user = try context.requireUser()
            let form: MultipartForm
            do {
                form = try await MultipartForm.parse(request, limit: MultipartForm.limit(forFileBytes: maxUploadBytes))
            } catch let error as MultipartFormError {
                return try await libraryPage(context, query: "", number: 1, error: error.vietnameseDescription, status: .unprocessableContent)
            }
            let fields = form.fields.mapValues(VietnameseText.nfc)
            guard let file = form.file, file.bytes.readableBytes > 0 || !file.fileName.isEmpty else {
                return try await libraryPage(context, query: "", number: 1, error: "Hãy chọn một tệp ảnh để tải lên.", upload: fields, status: .unprocessableContent)
            }
            do {
                _ = try await uploader.upload(
                    bytes: file.bytes, fileName: file.fileName, alt: fields["alt"] ?? "", caption: fields["caption"] ?? "",
                    credit: fields["credit"] ?? "", rights: fields["rights"] ?? "", by: user, now: clock()
                )
                return AdminPage.redirect("\(AdminPage.root)/thu-vien-anh?da-tai=1")
            } catch let refusal as UploadRefusal {
                return try await libraryPage(context, query: "", number: 1, error: refusal.vietnameseDescription, upload: fields, status: .unprocessableContent)
            } catch let error as ValidationErrors {
                let message = error.errors.map { "\(MediaFieldText.label($0.field)): \(FieldErrors.message($0))" }.joined(separator: " ")
                return try await libraryPage(context, query: "", number: 1, error: message, upload: fields, status: .unprocessableContent)
            }
        }
        group.get("thu-vien-anh/:media") { request, context -> Response in
            let media = try await media(context)
            return mediaPage(context, media: media, notice: request.uri.queryParameters["da-luu"] != nil ? "Đã lưu thông tin ảnh." : nil)
        }
        group.post("thu-vien-anh/:media") { request, context -> Response in
            var request = request
            let user = try context.requireUser()
            let media = try await media(context)
            let form = try await FormData.read(&request)
            do {
                _ = try await store.updateMedia(
                    id: media.id, alt: form["alt"], caption: form["caption"], credit: form["credit"], rights: form["rights"],
                    actor: user, now: clock()
                )
                return AdminPage.redirect("\(AdminPage.root)/thu-vien-anh/\(media.id.rawValue)?da-luu=1")
            } catch let error as ValidationErrors {
                var edited = media
                edited.alt = form["alt"]
                edited.caption = form["caption"]
                edited.credit = form["credit"]
                edited.rights = form["rights"]
                let message = error.errors.map { "\(MediaFieldText.label($0.field)): \(FieldErrors.message($0))" }.joined(separator: " ")
                return mediaPage(context, media: edited, error: message, status: .unprocessableContent)
            }
        }
    }

    private func media(_ context: NewsRequestContext) async throws -> Media {
        guard let raw = context.parameters.get("media"), let number = Int64(raw),
              let media = try await store.media(id: MediaID(number))
        else { throw StorageError.notFound("media") }
        return media
    }

    /// The smallest WebP copy, for grids; the original when there is none.
    static func thumbnail(_ media: Media) -> String {
        SiteURL.media(src: media.variants(format: "webp").first?.src ?? media.src).path
    }

    private func libraryPage(
        _ context: NewsRequestContext, query: String, number: Int, notice: String? = nil, error: String? = nil,
        upload: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let found = try await store.searchMedia(query: query, page: PageRequest(number: number, size: 24))
        let cards = found.items.map { media -> HTML in
            let credit = media.credit.isEmpty ? HTML.empty : HTML(" <span class=\"credit\">(Ảnh: \(media.credit))</span>")
            return """
                <li><a href="\(AdminPage.root)/thu-vien-anh/\(media.id.rawValue)"><img src="\(Self.thumbnail(media))" alt="\(media.alt)" loading="lazy"\
                \(media.width.map { HTML(" width=\"\($0)\"") } ?? .empty)\(media.height.map { HTML(" height=\"\($0)\"") } ?? .empty)></a>\
                <p>\(media.caption.isEmpty ? media.alt : media.caption)\(credit)</p></li>
                """
        }
        var chrome = chrome("Thư viện ảnh", context, active: "thu-vien-anh")
        chrome.notice = notice
        chrome.error = error
        let megabytes = maxUploadBytes / 1_048_576
        let base = "\(AdminPage.root)/thu-vien-anh?q=\(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        let previous: HTML = number > 1 ? "<a class=\"button\" href=\"\(base)&trang=\(number - 1)\">‹ Trang trước</a>" : .empty
        let next: HTML = number < found.pageCount ? "<a class=\"button\" href=\"\(base)&trang=\(number + 1)\">Trang sau ›</a>" : .empty
        return page.render(chrome, body: """
            <h1>Thư viện ảnh</h1>
            <details class="panel upload"\(HTML.flag("open", error != nil || found.totalCount == 0))><summary>Tải ảnh lên</summary>
            <form method="post" action="\(AdminPage.root)/thu-vien-anh" enctype="multipart/form-data" class="form">\(csrfField(context))
            <div class="field"><label for="u-file">Tệp ảnh <small>(JPEG, PNG, WebP hoặc GIF, tối đa \(megabytes) MB)</small></label>\
            <input id="u-file" type="file" name="file" accept="image/jpeg,image/png,image/webp,image/gif" required></div>
            <div class="field"><label for="u-alt">Mô tả ảnh cho người không xem được ảnh (alt)</label><input id="u-alt" name="alt" value="\(upload["alt"] ?? "")" required></div>
            <div class="field"><label for="u-caption">Chú thích</label><input id="u-caption" name="caption" value="\(upload["caption"] ?? "")"></div>
            <div class="field-row"><div class="field"><label for="u-credit">Tác giả ảnh / hãng</label><input id="u-credit" name="credit" value="\(upload["credit"] ?? "")"></div>
            <div class="field"><label for="u-rights">Quyền sử dụng</label><input id="u-rights" name="rights" value="\(upload["rights"] ?? "")" placeholder="Ví dụ: Ảnh của tòa soạn; TTXVN, dùng theo hợp đồng"></div></div>
            <button type="submit" class="button primary">Tải lên</button></form></details>
            <form method="get" action="\(AdminPage.root)/thu-vien-anh" class="inline-form search-form">
            <input type="search" name="q" value="\(query)" placeholder="Tìm theo chú thích, tác giả ảnh (có dấu hoặc không dấu)" aria-label="Tìm ảnh">
            <button type="submit" class="button">Tìm</button></form>
            <p class="muted">\(found.totalCount) ảnh</p>
            \(cards.isEmpty ? HTML("<p class=\"empty\">Không có ảnh nào.</p>") : HTML("<ul class=\"media-grid\">\(cards)</ul>"))
            <nav class="pager">\(previous) \(next)</nav>
            """, status: status)
    }

    private func mediaPage(
        _ context: NewsRequestContext, media: Media, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        var chrome = chrome("Ảnh #\(media.id.rawValue)", context, active: "thu-vien-anh")
        chrome.notice = notice
        chrome.error = error
        let variants = media.variants.map { variant in
            HTML("<li><a href=\"\(SiteURL.media(src: variant.src).path)\">\(variant.format.uppercased()) \(variant.width)×\(variant.height)\(variant.aspect.map { " (cắt \($0))" } ?? "")</a></li>")
        }
        let markdown = "![\(media.alt)](\(media.src))"
        return page.render(chrome, body: """
            <div class="page-head"><h1>Ảnh #\(media.id.rawValue)</h1><a class="button" href="\(AdminPage.root)/thu-vien-anh">Về thư viện</a></div>
            <div class="media-detail">
            <figure><img src="\(Self.thumbnail(media))" alt="\(media.alt)"></figure>
            <form method="post" action="\(AdminPage.root)/thu-vien-anh/\(media.id.rawValue)" class="form">\(csrfField(context))
            <div class="field"><label for="m-alt">Mô tả ảnh (alt)</label><input id="m-alt" name="alt" value="\(media.alt)" required></div>
            <div class="field"><label for="m-caption">Chú thích</label><textarea id="m-caption" name="caption" rows="2">\(media.caption)</textarea></div>
            <div class="field"><label for="m-credit">Tác giả ảnh / hãng</label><input id="m-credit" name="credit" value="\(media.credit)"></div>
            <div class="field"><label for="m-rights">Quyền sử dụng</label><input id="m-rights" name="rights" value="\(media.rights)"></div>
            <p class="muted">Thông tin này dùng chung cho mọi bài đặt ảnh.</p>
            <button type="submit" class="button primary">Lưu</button></form>
            </div>
            <h2>Chèn vào bài</h2><p><code>\(markdown)</code></p>
            <h2>Các cỡ ảnh</h2><p class="muted">Gốc: \(media.width.map(String.init) ?? "?")×\(media.height.map(String.init) ?? "?") · <a href="\(SiteURL.media(src: media.src).path)">tệp gốc</a></p>
            <ul class="variants">\(variants)</ul>
            """, status: status)
    }
}

/// Media field names in Vietnamese.
enum MediaFieldText {
    static func label(_ field: String) -> String {
        switch field {
        case "alt": "Mô tả ảnh"
        case "caption": "Chú thích"
        case "credit": "Tác giả ảnh"
        case "rights": "Quyền sử dụng"
        default: field
        }
    }
}
