import Foundation
import NewsDomain

/// The view model of the home page.
struct HomePage: Sendable {
    let site: SiteContext
    let meta: PageMeta
    /// The lead story (zero or one), with its image loaded at once.
    let topStory: [ArticleCard]
    let hasTopStory: Bool
    let featured: [ArticleCard]
    let hasFeatured: Bool
    /// "Tin mới nhất".
    let latest: [ArticleCard]
    let hasLatest: Bool
    let sectionBlocks: [SectionBlockView]
    let hasSectionBlocks: Bool
    /// Whether there is nothing at all to show yet.
    let isEmpty: Bool

    init(content: HomePageContent, chrome: SiteChrome, assets: ThemeAssetPaths) {
        let site = SiteContext(chrome: chrome, assets: assets, isHome: true)
        self.site = site
        topStory = content.topStory.map { [ArticleCard($0, image: .eager)] } ?? []
        hasTopStory = !topStory.isEmpty
        featured = content.featured.map { ArticleCard($0, teaser: false) }
        hasFeatured = !featured.isEmpty
        latest = content.latest.map { ArticleCard($0, image: .none) }
        hasLatest = !latest.isEmpty
        sectionBlocks = content.sectionBlocks.filter { !$0.articles.isEmpty }.map(SectionBlockView.init)
        hasSectionBlocks = !sectionBlocks.isEmpty
        isEmpty = !hasTopStory && !hasFeatured && !hasLatest && !hasSectionBlocks
        let settings = chrome.settings
        let hasTagline = !settings.tagline.allSatisfy(\.isWhitespace)
        meta = PageMeta(
            title: hasTagline ? "\(settings.name) - \(settings.tagline)" : settings.name,
            description: settings.tagline, canonicalURL: site.absolute(SiteURL.home.path)
        )
    }
}

/// A section's block on the home page: its lead article with image and teaser, then titles.
struct SectionBlockView: Sendable {
    let name: String
    let path: String
    /// The newest article (zero or one).
    let lead: [ArticleCard]
    /// The next ones, as titles.
    let others: [ArticleCard]
    let hasOthers: Bool

    init(_ block: SectionBlock) {
        name = block.section.name
        path = SiteURL.section(slug: block.section.slug).path
        lead = block.articles.prefix(1).map { ArticleCard($0, section: false) }
        others = block.articles.dropFirst().map { ArticleCard($0, teaser: false, image: .none, section: false) }
        hasOthers = !others.isEmpty
    }
}
