import Foundation
import Hummingbird
import NIOPosix
import NewsAuth
import NewsDomain
import NewsStore
import NewsText

/// The accounts part of the Admin API, for administrators (`quan-tri`) only: list, create and change accounts, and the
/// security policy (which roles must use two-factor authentication). Fields are checked by the same `AccountRules` as
/// `toasoan user add`; every change is audited (`user.create`, `user.update`, `user.disable`, `user.enable`,
/// `settings.security`).
public struct AdminUserRoutes: Sendable {
    let store: any UserStore & AuditLog & SecurityPolicyStore
    let sections: any TaxonomyStore
    let hasher: PasswordHasher
    let clock: @Sendable () -> Date

    /// Creates the routes; `sections` resolves section slugs for section editors' limits.
    public init(
        store: any UserStore & AuditLog & SecurityPolicyStore, sections: any TaxonomyStore, hasher: PasswordHasher = PasswordHasher(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.sections = sections
        self.hasher = hasher
        self.clock = clock
    }

    struct CreatePayload: Decodable {
        var email: String
        var name: String
        var roles: [String]
        var sections: [String]?
        var password: String
    }

    struct UpdatePayload: Decodable {
        var name: String?
        var roles: [String]?
        var sections: [String]?
        var disabled: Bool?
    }

    struct SecurityPayload: Decodable {
        var totpRequiredRoles: [String]

        enum CodingKeys: String, CodingKey {
            case totpRequiredRoles = "totp_required_roles"
        }
    }

    /// An account as administrators see it.
    struct AccountResponse: ResponseEncodable {
        var id: Int64
        var email: String
        var name: String
        var roles: [String]
        var sections: [String]
        var disabled: Bool
        var twoFactor: Bool
        var twoFactorRequired: Bool
        var createdAt: String

        enum CodingKeys: String, CodingKey {
            case id, email, name, roles, sections, disabled
            case twoFactor = "two_factor"
            case twoFactorRequired = "two_factor_required"
            case createdAt = "created_at"
        }

        init(_ user: User, sections: [Section], policy: SecurityPolicy) {
            id = user.id.rawValue
            email = user.email
            name = user.name
            roles = user.roles.map(\.rawValue).sorted()
            self.sections = sections.filter { user.sectionLimits?.contains($0.id) == true }.map(\.slug).sorted()
            disabled = user.isDisabled
            twoFactor = user.hasTwoFactor
            twoFactorRequired = policy.requiresTwoFactor(user)
            createdAt = VietnameseDate.iso8601(user.createdAt)
        }
    }

    struct AccountList: ResponseEncodable {
        var users: [AccountResponse]
    }

    struct SecurityResponse: ResponseEncodable {
        var totpRequiredRoles: [String]

        enum CodingKeys: String, CodingKey {
            case totpRequiredRoles = "totp_required_roles"
        }

        init(_ policy: SecurityPolicy) {
            totpRequiredRoles = policy.totpRequiredRoles.map(\.rawValue).sorted()
        }
    }

    /// Registers the routes on an authenticated group.
    public func register(on group: RouterGroup<NewsRequestContext>) {
        group.get("users") { _, context -> AccountList in
            _ = try context.requireAdministrator()
            async let users = store.users()
            async let known = self.sections.sections()
            async let policy = store.securityPolicy()
            let (all, allSections, rules) = try await (users, known, policy)
            return AccountList(users: all.map { AccountResponse($0, sections: allSections, policy: rules) })
        }
        group.post("users") { request, context -> Response in
            let actor = try context.requireAdministrator()
            let payload = try await request.decode(as: CreatePayload.self, context: context)
            let user = try await create(payload, by: actor)
            var response = try await response(for: user).response(from: request, context: context)
            response.status = .created
            return response
        }
        group.patch("users/:id") { request, context -> AccountResponse in
            let actor = try context.requireAdministrator()
            let target = try await account(context)
            let payload = try await request.decode(as: UpdatePayload.self, context: context)
            return try await response(for: try await update(target, with: payload, by: actor))
        }
        group.get("security") { _, context -> SecurityResponse in
            _ = try context.requireAdministrator()
            return SecurityResponse(try await store.securityPolicy())
        }
        group.put("security") { request, context -> SecurityResponse in
            let actor = try context.requireAdministrator()
            let payload = try await request.decode(as: SecurityPayload.self, context: context)
            var roles: Set<Role> = []
            var errors: [DomainError] = []
            for name in payload.totpRequiredRoles {
                if let role = Role(rawValue: name) {
                    roles.insert(role)
                } else {
                    errors.append(.invalid("totp_required_roles", "\"\(name)\" is not a role; use one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
            }
            guard errors.isEmpty else { throw ValidationErrors(errors) }
            let policy = SecurityPolicy(totpRequiredRoles: roles)
            // Requiring a second factor one's own account lacks would lock the administrator out at the next login.
            if policy.requiresTwoFactor(actor), !actor.hasTwoFactor {
                throw DomainError(
                    code: "own-account", field: "totp_required_roles",
                    message: "Set up two-factor authentication on your own account before requiring it of your role"
                )
            }
            try await store.saveSecurityPolicy(policy, actor: actor, now: clock())
            return SecurityResponse(policy)
        }
    }

    /// Checks and makes a new account; the password is hashed off the event loops.
    private func create(_ payload: CreatePayload, by actor: User) async throws -> User {
        let slugs = payload.sections ?? []
        let known = slugs.isEmpty ? [] : try await sections.sections()
        let password = VietnameseText.nfc(payload.password)
        let checked = try AccountRules.newAccount(
            email: VietnameseText.nfc(payload.email), name: VietnameseText.nfc(payload.name), roles: payload.roles,
            sectionSlugs: slugs, password: password, sections: known
        )
        let hasher = self.hasher
        let hash = try await NIOThreadPool.singleton.runIfActive { hasher.hash(password) }
        let user = try await store.createUser(
            NewUser(email: checked.email, name: checked.name, roles: checked.roles, sectionLimits: checked.sectionLimits, passwordHash: hash),
            now: clock()
        )
        try await store.record(AuditEntry(
            action: "user.create", at: clock(), userID: actor.id, actorName: actor.name,
            note: "\(user.email): \(Self.describe(user.roles))"
        ))
        return user
    }

    /// Applies a change: name, roles and sections in one write, then disabling or enabling; an administrator cannot
    /// disable their own account or take away their own administrator role.
    private func update(_ target: User, with payload: UpdatePayload, by actor: User) async throws -> User {
        var errors: [DomainError] = []
        let name = payload.name.map { VietnameseText.nfc($0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? target.name
        if payload.name != nil { errors += AccountRules.nameViolations(name) }
        var roles = target.roles
        if let names = payload.roles {
            let parsed = AccountRules.parseRoles(names)
            roles = parsed.roles
            errors += parsed.errors
        }
        var limits = target.sectionLimits
        if let slugs = payload.sections {
            let resolved = AccountRules.sectionLimits(slugs: slugs, roles: roles, sections: try await sections.sections())
            limits = resolved.limits
            errors += resolved.errors
        } else if !roles.contains(.sectionEditor) {
            // Limits mean something only for a section editor; dropping the role drops them.
            limits = nil
        }
        if target.id == actor.id {
            if payload.disabled == true {
                errors.append(DomainError(code: "own-account", field: "disabled", message: "You cannot disable your own account"))
            }
            if !roles.contains(.administrator) {
                errors.append(DomainError(
                    code: "own-account", field: "roles", message: "You cannot take the administrator role away from yourself"
                ))
            }
        }
        guard errors.isEmpty else { throw ValidationErrors(errors) }

        var user = target
        if name != target.name || roles != target.roles || limits != target.sectionLimits {
            user = try await store.updateUser(id: target.id, name: name, roles: roles, sectionLimits: limits)
            var changes: [String] = []
            if name != target.name { changes.append("tên: \(target.name) → \(name)") }
            if roles != target.roles { changes.append("vai trò: \(Self.describe(target.roles)) → \(Self.describe(roles))") }
            if limits != target.sectionLimits { changes.append("giới hạn chuyên mục thay đổi") }
            try await store.record(AuditEntry(
                action: "user.update", at: clock(), userID: actor.id, actorName: actor.name,
                note: "\(target.email): \(changes.joined(separator: "; "))"
            ))
        }
        if let disabled = payload.disabled, disabled != target.isDisabled {
            // Disabling also revokes every session and token of the account (in the store, in the same write).
            try await store.setDisabled(disabled, userID: target.id)
            user.isDisabled = disabled
            try await store.record(AuditEntry(
                action: disabled ? "user.disable" : "user.enable", at: clock(), userID: actor.id, actorName: actor.name,
                note: target.email
            ))
        }
        return user
    }

    private func response(for user: User) async throws -> AccountResponse {
        async let known = self.sections.sections()
        async let policy = store.securityPolicy()
        return AccountResponse(user, sections: try await known, policy: try await policy)
    }

    private func account(_ context: NewsRequestContext) async throws -> User {
        guard let raw = context.parameters.get("id"), let number = Int64(raw), number > 0,
              let user = try await store.user(id: UserID(number))
        else { throw StorageError.notFound("user") }
        return user
    }

    private static func describe(_ roles: Set<Role>) -> String {
        roles.map(\.rawValue).sorted().joined(separator: ", ")
    }
}

extension NewsRequestContext {
    /// The authenticated account when it is an administrator; 401 without one, 403 for anyone else.
    func requireAdministrator() throws -> User {
        let user = try requireIdentity()
        guard user.roles.contains(.administrator) else { throw AccessDenied.administratorsOnly }
        return user
    }
}
