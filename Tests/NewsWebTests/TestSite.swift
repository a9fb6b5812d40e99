import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NewsApp
import NewsAuth
import NewsDomain
import NewsRendering
import NewsStore
import NewsStoreSQLite
import NewsTestSupport
import NewsWeb

/// A reader site over an in-memory store and the real default theme, exercised through the router without a socket.
struct TestSite {
    let store: SQLiteNewsStore
    let cache: PageCache
    let follower: ContentChangeFollower
    let media: URL

    /// Runs `body` against a site whose store holds `articles` (and the fixture masthead).
    static func run(
        articles: [ArticleInput] = [],
        _ body: @Sendable (TestSite, [String: ArticleID], any TestClientProtocol) async throws -> Void
    ) async throws {
        let store = try await Fixtures.emptyStore()
        try await store.saveSiteSettings(Fixtures.settings)
        let ids = articles.isEmpty ? [:] : try await Fixtures.importNew(store, articles)
        let media = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: media) }
        let parts = NewsApplication.Parts(
            store: store, theme: try Theme.load(from: Fixtures.themeDirectory), mediaDirectory: media.path, newsroom: store,
            hasher: PasswordHasher(cost: 4)
        )
        let (router, cache) = NewsApplication.router(parts: parts, clock: { Fixtures.now }, logger: Logger(label: "test"))
        let follower = ContentChangeFollower(log: store, cache: cache, after: try await store.latestChangeSequence())
        let site = TestSite(store: store, cache: cache, follower: follower, media: media)
        try await Application(router: router).test(.router) { client in
            try await body(site, ids, client)
        }
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }
}
