/// The view model of an error page.
struct ErrorPage: Sendable {
    let site: SiteContext
    let meta: PageMeta
    /// HTTP status, e.g. 404.
    let status: Int
    let title: String
    let message: String
    /// The link back ("Về trang chủ").
    let homePath: String

    init(content: ErrorPageContent, chrome: SiteChrome, assets: ThemeAssetPaths) {
        site = SiteContext(chrome: chrome, assets: assets)
        status = content.status
        title = content.title
        message = content.message
        homePath = SiteURL.home.path
        meta = PageMeta(title: "\(content.title) - \(chrome.settings.name)", description: "", canonicalURL: nil, noindex: true)
    }
}
