import Foundation
import Hummingbird
import Logging
import NewsImages
import NewsRendering
import NewsDomain
import NewsStore

/// The one place where errors become HTTP responses.
///
/// Readers see a Vietnamese page without internals: 404 for addresses that lead nowhere, 503 when the database is
/// unavailable, 500 for anything else. Server errors are logged with the request id and the underlying error.
public struct ErrorMiddleware: RouterMiddleware {
    /// The request context this middleware runs with.
    public typealias Context = NewsRequestContext

    let controller: ReaderController

    /// Creates the middleware.
    public init(controller: ReaderController) {
        self.controller = controller
    }

    /// Passes the request on and turns whatever it throws into a reader-facing page.
    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch where request.uri.path.hasPrefix("/api/") {
            return APIError(error).response(logger: context.logger, path: request.uri.path)
        } catch let error as any HTTPResponseError where error.status == .notFound {
            return await page(.notFound, request: request, context: context)
        } catch let error as any HTTPResponseError where error.status.code < 500 {
            let content = ErrorPageContent(
                status: Int(error.status.code), title: "Yêu cầu không hợp lệ",
                message: "Địa chỉ hoặc dữ liệu gửi lên không đúng. Mời bạn kiểm tra lại hoặc quay về trang chủ."
            )
            return await page(content, request: request, context: context)
        } catch let error as StorageError {
            context.logger.error("storage failure", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return Self.unavailable
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return await page(.serverError, request: request, context: context)
        }
    }

