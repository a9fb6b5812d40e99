import Foundation
import Hummingbird
import Logging
import NewsAdmin
import NewsAuth
import NewsDomain
import NewsRendering
import NewsStore
import NewsStorePostgres
import NewsStoreSQLite
import NewsText
import NewsWeb
import ServiceLifecycle

/// The composition root: turns a configuration into a running newspaper.
public enum NewsApplication {
    /// How often a node looks for changes committed elsewhere (another process or node), when its store cannot
    /// announce them (SQLite).
    public static let changePollInterval: Duration = .milliseconds(250)
    /// How often a node looks for changes when its store announces them (PostgreSQL `LISTEN`): only a safety net
    /// for the moments the subscription is lost, chosen so that even then a change shows within about a second.
    public static let signalledChangePollInterval: Duration = .seconds(1)

    /// Everything the site is made of, opened and validated.
    public struct Parts: Sendable {
        /// The store.
        public let store: any NewsStorage
        /// The validated theme.
        public let theme: Theme
        /// Where media files live.
        public let mediaDirectory: String
        /// Accounts, sessions, the audit log and the editorial store (nil: the site runs without the newsroom, as in
        /// some tests).
        public let newsroom: (any NewsStorage & NewsroomStorage)?
        /// How passwords are hashed (a low cost only in tests).
        public let hasher: PasswordHasher
        /// The approval chain.
        public let workflow: Workflow
        /// The largest upload the media library takes, in bytes.
        public let maxUploadBytes: Int
        /// Reverse proxies whose `X-Forwarded-For` names the client.
        public var trustedProxies: TrustedProxies = .none
        /// The key of the newsroom's CSRF tokens, shared by every node (stored in the database); random in tests.
        public var csrfKey: [UInt8] = (0..<32).map { _ in UInt8.random(in: 0...255) }

        /// Assembles parts that are already open.
        public init(
            store: any NewsStorage, theme: Theme, mediaDirectory: String,
            newsroom: (any NewsStorage & NewsroomStorage)? = nil, hasher: PasswordHasher = PasswordHasher(),
            workflow: Workflow = Workflow(), maxUploadBytes: Int = ServeConfiguration.Defaults.maxUploadBytes
        ) {
            self.workflow = workflow
            self.maxUploadBytes = maxUploadBytes
            self.store = store
            self.theme = theme
            self.mediaDirectory = mediaDirectory
            self.newsroom = newsroom
            self.hasher = hasher
        }
    }

    /// Opens the database, loads the theme and checks the media folder and the port; every problem is reported at once.
    public static func open(_ configuration: ServeConfiguration) throws(ConfigurationError) -> (Parts, any NewsBackend) {
        var problems: [String] = []
        var theme: Theme?
        do {
            theme = try Theme.load(from: configuration.themeDirectory)
        } catch {
            problems += error.problems.map { "theme \(configuration.themeDirectory): \($0)" }
        }
        var store: (any NewsBackend)?
        do {
            switch configuration.database {
            case .sqlite(let path):
                store = try SQLiteNewsStore.open(path: path)
            case .postgres(let url):
                // Nothing connects yet: `build` starts the pool, then checks the connection and the schema.
                store = PostgresNewsStore(url: url, logger: Logger(label: "toasoan.postgres"))
            }
        } catch {
            problems.append(error.description)
        }
        do {
            try FileManager.default.createDirectory(atPath: configuration.mediaDirectory, withIntermediateDirectories: true)
        } catch {
            problems.append("cannot create media folder \(configuration.mediaDirectory): \(error.localizedDescription)")
        }
        if let problem = PortCheck.problem(host: configuration.host, port: configuration.port) {
            problems.append(problem)
        }
        guard problems.isEmpty, let theme, let store else { throw ConfigurationError(problems: problems) }
        var parts = Parts(
            store: store, theme: theme, mediaDirectory: configuration.mediaDirectory, newsroom: store,
            workflow: Workflow(policy: configuration.workflow), maxUploadBytes: configuration.maxUploadBytes
        )
        parts.trustedProxies = configuration.trustedProxies
        return (parts, store)
    }

