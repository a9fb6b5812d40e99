import Foundation
import NewsApp
import NewsTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Start-up configuration")
struct ServeConfigurationTests {
    @Test("flags win over TOASOAN_ variables, which win over defaults")
    func precedence() throws {
        let environment = ["TOASOAN_HOST": "0.0.0.0", "TOASOAN_PORT": "9000", "TOASOAN_DATABASE": "/srv/news.sqlite", "TOASOAN_DEMO": "1"]
        let fromEnvironment = try ServeConfiguration.resolve(
            host: nil, port: nil, database: nil, theme: nil, mediaDirectory: nil, demo: false, environment: environment
        )
        #expect(fromEnvironment == ServeConfiguration(
            host: "0.0.0.0", port: 9000, database: .sqlite(path: "/srv/news.sqlite"), themeDirectory: "Themes/default",
            mediaDirectory: "/srv/media", demo: true
        ))
        let fromFlags = try ServeConfiguration.resolve(
            host: "127.0.0.2", port: 8081, database: "a.sqlite", theme: "T", mediaDirectory: "/m", demo: false, environment: environment
        )
        #expect(fromFlags.host == "127.0.0.2")
        #expect(fromFlags.port == 8081)
        #expect(fromFlags.database == .sqlite(path: "a.sqlite"))
        #expect(fromFlags.themeDirectory == "T")
        #expect(fromFlags.mediaDirectory == "/m")
        let defaults = try ServeConfiguration.resolve(
            host: nil, port: nil, database: nil, theme: nil, mediaDirectory: nil, demo: false, environment: [:]
        )
        let themed = try ServeConfiguration.resolve(
            host: nil, port: nil, database: nil, theme: nil, mediaDirectory: nil, demo: false,
            environment: ["TOASOAN_THEME": "/srv/theme", "TOASOAN_MEDIA_DIR": "/srv/anh"]
        )
        #expect(themed.themeDirectory == "/srv/theme")
        #expect(themed.mediaDirectory == "/srv/anh")
        #expect(defaults.host == "127.0.0.1")
        #expect(defaults.port == 8080)
        #expect(defaults.database == .sqlite(path: "toasoan.sqlite"))
        #expect(!defaults.demo)
    }

    @Test("PostgreSQL is named by --database-url or TOASOAN_DATABASE_URL; naming both kinds at one level is refused")
    func databaseChoice() throws {
        let url = "postgres://toasoan:bi-mat@db.internal:6432/bao?sslmode=require"
        let fromFlag = try DatabaseLocation.resolve(
            database: nil, databaseURL: url, environment: ["TOASOAN_DATABASE": "/srv/news.sqlite"]
        )
        guard case .postgres(let parsed) = fromFlag else {
            Issue.record("expected PostgreSQL, got \(fromFlag)")
            return
        }
        #expect(parsed.host == "db.internal" && parsed.port == 6432 && parsed.database == "bao")
        #expect(!fromFlag.description.contains("bi-mat"), "the password is never shown")
        #expect(fromFlag.defaultMediaDirectory == "media")
        let fromEnvironment = try DatabaseLocation.resolve(
            database: nil, databaseURL: nil, environment: ["TOASOAN_DATABASE_URL": url]
        )
        #expect(fromEnvironment == fromFlag)
        #expect(try DatabaseLocation.resolve(database: "a.sqlite", databaseURL: nil, environment: ["TOASOAN_DATABASE_URL": url])
            == .sqlite(path: "a.sqlite"), "a flag wins over the environment")
        #expect(throws: ConfigurationError.self) {
            try DatabaseLocation.resolve(database: "a.sqlite", databaseURL: url, environment: [:])
        }
        #expect(throws: ConfigurationError.self) {
            try DatabaseLocation.resolve(
                database: nil, databaseURL: nil, environment: ["TOASOAN_DATABASE": "a.sqlite", "TOASOAN_DATABASE_URL": url]
            )
        }
        do {
            _ = try DatabaseLocation.resolve(database: nil, databaseURL: "postgres://u:bi-mat@/bao", environment: [:])
            Issue.record("a URL without a host must be refused")
        } catch {
            #expect(error.problems.count == 1)
            #expect(!error.description.contains("bi-mat"))
        }
    }

    @Test("trusted proxies come from --trusted-proxy, else TOASOAN_TRUSTED_PROXIES; a bad one is named")
    func trustedProxies() throws {
        func resolve(_ flags: [String], _ environment: [String: String] = [:]) throws -> Set<String> {
            try ServeConfiguration.resolve(
                host: nil, port: nil, database: nil, theme: nil, mediaDirectory: nil, demo: false, trustedProxies: flags,
                environment: environment
            ).trustedProxies.addresses
        }
        #expect(try resolve([]).isEmpty)
        #expect(try resolve([], ["TOASOAN_TRUSTED_PROXIES": "127.0.0.1, ::1"]) == ["127.0.0.1", "::1"])
        #expect(try resolve(["10.0.0.5"], ["TOASOAN_TRUSTED_PROXIES": "127.0.0.1"]) == ["10.0.0.5"])
        let error = #expect(throws: ConfigurationError.self) { try resolve(["127.0.0.1", "nginx.local"]) }
        #expect(error?.problems == ["trusted proxy \"nginx.local\" is not an IP address (such as 127.0.0.1 or ::1)"])
    }

    @Test("bad values are all reported at once, naming the setting")
    func badValues() {
        #expect(throws: ConfigurationError(problems: [
            "TOASOAN_PORT must be a whole number, not \"http\"", "host must not be empty",
        ])) {
            try ServeConfiguration.resolve(
                host: "", port: nil, database: nil, theme: nil, mediaDirectory: nil, demo: false, environment: ["TOASOAN_PORT": "http"]
            )
        }
        #expect(throws: ConfigurationError(problems: ["port 70000 is out of range (1-65535)"])) {
            try ServeConfiguration.resolve(host: nil, port: 70_000, database: nil, theme: nil, mediaDirectory: nil, demo: false, environment: [:])
        }
    }

    @Test("an unusable database folder and a theme missing templates are reported together")
    func openProblems() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let theme = folder.appendingPathComponent("theme")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try #"{"name": "broken", "version": "1"}"#.write(to: theme.appendingPathComponent("theme.json"), atomically: true, encoding: .utf8)
        let configuration = ServeConfiguration(
            host: "127.0.0.1", port: 1, database: .sqlite(path: "/no-such-folder-toasoan/news.sqlite"), themeDirectory: theme.path,
            mediaDirectory: folder.appendingPathComponent("media").path, demo: false
        )
        do {
            _ = try NewsApplication.open(configuration)
            Issue.record("expected configuration problems")
        } catch {
            let text = error.description
            #expect(text.contains("/no-such-folder-toasoan"))
            #expect(text.contains("article"))
            #expect(text.contains("home"))
            #expect(error.problems.count >= 3)
        }
    }

    @Test("a port that is already in use is named")
    func portInUse() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(bound == 0 && listen(listener, 1) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = ServeConfiguration(
            host: "127.0.0.1", port: port, database: .sqlite(path: folder.appendingPathComponent("n.sqlite").path),
            themeDirectory: Fixtures.themeDirectory, mediaDirectory: folder.appendingPathComponent("media").path, demo: false
        )
        #expect(throws: ConfigurationError(problems: ["port \(port) on 127.0.0.1 is already in use (is another toasoan or web server running?)"])) {
            try NewsApplication.open(configuration)
        }
    }
}
