import Hummingbird
import NIOCore
import NewsDomain

/// Per-request facts for every handler: request id and logger (Hummingbird's), the client's address, and — once
/// authenticated — who is acting and with which token.
public struct NewsRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's own per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The peer's address, for login throttling and the audit log.
    public let remoteAddress: SocketAddress?
    /// The authenticated account, set by the authentication middleware.
    public var identity: User?
    /// The token the account authenticated with (so that logout can revoke exactly it).
    public var token: String?
    /// The client's address as a trusted reverse proxy reported it (`ForwardedClientMiddleware`).
    public var forwardedAddress: String?

    /// Creates the context for one request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// The client's address as text: the one a trusted proxy reported, else the peer's ("unknown" when the transport
    /// has none, as in router tests).
    public var clientAddress: String {
        forwardedAddress ?? remoteAddress?.ipAddress ?? "unknown"
    }
}
