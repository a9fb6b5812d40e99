/// Security rules an administrator sets for the whole newsroom.
public struct SecurityPolicy: Hashable, Sendable {
    /// Roles whose holders must use two-factor authentication (TOTP); empty: nobody has to.
    public var totpRequiredRoles: Set<Role>

    /// Creates a policy.
    public init(totpRequiredRoles: Set<Role> = []) {
        self.totpRequiredRoles = totpRequiredRoles
    }

    /// Whether this account must use two-factor authentication: it holds at least one of the required roles.
    public func requiresTwoFactor(_ user: User) -> Bool {
        !user.roles.isDisjoint(with: totpRequiredRoles)
    }
}
