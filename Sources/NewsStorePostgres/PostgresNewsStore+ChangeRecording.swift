import Foundation
import NewsStore
import PostgresNIO

extension PostgresNewsStore {
    /// The `LISTEN`/`NOTIFY` channel on which every committed change-log entry is announced, its payload the entry's
    /// sequence number as text: other nodes listen on it to read the log at once instead of waiting for their poll.
    public static let changeChannel = "toasoan_changes"

    /// Appends to the change log in the same transaction as the change, so that followers never miss a committed
    /// change, and announces it on `changeChannel` (PostgreSQL delivers the notification at commit, not before).
    ///
    /// Call it last in the transaction, after every other statement (several entries may follow each other): a
    /// follower reads the entries after the last sequence number it has seen, so an entry must never commit after
    /// one with a higher number. Sequence numbers are drawn at insert time, so the lock, taken just before and held
    /// until commit, makes the writers that have drawn one commit in their order, while the work before it still
    /// runs side by side.
    static func recordChange(_ session: PostgresSession, _ dependencies: Set<ContentDependency>, now: Date) async throws {
        guard !dependencies.isEmpty else { return }
        let tokens = dependencies.map(\.token).sorted().joined(separator: " ")
        try await AdvisoryLock.changeLog.take(session)
        let rows = try await session.rows("""
            INSERT INTO content_changes (changed_at, dependencies) VALUES (\(now.storageValue), \(tokens)) RETURNING seq
            """)
        guard let sequence = try rows.first?.decode(Int64.self) else {
            throw StorageError.unavailable("the change log did not return the new entry's sequence number")
        }
        try await session.execute("SELECT pg_notify(\(changeChannel), \(String(sequence)))")
    }
}
