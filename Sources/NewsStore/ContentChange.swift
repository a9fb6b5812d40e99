import NewsDomain

/// Something a rendered page can depend on; a change names the ones it touched so caches drop exactly what is stale.
public enum ContentDependency: Hashable, Sendable {
    /// One article's content.
    case article(ArticleID)
    /// The list of a section.
    case section(SectionID)
    /// The list of a tag.
    case tag(TagID)
    /// The list of a topic.
    case topic(TopicID)
    /// The list of an author.
    case author(AuthorID)
    /// Which articles are the newest (new publications, takedowns, changed publication times).
    case latest
    /// The corrections index ("Thông tin cải chính"): a correction was published.
    case corrections
    /// Everything: site settings, navigation, home layout.
    case site
    /// Any article at all (sitemaps list every article's address and last change). Never written to the change log:
    /// page caches drop it with every change that names an `.article`.
    case anyArticle

    /// Compact text form, stored in the change log: `a:12`, `s:3`, `t:7`, `p:2`, `u:5`, `latest`, `corrections`, `site`.
    public var token: String {
        switch self {
        case .article(let id): "a:\(id)"
        case .section(let id): "s:\(id)"
        case .tag(let id): "t:\(id)"
        case .topic(let id): "p:\(id)"
        case .author(let id): "u:\(id)"
        case .latest: "latest"
        case .corrections: "corrections"
        case .site: "site"
        case .anyArticle: "articles"
        }
    }

    /// Parses `token`; nil for text that is not one.
    public init?(token: some StringProtocol) {
        switch token {
        case "latest": self = .latest
        case "corrections": self = .corrections
        case "site": self = .site
        case "articles": self = .anyArticle
        default:
            let parts = token.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let raw = Int64(parts[1]) else { return nil }
            switch parts[0] {
            case "a": self = .article(ArticleID(raw))
            case "s": self = .section(SectionID(raw))
            case "t": self = .tag(TagID(raw))
            case "p": self = .topic(TopicID(raw))
            case "u": self = .author(AuthorID(raw))
            default: return nil
            }
        }
    }
}

/// One committed change, in commit order.
public struct ContentChange: Sendable, Equatable {
    /// Position in the change log; increases with every commit.
    public var sequence: Int64
    /// What the change touched.
    public var dependencies: Set<ContentDependency>

    /// Creates a change.
    public init(sequence: Int64, dependencies: Set<ContentDependency>) {
        self.sequence = sequence
        self.dependencies = dependencies
    }
}
