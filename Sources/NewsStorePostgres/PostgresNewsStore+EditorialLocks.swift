import Foundation
import NewsDomain
import NewsStore
import PostgresNIO

/// Edit locks. Taking or renewing one first locks the article's row (`requireState`), so two editors asking at the
/// same moment on two nodes are served one after the other, and exactly one gets it.
extension PostgresNewsStore {
    public func acquireLock(id: ArticleID, user: User, now: Date, duration: TimeInterval) async throws -> LockOutcome {
        try await write { session in
            _ = try await Self.requireState(session, id: id)
            let held = try await Self.activeLock(session, articleID: id, now: now)
            if let held, held.userID != user.id { return .heldBy(held) }
            // Renewing keeps the time the holder first took it.
            let lock = ArticleLock(
                articleID: id, userID: user.id, userName: user.name, acquiredAt: held?.acquiredAt ?? now,
                expiresAt: now.addingTimeInterval(duration)
            )
            try await Self.storeLock(session, lock)
            return .acquired(lock)
        }
    }

    public func takeOverLock(id: ArticleID, user: User, now: Date, duration: TimeInterval) async throws -> ArticleLock {
        try await write { session in
            let state = try await Self.requireState(session, id: id)
            guard ArticleLock.mayTakeOver(user.editorialActor, sectionID: SectionID(state.sectionID)) else {
                throw WorkflowDenial.takeOverNotPermitted
            }
            let previous = try await Self.activeLock(session, articleID: id, now: now)
            let lock = ArticleLock(
                articleID: id, userID: user.id, userName: user.name,
                acquiredAt: previous?.userID == user.id ? previous?.acquiredAt ?? now : now,
                expiresAt: now.addingTimeInterval(duration)
            )
            try await Self.storeLock(session, lock)
            if let previous, previous.userID != user.id {
                try await Self.insert(
                    AuditEntry(
                        action: "lock.takeover", at: now, userID: user.id, actorName: user.name, articleID: id,
                        fromState: state.state.description, toState: state.state.description,
                        note: "Giành quyền sửa từ \(previous.userName)"
                    ),
                    session
                )
            }
            return lock
        }
    }

    public func releaseLock(id: ArticleID, userID: UserID) async throws {
        try await write { session in
            try await session.execute(
                "DELETE FROM article_locks WHERE article_id = \(id.rawValue) AND user_id = \(userID.rawValue)"
            )
        }
    }

    // MARK: - Queries

    private static func storeLock(_ session: PostgresSession, _ lock: ArticleLock) async throws {
        try await session.execute("""
            INSERT INTO article_locks (article_id, user_id, acquired_at, expires_at)
            VALUES (\(lock.articleID.rawValue), \(lock.userID.rawValue), \(lock.acquiredAt.storageValue), \(lock.expiresAt.storageValue))
            ON CONFLICT (article_id) DO UPDATE SET user_id = excluded.user_id, acquired_at = excluded.acquired_at,
                expires_at = excluded.expires_at
            """)
    }

    /// The lock on an article that has not expired at `now`.
    static func activeLock(_ session: PostgresSession, articleID: ArticleID, now: Date) async throws -> ArticleLock? {
        try await session.rows("""
            SELECT l.user_id, u.name, l.acquired_at, l.expires_at FROM article_locks l JOIN users u ON u.id = l.user_id
            WHERE l.article_id = \(articleID.rawValue) AND l.expires_at > \(now.storageValue)
            """).first.map { row in
            let (userID, name, acquiredAt, expiresAt) = try row.decode((Int64, String, Double, Double).self)
            return ArticleLock(
                articleID: articleID, userID: UserID(userID), userName: name, acquiredAt: Date(storageValue: acquiredAt),
                expiresAt: Date(storageValue: expiresAt)
            )
        }
    }
}
