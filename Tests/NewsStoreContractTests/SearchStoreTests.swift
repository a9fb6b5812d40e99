import Foundation
import NewsDomain
import NewsStore
@testable import NewsStorePostgres
@testable import NewsStoreSQLite
import NewsTestSupport
import Testing

/// What a search test needs of a store.
typealias SearchTestStore = ArticleStore & SearchStore & TaxonomyStore

@Suite("Search: ranking", .tags(.postgres), .timeLimit(.minutes(3)))
struct SearchRankingStoreTests {
    @Test("Typed with diacritics, \"đường\" ranks articles about đường above dương and đương; without, all match", arguments: Backend.allCases)
    func exactDiacriticsFirst(_ backend: Backend) async throws {
        try await backend.withStore { (store: any SearchTestStore) in
            try await Fixtures.importNew(store, [
                Fixtures.input(id: "duong-title", title: "Dương cầm và Dương Quá", body: "Dương cầm cổ. Dương Quá."),
                Fixtures.input(id: "duong-road", title: "Một ngày mưa", body: "Con đường làng ngập nước."),
                Fixtures.input(id: "duong-now", title: "Đương kim vô địch", body: "Đội đương kim vô địch."),
                Fixtures.input(id: "other", title: "Tin khác", body: "Không có gì."),
            ])
            #expect(try await Fixtures.readerIDs(store, "đường").first == "duong-road")
            #expect(try await Fixtures.readerIDs(store, "ĐƯỜNG").first == "duong-road", "capitals")
            #expect(try await Fixtures.readerIDs(store, "đu\u{031B}o\u{031B}\u{0300}ng").first == "duong-road", "NFD query")
            #expect(Set(try await Fixtures.readerIDs(store, "đường")) == ["duong-title", "duong-road", "duong-now"], "other readings follow")
            #expect(Set(try await Fixtures.readerIDs(store, "duong")) == ["duong-title", "duong-road", "duong-now"])
            #expect(try await Fixtures.readerIDs(store, "duong").first == "duong-title", "no diacritics: the title match leads")
            #expect(try await Fixtures.readerIDs(store, "dương").first == "duong-title")
            #expect(try await Fixtures.readerIDs(store, "đương").first == "duong-now")
        }
    }

    @Test("Tone style and đ/d: \"hoà\" finds \"hòa\" as the exact reading, \"thuỷ\" finds \"thủy\", \"dd\" typed as d matches", arguments: Backend.allCases)
    func toneStyle(_ backend: Backend) async throws {
        try await backend.withStore { (store: any SearchTestStore) in
            try await Fixtures.importNew(store, [
                Fixtures.input(id: "hoa-new-style", title: "Hoà bình trên biển", body: "Thuỷ thủ về nhà."),
                Fixtures.input(id: "hoa-chemistry", title: "Hóa học và đời sống", body: "Thú vị."),
            ])
            #expect(try await Fixtures.readerIDs(store, "hòa").first == "hoa-new-style")
            #expect(try await Fixtures.readerIDs(store, "hoà").first == "hoa-new-style")
            #expect(try await Fixtures.readerIDs(store, "hóa").first == "hoa-chemistry")
            #expect(Set(try await Fixtures.readerIDs(store, "hoa")) == ["hoa-new-style", "hoa-chemistry"])
            #expect(try await Fixtures.readerIDs(store, "thủy thủ") == ["hoa-new-style"])
            #expect(try await Fixtures.readerIDs(store, "thuy thu") == ["hoa-new-style"])
            #expect(try await Fixtures.readerIDs(store, "doi song") == ["hoa-chemistry"])
        }
    }

