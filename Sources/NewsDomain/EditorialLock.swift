import Foundation

/// Who has an article open for editing, so that others see "đang được sửa bởi …" instead of overwriting each other.
///
/// The lock is advisory: what protects a save is its base version (a stale save is refused whoever holds the lock).
public struct ArticleLock: Hashable, Sendable {
    /// How long a lock lasts unless it is renewed (the editor page renews it while it is open).
    public static let defaultDuration: TimeInterval = 120

    /// The article held.
    public var articleID: ArticleID
    /// The account holding it.
    public var userID: UserID
    /// That account's display name.
    public var userName: String
    /// When the holder first took it (renewals keep this time).
    public var acquiredAt: Date
    /// When it lapses unless renewed.
    public var expiresAt: Date

    /// Creates a lock value.
    public init(articleID: ArticleID, userID: UserID, userName: String, acquiredAt: Date, expiresAt: Date) {
        self.articleID = articleID
        self.userID = userID
        self.userName = userName
        self.acquiredAt = acquiredAt
        self.expiresAt = expiresAt
    }

    /// Whether the lock still holds at `now`.
    public func isActive(at now: Date) -> Bool { expiresAt > now }

    /// The notice others see, e.g. "Đang được sửa bởi Nguyễn Thu Hà".
    public var notice: String { "Đang được sửa bởi \(userName)" }

    /// Whether `actor` may take the lock over from its holder: an editor (biên tập viên or higher) whose roles cover
    /// the article's section. Reporters and administrators may not; they wait or ask.
    public static func mayTakeOver(_ actor: WorkflowActor, sectionID: SectionID) -> Bool {
        actor.roles.contains { role in
            guard let rank = role.editorialRank, rank >= 1 else { return false }
            guard role == .sectionEditor, let limits = actor.sectionLimits else { return true }
            return limits.contains(sectionID)
        }
    }
}

extension WorkflowActor {
    /// Whether the actor may write articles at all: only holders of an editorial role (reporter or above) may.
    public var mayWriteArticles: Bool { roles.contains { $0.editorialRank != nil } }
}

extension User {
    /// This account as the workflow sees it: id, roles and section limits.
    public var editorialActor: WorkflowActor {
        WorkflowActor(userID: id.rawValue, roles: roles, sectionLimits: sectionLimits)
    }
}
