import Foundation
import NewsDomain
import NewsText

/// The content of the search page (`/tim-kiem`): what was asked, and what was found.
public struct SearchPageContent: Sendable {
    /// What the reader asked, as it goes back into the form and the page links.
    public struct Filters: Sendable, Equatable {
        /// The query as typed (cleaned).
        public var query: String
        /// The section filter's slug, if any.
        public var sectionSlug: String?
        /// The first day, `YYYY-MM-DD`, as entered ("" for none).
        public var from: String
        /// The last day, `YYYY-MM-DD`, as entered ("" for none).
        public var until: String

        /// Creates filters.
        public init(query: String, sectionSlug: String? = nil, from: String = "", until: String = "") {
            self.query = query
            self.sectionSlug = sectionSlug
            self.from = from
            self.until = until
        }

        /// The address of a page of these results: `/tim-kiem?q=…&chuyen-muc=…&tu=…&den=…&trang=N`.
        public func path(page: Int = 1) -> String {
            var items: [(String, String)] = [("q", query)]
            if let sectionSlug, !sectionSlug.isEmpty { items.append(("chuyen-muc", sectionSlug)) }
            if !from.isEmpty { items.append(("tu", from)) }
            if !until.isEmpty { items.append(("den", until)) }
            if page > 1 { items.append(("trang", String(page))) }
            let query = items.map { "\($0.0)=\(Self.encoded($0.1))" }.joined(separator: "&")
            return "\(SiteURL.search.path)?\(query)"
        }

        /// Characters left as they are in a query value; everything else is percent-encoded.
        private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

        private static func encoded(_ value: String) -> String {
            value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
        }
    }

    /// One result.
    public struct Result: Sendable {
        /// The article.
        public var id: ArticleID
        /// Its slug, for its address.
        public var slug: String
        /// The headline as safe HTML, matches in `<mark>` (from the search, which escapes everything else).
        public var titleHTML: String
        /// A passage as safe HTML, matches in `<mark>`.
        public var snippetHTML: String
        /// Its section.
        public var section: Section
        /// When it went online.
        public var publishedAt: Date?

        /// Creates a result.
        public init(id: ArticleID, slug: String, titleHTML: String, snippetHTML: String, section: Section, publishedAt: Date?) {
            self.id = id
            self.slug = slug
            self.titleHTML = titleHTML
            self.snippetHTML = snippetHTML
            self.section = section
            self.publishedAt = publishedAt
        }
    }

    /// What was asked.
    public var filters: Filters
    /// This page's results, best first.
    public var results: [Result]
    /// How many articles match in all, or at least (`totalIsLowerBound`).
    public var totalCount: Int
    /// Whether more than `totalCount` articles match ("hơn 500 kết quả").
    public var totalIsLowerBound = false
    /// This page's number, from 1.
    public var pageNumber: Int
    /// How many pages the results fill.
    public var pageCount: Int
    /// A corrected query that finds something, when this one found nothing.
    public var suggestion: String?
    /// Whether `results` are those of `suggestion`, since the query as typed found nothing.
    public var isForSuggestion = false
    /// Why the request could not be searched as asked (a bad date, an unknown section, an over-long query), in
    /// Vietnamese; the form is shown again with it.
    public var problem: String?

    /// Creates the content.
    public init(
        filters: Filters, results: [Result] = [], totalCount: Int = 0, pageNumber: Int = 1, pageCount: Int = 1,
        suggestion: String? = nil, problem: String? = nil
    ) {
        self.filters = filters
        self.results = results
        self.totalCount = totalCount
        self.pageNumber = pageNumber
        self.pageCount = pageCount
        self.suggestion = suggestion
        self.problem = problem
    }
}