    @Test("A phrase ranks above its syllables scattered, title above body, and the newer article wins a tie", arguments: Backend.allCases)
    func phraseFieldsRecency(_ backend: Backend) async throws {
        try await backend.withStore { (store: any SearchTestStore) in
            try await Fixtures.importNew(store, [
                Fixtures.input(id: "scattered", title: "Đường phố và sắt thép", body: "Giá sắt tăng trên mọi con đường."),
                Fixtures.input(id: "phrase", title: "Tin giao thông", body: "Tuyến đường sắt mới khánh thành."),
                Fixtures.input(id: "storm-body", title: "Thời tiết", minutesAgo: 10, body: "Cơn bão đổ bộ."),
                Fixtures.input(id: "storm-title", title: "Bão đổ bộ miền Trung", minutesAgo: 500, body: "Gió mạnh."),
                Fixtures.input(id: "twin-old", title: "Khai mạc hội chợ", minutesAgo: 300, body: "Hội chợ mùa xuân."),
                Fixtures.input(id: "twin-new", title: "Khai mạc hội chợ", minutesAgo: 30, body: "Hội chợ mùa xuân."),
            ])
            #expect(try await Fixtures.readerIDs(store, "đường sắt") == ["phrase", "scattered"])
            #expect(try await Fixtures.readerIDs(store, "duong sat") == ["phrase", "scattered"])
            #expect(try await Fixtures.readerIDs(store, "bão") == ["storm-title", "storm-body"])
            #expect(try await Fixtures.readerIDs(store, "hội chợ") == ["twin-new", "twin-old"])
        }
    }

    @Test("Hits carry id, external id, highlighted title and snippet, section, time, score; totals and pages add up", arguments: Backend.allCases)
    func hitsAndPages(_ backend: Backend) async throws {
        try await backend.withStore { (store: any SearchTestStore) in
            let inputs = (1...25).map {
                Fixtures.input(id: "p\($0)", title: "Giá vàng <hôm nay> số \($0)", section: $0 % 2 == 0 ? "chau-a" : "kinh-te", minutesAgo: $0)
            }
            let ids = try await Fixtures.importNew(store, inputs)
            let request = SearchRequest(query: "giá vàng", scope: .published(now: Fixtures.now), page: PageRequest(number: 1, size: 10))
            let first = try await store.search(request)
            #expect(first.totalCount == 25)
            #expect(first.hits.map(\.externalID) == (1...10).map { "p\($0)" })
            let hit = try #require(first.hits.first)
            #expect(hit.id == ids["p1"])
            #expect(hit.title == "Giá vàng <hôm nay> số 1")
            #expect(hit.titleHTML == "<mark>Giá vàng</mark> &lt;hôm nay&gt; số 1")
            #expect(hit.snippetHTML.contains("Sapo của bài p1"))
            #expect(hit.section.slug == "kinh-te")
            #expect(hit.publishedAt == Fixtures.now.addingTimeInterval(-60))
            #expect(hit.status == .published)
            #expect(hit.slug == "gia-vang-hom-nay-so-1")
            #expect(hit.score > 0)
            var third = request
            third.page = PageRequest(number: 3, size: 10)
            #expect(try await store.search(third).hits.map(\.externalID) == (21...25).map { "p\($0)" })
            third.page = PageRequest(number: 4, size: 10)
            let beyond = try await store.search(third)
            #expect(beyond.hits.isEmpty && beyond.totalCount == 25)
        }
    }
}

