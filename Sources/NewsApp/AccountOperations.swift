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

    /// Makes an account after checking every field; all problems are reported at once.
    @discardableResult
    public func addUser(email: String, name: String, roles: [String], sections: [String], password: String) async throws -> User {
        var problems: [String] = []
        let email = VietnameseText.nfc(email).trimmingCharacters(in: .whitespaces).lowercased()
        let name = VietnameseText.nfc(name).trimmingCharacters(in: .whitespaces)
        if !Self.looksLikeEmail(email) { problems.append("--email: \"\(email)\" is not an e-mail address") }
        if name.isEmpty { problems.append("--name: is required") }
        var parsedRoles: Set<Role> = []
        for role in roles.flatMap({ $0.split(separator: ",") }).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if let value = Role(rawValue: role) {
                parsedRoles.insert(value)
            } else {
                problems.append("--role: \"\(role)\" is not a role; use one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if roles.isEmpty { problems.append("--role: at least one role is required") }
        var limits: Set<SectionID>?
        if !sections.isEmpty {
            var found: Set<SectionID> = []
            for slug in sections.flatMap({ $0.split(separator: ",") }).map(String.init) {
                if let section = try await store.section(slug: slug) {
                    found.insert(section.id)
                } else {
                    problems.append("--section: no section with slug \"\(slug)\"")
                }
            }
            limits = found
            if !parsedRoles.contains(.sectionEditor) {
                problems.append("--section: only a section editor (bien-tap-vien) can be limited to sections")
            }
        }
        problems += PasswordPolicy.violations(VietnameseText.nfc(password), email: email).map { "password: \($0.message)" }
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        let user = try await store.createUser(
            NewUser(email: email, name: name, roles: parsedRoles, sectionLimits: limits, passwordHash: hasher.hash(VietnameseText.nfc(password))),
            now: clock()
        )
        try await store.record(AuditEntry(
            action: "user.add", at: clock(), userID: nil, actorName: Self.operatorName,
            note: "\(user.email): \(user.roles.map(\.rawValue).sorted().joined(separator: ", "))"
        ))
        return user
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

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace) && text.count <= 254
    }
}
