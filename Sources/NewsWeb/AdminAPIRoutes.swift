import Foundation
import Hummingbird
import NewsAuth
import NewsDomain
import NewsStore
import NewsText

/// The newsroom's JSON API under `/api/admin/` (documented in `openapi/admin.yaml`): sessions for now.
public struct AdminAPIRoutes: Sendable {
    let authenticator: Authenticator
    let articles: AdminArticleRoutes?
    let media: AdminMediaRoutes?
    let users: AdminUserRoutes?

    /// How long an API token lives.
    public static let tokenLifetime: TimeInterval = 30 * 86_400

    /// Creates the routes; without `articles` and `media` only the session endpoints exist.
    public init(
        authenticator: Authenticator, articles: AdminArticleRoutes? = nil, media: AdminMediaRoutes? = nil,
        users: AdminUserRoutes? = nil
    ) {
        self.authenticator = authenticator
        self.articles = articles
        self.media = media
        self.users = users
    }

    struct LoginRequest: Decodable {
        var email: String
        var password: String
        var code: String?
    }

    struct LoginResponse: ResponseEncodable {
        var token: String
        var expiresAt: String
        var user: UserResponse

        enum CodingKeys: String, CodingKey {
            case token, user
            case expiresAt = "expires_at"
        }
    }

    struct UserResponse: ResponseEncodable {
        var id: Int64
        var email: String
        var name: String
        var roles: [String]

        init(_ user: User) {
            self.id = user.id.rawValue
            self.email = user.email
            self.name = user.name
            self.roles = user.roles.map(\.rawValue).sorted()
        }
    }

    /// Registers the routes on `router`.
    public func register(on router: Router<NewsRequestContext>) {
        let api = router.group("api/admin")
        api.post("session") { request, context -> Response in
            let body = try await request.decode(as: LoginRequest.self, context: context)
            let (token, user, expiresAt) = try await authenticator.login(
                email: body.email, password: body.password, code: body.code, address: context.clientAddress, kind: .apiToken,
                lifetime: Self.tokenLifetime
            )
            return try LoginResponse(token: token, expiresAt: VietnameseDate.iso8601(expiresAt), user: UserResponse(user))
                .response(from: request, context: context)
        }
        let authenticated = api.group().add(middleware: BearerAuthenticationMiddleware(authenticator: authenticator))
        authenticated.delete("session") { _, context -> Response in
            if let user = context.identity, let token = context.token {
                try await authenticator.revoke(token: token, user: user)
            }
            return Response(status: .noContent)
        }
        authenticated.get("me") { _, context -> UserResponse in
            UserResponse(try context.requireIdentity())
        }
        articles?.register(on: authenticated)
        media?.register(on: authenticated)
        users?.register(on: authenticated)
    }
}

/// Requires `Authorization: Bearer <token>` with a valid API token and puts its account in the context.
public struct BearerAuthenticationMiddleware: RouterMiddleware {
    /// The request context this middleware runs with.
    public typealias Context = NewsRequestContext

    let authenticator: Authenticator

    /// Checks the bearer token of each request.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw AuthenticationError.unauthenticated
        }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        guard let user = try await authenticator.user(forToken: token, kind: .apiToken) else {
            throw AuthenticationError.unauthenticated
        }
        var context = context
        context.identity = user
        context.token = token
        return try await next(request, context)
    }
}