    /// The site's router and its page cache, for the server and for tests.
    public static func router(
        parts: Parts, clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) -> (Router<NewsRequestContext>, PageCache) {
        let cache = PageCache()
        let controller = ReaderController(store: parts.store, renderer: PageRenderer(theme: parts.theme), clock: clock)
        let routes = ReaderRoutes(controller: controller, cache: cache, theme: parts.theme)
        let authenticator = parts.newsroom.map { Authenticator(store: $0, hasher: parts.hasher, clock: clock) }
        let admin = parts.newsroom.map {
            AdminAPIRoutes(
                authenticator: authenticator!,
                articles: AdminArticleRoutes(store: $0, workflow: parts.workflow, clock: clock),
                media: AdminMediaRoutes(
                    library: $0, mediaDirectory: parts.mediaDirectory, maxUploadBytes: parts.maxUploadBytes, clock: clock
                ),
                users: AdminUserRoutes(store: $0, sections: parts.store, hasher: parts.hasher, clock: clock)
            )
        }
        let router = buildRouter(
            reader: routes, admin: admin, mediaDirectory: parts.mediaDirectory, trustedProxies: parts.trustedProxies,
            logger: logger
        )
        ContentAPIRoutes(store: parts.store, cache: cache, clock: clock).register(on: router)
        SearchAPIRoutes(store: parts.store, clock: clock).register(on: router)
        let feeds = FeedController(store: parts.store, mediaDirectory: parts.mediaDirectory, clock: clock)
        FeedRoutes(controller: feeds, reader: controller, cache: cache).register(on: router)
        if let store = parts.newsroom, let authenticator {
            AdminWebhookRoutes(store: store, authenticator: authenticator, clock: clock).register(on: router)
        }
        if let store = parts.newsroom, let authenticator {
            AdminRoutes(
                store: store, authenticator: authenticator, csrf: CSRFProtection(key: parts.csrfKey), reader: controller,
                uploader: MediaUploader(library: store, mediaDirectory: parts.mediaDirectory, maxBytes: parts.maxUploadBytes),
                maxUploadBytes: parts.maxUploadBytes, workflow: parts.workflow, clock: clock
            ).register(on: router)
        }
        return (router, cache)
    }

    /// The whole application: HTTP server plus the services that run beside it.
    public static func build(
        _ configuration: ServeConfiguration, logger: Logger
    ) async throws -> some ApplicationProtocol {
        var (parts, backend) = try open(configuration)
        // PostgreSQL: the pool runs from here until the application stops (after the server has answered its last
        // request; see `StoreLifetime`). A database that cannot be used stops the start like any other problem.
        let lifetime = StoreLifetime(backend)
        do {
            try await lifetime.checkSchema()
        } catch {
            await lifetime.stop()
            throw error
        }
        parts.csrfKey = try await backend.siteSecret(named: "csrf")
        // NewsText builds its character tables on first use; pay that before the first reader does.
        _ = VietnameseText.fold("")
        if configuration.demo {
            let baseURL = "http://\(configuration.host == "0.0.0.0" ? "127.0.0.1" : configuration.host):\(configuration.port)"
            let demo = try DemoNewsroom(mediaDirectory: configuration.mediaDirectory)
            let seeded = try await demo.seed(into: parts.store, baseURL: baseURL)
            if seeded > 0 {
                logger.notice("seeded the demo newsroom", metadata: ["articles": "\(seeded)"])
            } else {
                logger.notice("the database already has content; the demo newsroom was not seeded")
            }
            let logins = try await demo.seedAccounts(into: backend)
            if !logins.isEmpty {
                // Printed once, when the accounts are made; only bcrypt hashes are stored.
                let lines = logins.map { "  \($0.role.label.padding(toLength: 16, withPad: " ", startingAt: 0)) \($0.email)  \($0.password)" }
                // Written straight to the descriptor: print() is block-buffered into a file or a pipe, and the logins
                // must show now, not when the server exits.
                let text = (["Demo accounts (shown only now):"] + lines).joined(separator: "\n") + "\n"
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
        let (router, cache) = router(parts: parts, logger: logger)
        let follower = ContentChangeFollower(log: parts.store, cache: cache, after: try await parts.store.latestChangeSequence())
        return Application(
            router: router,
            server: readerServer(cache: cache),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "toasoan"),
            services: [
                // First, so that it stops last.
                lifetime,
                ChangeFollowerService(follower: follower, signal: backend as? any ContentChangeSignal, logger: logger),
                ScheduledPublisherService(publisher: ScheduledPublisher(store: backend, workflow: parts.workflow, logger: logger)),
                RelatedArticlesRefresherService(refresher: RelatedArticlesRefresher(store: backend, logger: logger)),
                // Demo mode is a trial on one machine: let its webhooks reach a receiver on localhost.
                WebhookDeliveryService(deliverer: WebhookDeliverer(
                    store: backend, transport: URLSessionWebhookTransport(allowPrivateAddresses: configuration.demo), logger: logger
                )),
            ],
            logger: logger
        )
    }
}

/// Runs the change follower beside the server and stops it with the server.
struct ChangeFollowerService: Service {
    let follower: ContentChangeFollower
    /// The store's announcements of committed changes, when it makes them.
    let signal: (any ContentChangeSignal)?
    let logger: Logger

    func run() async throws {
        let interval = signal == nil ? NewsApplication.changePollInterval : NewsApplication.signalledChangePollInterval
        await cancelWhenGracefulShutdown {
            await follower.run(every: interval, signal: signal) { error in
                logger.warning("cannot follow the change log", metadata: ["error": "\(error)"])
            }
        }
    }
}
