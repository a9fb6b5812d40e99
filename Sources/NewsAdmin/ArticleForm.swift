import Foundation
import NewsDomain
import NewsStore
import NewsText

/// The article editor's fields as typed, so that a refused save shows the form again exactly as it was sent.
struct ArticleForm: Sendable, Equatable {
    var title = ""
    var slug = ""
    var sapo = ""
    var body = ""
    var section = ""
    var tags = ""
    var topic = ""
    var author = ""
    var featured = ""
    var related = ""
    var seoTitle = ""
    var seoDescription = ""
    /// The version this form edits (0 for a new article).
    var version = 0

    init() {}

    /// The fields of a saved article.
    init(_ article: EditorialArticle) {
        let content = article.content
        title = content.title
        slug = content.slug
        sapo = content.sapo
        body = content.body
        section = content.section.slug
        tags = content.tags.map(\.name).joined(separator: ", ")
        topic = content.topic?.name ?? ""
        author = content.authors.first?.name ?? ""
        featured = content.images.first.flatMap { image in Self.bodyImageSources(content.body).contains(image.src) ? nil : image.src } ?? ""
        related = content.relatedIDs.map(\.description).joined(separator: ", ")
        seoTitle = content.seoTitle ?? ""
        seoDescription = content.seoDescription ?? ""
        version = article.currentVersion
    }

    /// The fields as posted.
    init(_ form: FormData) {
        title = form["title"]
        slug = form["slug"].trimmingCharacters(in: .whitespaces)
        sapo = form["sapo"]
        body = form["body"].replacingOccurrences(of: "\r\n", with: "\n")
        section = form["section"]
        tags = form["tags"]
        topic = form["topic"]
        author = form["author"]
        featured = form["featured"].trimmingCharacters(in: .whitespaces)
        related = form["related"]
        seoTitle = form["seo_title"]
        seoDescription = form["seo_description"]
        version = Int(form["version"]) ?? 0
    }

    /// Comma-separated values, trimmed, blanks dropped.
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The sources of the images the Markdown body places (`![alt](src "title")`), in order, without repeats.
    static func bodyImageSources(_ body: String) -> [String] {
        var sources: [String] = []
        var rest = body[...]
        while let start = rest.range(of: "](") {
            let afterParen = rest[start.upperBound...]
            let isImage = rest[..<start.lowerBound].lastIndex(of: "[").map { index in
                index > rest.startIndex && rest[rest.index(before: index)] == "!"
            } ?? false
            let target = afterParen.prefix { $0 != ")" && $0 != " " && $0 != "\n" }
            if isImage, !target.isEmpty, !sources.contains(String(target)) { sources.append(String(target)) }
            rest = afterParen
        }
        return sources
    }

    /// The images to store with the version: the featured image first, then those the body places, each with the
    /// alt text, caption and credit the media library holds for it (an image not in the library keeps the body's alt).
    func images(library: any MediaLibraryStore) async throws -> [ImageInput] {
        var sources = Self.bodyImageSources(body)
        if !featured.isEmpty {
            sources.removeAll { $0 == featured }
            sources.insert(featured, at: 0)
        }
        var images: [ImageInput] = []
        for src in sources.prefix(ArticleLimits.imageCount) {
            if let media = try await library.media(src: src) {
                images.append(ImageInput(
                    src: media.src, alt: media.alt, caption: media.caption, credit: media.credit, width: media.width, height: media.height
                ))
            } else if !src.hasPrefix("http://"), !src.hasPrefix("https://") {
                // A local path the library does not know: refuse at the field rather than publish a broken image.
                throw ValidationErrors([.invalid(src == featured ? "featured" : "body", "ảnh “\(src)” không có trong thư viện ảnh")])
            }
        }
        return images
    }

    /// The input to save.
    func input(library: any MediaLibraryStore) async throws -> (ArticleInput, SEOFields) {
        let input = ArticleInput(
            title: title, sapo: sapo, body: body, sectionSlug: section, tags: Self.list(tags),
            topic: topic.trimmingCharacters(in: .whitespaces).isEmpty ? nil : topic, author: author,
            images: try await images(library: library), status: .draft, related: Self.list(related),
            slug: slug.isEmpty ? nil : slug
        )
        let seo = SEOFields(
            title: seoTitle.trimmingCharacters(in: .whitespaces).isEmpty ? nil : seoTitle,
            description: seoDescription.trimmingCharacters(in: .whitespaces).isEmpty ? nil : seoDescription
        )
        return (input, seo)
    }

    /// The article as readers would see it, for the preview; nothing is stored.
    func previewArticle(id: ArticleID, sections: [Section], library: any MediaLibraryStore, now: Date) async throws -> Article {
        let chosen = sections.first { $0.slug == self.section } ?? Section(id: SectionID(0), slug: "xem-truoc", name: "Chưa chọn chuyên mục")
        var media: [Media] = []
        for image in (try? await images(library: library)) ?? [] {
            if let found = try await library.media(src: image.src) { media.append(found) }
        }
        let tags = Self.list(self.tags).map { Tag(id: TagID(0), slug: Slug.make($0), name: $0) }
        let topicName = topic.trimmingCharacters(in: .whitespaces)
        let byline = author.trimmingCharacters(in: .whitespaces)
        let authors = byline.isEmpty ? [] : [Author(id: AuthorID(0), slug: Slug.make(byline), name: byline)]
        return Article(
            id: id, status: .published, slug: slug.isEmpty ? Slug.make(title) : slug, title: title, sapo: sapo, body: body,
            section: chosen, topic: topicName.isEmpty ? nil : Topic(id: TopicID(0), slug: Slug.make(topicName), name: topicName),
            tags: tags, authors: authors, images: media,
            relatedIDs: Self.list(related).compactMap { Int64($0) }.map { ArticleID($0) }, publishedAt: now, updatedAt: now
        )
    }
}

/// Field errors in Vietnamese, keyed by form field.
enum FieldErrors {
    /// The form field a store field belongs to (`images[2].alt` → body or featured image).
    static func formField(_ field: String) -> String {
        if field.hasPrefix("tags") { return "tags" }
        if field.hasPrefix("images") { return "body" }
        switch field {
        case "seo.title": return "seo_title"
        case "seo.description": return "seo_description"
        case "related": return "related"
        default: return field
        }
    }

    /// A Vietnamese sentence for a field problem.
    static func message(_ error: DomainError) -> String {
        switch error.code {
        case "required":
            return error.field == "section" ? "Hãy chọn chuyên mục." : "Không được để trống."
        case "too-long":
            let digits = error.message.filter(\.isNumber)
            return digits.isEmpty ? "Quá dài." : "Quá dài: tối đa \(digits) ký tự."
        default:
            switch formField(error.field) {
            case "slug": return "Đường dẫn chỉ gồm chữ thường không dấu a–z, chữ số và dấu gạch nối (ví dụ: tin-moi-nhat)."
            case "section": return "Chuyên mục không hợp lệ."
            case "tags": return "Tối đa \(ArticleLimits.tagCount) từ khóa, mỗi từ khóa tối đa \(ArticleLimits.name) ký tự."
            case "related": return "Bài liên quan phải là mã số bài (ví dụ: 12, 45) của bài đã có."
            default: return error.message
            }
        }
    }

    /// Every problem, grouped by form field.
    static func byField(_ errors: [DomainError]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for error in errors { result[formField(error.field), default: []].append(message(error)) }
        return result
    }
}
