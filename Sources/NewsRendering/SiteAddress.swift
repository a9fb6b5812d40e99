/// The site's address as set under “Cài đặt”, and the absolute URLs made from it: pages, feeds, sitemaps, structured
/// data and the Content API all make their links here, so they always agree.
public struct SiteAddress: Hashable, Sendable {
    /// The address without surrounding spaces or a trailing slash ("" when unset: links stay paths).
    public let baseURL: String

    /// Reads an address as typed in the settings.
    public init(_ setting: String) {
        var url = setting.trimmingCharacters(in: .whitespaces)
        while url.hasSuffix("/") { url.removeLast() }
        baseURL = url
    }

    /// The absolute URL of a site path; an address that is already absolute is kept.
    public func absolute(_ path: String) -> String {
        LinkTarget.isExternal(path) ? path : baseURL + path
    }

    /// The absolute URL of a page of the site.
    public func url(_ site: SiteURL) -> String { absolute(site.path) }
}
