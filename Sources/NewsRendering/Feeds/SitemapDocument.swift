import Foundation
import NewsText

/// Sitemaps (sitemaps.org 0.9) and the Google News sitemap, written with escaped values and W3C date-times at +07:00.
public enum SitemapDocument {
    /// Content-Type of every sitemap.
    public static let contentType = "application/xml; charset=utf-8"
    /// The sitemaps.org namespace.
    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    /// The Google News namespace.
    static let newsNamespace = "http://www.google.com/schemas/sitemap-news/0.9"

    /// An address with its last change.
    public struct Location: Hashable, Sendable {
        /// Absolute URL.
        public var url: String
        /// Last change, when known.
        public var lastModified: Date?

        /// Creates a location.
        public init(url: String, lastModified: Date?) {
            self.url = url
            self.lastModified = lastModified
        }
    }

    /// An article in the Google News sitemap.
    public struct NewsArticle: Hashable, Sendable {
        /// Absolute URL.
        public var url: String
        /// Headline.
        public var title: String
        /// First publication time.
        public var publishedAt: Date

        /// Creates an entry.
        public init(url: String, title: String, publishedAt: Date) {
            self.url = url
            self.title = title
            self.publishedAt = publishedAt
        }
    }

    /// A sitemap index listing other sitemaps.
    public static func index(_ sitemaps: [Location]) -> String {
        var xml = XMLWriter()
        xml.start("sitemapindex", [("xmlns", namespace)])
        for sitemap in sitemaps {
            xml.start("sitemap")
            xml.element("loc", sitemap.url)
            if let date = sitemap.lastModified { xml.element("lastmod", VietnameseDate.iso8601(date)) }
            xml.end()
        }
        return xml.finish()
    }

    /// A sitemap of pages.
    public static func urlset(_ locations: [Location]) -> String {
        var xml = XMLWriter()
        xml.start("urlset", [("xmlns", namespace)])
        for location in locations {
            xml.start("url")
            xml.element("loc", location.url)
            if let date = location.lastModified { xml.element("lastmod", VietnameseDate.iso8601(date)) }
            xml.end()
        }
        return xml.finish()
    }

    /// A Google News sitemap: each article with the publication's name, language `vi`, publication time and title.
    public static func news(_ articles: [NewsArticle], publicationName: String) -> String {
        var xml = XMLWriter()
        xml.start("urlset", [("xmlns", namespace), ("xmlns:news", newsNamespace)])
        for article in articles {
            xml.start("url")
            xml.element("loc", article.url)
            xml.start("news:news")
            xml.start("news:publication")
            xml.element("news:name", publicationName)
            xml.element("news:language", "vi")
            xml.end()
            xml.element("news:publication_date", VietnameseDate.iso8601(article.publishedAt))
            xml.element("news:title", article.title)
            xml.end()
            xml.end()
        }
        return xml.finish()
    }

    /// `robots.txt`: everything may be crawled except `disallowed`, and where the sitemaps are.
    public static func robots(disallowed: [String], sitemaps: [String]) -> String {
        // A line break inside a value would start a new directive.
        func line(_ text: String) -> String { text.filter { $0 != "\n" && $0 != "\r" } }
        var lines = ["User-agent: *"]
        lines += disallowed.map { "Disallow: " + line($0) }
        lines.append("")
        lines += sitemaps.map { "Sitemap: " + line($0) }
        return lines.joined(separator: "\n") + "\n"
    }
}
