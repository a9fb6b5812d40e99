import Foundation

/// Identifies a newsroom account.
public typealias UserID = EntityID<User>

/// A person who works in the newsroom: an account with roles. Distinct from bylines (`Author`).
public struct User: Hashable, Sendable {
    /// Storage identifier.
    public var id: UserID
    /// Login e-mail, stored lowercased.
    public var email: String
    /// Display name, e.g. "Nguyễn Thu Hà".
    public var name: String
    /// Roles held; a person may hold several.
    public var roles: Set<Role>
    /// For a section editor: the sections they are limited to (nil: all sections).
    public var sectionLimits: Set<SectionID>?
    /// A disabled account cannot log in and its sessions and tokens are revoked.
    public var isDisabled: Bool
    /// Whether the account has two-factor authentication (TOTP) set up.
    public var hasTwoFactor: Bool
    /// When the account was made.
    public var createdAt: Date

    /// Creates a user value.
    public init(
        id: UserID, email: String, name: String, roles: Set<Role>, sectionLimits: Set<SectionID>? = nil,
        isDisabled: Bool = false, hasTwoFactor: Bool = false, createdAt: Date
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.roles = roles
        self.sectionLimits = sectionLimits
        self.isDisabled = isDisabled
        self.hasTwoFactor = hasTwoFactor
        self.createdAt = createdAt
    }
}

/// One line of the audit log: who did what, when, to which article, from which state, with which note.
public struct AuditEntry: Hashable, Sendable {
    /// What happened, as a stable dotted name: `login.success`, `login.failure`, `user.add`, `article.save`,
    /// `article.approve`, `lock.takeover`, `settings.save`, …
    public var action: String
    /// When it happened.
    public var at: Date
    /// The account that acted (nil for failed logins of unknown accounts and for the system itself, e.g. the scheduler).
    public var userID: UserID?
    /// The name shown for the actor at the time (kept even if the account is renamed).
    public var actorName: String
    /// The article concerned, if any.
    public var articleID: ArticleID?
    /// State before, for transitions.
    public var fromState: String?
    /// State after, for transitions.
    public var toState: String?
    /// The note given (return reason, correction text…).
    public var note: String?
    /// The client address, for logins.
    public var address: String?

    /// Creates an entry.
    public init(
        action: String, at: Date, userID: UserID?, actorName: String, articleID: ArticleID? = nil, fromState: String? = nil,
        toState: String? = nil, note: String? = nil, address: String? = nil
    ) {
        self.action = action
        self.at = at
        self.userID = userID
        self.actorName = actorName
        self.articleID = articleID
        self.fromState = fromState
        self.toState = toState
        self.note = note
        self.address = address
    }
}
