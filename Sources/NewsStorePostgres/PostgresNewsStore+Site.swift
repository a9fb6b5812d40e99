import Foundation
import NewsDomain
import NewsStore
import PostgresNIO

extension PostgresNewsStore: SiteSettingsStore {
    /// The key of the one settings row.
    private static let settingsKey = "site"

    /// The current settings (the initial ones on a new database).
    public func siteSettings() async throws -> SiteSettings {
        try await read(snapshot: false) { session in
            guard let json = try await session.rows("SELECT value FROM site_settings WHERE key = \(Self.settingsKey)")
                .first?.decode(String.self)
            else {
                return .initial
            }
            return try JSONDecoder().decode(SiteSettings.self, from: Data(json.utf8))
        }
    }

    /// Replaces the settings (JSON with sorted keys, the same text as on SQLite).
    public func saveSiteSettings(_ settings: SiteSettings) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(settings), as: UTF8.self)
        try await write { session in
            try await session.execute("""
                INSERT INTO site_settings (key, value) VALUES (\(Self.settingsKey), \(json))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """)
            try await Self.recordChange(session, [.site], now: Date())
        }
    }
}

extension PostgresNewsStore: HomeLayoutStore {
    /// The current arrangement.
    public func homeLayout() async throws -> HomeLayout {
        try await read(snapshot: false) { session in
            var layout = HomeLayout()
            for row in try await session.rows("SELECT slot, article_id FROM home_slots ORDER BY slot, position") {
                let (slot, id) = try row.decode((String, Int64).self)
                switch slot {
                case "top": layout.topStory = ArticleID(id)
                default: layout.featured.append(ArticleID(id))
                }
            }
            return layout
        }
    }

    /// Replaces the arrangement. The table is locked against other writers first: two nodes saving at once would
    /// otherwise each delete the rows they saw and then collide on the other's new ones.
    public func saveHomeLayout(_ layout: HomeLayout) async throws {
        try await write { session in
            try await session.execute("LOCK TABLE home_slots IN EXCLUSIVE MODE")
            try await session.execute("DELETE FROM home_slots")
            if let top = layout.topStory {
                try await session.execute(
                    "INSERT INTO home_slots (slot, position, article_id) VALUES ('top', 0, \(top.rawValue))"
                )
            }
            for (position, id) in layout.featured.enumerated() {
                try await session.execute(
                    "INSERT INTO home_slots (slot, position, article_id) VALUES ('featured', \(position), \(id.rawValue))"
                )
            }
            try await Self.recordChange(session, [.site], now: Date())
        }
    }
}

extension PostgresNewsStore: ContentChangeLog {
    /// The sequence number of the newest change (0 when there is none).
    public func latestChangeSequence() async throws -> Int64 {
        try await read(snapshot: false) { session in
            try await session.rows("SELECT MAX(seq) FROM content_changes").first?.decode(Int64?.self) ?? 0
        }
    }

    /// Changes after `sequence`, oldest first, at most `limit` (a negative limit, as on SQLite, means no limit).
    public func changes(after sequence: Int64, limit: Int) async throws -> [ContentChange] {
        let limit: Int? = limit < 0 ? nil : limit
        return try await read(snapshot: false) { session in
            try await session.rows("""
                SELECT seq, dependencies FROM content_changes WHERE seq > \(sequence) ORDER BY seq LIMIT \(limit)
                """).map { row in
                let (seq, text) = try row.decode((Int64, String).self)
                let tokens = text.split(separator: " ")
                return ContentChange(sequence: seq, dependencies: Set(tokens.compactMap(ContentDependency.init(token:))))
            }
        }
    }
}
