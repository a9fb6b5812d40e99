import Foundation
import GRDB
import NewsStore

extension SQLiteNewsStore: SiteSecretStore {
    public func siteSecret(named name: String) async throws -> [UInt8] {
        try await write { db in
            var random = SystemRandomNumberGenerator()
            let fresh = Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &random) })
            try db.execute(sql: "INSERT OR IGNORE INTO site_secrets (name, value) VALUES (?, ?)", arguments: [name, fresh])
            let stored = try Data.fetchOne(db, sql: "SELECT value FROM site_secrets WHERE name = ?", arguments: [name]) ?? fresh
            return [UInt8](stored)
        }
    }
}
