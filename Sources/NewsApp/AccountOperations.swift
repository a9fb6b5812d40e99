import Foundation
import NewsAuth
import NewsDomain
import NewsStore
import NewsText

/// What `toasoan user …` does: accounts are made by operators on the command line, never with a default password.
public struct AccountOperations: Sendable {
    let store: any UserStore & AuditLog & TaxonomyStore
    let hasher: PasswordHasher
    let clock: @Sendable () -> Date

    /// Creates the operations over a store.
    public init(store: any UserStore & AuditLog & TaxonomyStore, hasher: PasswordHasher = PasswordHasher(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.hasher = hasher
        self.clock = clock
    }

    /// The actor name the audit log shows for command-line operations.
    static let operatorName = "toasoan (dòng lệnh)"

    /// Makes an account after checking every field by the `AccountRules` the Admin API also applies; all problems are
    /// reported at once, each under the flag that gave the field.
    @discardableResult
    public func addUser(email: String, name: String, roles: [String], sections: [String], password: String) async throws -> User {
        let password = VietnameseText.nfc(password)
        let known = sections.isEmpty ? [] : try await store.sections()
        let checked: AccountRules.Checked
        do {
            checked = try AccountRules.newAccount(
                email: VietnameseText.nfc(email), name: VietnameseText.nfc(name), roles: roles, sectionSlugs: sections,
                password: password, sections: known
            )
        } catch {
            throw ConfigurationError(problems: error.errors.map { "\(Self.flag(for: $0.field)): \($0.message)" })
        }
        let user = try await store.createUser(
            NewUser(
                email: checked.email, name: checked.name, roles: checked.roles, sectionLimits: checked.sectionLimits,
                passwordHash: hasher.hash(password)
            ),
            now: clock()
        )
        try await store.record(AuditEntry(
            action: "user.add", at: clock(), userID: nil, actorName: Self.operatorName,
            note: "\(user.email): \(user.roles.map(\.rawValue).sorted().joined(separator: ", "))"
        ))
        return user
    }

    /// The command-line option that gave an account field.
    static func flag(for field: String) -> String {
        switch field {
        case "email": "--email"
        case "name": "--name"
        case "roles": "--role"
        case "sections": "--section"
        default: field
        }
    }

    /// Every account as a table for the terminal.
    public func listUsers() async throws -> String {
        let users = try await store.users()
        guard !users.isEmpty else { return "no accounts yet; make the first with: toasoan user add --email … --name … --role quan-tri" }
        let rows = users.map { user in
            [
                user.email, user.name, user.roles.map(\.rawValue).sorted().joined(separator: ","),
                user.isDisabled ? "disabled" : "active", user.hasTwoFactor ? "2FA" : "-",
            ]
        }
        let header = ["EMAIL", "NAME", "ROLES", "STATE", "2FA"]
        let widths = (0..<header.count).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// Disables an account by e-mail and revokes its sessions and tokens.
    public func disableUser(email: String) async throws {
        guard let credentials = try await store.credentials(email: email) else {
            throw ConfigurationError(problems: ["--email: no account with e-mail \(email.lowercased())"])
        }
        try await store.setDisabled(true, userID: credentials.user.id)
        try await store.record(AuditEntry(
            action: "user.disable", at: clock(), userID: nil, actorName: Self.operatorName, note: credentials.user.email
        ))
    }
}
