import Foundation
import NewsDomain
import NewsStore
import PostgresNIO

extension PostgresNewsStore: UserStore {
    /// An account's columns, in the order `user(_:)` reads them.
    private static let userColumns = "id, email, name, roles, section_limits, disabled, totp_secret IS NOT NULL, created_at"

    /// An account from a row that starts with `userColumns`.
    private static func user(_ row: PostgresRow) throws -> User {
        let (id, email, name, rolesText, limitsText, disabled, hasTwoFactor, createdAt) = try row.decode(
            (Int64, String, String, String, String?, Bool, Bool, Double).self
        )
        let roles = rolesText.split(separator: ",").compactMap { Role(rawValue: String($0)) }
        let limits = limitsText.map { text in
            Set(text.split(separator: ",").compactMap { Int64($0) }.map { SectionID($0) })
        }
        return User(
            id: UserID(id), email: email, name: name, roles: Set(roles), sectionLimits: limits, isDisabled: disabled,
            hasTwoFactor: hasTwoFactor, createdAt: Date(storageValue: createdAt)
        )
    }

    /// Roles as stored: their names, sorted, separated by commas.
    private static func encode(_ roles: Set<Role>) -> String {
        roles.map(\.rawValue).sorted().joined(separator: ",")
    }

    /// Section limits as stored: the ids, sorted as text, separated by commas (nil: every section).
    private static func encode(_ limits: Set<SectionID>?) -> String? {
        limits.map { $0.map(\.description).sorted().joined(separator: ",") }
    }

    /// Creates an account; the UNIQUE e-mail decides between two nodes creating the same one at once.
    public func createUser(_ user: NewUser, now: Date) async throws -> User {
        let email = user.email.lowercased()
        let (roles, limits) = (Self.encode(user.roles), Self.encode(user.sectionLimits))
        return try await write { session in
            let rows = try await session.rows("""
                INSERT INTO users (email, name, roles, section_limits, password_hash, created_at)
                VALUES (\(email), \(user.name), \(roles), \(limits), \(user.passwordHash), \(now.storageValue))
                ON CONFLICT (email) DO NOTHING RETURNING id
                """)
            guard let id = try rows.first?.decode(Int64.self) else {
                throw StorageError.conflict("an account with e-mail \(email) already exists")
            }
            return User(
                id: UserID(id), email: email, name: user.name, roles: user.roles, sectionLimits: user.sectionLimits,
                createdAt: now
            )
        }
    }

    /// Every account, by name.
    public func users() async throws -> [User] {
        try await read(snapshot: false) { session in
            try await session.rows("SELECT \(unescaped: Self.userColumns) FROM users ORDER BY name, id").map(Self.user)
        }
    }

    /// An account by id.
    public func user(id: UserID) async throws -> User? {
        try await read(snapshot: false) { session in
            try await session.rows("SELECT \(unescaped: Self.userColumns) FROM users WHERE id = \(id.rawValue)")
                .first.map(Self.user)
        }
    }

    /// The account with this e-mail and its secrets.
    public func credentials(email: String) async throws -> UserCredentials? {
        try await read(snapshot: false) { session in
            try await session.rows("""
                SELECT \(unescaped: Self.userColumns), password_hash, totp_secret, last_totp_step FROM users
                WHERE email = \(email.lowercased())
                """).first.map { row in
                let (_, _, _, _, _, _, _, _, hash, secret, step) = try row.decode(
                    (Int64, String, String, String, String?, Bool, Bool, Double, String, String?, Int64?).self
                )
                return UserCredentials(user: try Self.user(row), passwordHash: hash, totpSecret: secret, lastTOTPStep: step)
            }
        }
    }

    /// Replaces an account's name, roles and section limits.
    public func updateUser(id: UserID, name: String, roles: Set<Role>, sectionLimits: Set<SectionID>?) async throws -> User {
        let (roles, limits) = (Self.encode(roles), Self.encode(sectionLimits))
        return try await write { session in
            let rows = try await session.rows("""
                UPDATE users SET name = \(name), roles = \(roles), section_limits = \(limits) WHERE id = \(id.rawValue)
                RETURNING \(unescaped: Self.userColumns)
                """)
            guard rows.count == 1, let row = rows.first else { throw StorageError.notFound("user \(id)") }
            return try Self.user(row)
        }
    }

    /// Disables or re-enables an account; disabling revokes its sessions in the same transaction.
    public func setDisabled(_ disabled: Bool, userID: UserID) async throws {
        try await write { session in
            let changed = try await session.execute("UPDATE users SET disabled = \(disabled) WHERE id = \(userID.rawValue)")
            guard changed == 1 else { throw StorageError.notFound("user \(userID)") }
            if disabled {
                try await session.execute("DELETE FROM sessions WHERE user_id = \(userID.rawValue)")
            }
        }
    }

    /// Replaces the password hash and revokes every session of the account.
    public func setPasswordHash(_ hash: String, userID: UserID) async throws {
        try await write { session in
            let changed = try await session.execute("UPDATE users SET password_hash = \(hash) WHERE id = \(userID.rawValue)")
            guard changed == 1 else { throw StorageError.notFound("user \(userID)") }
            try await session.execute("DELETE FROM sessions WHERE user_id = \(userID.rawValue)")
        }
    }

    /// Sets or removes the TOTP secret, forgetting the last step accepted.
    public func setTOTPSecret(_ secret: String?, userID: UserID) async throws {
        try await write { session in
            let changed = try await session.execute(
                "UPDATE users SET totp_secret = \(secret), last_totp_step = NULL WHERE id = \(userID.rawValue)"
            )
            guard changed == 1 else { throw StorageError.notFound("user \(userID)") }
        }
    }