    /// Renders an error page with the site's chrome, falling back to a built-in page when even that fails.
    private func page(_ content: ErrorPageContent, request: Request, context: Context) async -> Response {
        do {
            let page = try await controller.errorPage(content)
            return ReaderRoutes.response(page, request: request)
        } catch let error as StorageError {
            context.logger.error("storage failure", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return Self.unavailable
        } catch {
            context.logger.error("error page failed", metadata: ["error": "\(error)"])
            return Self.plain(content)
        }
    }

    /// The page sent when the database cannot be reached: no chrome, because the chrome lives in the database.
    static let unavailable = plain(ErrorPageContent(
        status: 503, title: "Hệ thống đang tạm gián đoạn",
        message: "Chúng tôi đang khắc phục sự cố kết nối. Mời bạn quay lại sau ít phút."
    ))

    private static func plain(_ content: ErrorPageContent) -> Response {
        let html = """
            <!doctype html><html lang="vi"><head><meta charset="utf-8">\
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>\(content.title)</title></head>\
            <body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">\
            <h1>\(content.title)</h1><p>\(content.message)</p><p><a href="/">Về trang chủ</a></p></body></html>
            """
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        if content.status == 503 { headers[.retryAfter] = "30" }
        return Response(status: .init(code: content.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// An error as API clients see it: `{"error": {"code", "message", "field"}}` with the matching status.
struct APIError {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var field: String?
    var details: [DomainError] = []
    var headers: HTTPFields = [:]
    /// The underlying error, logged for server errors only.
    var underlying: (any Error)?

    init(_ error: any Error) {
        switch error {
        case let error as AuthenticationError:
            switch error {
            case .unauthenticated:
                self.init(.unauthorized, "unauthenticated", "Send a valid token: Authorization: Bearer <token>")
                headers[.wwwAuthenticate] = "Bearer"
            case .invalidCredentials:
                self.init(.unauthorized, "invalid-credentials", "Wrong e-mail or password")
            case .twoFactorRequired:
                self.init(.unauthorized, "two-factor-required", "This account needs a two-factor code", field: "code")
            case .invalidTwoFactorCode:
                self.init(.unauthorized, "invalid-two-factor-code", "The two-factor code is wrong or was already used", field: "code")
            case .twoFactorEnrolmentRequired:
                self.init(
                    .forbidden, "two-factor-enrolment-required",
                    "This account's role requires two-factor authentication: set it up at /toa-soan/tai-khoan/xac-thuc-hai-lop first"
                )
            case .throttled(let until):
                self.init(.tooManyRequests, "throttled", "Too many failed logins; try again later")
                headers[.retryAfter] = String(max(1, Int(until.timeIntervalSinceNow.rounded(.up))))
            }
        case let error as StaleVersion:
            self.init(.conflict, "stale-version", error.message, field: "version")
        case let error as AccessDenied:
            self.init(.forbidden, "not-permitted", error.message)
        case let error as WorkflowDenial:
            let status: HTTPResponse.Status = switch error.code {
            case "wrong-state": .conflict
            case "not-permitted", "outside-sections": .forbidden
            default: .unprocessableContent
            }
            self.init(status, error.code, error.message, field: error.field)
        case let error as ValidationErrors:
            self.init(.unprocessableContent, "invalid", error.errors.first?.message ?? "Invalid input", field: error.errors.first?.field)
            details = error.errors
        case let error as DomainError:
            self.init(.unprocessableContent, error.code, error.message, field: error.field)
        case let error as UploadRefusal:
            self.init(.unprocessableContent, error.code, error.description, field: "file")
            details = [DomainError(code: error.code, field: "file", message: error.description)]
        case let error as MultipartFormError:
            let (status, code): (HTTPResponse.Status, String) = switch error {
            case .tooLarge: (.contentTooLarge, "too-large")
            case .notMultipart: (.unsupportedMediaType, "unsupported-media-type")
            case .malformed: (.badRequest, "bad-request")
            case .severalFiles: (.unprocessableContent, "invalid")
            }
            self.init(status, code, error.description, field: error.field)
        case let error as StorageError:
            switch error {
            case .notFound(let what): self.init(.notFound, "not-found", "Not found: \(what)")
            case .conflict(let what): self.init(.conflict, "conflict", what)
            case .unavailable: self.init(.serviceUnavailable, "unavailable", "The database is unavailable; try again shortly")
                headers[.retryAfter] = "30"
                underlying = error
            }
        case let error as RequestProblem:
            self.init(error.status, error.code, error.message, field: error.field)
        case let error as any HTTPResponseError:
            self.init(error.status, error.status.code == 404 ? "not-found" : "bad-request", error.status.reasonPhrase)
            if let message = (error as? HTTPError)?.body { self.message = message }
        case is DecodingError:
            self.init(.badRequest, "bad-request", "The request body is not the JSON this endpoint expects")
        default:
            self.init(.internalServerError, "internal", "Something went wrong on our side")
            underlying = error
        }
    }

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
    }

    private struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var field: String?
        }
        var error: Detail
        var errors: [Detail]?
    }

    func response(logger: Logger, path: String) -> Response {
        if status.code >= 500 {
            logger.error("API request failed", metadata: ["path": "\(path)", "error": "\(underlying.map { "\($0)" } ?? code)"])
        }
        let body = Body(
            error: .init(code: code, message: message, field: field),
            errors: details.isEmpty ? nil : details.map { .init(code: $0.code, message: $0.message, field: $0.field) }
        )
        let data = (try? JSONEncoder().encode(body)) ?? Data(#"{"error":{"code":"internal","message":"error"}}"#.utf8)
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// How an error is answered — status, code, message, field — decided in this one place for the API (JSON), the
/// newsroom's HTML pages and the reader site alike; each only presents it.
public struct ErrorAnswer: Sendable {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// A stable machine-readable code ("stale-version", "not-permitted"…).
    public let code: String
    /// What went wrong, for people.
    public let message: String
    /// The input field at fault, when one is.
    public let field: String?
    /// Every field problem of a validation error.
    public let fieldErrors: [DomainError]

    /// Decides the answer to `error`.
    public init(_ error: any Error) {
        let api = APIError(error)
        status = api.status
        code = api.code
        message = api.message
        field = api.field
        fieldErrors = api.details
    }
}
