// swift-tools-version: 6.1
// Benchmarks of Tòa Soạn, kept out of the main package so that its build and CI do not pay for them.
// Run them with scripts/bench-search.sh (or `swift package benchmark` in this folder).
import PackageDescription

let package = Package(
    name: "toasoan-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The root package (its ToasoanKit product: NewsDomain, NewsText, NewsStore and both stores).
        .package(name: "toasoan", path: ".."),
        // Only the malloc interposer trait: the default RuntimeInterposer trait would pull in swift-runtime-interposer.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        // The PostgreSQL store takes a Logger.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Corpus and query loading, the cached 100,000-article search database, and its copy in PostgreSQL.
        .target(
            name: "SearchBenchSupport",
            dependencies: [.product(name: "ToasoanKit", package: "toasoan"), .product(name: "Logging", package: "swift-log")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        // `search-bench-data build|stats|profile`: builds the database, shows match counts, runs queries for a profiler.
        .executableTarget(
            name: "search-bench-data",
            dependencies: ["SearchBenchSupport", .product(name: "ToasoanKit", package: "toasoan")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        // The benchmark plugin looks for benchmark sources in Benchmarks/<target> under this package.
        .executableTarget(
            name: "SearchBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ToasoanKit", package: "toasoan"),
                "SearchBenchSupport",
            ],
            path: "Benchmarks/SearchBenchmarks",
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
