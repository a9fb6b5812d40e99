import Foundation
import NIOCore
import NewsDomain
import NewsWeb

/// Everything `toasoan serve` needs, resolved once at start-up from flags, then `TOASOAN_…` environment variables,
/// then defaults. Nothing reads the environment after this.
public struct ServeConfiguration: Sendable, Equatable {
    /// Address to listen on (`--host`, `TOASOAN_HOST`).
    public var host: String
    /// Port to listen on (`--port`, `TOASOAN_PORT`).
    public var port: Int
    /// The database: a SQLite file (`--database`, `TOASOAN_DATABASE`) or PostgreSQL (`--database-url`,
    /// `TOASOAN_DATABASE_URL`).
    public var database: DatabaseLocation
    /// The theme folder (`--theme`, `TOASOAN_THEME`).
    public var themeDirectory: String
    /// Where media files live (`--media-dir`, `TOASOAN_MEDIA_DIR`); defaults to `media/` beside a SQLite file.
    public var mediaDirectory: String
    /// Seed the demo newsroom into an empty database (`--demo`, `TOASOAN_DEMO=1`).
    public var demo: Bool
    /// The approval chain (`--workflow-levels`, `TOASOAN_WORKFLOW_LEVELS`: role names separated by commas).
    public var workflow: WorkflowPolicy = .standard
    /// The largest upload the media library takes, in bytes (`--max-upload-mb`, `TOASOAN_MAX_UPLOAD_MB`; default 20 MB).
    public var maxUploadBytes: Int = Defaults.maxUploadBytes
    /// Reverse proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`, repeatable;
    /// `TOASOAN_TRUSTED_PROXIES`, addresses separated by commas; default none).
    public var trustedProxies: TrustedProxies = .none

    /// Default values, used when neither a flag nor an environment variable says otherwise.
    public enum Defaults {
        /// Loopback only: exposing the site is a decision, not an accident.
        public static let host = "127.0.0.1"
        /// The usual development port.
        public static let port = 8080
        /// A file in the working directory.
        public static let databasePath = "toasoan.sqlite"
        /// The theme that ships with Tòa Soạn.
        public static let themeDirectory = "Themes/default"
        /// 20 MB: a full-size photo from a newsroom camera fits.
        public static let maxUploadBytes = 20 * 1_048_576
    }

    /// Creates a configuration.
    public init(
        host: String, port: Int, database: DatabaseLocation, themeDirectory: String, mediaDirectory: String, demo: Bool,
        workflow: WorkflowPolicy = .standard, maxUploadBytes: Int = Defaults.maxUploadBytes
    ) {
        self.workflow = workflow
        self.maxUploadBytes = maxUploadBytes
        self.host = host
        self.port = port
        self.database = database
        self.themeDirectory = themeDirectory
        self.mediaDirectory = mediaDirectory
        self.demo = demo
    }

    /// Resolves flags (nil when not given) against the environment and defaults; every problem is reported at once.
    public static func resolve(
        host: String?, port: Int?, database: String?, databaseURL: String? = nil, theme: String?, mediaDirectory: String?,
        demo: Bool, workflowLevels: String? = nil, maxUploadMegabytes: Int? = nil, trustedProxies: [String] = [],
        environment: [String: String]
    ) throws(ConfigurationError) -> ServeConfiguration {
        var problems: [String] = []
        let host = host ?? environment["TOASOAN_HOST"] ?? Defaults.host
        var resolvedPort = Defaults.port
        if let port {
            resolvedPort = port
        } else if let text = environment["TOASOAN_PORT"] {
            if let value = Int(text) {
                resolvedPort = value
            } else {
                problems.append("TOASOAN_PORT must be a whole number, not \"\(text)\"")
            }
        }
        if !(1...65_535).contains(resolvedPort) {
            problems.append("port \(resolvedPort) is out of range (1-65535)")
        }
        if host.isEmpty { problems.append("host must not be empty") }
        var location = DatabaseLocation.sqlite(path: Defaults.databasePath)
        do {
            location = try DatabaseLocation.resolve(database: database, databaseURL: databaseURL, environment: environment)
        } catch {
            problems += error.problems
        }
        let theme = theme ?? environment["TOASOAN_THEME"] ?? Defaults.themeDirectory
        let media = mediaDirectory ?? environment["TOASOAN_MEDIA_DIR"] ?? location.defaultMediaDirectory
        let demoFromEnvironment = environment["TOASOAN_DEMO"].map { ["1", "true", "yes"].contains($0.lowercased()) } ?? false
        var workflow = WorkflowPolicy.standard
        if let text = workflowLevels ?? environment["TOASOAN_WORKFLOW_LEVELS"] {
            do {
                workflow = try WorkflowPolicy(parsing: text)
            } catch {
                problems.append("workflow levels \"\(text)\": \(error.message)")
            }
        }
        var megabytes = maxUploadMegabytes
        if megabytes == nil, let text = environment["TOASOAN_MAX_UPLOAD_MB"] {
            megabytes = Int(text)
            if megabytes == nil { problems.append("TOASOAN_MAX_UPLOAD_MB must be a whole number, not \"\(text)\"") }
        }
        if let megabytes, !(1...1_024).contains(megabytes) {
            problems.append("the largest upload must be 1 to 1024 MB, not \(megabytes)")
        }
        var proxies: Set<String> = []
        let proxyTexts = trustedProxies.isEmpty
            ? (environment["TOASOAN_TRUSTED_PROXIES"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            : trustedProxies
        for text in proxyTexts where !text.isEmpty {
            if let address = try? SocketAddress(ipAddress: text, port: 0).ipAddress {
                proxies.insert(address)
            } else {
                problems.append("trusted proxy \"\(text)\" is not an IP address (such as 127.0.0.1 or ::1)")
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        var configuration = ServeConfiguration(
            host: host, port: resolvedPort, database: location, themeDirectory: theme,
            mediaDirectory: media, demo: demo || demoFromEnvironment, workflow: workflow,
            maxUploadBytes: megabytes.map { $0 * 1_048_576 } ?? Defaults.maxUploadBytes
        )
        configuration.trustedProxies = TrustedProxies(addresses: proxies)
        return configuration
    }
}

/// Start-up could not proceed: one readable sentence per problem, all of them at once.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, each naming the setting or file at fault.
    public var problems: [String]

    /// Creates the error.
    public init(problems: [String]) { self.problems = problems }

    /// The problems as a list.
    public var description: String {
        (["cannot start:"] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
}
