import Foundation
import NewsStore
import NewsTestSupport
import Testing

@testable import NewsStorePostgres

/// A store whose server cannot be reached answers `StorageError.unavailable` within its deadline, never after the
/// pool's 60 s, and says where it tried without the password. No server needed: nothing listens on port 1.
@Suite(.timeLimit(.minutes(2))) struct PostgresOutageTests {
    static let secret = "n0-such-Secret"
    static let nowhere = "postgres://toasoan:\(secret)@127.0.0.1:1/toasoan_test?sslmode=disable"

    /// Every kind of operation, as a closure on a store.
    static let operations: [(name: String, run: @Sendable (PostgresNewsStore) async throws -> Void)] = [
        ("read", { store in _ = try await store.read { try await $0.rows("SELECT 1") } }),
        ("write", { store in _ = try await store.write { try await $0.execute("SELECT 1") } }),
        ("migrate", { store in try await store.migrate() }),
        ("schemaStatus", { store in _ = try await store.schemaStatus() }),
    ]

    @Test func everyOperationGivesUpWithinTheDeadline() async throws {
        let url = try PostgresURL(Self.nowhere)
        let logger = TestDatabase.logger
        try await PostgresNewsStore.withStore(url: url, deadline: .milliseconds(800), logger: logger) { store in
            for operation in Self.operations {
                let clock = ContinuousClock()
                let start = clock.now
                let error = await #expect(throws: StorageError.self, "\(operation.name)") {
                    try await operation.run(store)
                }
                let elapsed = start.duration(to: clock.now)
                // Far below the pool's own 60 s, with room for a loaded CI machine (this asserts the give-up, not a
                // speed).
                #expect(elapsed < .seconds(10), "\(operation.name) took \(elapsed)")
                guard case .unavailable(let message) = error else {
                    Issue.record("\(operation.name): expected unavailable, got \(String(describing: error))")
                    continue
                }
                #expect(message == "no connection to PostgreSQL at 127.0.0.1:1 within 0.8 s (the log says why)")
            }
        }
    }

    @Test func checkConnectionNamesTheRefusalButNotThePassword() async throws {
        let url = try PostgresURL(Self.nowhere)
        try await PostgresNewsStore.withStore(url: url, deadline: .seconds(2), logger: TestDatabase.logger) { store in
            let error = await #expect(throws: StorageError.self) { try await store.checkConnection() }
            guard case .unavailable(let message) = error else {
                Issue.record("expected unavailable, got \(String(describing: error))")
                return
            }
            #expect(message.hasPrefix("cannot connect to postgres://toasoan:***@127.0.0.1:1/toasoan_test"), "\(message)")
            #expect(message.lowercased().contains("refused"), "\(message)")
            #expect(!message.contains(Self.secret))
        }
    }

    @Test func aStoreThatIsNotRunningSaysSoWithinTheDeadline() async throws {
        let url = try PostgresURL(Self.nowhere)
        let store = PostgresNewsStore(url: url, deadline: .milliseconds(300), logger: TestDatabase.logger)
        let error = await #expect(throws: StorageError.self) { try await store.read { try await $0.rows("SELECT 1") } }
        #expect(error == .unavailable("no connection to PostgreSQL at 127.0.0.1:1 within 0.3 s (the log says why)"))
    }
}
