import Foundation
import GRDB
import NewsDomain
import NewsStore

extension SQLiteNewsStore: SecurityPolicyStore {
    /// Migration "2026-12-01-security-policy": one row holding the policy (absent until an administrator saves one).
    static func createSecurityPolicy(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE security_policies (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                totp_required_roles TEXT NOT NULL DEFAULT '',
                updated_at REAL NOT NULL,
                updated_by INTEGER REFERENCES users(id)
            );
            """)
    }

    public func securityPolicy() async throws -> SecurityPolicy {
        try await read { db in
            let text = try String.fetchOne(db, sql: "SELECT totp_required_roles FROM security_policies WHERE id = 1") ?? ""
            // A role name this version does not know (written by a newer one) is ignored rather than failing every login.
            return SecurityPolicy(totpRequiredRoles: Set(text.split(separator: ",").compactMap { Role(rawValue: String($0)) }))
        }
    }

    public func saveSecurityPolicy(_ policy: SecurityPolicy, actor: User, now: Date) async throws {
        let roles = policy.totpRequiredRoles.map(\.rawValue).sorted()
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO security_policies (id, totp_required_roles, updated_at, updated_by) VALUES (1, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET totp_required_roles = excluded.totp_required_roles,
                        updated_at = excluded.updated_at, updated_by = excluded.updated_by
                    """,
                arguments: [roles.joined(separator: ","), now.storageValue, actor.id.rawValue]
            )
            try Self.insert(
                AuditEntry(
                    action: "settings.security", at: now, userID: actor.id, actorName: actor.name,
                    note: "Bắt buộc xác thực hai lớp: " + (roles.isEmpty ? "không vai trò nào" : roles.joined(separator: ", "))
                ),
                db
            )
        }
    }
}
