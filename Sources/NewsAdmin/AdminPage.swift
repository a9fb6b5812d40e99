import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NewsDomain

/// The newsroom's page chrome and the response headers every admin page carries: never stored by caches or the page
/// cache, never indexed, never framed by another site, scripts only from our own origin.
public struct AdminPage: Sendable {
    /// The stylesheet and script, fingerprinted like theme assets so they can be cached for good.
    let assets: [String: (contentType: String, bytes: [UInt8])]
    let stylesheetPath: String
    let scriptPath: String

    /// Where the admin lives.
    public static let root = "/toa-soan"

    /// Loads the admin's stylesheet and script from the module's resources.
    public init() {
        var assets: [String: (String, [UInt8])] = [:]
        var paths: [String: String] = [:]
        for (name, ext, type) in [("admin", "css", "text/css; charset=utf-8"), ("admin", "js", "text/javascript; charset=utf-8")] {
            let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "assets")
            let bytes = url.flatMap { try? Data(contentsOf: $0) }.map { [UInt8]($0) } ?? []
            let hash = SHA256.hash(data: bytes).prefix(5).map { String(format: "%02x", $0) }.joined()
            let path = "\(Self.root)/tai-nguyen/\(name).\(hash).\(ext)"
            assets[path] = (type, bytes)
            paths[ext] = path
        }
        self.assets = assets
        self.stylesheetPath = paths["css"] ?? ""
        self.scriptPath = paths["js"] ?? ""
    }

    /// Headers of every admin response.
    static var privateHeaders: HTTPFields {
        [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            HTTPField.Name("X-Robots-Tag")!: "noindex, nofollow",
            HTTPField.Name("X-Frame-Options")!: "SAMEORIGIN",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "same-origin",
            HTTPField.Name("Content-Security-Policy")!:
                "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'",
        ]
    }

    /// What a page shows besides its body.
    struct Chrome {
        var title: String
        var user: User?
        var csrf: String?
        var active: String = ""
        var notice: String?
        var error: String?
    }

    /// A whole page.
    func render(_ chrome: Chrome, body: HTML, status: HTTPResponse.Status = .ok) -> Response {
        let nav = chrome.user.map { navigation(for: $0, active: chrome.active, csrf: chrome.csrf ?? "") } ?? .empty
        let notice = chrome.notice.map { HTML("<p class=\"flash flash-ok\" role=\"status\">\($0)</p>") } ?? .empty
        let error = chrome.error.map { HTML("<p class=\"flash flash-error\" role=\"alert\">\($0)</p>") } ?? .empty
        let html: HTML = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex, nofollow">
            <title>\(chrome.title) · Tòa Soạn</title>
            <link rel="stylesheet" href="\(stylesheetPath)">
            <script src="\(scriptPath)" defer></script>
            </head>
            <body data-csrf="\(chrome.csrf ?? "")">
            <header class="admin-header"><a class="admin-brand" href="\(Self.root)/">Tòa Soạn</a>\(nav)</header>
            <main class="admin-main" id="noi-dung">
            \(notice)\(error)
            \(body)
            </main>
            </body>
            </html>
            """
        return Response(status: status, headers: Self.privateHeaders, body: .init(byteBuffer: ByteBuffer(string: html.text)))
    }

    private func navigation(for user: User, active: String, csrf: String) -> HTML {
        var links: [(String, String, String)] = []
        if user.editorialActor.mayWriteArticles {
            links.append(("tong-quan", "\(Self.root)/", "Tổng quan"))
            links.append(("bai-viet", "\(Self.root)/bai-viet", "Bài viết"))
            links.append(("viet-bai", "\(Self.root)/bai-viet/moi", "Viết bài"))
            links.append(("thu-vien-anh", "\(Self.root)/thu-vien-anh", "Thư viện ảnh"))
        }
        if user.roles.contains(.copyDesk) || user.roles.contains(.editorInChief) {
            links.append(("trang-chu", "\(Self.root)/trang-chu", "Trang chủ"))
        }
        if user.roles.contains(.editorInChief) || user.roles.contains(.administrator) {
            links.append(("nhat-ky", "\(Self.root)/nhat-ky", "Nhật ký"))
        }
        if user.roles.contains(.administrator) {
            links.append(("nguoi-dung", "\(Self.root)/nguoi-dung", "Người dùng"))
            links.append(("cai-dat", "\(Self.root)/cai-dat", "Cài đặt"))
            links.append(("webhook", "\(Self.root)/webhook", "Webhook"))
        }
        links.append(("tai-khoan", "\(Self.root)/tai-khoan", "Tài khoản"))
        let items = links.map { key, href, label in
            HTML("<li><a href=\"\(href)\"\(HTML(trusted: key == active ? " aria-current=\"page\"" : ""))>\(label)</a></li>")
        }
        return """
            <nav class="admin-nav" aria-label="Tòa soạn"><ul>\(items)\
            <li><form method="post" action="\(Self.root)/dang-xuat"><input type="hidden" name="_csrf" value="\(csrf)">\
            <button type="submit" class="link-button">Đăng xuất (\(user.name))</button></form></li></ul></nav>
            """
    }

    /// Serves a fingerprinted asset.
    func asset(path: String) -> Response? {
        guard let asset = assets[path] else { return nil }
        return Response(
            status: .ok,
            headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=31536000, immutable"],
            body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes))
        )
    }

    /// A 303 to another admin page (after a form post), never cached.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
