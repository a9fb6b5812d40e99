import Foundation

/// Where a PostgreSQL database is and how to reach it, read from a URL such as
/// `postgres://user:password@host:5432/database?sslmode=require` (`--database-url`, `TOASOAN_DATABASE_URL`).
///
/// postgres-nio has no URL initializer, so the URL is read here. The password is kept out of every description,
/// debug description and mirror, because URLs end up in logs and in start-up problem lists.
public struct PostgresURL: Sendable, Equatable {
    /// Whether and how the connection is encrypted; the names and meanings are libpq's, so a URL copied from a
    /// hosting provider means what it says there.
    public enum SSLMode: String, Sendable, CaseIterable {
        /// Never encrypt.
        case disable
        /// Encrypt when the server offers TLS, otherwise connect in the clear; the certificate is not checked.
        case prefer
        /// Encrypt or fail; the certificate is not checked (libpq's `require`).
        case require
        /// Encrypt and check that the certificate chains to a trusted authority, whatever host name it names.
        case verifyCA = "verify-ca"
        /// Encrypt and check the certificate, host name included.
        case verifyFull = "verify-full"
    }

    /// The port PostgreSQL listens on unless told otherwise.
    public static let defaultPort = 5432

    /// The role to log in as.
    public let user: String
    /// The password, percent-decoded; nil when the URL has none. Internal so that it cannot be printed by accident.
    let password: String?
    /// The server's host name or address (an IPv6 address without brackets).
    public let host: String
    /// The server's port.
    public let port: Int
    /// The database to open.
    public let database: String
    /// TLS, from `?sslmode=` (default `prefer`, as libpq).
    public let sslMode: SSLMode
    /// The schema search path sent at connection start-up (`?search_path=`); tests use it to give every test its own
    /// schema. Nil leaves the server's default.
    public let searchPath: String?

    /// Reads a `postgres://` or `postgresql://` URL; the error names what is wrong and never repeats the password.
    public init(_ string: String) throws(PostgresURLError) {
        let shown = Self.redact(string)
        guard let schemeEnd = string.range(of: "://") else {
            throw PostgresURLError("database URL must start with postgres:// or postgresql://: \(shown)")
        }
        let scheme = string[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw PostgresURLError(
                "database URL must start with postgres:// or postgresql://, not \(scheme)://: \(shown)"
            )
        }
        var rest = string[schemeEnd.upperBound...]

        // The credentials end at the last "@", so that a password with an unencoded "@", "/" or "?" still reads as
        // a password rather than spilling into the host (and from there into an error message).
        var user: String?
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let name = credentials.prefix(while: { $0 != ":" })
            guard let decoded = String(name).removingPercentEncoding else {
                throw PostgresURLError("database URL has a badly percent-encoded user name: \(shown)")
            }
            user = decoded
            if name.endIndex < credentials.endIndex {
                let secret = credentials[credentials.index(after: name.endIndex)...]
                guard let decoded = String(secret).removingPercentEncoding else {
                    throw PostgresURLError("database URL has a badly percent-encoded password: \(shown)")
                }
                password = decoded.isEmpty ? nil : decoded
            }
        }
        guard let user, !user.isEmpty else {
            throw PostgresURLError("database URL has no user name (postgres://user:password@host/database): \(shown)")
        }
        guard !rest.contains("#") else {
            throw PostgresURLError("database URL has a fragment (#…), which means nothing to a database: \(shown)")
        }

        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let (host, port) = try Self.hostAndPort(rest[..<authorityEnd], shown: shown)
        rest = rest[authorityEnd...]

