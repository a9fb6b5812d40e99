import Foundation
import NewsStore
import NewsTestSupport
import Synchronization
import Testing

@testable import NewsStorePostgres

/// The store's announcements of committed changes (`LISTEN`/`NOTIFY`), which other nodes follow.
@Suite(.tags(.postgres), .timeLimit(.minutes(2))) struct PostgresChangeSignalTests {
    @Test("a subscriber hears a change committed by another store, and a cancelled subscription ends quietly")
    func announcementReachesAnotherStore() async throws {
        try await TestDatabase.withSchema { url in
            try await PostgresNewsStore.withStore(url: url, logger: TestDatabase.logger) { listener in
                try await PostgresNewsStore.withStore(url: url, logger: TestDatabase.logger) { writer in
                    let (events, event) = AsyncStream<String>.makeStream()
                    let subscription = Task {
                        try await listener.followChanges(listening: { event.yield("listening") }, changed: { event.yield("changed") })
                    }
                    var iterator = events.makeAsyncIterator()
                    #expect(await iterator.next() == "listening")
                    try await writer.write { session in
                        try await session.execute("SELECT pg_notify(\(PostgresNewsStore.changeChannel), '1')")
                    }
                    #expect(await iterator.next() == "changed")
                    subscription.cancel()
                    // Cancellation is the normal end: no error.
                    try await subscription.value
                }
            }
        }
    }
}
