import Testing

@testable import NewsSearch

@Suite("The ranked window and the index rows every store shares")
struct SearchWindowAndRowPlanTests {
    @Test("A page is cut from the window ranked by score, then recency (ascending key)")
    func rankedPage() {
        let newest = [ScoredMatch(key: 1, score: 0.5), ScoredMatch(key: 2, score: 0.9), ScoredMatch(key: 3, score: 0.5)]
        let first = SearchWindow(newest: newest, offset: 0, pageSize: 2)
        #expect(first.ranked.map(\.key) == [2, 1])
        #expect(first.total == 3 && !first.totalIsLowerBound && first.beyond == nil)
        #expect(SearchWindow(newest: newest, offset: 2, pageSize: 2).ranked.map(\.key) == [3])
        #expect(SearchWindow(newest: newest, offset: 4, pageSize: 2).ranked.isEmpty)
    }

    @Test("Past the window, a page asks for the next matches newest first, after the window's oldest key")
    func beyondTheWindow() {
        let size = SearchWindow.size
        let newest = (0...size).map { ScoredMatch(key: Int64($0), score: 1) }
        let straddling = SearchWindow(newest: newest, offset: size - 1, pageSize: 10)
        #expect(straddling.total == size && straddling.totalIsLowerBound)
        #expect(straddling.ranked.map(\.key) == [Int64(size - 1)])
        #expect(straddling.beyond == SearchWindow.Beyond(after: Int64(size - 1), limit: 9, offset: 0))
        let later = SearchWindow(newest: newest, offset: size + 10, pageSize: 10)
        #expect(later.ranked.isEmpty)
        #expect(later.beyond == SearchWindow.Beyond(after: Int64(size - 1), limit: 10, offset: 10))
    }

    @Test("A published article with a revision has a readers' row and a working newsroom row; changes are planned")
    func rowPlan() {
        let at = 1_700_000_000.0
        let readersKey = SearchKeys.reader(publishedAt: at, articleID: 7)
        let revised = SearchRowPlan(
            articleID: 7, isPublished: true, currentVersionID: 12, liveVersionID: 11, publishedAt: at, existing: []
        )
        #expect(revised.additions == [
            .init(firstKey: readersKey, versionID: 11, working: false),
            .init(firstKey: SearchKeys.newsroom(7), versionID: 12, working: true),
        ])
        // The revision goes live: the readers' row is replaced, the newsroom row goes.
        let live = SearchRowPlan(
            articleID: 7, isPublished: true, currentVersionID: 12, liveVersionID: 12, publishedAt: at,
            existing: [
                .init(key: readersKey, versionID: 11, working: false),
                .init(key: SearchKeys.newsroom(7), versionID: 12, working: true),
            ]
        )
        #expect(live.removals.map(\.key) == [readersKey, SearchKeys.newsroom(7)])
        #expect(live.additions == [.init(firstKey: readersKey, versionID: 12, working: true)])
        // Taken down: the newsroom row for the working version; an unchanged row only changes its flag.
        let down = SearchRowPlan(
            articleID: 7, isPublished: false, currentVersionID: 12, liveVersionID: 12, publishedAt: at,
            existing: [.init(key: SearchKeys.newsroom(7), versionID: 12, working: false)]
        )
        #expect(down.removals.isEmpty && down.additions.isEmpty)
        #expect(down.workingChanges.map(\.key) == [SearchKeys.newsroom(7)] && down.workingChanges.map(\.working) == [true])
        // Republished at another time: re-keyed.
        let moved = SearchRowPlan(
            articleID: 7, isPublished: true, currentVersionID: 12, liveVersionID: 12, publishedAt: at + 60,
            existing: [.init(key: readersKey, versionID: 12, working: true)]
        )
        #expect(moved.removals.map(\.key) == [readersKey])
        #expect(moved.additions.map(\.firstKey) == [SearchKeys.reader(publishedAt: at + 60, articleID: 7)])
    }

    @Test("Readers' keys: newer first, visible-at and date filters are key ranges, newsroom keys below every one")
    func keys() {
        let older = SearchKeys.reader(publishedAt: 1_000, articleID: 1)
        let newer = SearchKeys.reader(publishedAt: 2_000, articleID: 2)
        #expect(newer < older && SearchKeys.newsroom(5) < 0 && SearchKeys.isReaders(newer))
        let range = SearchKeys.readerRange(now: 1_500, from: nil, until: nil)
        #expect((range.lowest...range.highest).contains(older) && !(range.lowest...range.highest).contains(newer))
        let window = SearchKeys.readerRange(now: 3_000, from: 1_500, until: 2_001)
        #expect((window.lowest...window.highest).contains(newer) && !(window.lowest...window.highest).contains(older))
    }
}
