import Hummingbird

/// What every answer under `/api/v1/` shares: open CORS for reading (any site's scripts may GET it), preflights
/// answered, methods other than GET and HEAD refused with 405, and errors as JSON with the CORS headers on (a browser
/// hides a cross-origin error body without them). The error itself is decided where every API error is, `APIError`.
///
/// Installed on the router before the reader routes, so it covers every `/api/v1/` route, whoever registered it, and
/// the not-found answer; other paths pass straight through.
public struct ContentAPIMiddleware: RouterMiddleware {
    /// The request context this middleware runs with.
    public typealias Context = NewsRequestContext

    /// The path prefix of the public API.
    public static let prefix = "/api/v1/"
    /// Methods the public API answers.
    static let allowedMethods = "GET, HEAD, OPTIONS"

    /// Creates the middleware.
    public init() {}

    /// Answers preflights and refused methods itself; adds the CORS headers to everything else under `/api/v1/`.
    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.uri.path.hasPrefix(Self.prefix) else { return try await next(request, context) }
        switch request.method {
        case .options:
            var headers = Self.corsHeaders
            headers[.accessControlAllowMethods] = Self.allowedMethods
            headers[.accessControlAllowHeaders] = request.headers[.accessControlRequestHeaders] ?? "If-None-Match"
            headers[.accessControlMaxAge] = "86400"
            headers[.allow] = Self.allowedMethods
            headers[.cacheControl] = "public, max-age=86400"
            return Response(status: .noContent, headers: headers)
        case .get, .head:
            var response: Response
            do {
                response = try await next(request, context)
            } catch {
                response = APIError(error).response(logger: context.logger, path: request.uri.path)
            }
            for field in Self.corsHeaders { response.headers[field.name] = field.value }
            return response
        default:
            var error = APIError(
                .methodNotAllowed, "method-not-allowed", "The Content API is read-only: use GET (or HEAD, OPTIONS)"
            )
            error.headers[.allow] = Self.allowedMethods
            var response = error.response(logger: context.logger, path: request.uri.path)
            for field in Self.corsHeaders { response.headers[field.name] = field.value }
            return response
        }
    }

    /// Sent with every answer: any origin may read it, and scripts may see its ETag (to send `If-None-Match`).
    static let corsHeaders: HTTPFields = [.accessControlAllowOrigin: "*", .accessControlExposeHeaders: "ETag"]
}
