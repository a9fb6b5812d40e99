/// A typed database identifier, so an article id can never be passed where a section id is expected.
public struct EntityID<Entity>: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The storage identifier.
    public let rawValue: Int64

    /// Wraps a storage identifier.
    public init(rawValue: Int64) { self.rawValue = rawValue }

    /// Wraps a storage identifier.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    /// Orders by storage identifier.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The identifier as decimal digits.
    public var description: String { String(rawValue) }

    /// Decodes from a bare integer.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Encodes as a bare integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Identifies an article across all its versions.
public typealias ArticleID = EntityID<Article>
/// Identifies a section (chuyên mục).
public typealias SectionID = EntityID<Section>
/// Identifies a tag.
public typealias TagID = EntityID<Tag>
/// Identifies a topic (dòng sự kiện).
public typealias TopicID = EntityID<Topic>
/// Identifies a byline author.
public typealias AuthorID = EntityID<Author>
/// Identifies an item of the media library.
public typealias MediaID = EntityID<Media>
