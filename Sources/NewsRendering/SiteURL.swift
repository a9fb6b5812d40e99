import NewsDomain

/// Every reader-facing address, made in one place so routes and links never drift apart.
public enum SiteURL: Hashable, Sendable {
    /// The home page.
    case home
    /// An article: `/{slug}-{id}.html`.
    case article(id: ArticleID, slug: String)
    /// A section page: `/{slug}`.
    case section(slug: String)
    /// A tag page: `/tag/{slug}`.
    case tag(slug: String)
    /// A topic page (dòng sự kiện): `/dong-su-kien/{slug}`.
    case topic(slug: String)
    /// An author page: `/tac-gia/{slug}`.
    case author(slug: String)
    /// Search: `/tim-kiem`.
    case search
    /// The corrections index ("Thông tin cải chính"): `/thong-tin-cai-chinh` (a reserved path, never a section's).
    case corrections
    /// A media file: `/media/{path}`, or the URL itself for a remote image.
    case media(src: String)

    /// The path (and, for remote media, the absolute URL).
    public var path: String {
        switch self {
        case .home: "/"
        case .article(let id, let slug): "/\(slug)-\(id).html"
        case .section(let slug): "/\(slug)"
        case .tag(let slug): "/tag/\(slug)"
        case .topic(let slug): "/dong-su-kien/\(slug)"
        case .author(let slug): "/tac-gia/\(slug)"
        case .search: "/tim-kiem"
        case .corrections: "/thong-tin-cai-chinh"
        case .media(let src):
            src.hasPrefix("http://") || src.hasPrefix("https://") ? src : "/media/\(src)"
        }
    }

    /// The path of a given page of a paginated list (`?trang=N`; page 1 has no parameter).
    public func path(page: Int) -> String {
        page <= 1 ? path : "\(path)?trang=\(page)"
    }

    /// Splits the last path segment of an article URL (`{slug}-{id}.html`) into slug and id.
    public static func parseArticleSegment(_ segment: some StringProtocol) -> (slug: String, id: ArticleID)? {
        guard segment.hasSuffix(".html") else { return nil }
        let stem = Substring(segment).dropLast(5)
        let slug: Substring
        let digits: Substring
        if let dash = stem.lastIndex(of: "-") {
            slug = stem[..<dash]
            digits = stem[stem.index(after: dash)...]
        } else {
            slug = ""
            digits = stem
        }
        guard !digits.isEmpty, digits.count <= 18, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let raw = Int64(digits), raw > 0
        else { return nil }
        return (String(slug), ArticleID(raw))
    }
}
