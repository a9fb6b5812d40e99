import Benchmark
import Foundation
import NewsDomain
import NewsStore
import NewsStoreSQLite
import SearchBenchSupport

// Search latency over the generated 100,000-article corpus, per query class, and indexing throughput.
// Run through scripts/bench-search.sh, which generates the data and prints the summary (p50, p99, articles/s).

/// The search database and the queries, opened once for all search benchmarks.
final class SearchFixture: @unchecked Sendable {
    let engine: any SearchStore
    let queries: QuerySets

    private init(engine: any SearchStore, queries: QuerySets) {
        self.engine = engine
        self.queries = queries
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var loaded: SearchFixture?

    static func shared() async throws -> SearchFixture {
        if let fixture = lock.withLock({ loaded }) { return fixture }
        if let url = BenchData.postgresURL {
            // The same newspaper copied into PostgreSQL by scripts/bench-backends.sh (`toasoan copy`).
            let engine = try await BenchData.openPostgres(url: url)
            let fixture = SearchFixture(engine: engine, queries: try QuerySets.load(path: BenchData.queriesPath))
            lock.withLock { loaded = fixture }
            return fixture
        }
        let (store, report) = try await BenchData.openSearchDatabase(log: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
        if let report {
            FileHandle.standardError.write(Data(String(
                format: "built the search database: %d articles in %.1f s (%.0f articles/s), %.0f MB\n",
                report.articles, report.seconds, report.articlesPerSecond, Double(report.databaseBytes) / 1e6
            ).utf8))
        }
        guard let engine = BenchData.searchEngine(store) else { throw BenchError("SQLiteNewsStore cannot search yet") }
        let fixture = SearchFixture(engine: engine, queries: try QuerySets.load(path: BenchData.queriesPath))
        lock.withLock { loaded = fixture }
        return fixture
    }
}

/// The articles for the indexing benchmark, loaded once.
final class IndexingFixture: @unchecked Sendable {
    static let articleCount = 10_000
    private static let lock = NSLock()
    nonisolated(unsafe) private static var loaded: [ArticleInput]?
    nonisolated(unsafe) private static var stored: SQLiteNewsStore?

    /// A store holding the articles, made once per run in a temporary directory that the next run replaces
    /// (`scripts/bench-search.sh` runs one at a time).
    static func store() async throws -> SQLiteNewsStore {
        if let stored = lock.withLock({ stored }) { return stored }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("toasoan-bench-reindex").path
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try SQLiteNewsStore.open(path: "\(directory)/news.sqlite")
        _ = try await store.importArticles(try articles(), now: Date(), progress: nil)
        lock.withLock { stored = store }
        return store
    }

    static func articles() throws -> [ArticleInput] {
        try lock.withLock {
            if let loaded { return loaded }
            let articles = try Corpus.load(path: BenchData.corpusPath, limit: articleCount)
            loaded = articles
            return articles
        }
    }
}

/// A counter that a benchmark closure (run one iteration at a time) steps through its queries with.
final class Cursor: @unchecked Sendable {
    private var position = 0
    func next(_ count: Int) -> Int {
        defer { position += 1 }
        return position % count
    }
}

let matchesMetric = BenchmarkMetric.custom("matches (total hits)", polarity: .prefersSmaller, useScalingFactor: false)
let articlesPerSecond = BenchmarkMetric.custom("articles per second", polarity: .prefersLarger, useScalingFactor: false)

/// Both indexing benchmarks: a few iterations of several seconds each.
var indexingConfiguration: Benchmark.Configuration {
    Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, articlesPerSecond],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(120),
        maxIterations: 5
    )
}

/// Measures `work` (on `count` articles), and records its rate as `articlesPerSecond`.
func measureArticlesPerSecond(_ benchmark: Benchmark, count: Int, _ work: () async throws -> Void) async throws {
    let clock = ContinuousClock()
    benchmark.startMeasurement()
    let started = clock.now
    try await work()
    let elapsed = clock.now - started
    benchmark.stopMeasurement()
    benchmark.measurement(articlesPerSecond, Int((Double(count) / elapsed.seconds).rounded()))
}

let benchmarks: @Sendable () -> Void = {
    // Each query class has 200 queries, in random order (the generator shuffles them): 20 to warm up, then five
    // passes measured, or as many as 60 s allow when searches are slow (then a random sample of the class).
    let searchConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, matchesMetric],
        timeUnits: .microseconds,
        warmupIterations: 20,
        maxDuration: .seconds(60),
        maxIterations: 1_000
    )
    if BenchData.searchAvailable {
        for name in QuerySets.classNames {
            let cursor = Cursor()
            Benchmark(
                "Search \(name)", configuration: searchConfiguration,
                closure: { benchmark in
                    let fixture = try await SearchFixture.shared()
                    guard let queries = fixture.queries.classes[name], !queries.isEmpty else {
                        throw BenchError("no queries of class \(name) in \(BenchData.queriesPath)")
                    }
                    let query = queries[cursor.next(queries.count)]
                    benchmark.startMeasurement()
                    let results = try await fixture.engine.search(BenchData.request(query))
                    benchmark.stopMeasurement()
                    blackHole(results)
                    benchmark.measurement(matchesMetric, results.totalCount)
                },
                setup: { _ = try await SearchFixture.shared() }
            )
        }
    } else {
        FileHandle.standardError.write(Data(
            "search benchmarks skipped: SQLiteNewsStore does not implement SearchStore yet\n".utf8
        ))
    }

    // Indexing is measured on SQLite only; on PostgreSQL, scripts/bench-backends.sh times `toasoan copy` (which
    // builds the search index of the whole newspaper) and `toasoan reindex`.
    guard BenchData.postgresURL == nil else { return }

    // Indexing: a whole import of 10,000 articles into a new, empty database file (one transaction, as
    // `toasoan import` does), search index included once the store has one.
    Benchmark(
        "Indexing: import 10,000 articles into an empty store",
        configuration: indexingConfiguration,
        closure: { benchmark in
            let articles = try IndexingFixture.articles()
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("toasoan-bench-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            var store: SQLiteNewsStore? = try SQLiteNewsStore.open(path: "\(directory)/news.sqlite")
            try await measureArticlesPerSecond(benchmark, count: articles.count) {
                _ = try await store!.importArticles(articles, now: Date(), progress: nil)
            }
            store = nil
        },
        setup: { _ = try IndexingFixture.articles() }
    )

    // Indexing alone: `toasoan reindex` of 10,000 stored articles (read, tokenized, written, merged into one part).
    Benchmark(
        "Indexing: reindex 10,000 stored articles",
        configuration: indexingConfiguration,
        closure: { benchmark in
            let store = try await IndexingFixture.store()
            try await measureArticlesPerSecond(benchmark, count: IndexingFixture.articleCount) {
                try await store.rebuildSearchIndex { _, _ in }
            }
        },
        setup: { _ = try await IndexingFixture.store() }
    )
}
