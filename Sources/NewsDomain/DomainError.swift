/// A rule of the newsroom was broken by some input: names the field at fault so the person can fix it.
public struct DomainError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable machine-readable code, e.g. `required`, `too-long`, `invalid`.
    public var code: String
    /// The input field at fault, e.g. `title`, `images[0].src`.
    public var field: String
    /// A sentence for people.
    public var message: String

    /// Creates an error about `field`.
    public init(code: String, field: String, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// "field: message".
    public var description: String { "\(field): \(message)" }

    /// A required field is missing or empty.
    public static func required(_ field: String) -> Self {
        Self(code: "required", field: field, message: "is required and must not be empty")
    }

    /// A field is longer than allowed.
    public static func tooLong(_ field: String, max: Int) -> Self {
        Self(code: "too-long", field: field, message: "must be at most \(max) characters")
    }

    /// A field has a value of the wrong form.
    public static func invalid(_ field: String, _ message: String) -> Self {
        Self(code: "invalid", field: field, message: message)
    }
}

/// Several rule violations found at once, so that every one can be fixed in one go.
public struct ValidationErrors: Error, Hashable, Sendable, CustomStringConvertible {
    /// The violations, in field order.
    public var errors: [DomainError]

    /// Wraps violations.
    public init(_ errors: [DomainError]) { self.errors = errors }

    /// One violation a line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
