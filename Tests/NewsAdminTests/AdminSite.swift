import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NewsAdmin
import NewsApp
import NewsAuth
import NewsDomain
import NewsRendering
import NewsStore
import NewsStoreSQLite
import NewsTestSupport
import NewsWeb
import Synchronization
import Testing

/// A clock the test moves forward.
final class TestClock: Sendable {
    private let current = Mutex(Fixtures.now)
    var now: Date { current.withLock { $0 } }
    func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// The whole site (reader, API, newsroom) over an in-memory store, driven through the router, with a browser-like
/// helper that keeps cookies and reads CSRF tokens from pages.
struct AdminSite {
    let store: SQLiteNewsStore
    let cache: PageCache
    let clock: TestClock
    let media: URL

    static let password = "Song-Huong-chay-qua-Hue"

    static func run(
        articles: [ArticleInput] = [Fixtures.input(id: "a1", title: "Bài đã đăng về cầu Long Biên")],
        _ body: @Sendable (AdminSite, any TestClientProtocol) async throws -> Void
    ) async throws {
        let store = try await Fixtures.emptyStore()
        try await store.saveSiteSettings(Fixtures.settings)
        if !articles.isEmpty { _ = try await Fixtures.importNew(store, articles) }
        let media = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: media) }
        let clock = TestClock()
        let parts = NewsApplication.Parts(
            store: store, theme: try Theme.load(from: Fixtures.themeDirectory), mediaDirectory: media.path, newsroom: store,
            hasher: PasswordHasher(cost: 4)
        )
        let (router, cache) = NewsApplication.router(parts: parts, clock: { clock.now }, logger: Logger(label: "test"))
        try await Application(router: router).test(.router) { client in
            try await body(AdminSite(store: store, cache: cache, clock: clock, media: media), client)
        }
    }

    /// Makes an account.
    @discardableResult
    func addUser(_ email: String, _ roles: Set<Role>, name: String? = nil) async throws -> User {
        try await store.createUser(
            NewUser(email: email, name: name ?? email, roles: roles, passwordHash: PasswordHasher(cost: 4).hash(Self.password)),
            now: clock.now
        )
    }
}

/// One browser: its cookies and the CSRF token of the last page it saw.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    private var cookieHeader: HTTPFields {
        cookies.isEmpty ? [:] : [.cookie: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")]
    }

    private func remember(_ response: TestResponse) {
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = value }
        }
        let text = String(buffer: response.body)
        if let range = text.range(of: #"data-csrf=""#), let end = text[range.upperBound...].firstIndex(of: "\"") {
            csrf = String(text[range.upperBound..<end])
        }
    }

    @discardableResult
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var all = cookieHeader
        all.append(contentsOf: headers)
        let response = try await client.execute(uri: uri, method: .get, headers: all, body: nil)
        remember(response)
        return response
    }

    /// Posts a form; the page's CSRF token is added unless `csrf` says otherwise.
    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)], csrf: String? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
        let token = csrf ?? self.csrf
        let body = ([("_csrf", token)] + fields).map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var all = cookieHeader
        all[.contentType] = "application/x-www-form-urlencoded"
        all.append(contentsOf: headers)
        let response = try await client.execute(uri: uri, method: .post, headers: all, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Posts a multipart form (an upload) with the page's CSRF token among its fields unless `csrf` says otherwise.
    @discardableResult
    func upload(
        _ uri: String, _ fields: [(String, String)], file: [UInt8], fileName: String, csrf: String? = nil
    ) async throws -> TestResponse {
        let boundary = "----toasoan-test-boundary"
        var body = ByteBuffer()
        for (name, value) in [("_csrf", csrf ?? self.csrf)] + fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n")
        body.writeString("Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(file)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = cookieHeader
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: body)
        remember(response)
        return response
    }

    /// Logs in through the form.
    @discardableResult
    func logIn(_ email: String, password: String = AdminSite.password, code: String = "") async throws -> TestResponse {
        let form = try await get("/toa-soan/dang-nhap")
        let text = String(buffer: form.body)
        let marker = #"name="_login" value=""#
        let start = try #require(text.range(of: marker)).upperBound
        let token = String(text[start...].prefix { $0 != "\"" })
        let response = try await post(
            "/toa-soan/dang-nhap", [("_login", token), ("email", email), ("password", password), ("code", code), ("tiep", "/toa-soan/")]
        )
        if response.status == .seeOther { try await get("/toa-soan/") }
        return response
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