        let queryStart = rest.firstIndex(of: "?") ?? rest.endIndex
        let path = rest[..<queryStart].drop(while: { $0 == "/" })
        guard let database = String(path).removingPercentEncoding else {
            throw PostgresURLError("database URL has a badly percent-encoded database name: \(shown)")
        }
        guard !database.isEmpty else {
            throw PostgresURLError("database URL has no database name: \(shown)")
        }
        guard !database.contains("/") else {
            throw PostgresURLError("database URL has a path after the database name: \(shown)")
        }
        let options = try Self.options(rest[queryStart...].dropFirst(), shown: shown)

        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.sslMode = options.sslMode
        self.searchPath = options.searchPath
    }

    /// A copy that connects with another schema search path (tests: one schema per test).
    func settingSearchPath(_ searchPath: String?) -> PostgresURL {
        PostgresURL(
            user: user, password: password, host: host, port: port, database: database, sslMode: sslMode,
            searchPath: searchPath
        )
    }

    private init(
        user: String, password: String?, host: String, port: Int, database: String, sslMode: SSLMode,
        searchPath: String?
    ) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.sslMode = sslMode
        self.searchPath = searchPath
    }

    /// `host`, `host:port`, `[v6]` or `[v6]:port`.
    private static func hostAndPort(_ authority: Substring, shown: String) throws(PostgresURLError) -> (String, Int) {
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw PostgresURLError("database URL has an IPv6 host without its closing \"]\": \(shown)")
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else {
                    throw PostgresURLError("database URL has something after the IPv6 host other than a port: \(shown)")
                }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty else {
            throw PostgresURLError("database URL has no host: \(shown)")
        }
        guard host.allSatisfy({ !$0.isWhitespace && $0 != "%" && $0 != "," }) else {
            throw PostgresURLError("database URL has a host that is not one host name or address: \(shown)")
        }
        guard let portText else { return (String(host), defaultPort) }
        let digits = !portText.isEmpty && portText.allSatisfy { ("0"..."9").contains($0) }
        guard digits, let port = Int(portText), (1...65_535).contains(port) else {
            throw PostgresURLError("database URL has an invalid port \"\(portText)\" (expected 1 to 65535): \(shown)")
        }
        return (String(host), port)
    }

    /// The options after `?`: `sslmode` and `search_path`; anything else is refused rather than ignored, so that a
    /// libpq option this reader does not honour is not silently dropped.
    private static func options(_ query: Substring, shown: String) throws(PostgresURLError) -> (
        sslMode: SSLMode, searchPath: String?
    ) {
        var sslMode: SSLMode?
        var searchPath: String?
        for pair in query.split(separator: "&") {
            let name = pair.prefix(while: { $0 != "=" })
            let value = String(pair.dropFirst(name.count + 1)).removingPercentEncoding
            switch name {
            case "sslmode":
                guard sslMode == nil else { throw PostgresURLError("database URL gives sslmode twice: \(shown)") }
                guard let value, let mode = SSLMode(rawValue: value) else {
                    let known = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw PostgresURLError("database URL has an unknown sslmode (use one of \(known)): \(shown)")
                }
                sslMode = mode
            case "search_path":
                guard searchPath == nil else {
                    throw PostgresURLError("database URL gives search_path twice: \(shown)")
                }
                guard let value, !value.isEmpty else {
                    throw PostgresURLError("database URL has an empty or badly encoded search_path: \(shown)")
                }
                searchPath = value
            default:
                let option = String(name).removingPercentEncoding ?? String(name)
                throw PostgresURLError(
                    "database URL has an option \"\(option)\" that toasoan does not know (known: sslmode, search_path): "
                        + shown
                )
            }
        }
        return (sslMode ?? .prefer, searchPath)
    }

    /// RFC 3986's unreserved characters: everything else is percent-encoded in a printed URL.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )

    /// A user or database name as it may appear in a URL.
    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// The text of a URL that could not be read, with whatever stands between the user name and the last "@" (the
    /// password, under the same rule the reader uses) and any libpq-style `password=` option replaced by `***`.
    static func redact(_ string: String) -> String {
        var text = string
        if let at = text.lastIndex(of: "@") {
            let start = text.range(of: "://").map(\.upperBound).flatMap { $0 <= at ? $0 : nil } ?? text.startIndex
            if let colon = text[start..<at].firstIndex(of: ":") {
                text = String(text[...colon]) + "***" + String(text[at...])
            }
        }
        guard let question = text.firstIndex(of: "?") else { return text }
        let options = text[text.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false)
        let shown = options.map { option in
            option.prefix(while: { $0 != "=" }).lowercased() == "password" ? "password=***" : String(option)
        }
        return String(text[...question]) + shown.joined(separator: "&")
    }
}

extension PostgresURL: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The URL with the password shown as `***`, and the TLS mode always spelled out: safe for logs.
    public var redacted: String {
        let userPart = Self.encode(user) + (password == nil ? "" : ":***")
        let hostPart = host.contains(":") ? "[\(host)]" : host
        var text = "postgres://\(userPart)@\(hostPart):\(port)/\(Self.encode(database))?sslmode=\(sslMode.rawValue)"
        if let searchPath {
            text += "&search_path=\(Self.encode(searchPath))"
        }
        return text
    }

    /// The redacted URL.
    public var description: String { redacted }

    /// The redacted URL.
    public var debugDescription: String { "PostgresURL(\(redacted))" }

    /// Everything but the password, which shows as `***`: test failures and `dump` print values through their mirror.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "user": user, "password": password == nil ? "none" : "***", "host": host, "port": port,
                "database": database, "sslMode": sslMode, "searchPath": searchPath ?? "default",
            ],
            displayStyle: .struct
        )
    }
}

/// A database URL that cannot be used, with a message that names what is wrong (never the password).
public struct PostgresURLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, for the operator.
    public let message: String

    init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
