import Foundation
import NewsDomain
import NewsRendering
import NewsStore
import NewsText

/// What a reader asked on `/tim-kiem`, read leniently from the address: `q`, `chuyen-muc` (a section slug), `tu` and
/// `den` (days, `YYYY-MM-DD`, in Vietnam's time; both inclusive), `trang` (page). Anything unusable becomes a problem
/// the page explains with status 400, never an error page.
public struct SearchPageRequest: Sendable, Equatable {
    /// Longest query searched, in characters (the search box says so too).
    public static let maxQueryLength = 200
    /// Results per page.
    public static let pageSize = 10
    /// Highest page number accepted.
    public static let maxPage = 1_000

    /// What goes back into the form and the links.
    public var filters: SearchPageContent.Filters
    /// The page asked for.
    public var page: Int
    /// Start of the first day (inclusive).
    public var from: Date?
    /// Start of the day after the last one (exclusive).
    public var until: Date?
    /// Why the request cannot be searched as asked, in Vietnamese.
    public var problem: String?

    /// Reads the query parameters of a request (names and values already percent-decoded).
    public init(parameters: [String: String]) {
        var problems: [String] = []
        var query = parameters["q"] ?? ""
        if query.unicodeScalars.contains("\u{FFFD}") || query.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" }) {
            problems.append("Từ khóa có ký tự không đọc được. Mời bạn gõ lại.")
            query = String(query.unicodeScalars.filter { $0 != "\u{FFFD}" && $0.value >= 0x20 })
        }
        query = VietnameseText.nfc(query).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if query.count > Self.maxQueryLength {
            problems.append("Từ khóa dài quá \(Self.maxQueryLength) ký tự. Mời bạn rút gọn.")
            query = String(query.prefix(Self.maxQueryLength))
        }
        let sectionSlug = parameters["chuyen-muc"].flatMap { $0.isEmpty ? nil : $0 }
        let fromText = parameters["tu"] ?? ""
        let untilText = parameters["den"] ?? ""
        from = Self.day(fromText)
        until = Self.day(untilText).map { $0.addingTimeInterval(86_400) }
        if (!fromText.isEmpty && from == nil) || (!untilText.isEmpty && until == nil) {
            problems.append("Ngày không hợp lệ: mời bạn chọn ngày theo dạng năm-tháng-ngày, ví dụ 2024-12-31.")
        } else if let from, let until, from >= until {
            problems.append("Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.")
        }
        page = 1
        if let raw = parameters["trang"] {
            if raw.count <= 4, raw.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int(raw), (1...Self.maxPage).contains(number) {
                page = number
            } else {
                problems.append("Số trang không hợp lệ.")
            }
        }
        filters = SearchPageContent.Filters(
            query: query, sectionSlug: sectionSlug,
            from: from == nil ? "" : fromText, until: until == nil ? "" : untilText
        )
        problem = problems.isEmpty ? nil : problems.joined(separator: " ")
    }

    /// Midnight in Vietnam starting a day written `YYYY-MM-DD`; nil for anything else or a day that does not exist.
    static func day(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) })
        else { return nil }
        return VietnameseDate.parseISO8601(text + "T00:00:00+07:00")
    }
}

extension ReaderController {
    /// The search page: the form with what was asked, the results, a suggestion when nothing was found. Status 400 when
    /// the request has a problem (the page says which); never cached, since every query is a different page.
    public func search(_ request: SearchPageRequest) async throws -> ReaderOutcome {
        let now = clock()
        let chrome = try await chrome(now: now)
        var request = request
        var sectionID: SectionID?
        if let slug = request.filters.sectionSlug {
            if let section = chrome.sections.first(where: { $0.slug == slug }) {
                sectionID = section.id
            } else {
                let problem = "Không có chuyên mục “\(slug)”; đã bỏ lọc theo chuyên mục."
                request.problem = [request.problem, problem].compactMap { $0 }.joined(separator: " ")
                request.filters.sectionSlug = nil
            }
        }
        var content = SearchPageContent(filters: request.filters, pageNumber: request.page, problem: request.problem)
        if request.problem == nil, !request.filters.query.isEmpty {
            let results = try await store.searchCorrectingTypos(
                SearchRequest(
                    query: request.filters.query, sectionID: sectionID, from: request.from, until: request.until,
                    scope: .published(now: now), page: PageRequest(number: request.page, size: SearchPageRequest.pageSize)
                )
            )
            content.results = results.hits.map {
                SearchPageContent.Result(
                    id: $0.id, slug: $0.slug, titleHTML: $0.titleHTML, snippetHTML: $0.snippetHTML, section: $0.section,
                    publishedAt: $0.publishedAt
                )
            }
            content.totalCount = results.totalCount
            content.totalIsLowerBound = results.totalIsLowerBound
            content.pageCount = max(1, (results.totalCount + SearchPageRequest.pageSize - 1) / SearchPageRequest.pageSize)
            if results.totalIsLowerBound {
                // More match than were counted: there is a page after the counted ones, and after this one when full.
                let full = results.hits.count == SearchPageRequest.pageSize
                content.pageCount = max(content.pageCount + 1, request.page + (full ? 1 : 0))
            }
            content.suggestion = results.suggestion
            content.isForSuggestion = results.isForSuggestion
        }
        return .page(CachedPage(
            status: request.problem == nil ? .ok : .badRequest, contentType: "text/html; charset=utf-8",
            text: renderer.render(search: content, chrome: chrome), dependencies: [.latest]
        ))
    }
}
