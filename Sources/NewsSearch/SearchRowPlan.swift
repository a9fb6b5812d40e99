/// Which index rows an article should have, and what to do with the rows it has, the same for every store: a readers'
/// row for the live version of a published article (keyed by its publication time), and a newsroom row for a working
/// version that is not that one (or for an article not published). `working` marks the row holding the working
/// version, the one the newsroom searches.
public struct SearchRowPlan: Sendable {
    /// A row the index holds for the article.
    public struct Existing: Hashable, Sendable {
        /// Its key (`SearchKeys`).
        public var key: Int64
        /// The version it holds.
        public var versionID: Int64
        /// Whether it holds the working version.
        public var working: Bool

        /// Creates a row description.
        public init(key: Int64, versionID: Int64, working: Bool) {
            self.key = key
            self.versionID = versionID
            self.working = working
        }
    }

    /// A row to add: the key to try first (one more while it is taken), the version it holds, whether it is the
    /// working one.
    public struct Addition: Hashable, Sendable {
        /// The first choice of key.
        public var firstKey: Int64
        /// The version.
        public var versionID: Int64
        /// Whether it holds the working version.
        public var working: Bool
    }

    /// Rows kept whose working flag changes, with the new flag.
    public private(set) var workingChanges: [(key: Int64, working: Bool)] = []
    /// Rows to take out.
    public private(set) var removals: [Existing] = []
    /// Rows to add.
    public private(set) var additions: [Addition] = []

    /// The plan for an article in its stored state (`publishedAt` in stored seconds), given the rows it has.
    public init(
        articleID: Int64, isPublished: Bool, currentVersionID: Int64?, liveVersionID: Int64?, publishedAt: Double?,
        existing: [Existing]
    ) {
        // Wanted rows: (is a readers' row, version, holds the working version).
        var wanted: [(readers: Bool, version: Int64, working: Bool)] = []
        if isPublished, let live = liveVersionID {
            wanted.append((true, live, currentVersionID == nil || currentVersionID == live))
            if let current = currentVersionID, current != live { wanted.append((false, current, true)) }
        } else if let current = currentVersionID {
            wanted.append((false, current, true))
        }
        let readersSecond = SearchKeys.second(ofTime: publishedAt ?? 0)
        for row in existing {
            let isReaders = SearchKeys.isReaders(row.key)
            if let index = wanted.firstIndex(where: {
                $0.readers == isReaders && $0.version == row.versionID
                    && (!isReaders || SearchKeys.second(ofKey: row.key) == readersSecond)
            }) {
                if wanted[index].working != row.working { workingChanges.append((row.key, wanted[index].working)) }
                wanted.remove(at: index)
            } else {
                removals.append(row)
            }
        }
        for row in wanted {
            let key = row.readers
                ? SearchKeys.reader(publishedAt: publishedAt ?? 0, articleID: articleID) : SearchKeys.newsroom(articleID)
            additions.append(Addition(firstKey: key, versionID: row.version, working: row.working))
        }
    }
}
