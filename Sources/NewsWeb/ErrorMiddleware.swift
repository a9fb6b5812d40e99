import Hummingbird
import Logging
import NewsRendering
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