/// The view model of the search page. Result pages are `noindex`: they are made on demand from any text.
struct SearchPage: Sendable {
    let site: SiteContext
    let meta: PageMeta
    /// "Tìm kiếm".
    let heading: String
    let query: String
    let hasQuery: Bool
    let formPath: String
    /// Sections for the filter, parents followed by their children.
    let sections: [SearchSectionOption]
    let from: String
    let until: String
    let results: [SearchResultItem]
    let hasResults: Bool
    /// "Tìm thấy 123 kết quả cho “đường sắt”", or "Tìm thấy hơn 500 kết quả …" when the count stopped there.
    let countText: String
    /// Whether to say that nothing was found, and what.
    let isEmpty: Bool
    let emptyText: String
    /// "Có phải bạn muốn tìm …?": a suggestion offered, not searched.
    let hasSuggestion: Bool
    /// The results shown are the suggestion's: "Không tìm thấy kết quả cho “…”; dưới đây là kết quả cho …".
    let isForSuggestion: Bool
    let suggestion: String
    let suggestionPath: String
    let hasProblem: Bool
    let problem: String
    let pagination: Pagination

    /// The page's heading.
    static let title = "Tìm kiếm"

    init(content: SearchPageContent, chrome: SiteChrome, assets: ThemeAssetPaths) {
        site = SiteContext(chrome: chrome, assets: assets)
        heading = Self.title
        let filters = content.filters
        query = filters.query
        hasQuery = !filters.query.isEmpty
        formPath = SiteURL.search.path
        let parents = Dictionary(chrome.sections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        sections = chrome.sections.map { section in
            SearchSectionOption(
                slug: section.slug, name: section.name, isSelected: section.slug == filters.sectionSlug,
                isChild: section.parentID.map { parents[$0] != nil } ?? false
            )
        }
        from = filters.from
        until = filters.until
        results = content.results.map(SearchResultItem.init)
        hasResults = !results.isEmpty
        let quoted = "“\(filters.query)”"
        let searched = content.isForSuggestion ? "“\(content.suggestion ?? "")”" : quoted
        countText = "Tìm thấy \(content.totalIsLowerBound ? "hơn " : "")\(Self.grouped(content.totalCount)) kết quả cho \(searched)"
        hasProblem = content.problem != nil
        problem = content.problem ?? ""
        isEmpty = hasQuery && !hasResults && !hasProblem
        emptyText = content.totalCount > 0
            ? "Trang này không có kết quả; mời bạn xem các trang trước."
            : "Không tìm thấy bài viết nào cho \(quoted). Mời bạn thử từ khóa khác, ít từ hơn, hoặc bỏ bớt bộ lọc."
        isForSuggestion = content.isForSuggestion && content.suggestion != nil
        hasSuggestion = content.suggestion != nil && !isForSuggestion
        suggestion = content.suggestion ?? ""
        var suggested = filters
        suggested.query = content.suggestion ?? ""
        suggestionPath = suggested.path()
        pagination = Pagination(page: content.pageNumber, pageCount: content.pageCount) { filters.path(page: $0) }
        let pagePart = content.pageNumber > 1 ? " - Trang \(content.pageNumber)" : ""
        let title = hasQuery ? "\(Self.title): \(filters.query)\(pagePart)" : Self.title
        meta = PageMeta(
            title: "\(title) - \(chrome.settings.name)", description: "Tìm bài viết trên \(chrome.settings.name).",
            canonicalURL: nil, noindex: true
        )
    }

    /// 1234567 → "1.234.567", as Vietnamese writes numbers.
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(".") }
            result.append(digit)
        }
        return result
    }
}

/// A section in the search page's filter.
struct SearchSectionOption: Sendable {
    let slug: String
    let name: String
    let isSelected: Bool
    /// A subsection (shown indented).
    let isChild: Bool
}

/// A result as the search page shows it.
struct SearchResultItem: Sendable {
    /// Safe HTML from the search (escaped, matches marked): put in with `{{{titleHTML}}}`.
    let titleHTML: String
    let snippetHTML: String
    let hasSnippet: Bool
    let path: String
    let sectionName: String
    let sectionPath: String
    let hasTime: Bool
    let timeISO: String
    let timeText: String

    init(_ result: SearchPageContent.Result) {
        titleHTML = result.titleHTML
        snippetHTML = result.snippetHTML
        hasSnippet = !result.snippetHTML.isEmpty
        path = SiteURL.article(id: result.id, slug: result.slug).path
        sectionName = result.section.name
        sectionPath = SiteURL.section(slug: result.section.slug).path
        hasTime = result.publishedAt != nil
        timeISO = result.publishedAt.map(VietnameseDate.iso8601) ?? ""
        timeText = result.publishedAt.map(VietnameseDate.shortDateTime) ?? ""
    }
}
