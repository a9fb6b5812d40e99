import NewsDomain

/// A section in the navigation, with its subsections.
struct NavItem: Sendable {
    /// Section name.
    let name: String
    /// Section path.
    let path: String
    /// Whether the page being shown belongs to this section.
    let isCurrent: Bool
    /// Subsections, in navigation order.
    let children: [NavItem]
    let hasChildren: Bool

    /// The navigation tree: top-level sections in the given order, each followed by its subsections.
    /// A subsection whose parent is unknown is shown at the top level rather than hidden.
    static func tree(_ sections: [Section], current: Set<SectionID>) -> [NavItem] {
        let ids = Set(sections.map(\.id))
        var childrenByParent: [SectionID: [Section]] = [:]
        for section in sections {
            if let parent = section.parentID, ids.contains(parent), parent != section.id {
                childrenByParent[parent, default: []].append(section)
            }
        }
        return sections.compactMap { section in
            if let parent = section.parentID, ids.contains(parent), parent != section.id { return nil }
            let children = (childrenByParent[section.id] ?? []).map {
                NavItem(name: $0.name, path: SiteURL.section(slug: $0.slug).path, isCurrent: current.contains($0.id), children: [])
            }
            return NavItem(
                name: section.name, path: SiteURL.section(slug: section.slug).path,
                isCurrent: current.contains(section.id), children: children
            )
        }
    }

    init(name: String, path: String, isCurrent: Bool, children: [NavItem]) {
        self.name = name
        self.path = path
        self.isCurrent = isCurrent
        self.children = children
        self.hasChildren = !children.isEmpty
    }
}
