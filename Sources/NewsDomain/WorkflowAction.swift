/// The things people do to move an article through the newsroom; raw values are the API and audit-log names.
public enum WorkflowAction: String, Sendable, Codable, CaseIterable {
    /// Gửi duyệt: send a draft (or a returned article, or a revision) to the first approval level.
    case submit
    /// Trả lại: send an article waiting for approval (or scheduled) back to its author, with a note.
    case `return`
    /// Duyệt: approve at a level below the last, passing the article to the next level.
    case approve
    /// Xuất bản: put an article online (or an approved revision, or a scheduled article now, or a taken-down one again).
    case publish
    /// Hẹn giờ: have an article approved at the last level published at a given time.
    case schedule
    /// Hủy xuất bản: cancel a schedule, or withdraw a published article from the site back to the last level.
    case unpublish
    /// Cải chính: attach a correction note to a published article.
    case correct
    /// Gỡ bài: hide a published or scheduled article from readers, keeping every version.
    case takedown

    /// The Vietnamese name of the action, for buttons and the audit log.
    public var label: String {
        switch self {
        case .submit: "Gửi duyệt"
        case .return: "Trả lại"
        case .approve: "Duyệt"
        case .publish: "Xuất bản"
        case .schedule: "Hẹn giờ"
        case .unpublish: "Hủy xuất bản"
        case .correct: "Cải chính"
        case .takedown: "Gỡ bài"
        }
    }
}
