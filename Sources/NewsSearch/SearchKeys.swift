/// Row keys of the search index, in which newer comes first: every store walks its matches in ascending key order and
/// wants the newest matches (FTS5 walks its lists of articles forwards several times faster than backwards; PostgreSQL
/// walks its primary key). A readers' row's key is its article's publication second (offset so that any date in
/// ±2,000 years is positive) counted back from the end of that span, shifted left 20 bits, plus the low 20 bits of the
/// article id counted back (one more on the rare clash): ascending keys go from the newest publication to the oldest,
/// and a time range is a key range. Newsroom rows come before every readers' row, at −1 − article id (newest article
/// first), so every readers' key is at least 0. Times are stored seconds since 1970.
public enum SearchKeys {
    /// Added to the publication second (2³⁶ s ≈ 2,177 years).
    public static let timeOffset: Int64 = 1 << 36
    /// Publication seconds are clamped to this many after the offset start (2⁴¹ s), so keys stay below 2⁶¹.
    public static let timeSpan: Int64 = 1 << 41
    private static let lowBits: Int64 = 20
    private static let lowMask: Int64 = (1 << 20) - 1

    /// The offset publication second of a stored time.
    public static func second(ofTime time: Double) -> Int64 {
        guard time.isFinite else { return 0 }
        let seconds = Int64(max(min(time.rounded(.down), 1e15), -1e15))
        return min(max(seconds + timeOffset, 0), timeSpan - 1)
    }

    /// The offset second counted back from the end of the span: what a readers' key holds above its low bits.
    private static func countedBack(_ second: Int64) -> Int64 { timeSpan - 1 - second }

    /// The offset publication second a readers' key stands for.
    public static func second(ofKey key: Int64) -> Int64 { countedBack(key >> lowBits) }

    /// Whether a key is a readers' row.
    public static func isReaders(_ key: Int64) -> Bool { key >= 0 }

    /// The (first choice of) key for an article's readers' row.
    public static func reader(publishedAt: Double, articleID: Int64) -> Int64 {
        countedBack(second(ofTime: publishedAt)) << lowBits | (lowMask - (articleID & lowMask))
    }

    /// The key of an article's newsroom row.
    public static func newsroom(_ articleID: Int64) -> Int64 { -1 - articleID }

    /// The lowest key of an article published at or before `time` (to the second).
    public static func readerLowest(publishedBy time: Double) -> Int64 { countedBack(second(ofTime: time)) << lowBits }

    /// The highest key of an article published at or after `time` (to the second).
    public static func readerHighest(publishedFrom time: Double) -> Int64 {
        countedBack(second(ofTime: time)) << lowBits | lowMask
    }

    /// The lowest key of an article published before the second that ends at `time`.
    public static func readerLowest(publishedBefore time: Double) -> Int64 {
        (countedBack(second(ofTime: time.rounded(.up))) + 1) << lowBits
    }

    /// The inclusive key range of readers' rows visible at `now` (stored seconds) and published from `from` (inclusive)
    /// until `until` (exclusive), when given; empty (`lowest > highest`) when nothing can match.
    public static func readerRange(now: Double, from: Double?, until: Double?) -> (lowest: Int64, highest: Int64) {
        // Newer articles have lower keys: "visible at now" is a lower bound, "from" an upper one.
        var lowest = readerLowest(publishedBy: now)
        let highest = from.map { readerHighest(publishedFrom: $0) } ?? Int64.max
        if let until { lowest = max(lowest, readerLowest(publishedBefore: until)) }
        return (lowest, highest)
    }
}
