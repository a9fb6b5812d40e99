import Foundation
import GRDB
import NewsDomain
import NewsStore

extension SQLiteNewsStore {
    public func acquireLock(id: ArticleID, user: User, now: Date, duration: TimeInterval) async throws -> LockOutcome {
        try await write { db in
            _ = try Self.requireState(db, id: id)
            let held = try Self.activeLock(db, articleID: id, now: now)
            if let held, held.userID != user.id { return .heldBy(held) }
            // Renewing keeps the time the holder first took it.
            let lock = ArticleLock(
                articleID: id, userID: user.id, userName: user.name, acquiredAt: held?.acquiredAt ?? now,
                expiresAt: now.addingTimeInterval(duration)
            )
            try Self.storeLock(db, lock)
            return .acquired(lock)
        }
    }

    public func takeOverLock(id: ArticleID, user: User, now: Date, duration: TimeInterval) async throws -> ArticleLock {
        try await write { db in
            let state = try Self.requireState(db, id: id)
            guard ArticleLock.mayTakeOver(user.editorialActor, sectionID: SectionID(state.sectionID)) else {
                throw WorkflowDenial.takeOverNotPermitted
            }
            let previous = try Self.activeLock(db, articleID: id, now: now)
            let lock = ArticleLock(
                articleID: id, userID: user.id, userName: user.name,
                acquiredAt: previous?.userID == user.id ? previous?.acquiredAt ?? now : now,
                expiresAt: now.addingTimeInterval(duration)
            )
            try Self.storeLock(db, lock)
            if let previous, previous.userID != user.id {
                try Self.insert(
                    AuditEntry(
                        action: "lock.takeover", at: now, userID: user.id, actorName: user.name, articleID: id,
                        fromState: state.state.description, toState: state.state.description,
                        note: "Giành quyền sửa từ \(previous.userName)"
                    ),
                    db
                )
            }
            return lock
        }
    }

    public func releaseLock(id: ArticleID, userID: UserID) async throws {
        try await write { db in
            try db.execute(
                sql: "DELETE FROM article_locks WHERE article_id = ? AND user_id = ?", arguments: [id.rawValue, userID.rawValue]
            )
        }
    }

    // MARK: - Queries

    private static func storeLock(_ db: Database, _ lock: ArticleLock) throws {
        try db.execute(
            sql: """
                INSERT INTO article_locks (article_id, user_id, acquired_at, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(article_id) DO UPDATE SET user_id = excluded.user_id, acquired_at = excluded.acquired_at,
                    expires_at = excluded.expires_at
                """,
            arguments: [
                lock.articleID.rawValue, lock.userID.rawValue, lock.acquiredAt.storageValue, lock.expiresAt.storageValue,
            ]
        )
    }

    /// The lock on an article that has not expired at `now`.
    static func activeLock(_ db: Database, articleID: ArticleID, now: Date) throws -> ArticleLock? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT l.user_id, u.name, l.acquired_at, l.expires_at FROM article_locks l JOIN users u ON u.id = l.user_id
                WHERE l.article_id = ? AND l.expires_at > ?
                """,
            arguments: [articleID.rawValue, now.storageValue]
        ).map { row in
            ArticleLock(
                articleID: articleID, userID: UserID(row[0] as Int64), userName: row[1], acquiredAt: Date(storageValue: row[2]),
                expiresAt: Date(storageValue: row[3])
            )
        }
    }
}
