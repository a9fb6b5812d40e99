import Foundation
import NewsDomain
import NewsStore
import PostgresNIO

extension PostgresNewsStore: SecurityPolicyStore {
    /// The current policy (nothing required until an administrator saves one).
    public func securityPolicy() async throws -> SecurityPolicy {
        try await read(snapshot: false) { session in
            let text = try await session.rows("SELECT totp_required_roles FROM security_policies WHERE id = 1")
                .first?.decode(String.self) ?? ""
            // A role name this version does not know (written by a newer one) is ignored rather than failing every login.
            return SecurityPolicy(totpRequiredRoles: Set(text.split(separator: ",").compactMap { Role(rawValue: String($0)) }))
        }
    }

    /// Replaces the policy, audited as `settings.security` in the same transaction.
    public func saveSecurityPolicy(_ policy: SecurityPolicy, actor: User, now: Date) async throws {
        let roles = policy.totpRequiredRoles.map(\.rawValue).sorted()
        let text = roles.joined(separator: ",")
        try await write { session in
            try await session.execute("""
                INSERT INTO security_policies (id, totp_required_roles, updated_at, updated_by)
                VALUES (1, \(text), \(now.storageValue), \(actor.id.rawValue))
                ON CONFLICT (id) DO UPDATE SET totp_required_roles = excluded.totp_required_roles,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """)
            try await Self.insert(
                AuditEntry(
                    action: "settings.security", at: now, userID: actor.id, actorName: actor.name,
                    note: "Bắt buộc xác thực hai lớp: " + (roles.isEmpty ? "không vai trò nào" : roles.joined(separator: ", "))
                ),
                session
            )
        }
    }
}
