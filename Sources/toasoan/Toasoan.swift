import ArgumentParser
import Foundation
import NewsApp

/// `toasoan`: the newspaper's one binary.
@main
struct Toasoan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toasoan",
        abstract: "Tòa Soạn: a newsroom system and news website.",
        subcommands: [Serve.self, Migrate.self, Import.self, Reindex.self, Copy.self, UserCommand.self],
        defaultSubcommand: Serve.self
    )
}

/// Prints a failure the way operators read it, and exits non-zero.
func fail(_ error: any Error) -> ExitCode {
    FileHandle.standardError.write(Data("toasoan: \(error)\n".utf8))
    return ExitCode.failure
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the newspaper over HTTP.")

    @Option(help: "Address to listen on (TOASOAN_HOST; default 127.0.0.1).")
    var host: String?
    @Option(help: "Port to listen on (TOASOAN_PORT; default 8080).")
    var port: Int?
    @OptionGroup var storage: DatabaseOptions
    @Option(help: "Theme folder (TOASOAN_THEME; default Themes/default).")
    var theme: String?
    @Option(name: .customLong("media-dir"), help: "Media folder (TOASOAN_MEDIA_DIR; default media/ beside the database).")
    var mediaDirectory: String?
    @Flag(help: "Seed the demo newsroom into an empty database (TOASOAN_DEMO=1).")
    var demo = false
    @Option(
        name: .customLong("workflow-levels"),
        help: "Approval chain, 1 to 3 roles separated by commas (TOASOAN_WORKFLOW_LEVELS; default bien-tap-vien,thu-ky-toa-soan,tong-bien-tap)."
    )
    var workflowLevels: String?
    @Option(name: .customLong("max-upload-mb"), help: "Largest image upload in MB (TOASOAN_MAX_UPLOAD_MB; default 20).")
    var maxUploadMegabytes: Int?
    @Option(
        name: .customLong("trusted-proxy"),
        help: "A reverse proxy's IP address whose X-Forwarded-For names the client; repeat for several (TOASOAN_TRUSTED_PROXIES, comma-separated)."
    )
    var trustedProxies: [String] = []

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        do {
            let configuration = try ServeConfiguration.resolve(
                host: host, port: port, database: storage.database, databaseURL: storage.databaseURL, theme: theme,
                mediaDirectory: mediaDirectory, demo: demo,
                workflowLevels: workflowLevels, maxUploadMegabytes: maxUploadMegabytes, trustedProxies: trustedProxies,
                environment: environment
            )
            try await Operations.serve(configuration, logger: Operations.makeLogger(environment: environment))
        } catch {
            throw fail(error)
        }
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import articles from a JSON Lines file (one article a line; see README, \"Import format\")."
    )

    @Argument(help: "The .jsonl file.")
    var file: String
    @OptionGroup var storage: DatabaseOptions
    @Option(name: .customLong("media-dir"), help: "Media folder (TOASOAN_MEDIA_DIR; default media/ beside the database).")
    var mediaDirectory: String?

    func run() async throws {
        do {
            try await Operations.importFile(
                path: file, database: storage.location(), mediaDirectory: mediaDirectory,
                environment: ProcessInfo.processInfo.environment
            )
        } catch {
            throw fail(error)
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring the database's schema up to date (after an upgrade); the other commands refuse an older one."
    )

    @OptionGroup var storage: DatabaseOptions

    func run() async throws {
        do {
            try await Operations.migrate(
                storage.location(), logger: Operations.makeLogger(environment: ProcessInfo.processInfo.environment)
            )
        } catch {
            throw fail(error)
        }
    }
}

struct Reindex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the search index from the stored articles (after an upgrade that changes how text is indexed)."
    )

    @OptionGroup var storage: DatabaseOptions

    func run() async throws {
        do {
            try await Operations.reindex(storage.location())
        } catch {
            throw fail(error)
        }
    }
}

struct Copy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Move a newspaper from its SQLite file into an empty PostgreSQL database, then compare the two.",
        discussion: """
            Stop the newspaper first. The copy is one transaction, and afterwards every table is compared by row count \
            and SHA-256; the command fails if anything differs. Media files stay where they are: point every node's \
            --media-dir at the same folder.
            """
    )

    @Option(help: "The SQLite database file to copy from.")
    var from: String
    @Option(help: "The PostgreSQL database to copy into: postgres://user:password@host:port/database[?sslmode=…].")
    var to: String

    func run() async throws {
        do {
            try await Operations.copy(
                from: from, to: to, logger: Operations.makeLogger(environment: ProcessInfo.processInfo.environment)
            )
        } catch {
            throw fail(error)
        }
    }
}
