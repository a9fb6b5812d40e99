import Foundation
import Hummingbird
import HummingbirdCore
import HTTPTypes
import NIOCore
import NIOHTTPTypes
import Synchronization

/// Answers requests for cached reader pages right in the channel pipeline, before routing and before any async
/// work, so the hot path costs about what serving a static file costs. Everything else — misses, other methods,
/// query strings it does not understand, and any request while an earlier one on the same connection is still being
/// answered (pipelining keeps its order) — passes through to the router untouched.
final class CachedPageFastPath: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let cache: PageCache
    private let counter: FastPathCounter
    /// Requests handed to the router whose responses have not ended yet.
    private var inFlight = 0
    /// True while the body of a request answered here is still arriving (it is discarded).
    private var discarding = false

    init(cache: PageCache, counter: FastPathCounter) {
        self.cache = cache
        self.counter = counter
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if inFlight == 0, let page = page(for: request) {
                discarding = true
                respond(context: context, request: request, page: page)
                return
            }
            inFlight += 1
            context.fireChannelRead(data)
        case .body, .end:
            if discarding {
                if case .end = unwrapInboundIn(data) { discarding = false }
                return
            }
            context.fireChannelRead(data)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), inFlight > 0 { inFlight -= 1 }
        context.write(data, promise: promise)
    }

    /// The cached page for a GET or HEAD of a reader page, if there is one.
    private func page(for request: HTTPRequest) -> CachedPage? {
        guard request.method == .get || request.method == .head, let path = request.path,
              request.headerFields[.connection]?.lowercased().contains("close") != true,
              let key = Self.cacheKey(requestPath: path)
        else { return nil }
        return cache.page(for: key)
    }

    /// The cache key for a request target, mirroring `ReaderRoutes.cacheKey`: the path without trailing slashes, plus
    /// `?trang=N` for N > 1. Targets with any other query are left to the router.
    static func cacheKey(requestPath: String) -> String? {
        // The common case, a plain path: the key is the path itself, with no work.
        if !requestPath.utf8.contains(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "%") }),
           requestPath == "/" || (requestPath.hasPrefix("/") && !requestPath.hasSuffix("/")) {
            return requestPath
        }
        let parts = requestPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        guard path.hasPrefix("/"), !path.contains("%") else { return nil }
        guard parts.count == 2 else { return ReaderRoutes.cacheKey(path: path, page: nil) }
        let query = parts[1]
        guard query.hasPrefix("trang="), let page = Int(query.dropFirst(6)), page > 1, String(page) == query.dropFirst(6) else {
            return nil
        }
        return ReaderRoutes.cacheKey(path: path, page: page)
    }

    private func respond(context: ChannelHandlerContext, request: HTTPRequest, page: CachedPage) {
        counter.increment()
        var head: HTTPResponse
        var body: ByteBuffer?
        if page.isMatched(byIfNoneMatch: request.headerFields[.ifNoneMatch]) {
            head = HTTPResponse(status: .notModified, headerFields: page.notModifiedHeaders)
        } else {
            head = HTTPResponse(status: page.status, headerFields: page.completeHeaders)
            if request.method != .head { body = page.body }
        }
        head.headerFields[.date] = HTTPDate.now()
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if let body { context.write(wrapOutboundOut(.body(body)), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}

/// Counts requests answered by the fast path (for tests and metrics).
public final class FastPathCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// Creates a counter at zero.
    public init() {}

    /// Adds one.
    func increment() { count.add(1, ordering: .relaxed) }

    /// Requests answered so far.
    public var value: Int { count.load(ordering: .relaxed) }
}

/// The `Date` header value, formatted once a second rather than once a request.
enum HTTPDate {
    private static let cached = Mutex<(second: Int, text: String)>((-1, ""))

    static func now() -> String {
        let seconds = Int(Date().timeIntervalSince1970)
        return cached.withLock { cache in
            if cache.second != seconds {
                cache = (seconds, format(seconds))
            }
            return cache.text
        }
    }

    /// IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
    static func format(_ seconds: Int) -> String {
        let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var time = tm()
        var value = time_t(seconds)
        gmtime_r(&value, &time)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[(seconds / 86_400) % 7]), \(two(time.tm_mday)) \(months[Int(time.tm_mon)]) \(time.tm_year + 1900) "
            + "\(two(time.tm_hour)):\(two(time.tm_min)):\(two(time.tm_sec)) GMT"
    }
}

/// The cache key the fast path uses for a request target (nil: the router answers it). Exposed for tests.
public func fastPathCacheKey(_ target: String) -> String? {
    CachedPageFastPath.cacheKey(requestPath: target)
}

/// The HTTP/1 server for the site: Hummingbird's, with cached pages answered before routing.
public func readerServer(cache: PageCache, counter: FastPathCounter = FastPathCounter()) -> HTTPServerBuilder {
    .http1(configuration: .init(additionalChannelHandlers: [CachedPageFastPath(cache: cache, counter: counter)]))
}
