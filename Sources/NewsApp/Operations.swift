import Foundation
import Hummingbird
import Logging
import NewsStore
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

    /// Opens the database for a command-line operation, reporting an unusable path or schema as a configuration
    /// problem.
    public static func openStore(
        databasePath: String?, environment: [String: String], schema: SchemaUpgrade = .newDatabaseOnly
    ) throws -> SQLiteNewsStore {
        let database = databasePath ?? environment["TOASOAN_DATABASE"] ?? ServeConfiguration.Defaults.databasePath
        do {
            return try SQLiteNewsStore.open(path: database, schema: schema)
        } catch {
            throw ConfigurationError(problems: [error.description])
        }
    }

    /// Applies the migrations the database at `databasePath` lacks (creating it when new), and says what it did.
    /// The only command that changes an existing schema: `serve` and the others refuse one that is behind.
    @discardableResult
    public static func migrate(
        databasePath: String?, environment: [String: String], report: (String) -> Void = { print($0) }
    ) throws -> [String] {
        let database = databasePath ?? environment["TOASOAN_DATABASE"] ?? ServeConfiguration.Defaults.databasePath
        let applied: [String]
        do {
            applied = try SQLiteNewsStore.openApplying(path: database, schema: .applyMissing).applied
        } catch {
            throw ConfigurationError(problems: [error.description])
        }
        if applied.isEmpty {
            report("the database \(database) is up to date (\(SQLiteNewsStore.migrationNames.count) migrations)")
        } else {
            report("applied \(applied.count) migration\(applied.count == 1 ? "" : "s") to \(database): \(applied.joined(separator: ", "))")
        }
        return applied
    }

    /// Account operations on the database at `databasePath`.
    public static func accounts(databasePath: String?, environment: [String: String]) throws -> AccountOperations {
        AccountOperations(store: try openStore(databasePath: databasePath, environment: environment))
    }

    /// Imports a JSON Lines file into the database at `databasePath` (media copied to `mediaDirectory`, default
    /// `media/` beside the database).
    public static func importFile(path: String, databasePath: String?, mediaDirectory: String?, environment: [String: String]) async throws {
        let database = databasePath ?? environment["TOASOAN_DATABASE"] ?? ServeConfiguration.Defaults.databasePath
        let media = mediaDirectory ?? environment["TOASOAN_MEDIA_DIR"] ?? ServeConfiguration.defaultMediaDirectory(forDatabase: database)
        let store = try openStore(databasePath: database, environment: environment)
        do {
            try FileManager.default.createDirectory(atPath: media, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError(problems: ["cannot create media folder \(media): \(error.localizedDescription)"])
        }
        let importer = ArticleFileImporter(store: store, mediaDirectory: media)
        try await importer.importFile(at: path, progress: ConsoleProgress())
    }

    /// Rebuilds the search index of the database at `databasePath` from its articles, reporting progress. The site
    /// keeps serving meanwhile (the old index answers searches until the new one commits), but saving and publishing
    /// wait for the rebuild's transaction: about a minute per 100,000 articles.
    public static func reindex(
        databasePath: String?, environment: [String: String], progress: any ImportProgress = ConsoleProgress()
    ) async throws {
        let store = try openStore(databasePath: databasePath, environment: environment)
        let started = ContinuousClock.now
        let articles = ArticleCounter()
        try await store.rebuildSearchIndex { done, total in
            articles.set(total)
            progress.update(phase: "indexing", done: done, total: total)
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
