import Foundation
import NewsDomain

/// What every page shows around its content: masthead, navigation, legal footer, today's date.
public struct SiteChrome: Sendable {
    /// The paper's settings (name, masthead, follow links).
    public var settings: SiteSettings
    /// Every section, parents followed by their children.
    public var sections: [Section]
    /// The time the page is made, for the date in the header.
    public var now: Date

    /// Creates the chrome.
    public init(settings: SiteSettings, sections: [Section], now: Date) {
        self.settings = settings
        self.sections = sections
        self.now = now
    }
}

/// The content of an article page.
public struct ArticlePageContent: Sendable {
    /// The published article.
    public var article: Article
    /// The related box, already chosen and ordered.
    public var related: [ArticleSummary]
    /// "Đọc thêm": the newest articles from other sections.
    public var readMore: [ArticleSummary]
    /// "Thông tin cải chính": the article's corrections, oldest first.
    public var corrections: [Correction]

    /// Creates the content.
    public init(article: Article, related: [ArticleSummary], readMore: [ArticleSummary], corrections: [Correction] = []) {
        self.article = article
        self.related = related
        self.readMore = readMore
        self.corrections = corrections
    }
}

/// The content of the corrections index ("Thông tin cải chính"): corrections newest first, each with its article.
public struct CorrectionsPageContent: Sendable {
    /// The corrections on this page, each with the corrected article's published version.
    public var items: [(correction: Correction, article: ArticleSummary)]
    /// This page's number, from 1.
    public var pageNumber: Int
    /// How many pages the list has.
    public var pageCount: Int
    /// How many corrections the list has.
    public var totalCount: Int

    /// Creates the content.
    public init(items: [(correction: Correction, article: ArticleSummary)], pageNumber: Int, pageCount: Int, totalCount: Int) {
        self.items = items
        self.pageNumber = pageNumber
        self.pageCount = pageCount
        self.totalCount = totalCount
    }
}

/// The content of the home page.
public struct HomePageContent: Sendable {
    /// The lead story.
    public var topStory: ArticleSummary?
    /// Featured slots.
    public var featured: [ArticleSummary]
    /// The newest articles not shown above.
    public var latest: [ArticleSummary]
    /// A block per top-level section with its newest articles.
    public var sectionBlocks: [SectionBlock]

    /// Creates the content.
    public init(topStory: ArticleSummary?, featured: [ArticleSummary], latest: [ArticleSummary], sectionBlocks: [SectionBlock]) {
        self.topStory = topStory
        self.featured = featured
        self.latest = latest
        self.sectionBlocks = sectionBlocks
    }
}

/// A section's block on the home page.
public struct SectionBlock: Sendable {
    /// The section.
    public var section: Section
    /// Its newest articles.
    public var articles: [ArticleSummary]

    /// Creates a block.
    public init(section: Section, articles: [ArticleSummary]) {
        self.section = section
        self.articles = articles
    }
}

/// What a listing page lists.
public enum ListingSubject: Sendable {
    /// A section (with its subsections' articles).
    case section(Section)
    /// A tag.
    case tag(Tag)
    /// A running story.
    case topic(Topic)
    /// A byline.
    case author(Author)
}

/// The content of a section, tag, topic or author page.
public struct ListingPageContent: Sendable {
    /// What is listed.
    public var subject: ListingSubject
    /// The articles on this page, newest first.
    public var articles: [ArticleSummary]
    /// This page's number, from 1.
    public var pageNumber: Int
    /// How many pages the list has.
    public var pageCount: Int
    /// How many articles the list has.
    public var totalCount: Int

    /// Creates the content.
    public init(subject: ListingSubject, articles: [ArticleSummary], pageNumber: Int, pageCount: Int, totalCount: Int) {
        self.subject = subject
        self.articles = articles
        self.pageNumber = pageNumber
        self.pageCount = pageCount
        self.totalCount = totalCount
    }
}

/// The content of an error page.
public struct ErrorPageContent: Sendable {
    /// HTTP status shown (404, 500, 503…).
    public var status: Int
    /// Headline, in Vietnamese.
    public var title: String
    /// Explanation, in Vietnamese.
    public var message: String

    /// Creates the content.
    public init(status: Int, title: String, message: String) {
        self.status = status
        self.title = title
        self.message = message
    }

    /// The page for an address that leads nowhere.
    public static let notFound = ErrorPageContent(
        status: 404, title: "Không tìm thấy trang",
        message: "Trang bạn tìm không tồn tại hoặc đã được gỡ. Mời bạn quay về trang chủ hoặc xem các tin mới nhất."
    )

    /// The page for a failure on our side.
    public static let serverError = ErrorPageContent(
        status: 500, title: "Đã có lỗi xảy ra",
        message: "Hệ thống gặp sự cố khi tải trang này. Mời bạn thử lại sau ít phút."
    )
}
