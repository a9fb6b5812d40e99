import Foundation
import NewsStorePostgres

/// Which database a command works on: the embedded SQLite file (the default, one machine) or a PostgreSQL server
/// (several app nodes). Every command that opens the database resolves it the same way (`resolve`).
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite file (`--database`, `TOASOAN_DATABASE`).
    case sqlite(path: String)
    /// A PostgreSQL database (`--database-url`, `TOASOAN_DATABASE_URL`).
    case postgres(PostgresURL)

    /// Resolves the options (nil when not given) against the environment and the default: a flag wins over the
    /// environment, and naming both kinds at one level is a mistake to be told about, not a guess to make.
    public static func resolve(
        database: String?, databaseURL: String?, environment: [String: String]
    ) throws(ConfigurationError) -> DatabaseLocation {
        func choose(path: String?, url: String?, from source: String) throws(ConfigurationError) -> DatabaseLocation? {
            switch (path, url) {
            case (let path?, nil):
                guard !path.isEmpty else { throw ConfigurationError(problems: ["database path must not be empty"]) }
                return .sqlite(path: path)
            case (nil, let url?):
                do {
                    return .postgres(try PostgresURL(url))
                } catch {
                    throw ConfigurationError(problems: [error.message])
                }
            case (_?, _?):
                throw ConfigurationError(problems: [
                    "\(source) name both a SQLite file and a PostgreSQL URL; give one of them",
                ])
            case (nil, nil):
                return nil
            }
        }
        if let chosen = try choose(path: database, url: databaseURL, from: "--database and --database-url") {
            return chosen
        }
        if let chosen = try choose(
            path: environment["TOASOAN_DATABASE"], url: environment["TOASOAN_DATABASE_URL"],
            from: "TOASOAN_DATABASE and TOASOAN_DATABASE_URL"
        ) {
            return chosen
        }
        return .sqlite(path: ServeConfiguration.Defaults.databasePath)
    }

    /// The database as people should see it: the path, or the URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): url.redacted
        }
    }

    /// Where media files go unless told: `media/` beside a SQLite file; `media/` in the working directory for
    /// PostgreSQL, whose nodes must share one folder (a shared mount) named with `--media-dir`.
    public var defaultMediaDirectory: String {
        switch self {
        case .sqlite(let path): URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("media").path
        case .postgres: "media"
        }
    }
}
