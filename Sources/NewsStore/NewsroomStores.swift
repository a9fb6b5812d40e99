import Foundation
import NewsDomain

/// What a new account is made of.
public struct NewUser: Sendable, Hashable {
    /// Login e-mail (compared case-insensitively; stored lowercased).
    public var email: String
    /// Display name.
    public var name: String
    /// Roles.
    public var roles: Set<Role>
    /// Section limits for a section editor (nil: all sections).
    public var sectionLimits: Set<SectionID>?
    /// bcrypt hash of the password; the password itself never reaches storage.
    public var passwordHash: String

    /// Creates the description of an account.
    public init(email: String, name: String, roles: Set<Role>, sectionLimits: Set<SectionID>? = nil, passwordHash: String) {
        self.email = email
        self.name = name
        self.roles = roles
        self.sectionLimits = sectionLimits
        self.passwordHash = passwordHash
    }
}

/// An account with what is needed to check a login.
public struct UserCredentials: Sendable, Hashable {
    /// The account.
    public var user: User
    /// Its bcrypt password hash.
    public var passwordHash: String
    /// Its TOTP secret in base32, when two-factor authentication is set up.
    public var totpSecret: String?
    /// The last TOTP time step accepted, so a code cannot be used twice.
    public var lastTOTPStep: Int64?

    /// Creates credentials.
    public init(user: User, passwordHash: String, totpSecret: String?, lastTOTPStep: Int64?) {
        self.user = user
        self.passwordHash = passwordHash
        self.totpSecret = totpSecret
        self.lastTOTPStep = lastTOTPStep
    }
}

/// Newsroom accounts.
public protocol UserStore: Sendable {
    /// Creates an account; `StorageError.conflict` when the e-mail is taken.
    func createUser(_ user: NewUser, now: Date) async throws -> User
    /// Every account, by name.
    func users() async throws -> [User]
    /// An account by id.
    func user(id: UserID) async throws -> User?
    /// The account with this e-mail (case-insensitive) and its secrets, for logging in.
    func credentials(email: String) async throws -> UserCredentials?
    /// Replaces an account's name, roles and section limits; `StorageError.notFound` when there is no such account.
    func updateUser(id: UserID, name: String, roles: Set<Role>, sectionLimits: Set<SectionID>?) async throws -> User
    /// Disables or re-enables an account; disabling revokes every session and token it has.
    func setDisabled(_ disabled: Bool, userID: UserID) async throws
    /// Replaces the password hash and revokes every session and token of the account.
    func setPasswordHash(_ hash: String, userID: UserID) async throws
    /// Sets (or with nil removes) the TOTP secret.
    func setTOTPSecret(_ secret: String?, userID: UserID) async throws
    /// Records the TOTP step just accepted; false when it is not newer than the last one (a replayed code).
    func acceptTOTPStep(_ step: Int64, userID: UserID) async throws -> Bool
}

/// What kind of credential a session is.
public enum SessionKind: String, Sendable, Codable {
    /// A browser session (cookie).
    case browser
    /// An API bearer token.
    case apiToken = "api-token"
}

/// A live session or token.
public struct SessionRecord: Sendable, Hashable {
    /// Its storage id (not the token: only a hash of the token is stored).
    public var id: Int64
    /// Whose it is.
    public var userID: UserID
    /// Browser session or API token.
    public var kind: SessionKind
    /// When it stops being valid.
    public var expiresAt: Date

    /// Creates a record.
    public init(id: Int64, userID: UserID, kind: SessionKind, expiresAt: Date) {
        self.id = id
        self.userID = userID
        self.kind = kind
        self.expiresAt = expiresAt
    }
}

/// Sessions, API tokens and login failures, kept in the database so that every node sees them.
public protocol SessionStore: Sendable {
    /// Stores a session or token under the SHA-256 hash of its secret.
    func createSession(tokenHash: String, userID: UserID, kind: SessionKind, expiresAt: Date, now: Date) async throws -> SessionRecord
    /// The valid session with this token hash at `now` (nil when unknown, expired, or its account is disabled).
    func session(tokenHash: String, now: Date) async throws -> SessionRecord?
    /// Revokes one session or token.
    func deleteSession(tokenHash: String) async throws
    /// Records a failed login for an e-mail and a client address.
    func recordLoginFailure(email: String, address: String, at: Date) async throws
    /// Failed logins for an e-mail since a time.
    func loginFailures(email: String, since: Date) async throws -> [Date]
    /// Failed logins from an address since a time.
    func loginFailures(address: String, since: Date) async throws -> [Date]
    /// Forgets failures older than a time, and expired sessions.
    func pruneSessions(before: Date) async throws
}

/// The audit log: append-only.
public protocol AuditLog: Sendable {
    /// Appends an entry.
    func record(_ entry: AuditEntry) async throws
    /// Entries, newest first; optionally only those about one article.
    func auditEntries(articleID: ArticleID?, page: PageRequest) async throws -> Page<AuditEntry>
}

/// The security rules an administrator sets for every account.
public protocol SecurityPolicyStore: Sendable {
    /// The current policy (nothing required on a new database).
    func securityPolicy() async throws -> SecurityPolicy
    /// Replaces the policy, audited as `settings.security` by `actor` in the same transaction.
    func saveSecurityPolicy(_ policy: SecurityPolicy, actor: User, now: Date) async throws
}

/// Everything the newsroom needs from storage, implemented once per database.
public typealias NewsroomStorage = UserStore & SessionStore & AuditLog & EditorialStore & SecurityPolicyStore & MediaLibraryStore
    & WebhookStore

/// Secrets every node of the site must share (the newsroom's CSRF key), kept in the database.
public protocol SiteSecretStore: Sendable {
    /// The secret called `name` (32 random bytes), made on first use and then the same for every process and node
    /// that opens this database. Never logged.
    func siteSecret(named name: String) async throws -> [UInt8]
}

/// Everything a running site needs from its database: what `serve` opens, once per backend.
public typealias NewsBackend = NewsStorage & NewsroomStorage & RelatedArticlesStore & SearchStore & FeedStore
    & PublicContentStore & SiteSecretStore
