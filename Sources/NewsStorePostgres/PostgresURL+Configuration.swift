import PostgresNIO

extension PostgresURL {
    /// The `application_name` the server shows for our connections (`pg_stat_activity`), so an operator can tell
    /// the newsroom's connections from others.
    static let applicationName = "toasoan"

    /// The postgres-nio client (pool) configuration for this URL: credentials, TLS from `sslMode`, and the start-up
    /// parameters (`application_name`, and `search_path` when the URL sets one).
    public func clientConfiguration() -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = switch (tlsConfiguration, sslMode) {
        case (nil, _): .disable
        case (let configuration?, .prefer): .prefer(configuration)
        case (let configuration?, _): .require(configuration)
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls
        )
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// The configuration of a single connection outside the pool, as `checkConnection` makes to diagnose.
    func connectionConfiguration(connectTimeout: Duration) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS = switch (tlsConfiguration, sslMode) {
        case (nil, _): .disable
        case (let configuration?, .prefer): .prefer(try NIOSSLContext(configuration: configuration))
        case (let configuration?, _): .require(try NIOSSLContext(configuration: configuration))
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls
        )
        configuration.options.additionalStartupParameters = startupParameters
        configuration.options.connectTimeout = .nanoseconds(
            connectTimeout.components.seconds * 1_000_000_000 + connectTimeout.components.attoseconds / 1_000_000_000
        )
        return configuration
    }

    /// Sent with every connection's start-up message.
    private var startupParameters: [(String, String)] {
        [("application_name", Self.applicationName)] + (searchPath.map { [("search_path", $0)] } ?? [])
    }

    /// TLS settings with libpq's meaning of each mode; nil for `disable`. `prefer` and `require` encrypt without
    /// checking the certificate (a stock Debian cluster serves a self-signed one, and libpq accepts it in these
    /// modes); `verify-ca` and `verify-full` check it against the system's trusted authorities.
    private var tlsConfiguration: TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .disable: return nil
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: break
        }
        return configuration
    }
}
