import Foundation
import NIOPosix
import NewsAuth
import NewsDomain
import NewsStore

/// Why a login or a credential was refused. Messages are for people and never say which part was wrong.
public enum AuthenticationError: Error, Sendable, Equatable {
    /// Wrong e-mail or password, or a disabled account (indistinguishable on purpose).
    case invalidCredentials
    /// Too many failures for this account or address; try again after the time.
    case throttled(until: Date)
    /// The account has two-factor authentication: a current code is needed.
    case twoFactorRequired
    /// The two-factor code is wrong or was already used.
    case invalidTwoFactorCode
    /// No valid session or token came with the request.
    case unauthenticated
    /// The account's role requires two-factor authentication and it has none yet: it must be set up in the
    /// newsroom's pages (a browser session may do only that) before an API token is issued.
    case twoFactorEnrolmentRequired
}

/// Checks logins and credentials: bcrypt off the event loops, throttling per account and per address kept in the
/// database (so it holds across nodes), TOTP with replay protection, sessions and tokens stored only as hashes, and
/// every outcome in the audit log.
public struct Authenticator: Sendable {
    let store: any UserStore & SessionStore & AuditLog & SecurityPolicyStore
    let hasher: PasswordHasher
    let throttle: LoginThrottle
    let clock: @Sendable () -> Date

    /// A hash of a random secret, checked for unknown e-mails so that timing does not reveal which accounts exist.
    private let decoyHash: String

    /// Creates the authenticator.
    public init(
        store: any UserStore & SessionStore & AuditLog & SecurityPolicyStore, hasher: PasswordHasher = PasswordHasher(),
        throttle: LoginThrottle = LoginThrottle(), clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.hasher = hasher
        self.throttle = throttle
        self.clock = clock
        self.decoyHash = hasher.hash(SecretToken.generate())
    }

    /// Logs in and returns a new secret token (stored only as a hash) for a session or API token of `kind`, with the
    /// time it expires.
    public func login(
        email: String, password: String, code: String?, address: String, kind: SessionKind, lifetime: TimeInterval
    ) async throws -> (token: String, user: User, expiresAt: Date) {
        let now = clock()
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let since = now.addingTimeInterval(-throttle.window)
        async let byAccount = store.loginFailures(email: email, since: since)
        async let byAddress = store.loginFailures(address: address, since: since)
        let blocked = [throttle.blockedUntil(failures: try await byAccount, now: now), throttle.blockedUntil(failures: try await byAddress, now: now)]
            .compactMap { $0 }.max()
        if let blocked {
            throw AuthenticationError.throttled(until: blocked)
        }
        let credentials = try await store.credentials(email: email)
        let hash = credentials?.passwordHash ?? decoyHash
        let hasher = self.hasher
        let matches = try await NIOThreadPool.singleton.runIfActive { hasher.verify(password, against: hash) }
        guard let credentials, matches, !credentials.user.isDisabled else {
            try await store.recordLoginFailure(email: email, address: address, at: now)
            try await store.record(AuditEntry(
                action: "login.failure", at: now, userID: credentials?.user.id, actorName: email, address: address
            ))
            throw AuthenticationError.invalidCredentials
        }
        let user = credentials.user
        if let secret = credentials.totpSecret.flatMap(TOTP.init(base32Secret:)) {
            guard let code, !code.isEmpty else { throw AuthenticationError.twoFactorRequired }
            guard let step = secret.verify(code, at: now), try await store.acceptTOTPStep(step, userID: user.id) else {
                try await store.recordLoginFailure(email: email, address: address, at: now)
                try await store.record(AuditEntry(
                    action: "login.failure", at: now, userID: user.id, actorName: user.name, note: "two-factor code", address: address
                ))
                throw AuthenticationError.invalidTwoFactorCode
            }
        }
        if kind == .apiToken, credentials.totpSecret == nil, try await store.securityPolicy().requiresTwoFactor(user) {
            throw AuthenticationError.twoFactorEnrolmentRequired
        }
        let token = SecretToken.generate()
        let session = try await store.createSession(
            tokenHash: SecretToken.storageHash(token), userID: user.id, kind: kind, expiresAt: now.addingTimeInterval(lifetime), now: now
        )
        try await store.record(AuditEntry(
            action: "login.success", at: now, userID: user.id, actorName: user.name, note: kind.rawValue, address: address
        ))
        return (token, user, session.expiresAt)
    }

    /// The account behind a token of `kind`, if the token is valid now and the account enabled.
    public func user(forToken token: String, kind: SessionKind) async throws -> User? {
        guard !token.isEmpty, token.utf8.count <= 128 else { return nil }
        guard let session = try await store.session(tokenHash: SecretToken.storageHash(token), now: clock()),
              session.kind == kind
        else { return nil }
        return try await store.user(id: session.userID).flatMap { $0.isDisabled ? nil : $0 }
    }

    /// Whether `password` is the account's current password (bcrypt off the event loops).
    public func checkPassword(_ password: String, of user: User) async throws -> Bool {
        guard let credentials = try await store.credentials(email: user.email) else { return false }
        let hasher = self.hasher
        return try await NIOThreadPool.singleton.runIfActive { hasher.verify(password, against: credentials.passwordHash) }
    }

    /// The bcrypt hash of a new password (off the event loops).
    public func hashPassword(_ password: String) async throws -> String {
        let hasher = self.hasher
        return try await NIOThreadPool.singleton.runIfActive { hasher.hash(password) }
    }

    /// Revokes a token (logout).
    public func revoke(token: String, user: User) async throws {
        try await store.deleteSession(tokenHash: SecretToken.storageHash(token))
        try await store.record(AuditEntry(action: "logout", at: clock(), userID: user.id, actorName: user.name))
    }
}
