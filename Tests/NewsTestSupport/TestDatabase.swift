import Foundation
import Logging
import PostgresNIO
import Testing

@testable import NewsStorePostgres

extension Testing.Tag {
    /// Tests that need a PostgreSQL server (`TOASOAN_TEST_DATABASE_URL`).
    @Tag public static var postgres: Self
}

/// The PostgreSQL server the tests use, and a private schema for each test.
public enum TestDatabase {
    /// The environment variable naming the test server, e.g.
    /// `postgres://toasoan:toasoan@127.0.0.1:5432/toasoan_test`.
    public static let variable = "TOASOAN_TEST_DATABASE_URL"

    /// A logger that keeps the pool quiet: tests that break connections on purpose would flood the output.
    public static let logger = Logger(label: "toasoan.postgres.test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The test server's URL as given, or nil when the test must stop here: without the variable a developer's run
    /// skips with a note, while a CI run (`CI` set) records a failure, since CI must exercise PostgreSQL.
    public static func text(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let environment = ProcessInfo.processInfo.environment
        guard let text = environment[variable], !text.isEmpty else {
            if let ci = environment["CI"], !ci.isEmpty {
                Issue.record("\(variable) is not set: CI must run the PostgreSQL tests", sourceLocation: sourceLocation)
            } else {
                print("note: \(variable) is not set; skipping a PostgreSQL test")
            }
            return nil
        }
        return text
    }

    /// The test server's URL, read; nil when the test must stop here (see `text`).
    public static func url(sourceLocation: SourceLocation = #_sourceLocation) -> PostgresURL? {
        guard let text = text(sourceLocation: sourceLocation) else { return nil }
        do {
            return try PostgresURL(text)
        } catch {
            Issue.record("\(variable) cannot be used: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// How many test schemas may be in use at once.
    public static let schemaSlots = 6
    /// The pool size of a test's store: enough for the concurrency tests, small enough for `schemaSlots` tests at once.
    public static let storeConnections = 4
    private static let slots = Slots(schemaSlots)

    /// Runs `body` with the URL of a new, empty schema `t_<random>` (the URL's search path), then drops the schema
    /// and everything in it, whether `body` succeeded or not. Does nothing when there is no test server.
    ///
    /// At most `schemaSlots` schemas are in use at once; other tests wait for a slot. Each test opens a few stores with
    /// a pool each, and a parallel run of every suite would otherwise pass PostgreSQL's `max_connections` (100).
    public static func withSchema(
        sourceLocation: SourceLocation = #_sourceLocation, _ body: (PostgresURL) async throws -> Void
    ) async throws {
        guard let server = url(sourceLocation: sourceLocation) else { return }
        try await slots.acquire()
        defer { Task { await slots.release() } }
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await PostgresNewsStore.withStore(url: server, maximumConnections: 1, logger: logger) { admin in
            try await admin.write { try await $0.execute("CREATE SCHEMA \(unescaped: schema)") }
            do {
                try await body(server.settingSearchPath(schema))
            } catch {
                _ = try? await admin.write { try await $0.execute("DROP SCHEMA \(unescaped: schema) CASCADE") }
                throw error
            }
            try await admin.write { try await $0.execute("DROP SCHEMA \(unescaped: schema) CASCADE") }
        }
    }

    /// Runs `body` with a running store on a new, empty schema (see `withSchema`), migrated first when `migrated`.
    public static func withStore(
        deadline: Duration = PostgresNewsStore.defaultDeadline, migrated: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation, _ body: (PostgresNewsStore) async throws -> Void
    ) async throws {
        try await withSchema(sourceLocation: sourceLocation) { url in
            try await PostgresNewsStore.withStore(
                url: url, deadline: deadline, maximumConnections: storeConnections, logger: logger
            ) { store in
                if migrated { try await store.migrate() }
                try await body(store)
            }
        }
    }
}

/// A counting semaphore for async code: `acquire` waits while every slot is taken.
actor Slots {
    private var free: Int
    private var waiting: [(id: UUID, continuation: CheckedContinuation<Void, any Error>)] = []

    /// `count` slots, all free.
    init(_ count: Int) { free = count }

    /// Takes a slot, waiting for one when none is free; throws `CancellationError` when the waiting task is
    /// cancelled (a test past its time limit), so that a stuck test can never leave the others waiting forever.
    func acquire() async throws {
        if free > 0 {
            free -= 1
            return
        }
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiting.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.cancel(id) }
        }
    }

    /// Gives a slot back, to the longest-waiting caller if there is one.
    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().continuation.resume()
        }
    }

    /// Stops a cancelled caller's wait.
    private func cancel(_ id: UUID) {
        guard let index = waiting.firstIndex(where: { $0.id == id }) else { return }
        waiting.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
