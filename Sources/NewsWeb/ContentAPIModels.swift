import Foundation
import NewsDomain
import NewsRendering
import NewsStore
import NewsText

/// The JSON shapes of the Content API (`openapi/content.yaml`). Times are ISO 8601 with +07:00; URLs are absolute
/// when the site's base URL is set (Cài đặt → Địa chỉ trang), paths otherwise. A field the document requires is `null`
/// when absent (`@Nullable`); one it marks optional (an article's body in lists, a kind's own term fields) is left out.
enum ContentAPIModels {
    /// A section, tag or running story as other answers name it (`SectionRef`, `TagRef`, `TopicRef` in the document).
    struct Ref: Encodable {
        let id: Int64
        let slug: String
        let name: String
        let url: String

        static func section(_ section: Section, links: SiteAddress) -> Ref {
            Ref(id: section.id.rawValue, slug: section.slug, name: section.name, url: links.url(.section(slug: section.slug)))
        }

        static func tag(_ tag: Tag, links: SiteAddress) -> Ref {
            Ref(id: tag.id.rawValue, slug: tag.slug, name: tag.name, url: links.url(.tag(slug: tag.slug)))
        }

        static func topic(_ topic: Topic, links: SiteAddress) -> Ref {
            Ref(id: topic.id.rawValue, slug: topic.slug, name: topic.name, url: links.url(.topic(slug: topic.slug)))
        }
    }

    struct AuthorRef: Encodable {
        let id: Int64
        let slug: String
        let name: String
        let title: String
        let url: String

        init(_ author: Author, links: SiteAddress) {
            id = author.id.rawValue
            slug = author.slug
            name = author.name
            title = author.title
            url = links.url(.author(slug: author.slug))
        }
    }

    /// A stored copy of an image: a resized copy of the whole of it, or a centre crop (with `aspect`).
    struct ImageFile: Encodable {
        let url: String
        let width: Int
        let height: Int
        let format: String
        let aspect: String?

        init(_ variant: MediaVariant, links: SiteAddress) {
            url = links.url(.media(src: variant.src))
            width = variant.width
            height = variant.height
            format = variant.format
            aspect = variant.aspect
        }

        enum CodingKeys: String, CodingKey { case url, width, height, format, aspect }
    }

    struct Image: Encodable {
        let url: String
        @Nullable var width: Int?
        @Nullable var height: Int?
        let alt: String
        let caption: String
        let credit: String
        let variants: [ImageFile]
        let crops: [ImageFile]

        init(_ media: Media, links: SiteAddress) {
            url = links.url(.media(src: media.src))
            width = media.width
            height = media.height
            alt = media.alt
            caption = media.caption
            credit = media.credit
            variants = media.resizedVariants.map { ImageFile($0, links: links) }
            crops = media.crops.map { ImageFile($0, links: links) }
        }

        enum CodingKeys: String, CodingKey { case url, width, height, alt, caption, credit, variants, crops }
    }

    struct CorrectionItem: Encodable {
        let note: String
        let publishedAt: String

        enum CodingKeys: String, CodingKey {
            case note
            case publishedAt = "published_at"
        }
    }

    /// An article: in lists without body, images and corrections (left out); alone with them.
    struct ArticleItem: Encodable {
        let id: Int64
        let url: String
        let slug: String
        let title: String
        let sapo: String
        let section: Ref
        @Nullable var topic: Ref?
        let tags: [Ref]
        let authors: [AuthorRef]
        @Nullable var image: Image?
        let publishedAt: String
        let updatedAt: String
        let bodyHTML: String?
        let images: [Image]?
        let corrections: [CorrectionItem]?

        /// `corrections` and `bodyHTML` are given for the one-article answer, nil in lists (which give `correctedAt`,
        /// the time of the latest correction, for `updated_at`).
        init(
            _ article: Article, links: SiteAddress, corrections: [Correction]? = nil, correctedAt: Date? = nil, bodyHTML: String? = nil
        ) {
            id = article.id.rawValue
            url = links.url(.article(id: article.id, slug: article.slug))
            slug = article.slug
            title = article.title
            sapo = article.sapo
            section = .section(article.section, links: links)
            topic = article.topic.map { .topic($0, links: links) }
            tags = article.tags.map { .tag($0, links: links) }
            authors = article.authors.map { AuthorRef($0, links: links) }
            image = article.featuredImage.map { Image($0, links: links) }
            publishedAt = VietnameseDate.iso8601(ArticleTimes.published(article))
            // As the article page and its structured data say.
            let lastCorrection = corrections.map { $0.map(\.createdAt).max() } ?? correctedAt
            updatedAt = VietnameseDate.iso8601(ArticleTimes.modified(article, lastCorrection: lastCorrection))
            self.bodyHTML = bodyHTML
            images = bodyHTML == nil ? nil : article.images.map { Image($0, links: links) }
            self.corrections = corrections?.map {
                CorrectionItem(note: $0.note, publishedAt: VietnameseDate.iso8601($0.createdAt))
            }
        }

        enum CodingKeys: String, CodingKey {
            case id, url, slug, title, sapo, section, topic, tags, authors, image, images, corrections
            case publishedAt = "published_at"
            case updatedAt = "updated_at"
            case bodyHTML = "body_html"
        }
    }

    struct ArticleList: Encodable {
        let articles: [ArticleItem]
        let total: Int
        let limit: Int
        @Nullable var nextPageToken: String?

        enum CodingKeys: String, CodingKey {
            case articles, total, limit
            case nextPageToken = "next_page_token"
        }
    }

    struct SectionItem: Encodable {
        let id: Int64
        let slug: String
        let name: String
        let description: String
        @Nullable var parent: String?
        let url: String

        enum CodingKeys: String, CodingKey { case id, slug, name, description, parent, url }
    }

    struct SectionList: Encodable {
        let sections: [SectionItem]
    }

    /// A tag, topic or author with its count of published articles; `extra` adds the kind's own fields.
    struct TermItem: Encodable {
        let id: Int64
        let slug: String
        let name: String
        let url: String
        let articleCount: Int
        let description: String?
        let title: String?
        let bio: String?

        enum CodingKeys: String, CodingKey {
            case id, slug, name, url, description, title, bio
            case articleCount = "article_count"
        }
    }

    /// A page of tags, topics or authors, under the key `name` ("tags", "topics", "authors").
    struct TermList: Encodable {
        let name: String
        let items: [TermItem]
        let total: Int
        let limit: Int
        let nextPageToken: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            try container.encode(items, forKey: DynamicKey(name))
            try container.encode(total, forKey: DynamicKey("total"))
            try container.encode(limit, forKey: DynamicKey("limit"))
            try container.encode(nextPageToken, forKey: DynamicKey("next_page_token"))
        }
    }

    /// An optional the answer always names: `null` when absent. (A plain optional property is left out when nil.)
    @propertyWrapper
    struct Nullable<Value: Encodable>: Encodable {
        var wrappedValue: Value?

        init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
        }
    }

    struct DynamicKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Encodes an answer: compact, keys sorted (the same content always gives the same bytes, so the same ETag).
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
