import Foundation

/// The configured approval chain: the roles of the approval levels in order; the last level publishes.
public struct WorkflowPolicy: Sendable, Hashable, CustomStringConvertible {
    /// The role of each approval level, lowest first: 1 to 3 levels, each strictly higher in rank than the one before.
    public let levels: [Role]

    /// The usual Vietnamese chain: biên tập viên → thư ký tòa soạn → tổng biên tập.
    public static let standard = WorkflowPolicy(checked: [.sectionEditor, .copyDesk, .editorInChief])

    /// Validates a chain: 1 to 3 levels, never reporter or administrator, each level higher than the one before.
    public init(levels: [Role]) throws(DomainError) {
        guard (1...3).contains(levels.count) else {
            throw DomainError.invalid("workflow.levels", "must have 1 to 3 approval levels, not \(levels.count)")
        }
        for role in levels where role.editorialRank == nil || role == .reporter {
            throw DomainError.invalid("workflow.levels", "\(role.rawValue) cannot be an approval level")
        }
        for (lower, higher) in zip(levels, levels.dropFirst()) where (higher.editorialRank ?? 0) <= (lower.editorialRank ?? 0) {
            throw DomainError.invalid(
                "workflow.levels", "each level must be a higher role than the one before: \(higher.rawValue) after \(lower.rawValue)"
            )
        }
        self.levels = levels
    }

    /// Reads a chain from its configuration form, role names separated by commas: "bien-tap-vien,thu-ky-toa-soan,tong-bien-tap".
    public init(parsing text: String) throws(DomainError) {
        var roles: [Role] = []
        for name in text.split(separator: ",") {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let role = Role(rawValue: trimmed) else {
                throw DomainError.invalid(
                    "workflow.levels", "unknown role \"\(trimmed)\"; expected names from: "
                        + Role.allCases.map(\.rawValue).joined(separator: ", ")
                )
            }
            roles.append(role)
        }
        try self.init(levels: roles)
    }

    private init(checked levels: [Role]) { self.levels = levels }

    /// The configuration form: role names separated by commas.
    public var description: String { levels.map(\.rawValue).joined(separator: ",") }
}
