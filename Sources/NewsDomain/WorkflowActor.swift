/// Who acts on an article: their roles, the sections a section editor is limited to, and their user id.
public struct WorkflowActor: Sendable, Hashable {
    /// The acting user, compared with the article's author to grant an author's rights.
    public var userID: Int64
    /// Every role the user holds.
    public var roles: Set<Role>
    /// The sections the user's section-editor role is limited to; nil means all sections. Higher roles are never limited.
    public var sectionLimits: Set<SectionID>?

    /// Creates an actor.
    public init(userID: Int64, roles: Set<Role>, sectionLimits: Set<SectionID>? = nil) {
        self.userID = userID
        self.roles = roles
        self.sectionLimits = sectionLimits
    }
}
