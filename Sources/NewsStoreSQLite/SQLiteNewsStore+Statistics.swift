import GRDB

/// The query planner's statistics (`sqlite_stat1`, written by `ANALYZE`).
///
/// Without them SQLite takes `status = 'published'` for a selective condition: to fetch a handful of articles by id,
/// or an article's similar ones, it walked the index of publication times of every article instead of looking the
/// ids up, and an uncached article page took 2.3 s at 100,000 articles instead of a few milliseconds of queries.
/// SQLite never gathers statistics by itself, so the store does, when the articles have doubled or halved since the
/// last time (or there were none), at open and after an import.
extension SQLiteNewsStore {
    /// Below this many articles every plan is fast enough, and statistics of a near-empty newspaper would only
    /// mislead the planner as it grows.
    static let statisticsThreshold = 1_000

    /// Gathers statistics when they are missing or the articles have doubled or halved since; says whether it did.
    @discardableResult
    static func refreshPlannerStatistics(_ db: Database) throws -> Bool {
        let articles = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") ?? 0
        guard articles >= statisticsThreshold else { return false }
        if let recorded = try recordedArticleCount(db), recorded * 2 > articles, articles * 2 > recorded {
            return false
        }
        try db.execute(sql: "ANALYZE")
        return true
    }

    /// How many articles the statistics were gathered over, or nil when there are none.
    static func recordedArticleCount(_ db: Database) throws -> Int? {
        guard try db.tableExists("sqlite_stat1") else { return nil }
        // Each row's `stat` starts with the number of rows in the table.
        let stat = try String.fetchOne(db, sql: "SELECT stat FROM sqlite_stat1 WHERE tbl = 'articles' LIMIT 1")
        return stat?.split(separator: " ").first.flatMap { Int($0) }
    }
}
