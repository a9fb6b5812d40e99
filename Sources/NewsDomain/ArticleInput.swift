import Foundation

/// The editorial content of one article version as it comes in (import file, Admin API), with sections, tags,
/// topic and byline named rather than referenced: the store finds or creates them.
public struct ArticleInput: Hashable, Sendable {
    /// The source system's identifier; importing the same one again updates that article.
    public var externalID: String?
    /// Headline.
    public var title: String
    /// Sapo (lead).
    public var sapo: String
    /// Body in Markdown.
    public var body: String
    /// Slug of the section; an unknown one is created.
    public var sectionSlug: String
    /// Name for a section that has to be created; defaults to one made from the slug.
    public var sectionName: String?
    /// Tag names.
    public var tags: [String]
    /// Topic name, if the article is part of a running story.
    public var topic: String?
    /// Byline.
    public var author: String
    /// Publication time.
    public var publishedAt: Date?
    /// Attached images; the first is the featured image.
    public var images: [ImageInput]
    /// Workflow state to store the article in.
    public var status: ArticleStatus
    /// External ids of curated related articles.
    public var related: [String]
    /// An explicit slug; made from the title when nil.
    public var slug: String?

    /// Creates an input.
    public init(
        externalID: String? = nil, title: String, sapo: String, body: String, sectionSlug: String,
        sectionName: String? = nil, tags: [String] = [], topic: String? = nil, author: String,
        publishedAt: Date? = nil, images: [ImageInput] = [], status: ArticleStatus = .published,
        related: [String] = [], slug: String? = nil
    ) {
        self.externalID = externalID
        self.title = title
        self.sapo = sapo
        self.body = body
        self.sectionSlug = sectionSlug
        self.sectionName = sectionName
        self.tags = tags
        self.topic = topic
        self.author = author
        self.publishedAt = publishedAt
        self.images = images
        self.status = status
        self.related = related
        self.slug = slug
    }
}

/// An image as it comes in with an article.
public struct ImageInput: Hashable, Sendable {
    /// A path under the media directory or an http(s) URL.
    public var src: String
    /// Alternative text (required: readers who cannot see the image need it).
    public var alt: String
    /// Caption.
    public var caption: String
    /// Photographer or agency.
    public var credit: String
    /// Pixel width, when known.
    public var width: Int?
    /// Pixel height, when known.
    public var height: Int?

    /// Creates an image input.
    public init(src: String, alt: String, caption: String = "", credit: String = "", width: Int? = nil, height: Int? = nil) {
        self.src = src
        self.alt = alt
        self.caption = caption
        self.credit = credit
        self.width = width
        self.height = height
    }
}

/// Limits on article fields, shared by every way content comes in.
public enum ArticleLimits {
    /// Longest headline.
    public static let title = 300
    /// Longest sapo.
    public static let sapo = 1_000
    /// Longest body, in characters.
    public static let body = 200_000
    /// Most tags on one article.
    public static let tagCount = 20
    /// Longest tag, topic, section or author name.
    public static let name = 120
    /// Longest slug.
    public static let slug = 120
    /// Longest external id.
    public static let externalID = 200
    /// Most images on one article.
    public static let imageCount = 50
}

extension ArticleInput {
    /// Every rule the input breaks, in field order; empty when it is valid.
    ///
    /// Text is expected to be NFC already (the edge normalises it with NewsText).
    public func violations(allowedStatuses: Set<ArticleStatus> = Set(ArticleStatus.allCases)) -> [DomainError] {
        var errors: [DomainError] = []
        func checkText(_ value: String, _ field: String, max: Int, required: Bool = true) {
            // A text has no more characters than UTF-8 bytes: most are settled without counting characters.
            if required, value.allSatisfy(\.isWhitespace) {
                errors.append(.required(field))
            } else if value.utf8.count > max, value.count > max {
                errors.append(.tooLong(field, max: max))
            }
        }
        if let externalID {
            checkText(externalID, "id", max: ArticleLimits.externalID)
        }
        checkText(title, "title", max: ArticleLimits.title)
        checkText(sapo, "sapo", max: ArticleLimits.sapo)
        checkText(body, "body", max: ArticleLimits.body)
        if sectionSlug.isEmpty {
            errors.append(.required("section"))
        } else if !ArticleInput.isSlug(sectionSlug) {
            errors.append(.invalid("section", "must be a slug of lowercase letters a-z, digits and single hyphens, e.g. \"the-gioi\""))
        } else if ReservedPaths.contains(sectionSlug) {
            errors.append(.invalid("section", "\"\(sectionSlug)\" is reserved for the site's own pages"))
        }
        if let sectionName { checkText(sectionName, "section_name", max: ArticleLimits.name) }
        if tags.count > ArticleLimits.tagCount {
            errors.append(.invalid("tags", "must have at most \(ArticleLimits.tagCount) tags"))
        }
        for (index, tag) in tags.enumerated() {
            checkText(tag, "tags[\(index)]", max: ArticleLimits.name)
        }
        if let topic { checkText(topic, "topic", max: ArticleLimits.name) }
        checkText(author, "author", max: ArticleLimits.name)
        if let slug, !ArticleInput.isSlug(slug) || slug.count > ArticleLimits.slug {
            errors.append(.invalid("slug", "must be a slug of lowercase letters a-z, digits and single hyphens"))
        }
        if images.count > ArticleLimits.imageCount {
            errors.append(.invalid("images", "must have at most \(ArticleLimits.imageCount) images"))
        }
        for (index, image) in images.enumerated() {
            checkText(image.src, "images[\(index)].src", max: 2_000)
            checkText(image.alt, "images[\(index)].alt", max: 500)
            checkText(image.caption, "images[\(index)].caption", max: 1_000, required: false)
            checkText(image.credit, "images[\(index)].credit", max: ArticleLimits.name, required: false)
            for (name, value) in [("width", image.width), ("height", image.height)] {
                if let value, !(1...50_000).contains(value) {
                    errors.append(.invalid("images[\(index)].\(name)", "must be a whole number from 1 to 50000"))
                }
            }
        }
        if !allowedStatuses.contains(status) {
            let allowed = allowedStatuses.map(\.rawValue).sorted().joined(separator: ", ")
            errors.append(.invalid("status", "must be one of: \(allowed)"))
        }
        if status == .published, publishedAt == nil {
            errors.append(.required("published_at"))
        }
        return errors
    }

    /// Whether `text` has the form of a slug: lowercase ASCII letters and digits in groups joined by single hyphens.
    public static func isSlug(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        return text.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
        }
    }
}

/// First path segments that belong to the site itself and can never be a section's slug.
public enum ReservedPaths {
    /// The reserved segments.
    public static let all: Set<String> = [
        "api", "assets", "media", "tag", "dong-su-kien", "tac-gia", "tim-kiem", "toa-soan", "rss", "atom",
        "sitemap", "robots", "cai-chinh", "thong-tin-cai-chinh", "healthz", "metrics", "trang",
    ]

    /// Whether `segment` is reserved.
    public static func contains(_ segment: String) -> Bool { all.contains(segment) }
}
