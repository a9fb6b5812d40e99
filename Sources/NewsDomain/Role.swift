/// Roles people hold in the newsroom (a user may hold several); raw values are the names used by the CLI and the API.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// Phóng viên: writes articles and sends them up the chain.
    case reporter = "phong-vien"
    /// Biên tập viên (or trưởng ban): edits and approves, possibly only in some sections.
    case sectionEditor = "bien-tap-vien"
    /// Thư ký tòa soạn: the copy desk and managing editor.
    case copyDesk = "thu-ky-toa-soan"
    /// Tổng biên tập: the editor-in-chief, answerable in law for what is published.
    case editorInChief = "tong-bien-tap"
    /// Quản trị: runs the site; approves no content unless they also hold an editorial role.
    case administrator = "quan-tri"

    /// The Vietnamese name the newsroom uses.
    public var label: String {
        switch self {
        case .reporter: "Phóng viên"
        case .sectionEditor: "Biên tập viên"
        case .copyDesk: "Thư ký tòa soạn"
        case .editorInChief: "Tổng biên tập"
        case .administrator: "Quản trị"
        }
    }

    /// Seniority in the editorial chain (reporter 0 … editor-in-chief 3); nil for a role outside it.
    public var editorialRank: Int? {
        switch self {
        case .reporter: 0
        case .sectionEditor: 1
        case .copyDesk: 2
        case .editorInChief: 3
        case .administrator: nil
        }
    }
}
