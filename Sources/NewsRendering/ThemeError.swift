/// Everything wrong with a theme folder, found at load time so that a bad theme never goes live.
public struct ThemeError: Error, Sendable, CustomStringConvertible {
    /// The theme folder that was loaded.
    public let directory: String
    /// One readable sentence per problem, e.g. "missing template article.mustache".
    public let problems: [String]

    /// Creates an error about `directory`.
    public init(directory: String, problems: [String]) {
        self.directory = directory
        self.problems = problems
    }

    /// The folder and every problem, one a line.
    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "Theme at \(directory) has \(count):\n" + problems.map { "- \($0)" }.joined(separator: "\n")
    }
}
