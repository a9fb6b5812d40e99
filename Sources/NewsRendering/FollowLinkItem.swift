import NewsDomain

/// A place where readers can follow the paper, with an address that is safe to link.
struct FollowLinkItem: Sendable {
    /// Network name.
    let name: String
    /// The checked address.
    let url: String
    /// Whether it leads to another site (opened with `rel="noopener"`).
    let isExternal: Bool

    /// The item for `link`, or nil when its address may not be linked.
    init?(_ link: FollowLink) {
        guard let url = LinkTarget.safe(link.url), !link.name.allSatisfy(\.isWhitespace) else { return nil }
        self.name = link.name
        self.url = url
        self.isExternal = LinkTarget.isExternal(url)
    }
}
