import Foundation
import Hummingbird
import NewsAuth
import NewsDomain
import NewsStore
import NewsWeb

/// The newsroom in the browser, under `/toa-soan/`: Vietnamese pages rendered on the server, plain JavaScript where
/// it helps (toolbar, live preview, autosave, lock renewal), nothing from a CDN. Every page is private: no page
/// cache, `no-store`, `noindex`.
public struct AdminRoutes: Sendable {
    let store: any NewsStorage & NewsroomStorage
    let authenticator: Authenticator
    let csrf: CSRFProtection
    let reader: ReaderController
    let uploader: MediaUploader
    let workflow: Workflow
    let session: AdminSessionSettings
    let maxUploadBytes: Int
    let page: AdminPage
    let clock: @Sendable () -> Date

    /// Creates the newsroom's routes.
    public init(
        store: any NewsStorage & NewsroomStorage, authenticator: Authenticator, csrf: CSRFProtection,
        reader: ReaderController, uploader: MediaUploader, maxUploadBytes: Int, workflow: Workflow,
        session: AdminSessionSettings = AdminSessionSettings(), clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.maxUploadBytes = maxUploadBytes
        self.store = store
        self.authenticator = authenticator
        self.csrf = csrf
        self.reader = reader
        self.uploader = uploader
        self.workflow = workflow
        self.session = session
        self.page = AdminPage()
        self.clock = clock
    }

    /// Registers every newsroom route on `router`.
    public func register(on router: Router<NewsRequestContext>) {
        let open = router.group(RouterPath(stringLiteral: String(AdminPage.root.dropFirst())))
            .add(middleware: AdminErrorMiddleware(page: page, csrf: csrf))
        open.get("tai-nguyen/:file") { request, _ -> Response in
            guard let response = page.asset(path: request.uri.path) else { throw HTTPError(.notFound) }
            return response
        }
        registerLogin(on: open)
        let guarded = open.group().add(middleware: AdminSessionMiddleware(
            authenticator: authenticator, csrf: csrf,
            twoFactorRequired: { [store] user in
                try await store.securityPolicy().requiresTwoFactor(user)
            },
            maxMultipartBytes: MultipartForm.limit(forFileBytes: maxUploadBytes)
        ))
        registerAccount(on: guarded)
        registerArticles(on: guarded)
        registerRevisions(on: guarded)
        registerMedia(on: guarded)
        registerManagement(on: guarded)
        registerUsers(on: guarded)
        registerWebhooks(on: guarded)
    }

    /// The chrome of a page for the signed-in account.
    func chrome(_ title: String, _ context: NewsRequestContext, active: String = "") -> AdminPage.Chrome {
        AdminPage.Chrome(title: title, user: context.identity, csrf: csrfToken(context), active: active)
    }

    /// This session's CSRF token, for forms and the script.
    func csrfToken(_ context: NewsRequestContext) -> String {
        context.token.map { csrf.token(forSession: $0) } ?? ""
    }

    /// The hidden form field carrying the CSRF token.
    func csrfField(_ context: NewsRequestContext) -> HTML {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrfToken(context))\">"
    }

    /// Refuses a page to an account without one of `roles`.
    func require(_ roles: Set<Role>, _ context: NewsRequestContext) throws -> User {
        let user = try context.requireUser()
        guard !user.roles.isDisjoint(with: roles) else {
            throw WorkflowDenial(code: "not-permitted", message: "Trang này dành cho: " + roles.map(\.label).sorted().joined(separator: ", "))
        }
        return user
    }
}

extension NewsRequestContext {
    /// The signed-in account (the session middleware guarantees one).
    func requireUser() throws -> User {
        guard let identity else { throw AuthenticationError.unauthenticated }
        return identity
    }
}

/// Shows failures inside the newsroom as newsroom pages: an expired session leads back to the login form (keeping
/// where the user was going), everything else is a Vietnamese error page with the status `ErrorAnswer` decides.
struct AdminErrorMiddleware: RouterMiddleware {
    typealias Context = NewsRequestContext

    let page: AdminPage
    let csrf: CSRFProtection

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch AuthenticationError.unauthenticated {
            if Self.wantsJSON(request) {
                return Self.json(status: .unauthorized, code: "session-expired", message: "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại; nội dung đang soạn vẫn được giữ trên máy này.")
            }
            if request.method == .get || request.method == .head {
                let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
                let target = "\(AdminPage.root)/dang-nhap?tiep=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                return AdminPage.redirect(target)
            }
            return page.render(
                .init(title: "Phiên đã hết hạn", error: "Phiên đăng nhập đã hết hạn nên thao tác chưa được thực hiện."),
                body: """
                    <h1>Phiên đăng nhập đã hết hạn</h1>
                    <p>Nội dung bạn đang soạn vẫn được trình duyệt giữ lại trên máy này. Hãy <a href="\(AdminPage.root)/dang-nhap" target="_blank" rel="noopener">đăng nhập lại ở thẻ mới</a>, rồi quay lại trang trước và lưu lần nữa.</p>
                    """,
                status: .unauthorized
            )
        } catch let refusal as AdminRefusal {
            if Self.wantsJSON(request) { return Self.json(status: .forbidden, code: "csrf", message: refusal.message) }
            return page.render(.init(title: "Không thực hiện được", user: context.identity), body: """
                <h1>Không thực hiện được</h1><p>\(refusal.message)</p>
                """, status: .forbidden)
        } catch {
            let answer = ErrorAnswer(error)
            if answer.status.code >= 500 {
                context.logger.error("newsroom request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            }
            if Self.wantsJSON(request) {
                return Self.json(status: answer.status, code: answer.code, message: Self.vietnamese(answer), field: answer.field)
            }
            let heading = answer.status == .notFound ? "Không tìm thấy" : "Không thực hiện được"
            return page.render(.init(title: heading, user: context.identity, csrf: context.token.map { csrf.token(forSession: $0) }), body: """
                <h1>\(heading)</h1><p>\(Self.vietnamese(answer))</p><p><a href="\(AdminPage.root)/">Về trang tổng quan</a></p>
                """, status: answer.status)
        }
    }

    /// The message in Vietnamese: workflow and version messages already are; the rest by status.
    static func vietnamese(_ answer: ErrorAnswer) -> String {
        switch answer.code {
        case "stale-version", "wrong-state", "not-permitted", "outside-sections", "note-required", "time-required", "time-in-past":
            return answer.message
        default: break
        }
        switch answer.status.code {
        case 404: return "Trang hoặc nội dung này không tồn tại (có thể đã bị xóa)."
        case 403: return "Tài khoản của bạn không có quyền làm việc này."
        case 409: return answer.message
        case 413: return "Tệp gửi lên quá lớn."
        case 422: return answer.message
        case 429: return "Thao tác quá nhiều lần; hãy thử lại sau ít phút."
        case 503: return "Cơ sở dữ liệu đang tạm gián đoạn; hãy thử lại sau ít phút."
        case 400..<500: return "Dữ liệu gửi lên không hợp lệ."
        default: return "Hệ thống gặp lỗi; thao tác chưa được thực hiện. Hãy thử lại."
        }
    }

    static func wantsJSON(_ request: Request) -> Bool {
        request.headers[.accept]?.contains("application/json") ?? false
    }

    static func json(status: HTTPResponse.Status, code: String, message: String, field: String? = nil) -> Response {
        struct Body: Encodable { var code: String; var message: String; var field: String? }
        let data = (try? JSONEncoder().encode(["error": Body(code: code, message: message, field: field)])) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
