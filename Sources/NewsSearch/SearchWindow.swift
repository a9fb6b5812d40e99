/// A match in scope with its score: its row key (`SearchKeys`) and its `SearchRanking` score.
public struct ScoredMatch: Hashable, Sendable {
    /// The row key.
    public var key: Int64
    /// The score.
    public var score: Double

    /// Creates a scored match.
    public init(key: Int64, score: Double) {
        self.key = key
        self.score = score
    }
}

/// How every store cuts a page of results from its matches: the newest `size` matches in scope are ranked by score,
/// then recency (ascending key); beyond them, results go newest first, and the count stops at the window
/// (`SearchResults.totalIsLowerBound`). A query of rare words is so ranked in full; a query of words in most articles is
/// ranked among the recent ones, which keeps every search within a bounded amount of work.
public struct SearchWindow: Sendable {
    /// Matches ranked by score per search; a store fetches one more, to know whether more match.
    public static let size = 500

    /// More matches the page needs past the ranked window: `limit` of them, newest first (ascending key) after the
    /// key `after`, skipping `offset`.
    public struct Beyond: Hashable, Sendable {
        /// The last key of the ranked window.
        public var after: Int64
        /// How many more the page holds.
        public var limit: Int
        /// How many to skip (the pages before this one past the window).
        public var offset: Int
    }

    /// How many matches are counted (at most `size`).
    public let total: Int
    /// Whether more match than `total`.
    public let totalIsLowerBound: Bool
    /// The page's matches from the ranked window, best first.
    public let ranked: [ScoredMatch]
    /// The rest of the page, when it reaches past the ranked window.
    public let beyond: Beyond?

    /// The page at `offset` of `pageSize` results, from the newest matches in ascending key order (up to `size + 1`).
    public init(newest: [ScoredMatch], offset: Int, pageSize: Int) {
        var window = newest
        totalIsLowerBound = window.count > Self.size
        if window.count > Self.size { window.removeLast(window.count - Self.size) }
        total = window.count
        let sorted = window.sorted { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }
        var page: [ScoredMatch] = []
        if offset < sorted.count {
            page = Array(sorted[offset..<min(sorted.count, offset + pageSize)])
        }
        ranked = page
        if page.count < pageSize, totalIsLowerBound, let oldest = window.last?.key {
            beyond = Beyond(after: oldest, limit: pageSize - page.count, offset: max(0, offset - sorted.count))
        } else {
            beyond = nil
        }
    }
}
