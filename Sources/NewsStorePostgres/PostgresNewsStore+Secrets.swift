import Foundation
import NewsStore
import PostgresNIO

extension PostgresNewsStore: SiteSecretStore {
    /// The secret called `name`, made on first use. Two nodes making it at once both offer a fresh value; the first to
    /// commit wins, the other's insert does nothing and it reads the winner's value (READ COMMITTED sees it).
    public func siteSecret(named name: String) async throws -> [UInt8] {
        var random = SystemRandomNumberGenerator()
        let fresh = Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &random) })
        return try await write { session in
            // Bound as Data (bytea): postgres-nio would send [UInt8] as a "char" array.
            try await session.execute(
                "INSERT INTO site_secrets (name, value) VALUES (\(name), \(fresh)) ON CONFLICT (name) DO NOTHING"
            )
            let stored = try await session.rows("SELECT value FROM site_secrets WHERE name = \(name)")
                .first?.decode(Data.self) ?? fresh
            return [UInt8](stored)
        }
    }
}
