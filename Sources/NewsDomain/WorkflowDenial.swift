/// Why the workflow refuses an action or an edit: a stable code, the request field at fault when there is one, and a Vietnamese message.
///
/// Codes: `wrong-state` (the action does not apply to the article as it stands), `not-permitted` (it applies, but not
/// for this person), `outside-sections` (it would be permitted in the person's own sections), `note-required`
/// (field `note`), `time-required` and `time-in-past` (field `at`).
public struct WorkflowDenial: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable machine-readable code.
    public var code: String
    /// The request field at fault (`note`, `at`), or nil when the refusal is not about a field.
    public var field: String?
    /// A sentence for people, in Vietnamese.
    public var message: String

    /// Creates a denial.
    public init(code: String, field: String? = nil, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// "code: message".
    public var description: String { "\(code): \(message)" }
}

extension WorkflowDenial {
    /// The action does not apply to the article in its state.
    static func wrongState(_ action: WorkflowAction, _ subject: WorkflowSubject) -> Self {
        guard subject.isConsistent else { return invalidState }
        let verb = action == .unpublish && subject.status == .scheduled ? "hủy hẹn giờ" : action.label.lowercased()
        return Self(code: "wrong-state", message: "Không thể \(verb) bài đang ở trạng thái “\(subject.state.label)”")
    }

    /// The subject carries a revision although it was never published: a storage fault, refused rather than guessed at.
    static let invalidState = Self(code: "wrong-state", message: "Trạng thái bài không hợp lệ (bản sửa của bài chưa xuất bản)")

    /// A taken-down article cannot be edited.
    static let notEditable = Self(code: "wrong-state", message: "Bài đã gỡ, không thể sửa")

    /// The action applies but this person may not take it.
    static func notPermitted(_ action: WorkflowAction, _ subject: WorkflowSubject) -> Self {
        let message =
            switch action {
            case .submit: "Bạn không có quyền gửi duyệt bài này"
            case .return: "Bạn không có quyền trả lại bài ở bước này"
            case .approve: "Bạn không có quyền duyệt bài ở bước này"
            case .publish:
                subject.status == .takenDown
                    ? "Chỉ Tổng biên tập được xuất bản lại bài đã gỡ" : "Bạn không có quyền xuất bản bài này"
            case .schedule: "Bạn không có quyền hẹn giờ xuất bản bài này"
            case .unpublish:
                subject.status == .scheduled ? "Bạn không có quyền hủy hẹn giờ bài này" : "Bạn không có quyền hủy xuất bản bài này"
            case .correct: "Chỉ Thư ký tòa soạn hoặc Tổng biên tập được đăng cải chính"
            case .takedown: "Chỉ Tổng biên tập được gỡ bài"
            }
        return Self(code: "not-permitted", message: message)
    }

    /// This person may not edit the article as it stands.
    static let editNotPermitted = Self(code: "not-permitted", message: "Bạn không có quyền sửa bài này ở bước này")

    /// The person's section-editor role does not cover the article's section.
    static let outsideSections = Self(code: "outside-sections", message: "Bài thuộc chuyên mục bạn không phụ trách")

    /// The action needs a note and none (or only blanks) was given.
    static func noteRequired(_ action: WorkflowAction) -> Self {
        let message =
            switch action {
            case .return: "Cần ghi lý do khi trả lại bài"
            case .unpublish: "Cần ghi lý do khi hủy xuất bản bài"
            case .correct: "Cần ghi nội dung cải chính"
            case .takedown: "Cần ghi lý do gỡ bài"
            case .publish: "Cần ghi lý do khi xuất bản lại bài đã gỡ"
            case .submit, .approve, .schedule: "Cần ghi chú cho thao tác này"
            }
        return Self(code: "note-required", field: "note", message: message)
    }

    /// Scheduling needs a time.
    static let timeRequired = Self(code: "time-required", field: "at", message: "Cần chọn thời điểm hẹn giờ xuất bản")

    /// The scheduled time has already passed.
    static let timeInPast = Self(code: "time-in-past", field: "at", message: "Thời điểm hẹn giờ phải ở tương lai")
}
