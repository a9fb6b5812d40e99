import Foundation
import NewsDomain

/// The rules for a newsroom account's fields, shared by `toasoan user add` and the Admin API so that both accept and
/// refuse exactly the same input. Every problem is a `DomainError` naming its field (`email`, `name`, `roles`,
/// `sections`, `password`). Text is expected in NFC already: the edge normalises it with NewsText.
public enum AccountRules {
    /// Longest display name, in characters.
    public static let maxNameLength = 120

    /// An account's fields, checked and normalised.
    public struct Checked: Hashable, Sendable {
        /// Login e-mail, trimmed and lowercased.
        public var email: String
        /// Display name, trimmed.
        public var name: String
        /// Roles.
        public var roles: Set<Role>
        /// Section limits (nil: all sections).
        public var sectionLimits: Set<SectionID>?
    }

    /// Checks every field of a new account at once; `sections` are all the sections there are, to resolve slugs.
    public static func newAccount(
        email: String, name: String, roles: [String], sectionSlugs: [String], password: String, sections: [Section]
    ) throws(ValidationErrors) -> Checked {
        let email = normalizedEmail(email)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = emailViolations(email) + nameViolations(name)
        let parsed = parseRoles(roles)
        errors += parsed.errors
        let limits = sectionLimits(slugs: sectionSlugs, roles: parsed.roles, sections: sections)
        errors += limits.errors
        errors += PasswordPolicy.violations(password, email: email)
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        return Checked(email: email, name: name, roles: parsed.roles, sectionLimits: limits.limits)
    }

    /// The e-mail as stored: trimmed and lowercased.
    public static func normalizedEmail(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Problems with a (normalised) e-mail address.
    public static func emailViolations(_ email: String) -> [DomainError] {
        looksLikeEmail(email) ? [] : [.invalid("email", "\"\(email)\" is not an e-mail address")]
    }

    /// Problems with a (trimmed) display name.
    public static func nameViolations(_ name: String) -> [DomainError] {
        if name.isEmpty { return [.required("name")] }
        if name.count > maxNameLength { return [.tooLong("name", max: maxNameLength)] }
        return []
    }

    /// Roles from their names (a name may also hold several separated by commas); at least one is required.
    public static func parseRoles(_ names: [String]) -> (roles: Set<Role>, errors: [DomainError]) {
        var roles: Set<Role> = []
        var errors: [DomainError] = []
        let all = Role.allCases.map(\.rawValue).joined(separator: ", ")
        for name in names.flatMap({ $0.split(separator: ",") }).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if let role = Role(rawValue: name) {
                roles.insert(role)
            } else {
                errors.append(.invalid("roles", "\"\(name)\" is not a role; use one of \(all)"))
            }
        }
        if roles.isEmpty, errors.isEmpty { errors.append(DomainError(code: "required", field: "roles", message: "at least one role is required")) }
        return (roles, errors)
    }

    /// Section limits from slugs: none (nil) for no slugs; only a section editor can be limited to sections.
    public static func sectionLimits(
        slugs: [String], roles: Set<Role>, sections: [Section]
    ) -> (limits: Set<SectionID>?, errors: [DomainError]) {
        let slugs = slugs.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !slugs.isEmpty else { return (nil, []) }
        var errors: [DomainError] = []
        var found: Set<SectionID> = []
        for slug in slugs {
            if let section = sections.first(where: { $0.slug == slug }) {
                found.insert(section.id)
            } else {
                errors.append(.invalid("sections", "no section with slug \"\(slug)\""))
            }
        }
        if !roles.contains(.sectionEditor) {
            errors.append(.invalid("sections", "only a section editor (\(Role.sectionEditor.rawValue)) can be limited to sections"))
        }
        return (found, errors)
    }

    /// Whether the text has the shape of an e-mail address: one `@`, a dotted domain, no spaces, at most 254 characters.
    public static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace) && text.count <= 254
    }
}
