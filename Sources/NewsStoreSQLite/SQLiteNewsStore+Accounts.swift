import Foundation
import GRDB
import NewsDomain
import NewsStore

extension SQLiteNewsStore: UserStore {
    private static let userColumns = "id, email, name, roles, section_limits, disabled, totp_secret IS NOT NULL, created_at"

    private static func user(_ row: Row) -> User {
        let roles = (row[3] as String).split(separator: ",").compactMap { Role(rawValue: String($0)) }
        let limits = (row[4] as String?).map { text in
            Set(text.split(separator: ",").compactMap { Int64($0) }.map { SectionID($0) })
        }
        return User(
            id: UserID(row[0] as Int64), email: row[1], name: row[2], roles: Set(roles), sectionLimits: limits,
            isDisabled: row[5], hasTwoFactor: row[6], createdAt: Date(storageValue: row[7])
        )
    }

    private static func encode(_ roles: Set<Role>) -> String {
        roles.map(\.rawValue).sorted().joined(separator: ",")
    }

    private static func encode(_ limits: Set<SectionID>?) -> String? {
        limits.map { $0.map(\.description).sorted().joined(separator: ",") }
    }

    public func createUser(_ user: NewUser, now: Date) async throws -> User {
        let email = user.email.lowercased()
        return try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE email = ?", arguments: [email]) == true {
                throw StorageError.conflict("an account with e-mail \(email) already exists")
            }
            try db.execute(
                sql: "INSERT INTO users (email, name, roles, section_limits, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [email, user.name, Self.encode(user.roles), Self.encode(user.sectionLimits), user.passwordHash, now.storageValue]
            )
            return User(
                id: UserID(db.lastInsertedRowID), email: email, name: user.name, roles: user.roles,
                sectionLimits: user.sectionLimits, createdAt: now
            )
        }
    }

    public func users() async throws -> [User] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.userColumns) FROM users ORDER BY name, id").map(Self.user)
        }
    }

    public func user(id: UserID) async throws -> User? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.userColumns) FROM users WHERE id = ?", arguments: [id.rawValue]).map(Self.user)
        }
    }

    public func credentials(email: String) async throws -> UserCredentials? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(Self.userColumns), password_hash, totp_secret, last_totp_step FROM users WHERE email = ?",
                arguments: [email.lowercased()]
            ).map { row in
                UserCredentials(user: Self.user(row), passwordHash: row[8], totpSecret: row[9], lastTOTPStep: row[10])
            }
        }
    }

    public func updateUser(id: UserID, name: String, roles: Set<Role>, sectionLimits: Set<SectionID>?) async throws -> User {
        try await write { db in
            try db.execute(
                sql: "UPDATE users SET name = ?, roles = ?, section_limits = ? WHERE id = ?",
                arguments: [name, Self.encode(roles), Self.encode(sectionLimits), id.rawValue]
            )
            guard db.changesCount == 1,
                  let row = try Row.fetchOne(db, sql: "SELECT \(Self.userColumns) FROM users WHERE id = ?", arguments: [id.rawValue])
            else { throw StorageError.notFound("user \(id)") }
            return Self.user(row)
        }
    }

    public func setDisabled(_ disabled: Bool, userID: UserID) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE users SET disabled = ? WHERE id = ?", arguments: [disabled, userID.rawValue])
            guard db.changesCount == 1 else { throw StorageError.notFound("user \(userID)") }
            if disabled {
                try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [userID.rawValue])
            }
        }
    }

    public func setPasswordHash(_ hash: String, userID: UserID) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [hash, userID.rawValue])
            guard db.changesCount == 1 else { throw StorageError.notFound("user \(userID)") }
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [userID.rawValue])
        }
    }

    public func setTOTPSecret(_ secret: String?, userID: UserID) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE users SET totp_secret = ?, last_totp_step = NULL WHERE id = ?", arguments: [secret, userID.rawValue]
            )
            guard db.changesCount == 1 else { throw StorageError.notFound("user \(userID)") }
        }
    }

    public func acceptTOTPStep(_ step: Int64, userID: UserID) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE users SET last_totp_step = ? WHERE id = ? AND (last_totp_step IS NULL OR last_totp_step < ?)",
                arguments: [step, userID.rawValue, step]
            )
            return db.changesCount == 1
        }
    }
}