@Suite("Search: scopes and filters", .tags(.postgres), .timeLimit(.minutes(3)))
struct SearchScopeStoreTests {
    @Test("Readers never see what is not published at `now`; the newsroom sees every state, by status if asked", arguments: Backend.allCases)
    func scopes(_ backend: Backend) async throws {
        try await backend.withStore { (store: any SearchTestStore) in
            try await Fixtures.importNew(store, [
                Fixtures.input(id: "live", title: "Lễ hội pháo hoa"),
                Fixtures.input(id: "draft", title: "Lễ hội pháo hoa bản nháp", status: .draft),
                Fixtures.input(id: "future", title: "Lễ hội pháo hoa sắp tới", minutesAgo: -120),
            ])
            #expect(try await Fixtures.readerIDs(store, "pháo hoa") == ["live"])
            #expect(Set(try await Fixtures.readerIDs(store, "pháo hoa", now: Fixtures.now.addingTimeInterval(3 * 3600))) == ["live", "future"])
            let newsroom = try await store.search(SearchRequest(query: "pháo hoa", scope: .newsroom(status: nil)))
            #expect(Set(newsroom.hits.compactMap(\.externalID)) == ["live", "draft", "future"])
            #expect(newsroom.totalCount == 3)
            let drafts = try await store.search(SearchRequest(query: "pháo hoa", scope: .newsroom(status: .draft)))
            #expect(drafts.hits.compactMap(\.externalID) == ["draft"])
            #expect(drafts.hits.first?.status == .draft)
        }
    }

    @Test("Section filter takes subsections in; date filter is from (inclusive) until (exclusive)", arguments: Backend.allCases)
    func filters(_ backend: Backend) async throws {
        try await backend.withStore { (store: any SearchTestStore) in
            try await Fixtures.importNew(store, [
                Fixtures.input(id: "world", title: "Thị trường chứng khoán", section: "the-gioi", minutesAgo: 60 * 24 * 3),
                Fixtures.input(id: "asia", title: "Thị trường chứng khoán", section: "chau-a", minutesAgo: 60 * 24),
                Fixtures.input(id: "economy", title: "Thị trường chứng khoán", section: "kinh-te", minutesAgo: 60),
            ])
            let world = try #require(try await store.section(slug: "the-gioi"))
            let asia = try #require(try await store.section(slug: "chau-a"))
            #expect(try await Fixtures.readerIDs(store, "chứng khoán", section: world.id) == ["asia", "world"])
            #expect(try await Fixtures.readerIDs(store, "chứng khoán", section: asia.id) == ["asia"])
            #expect(try await Fixtures.readerIDs(store, "chứng khoán", section: SectionID(999)).isEmpty)
            let twoDaysAgo = Fixtures.now.addingTimeInterval(-2 * 86_400)
            #expect(try await Fixtures.readerIDs(store, "chứng khoán", from: twoDaysAgo) == ["economy", "asia"])
            #expect(try await Fixtures.readerIDs(store, "chứng khoán", until: twoDaysAgo) == ["world"])
            let asiaTime = Fixtures.now.addingTimeInterval(-86_400)
            #expect(try await Fixtures.readerIDs(store, "chứng khoán", from: asiaTime, until: asiaTime.addingTimeInterval(1)) == ["asia"])
            #expect(try await Fixtures.readerIDs(store, "chứng khoán", from: asiaTime, until: asiaTime).isEmpty)
        }
    }

    @Test("Input that is not a query finds nothing and fails nothing", arguments: [
        "", "   ", "\"", "*", "-", "NEAR", "(", ")", "\"(*) NEAR -\"", "\u{0}\u{1}\u{1F}", String(repeating: "x", count: 1000),
        "AND OR NOT", "title:bão", "^", String(decoding: [0xFF, 0xFE, 0xC0], as: UTF8.self),
    ])
    func hostileQueries(_ query: String) async throws {
        for backend in Backend.allCases {
            try await backend.withStore { (store: any SearchTestStore) in
                try await Fixtures.importNew(store, [Fixtures.input(id: "a", title: "Đường sắt và bão")])
                let results = try await store.search(SearchRequest(query: query, scope: .published(now: Fixtures.now)))
                #expect(results.hits.isEmpty && results.totalCount == 0, "\(backend)")
                let newsroom = try await store.search(SearchRequest(query: query, scope: .newsroom(status: nil)))
                #expect(newsroom.hits.isEmpty && newsroom.totalCount == 0, "\(backend)")
            }
        }
    }

