import Foundation
import NewsDomain

/// The view model of a section, tag, topic or author page.
struct ListingPage: Sendable {
    let site: SiteContext
    let meta: PageMeta
    /// Trang chủ › parent section, for a subsection's page; empty otherwise.
    let breadcrumb: [PageLink]
    let hasBreadcrumb: Bool
    /// What kind of list this is, shown before the name ("Chủ đề", "Dòng sự kiện"); empty for sections and authors.
    let label: String
    let hasLabel: Bool
    /// The section, tag, topic or author name.
    let name: String
    /// The whole heading as read: "Chủ đề: Biển Đông".
    let heading: String
    let description: String
    let hasDescription: Bool
    /// An author's role line.
    let authorTitle: String
    let hasAuthorTitle: Bool
    let isSection: Bool
    let isTag: Bool
    let isTopic: Bool
    let isAuthor: Bool
    /// A section's subsections.
    let subsections: [PageLink]
    let hasSubsections: Bool
    let articles: [ArticleCard]
    let hasArticles: Bool
    /// "12 bài viết".
    let countText: String
    let pageNumber: Int
    let isFirstPage: Bool
    let pagination: Pagination

    /// The template to use: the subject's own when the theme has it, `listing` otherwise.
    let templateKind: String

    init(content: ListingPageContent, chrome: SiteChrome, assets: ThemeAssetPaths) {
        var crumbs: [PageLink] = []
        var subsections: [PageLink] = []
        var currentSection: Section?
        let url: SiteURL
        var label = ""
        var description = ""
        var authorTitle = ""
        let name: String
        switch content.subject {
        case .section(let section):
            name = section.name
            description = section.description
            url = .section(slug: section.slug)
            currentSection = section
            templateKind = "section"
            if let parentID = section.parentID, let parent = chrome.sections.first(where: { $0.id == parentID }) {
                crumbs = [PageLink(name: "Trang chủ", path: SiteURL.home.path), PageLink(section: parent)]
            }
            subsections = chrome.sections.filter { $0.parentID == section.id && $0.id != section.id }.map(PageLink.init(section:))
        case .tag(let tag):
            label = "Chủ đề"
            name = tag.name
            url = .tag(slug: tag.slug)
            templateKind = "tag"
        case .topic(let topic):
            label = "Dòng sự kiện"
            name = topic.name
            description = topic.description
            url = .topic(slug: topic.slug)
            templateKind = "topic"
        case .author(let author):
            name = author.name
            description = author.bio
            authorTitle = author.title
            url = .author(slug: author.slug)
            templateKind = "author"
        }
        let site = SiteContext(chrome: chrome, assets: assets, currentSection: currentSection)
        self.site = site
        breadcrumb = crumbs
        hasBreadcrumb = !crumbs.isEmpty
        self.label = label
        hasLabel = !label.isEmpty
        self.name = name
        heading = label.isEmpty ? name : "\(label): \(name)"
        self.description = description.trimmingCharacters(in: .whitespacesAndNewlines)
        hasDescription = !self.description.isEmpty
        self.authorTitle = authorTitle.trimmingCharacters(in: .whitespacesAndNewlines)
        hasAuthorTitle = !self.authorTitle.isEmpty
        isSection = templateKind == "section"
        isTag = templateKind == "tag"
        isTopic = templateKind == "topic"
        isAuthor = templateKind == "author"
        self.subsections = subsections
        hasSubsections = !subsections.isEmpty
        let showSection = !isSection
        articles = content.articles.map { ArticleCard($0, section: showSection) }
        hasArticles = !articles.isEmpty
        countText = "\(content.totalCount) bài viết"
        pageNumber = max(content.pageNumber, 1)
        isFirstPage = pageNumber == 1
        pagination = Pagination(url: url, page: content.pageNumber, pageCount: content.pageCount)

        let pagePart = pageNumber > 1 ? " - Trang \(pageNumber)" : ""
        meta = PageMeta(
            title: "\(heading)\(pagePart) - \(chrome.settings.name)",
            description: hasDescription ? self.description : "\(heading) - tin tức, bài viết mới nhất trên \(chrome.settings.name)",
            canonicalURL: site.absolute(url.path(page: pageNumber)),
            previousURL: pagination.hasPrevious ? site.absolute(pagination.previousPath) : nil,
            nextURL: pagination.hasNext ? site.absolute(pagination.nextPath) : nil
        )
    }
}
