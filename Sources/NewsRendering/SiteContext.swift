import Foundation
import NewsDomain
import NewsText

/// What every page's shell shows: masthead, today's date, navigation, search, follow links, legal footer.
struct SiteContext: Sendable {
    /// The paper's name.
    let name: String
    let tagline: String
    let hasTagline: Bool
    /// Whether this is the home page (where the masthead is the page's `<h1>`).
    let isHome: Bool
    /// "Chủ Nhật, 29/11/2026".
    let todayText: String
    /// "2026-11-29".
    let todayISO: String
    /// Sections with their subsections.
    let nav: [NavItem]
    let hasNav: Bool
    /// Where the search form goes.
    let searchPath: String
    /// Hashed path of the stylesheet.
    let stylesheetPath: String
    let hasStylesheet: Bool
    /// Hashed path of the icon.
    let faviconPath: String
    let hasFavicon: Bool
    /// "Theo dõi … trên": only links whose address is safe.
    let followLinks: [FollowLinkItem]
    let hasFollowLinks: Bool
    /// The masthead required by law.
    let legal: LegalFooter
    /// Public address of the site, without trailing slash.
    let baseURL: String
    /// The corrections index ("Thông tin cải chính"), linked from the footer.
    let correctionsPath: String

    init(chrome: SiteChrome, assets: ThemeAssetPaths, isHome: Bool = false, currentSection: Section? = nil) {
        let settings = chrome.settings
        name = settings.name
        tagline = settings.tagline
        hasTagline = !settings.tagline.allSatisfy(\.isWhitespace)
        self.isHome = isHome
        let day = VietnameseDate.dayComponents(chrome.now)
        let dd = Self.twoDigits(day.day)
        let mm = Self.twoDigits(day.month)
        todayText = "\(day.weekday), \(dd)/\(mm)/\(day.year)"
        todayISO = "\(day.year)-\(mm)-\(dd)"
        var current: Set<SectionID> = []
        if let currentSection {
            current.insert(currentSection.id)
            if let parent = currentSection.parentID { current.insert(parent) }
        }
        nav = NavItem.tree(chrome.sections, current: current)
        hasNav = !nav.isEmpty
        searchPath = SiteURL.search.path
        stylesheetPath = assets.stylesheet ?? ""
        hasStylesheet = assets.stylesheet != nil
        faviconPath = assets.favicon ?? ""
        hasFavicon = assets.favicon != nil
        followLinks = settings.followLinks.compactMap(FollowLinkItem.init)
        hasFollowLinks = !followLinks.isEmpty
        legal = LegalFooter(settings)
        baseURL = SiteAddress(settings.baseURL).baseURL
        correctionsPath = SiteURL.corrections.path
    }

    /// The absolute URL of a site path.
    func absolute(_ path: String) -> String {
        LinkTarget.isExternal(path) ? path : baseURL + path
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
