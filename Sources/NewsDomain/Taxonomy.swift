/// A section of the paper (chuyên mục); sections nest two levels deep.
public struct Section: Hashable, Sendable, Codable {
    /// Storage identifier.
    public var id: SectionID
    /// URL slug, unique across sections.
    public var slug: String
    /// Display name, e.g. "Thế giới".
    public var name: String
    /// The parent section for a second-level section.
    public var parentID: SectionID?
    /// Order among siblings in navigation.
    public var position: Int
    /// A sentence describing the section, for its page and metadata.
    public var description: String

    /// Creates a section.
    public init(id: SectionID, slug: String, name: String, parentID: SectionID? = nil, position: Int = 0, description: String = "") {
        self.id = id
        self.slug = slug
        self.name = name
        self.parentID = parentID
        self.position = position
        self.description = description
    }
}

/// A free keyword attached to articles.
public struct Tag: Hashable, Sendable, Codable {
    /// Storage identifier.
    public var id: TagID
    /// URL slug, unique across tags.
    public var slug: String
    /// Display name as the newsroom wrote it.
    public var name: String

    /// Creates a tag.
    public init(id: TagID, slug: String, name: String) {
        self.id = id
        self.slug = slug
        self.name = name
    }
}

/// A running story (dòng sự kiện) that groups articles over time.
public struct Topic: Hashable, Sendable, Codable {
    /// Storage identifier.
    public var id: TopicID
    /// URL slug, unique across topics.
    public var slug: String
    /// Display name.
    public var name: String
    /// A sentence describing the story.
    public var description: String

    /// Creates a topic.
    public init(id: TopicID, slug: String, name: String, description: String = "") {
        self.id = id
        self.slug = slug
        self.name = name
        self.description = description
    }
}

/// A byline: the name readers see, distinct from any user account (guest writers and agencies have bylines too).
public struct Author: Hashable, Sendable, Codable {
    /// Storage identifier.
    public var id: AuthorID
    /// URL slug, unique across authors.
    public var slug: String
    /// Name as printed in the byline.
    public var name: String
    /// Role line, e.g. "Phóng viên Thế giới".
    public var title: String
    /// Short biography for the author page.
    public var bio: String

    /// Creates an author.
    public init(id: AuthorID, slug: String, name: String, title: String = "", bio: String = "") {
        self.id = id
        self.slug = slug
        self.name = name
        self.title = title
        self.bio = bio
    }
}
