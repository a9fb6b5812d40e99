import Foundation
import NewsDomain
import NewsStore
@testable import NewsStorePostgres
@testable import NewsStoreSQLite
import NewsTestSupport
import Testing

/// The text-similarity cache: what it lists, and that it follows publications, edits, takedowns and imports.
@Suite("Related articles by text similarity", .tags(.postgres), .timeLimit(.minutes(2)))
struct RelatedSimilarityTests {
    typealias Story = Fixtures.Story

    /// What a related-articles test needs of a store.
    typealias RelatedStore = ArticleStore & TaxonomyStore & ContentChangeLog & RelatedArticlesStore

    /// The cached list of an article as stored, without the reader's visibility filter.
    static func cached(_ store: Any, _ id: ArticleID) async throws -> [ArticleID] {
        try await RawSQL.integers(
            "SELECT similar_id FROM related_similar WHERE article_id = \(id.rawValue) ORDER BY score DESC, similar_id DESC",
            on: store
        ).map { ArticleID($0) }
    }

    /// Every article that appears in any cached list, or has one.
    static func indexed(_ store: Any) async throws -> (listed: Set<ArticleID>, documents: Set<ArticleID>) {
        let listed = try await RawSQL.integers("SELECT similar_id FROM related_similar", on: store)
        let documents = try await RawSQL.integers("SELECT article_id FROM related_documents", on: store)
        return (Set(listed.map { ArticleID($0) }), Set(documents.map { ArticleID($0) }))
    }

    static func similar(_ store: any ArticleStore, _ id: ArticleID, now: Date = Fixtures.now) async throws -> [ArticleID] {
        let article = try #require(try await store.publishedArticle(id: id, now: now))
        return try await store.relatedCandidates(for: article, limit: 5, now: now).similar.map(\.id)
    }

    /// Creates a story as a draft in the newsroom and takes it through the chain to publication.
    static func publish(_ room: Newsroom, _ story: Story, section: String = "the-gioi", now: Date = Fixtures.now) async throws -> ArticleID {
        var input = Fixtures.input(story, section: section, status: .draft)
        input.externalID = nil
        input.publishedAt = nil
        let draft = try await room.store.createArticle(input, by: room.reporter, now: now)
        try await room.act(.submit, draft.id, by: room.reporter, now: now)
        try await room.act(.approve, draft.id, by: room.sectionEditor, now: now)
        try await room.act(.approve, draft.id, by: room.copyDesk, now: now)
        try await room.act(.publish, draft.id, by: room.editorInChief, now: now)
        return draft.id
    }

    @Test("the similar tier lists published articles about the same thing; never itself, a draft, or one not yet due", arguments: Backend.allCases)
    func whatIsListed(_ backend: Backend) async throws {
        try await backend.withStore { (store: any RelatedStore) in
            let ids = try await Fixtures.importNew(store, [
                Fixtures.input(.boatRace), Fixtures.input(.boatRaceResults, section: "kinh-te"), Fixtures.input(.electricBus),
                Fixtures.input(.ricePrice), Fixtures.input(.boatRaceLaterYear, id: "draft", status: .draft),
                Fixtures.input(.boatRaceLaterYear, id: "later", minutesAgo: -120),
            ])
            let race = ids["boatRace"]!
            #expect(try await Self.similar(store, race) == [ids["boatRaceResults"]!])
            #expect(try await Self.similar(store, ids["electricBus"]!).isEmpty, "nothing else is about buses")
            // The article due in two hours is cached already, and shown once its time has come.
            #expect(try await Self.cached(store, race).contains(ids["later"]!))
            let later = try await Self.similar(store, race, now: Fixtures.now.addingTimeInterval(3 * 3600))
            #expect(Set(later) == [ids["boatRaceResults"]!, ids["later"]!])
            // The draft is not in the cache at all.
            let (listed, documents) = try await Self.indexed(store)
            #expect(!listed.contains(ids["draft"]!) && !documents.contains(ids["draft"]!))
            for (_, id) in ids {
                #expect(try await !Self.cached(store, id).contains(id))
            }
        }
    }