    /// Records a TOTP step when it is newer than the last one. The condition is in the UPDATE itself: of two nodes
    /// accepting the same code at once, the second re-checks it after the first commits, and changes nothing.
    public func acceptTOTPStep(_ step: Int64, userID: UserID) async throws -> Bool {
        try await write { session in
            try await session.execute("""
                UPDATE users SET last_totp_step = \(step)
                WHERE id = \(userID.rawValue) AND (last_totp_step IS NULL OR last_totp_step < \(step))
                """) == 1
        }
    }
}

extension PostgresNewsStore: SessionStore {
    /// Stores a session or token under the hash of its secret.
    public func createSession(
        tokenHash: String, userID: UserID, kind: SessionKind, expiresAt: Date, now: Date
    ) async throws -> SessionRecord {
        try await write { session in
            let rows = try await session.rows("""
                INSERT INTO sessions (token_hash, user_id, kind, created_at, expires_at)
                VALUES (\(tokenHash), \(userID.rawValue), \(kind.rawValue), \(now.storageValue), \(expiresAt.storageValue))
                RETURNING id
                """)
            guard let id = try rows.first?.decode(Int64.self) else {
                throw StorageError.unavailable("the new session's id did not come back")
            }
            return SessionRecord(id: id, userID: userID, kind: kind, expiresAt: expiresAt)
        }
    }

    /// The valid session with this token hash at `now`, if its account is enabled.
    public func session(tokenHash: String, now: Date) async throws -> SessionRecord? {
        try await read(snapshot: false) { session in
            try await session.rows("""
                SELECT s.id, s.user_id, s.kind, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.token_hash = \(tokenHash) AND s.expires_at > \(now.storageValue) AND NOT u.disabled
                """).first.flatMap { row in
                let (id, userID, kind, expiresAt) = try row.decode((Int64, Int64, String, Double).self)
                return SessionKind(rawValue: kind).map {
                    SessionRecord(id: id, userID: UserID(userID), kind: $0, expiresAt: Date(storageValue: expiresAt))
                }
            }
        }
    }

    /// Revokes one session or token.
    public func deleteSession(tokenHash: String) async throws {
        try await write { session in try await session.execute("DELETE FROM sessions WHERE token_hash = \(tokenHash)") }
    }

    /// Records a failed login.
    public func recordLoginFailure(email: String, address: String, at: Date) async throws {
        try await write { session in
            try await session.execute("""
                INSERT INTO login_failures (email, address, at) VALUES (\(email.lowercased()), \(address), \(at.storageValue))
                """)
        }
    }

    /// Failed logins for an e-mail since a time, oldest first.
    public func loginFailures(email: String, since: Date) async throws -> [Date] {
        try await read(snapshot: false) { session in
            try await session.rows("""
                SELECT at FROM login_failures WHERE email = \(email.lowercased()) AND at >= \(since.storageValue) ORDER BY at
                """).map { Date(storageValue: try $0.decode(Double.self)) }
        }
    }

    /// Failed logins from an address since a time, oldest first.
    public func loginFailures(address: String, since: Date) async throws -> [Date] {
        try await read(snapshot: false) { session in
            try await session.rows("""
                SELECT at FROM login_failures WHERE address = \(address) AND at >= \(since.storageValue) ORDER BY at
                """).map { Date(storageValue: try $0.decode(Double.self)) }
        }
    }

    /// Forgets old login failures and expired sessions.
    public func pruneSessions(before: Date) async throws {
        try await write { session in
            try await session.execute("DELETE FROM login_failures WHERE at < \(before.storageValue)")
            try await session.execute("DELETE FROM sessions WHERE expires_at < \(before.storageValue)")
        }
    }
}

extension PostgresNewsStore: AuditLog {
    /// Appends an entry in a transaction of its own.
    public func record(_ entry: AuditEntry) async throws {
        try await write { session in try await Self.insert(entry, session) }
    }

    /// Appends an audit entry inside a transaction that is already open, so the entry commits with the change.
    static func insert(_ entry: AuditEntry, _ session: PostgresSession) async throws {
        try await session.execute("""
            INSERT INTO audit_log (at, action, user_id, actor_name, article_id, from_state, to_state, note, address)
            VALUES (\(entry.at.storageValue), \(entry.action), \(entry.userID?.rawValue), \(entry.actorName),
                \(entry.articleID?.rawValue), \(entry.fromState), \(entry.toState), \(entry.note), \(entry.address))
            """)
    }

    /// Entries, newest first, optionally about one article; the count and the page come from one snapshot.
    public func auditEntries(articleID: ArticleID?, page: PageRequest) async throws -> Page<AuditEntry> {
        let article = articleID?.rawValue
        return try await read { session in
            let total = try await session.rows("""
                SELECT count(*) FROM audit_log WHERE \(article)::bigint IS NULL OR article_id = \(article)
                """).first?.decode(Int.self) ?? 0
            let rows = try await session.rows("""
                SELECT at, action, user_id, actor_name, article_id, from_state, to_state, note, address FROM audit_log
                WHERE \(article)::bigint IS NULL OR article_id = \(article)
                ORDER BY at DESC, id DESC LIMIT \(page.size) OFFSET \(page.offset)
                """)
            let entries = try rows.map { row in
                let (at, action, userID, actorName, articleID, fromState, toState, note, address) = try row.decode(
                    (Double, String, Int64?, String, Int64?, String?, String?, String?, String?).self
                )
                return AuditEntry(
                    action: action, at: Date(storageValue: at), userID: userID.map { UserID($0) }, actorName: actorName,
                    articleID: articleID.map { ArticleID($0) }, fromState: fromState, toState: toState, note: note,
                    address: address
                )
            }
            return Page(items: entries, request: page, totalCount: total)
        }
    }
}
