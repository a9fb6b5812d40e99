import Foundation
import NewsDomain
import Logging
import NewsStore
import NewsStorePostgres
import NewsStoreSQLite

/// Where the benchmark data lives and how the 100,000-article search database is built once and reused.
///
/// Everything is under `Benchmarks/.data/` (git-ignored), or `TOASOAN_BENCH_DATA`: the corpus and queries written by
/// scripts/generate-corpus.py (`TOASOAN_BENCH_ARTICLES`, default 100000, and `TOASOAN_BENCH_SEED`, default 1, pick
/// the files), and the database built from them with a manifest beside it. The database is rebuilt when it is
/// missing, when the corpus file changed, or when the store's migrations or its search support differ from the code
/// being benchmarked.
public enum BenchData {
    static let environment = ProcessInfo.processInfo.environment

    public static var directory: String {
        if let directory = environment["TOASOAN_BENCH_DATA"], !directory.isEmpty { return directory }
        // This file is Benchmarks/Sources/SearchBenchSupport/BenchData.swift.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".data").path
    }

    public static var articleCount: Int { environment["TOASOAN_BENCH_ARTICLES"].flatMap(Int.init) ?? 100_000 }
    public static var seed: Int { environment["TOASOAN_BENCH_SEED"].flatMap(Int.init) ?? 1 }
    public static var corpusPath: String { "\(directory)/corpus-\(articleCount)-s\(seed).jsonl" }
    public static var queriesPath: String { "\(directory)/queries-\(articleCount)-s\(seed).json" }
    public static var databasePath: String { "\(directory)/search-\(articleCount)-s\(seed).sqlite" }
    static var manifestPath: String { databasePath + ".manifest.json" }

    /// The store as a search engine, or nil while `SQLiteNewsStore` does not implement `SearchStore`.
    public static func searchEngine(_ store: SQLiteNewsStore) -> (any SearchStore)? {
        (store as Any) as? any SearchStore
    }

    /// Whether the store being benchmarked can search.
    public static var searchAvailable: Bool {
        guard let store = try? SQLiteNewsStore.inMemory() else { return false }
        return searchEngine(store) != nil
    }

    /// `TOASOAN_BENCH_DATABASE_URL`: search the PostgreSQL database there instead of the SQLite file. It must hold the
    /// same newspaper, copied from the SQLite file with `toasoan copy` (scripts/bench-backends.sh does both).
    public static var postgresURL: String? {
        environment["TOASOAN_BENCH_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A running store on the PostgreSQL database at `url`, checked to hold as many articles as the SQLite database
    /// it was copied from; its connection pool runs until the process ends.
    public static func openPostgres(url: String) async throws -> any SearchStore {
        let store = PostgresNewsStore(url: try PostgresURL(url), logger: Logger(label: "toasoan-bench"))
        Task.detached { await store.run() }
        guard case .current = try await store.schemaStatus() else {
            throw BenchError("the PostgreSQL schema at \(try PostgresURL(url).redacted) is not current: copy the newspaper again")
        }
        let (sqlite, _) = try await openSearchDatabase()
        let expected = try await sqlite.articleCount()
        let found = try await store.articleCount()
        guard found == expected else {
            throw BenchError("PostgreSQL holds \(found) articles, the SQLite database \(expected): copy the newspaper again")
        }
        return store
    }

    /// What a built database was built from.
    struct Manifest: Codable, Equatable {
        var corpus: String
        var corpusBytes: Int
        var migrations: [String]
        var searchable: Bool
    }

    /// How a build went.
    public struct BuildReport: Sendable {
        public var articles: Int
        public var seconds: Double
        public var databaseBytes: Int
        public var articlesPerSecond: Double { Double(articles) / seconds }
    }

    /// Opens the search database, building it first when needed (or when `rebuild`). Returns the store and, when it
    /// was built now, how the build went.
    public static func openSearchDatabase(
        rebuild: Bool = false, log: (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
    ) async throws -> (SQLiteNewsStore, BuildReport?) {
        let expected = try await expectedManifest()
        let current = FileManager.default.contents(atPath: manifestPath).flatMap {
            try? JSONDecoder().decode(Manifest.self, from: $0)
        }
        if !rebuild, current == expected, FileManager.default.fileExists(atPath: databasePath) {
            return (try SQLiteNewsStore.open(path: databasePath), nil)
        }
        if let current, current != expected {
            log("search database \(databasePath) is stale (built from \(current.corpus), \(current.migrations.count) migrations, search \(current.searchable)); rebuilding")
        }
        let (store, report) = try await build(manifest: expected, log: log)
        return (store, report)
    }

    static func expectedManifest() async throws -> Manifest {
        // Through a symbolic link to the file itself (attributesOfItem does not follow links).
        let attributes = try? FileManager.default.attributesOfItem(atPath: (corpusPath as NSString).resolvingSymlinksInPath)
        guard let size = attributes?[.size] as? Int else {
            throw BenchError("no corpus at \(corpusPath): run scripts/generate-corpus.py --count \(articleCount) --seed \(seed)")
        }
        let fresh = try SQLiteNewsStore.inMemory()
        return Manifest(
            corpus: (corpusPath as NSString).lastPathComponent, corpusBytes: size,
            migrations: try await fresh.appliedMigrations(), searchable: searchEngine(fresh) != nil
        )
    }

    static func removeDatabase(at path: String) {
        for suffix in ["", "-wal", "-shm", ".manifest.json"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func build(manifest: Manifest, log: (String) -> Void) async throws -> (SQLiteNewsStore, BuildReport) {
        removeDatabase(at: databasePath)
        log("loading \(corpusPath)")
        let inputs = try Corpus.load(path: corpusPath)
        log("importing \(inputs.count) articles into \(databasePath) in batches of 5,000")
        let store = try SQLiteNewsStore.open(path: databasePath)
        let clock = ContinuousClock()
        var total = Duration.zero
        for start in stride(from: 0, to: inputs.count, by: 5_000) {
            let batch = Array(inputs[start..<min(start + 5_000, inputs.count)])
            let elapsed = try await clock.measure {
                _ = try await store.importArticles(batch, now: Date(), progress: nil)
            }
            total += elapsed
            log(String(
                format: "  %6d articles: this batch %.0f articles/s, so far %.0f articles/s",
                start + batch.count, Double(batch.count) / elapsed.seconds, Double(start + batch.count) / total.seconds
            ))
        }
        // As `toasoan import` ends a large import: the index merged into one part.
        let merging = try await clock.measure { try await store.optimizeSearchIndex() }
        log(String(format: "  merged the search index in %.1f s", merging.seconds))
        try JSONEncoder().encode(manifest).write(to: URL(fileURLWithPath: manifestPath))
        let report = BuildReport(articles: inputs.count, seconds: total.seconds, databaseBytes: databaseBytes())
        return (store, report)
    }

    /// The size of the database with its WAL.
    public static func databaseBytes(path: String = databasePath) -> Int {
        ["", "-wal"].reduce(0) { sum, suffix in
            sum + ((try? FileManager.default.attributesOfItem(atPath: path + suffix))?[.size] as? Int ?? 0)
        }
    }

    /// A reader's search for `query`: the first page of 10, published articles.
    public static func request(_ query: String) -> SearchRequest {
        SearchRequest(query: query, scope: .published(now: Date()))
    }
}

extension Duration {
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