    @Test("publishing in the newsroom adds an article at once; takedown and unpublishing remove it from every list", arguments: Backend.allCases)
    func takedown(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let race = try await Self.publish(room, .boatRace)
            let results = try await Self.publish(room, .boatRaceResults)
            let bus = try await Self.publish(room, .electricBus)
            #expect(try await Self.cached(room.store, race) == [results])
            #expect(try await Self.cached(room.store, results) == [race])
            #expect(try await Self.cached(room.store, bus).isEmpty)

            try await room.act(.takedown, results, by: room.editorInChief, note: "Sai sự thật")
            #expect(try await Self.cached(room.store, race).isEmpty)
            let (listed, documents) = try await Self.indexed(room.store)
            #expect(!listed.contains(results) && !documents.contains(results))
            #expect(try await Self.similar(room.store, race).isEmpty)

            let later = try await Self.publish(room, .boatRaceLaterYear)
            #expect(try await Self.cached(room.store, race) == [later])
            try await room.act(.unpublish, later, by: room.editorInChief, note: "Chờ xác minh")
            #expect(try await Self.cached(room.store, race).isEmpty)
            try await room.act(.publish, later, by: room.editorInChief)
            #expect(try await Self.cached(room.store, race) == [later])
        }
    }

    @Test("a revision that changes the live text recomputes the article's list and its place in others'", arguments: Backend.allCases)
    func revision(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let race = try await Self.publish(room, .boatRace)
            let results = try await Self.publish(room, .boatRaceResults)
            let rice = try await Self.publish(room, .ricePrice)
            let changing = try await Self.publish(room, .ricePrice, section: "kinh-te")
            #expect(try await Self.cached(room.store, changing) == [rice])
            #expect(try await !Self.cached(room.store, race).contains(changing))

            let article = try #require(try await room.store.editorialArticle(id: changing, now: Fixtures.now))
            var input = Newsroom.input(from: article.content, title: Story.boatRaceLaterYear.title, body: Story.boatRaceLaterYear.body)
            input.sapo = Story.boatRaceLaterYear.sapo
            try await room.store.saveArticle(
                id: changing, input: input, seo: nil, baseVersion: article.currentVersion, actor: room.reporter.editorialActor,
                actorName: room.reporter.name, workflow: room.workflow, now: Newsroom.time(10)
            )
            // Readers still see the live version, and so does the cache.
            #expect(try await Self.cached(room.store, changing) == [rice])
            let before = try await room.store.latestChangeSequence()
            for (action, user) in [(WorkflowAction.submit, room.reporter), (.approve, room.sectionEditor), (.approve, room.copyDesk), (.publish, room.editorInChief)] {
                try await room.act(action, changing, by: user, now: Newsroom.time(20))
            }
            #expect(Set(try await Self.cached(room.store, changing)) == [race, results])
            #expect(try await Self.cached(room.store, race).contains(changing))
            // The race's page did not show the article before: the change log names it, so its cached page is dropped.
            let logged = try await room.store.changes(after: before, limit: 100).flatMap(\.dependencies)
            #expect(logged.contains(.article(race)))
            #expect(try await !Self.cached(room.store, rice).contains(changing))
        }
    }

    @Test("a scheduled article enters the cache when the scheduler publishes it", arguments: Backend.allCases)
    func scheduled(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let race = try await Self.publish(room, .boatRace)
            var input = Fixtures.input(.boatRaceResults, status: .draft)
            input.externalID = nil
            let draft = try await room.store.createArticle(input, by: room.reporter, now: Fixtures.now)
            try await room.act(.submit, draft.id, by: room.reporter)
            try await room.act(.approve, draft.id, by: room.sectionEditor)
            try await room.act(.approve, draft.id, by: room.copyDesk)
            try await room.act(.schedule, draft.id, by: room.editorInChief, at: Newsroom.time(10))
            #expect(try await Self.cached(room.store, race).isEmpty)
            #expect(try await room.store.publishDueArticles(now: Newsroom.time(11), workflow: room.workflow) == [draft.id])
            #expect(try await Self.cached(room.store, race) == [draft.id])
        }
    }

    @Test("a large import is left to refreshRelated, which catches it up and refills lists that lost an entry", arguments: Backend.allCases)
    func largeImport(_ backend: Backend) async throws {
        try await backend.withStore { (store: any RelatedStore) in
            #expect(SQLiteNewsStore.relatedInlineLimit == PostgresNewsStore.relatedInlineLimit)
            let fillers = (1...SQLiteNewsStore.relatedInlineLimit).map { Fixtures.input(.ricePrice, id: "lua-\($0)") }
            let ids = try await Fixtures.importNew(store, [Fixtures.input(.boatRace), Fixtures.input(.boatRaceResults)] + fillers)
            let race = ids["boatRace"]!
            #expect(try await Self.indexed(store).documents.isEmpty, "more than relatedInlineLimit articles: nothing inline")

            let start = try await store.latestChangeSequence()
            #expect(try await store.refreshRelated(now: Fixtures.now) == ids.count)
            #expect(try await Self.cached(store, race) == [ids["boatRaceResults"]!])
            #expect(try await Self.cached(store, ids["lua-1"]!).count == 10)
            let changes = try await store.changes(after: start, limit: 100)
            #expect(changes.contains { $0.dependencies.contains(.article(race)) }, "the caches are told")
            #expect(try await store.refreshRelated(now: Fixtures.now) == 0, "nothing left to do")

            // Re-imported as a draft: gone at once; the lists it was in are refilled by the next refresh.
            let gone = ids["lua-1"]!
            var holder: ArticleID?
            for (_, id) in ids where try await Self.cached(store, id).contains(gone) { holder = id }
            let list = try #require(holder)
            _ = try await store.importArticles([Fixtures.input(.ricePrice, id: "lua-1", status: .draft)], now: Fixtures.now)
            #expect(try await !Self.indexed(store).listed.contains(gone))
            #expect(try await Self.cached(store, list).count == 9)
            #expect(try await store.refreshRelated(now: Fixtures.now) > 0)
            #expect(try await Self.cached(store, list).count == 10)
            #expect(try await !Self.indexed(store).listed.contains(gone))
        }
    }

    @Test("a rebuild recomputes everything from the published articles, reports progress, and matches the incremental lists", arguments: Backend.allCases)
    func rebuild(_ backend: Backend) async throws {
        try await backend.withStore { (store: any RelatedStore) in
            let ids = try await Fixtures.importNew(store, Story.allCases.map { Fixtures.input($0) })
            var incremental: [ArticleID: [ArticleID]] = [:]
            for (_, id) in ids { incremental[id] = try await Self.cached(store, id) }
            // Damage the cache: a document and every list gone.
            try await RawSQL.execute([
                "DELETE FROM related_documents WHERE article_id = \(ids["electricBus"]!.rawValue)", "DELETE FROM related_similar",
            ], on: store)
            let reports = ProgressLog()
            try await store.rebuildRelated { done, total in reports.append(done, total) }
            #expect(reports.last.map { $0 == ids.count && $1 == ids.count } == true)
            for (_, id) in ids {
                #expect(try await Set(Self.cached(store, id)) == Set(incremental[id] ?? []), "article \(id)")
            }
            #expect(try await Self.indexed(store).documents.count == ids.count)
            #expect(try await store.refreshRelated(now: Fixtures.now) == 0)
        }
    }
}

/// Progress reports collected from a `@Sendable` callback.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [(Int, Int)] = []

    func append(_ done: Int, _ total: Int) {
        lock.withLock { reports.append((done, total)) }
    }

    var last: (Int, Int)? { lock.withLock { reports.last } }
}
