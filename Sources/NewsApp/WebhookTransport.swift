import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NewsStore

/// A signed webhook request, ready to post.
public struct WebhookRequest: Sendable {
    /// Where to post.
    public var url: URL
    /// Header fields besides Content-Type.
    public var headers: [(String, String)]
    /// The JSON body, exactly as signed.
    public var body: Data

    /// Creates a request.
    public init(url: URL, headers: [(String, String)], body: Data) {
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// Sends webhook requests; every failure becomes an outcome, never a thrown error.
public protocol WebhookTransport: Sendable {
    /// Posts `request` and reports how it ended.
    func send(_ request: WebhookRequest) async -> WebhookAttemptOutcome
}

/// Posts with `URLSession` (libcurl on Linux): a timeout for the whole exchange, redirects never followed (a 3xx
/// counts as a failure), and only http and https.
///
/// Addresses: an administrator is trusted to register URLs, but a webhook must not become a way to reach the
/// server's own network by mistake, so by default the host's addresses are resolved before each attempt and any
/// loopback, private, link-local, shared (CGNAT), multicast or unspecified address refuses the attempt. The check and
/// the connection resolve the name separately, so a hostile DNS server could still answer differently the second
/// time; that residual risk is accepted because only administrators register URLs. `allowPrivateAddresses` lifts the
/// check (demo mode, tests, receivers on an intranet).
public final class URLSessionWebhookTransport: NSObject, WebhookTransport, URLSessionTaskDelegate, @unchecked Sendable {
    // @unchecked: the session is immutable after init and URLSession is thread-safe; no other state.
    private let timeout: TimeInterval
    private let allowPrivateAddresses: Bool
    private var session: URLSession!

    /// Creates a transport with a `timeout` in seconds for each attempt.
    public init(timeout: TimeInterval = 10, allowPrivateAddresses: Bool = false) {
        self.timeout = timeout
        self.allowPrivateAddresses = allowPrivateAddresses
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    public func send(_ request: WebhookRequest) async -> WebhookAttemptOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = request.url.host else {
            return WebhookAttemptOutcome(statusCode: nil, error: "only http and https URLs are delivered", duration: clock.now - start)
        }
        if !allowPrivateAddresses {
            switch await NetworkAddress.resolve(host) {
            case .failure(let failure):
                return WebhookAttemptOutcome(statusCode: nil, error: failure.message, duration: clock.now - start)
            case .success(let addresses):
                if let refused = addresses.first(where: \.isPrivate) {
                    return WebhookAttemptOutcome(
                        statusCode: nil, error: "address \(refused) is private or loopback; not delivered", duration: clock.now - start
                    )
                }
            }
        }
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        urlRequest.httpMethod = "POST"
        urlRequest.httpBody = request.body
        urlRequest.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        do {
            let (_, response) = try await session.data(for: urlRequest)
            let status = (response as? HTTPURLResponse)?.statusCode
            return WebhookAttemptOutcome(statusCode: status, error: nil, duration: clock.now - start)
        } catch let error as URLError where error.code == .timedOut {
            return WebhookAttemptOutcome(statusCode: nil, error: "timed out after \(Int(timeout)) s", duration: clock.now - start)
        } catch {
            return WebhookAttemptOutcome(statusCode: nil, error: Self.describe(error), duration: clock.now - start)
        }
    }

    /// Refuses every redirect: the answer is the 3xx itself, recorded as a failed attempt.
    public func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    private static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let message = nsError.userInfo[NSLocalizedDescriptionKey] as? String, !message.isEmpty {
            return message
        }
        return "\(nsError.domain) \(nsError.code)"
    }
}

/// An IP address a host name resolved to, and whether it belongs to a private or special range.
struct NetworkAddress: CustomStringConvertible, Sendable {
    /// 4 bytes (IPv4) or 16 (IPv6).
    var bytes: [UInt8]

    var description: String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }

    /// Loopback, private (RFC 1918, unique local), link-local, shared address space (RFC 6598), multicast,
    /// unspecified, reserved, and IPv6 forms of any of those IPv4 addresses.
    var isPrivate: Bool {
        if bytes.count == 4 {
            let (a, b) = (bytes[0], bytes[1])
            return a == 0 || a == 10 || a == 127 || (a == 169 && b == 254) || (a == 172 && (16...31).contains(b))
                || (a == 192 && b == 168) || (a == 100 && (64...127).contains(b)) || a >= 224
        }
        guard bytes.count == 16 else { return true }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) {
            // ::, ::1, and IPv4-mapped (::ffff:a.b.c.d) or -compatible addresses.
            if bytes[10] == 0xFF, bytes[11] == 0xFF { return NetworkAddress(bytes: Array(bytes[12...])).isPrivate }
            if bytes[10] == 0, bytes[11] == 0 { return true }
        }
        return (bytes[0] & 0xFE) == 0xFC || (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80) || bytes[0] == 0xFF
    }

    /// Every address `host` resolves to (a literal address resolves to itself), looked up off the async threads.
    static func resolve(_ host: String) async -> Result<[NetworkAddress], ResolutionFailure> {
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: lookUp(name))
            }
        }
    }

    /// Why a name could not be resolved.
    struct ResolutionFailure: Error, Sendable {
        var message: String
    }

    private static func lookUp(_ name: String) -> Result<[NetworkAddress], ResolutionFailure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(name, nil, &hints, &list)
        guard status == 0, let first = list else {
            return .failure(ResolutionFailure(message: "cannot resolve host \(name)"))
        }
        defer { freeaddrinfo(first) }
        var addresses: [NetworkAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            if let address = info.pointee.ai_addr {
                switch Int32(info.pointee.ai_family) {
                case AF_INET:
                    address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                        var value = pointer.pointee.sin_addr
                        addresses.append(NetworkAddress(bytes: withUnsafeBytes(of: &value) { Array($0) }))
                    }
                case AF_INET6:
                    address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                        var value = pointer.pointee.sin6_addr
                        addresses.append(NetworkAddress(bytes: withUnsafeBytes(of: &value) { Array($0) }))
                    }
                default:
                    break
                }
            }
            cursor = info.pointee.ai_next
        }
        guard !addresses.isEmpty else { return .failure(ResolutionFailure(message: "cannot resolve host \(name)")) }
        return .success(addresses)
    }
}
