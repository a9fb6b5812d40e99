import HTTPTypes
import Hummingbird
import NIOCore

/// The reverse proxies (nginx, a load balancer) whose `X-Forwarded-For` header is believed. Behind a proxy every
/// request arrives from the proxy's address, so without this, login throttling per address would count every reader's
/// failures together and the audit log would name the proxy. A header from anyone else is ignored: a client cannot
/// choose the address it is throttled or audited under.
public struct TrustedProxies: Sendable, Equatable {
    /// The proxies' addresses, as written by `SocketAddress.ipAddress` ("127.0.0.1", "::1").
    public let addresses: Set<String>

    /// No proxy is trusted: the peer is the client.
    public static let none = TrustedProxies(addresses: [])

    /// Trusts the proxies at `addresses`.
    public init(addresses: Set<String>) {
        self.addresses = addresses
    }

    /// The client's address: the peer's, unless the peer is a trusted proxy and the request carries `X-Forwarded-For`,
    /// in which case the nearest address in that chain that is not itself a trusted proxy (each proxy appends the
    /// address it received the request from, so the right end is the most trustworthy). Nil when the peer's address
    /// stands.
    public func client(peer: String?, forwardedFor: [String]) -> String? {
        guard let peer, addresses.contains(peer) else { return nil }
        let chain = forwardedFor
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return chain.reversed().first { !addresses.contains($0) } ?? chain.first
    }
}

/// Sets the request's client address from `X-Forwarded-For` when the peer is a trusted proxy (see `TrustedProxies`).
public struct ForwardedClientMiddleware: RouterMiddleware {
    public typealias Context = NewsRequestContext
    let proxies: TrustedProxies

    /// Believes `X-Forwarded-For` from `proxies` only.
    public init(proxies: TrustedProxies) {
        self.proxies = proxies
    }

    public func handle(
        _ request: Request, context: NewsRequestContext, next: (Request, NewsRequestContext) async throws -> Response
    ) async throws -> Response {
        guard !proxies.addresses.isEmpty else { return try await next(request, context) }
        var context = context
        context.forwardedAddress = proxies.client(
            peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[values: .forwardedFor]
        )
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    /// `X-Forwarded-For`, which reverse proxies set.
    static let forwardedFor = Self("X-Forwarded-For")!
}