extension SQLiteNewsStore: SessionStore {
    public func createSession(tokenHash: String, userID: UserID, kind: SessionKind, expiresAt: Date, now: Date) async throws -> SessionRecord {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO sessions (token_hash, user_id, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [tokenHash, userID.rawValue, kind.rawValue, now.storageValue, expiresAt.storageValue]
            )
            return SessionRecord(id: db.lastInsertedRowID, userID: userID, kind: kind, expiresAt: expiresAt)
        }
    }

    public func session(tokenHash: String, now: Date) async throws -> SessionRecord? {
        try await read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT s.id, s.user_id, s.kind, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
                    WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0
                    """,
                arguments: [tokenHash, now.storageValue]
            ).flatMap { row in
                SessionKind(rawValue: row[2]).map {
                    SessionRecord(id: row[0], userID: UserID(row[1] as Int64), kind: $0, expiresAt: Date(storageValue: row[3]))
                }
            }
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await write { db in try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    public func recordLoginFailure(email: String, address: String, at: Date) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO login_failures (email, address, at) VALUES (?, ?, ?)",
                arguments: [email.lowercased(), address, at.storageValue]
            )
        }
    }

    public func loginFailures(email: String, since: Date) async throws -> [Date] {
        try await read { db in
            try Double.fetchAll(
                db, sql: "SELECT at FROM login_failures WHERE email = ? AND at >= ? ORDER BY at",
                arguments: [email.lowercased(), since.storageValue]
            ).map(Date.init(storageValue:))
        }
    }

    public func loginFailures(address: String, since: Date) async throws -> [Date] {
        try await read { db in
            try Double.fetchAll(
                db, sql: "SELECT at FROM login_failures WHERE address = ? AND at >= ? ORDER BY at",
                arguments: [address, since.storageValue]
            ).map(Date.init(storageValue:))
        }
    }

    public func pruneSessions(before: Date) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM login_failures WHERE at < ?", arguments: [before.storageValue])
            try db.execute(sql: "DELETE FROM sessions WHERE expires_at < ?", arguments: [before.storageValue])
        }
    }
}

extension SQLiteNewsStore: AuditLog {
    public func record(_ entry: AuditEntry) async throws {
        try await write { db in try Self.insert(entry, db) }
    }

    /// Appends an audit entry inside a transaction that is already open, so the entry commits with the change.
    static func insert(_ entry: AuditEntry, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO audit_log (at, action, user_id, actor_name, article_id, from_state, to_state, note, address)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                entry.at.storageValue, entry.action, entry.userID?.rawValue, entry.actorName, entry.articleID?.rawValue,
                entry.fromState, entry.toState, entry.note, entry.address,
            ]
        )
    }

    public func auditEntries(articleID: ArticleID?, page: PageRequest) async throws -> Page<AuditEntry> {
        try await read { db in
            let condition = articleID == nil ? "1" : "article_id = ?"
            let arguments: StatementArguments = articleID.map { [$0.rawValue] } ?? []
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE \(condition)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT at, action, user_id, actor_name, article_id, from_state, to_state, note, address FROM audit_log
                    WHERE \(condition) ORDER BY at DESC, id DESC LIMIT ? OFFSET ?
                    """,
                arguments: arguments + [page.size, page.offset]
            )
            let entries = rows.map { row in
                AuditEntry(
                    action: row[1], at: Date(storageValue: row[0]), userID: (row[2] as Int64?).map { UserID($0) },
                    actorName: row[3], articleID: (row[4] as Int64?).map { ArticleID($0) }, fromState: row[5],
                    toState: row[6], note: row[7], address: row[8]
                )
            }
            return Page(items: entries, request: page, totalCount: total)
        }
    }
}