    @Test("A query of hundreds of words is cut to its first words and still finds what has them", arguments: Backend.allCases)
    func veryLongQuery(_ backend: Backend) async throws {
        try await backend.withStore { (store: any SearchTestStore) in
            try await Fixtures.importNew(store, [Fixtures.input(id: "a", title: "Đường sắt và bão")])
            let query = String(repeating: "đường sắt ", count: 100)
            #expect(try await Fixtures.readerIDs(store, query) == ["a"])
            let newsroom = try await store.search(SearchRequest(query: query, scope: .newsroom(status: nil)))
            #expect(newsroom.hits.map(\.externalID) == ["a"])
        }
    }

    @Test("Syntax around real words is ignored: the words are searched", arguments: Backend.allCases)
    func syntaxAroundWords(_ backend: Backend) async throws {
        try await backend.withStore { (store: any SearchTestStore) in
            try await Fixtures.importNew(store, [Fixtures.input(id: "a", title: "Đường sắt và bão"), Fixtures.input(id: "b", title: "Khác")])
            for query in ["\"đường sắt\"", "đường* -sắt", "(đường) (sắt)", "đường\u{7}sắt", "{đường}:sắt^"] {
                #expect(try await Fixtures.readerIDs(store, query) == ["a"], "\(query)")
            }
        }
    }
}

@Suite("Search: suggestions", .tags(.postgres), .timeLimit(.minutes(3)))
struct SearchSuggestionStoreTests {
    @Test("A query that finds nothing offers a corrected one that finds something; one that finds, none", arguments: Backend.allCases)
    func suggestion(_ backend: Backend) async throws {
        try await backend.withStore { (store: any SearchTestStore) in
            try await Fixtures.importNew(store, [
                Fixtures.input(id: "a", title: "Người dân Hà Nội đón Tết"),
                Fixtures.input(id: "draft", title: "Khinh khí cầu", status: .draft),
            ])
            func suggestion(_ query: String) async throws -> String? {
                try await store.search(SearchRequest(query: query, scope: .published(now: Fixtures.now))).suggestion
            }
            #expect(try await suggestion("nguoii") == "người", "the reading the index holds")
            #expect(try await suggestion("nguwowfi dana") == "người dân")
            #expect(try await suggestion("hanoi") == "hà nội")
            #expect(try await suggestion("người dân") == nil, "found: no suggestion")
            #expect(try await suggestion("khinh khis") == nil, "the correction finds only a draft")
            #expect(try await suggestion("zzzzqqq") == nil)
            let corrected = try await store.search(SearchRequest(query: "nguoi", scope: .published(now: Fixtures.now)))
            #expect(corrected.hits.map(\.externalID) == ["a"])
        }
    }

    @Test("What readers get: the suggestion's results when the query as typed finds nothing, and only then", arguments: Backend.allCases)
    func searchCorrectingTypos(_ backend: Backend) async throws {
        try await backend.withStore { (store: any SearchTestStore) in
            try await Fixtures.importNew(store, [
                Fixtures.input(id: "a", title: "Người dân Hà Nội đón Tết"),
                Fixtures.input(id: "draft", title: "Khinh khí cầu", status: .draft),
            ])
            func search(_ query: String) async throws -> SearchResults {
                try await store.searchCorrectingTypos(SearchRequest(query: query, scope: .published(now: Fixtures.now)))
            }
            let typo = try await search("nguwowfi dana")
            #expect(typo.isForSuggestion && typo.suggestion == "người dân")
            #expect(typo.totalCount == 1 && typo.hits.map(\.externalID) == ["a"])
            let found = try await search("ha noi")
            #expect(!found.isForSuggestion && found.suggestion == nil && found.hits.map(\.externalID) == ["a"])
            for nothing in ["khinh khis", "zzzzqqq"] {
                let results = try await search(nothing)
                #expect(!results.isForSuggestion && results.hits.isEmpty && results.totalCount == 0, "\(nothing)")
            }
        }
    }
}

