import NewsDomain
import NewsText

/// The view model of the corrections index ("Thông tin cải chính"): every correction, newest first, with a link to
/// the article it corrects.
struct CorrectionsPage: Sendable {
    let site: SiteContext
    let meta: PageMeta
    /// "Thông tin cải chính".
    let heading: String
    /// What the page is, in a sentence.
    let intro: String
    let entries: [CorrectionEntry]
    let hasEntries: Bool
    /// "12 thông tin cải chính".
    let countText: String
    let pageNumber: Int
    let isFirstPage: Bool
    let pagination: Pagination

    /// The page's heading.
    static let title = "Thông tin cải chính"

    init(content: CorrectionsPageContent, chrome: SiteChrome, assets: ThemeAssetPaths) {
        let site = SiteContext(chrome: chrome, assets: assets)
        self.site = site
        heading = Self.title
        intro = "Các thông tin cải chính, xin lỗi và đính chính \(chrome.settings.name) đã đăng, mới nhất trước."
        entries = content.items.map { CorrectionEntry(correction: $0.correction, article: $0.article) }
        hasEntries = !entries.isEmpty
        countText = "\(content.totalCount) thông tin cải chính"
        pageNumber = max(content.pageNumber, 1)
        isFirstPage = pageNumber == 1
        pagination = Pagination(url: .corrections, page: content.pageNumber, pageCount: content.pageCount)
        let pagePart = pageNumber > 1 ? " - Trang \(pageNumber)" : ""
        meta = PageMeta(
            title: "\(Self.title)\(pagePart) - \(chrome.settings.name)", description: intro,
            canonicalURL: site.absolute(SiteURL.corrections.path(page: pageNumber)),
            previousURL: pagination.hasPrevious ? site.absolute(pagination.previousPath) : nil,
            nextURL: pagination.hasNext ? site.absolute(pagination.nextPath) : nil
        )
    }
}

/// A line of the corrections index: when, what was corrected, and the article.
struct CorrectionEntry: Sendable {
    /// The correction text.
    let note: String
    /// ISO 8601 time of the correction, with +07:00.
    let timeISO: String
    /// "22/12/2023 10:30".
    let timeText: String
    /// The corrected article's headline (its published version's).
    let title: String
    /// The corrected article's path.
    let path: String
    let sectionName: String
    let sectionPath: String

    init(correction: Correction, article: ArticleSummary) {
        note = correction.note
        timeISO = VietnameseDate.iso8601(correction.createdAt)
        timeText = VietnameseDate.shortDateTime(correction.createdAt)
        title = article.title
        path = SiteURL.article(id: article.id, slug: article.slug).path
        sectionName = article.section.name
        sectionPath = SiteURL.section(slug: article.section.slug).path
    }
}
