import NewsDomain

/// A named link to a page of the site (breadcrumb step, tag, topic, byline, subsection).
struct PageLink: Sendable {
    /// Link text.
    let name: String
    /// Site path.
    let path: String

    init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    init(section: Section) {
        self.init(name: section.name, path: SiteURL.section(slug: section.slug).path)
    }
}