@Suite("Search: the index follows every change, in the change's transaction", .tags(.postgres), .timeLimit(.minutes(3)))
struct SearchIndexMaintenanceTests {
    /// External ids are not set by the newsroom: hits are told apart by id.
    func readers(_ room: Newsroom, _ query: String, at now: Date = Newsroom.time(60)) async throws -> [ArticleID] {
        try await (room.store as! any SearchStore).search(SearchRequest(query: query, scope: .published(now: now))).hits.map(\.id)
    }

    func readerHits(_ room: Newsroom, _ query: String, at now: Date = Newsroom.time(60)) async throws -> [SearchHit] {
        try await (room.store as! any SearchStore).search(SearchRequest(query: query, scope: .published(now: now))).hits
    }

    func newsroom(_ room: Newsroom, _ query: String, status: ArticleStatus? = nil) async throws -> [SearchHit] {
        try await (room.store as! any SearchStore).search(SearchRequest(query: query, scope: .newsroom(status: status))).hits
    }

    @Test(
        "Create, publish, revise, republish, take down: readers see the live version only, the newsroom the working one",
        arguments: Backend.allCases
    )
    func editorialLife(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let draft = try await room.create("Khánh thành cầu Thăng Long mới")
            #expect(try await readers(room, "Thăng Long").isEmpty, "a draft is not for readers")
            #expect(try await newsroom(room, "Thăng Long").map(\.id) == [draft.id])
            #expect(try await newsroom(room, "Thăng Long").first?.status == .draft)

            let approved = try await room.act(.submit, draft.id, by: room.reporter)
            #expect(approved.state.status == .submitted)
            try await room.act(.approve, draft.id, by: room.sectionEditor)
            try await room.act(.approve, draft.id, by: room.copyDesk)
            #expect(try await readers(room, "Thăng Long").isEmpty)
            let live = try await room.act(.publish, draft.id, by: room.editorInChief, now: Newsroom.time(10))
            #expect(try await readers(room, "Thăng Long") == [draft.id])
            #expect(try await readers(room, "Thăng Long", at: Newsroom.time(5)).isEmpty, "not before its publication time")

            // A revision in progress: readers keep the live text, the newsroom searches the new one.
            let revised = try await room.save(live, by: room.sectionEditor, title: "Thông xe cầu Nhật Tân")
            #expect(revised.state.status == .published)
            #expect(try await readers(room, "Thăng Long") == [draft.id])
            #expect(try await readers(room, "Nhật Tân").isEmpty)
            #expect(try await newsroom(room, "Nhật Tân").map(\.id) == [draft.id])
            #expect(try await newsroom(room, "Nhật Tân").first?.title == "Thông xe cầu Nhật Tân", "the newsroom searches working versions")
            #expect(try await readerHits(room, "cầu").first?.title == "Khánh thành cầu Thăng Long mới")

            // The revision goes live.
            try await room.act(.approve, draft.id, by: room.copyDesk)
            try await room.act(.publish, draft.id, by: room.editorInChief, now: Newsroom.time(20))
            #expect(try await readers(room, "Nhật Tân") == [draft.id])
            #expect(try await readerHits(room, "cầu").first?.title == "Thông xe cầu Nhật Tân")
            #expect(try await newsroom(room, "Nhật Tân").map(\.id) == [draft.id])

            // Taken down: gone for readers at once, still found in the newsroom.
            try await room.act(.takedown, draft.id, by: room.editorInChief, note: "Sai sự thật", now: Newsroom.time(30))
            #expect(try await readers(room, "Nhật Tân").isEmpty)
            #expect(try await newsroom(room, "Nhật Tân").first?.status == .takenDown)
            try await expectIndexMatchesRebuild(room.store as! any SearchStore, queries: ["Nhật Tân", "Thăng Long", "cầu"])
        }
    }

    @Test("Import creates and updates the index with the article: a re-import replaces the old text", arguments: Backend.allCases)
    func importUpdates(_ backend: Backend) async throws {
        try await backend.withStore { (store: any SearchTestStore) in
            try await Fixtures.importNew(store, [Fixtures.input(id: "a", title: "Giá xăng tăng mạnh")])
            #expect(try await Fixtures.readerIDs(store, "xăng") == ["a"])
            _ = try await store.importArticles([Fixtures.input(id: "a", title: "Giá điện giảm nhẹ")], now: Fixtures.now)
            #expect(try await Fixtures.readerIDs(store, "xăng").isEmpty)
            #expect(try await Fixtures.readerIDs(store, "giá điện") == ["a"])
            _ = try await store.importArticles([Fixtures.input(id: "a", title: "Giá điện giảm nhẹ", status: .draft)], now: Fixtures.now)
            #expect(try await Fixtures.readerIDs(store, "giá điện").isEmpty, "imported back to draft: gone for readers")
            _ = try await store.importArticles(
                [Fixtures.input(id: "a", title: "Giá điện giảm nhẹ", minutesAgo: 60 * 24 * 30)], now: Fixtures.now
            )
            #expect(try await Fixtures.readerIDs(store, "giá điện", from: Fixtures.now.addingTimeInterval(-86_400)).isEmpty, "re-keyed by its new time")
            #expect(try await Fixtures.readerIDs(store, "giá điện") == ["a"])
            try await expectIndexMatchesRebuild(store, queries: ["giá điện", "xăng", "giá"])
        }
    }

    @Test("A refused import changes nothing in the index either", arguments: Backend.allCases)
    func refusedImport(_ backend: Backend) async throws {
        try await backend.withStore { (store: any SearchTestStore) async throws in
            await #expect(throws: ImportRejected.self) {
                try await store.importArticles(
                    [Fixtures.input(id: "a", title: "Mưa lớn ở Huế"), Fixtures.input(id: "b", title: "Mưa", related: ["missing"])],
                    now: Fixtures.now
                )
            }
            #expect(try await Fixtures.readerIDs(store, "mưa").isEmpty)
            #expect(try await store.search(SearchRequest(query: "mưa", scope: .newsroom(status: nil))).totalCount == 0)
        }
    }

    @Test("toasoan reindex: a rebuild reports progress and finds what the kept index found", arguments: Backend.allCases)
    func rebuild(_ backend: Backend) async throws {
        try await backend.withStore { (store: any SearchTestStore) in
            try await Fixtures.importNew(store, (1...250).map { Fixtures.input(id: "r\($0)", title: "Bản tin số \($0) về giáo dục") })
            // Empty the index first, so that only the rebuild can make the articles findable again.
            try await emptySearchIndex(store)
            #expect(try await store.search(SearchRequest(query: "giáo dục", scope: .published(now: Fixtures.now))).totalCount == 0)
            let reports = Reports()
            try await store.rebuildSearchIndex { done, total in reports.add(done, total) }
            let seen = reports.all
            #expect(seen.first.map { $0 == (0, 250) } == true)
            #expect(seen.last.map { $0 == (250, 250) } == true)
            #expect(try await store.search(SearchRequest(query: "giáo dục", scope: .published(now: Fixtures.now))).totalCount == 250)
        }
    }

    @Test("Optimizing the index after imports leaves the same answers", arguments: Backend.allCases)
    func optimize(_ backend: Backend) async throws {
        try await backend.withStore { (store: any SearchTestStore) in
            // Batches above the related-articles inline limit (50), whose refresh would hold that cache's lock, which
            // is one for the whole database, so every other test's schema too.
            for batch in 0..<3 {
                try await Fixtures.importNew(store, (1...60).map {
                    Fixtures.input(id: "m\(batch)-\($0)", title: "Đường sắt số \($0) qua Huế", body: "Tàu chạy đêm thứ \(batch).")
                })
            }
            let request = SearchRequest(
                query: "đường sắt", scope: .published(now: Fixtures.now), page: PageRequest(number: 1, size: 50)
            )
            let before = try await store.search(request)
            try await store.optimizeSearchIndex()
            let after = try await store.search(request)
            #expect(after.hits.map(\.id) == before.hits.map(\.id))
            #expect(after.totalCount == 180)
        }
    }
}

