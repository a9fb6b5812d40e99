import Foundation
import Hummingbird
import Logging
import NewsStore
import NewsStorePostgres
import NewsStoreSQLite

/// What the `toasoan` commands do, so the executable stays a thin layer of argument parsing.
public enum Operations {
    /// A logger for the whole process, writing to standard error (`TOASOAN_LOG_LEVEL` sets the level, default info).
    public static func makeLogger(environment: [String: String] = ProcessInfo.processInfo.environment) -> Logger {
        var logger = Logger(label: "toasoan")
        logger.logLevel = environment["TOASOAN_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }

    /// Runs the site until SIGINT or SIGTERM.
    public static func serve(_ configuration: ServeConfiguration, logger: Logger) async throws {
        let app = try await NewsApplication.build(configuration, logger: logger)
        logger.notice("Tòa Soạn is serving http://\(configuration.host):\(configuration.port)/")
        try await app.runService()
    }

    /// Opens a SQLite file for a command-line operation (setting up a new one), reporting an unusable path or schema
    /// as a configuration problem.
    static func openSQLite(path: String) throws(ConfigurationError) -> SQLiteNewsStore {
        do {
            return try SQLiteNewsStore.open(path: path, schema: .newDatabaseOnly)
        } catch {
            throw ConfigurationError(problems: [error.description])
        }
    }

    /// Runs `body` with the newspaper's store at `database`: a SQLite file (a new one is set up), or PostgreSQL with
    /// its pool running for as long as `body` runs. A schema behind or ahead of this binary is refused, and so is a
    /// PostgreSQL database without one (only `toasoan migrate` sets one up there).
    public static func withBackend<Value: Sendable>(
        _ database: DatabaseLocation, logger: Logger = Logger(label: "toasoan"),
        _ body: (any NewsBackend) async throws -> Value
    ) async throws -> Value {
        switch database {
        case .sqlite(let path):
            return try await body(try openSQLite(path: path))
        case .postgres(let url):
            return try await PostgresNewsStore.withStore(url: url, logger: logger) { store in
                try await StoreLifetime.check(store)
                return try await body(store)
            }
        }
    }

    /// Applies the migrations `database` lacks (creating its schema when new), and says what it did. The only command
    /// that changes an existing schema: `serve` and the others refuse one that is behind.
    @discardableResult
    public static func migrate(
        _ database: DatabaseLocation, logger: Logger = Logger(label: "toasoan"), report: (String) -> Void = { print($0) }
    ) async throws -> [String] {
        let applied: [String]
        let known: Int
        switch database {
        case .sqlite(let path):
            do {
                applied = try SQLiteNewsStore.openApplying(path: path, schema: .applyMissing).applied
            } catch {
                throw ConfigurationError(problems: [error.description])
            }
            known = SQLiteNewsStore.migrationNames.count
        case .postgres(let url):
            applied = try await PostgresNewsStore.withStore(url: url, logger: logger) { store in
                // "Password authentication failed" says more than a deadline that passed.
                try await store.checkConnection()
                let status = try await store.schemaStatus()
                if case .ahead = status, let refusal = status.refusal(database: url.redacted) {
                    throw ConfigurationError(problems: [refusal])
                }
                let before = try await store.appliedMigrations()
                try await store.migrate()
                return try await store.appliedMigrations().filter { !before.contains($0) }
            }
            known = PostgresNewsStore.migrationNames.count
        }
        if applied.isEmpty {
            report("the database \(database) is up to date (\(known) migrations)")
        } else {
            report("applied \(applied.count) migration\(applied.count == 1 ? "" : "s") to \(database): \(applied.joined(separator: ", "))")
        }
        return applied
    }

    /// Copies the newspaper in the SQLite file at `path` into the empty PostgreSQL database `url` (`toasoan copy`),
    /// then compares the two; throws when they differ, after saying where.
    public static func copy(
        from path: String, to url: String, logger: Logger = Logger(label: "toasoan"),
        report: @escaping @Sendable (String) -> Void = { print($0) }
    ) async throws {
        guard case .postgres(let target) = try DatabaseLocation.resolve(database: nil, databaseURL: url, environment: [:])
        else {
            throw ConfigurationError(problems: ["--to must be a PostgreSQL URL (postgres://user:password@host:port/database)"])
        }
        let result = try await NewspaperCopy.copy(from: path, to: target, logger: logger, report: report)
        guard result.identical else {
            let tables = result.tables.filter { !$0.matches }.map(\.table)
            throw ConfigurationError(problems: [
                "the copy in PostgreSQL differs from \(path) in \(tables.joined(separator: ", ")); "
                    + "it was left as copied: empty the database and copy again, with the newspaper stopped",
            ])
        }
    }

    /// Runs `body` with account operations on `database`.
    public static func withAccounts<Value: Sendable>(
        _ database: DatabaseLocation, logger: Logger = Logger(label: "toasoan"),
        _ body: (AccountOperations) async throws -> Value
    ) async throws -> Value {
        try await withBackend(database, logger: logger) { store in try await body(AccountOperations(store: store)) }
    }

    /// Imports a JSON Lines file into `database` (media copied to `mediaDirectory`, by default `media/` beside a SQLite
    /// file).
    public static func importFile(
        path: String, database: DatabaseLocation, mediaDirectory: String?, environment: [String: String]
    ) async throws {
        let media = mediaDirectory ?? environment["TOASOAN_MEDIA_DIR"] ?? database.defaultMediaDirectory
        try await withBackend(database) { store in
            do {
                try FileManager.default.createDirectory(atPath: media, withIntermediateDirectories: true)
            } catch {
                throw ConfigurationError(problems: ["cannot create media folder \(media): \(error.localizedDescription)"])
            }
            let importer = ArticleFileImporter(store: store, mediaDirectory: media)
            try await importer.importFile(at: path, progress: ConsoleProgress())
        }
    }

    /// Rebuilds the search index of `database` from its articles, reporting progress. The site
    /// keeps serving meanwhile (the old index answers searches until the new one commits), but saving and publishing
    /// wait for the rebuild's transaction: about a minute per 100,000 articles.
    public static func reindex(
        _ database: DatabaseLocation, progress: any ImportProgress = ConsoleProgress()
    ) async throws {
        let started = ContinuousClock.now
        let articles = ArticleCounter()
        try await withBackend(database) { store in
            try await store.rebuildSearchIndex { done, total in
                articles.set(total)
                progress.update(phase: "indexing", done: done, total: total)
            }
        }
        let elapsed = (ContinuousClock.now - started).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        progress.finish("rebuilt the search index: \(articles.value) articles in \(String(format: "%.1f", seconds)) s")
    }
}

/// The article count a rebuild reports, kept across its progress calls.
private final class ArticleCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func set(_ value: Int) { lock.withLock { count = value } }
    var value: Int { lock.withLock { count } }
}
