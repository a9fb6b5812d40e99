import ArgumentParser
import Foundation
import NewsApp

/// `--database` / `--database-url`: the same two options on every command that opens the database.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "SQLite database file (TOASOAN_DATABASE; default toasoan.sqlite).")
    var database: String?
    @Option(
        name: .customLong("database-url"),
        help: "PostgreSQL instead: postgres://user:password@host:port/database[?sslmode=…] (TOASOAN_DATABASE_URL)."
    )
    var databaseURL: String?

    /// The database these options, then the environment, then the default name.
    func location() throws -> DatabaseLocation {
        try DatabaseLocation.resolve(
            database: database, databaseURL: databaseURL, environment: ProcessInfo.processInfo.environment
        )
    }
}
