import Foundation
import Testing

@testable import NewsStorePostgres

/// Reading `--database-url`: what a good URL yields, that every bad one is refused with its problem named, and that
/// the password never shows. No server needed.
@Suite struct PostgresURLTests {
    static let password = "s3cret-Pa55"

    @Test func readsEveryPartOfAFullURL() throws {
        let url = try PostgresURL("postgres://toasoan:toasoan@127.0.0.1:5432/toasoan_test")
        #expect(url.user == "toasoan")
        #expect(url.host == "127.0.0.1")
        #expect(url.port == 5432)
        #expect(url.database == "toasoan_test")
        #expect(url.sslMode == .prefer)
        #expect(url.searchPath == nil)

        let configuration = url.clientConfiguration()
        #expect(configuration.username == "toasoan")
        #expect(configuration.password == "toasoan")
        #expect(configuration.database == "toasoan_test")
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 5432)
        #expect(configuration.options.additionalStartupParameters.map { $0.0 } == ["application_name"])
    }

    @Test func decodesPercentEncodedCredentialsAndDefaultsThePort() throws {
        let url = try PostgresURL(
            "postgresql://ph%E1%BA%A1m%40news:p%3Aw%2F%40d%25@db.example.vn/b%C3%A1o?sslmode=require"
        )
        #expect(url.user == "phạm@news")
        #expect(url.clientConfiguration().password == "p:w/@d%")
        #expect(url.host == "db.example.vn")
        #expect(url.port == PostgresURL.defaultPort)
        #expect(url.database == "báo")
        #expect(url.sslMode == .require)
    }

    @Test func takesAnUnencodedAtOrSlashInThePasswordAsPartOfIt() throws {
        let url = try PostgresURL("POSTGRES://editor:p@ss/w?rd@db.internal:6432/news")
        #expect(url.user == "editor")
        #expect(url.clientConfiguration().password == "p@ss/w?rd")
        #expect(url.host == "db.internal")
        #expect(url.port == 6432)
        #expect(url.database == "news")
    }

    @Test func readsIPv6HostsAndAURLWithoutPassword() throws {
        let url = try PostgresURL("postgres://reader@[::1]:6543/news?sslmode=disable")
        #expect(url.host == "::1")
        #expect(url.port == 6543)
        #expect(url.clientConfiguration().password == nil)
        #expect(url.description == "postgres://reader@[::1]:6543/news?sslmode=disable")
    }

    @Test func readsTheSearchPathAndEverySSLMode() throws {
        let url = try PostgresURL("postgres://u:p@h/db?search_path=t_abc&sslmode=verify-full")
        #expect(url.searchPath == "t_abc")
        #expect(url.sslMode == .verifyFull)
        let parameters = url.clientConfiguration().options.additionalStartupParameters
        #expect(parameters.contains { $0 == ("search_path", "t_abc") })
        for mode in PostgresURL.SSLMode.allCases {
            #expect(try PostgresURL("postgres://u@h/db?sslmode=\(mode.rawValue)").sslMode == mode)
        }
    }

    @Test func printsThePasswordAsStarsAndReadsBackWithoutIt() throws {
        let url = try PostgresURL("postgres://toasoan:\(Self.password)@127.0.0.1:5432/toasoan_test?search_path=t_1")
        #expect(url.description == "postgres://toasoan:***@127.0.0.1:5432/toasoan_test?sslmode=prefer&search_path=t_1")
        #expect(url.redacted == url.description)
        var dumped = ""
        dump(url, to: &dumped)
        let mirrored = String(describing: Mirror(reflecting: url).children.map(\.value))
        for text in [url.description, String(reflecting: url), "\(url)", dumped, mirrored] {
            #expect(!text.contains(Self.password), "\(text)")
        }

        let again = try PostgresURL(url.description)
        #expect(again.user == url.user && again.host == url.host && again.port == url.port)
        #expect(again.database == url.database && again.sslMode == url.sslMode && again.searchPath == url.searchPath)
        #expect(again.clientConfiguration().password == "***")
    }

    /// Each bad URL, and words its error must contain.
    static let badURLs: [(url: String, problem: String)] = [
        ("mysql://u:\(password)@h/db", "must start with postgres:// or postgresql://, not mysql://"),
        ("u:\(password)@h/db", "must start with postgres:// or postgresql://"),
        ("postgres://u:\(password)@/db", "has no host"),
        ("postgres://u:\(password)@h", "has no database name"),
        ("postgres://u:\(password)@h:5432/", "has no database name"),
        ("postgres://u:\(password)@h:99999/db", "invalid port \"99999\""),
        ("postgres://u:\(password)@h:five/db", "invalid port \"five\""),
        ("postgres://u:\(password)@h:/db", "invalid port"),
        ("postgres://:\(password)@h/db", "has no user name"),
        ("postgres://h/db", "has no user name"),
        ("postgres://u%zz:\(password)@h/db", "badly percent-encoded user name"),
        ("postgres://u:\(password)%zz@h/db", "badly percent-encoded password"),
        ("postgres://u:\(password)@h/db%zz", "badly percent-encoded database name"),
        ("postgres://u:\(password)@h/db/extra", "path after the database name"),
        ("postgres://u:\(password)@h/db#top", "fragment"),
        ("postgres://u:\(password)@h1,h2/db", "not one host name or address"),
        ("postgres://u:\(password)@[::1/db", "IPv6 host without its closing"),
        ("postgres://u:\(password)@[::1]x/db", "after the IPv6 host"),
        ("postgres://u:\(password)@h/db?sslmode=sometimes", "unknown sslmode (use one of disable, prefer, require"),
        ("postgres://u:\(password)@h/db?sslmode=disable&sslmode=require", "gives sslmode twice"),
        ("postgres://u:\(password)@h/db?search_path=", "empty or badly encoded search_path"),
        ("postgres://u:\(password)@h/db?connect_timeout=3", "option \"connect_timeout\" that toasoan does not know"),
        ("postgres://u@h/db?password=\(password)", "option \"password\" that toasoan does not know"),
    ]

    @Test(arguments: badURLs)
    func refusesABadURLNamingTheProblemButNeverThePassword(url: String, problem: String) {
        let error = #expect(throws: PostgresURLError.self) { try PostgresURL(url) }
        let message = error?.message ?? ""
        #expect(message.hasPrefix("database URL "), "\(message)")
        #expect(message.contains(problem), "\(message)")
        #expect(!message.contains(Self.password), "\(message)")
    }

    @Test func redactsTheUnreadableTextByTheReadersOwnRule() {
        #expect(PostgresURL.redact("postgres://u:p@ss@h/db") == "postgres://u:***@h/db")
        #expect(PostgresURL.redact("u:pw@h/db") == "u:***@h/db")
        #expect(PostgresURL.redact("postgres://u@h/db") == "postgres://u@h/db")
        let libpqStyle = "postgres://h/db?password=pw&sslmode=disable"
        #expect(PostgresURL.redact(libpqStyle) == "postgres://h/db?password=***&sslmode=disable")
    }
}
