import Foundation
import HTTPTypes
import Hummingbird
import NewsAuth
import NewsDomain
import NewsWeb

/// The newsroom's browser sessions: an HttpOnly, SameSite=Lax cookie scoped to `/toa-soan` (Secure when the site is
/// served over HTTPS) holding a random token that the database stores only as a hash.
public struct AdminSessionSettings: Sendable {
    /// The session cookie's name.
    public static let cookieName = "toasoan_phien"
    /// The login form's double-submit cookie (CSRF protection before there is a session).
    public static let loginCookieName = "toasoan_dang_nhap"
    /// How long a browser session lasts without logging in again: a working day plus a late shift.
    public var lifetime: TimeInterval
    /// Mark cookies Secure; also done for any request that arrived over HTTPS per `X-Forwarded-Proto`.
    public var secureCookies: Bool

    /// Creates the settings.
    public init(lifetime: TimeInterval = 14 * 3_600, secureCookies: Bool = false) {
        self.lifetime = lifetime
        self.secureCookies = secureCookies
    }

    func isSecure(_ request: Request) -> Bool {
        secureCookies || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    func sessionCookie(_ token: String, request: Request) -> Cookie {
        Cookie(
            name: Self.cookieName, value: token, maxAge: Int(lifetime), path: AdminPage.root, secure: isSecure(request),
            httpOnly: true, sameSite: .lax
        )
    }

    func expiredCookie(_ name: String, request: Request) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: AdminPage.root, secure: isSecure(request), httpOnly: true, sameSite: .lax)
    }
}

/// Guards every newsroom page but the login form: a valid session cookie, then — for any request that changes
/// something — a same-origin request carrying the session's CSRF token (form field `_csrf` or header
/// `X-CSRF-Token`), then two-factor enrolment when the account's role requires it.
struct AdminSessionMiddleware: RouterMiddleware {
    typealias Context = NewsRequestContext

    let authenticator: Authenticator
    let csrf: CSRFProtection
    let twoFactorRequired: @Sendable (User) async throws -> Bool
    /// The largest multipart body (an upload) read to find its CSRF field.
    let maxMultipartBytes: Int

    /// Paths an account that must enrol in two-factor authentication may still use.
    static let enrolmentPaths: Set<String> = [
        "\(AdminPage.root)/tai-khoan/xac-thuc-hai-lop", "\(AdminPage.root)/dang-xuat",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var request = request
        guard let token = request.cookies[AdminSessionSettings.cookieName]?.value,
              let user = try await authenticator.user(forToken: token, kind: .browser)
        else { throw AuthenticationError.unauthenticated }
        var context = context
        context.identity = user
        context.token = token
        if request.method != .get, request.method != .head {
            guard Self.isSameOrigin(request) else { throw AdminRefusal.crossSite }
            let sent = try await Self.csrfToken(in: &request, maxMultipartBytes: maxMultipartBytes)
            guard csrf.verify(sent, forSession: token) else { throw AdminRefusal.badCSRF }
        }
        if !user.hasTwoFactor, !Self.enrolmentPaths.contains(request.uri.path), try await twoFactorRequired(user) {
            return AdminPage.redirect("\(AdminPage.root)/tai-khoan/xac-thuc-hai-lop")
        }
        return try await next(request, context)
    }

    /// A browser sends `Origin` on every POST; when present it must name this host. (Old browsers send none; the
    /// token still protects them.)
    static func isSameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin] else { return true }
        guard let host = request.head.authority else { return false }
        let stripped = origin.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
        return stripped == host
    }

    /// The token sent with a request: the header, or the `_csrf` field of a form or multipart body.
    static func csrfToken(in request: inout Request, maxMultipartBytes: Int) async throws -> String? {
        if let header = request.headers[HTTPField.Name("X-CSRF-Token")!] { return header }
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            return try await FormData.read(&request).nonEmpty("_csrf")
        }
        if type.lowercased().hasPrefix("multipart/form-data") {
            // Collected into the request, so the page parses the same bytes again.
            let body = try await request.collectBody(upTo: maxMultipartBytes)
            return try MultipartForm.parse(body, contentType: type).fields["_csrf"]
        }
        return nil
    }
}

/// Why the newsroom refused a request before it reached a page.
enum AdminRefusal: Error, HTTPResponseError {
    /// The form did not carry this session's CSRF token (an old tab after logging in again, or a forged request).
    case badCSRF
    /// The request came from another site.
    case crossSite

    var status: HTTPResponse.Status { .forbidden }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status)
    }

    /// In Vietnamese, for the error page.
    var message: String {
        switch self {
        case .badCSRF:
            "Biểu mẫu đã hết hạn hoặc không hợp lệ (mã bảo vệ CSRF không khớp). Hãy tải lại trang rồi gửi lại; nội dung bài đang soạn vẫn được lưu trên máy này."
        case .crossSite: "Yêu cầu đến từ một trang khác nên đã bị từ chối."
        }
    }
}
