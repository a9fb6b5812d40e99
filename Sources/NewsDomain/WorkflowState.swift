/// Where an article stands in the workflow: its status and, once it has been published, the stage of its working revision.
public struct WorkflowState: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The article's status.
    public var status: ArticleStatus
    /// The stage of the working revision of a published (or taken-down) article; nil when the live version is the latest.
    public var revision: RevisionStage?

    /// Creates a state.
    public init(_ status: ArticleStatus, revision: RevisionStage? = nil) {
        self.status = status
        self.revision = revision
    }

    /// The Vietnamese description, e.g. "Đã xuất bản (bản sửa: Chờ duyệt)".
    public var label: String {
        guard let revision else { return status.label }
        return "\(status.label) (bản sửa: \(revision.label))"
    }

    /// "status" or "status/revision" with the stored names, e.g. "published/edited".
    public var description: String {
        guard let revision else { return status.rawValue }
        return "\(status.rawValue)/\(revision.rawValue)"
    }
}

/// Where the working revision of an already-published article stands: it goes through review while the published version stays online.
public enum RevisionStage: String, Sendable, Codable, CaseIterable {
    /// Being written.
    case draft
    /// Waiting at the first approval level.
    case submitted
    /// Waiting at the middle level of a three-level chain.
    case edited
    /// Waiting at the last level, to be published.
    case approved
    /// Sent back with a note.
    case returned

    /// The article status with the same meaning, which names the same approval level.
    public var status: ArticleStatus {
        switch self {
        case .draft: .draft
        case .submitted: .submitted
        case .edited: .edited
        case .approved: .approved
        case .returned: .returned
        }
    }

    /// The stage with the same meaning as `status`, or nil for a status a revision cannot have (scheduled, published, taken down).
    public init?(_ status: ArticleStatus) {
        switch status {
        case .draft: self = .draft
        case .submitted: self = .submitted
        case .edited: self = .edited
        case .approved: self = .approved
        case .returned: self = .returned
        case .scheduled, .published, .takenDown: return nil
        }
    }

    /// The Vietnamese name, the same as the matching status's.
    public var label: String { status.label }
}
