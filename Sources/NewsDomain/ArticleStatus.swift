/// Where an article stands in the newsroom's workflow.
///
/// Readers only ever see articles that are `published` with a publication time that has come.
public enum ArticleStatus: String, Sendable, Codable, CaseIterable {
    /// Nháp: being written.
    case draft
    /// Chờ biên tập: sent by the reporter to the section editor.
    case submitted
    /// Chờ duyệt: edited, waiting for the copy desk.
    case edited
    /// Chờ xuất bản: approved, waiting for the editor-in-chief to publish.
    case approved
    /// Hẹn giờ: approved and set to publish at a given time.
    case scheduled
    /// Đã xuất bản: visible to readers.
    case published
    /// Trả lại: sent back to its author with a note.
    case returned
    /// Gỡ: hidden from readers; every version is kept.
    case takenDown = "taken-down"

    /// The Vietnamese name the newsroom uses.
    public var label: String {
        switch self {
        case .draft: "Nháp"
        case .submitted: "Chờ biên tập"
        case .edited: "Chờ duyệt"
        case .approved: "Chờ xuất bản"
        case .scheduled: "Hẹn giờ"
        case .published: "Đã xuất bản"
        case .returned: "Trả lại"
        case .takenDown: "Đã gỡ"
        }
    }
}
