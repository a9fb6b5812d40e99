import Foundation
import GRDB
import NewsDomain
import NewsStore

extension SQLiteNewsStore: SiteSettingsStore {
    private static let settingsKey = "site"

    public func siteSettings() async throws -> SiteSettings {
        try await read { db in
            guard let json = try String.fetchOne(
                db, sql: "SELECT value FROM site_settings WHERE key = ?", arguments: [Self.settingsKey]
            ) else {
                return .initial
            }
            return try JSONDecoder().decode(SiteSettings.self, from: Data(json.utf8))
        }
    }

    public func saveSiteSettings(_ settings: SiteSettings) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(settings), as: UTF8.self)
        try await write { db in
            try db.execute(
                sql: "INSERT INTO site_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [Self.settingsKey, json]
            )
            try Self.recordChange(db, [.site], now: Date())
        }
    }
}

extension SQLiteNewsStore: HomeLayoutStore {
    public func homeLayout() async throws -> HomeLayout {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT slot, article_id FROM home_slots ORDER BY slot, position")
            var layout = HomeLayout()
            for row in rows {
                let id = ArticleID(row[1])
                switch row[0] as String {
                case "top": layout.topStory = id
                default: layout.featured.append(id)
                }
            }
            return layout
        }
    }

    public func saveHomeLayout(_ layout: HomeLayout) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM home_slots")
            if let top = layout.topStory {
                try db.execute(
                    sql: "INSERT INTO home_slots (slot, position, article_id) VALUES ('top', 0, ?)", arguments: [top.rawValue]
                )
            }
            for (position, id) in layout.featured.enumerated() {
                try db.execute(
                    sql: "INSERT INTO home_slots (slot, position, article_id) VALUES ('featured', ?, ?)",
                    arguments: [position, id.rawValue]
                )
            }
            try Self.recordChange(db, [.site], now: Date())
        }
    }
}

extension SQLiteNewsStore: ContentChangeLog {
    public func latestChangeSequence() async throws -> Int64 {
        try await read { db in try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM content_changes") ?? 0 }
    }

    public func changes(after sequence: Int64, limit: Int) async throws -> [ContentChange] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT seq, dependencies FROM content_changes WHERE seq > ? ORDER BY seq LIMIT ?",
                arguments: [sequence, limit]
            ).map { row in
                let tokens = (row[1] as String).split(separator: " ")
                return ContentChange(sequence: row[0], dependencies: Set(tokens.compactMap(ContentDependency.init(token:))))
            }
        }
    }
}
