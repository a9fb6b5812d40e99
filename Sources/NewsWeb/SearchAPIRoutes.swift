import Foundation
import Hummingbird
import NewsDomain
import NewsRendering
import NewsStore
import NewsText

/// `GET /api/v1/search?q=…&limit=&offset=&section=&from=&to=`: the reader site's search as JSON (documented in
/// `openapi/content.yaml`). Parameters are checked strictly — an unknown or malformed one is a 400 with
/// `{"error": {"code", "message", "field"}}`. Answers carry an ETag (304 on a match) but are never kept in the page
/// cache: every query differs.
public struct SearchAPIRoutes: Sendable {
    /// Hits per answer when `limit` is not given.
    public static let defaultLimit = 10
    /// Deepest `offset` accepted: results that far down are not worth reading, and going deeper costs every search.
    public static let maxOffset = 10_000

    let store: any NewsStorage
    let clock: @Sendable () -> Date

    /// Creates the routes over `store`.
    public init(store: any NewsStorage, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    static let parameters = ["q", "limit", "offset", "section", "from", "to"]

    /// Registers the route on `router`.
    public func register(on router: Router<NewsRequestContext>) {
        router.get("api/v1/search") { request, _ in try await search(request) }
    }

    /// What a search request asks, checked.
    struct Query: Equatable {
        var text: String
        var limit: Int
        var offset: Int
        var sectionSlug: String?
        var from: Date?
        var until: Date?

        init(_ form: FormParameters) throws(RequestProblem) {
            for (name, values) in form.values {
                guard SearchAPIRoutes.parameters.contains(name) else {
                    throw .unknown(name, allowed: SearchAPIRoutes.parameters)
                }
                guard values.count == 1 else {
                    throw .invalid(name, "The query parameter \"\(name)\" is given more than once; give it once")
                }
            }
            let raw = form["q"] ?? ""
            guard !raw.unicodeScalars.contains("\u{FFFD}") else {
                throw .invalid("q", "q is not valid UTF-8 once percent-decoded")
            }
            guard !raw.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                throw .invalid("q", "q must not contain control characters")
            }
            text = VietnameseText.nfc(raw).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !text.isEmpty else { throw .invalid("q", "q is required: the words to search for, e.g. q=đường sắt") }
            guard text.count <= SearchPageRequest.maxQueryLength else {
                throw .invalid("q", "q must be at most \(SearchPageRequest.maxQueryLength) characters; got \(text.count)")
            }
            limit = try Self.number(form, "limit", range: 1...PageRequest.maxSize) ?? SearchAPIRoutes.defaultLimit
            offset = try Self.number(form, "offset", range: 0...SearchAPIRoutes.maxOffset) ?? 0
            if let section = form["section"] {
                // Any other text is looked up, and a slug that names no section is a 404, as in the Content API.
                guard !section.isEmpty, section.count <= 200 else {
                    throw .invalid("section", "section must be a section slug, e.g. section=kinh-te")
                }
                sectionSlug = section
            }
            // As in the Content API, a range that ends before it starts is simply empty.
            from = try Self.date(form, "from", endOfDay: false)
            until = try Self.date(form, "to", endOfDay: true)
        }

        /// A whole number parameter within `range`.
        static func number(_ form: FormParameters, _ name: String, range: ClosedRange<Int>) throws(RequestProblem) -> Int? {
            guard let value = form[name] else { return nil }
            guard value.count <= 6, !value.isEmpty, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int(value),
                range.contains(number)
            else {
                let shown = value.count > 20 ? String(value.prefix(20)) + "…" : value
                throw .invalid(name, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound); got \"\(shown)\"")
            }
            return number
        }

