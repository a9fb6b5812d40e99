/// One thing wrong with an import file, located by line and field.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    /// Line number in the file, from 1.
    public var line: Int
    /// The field at fault (`title`, `images[0].src`), or nil when the line as a whole is wrong.
    public var field: String?
    /// What is wrong.
    public var message: String

    /// Creates a problem.
    public init(line: Int, field: String?, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    /// "line 3: published_at: must …".
    public var description: String {
        if let field { return "line \(line): \(field): \(message)" }
        return "line \(line): \(message)"
    }
}

/// An import file was refused: nothing was imported. Lists every problem found.
public struct ImportFileRejected: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every problem, in line order.
    public var problems: [ImportProblem]

    /// Creates the error.
    public init(problems: [ImportProblem]) { self.problems = problems }

    /// A summary line followed by one problem a line.
    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return (["nothing was imported; \(count) found:"] + problems.map { "  \($0)" }).joined(separator: "\n")
    }
}
