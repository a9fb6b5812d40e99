import Foundation
import Hummingbird
import NewsDomain
import NewsStore
import NewsText

/// A request the client can put right: an unknown or malformed parameter (400), or a slug or id that names nothing
/// (404). `ErrorMiddleware` turns it into `{"error": {"code", "message", "field"}}` with its status.
public struct RequestProblem: Error, HTTPResponseError, Sendable {
    /// 400 or 404.
    public let status: HTTPResponse.Status
    /// A stable machine-readable code: "unknown-parameter", "invalid-parameter", "not-found".
    public let code: String
    /// What is wrong, for people.
    public let message: String
    /// The query parameter or path segment at fault.
    public let field: String?

    /// Creates a problem.
    public init(status: HTTPResponse.Status, code: String, message: String, field: String?) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
    }

    /// A parameter this endpoint does not take (a typo must not be silently ignored).
    static func unknown(_ name: String, allowed: [String]) -> RequestProblem {
        let list = allowed.isEmpty ? "no query parameters" : allowed.joined(separator: ", ")
        return RequestProblem(
            status: .badRequest, code: "unknown-parameter",
            message: "Unknown query parameter \"\(ContentAPIQuery.shown(name))\"; this endpoint takes \(list)",
            field: ContentAPIQuery.shown(name)
        )
    }

    /// A parameter with a value it cannot have.
    static func invalid(_ name: String, _ message: String) -> RequestProblem {
        RequestProblem(status: .badRequest, code: "invalid-parameter", message: message, field: name)
    }

    /// A slug or id that names nothing readers may see.
    static func notFound(_ field: String, _ message: String) -> RequestProblem {
        RequestProblem(status: .notFound, code: "not-found", message: message, field: field)
    }

    /// Hummingbird's own rendering, used only off the API (the error middleware answers API paths itself).
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: message)))
    }
}

/// The query parameters of a Content API request, checked strictly: each at most once, none unknown, every value
/// well formed. The canonical form of what was asked (`cacheKey`) names the cached response.
struct ContentAPIQuery {
    /// Default and largest `limit` of article lists.
    static let defaultArticleLimit = 20
    /// Default `limit` of tag, topic and author lists.
    static let defaultTermLimit = 100
    /// Longest slug or token accepted.
    static let maxValueLength = 200

    private var values: [String: String] = [:]

    /// Reads the parameters of `request`, refusing any not in `allowed` and any given twice.
    init(_ request: Request, allowed: [String]) throws(RequestProblem) {
        for (key, value) in request.uri.queryParameters {
            let name = String(key)
            guard allowed.contains(name) else { throw .unknown(name, allowed: allowed) }
            guard values[name] == nil else {
                throw .invalid(name, "The query parameter \"\(name)\" is given more than once; give it once")
            }
            values[name] = String(value)
        }
    }

    /// A name or value as it may be quoted back: at most 100 characters.
    static func shown(_ text: String) -> String {
        text.count > 100 ? String(text.prefix(100)) + "…" : text
    }

    /// A slug parameter (section, tag, topic, author), if given: 1 to 200 characters.
    func slug(_ name: String) throws(RequestProblem) -> String? {
        guard let value = values[name] else { return nil }
        guard !value.isEmpty, value.count <= Self.maxValueLength else {
            throw .invalid(name, "\(name) must be a slug of 1 to \(Self.maxValueLength) characters, e.g. \(name)=kinh-te")
        }
        return value
    }

    /// `limit`: a whole number from 1 to 100, `defaultValue` when absent.
    func limit(default defaultValue: Int) throws(RequestProblem) -> Int {
        guard let value = values["limit"] else { return defaultValue }
        guard value.count <= 3, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int(value),
              (1...PageRequest.maxSize).contains(number)
        else {
            throw .invalid("limit", "limit must be a whole number from 1 to \(PageRequest.maxSize); got \"\(Self.shown(value))\"")
        }
        return number
    }

    /// A date filter: a day (`2024-08-05`, taken in Vietnam, GMT+7) or a date-time with its offset
    /// (`2024-08-05T14:30:00+07:00`). A day given as `from` starts at its midnight; as `to`, it ends at its last moment.
    func date(_ name: String, endOfDay: Bool) throws(RequestProblem) -> Date? {
        guard let value = values[name] else { return nil }
        if let instant = VietnameseDate.parseISO8601(value) { return instant }
        if let midnight = Self.vietnamMidnight(value) {
            return endOfDay ? midnight.addingTimeInterval(86_400 - 0.001) : midnight
        }
        throw .invalid(
            name,
            "\(name) must be a date (2024-08-05, in GMT+7) or a date-time with offset (2024-08-05T14:30:00+07:00); got \"\(Self.shown(value))\""
        )
    }

    /// The start of a day written `YYYY-MM-DD`, at midnight in Vietnam; nil for anything else or a day that does not exist.
    static func vietnamMidnight(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        return VietnameseDate.parseISO8601(text + "T00:00:00+07:00")
    }

    /// The `page_token` of an article list, if given.
    func articlePosition() throws(RequestProblem) -> ArticlePosition? {
        guard let value = values["page_token"] else { return nil }
        guard let position = ArticlePageToken.decode(value) else {
            throw .invalid("page_token", "page_token is not one this API gave out; pass next_page_token from the previous page unchanged")
        }
        return position
    }

    /// The `page_token` of a tag, topic or author list, if given.
    func termPosition() throws(RequestProblem) -> String? {
        guard let value = values["page_token"] else { return nil }
        guard let slug = TermPageToken.decode(value) else {
            throw .invalid("page_token", "page_token is not one this API gave out; pass next_page_token from the previous page unchanged")
        }
        return slug
    }
}

/// `next_page_token` of article lists: the exact publication time (the bits of its stored number, in hex) and id of
/// the last article of a page, "41d9609b6e000000.42". Every token of that shape is a position, so none breaks a list.
enum ArticlePageToken {
    /// The shape, as the OpenAPI document states it.
    static let pattern = "^[0-9a-f]{16}\\.[0-9]{1,18}$"

    static func encode(_ position: ArticlePosition) -> String {
        let hex = String(position.publishedAt.timeIntervalSince1970.bitPattern, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + "." + String(position.id.rawValue)
    }

    static func decode(_ token: String) -> ArticlePosition? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 16, parts[0].utf8.allSatisfy(Self.isLowerHex),
              (1...18).contains(parts[1].utf8.count), parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let bits = UInt64(parts[0], radix: 16), let id = Int64(parts[1])
        else { return nil }
        return ArticlePosition(publishedAt: Date(timeIntervalSince1970: Double(bitPattern: bits)), id: ArticleID(id))
    }

    static func isLowerHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
    }
}

/// `next_page_token` of tag, topic and author lists: "t." and the hex of the last slug's UTF-8 bytes.
enum TermPageToken {
    /// The shape, as the OpenAPI document states it.
    static let pattern = "^t\\.([0-9a-f]{2}){1,200}$"

    static func encode(_ slug: String) -> String {
        "t." + slug.utf8.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }

    static func decode(_ token: String) -> String? {
        guard token.hasPrefix("t.") else { return nil }
        let hex = Array(token.utf8.dropFirst(2))
        guard !hex.isEmpty, hex.count % 2 == 0, hex.count <= 400, hex.allSatisfy(ArticlePageToken.isLowerHex) else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: hex.count, by: 2) {
            guard let byte = UInt8(String(decoding: hex[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
