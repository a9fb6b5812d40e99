import Foundation
import NewsDomain
import Testing

@Suite("Choosing the related-articles box")
struct RelatedArticlesTests {
    static let section = Section(id: SectionID(1), slug: "the-gioi", name: "Thế giới")

    static func summary(_ id: Int64) -> ArticleSummary {
        ArticleSummary(id: ArticleID(id), slug: "bai-\(id)", title: "Bài \(id)", sapo: "", section: section, publishedAt: Date(timeIntervalSince1970: 0))
    }

    @Test("curated first, then topic, then shared tags, then section; no duplicates; never itself; at most five")
    func order() {
        let chosen = RelatedArticles.select(
            for: ArticleID(1),
            curated: [Self.summary(9), Self.summary(1)],
            sameTopic: [Self.summary(8), Self.summary(9)],
            sharedTags: [Self.summary(7), Self.summary(8), Self.summary(6)],
            sameSection: [Self.summary(5), Self.summary(4), Self.summary(3)]
        )
        #expect(chosen.map(\.id.rawValue) == [9, 8, 7, 6, 5])
    }

    @Test("fewer candidates than the limit gives them all, in order")
    func short() {
        let chosen = RelatedArticles.select(
            for: ArticleID(1), curated: [], sameTopic: [], sharedTags: [Self.summary(3)], sameSection: [Self.summary(2), Self.summary(1)]
        )
        #expect(chosen.map(\.id.rawValue) == [3, 2])
    }
}

@Suite("Article input rules")
struct ArticleInputTests {
    static func valid() -> ArticleInput {
        ArticleInput(
            externalID: "x-1", title: "Tiêu đề", sapo: "Sapo", body: "Nội dung", sectionSlug: "the-gioi", tags: ["ASEAN"],
            author: "Lê Văn Thử", publishedAt: Date(timeIntervalSince1970: 0),
            images: [ImageInput(src: "a.jpg", alt: "Ảnh")]
        )
    }

    @Test("a complete input has no violations")
    func valid() {
        #expect(Self.valid().violations().isEmpty)
    }

    /// Breaks one rule of a valid input; the case name is the field that should be named.
    enum Breakage: String, CaseIterable, Sendable {
        case title, sapo, body, sectionNotSlug, sectionReserved, tag, author, imageAlt, imageWidth, publishedAt, slug

        var field: String {
            switch self {
            case .sectionNotSlug, .sectionReserved: "section"
            case .tag: "tags[0]"
            case .imageAlt: "images[0].alt"
            case .imageWidth: "images[0].width"
            case .publishedAt: "published_at"
            default: rawValue
            }
        }

        func apply(to input: inout ArticleInput) {
            switch self {
            case .title: input.title = " "
            case .sapo: input.sapo = ""
            case .body: input.body = String(repeating: "a", count: ArticleLimits.body + 1)
            case .sectionNotSlug: input.sectionSlug = "Thế giới"
            case .sectionReserved: input.sectionSlug = "tag"
            case .tag: input.tags = [""]
            case .author: input.author = ""
            case .imageAlt: input.images[0].alt = ""
            case .imageWidth: input.images[0].width = 0
            case .publishedAt: input.publishedAt = nil
            case .slug: input.slug = "Bad Slug"
            }
        }
    }

    @Test("each rule names its field", arguments: Breakage.allCases)
    func rule(breakage: Breakage) {
        var input = Self.valid()
        breakage.apply(to: &input)
        #expect(input.violations().map(\.field) == [breakage.field])
    }

    @Test("statuses outside the allowed set are refused")
    func status() {
        var input = Self.valid()
        input.status = .approved
        #expect(input.violations(allowedStatuses: [.draft, .published]).map(\.field) == ["status"])
    }

    @Test("slug form", arguments: [("the-gioi", true), ("a1-b2", true), ("", false), ("-a", false), ("a--b", false), ("Á", false), ("a_b", false)])
    func slugs(text: String, valid: Bool) {
        #expect(ArticleInput.isSlug(text) == valid)
    }
}

@Suite("Workflow states")
struct ArticleStatusTests {
    @Test("every state has a Vietnamese label and a stable stored name")
    func labels() {
        #expect(ArticleStatus.published.label == "Đã xuất bản")
        #expect(ArticleStatus.takenDown.rawValue == "taken-down")
        #expect(Set(ArticleStatus.allCases.map(\.label)).count == ArticleStatus.allCases.count)
    }

    @Test("settings decode with missing keys filled in")
    func settingsDecoding() throws {
        let settings = try JSONDecoder().decode(SiteSettings.self, from: Data(#"{"name":"Báo Thử","licence_number":"1/GP"}"#.utf8))
        #expect(settings.name == "Báo Thử")
        #expect(settings.licenceNumber == "1/GP")
        #expect(settings.followLinks.isEmpty)
    }
}
