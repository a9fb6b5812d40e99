import Foundation
import NewsDomain
import NewsStore
import NewsStoreSQLite
import SearchBenchSupport

// Helper for the search benchmarks (see scripts/bench-search.sh):
//   search-bench-data build [--rebuild]     build (or reuse) Benchmarks/.data/search-*.sqlite and say how long it took
//   search-bench-data import [N]            import the first N (10000) corpus articles into an empty store, timed once
//   search-bench-data stats                 every query of every class once: hits, zero-hit queries, rough latency
//   search-bench-data profile CLASS [N [K]] run the (first K) queries of CLASS ("4-syllable, without diacritics") N
//                                           times, for perf record / valgrind; CLASS "all" runs every class
//   search-bench-data rebuild-index         rebuild the cached database's search index in place, timed
//   search-bench-data slowest CLASS [K]     the K slowest queries of CLASS (median of 5 runs each), with their hits

/// Prints unbuffered, so that progress shows when the output is a file or a pipe.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("search-bench-data: \(message)\n".utf8))
    exit(1)
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p / 100).rounded(.up)) - 1)]
}

func engine() async throws -> any SearchStore {
    let (store, report) = try await BenchData.openSearchDatabase()
    if let report { printBuild(report) }
    guard let engine = BenchData.searchEngine(store) else { fail("SQLiteNewsStore does not implement SearchStore yet") }
    return engine
}

func printBuild(_ report: BenchData.BuildReport) {
    say(String(
        format: "built %@: %d articles in %.1f s (%.0f articles/s), %.0f MB",
        BenchData.databasePath, report.articles, report.seconds, report.articlesPerSecond,
        Double(report.databaseBytes) / 1e6
    ))
}

func classes(_ name: String, _ queries: QuerySets) -> [String] {
    if name == "all" { return QuerySets.classNames }
    guard queries.classes[name] != nil else {
        fail("no class \"\(name)\"; classes: \(QuerySets.classNames.map { "\"\($0)\"" }.joined(separator: ", "))")
    }
    return [name]
}

let arguments = Array(CommandLine.arguments.dropFirst())
let clock = ContinuousClock()
do {
    switch arguments.first {
    case "build":
        let (_, report) = try await BenchData.openSearchDatabase(rebuild: arguments.contains("--rebuild"))
        if let report {
            printBuild(report)
        } else {
            say("reusing \(BenchData.databasePath) (\(BenchData.databaseBytes() / 1_000_000) MB)")
        }
        say("search: \(BenchData.searchAvailable ? "available" : "not implemented yet")")

    case "import":
        let count = arguments.dropFirst().first.flatMap(Int.init) ?? 10_000
        let articles = try Corpus.load(path: BenchData.corpusPath, limit: count)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("toasoan-import-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteNewsStore.open(path: "\(directory)/news.sqlite")
        let elapsed = try await clock.measure { _ = try await store.importArticles(articles, now: Date(), progress: nil) }
        say(String(
            format: "imported %d articles in %.2f s: %.0f articles/s, database %.0f MB", articles.count, elapsed.seconds,
            Double(articles.count) / elapsed.seconds, Double(BenchData.databaseBytes(path: "\(directory)/news.sqlite")) / 1e6
        ))

    case "stats":
        let search = try await engine()
        let queries = try QuerySets.load(path: BenchData.queriesPath)
        say("class                             queries  zero-hit  hits p50  hits p99  hits max   ms p50   ms p99   ms max")
        for name in QuerySets.classNames {
            let list = queries.classes[name] ?? []
            var hits: [Double] = []
            var times: [Double] = []
            for query in list {
                var total = 0
                let elapsed = try await clock.measure { total = try await search.search(BenchData.request(query)).totalCount }
                hits.append(Double(total))
                times.append(elapsed.seconds * 1000)
            }
            hits.sort()
            times.sort()
            say(String(
                format: "%-33@ %7d  %8d  %8.0f  %8.0f  %8.0f  %7.2f  %7.2f  %7.2f", name as NSString, list.count,
                hits.filter { $0 == 0 }.count, percentile(hits, 50), percentile(hits, 99), hits.last ?? 0,
                percentile(times, 50), percentile(times, 99), times.last ?? 0
            ))
        }

    case "profile":
        guard arguments.count >= 2 else { fail("usage: search-bench-data profile CLASS [N [K]]") }
        let search = try await engine()
        let queries = try QuerySets.load(path: BenchData.queriesPath)
        let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 10 : 10
        let limit = arguments.count > 3 ? Int(arguments[3]) ?? Int.max : Int.max
        for name in classes(arguments[1], queries) {
            let list = Array((queries.classes[name] ?? []).prefix(limit))
            let elapsed = try await clock.measure {
                for _ in 0..<repeats {
                    for query in list { _ = try await search.search(BenchData.request(query)) }
                }
            }
            say(String(
                format: "%@: %d searches in %.2f s, mean %.3f ms", name, repeats * list.count, elapsed.seconds,
                elapsed.seconds * 1000 / Double(repeats * list.count)
            ))
        }

    case "rebuild-index":
        // Rebuilds the search index of the cached database in place (what `toasoan` does after an upgrade); the
        // index is then merged into one segment, unlike the one an import grows.
        let (store, _) = try await BenchData.openSearchDatabase()
        guard let search = BenchData.searchEngine(store) else { fail("SQLiteNewsStore does not implement SearchStore yet") }
        let elapsed = try await clock.measure { try await search.rebuildSearchIndex { _, _ in } }
        say(String(format: "rebuilt the search index in %.1f s, %.0f MB", elapsed.seconds, Double(BenchData.databaseBytes()) / 1e6))

    case "slowest":
        guard arguments.count >= 2 else { fail("usage: search-bench-data slowest CLASS [K]") }
        let search = try await engine()
        let queries = try QuerySets.load(path: BenchData.queriesPath)
        let k = arguments.count > 2 ? Int(arguments[2]) ?? 10 : 10
        for name in classes(arguments[1], queries) {
            var rows: [(query: String, ms: Double, hits: Int)] = []
            for query in queries.classes[name] ?? [] {
                var runs: [Double] = []
                var hits = 0
                for _ in 0..<5 {
                    let elapsed = try await clock.measure { hits = try await search.search(BenchData.request(query)).totalCount }
                    runs.append(elapsed.seconds * 1000)
                }
                rows.append((query, runs.sorted()[2], hits))
            }
            say("\(name): slowest \(k)")
            for row in rows.sorted(by: { $0.ms > $1.ms }).prefix(k) {
                say(String(format: "  %8.2f ms  %7d hits  %@", row.ms, row.hits, row.query))
            }
        }

    default:
        fail("usage: search-bench-data build [--rebuild] | import [N] | stats | profile CLASS [N [K]] | rebuild-index | slowest CLASS [K]")
    }
} catch {
    fail("\(error)")
}
