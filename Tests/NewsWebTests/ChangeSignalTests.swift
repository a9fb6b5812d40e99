import Foundation
import NewsStore
import NewsWeb
import Synchronization
import Testing

@Suite("The change follower wakes on the store's announcements")
struct ChangeSignalTests {
    /// A change log that only counts how often it is read.
    final class CountingLog: ContentChangeLog {
        let reads = Mutex(0)
        func latestChangeSequence() async throws -> Int64 { 0 }
        func changes(after sequence: Int64, limit: Int) async throws -> [ContentChange] {
            reads.withLock { $0 += 1 }
            return []
        }
        var count: Int { reads.withLock { $0 } }
    }

    /// A signal the test drives: it can announce, and it loses its first `failures` subscriptions.
    final class ManualSignal: ContentChangeSignal {
        private let state: Mutex<(subscriptions: Int, failures: Int, announce: (@Sendable () -> Void)?)>
        init(failures: Int = 0) { state = Mutex((0, failures, nil)) }

        var subscriptions: Int { state.withLock { $0.subscriptions } }

        func followChanges(listening: @Sendable () async -> Void, changed: @Sendable () async -> Void) async throws {
            let (announcements, announce) = AsyncStream<Void>.makeStream()
            let fail = state.withLock { state in
                state.subscriptions += 1
                guard state.failures == 0 else {
                    state.failures -= 1
                    return true
                }
                state.announce = { announce.yield() }
                return false
            }
            if fail { throw StorageError.unavailable("the test dropped the subscription") }
            await listening()
            for await _ in announcements { await changed() }
        }

        /// Announces one change to the current subscriber; false when there is none yet.
        func announce() -> Bool {
            guard let announce = state.withLock({ $0.announce }) else { return false }
            announce()
            return true
        }
    }

    /// Waits (at most 5 s) until `condition` holds; a liveness check, not a timing measurement.
    func eventually(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<500 {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    @Test("an announcement makes the follower read the log at once, long before its next poll")
    func wakesOnAnnouncement() async throws {
        let log = CountingLog()
        let signal = ManualSignal()
        let follower = ContentChangeFollower(log: log, cache: PageCache(), after: 0)
        let running = Task { await follower.run(every: .seconds(3600), signal: signal) }
        defer { running.cancel() }
        // With a one-hour interval, only the first poll comes from the timer: every later one needs the signal.
        #expect(try await eventually { log.count >= 1 })
        #expect(try await eventually { signal.announce() && log.count >= 3 })
        running.cancel()
        await running.value
    }

    @Test("a lost subscription is reported and taken up again")
    func resubscribes() async throws {
        let log = CountingLog()
        let signal = ManualSignal(failures: 2)
        let errors = Mutex(0)
        let follower = ContentChangeFollower(log: log, cache: PageCache(), after: 0)
        let running = Task {
            await follower.run(every: .seconds(3600), signal: signal, resubscribeAfter: .milliseconds(10)) { _ in
                errors.withLock { $0 += 1 }
            }
        }
        defer { running.cancel() }
        #expect(try await eventually { signal.subscriptions == 3 && signal.announce() && log.count >= 3 })
        #expect(errors.withLock { $0 } == 2)
        #expect(signal.subscriptions == 3)
    }

    @Test("without a signal the follower polls on its interval")
    func pollsWithoutSignal() async throws {
        let log = CountingLog()
        let follower = ContentChangeFollower(log: log, cache: PageCache(), after: 0)
        let running = Task { await follower.run(every: .milliseconds(10)) }
        defer { running.cancel() }
        #expect(try await eventually { log.count >= 3 })
    }
}
