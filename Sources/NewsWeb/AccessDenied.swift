/// The account is signed in but its roles do not allow this (an Admin API area reserved to administrators):
/// answered 403 `not-permitted`, like the workflow's own refusals.
public struct AccessDenied: Error, Hashable, Sendable, CustomStringConvertible {
    /// What the person lacks, for people.
    public var message: String

    /// Creates the error.
    public init(message: String) {
        self.message = message
    }

    /// Only administrators (`quan-tri`) may do this.
    public static let administratorsOnly = AccessDenied(message: "Chỉ quản trị viên (quan-tri) được làm việc này")

    /// The message, for logs.
    public var description: String { message }
}
