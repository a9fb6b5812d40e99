import NewsDomain
import NewsText

/// One correction as readers see it: the note and when it was published.
struct CorrectionView: Sendable {
    /// The correction text (escaped by the template).
    let note: String
    /// ISO 8601 time with +07:00, for `<time datetime>`.
    let timeISO: String
    /// "22/12/2023 10:30".
    let timeText: String

    init(_ correction: Correction) {
        note = correction.note
        timeISO = VietnameseDate.iso8601(correction.createdAt)
        timeText = VietnameseDate.shortDateTime(correction.createdAt)
    }
}
