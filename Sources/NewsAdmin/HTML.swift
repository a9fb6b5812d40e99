import NewsRendering

/// A piece of HTML built in Swift, escaped by default: every `String` interpolated into an `HTML` literal is escaped
/// (text and attribute values alike), and only other `HTML` values go in as they are. There is no way to put a raw
/// string in other than `HTML(trusted:)`, so a forgotten escape cannot happen by accident.
public struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup.
    public private(set) var text: String

    /// Markup that the caller vouches for (a constant, or output of a sanitising renderer).
    public init(trusted text: String) { self.text = text }

    /// A literal without interpolations is the programmer's own markup.
    public init(stringLiteral value: String) { self.text = value }

    /// Builds from a literal, escaping the interpolated strings.
    public init(stringInterpolation: StringInterpolation) { self.text = stringInterpolation.text }

    /// Nothing.
    public static let empty = HTML(trusted: "")

    /// The markup.
    public var description: String { text }

    /// Interpolation that escapes strings and numbers and inserts `HTML` as is.
    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) { text += literal }
        public mutating func appendInterpolation(_ value: String) { text += HTMLText.escape(value) }
        public mutating func appendInterpolation(_ value: String?) { text += HTMLText.escape(value ?? "") }
        public mutating func appendInterpolation(_ value: Int) { text += String(value) }
        public mutating func appendInterpolation(_ value: Int64) { text += String(value) }
        public mutating func appendInterpolation(_ value: HTML) { text += value.text }
        public mutating func appendInterpolation(_ values: [HTML]) {
            for value in values { text += value.text }
        }
    }
}

extension HTML {
    /// ` attr` when `on`, for boolean attributes such as `checked` and `selected`.
    static func flag(_ name: String, _ on: Bool) -> HTML { on ? HTML(trusted: " " + name) : .empty }

    /// Joins pieces of markup.
    static func join(_ parts: some Sequence<HTML>) -> HTML {
        HTML(trusted: parts.map(\.text).joined())
    }
}
