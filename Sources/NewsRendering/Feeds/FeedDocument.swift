import Foundation
import NewsText

/// An image sent with a feed item: as an enclosure when its size is known (our own files), otherwise as
/// `media:content` (remote images, whose size we do not know).
public struct FeedImageLink: Hashable, Sendable {
    /// Absolute URL of the file.
    public var url: String
    /// MIME type, when the file name tells it.
    public var type: String?
    /// Size in bytes, when known.
    public var length: Int?
    /// Pixel width, when known.
    public var width: Int?
    /// Pixel height, when known.
    public var height: Int?

    /// Creates a link.
    public init(url: String, type: String?, length: Int?, width: Int? = nil, height: Int? = nil) {
        self.url = url
        self.type = type
        self.length = length
        self.width = width
        self.height = height
    }

    /// Whether it can be an RSS enclosure, which needs both a length and a type.
    public var isEnclosure: Bool { length != nil && type != nil }

    /// The image MIME type a file name's extension names, if it is one we serve.
    public static func mimeType(forPath path: String) -> String? {
        let name = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "jpg", "jpeg": return "image/jpeg"
        case "png": return "image/png"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        default: return nil
        }
    }
}

/// One article in a feed, with every URL already absolute.
public struct FeedItem: Hashable, Sendable {
    /// The permanent identifier: the same after any edit, slug change or section move.
    public var id: String
    /// The article's current address.
    public var url: String
    /// Headline.
    public var title: String
    /// Sapo.
    public var summary: String
    /// Byline names.
    public var authors: [String]
    /// Section name.
    public var category: String
    /// Section slug (the Atom category term).
    public var categoryTerm: String
    /// First publication time.
    public var published: Date
    /// Last change of the live version.
    public var updated: Date
    /// The lead image, if any.
    public var image: FeedImageLink?

    /// Creates an item.
    public init(
        id: String, url: String, title: String, summary: String, authors: [String], category: String, categoryTerm: String,
        published: Date, updated: Date, image: FeedImageLink?
    ) {
        self.id = id
        self.url = url
        self.title = title
        self.summary = summary
        self.authors = authors
        self.category = category
        self.categoryTerm = categoryTerm
        self.published = published
        self.updated = updated
        self.image = image
    }
}

/// A feed of a list (the whole site, a section, tag, topic or author), ready to write as RSS 2.0 or Atom.
public struct FeedDocument: Hashable, Sendable {
    /// "Báo Tòa Soạn" or "Kinh tế – Báo Tòa Soạn".
    public var title: String
    /// A sentence about the list.
    public var description: String
    /// Absolute address of the list's HTML page.
    public var pageURL: String
    /// Absolute address of this feed, in the format being written (`rel="self"`).
    public var selfURL: String
    /// The paper's name (Atom's feed-level author).
    public var publisher: String
    /// The newest change among the items (the time the feed last changed, so rebuilding it yields the same bytes).
    public var updated: Date
    /// Newest first.
    public var items: [FeedItem]

    /// Creates a feed.
    public init(
        title: String, description: String, pageURL: String, selfURL: String, publisher: String, updated: Date,
        items: [FeedItem]
    ) {
        self.title = title
        self.description = description
        self.pageURL = pageURL
        self.selfURL = selfURL
        self.publisher = publisher
        self.updated = updated
        self.items = items
    }

    /// Content-Type of RSS 2.0.
    public static let rssContentType = "application/rss+xml; charset=utf-8"
    /// Content-Type of Atom.
    public static let atomContentType = "application/atom+xml; charset=utf-8"

    /// The feed as RSS 2.0, with `dc:creator` bylines, `media:content` for images without a known size, and dates in
    /// RFC 822 at +0700.
    public func rss() -> String {
        var xml = XMLWriter()
        xml.start("rss", [
            ("version", "2.0"), ("xmlns:atom", "http://www.w3.org/2005/Atom"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"), ("xmlns:media", "http://search.yahoo.com/mrss/"),
        ])
        xml.start("channel")
        xml.element("title", title)
        xml.element("link", pageURL)
        xml.element("description", description)
        xml.element("language", "vi")
        xml.element("lastBuildDate", VietnameseDate.rfc822(updated))
        xml.element("generator", "Tòa Soạn")
        xml.empty("atom:link", [("href", selfURL), ("rel", "self"), ("type", "application/rss+xml")])
        for item in items {
            xml.start("item")
            xml.element("title", item.title)
            xml.element("link", item.url)
            xml.element("guid", item.id, [("isPermaLink", item.id.hasPrefix("http") ? "true" : "false")])
            xml.element("description", item.summary)
            for author in item.authors { xml.element("dc:creator", author) }
            xml.element("category", item.category)
            xml.element("pubDate", VietnameseDate.rfc822(item.published))
            if let image = item.image {
                if image.isEnclosure, let length = image.length, let type = image.type {
                    xml.empty("enclosure", [("url", image.url), ("length", String(length)), ("type", type)])
                } else {
                    xml.empty("media:content", Self.mediaAttributes(image))
                }
            }
            xml.end()
        }
        return xml.finish()
    }

    /// The feed as Atom (RFC 4287), dates in RFC 3339 at +07:00.
    public func atom() -> String {
        var xml = XMLWriter()
        xml.start("feed", [
            ("xmlns", "http://www.w3.org/2005/Atom"), ("xmlns:media", "http://search.yahoo.com/mrss/"), ("xml:lang", "vi"),
        ])
        xml.element("id", pageURL)
        xml.element("title", title)
        xml.element("subtitle", description)
        xml.element("updated", VietnameseDate.iso8601(updated))
        xml.empty("link", [("rel", "self"), ("type", "application/atom+xml"), ("href", selfURL)])
        xml.empty("link", [("rel", "alternate"), ("type", "text/html"), ("href", pageURL)])
        xml.start("author")
        xml.element("name", publisher)
        xml.end()
        xml.element("generator", "Tòa Soạn")
        for item in items {
            xml.start("entry")
            xml.element("id", item.id)
            xml.element("title", item.title)
            xml.empty("link", [("rel", "alternate"), ("type", "text/html"), ("href", item.url)])
            xml.element("published", VietnameseDate.iso8601(item.published))
            xml.element("updated", VietnameseDate.iso8601(item.updated))
            for author in item.authors {
                xml.start("author")
                xml.element("name", author)
                xml.end()
            }
            xml.empty("category", [("term", item.categoryTerm), ("label", item.category)])
            xml.element("summary", item.summary)
            if let image = item.image {
                if image.isEnclosure, let length = image.length, let type = image.type {
                    xml.empty("link", [("rel", "enclosure"), ("type", type), ("length", String(length)), ("href", image.url)])
                } else {
                    xml.empty("media:content", Self.mediaAttributes(image))
                }
            }
            xml.end()
        }
        return xml.finish()
    }

    private static func mediaAttributes(_ image: FeedImageLink) -> [(String, String)] {
        var attributes = [("url", image.url), ("medium", "image")]
        if let type = image.type { attributes.append(("type", type)) }
        if let width = image.width { attributes.append(("width", String(width))) }
        if let height = image.height { attributes.append(("height", String(height))) }
        return attributes
    }
}
