import Foundation
import NewsDomain

/// The lead image of a feed item, with what an RSS enclosure needs.
public struct FeedImage: Hashable, Sendable {
    /// A path under the media directory, or an absolute http(s) URL for a remote image.
    public var src: String
    /// Pixel width, when known.
    public var width: Int?
    /// Pixel height, when known.
    public var height: Int?
    /// Size of the file in bytes, when the library recorded it (uploads); nil for imported and remote images.
    public var byteCount: Int?
    /// Alternative text.
    public var alt: String

    /// Creates an image.
    public init(src: String, width: Int? = nil, height: Int? = nil, byteCount: Int? = nil, alt: String = "") {
        self.src = src
        self.width = width
        self.height = height
        self.byteCount = byteCount
        self.alt = alt
    }

    /// Whether `src` points to another site rather than to our media directory.
    public var isRemote: Bool { src.hasPrefix("http://") || src.hasPrefix("https://") }
}

/// One article as a feed shows it.
public struct FeedEntry: Hashable, Sendable {
    /// Storage identifier.
    public var id: ArticleID
    /// URL slug of the published version.
    public var slug: String
    /// Headline.
    public var title: String
    /// Sapo.
    public var sapo: String
    /// The article's section.
    public var section: Section
    /// Bylines, in order.
    public var authors: [Author]
    /// The first image, if any.
    public var image: FeedImage?
    /// First publication time.
    public var publishedAt: Date
    /// When the live version was saved (never before `publishedAt`).
    public var updatedAt: Date

    /// Creates an entry.
    public init(
        id: ArticleID, slug: String, title: String, sapo: String, section: Section, authors: [Author], image: FeedImage?,
        publishedAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.sapo = sapo
        self.section = section
        self.authors = authors
        self.image = image
        self.publishedAt = publishedAt
        self.updatedAt = updatedAt
    }
}

/// An article's address and last change, for a sitemap.
public struct SitemapArticle: Hashable, Sendable {
    /// Storage identifier.
    public var id: ArticleID
    /// URL slug of the published version.
    public var slug: String
    /// When the live version was saved, or first published if that is later.
    public var lastModified: Date

    /// Creates an entry.
    public init(id: ArticleID, slug: String, lastModified: Date) {
        self.id = id
        self.slug = slug
        self.lastModified = lastModified
    }
}

/// One page of the article sitemap: how many addresses it holds and its newest change.
public struct SitemapPageSummary: Hashable, Sendable {
    /// 1-based page number.
    public var number: Int
    /// Addresses on the page.
    public var count: Int
    /// The newest `lastModified` on the page.
    public var lastModified: Date

    /// Creates a summary.
    public init(number: Int, count: Int, lastModified: Date) {
        self.number = number
        self.count = count
        self.lastModified = lastModified
    }
}

/// A list page (section, tag, topic, author) with at least one article readers may see.
public struct SitemapListing: Hashable, Sendable {
    /// What kind of list.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case section, tag, topic, author
    }

    /// What kind of list.
    public var kind: Kind
    /// Its slug.
    public var slug: String
    /// The newest publication time among its articles.
    public var lastModified: Date

    /// Creates an entry.
    public init(kind: Kind, slug: String, lastModified: Date) {
        self.kind = kind
        self.slug = slug
        self.lastModified = lastModified
    }
}

/// An article for the Google News sitemap.
public struct NewsSitemapArticle: Hashable, Sendable {
    /// Storage identifier.
    public var id: ArticleID
    /// URL slug of the published version.
    public var slug: String
    /// Headline.
    public var title: String
    /// First publication time.
    public var publishedAt: Date

    /// Creates an entry.
    public init(id: ArticleID, slug: String, title: String, publishedAt: Date) {
        self.id = id
        self.slug = slug
        self.title = title
        self.publishedAt = publishedAt
    }
}

/// What feeds and sitemaps read: only articles readers may see at `now`, like every reader query.
public protocol FeedStore: Sendable {
    /// The newest articles of a list, newest first, at most `limit`.
    func feedEntries(_ filter: ArticleFilter, limit: Int, now: Date) async throws -> [FeedEntry]
    /// The pages of the article sitemap, `size` addresses each in id order (at least one page, possibly empty).
    func sitemapArticlePages(size: Int, now: Date) async throws -> [SitemapPageSummary]
    /// The addresses on page `number` (1-based) of the article sitemap, in id order.
    func sitemapArticles(page number: Int, size: Int, now: Date) async throws -> [SitemapArticle]
    /// Every section, tag, topic and author with at least one visible article, by kind and slug.
    func sitemapListings(now: Date) async throws -> [SitemapListing]
    /// Articles first published in `since...now`, newest first.
    func newsSitemapArticles(since: Date, now: Date) async throws -> [NewsSitemapArticle]
}
