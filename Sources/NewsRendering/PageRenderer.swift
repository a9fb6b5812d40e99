import Mustache
import NewsDomain
import NewsMarkdown

/// Turns page content into HTML with a theme.
///
/// Templates are parsed once when the theme loads; a render builds a view model and runs the parsed templates.
public struct PageRenderer: Sendable {
    private let theme: Theme
    private let markdown: MarkdownRenderer
    private let assets: ThemeAssetPaths
    /// Listing template per subject kind ("section" → "section" or "listing"), chosen once.
    private let listingTemplates: [String: String]

    /// Creates a renderer for `theme`, rendering article bodies with `markdown`.
    public init(theme: Theme, markdown: MarkdownRenderer = MarkdownRenderer()) {
        self.theme = theme
        self.markdown = markdown
        self.assets = ThemeAssetPaths(theme: theme)
        var listing: [String: String] = [:]
        for kind in ["section", "tag", "topic", "author"] {
            listing[kind] = theme.hasTemplate(kind) ? kind : "listing"
        }
        self.listingTemplates = listing
    }

    /// The article page.
    public func render(article: ArticlePageContent, chrome: SiteChrome) -> String {
        let page = ArticlePage(content: article, chrome: chrome, assets: assets, markdown: markdown)
        return render(page, template: "article") {
            FallbackPage.html(
                title: page.meta.title, heading: page.title,
                paragraphs: [page.sapo] + page.corrections.map { "Thông tin cải chính (\($0.timeText)): \($0.note)" },
                bodyHTML: page.body
            )
        }
    }

    /// The home page.
    public func render(home: HomePageContent, chrome: SiteChrome) -> String {
        let page = HomePage(content: home, chrome: chrome, assets: assets)
        return render(page, template: "home") {
            FallbackPage.html(title: page.meta.title, heading: chrome.settings.name, paragraphs: [])
        }
    }

    /// A section, tag, topic or author page; uses the subject's own template when the theme has one.
    public func render(listing: ListingPageContent, chrome: SiteChrome) -> String {
        let page = ListingPage(content: listing, chrome: chrome, assets: assets)
        return render(page, template: listingTemplates[page.templateKind] ?? "listing") {
            FallbackPage.html(title: page.meta.title, heading: page.heading, paragraphs: [])
        }
    }

    /// The corrections index ("Thông tin cải chính"); a theme without `corrections` gets the built-in template, inside
    /// its own layout.
    public func render(corrections: CorrectionsPageContent, chrome: SiteChrome) -> String {
        let page = CorrectionsPage(content: corrections, chrome: chrome, assets: assets)
        return render(page, template: "corrections") {
            FallbackPage.html(
                title: page.meta.title, heading: page.heading, paragraphs: [page.intro],
                links: page.entries.map { (text: "\($0.timeText): \($0.note) — \($0.title)", path: $0.path) }
            )
        }
    }

    /// The search page (`/tim-kiem`); a theme without `search` gets the built-in template, inside its own layout.
    public func render(search: SearchPageContent, chrome: SiteChrome) -> String {
        let page = SearchPage(content: search, chrome: chrome, assets: assets)
        return render(page, template: "search") {
            // The titles are already safe HTML (escaped, matches marked), so they go in as the body.
            FallbackPage.html(
                title: page.meta.title, heading: page.heading, paragraphs: [page.hasResults ? page.countText : page.emptyText],
                bodyHTML: page.results.isEmpty ? "" : "<ul>\n" + page.results.map {
                    "<li><a href=\"\(HTMLText.escape($0.path))\">\($0.titleHTML)</a></li>\n"
                }.joined() + "</ul>\n"
            )
        }
    }

    /// An error page; uses `error-{status}` (e.g. `error-404`) when the theme has it, `error` otherwise.
    public func render(error: ErrorPageContent, chrome: SiteChrome) -> String {
        let page = ErrorPage(content: error, chrome: chrome, assets: assets)
        let specific = "error-\(error.status)"
        return render(page, template: theme.hasTemplate(specific) ? specific : "error") {
            FallbackPage.html(title: page.meta.title, heading: page.title, paragraphs: [page.message])
        }
    }

    /// Runs the template; a validated theme always has it, but a render must never fail, so a plain page stands in.
    private func render(_ page: some Sendable, template: String, fallback: () -> String) -> String {
        theme.library.render(page, withTemplate: template) ?? fallback()
    }
}
