import NewsDomain

/// An import was refused because some inputs break a rule only storage can check (an unknown related id, a
/// duplicate external id); nothing was written.
public struct ImportRejected: Error, Sendable, Equatable, CustomStringConvertible {
    /// One problem: which input (0-based, in the order given) and what is wrong with it.
    public struct Problem: Sendable, Equatable {
        /// Position of the input in the list given to the store.
        public var index: Int
        /// What is wrong, naming the field.
        public var error: DomainError

        /// Creates a problem.
        public init(index: Int, error: DomainError) {
            self.index = index
            self.error = error
        }
    }

    /// Every problem found.
    public var problems: [Problem]

    /// Creates the rejection.
    public init(problems: [Problem]) { self.problems = problems }

    /// One problem a line.
    public var description: String {
        problems.map { "input \($0.index + 1): \($0.error)" }.joined(separator: "\n")
    }
}