/// Progress reports gathered from a rebuild.
private final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [(Int, Int)] = []
    func add(_ done: Int, _ total: Int) { lock.withLock { reports.append((done, total)) } }
    var all: [(Int, Int)] { lock.withLock { reports } }
}

/// Empties a store's search index behind its back.
private func emptySearchIndex(_ store: Any) async throws {
    if store is SQLiteNewsStore {
        try await RawSQL.execute(
            ["INSERT INTO search_index (search_index) VALUES ('delete-all')", "DELETE FROM search_documents"], on: store
        )
    } else {
        try await RawSQL.execute(["DELETE FROM search_documents", "DELETE FROM search_vocabulary"], on: store)
    }
}

/// The index kept up change by change answers like one rebuilt from scratch.
private func expectIndexMatchesRebuild(
    _ store: any SearchStore, queries: [String], sourceLocation: SourceLocation = #_sourceLocation
) async throws {
    func answers() async throws -> [[ArticleID]] {
        var result: [[ArticleID]] = []
        for query in queries {
            for scope in [SearchScope.published(now: Fixtures.now.addingTimeInterval(86_400)), .newsroom(status: nil)] {
                result.append(try await store.search(SearchRequest(query: query, scope: scope)).hits.map(\.id))
            }
        }
        return result
    }
    let kept = try await answers()
    try await store.rebuildSearchIndex { _, _ in }
    #expect(try await answers() == kept, sourceLocation: sourceLocation)
}

