import Foundation
import NewsDomain
import NewsText

/// The schema.org `NewsArticle` of an article page, as Google's Article guidance reads it: headline, description,
/// images (the featured image's 16:9, 4:3 and 1:1 crops where they were made, otherwise the image as it is),
/// publication and modification times with +07:00, each byline with its author page, the publisher with its logo,
/// section, keywords, and the corrections as `CorrectionComment`s.
///
/// Everything it claims is true of the page: an image's size is the file's, a crop is listed only if the file exists.
struct ArticleStructuredData: Encodable {
    struct WebPage: Encodable {
        let type = "WebPage"
        let id: String
        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case id = "@id"
        }
    }

    struct ImageObject: Encodable {
        let type = "ImageObject"
        let url: String
        let width: Int?
        let height: Int?
        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case url, width, height
        }
    }

    struct Person: Encodable {
        let type = "Person"
        let name: String
        let url: String
        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case name, url
        }
    }

    struct Organization: Encodable {
        let type = "NewsMediaOrganization"
        let name: String
        let url: String
        let logo: ImageObject?
        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case name, url, logo
        }
    }

    struct CorrectionComment: Encodable {
        let type = "CorrectionComment"
        let text: String
        let datePublished: String
        enum CodingKeys: String, CodingKey {
            case type = "@type"
            case text, datePublished
        }
    }

    let context = "https://schema.org"
    let type = "NewsArticle"
    let mainEntityOfPage: WebPage
    let url: String
    let headline: String
    let description: String?
    let image: [ImageObject]?
    let datePublished: String
    let dateModified: String
    let author: [Person]?
    let publisher: Organization
    let articleSection: String
    let keywords: [String]?
    let inLanguage = "vi"
    let correction: [CorrectionComment]?

    enum CodingKeys: String, CodingKey {
        case context = "@context"
        case type = "@type"
        case mainEntityOfPage, url, headline, description, image, datePublished, dateModified, author, publisher
        case articleSection, keywords, inLanguage, correction
    }

    /// The structured data of `content`'s page at `canonicalURL`; `published` and `modified` are the times the page shows.
    init(
        content: ArticlePageContent, chrome: SiteChrome, site: SiteContext, assets: ThemeAssetPaths, canonicalURL: String,
        description: String, published: Date, modified: Date
    ) {
        let article = content.article
        mainEntityOfPage = WebPage(id: canonicalURL)
        url = canonicalURL
        headline = article.title
        self.description = description.isEmpty ? nil : description
        let images = article.featuredImage.map { Self.images(of: $0, site: site) } ?? []
        image = images.isEmpty ? nil : images
        datePublished = VietnameseDate.iso8601(published)
        dateModified = VietnameseDate.iso8601(modified)
        let people = article.authors.map { Person(name: $0.name, url: site.absolute(SiteURL.author(slug: $0.slug).path)) }
        author = people.isEmpty ? nil : people
        publisher = Organization(
            name: chrome.settings.name, url: site.absolute(SiteURL.home.path),
            logo: assets.logo.map { ImageObject(url: site.absolute($0.path), width: $0.width, height: $0.height) }
        )
        articleSection = article.section.name
        keywords = article.tags.isEmpty ? nil : article.tags.map(\.name)
        let corrections = content.corrections.map {
            CorrectionComment(text: $0.note, datePublished: VietnameseDate.iso8601($0.createdAt))
        }
        correction = corrections.isEmpty ? nil : corrections
    }

    /// The crops of an image, widest ratio first, when it has any; otherwise the one copy readers are shown (the
    /// largest resized copy of an upload, or the image itself), with its size when known.
    static func images(of media: Media, site: SiteContext) -> [ImageObject] {
        let crops = media.crops
        if !crops.isEmpty {
            return crops.map { ImageObject(url: site.absolute(SiteURL.media(src: $0.src).path), width: $0.width, height: $0.height) }
        }
        let shown = ResponsiveImage(media)
        return [ImageObject(url: site.absolute(shown.src), width: shown.width, height: shown.height)]
    }


    /// The JSON-LD text for the page's `<script type="application/ld+json">`.
    var scriptText: String { ScriptSafeJSON.encode(self) ?? "" }
}
