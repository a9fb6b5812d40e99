import Foundation
import NewsDomain
import NewsText

extension ArticleInput {
    /// The input normalised and checked as an editorial save: its status and publication time are the workflow's,
    /// not the input's (a create may only ask for a draft). Every store checks a save this way before writing.
    public func editorialInput(creating: Bool) throws(ValidationErrors) -> ArticleInput {
        var copy = normalized()
        let askedStatus = copy.status
        copy.status = .draft
        copy.publishedAt = nil
        var errors = ArticleInput.problems(in: [copy]).map(\.error)
        if creating, askedStatus != .draft {
            errors.append(.invalid("status", "must be one of: \(ArticleStatus.draft.rawValue)"))
        }
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        return copy
    }
}

extension SEOFields {
    /// The fields in NFC, checked.
    public func checked() throws(ValidationErrors) -> SEOFields {
        let normalized = SEOFields(title: title.map(VietnameseText.nfc), description: description.map(VietnameseText.nfc))
        guard normalized.violations.isEmpty else { throw ValidationErrors(normalized.violations) }
        return normalized
    }
}

extension WorkflowDenial {
    /// A user without an editorial role tried to write an article.
    public static let writeNotPermitted = WorkflowDenial(code: "not-permitted", message: "Bạn không có quyền viết bài")

    /// Someone other than an editor of the article's section tried to take its edit lock over.
    public static let takeOverNotPermitted = WorkflowDenial(
        code: "not-permitted", message: "Chỉ biên tập viên phụ trách chuyên mục trở lên được giành quyền sửa bài"
    )
}

/// How the scheduler signs what it does, shared by every store.
public enum ScheduledPublishing {
    /// The name the audit log gives the scheduler, which acts for no person.
    public static let schedulerName = "Hệ thống hẹn giờ"

    /// A scheduled article published later than this after its time was missed (the server was down), and its audit
    /// note says so.
    public static let grace: TimeInterval = 60

    /// "Xuất bản theo giờ hẹn 22/12/2023 10:30", or for a missed schedule how late it went out.
    public static func note(scheduledAt: Date, now: Date) -> String {
        let late = now.timeIntervalSince(scheduledAt)
        let time = VietnameseDate.shortDateTime(scheduledAt)
        guard late > grace else { return "Xuất bản theo giờ hẹn \(time)" }
        let minutes = Int((late / 60).rounded(.up))
        return "Xuất bản trễ \(minutes) phút so với giờ hẹn \(time) (lỡ hẹn khi máy chủ không chạy)"
    }
}