        /// A day (`2024-08-05`, in Vietnam; as `to` it takes the whole day) or a date-time with its offset.
        static func date(_ form: FormParameters, _ name: String, endOfDay: Bool) throws(RequestProblem) -> Date? {
            guard let value = form[name] else { return nil }
            if let day = SearchPageRequest.day(value) { return endOfDay ? day.addingTimeInterval(86_400) : day }
            if value.count <= 40, let instant = VietnameseDate.parseISO8601(value) { return instant }
            throw .invalid(
                name, "\(name) must be a date (2024-08-05, in GMT+7) or a date-time with offset (2024-08-05T14:30:00+07:00)"
            )
        }
    }

    private func search(_ request: Request) async throws -> Response {
        let query = try Query(FormParameters(query: request.uri.query))
        let now = clock()
        async let settings = store.siteSettings()
        var sectionID: SectionID?
        if let slug = query.sectionSlug {
            guard let section = try await store.section(slug: slug) else {
                throw RequestProblem.notFound("section", "No section has the slug \"\(slug.count > 100 ? String(slug.prefix(100)) + "…" : slug)\"")
            }
            sectionID = section.id
        }
        func page(_ number: Int) async throws -> SearchResults {
            try await store.searchCorrectingTypos(
                SearchRequest(
                    query: query.text, sectionID: sectionID, from: query.from, until: query.until, scope: .published(now: now),
                    page: PageRequest(number: number, size: query.limit)
                )
            )
        }
        // The store pages by `limit`; an offset between pages takes the end of one and the start of the next.
        let first = query.offset / query.limit + 1
        let skip = query.offset % query.limit
        let results = try await page(first)
        var hits = Array(results.hits.dropFirst(skip))
        if skip > 0, hits.count < query.limit, results.totalIsLowerBound || query.offset + hits.count < results.totalCount {
            hits += try await page(first + 1).hits.prefix(query.limit - hits.count)
        }
        let links = SiteAddress(try await settings.baseURL)
        let body = Answer(
            query: query.text, total: results.totalCount, totalIsLowerBound: results.totalIsLowerBound, limit: query.limit,
            offset: query.offset,
            suggestion: results.suggestion, suggestionSearched: results.isForSuggestion,
            hits: hits.map { hit in
                Answer.Hit(
                    id: hit.id.rawValue, externalID: hit.externalID, title: hit.title, titleHTML: hit.titleHTML,
                    url: links.url(.article(id: hit.id, slug: hit.slug)), snippet: hit.snippetHTML,
                    section: .section(hit.section, links: links),
                    publishedAt: hit.publishedAt.map(VietnameseDate.iso8601),
                    score: (hit.score * 1000).rounded() / 1000
                )
            }
        )
        // An ETag and 304 as every Content API answer has, though the answer is not kept.
        let answer = CachedPage(contentType: ContentAPIRoutes.json, bytes: try ContentAPIModels.encode(body), dependencies: [])
        return ReaderRoutes.response(answer, request: request)
    }

    /// The JSON answer. Optional fields are written as `null`, so every hit has the same keys.
    struct Answer: Encodable {
        struct Hit: Encodable {
            var id: Int64
            @ContentAPIModels.Nullable var externalID: String?
            var title: String
            var titleHTML: String
            var url: String
            var snippet: String
            var section: ContentAPIModels.Ref
            @ContentAPIModels.Nullable var publishedAt: String?
            var score: Double

            enum CodingKeys: String, CodingKey {
                case id, externalID = "external_id", title, titleHTML = "title_html", url, snippet, section
                case publishedAt = "published_at", score
            }
        }

        var query: String
        var total: Int
        /// More than `total` match: the store counts only so far (see `SearchResults.totalCount`).
        var totalIsLowerBound: Bool
        var limit: Int
        var offset: Int
        @ContentAPIModels.Nullable var suggestion: String?
        /// The hits are those of `suggestion`, since `query` found nothing.
        var suggestionSearched: Bool
        var hits: [Hit]

        enum CodingKeys: String, CodingKey {
            case query, total, totalIsLowerBound = "total_is_lower_bound", limit, offset, suggestion
            case suggestionSearched = "suggestion_searched", hits
        }
    }
}
