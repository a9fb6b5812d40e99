import Crypto
import Foundation
import Hummingbird
import NewsStore
import Synchronization

/// A rendered page ready to send: bytes, validator, and what its content depends on.
public struct CachedPage: Sendable {
    /// HTTP status (200 for pages; 404 pages are cached too).
    public var status: HTTPResponse.Status
    /// Value of Content-Type.
    public var contentType: String
    /// The body, shared by every response that sends it.
    public var body: ByteBuffer
    /// Strong validator of the body.
    public var etag: String
    /// What the page shows; a change to any of these drops it.
    public var dependencies: Set<ContentDependency>
    /// The response headers, made once so that sending a cached page allocates as little as possible.
    public var headers: HTTPFields
    /// The headers of a 304 answer to a matching `If-None-Match`.
    public var notModifiedHeaders: HTTPFields
    /// `headers` plus the length and server name, as the channel-level fast path sends them (it adds only `Date`).
    var completeHeaders: HTTPFields

    /// How long browsers and CDNs may reuse a page without asking again.
    public static let pageCacheControl = "public, max-age=30"

    /// Whether a request's `If-None-Match` names this page (its tag alone, as browsers send it; or a list, weak tags,
    /// `*`, as other clients may), so that it gets 304. Only a 200 is ever "not modified".
    public func isMatched(byIfNoneMatch header: String?) -> Bool {
        guard status == .ok, let header else { return false }
        if header == etag { return true }
        return header.split(separator: ",").contains { candidate in
            var tag = candidate.trimmingCharacters(in: .whitespaces)
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == etag
        }
    }

    /// Wraps rendered text.
    public init(status: HTTPResponse.Status = .ok, contentType: String, text: String, dependencies: Set<ContentDependency>) {
        self.init(status: status, contentType: contentType, bytes: Array(text.utf8), dependencies: dependencies)
    }

    /// Wraps bytes; `cacheControl` is what browsers and CDNs are told (errors are never stored).
    public init(
        status: HTTPResponse.Status = .ok, contentType: String, bytes: [UInt8], dependencies: Set<ContentDependency>,
        cacheControl: String = CachedPage.pageCacheControl
    ) {
        self.status = status
        self.contentType = contentType
        self.body = ByteBuffer(bytes: bytes)
        let digest = SHA256.hash(data: bytes)
        let etag = "\"" + digest.prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
        self.etag = etag
        self.dependencies = dependencies
        if status == .ok {
            self.headers = [.contentType: contentType, .eTag: etag, .cacheControl: cacheControl]
            self.notModifiedHeaders = [.eTag: etag, .cacheControl: cacheControl, .server: "toasoan"]
        } else {
            self.headers = [.contentType: contentType, .cacheControl: "no-store"]
            self.notModifiedHeaders = [:]
        }
        self.completeHeaders = headers
        completeHeaders[.contentLength] = String(bytes.count)
        completeHeaders[.server] = "toasoan"
    }
}

/// Rendered reader pages in memory, keyed by path (and page number), dropped precisely when what they show changes.
///
/// Every entry lists its dependencies; an invalidation drops the entries that depend on anything it names. A page
/// rendered while an invalidation happened is not stored (the generation check), so a stale page can never outlive
/// the change that made it stale.
public final class PageCache: Sendable {
    private struct State {
        var entries: [String: CachedPage] = [:]
        var keysByDependency: [ContentDependency: Set<String>] = [:]
        var insertionOrder: [String] = []
        var bytes = 0
        var generation: UInt64 = 0
        var hits: UInt64 = 0
        var misses: UInt64 = 0
    }

    private let state = Mutex(State())
    /// Upper bound on the bytes of page bodies held.
    public let byteLimit: Int

    /// Creates an empty cache holding at most `byteLimit` bytes of pages.
    public init(byteLimit: Int = 256 << 20) {
        self.byteLimit = byteLimit
    }

    /// The page stored under `key`, if any.
    public func page(for key: String) -> CachedPage? {
        state.withLock { state in
            if let page = state.entries[key] {
                state.hits &+= 1
                return page
            }
            state.misses &+= 1
            return nil
        }
    }

    /// A token to take before reading the content of a page, and to give back when storing it.
    public var generation: UInt64 { state.withLock { $0.generation } }

    /// Stores `page` under `key` unless an invalidation happened since `generation` was taken.
    public func store(_ page: CachedPage, for key: String, generation: UInt64) {
        let size = page.body.readableBytes
        guard size <= byteLimit / 4 else { return }
        state.withLock { state in
            guard state.generation == generation else { return }
            if let old = state.entries.removeValue(forKey: key) {
                Self.unindex(key, old, in: &state)
            }
            state.entries[key] = page
            state.bytes += size
            state.insertionOrder.append(key)
            for dependency in page.dependencies {
                state.keysByDependency[dependency, default: []].insert(key)
            }
            Self.evict(in: &state, limit: byteLimit)
        }
    }

    /// Drops every page that depends on any of `dependencies`; `.site` drops everything, and any `.article` also
    /// drops the pages that depend on `.anyArticle`.
    public func invalidate(_ dependencies: Set<ContentDependency>) {
        guard !dependencies.isEmpty else { return }
        var dependencies = dependencies
        if dependencies.contains(where: { if case .article = $0 { true } else { false } }) { dependencies.insert(.anyArticle) }
        state.withLock { state in
            state.generation &+= 1
            if dependencies.contains(.site) {
                state.entries.removeAll()
                state.keysByDependency.removeAll()
                state.insertionOrder.removeAll()
                state.bytes = 0
                return
            }
            for dependency in dependencies {
                for key in state.keysByDependency.removeValue(forKey: dependency) ?? [] {
                    if let page = state.entries.removeValue(forKey: key) {
                        Self.unindex(key, page, in: &state)
                    }
                }
            }
        }
    }

    /// Drops everything.
    public func removeAll() { invalidate([.site]) }

    /// Pages held, bytes held, hits and misses since start.
    public var statistics: (pages: Int, bytes: Int, hits: UInt64, misses: UInt64) {
        state.withLock { ($0.entries.count, $0.bytes, $0.hits, $0.misses) }
    }

    private static func unindex(_ key: String, _ page: CachedPage, in state: inout State) {
        state.bytes -= page.body.readableBytes
        for dependency in page.dependencies {
            state.keysByDependency[dependency]?.remove(key)
            if state.keysByDependency[dependency]?.isEmpty == true {
                state.keysByDependency[dependency] = nil
            }
        }
    }

    /// Drops the oldest pages until the bytes fit; the order list is compacted as it goes.
    private static func evict(in state: inout State, limit: Int) {
        var index = 0
        while state.bytes > limit, index < state.insertionOrder.count {
            let key = state.insertionOrder[index]
            index += 1
            if let page = state.entries.removeValue(forKey: key) {
                unindex(key, page, in: &state)
            }
        }
        if index > 0 { state.insertionOrder.removeFirst(index) }
        if state.insertionOrder.count > 4 * max(state.entries.count, 64) {
            state.insertionOrder = state.insertionOrder.filter { state.entries[$0] != nil }
        }
    }
}