@Suite("Search: the ranked window and the count", .tags(.postgres), .timeLimit(.minutes(3)))
struct SearchWindowTests {
    /// Imports published articles that all match "thời tiết", numbered `range`, one a minute apart, the newest first in
    /// id order.
    static func importMatching(_ store: any SearchTestStore, _ range: Range<Int>) async throws {
        try await Fixtures.importNew(store, range.map {
            Fixtures.input(id: "w\($0)", title: "Bản tin thời tiết số \($0)", minutesAgo: $0 + 1)
        })
    }

    static func search(_ store: any SearchStore, page: Int, size: Int) async throws -> SearchResults {
        try await store.search(SearchRequest(
            query: "thoi tiet", scope: .published(now: Fixtures.now), page: PageRequest(number: page, size: size)
        ))
    }

    @Test("Up to the window the count is exact; past it, it is the window and says “more than”", arguments: Backend.allCases)
    func countAtTheWindow(_ backend: Backend) async throws {
        let window = 500
        // One store: the window's worth of matches, then seven more (the same articles as a store made with 507).
        try await backend.withStore { (store: any SearchTestStore) in
            try await Self.importMatching(store, 0..<window)
            let exact = try await Self.search(store, page: 1, size: 10)
            #expect(exact.totalCount == window)
            #expect(!exact.totalIsLowerBound)
            try await Self.importMatching(store, window..<(window + 7))
            let more = try await Self.search(store, page: 1, size: 10)
            #expect(more.totalCount == window)
            #expect(more.totalIsLowerBound)
        }
    }

    @Test("Pages past the ranked window go on, newest first, with every match exactly once", arguments: Backend.allCases)
    func pagesPastTheWindow(_ backend: Backend) async throws {
        try await backend.withStore { (store: any SearchTestStore) in
            try await Self.importMatching(store, 0..<523)
            var seen: [String] = []
            for page in 1...6 {
                seen += try await Self.search(store, page: page, size: 100).hits.compactMap(\.externalID)
            }
            #expect(seen.count == 523)
            #expect(Set(seen).count == 523)
            // The 23 oldest are beyond the window, in publication order, newest first.
            #expect(Array(seen.suffix(23)) == (500..<523).map { "w\($0)" })
        }
    }
}
