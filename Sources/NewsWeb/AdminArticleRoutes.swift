import Foundation
import Hummingbird
import NewsDomain
import NewsStore
import NewsText

/// The article part of the Admin API: create, read, edit (carrying the version edited) and move through the workflow.
/// Every action is decided by the workflow state machine and written with its audit entry in one transaction.
public struct AdminArticleRoutes: Sendable {
    let store: any EditorialStore
    let workflow: Workflow
    let clock: @Sendable () -> Date

    /// Creates the routes.
    public init(store: any EditorialStore, workflow: Workflow, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.workflow = workflow
        self.clock = clock
    }

    /// An article in the import format's field names; on PATCH every field is optional and `version` is required.
    struct Payload: Decodable {
        struct Image: Decodable {
            var src: String
            var alt: String
            var caption: String?
            var credit: String?
            var width: Int?
            var height: Int?
        }
        var id: String?
        var version: Int?
        var title: String?
        var sapo: String?
        var body: String?
        var section: String?
        var sectionName: String?
        var tags: [String]?
        var topic: String?
        var author: String?
        var images: [Image]?
        var related: [String]?
        var slug: String?
        var seoTitle: String?
        var seoDescription: String?

        enum CodingKeys: String, CodingKey {
            case id, version, title, sapo, body, section, tags, topic, author, images, related, slug
            case sectionName = "section_name"
            case seoTitle = "seo_title"
            case seoDescription = "seo_description"
        }

        /// The input these fields make, on top of `base` (the current content on PATCH, empty on POST).
        func input(over base: ArticleInput) -> ArticleInput {
            var input = base
            if let id { input.externalID = id }
            if let title { input.title = title }
            if let sapo { input.sapo = sapo }
            if let body { input.body = body }
            if let section { input.sectionSlug = section }
            if let sectionName { input.sectionName = sectionName }
            if let tags { input.tags = tags }
            if let topic { input.topic = topic.isEmpty ? nil : topic }
            if let author { input.author = author }
            if let related { input.related = related }
            if let slug { input.slug = slug }
            if let images {
                input.images = images.map {
                    ImageInput(src: $0.src, alt: $0.alt, caption: $0.caption ?? "", credit: $0.credit ?? "", width: $0.width, height: $0.height)
                }
            }
            input.status = .draft
            return input
        }

        func seo(over base: SEOFields) -> SEOFields {
            SEOFields(title: seoTitle ?? base.title, description: seoDescription ?? base.description)
        }
    }

    struct TransitionPayload: Decodable {
        var action: WorkflowAction
        var note: String?
        var at: String?
    }

    /// The article as API clients see it.
    struct ArticleResponse: ResponseEncodable {
        var id: Int64
        var externalID: String?
        var version: Int
        var publishedVersion: Int?
        var status: String
        var revision: String?
        var title: String
        var sapo: String
        var body: String
        var slug: String
        var section: String
        var tags: [String]
        var topic: String?
        var author: String?
        var publishedAt: String?
        var scheduledAt: String?
        var updatedAt: String

        enum CodingKeys: String, CodingKey {
            case id, version, status, revision, title, sapo, body, slug, section, tags, topic, author
            case externalID = "external_id"
            case publishedVersion = "published_version"
            case publishedAt = "published_at"
            case scheduledAt = "scheduled_at"
            case updatedAt = "updated_at"
        }

        init(_ article: EditorialArticle) {
            id = article.id.rawValue
            externalID = article.externalID
            version = article.currentVersion
            publishedVersion = article.publishedVersion
            status = article.state.status.rawValue
            revision = article.state.revision?.rawValue
            title = article.content.title
            sapo = article.content.sapo
            body = article.content.body
            slug = article.content.slug
            section = article.content.section.slug
            tags = article.content.tags.map(\.name)
            topic = article.content.topic?.name
            author = article.content.authors.first?.name
            publishedAt = article.publishedAt.map(VietnameseDate.iso8601)
            scheduledAt = article.scheduledAt.map(VietnameseDate.iso8601)
            updatedAt = VietnameseDate.iso8601(article.updatedAt)
        }
    }

    /// Registers the routes on an authenticated group.
    public func register(on group: RouterGroup<NewsRequestContext>) {
        group.post("articles") { request, context -> Response in
            let user = try context.requireIdentity()
            let payload = try await request.decode(as: Payload.self, context: context)
            let empty = ArticleInput(title: "", sapo: "", body: "", sectionSlug: "", author: "", status: .draft)
            let article = try await store.createArticle(payload.input(over: empty), seo: payload.seo(over: SEOFields()), by: user, now: clock())
            var response = try ArticleResponse(article).response(from: request, context: context)
            response.status = .created
            return response
        }
        group.get("articles/:id") { _, context -> ArticleResponse in
            _ = try context.requireIdentity()
            return ArticleResponse(try await article(context))
        }
        group.patch("articles/:id") { request, context -> ArticleResponse in
            let user = try context.requireIdentity()
            let current = try await article(context)
            let payload = try await request.decode(as: Payload.self, context: context)
            guard let version = payload.version else {
                throw ValidationErrors([.required("version")])
            }
            let base = Self.input(from: current)
            let seo = payload.seo(over: SEOFields(title: current.content.seoTitle, description: current.content.seoDescription))
            return ArticleResponse(try await store.saveArticle(
                id: current.id, input: payload.input(over: base), seo: seo, baseVersion: version, actor: user.editorialActor,
                actorName: user.name, workflow: workflow, now: clock()
            ))
        }
        group.post("articles/:id/transitions") { request, context -> ArticleResponse in
            let user = try context.requireIdentity()
            let current = try await article(context)
            let payload = try await request.decode(as: TransitionPayload.self, context: context)
            var at: Date?
            if let text = payload.at {
                guard let date = VietnameseDate.parseISO8601(text) else {
                    throw DomainError.invalid("at", "must be an ISO 8601 date and time with a UTC offset, e.g. 2023-12-22T10:30:00+07:00")
                }
                at = date
            }
            return ArticleResponse(try await store.transition(
                id: current.id, action: payload.action, note: payload.note, at: at, actor: user.editorialActor,
                actorName: user.name, workflow: workflow, now: clock()
            ))
        }
    }

    private func article(_ context: NewsRequestContext) async throws -> EditorialArticle {
        guard let raw = context.parameters.get("id"), let number = Int64(raw), number > 0,
              let article = try await store.editorialArticle(id: ArticleID(number), now: clock())
        else { throw StorageError.notFound("article") }
        return article
    }

    /// The current content as an input, so a PATCH changes only the fields it names.
    static func input(from article: EditorialArticle) -> ArticleInput {
        let content = article.content
        return ArticleInput(
            externalID: article.externalID, title: content.title, sapo: content.sapo, body: content.body,
            sectionSlug: content.section.slug, tags: content.tags.map(\.name), topic: content.topic?.name,
            author: content.authors.first?.name ?? "", images: content.images.map {
                ImageInput(src: $0.src, alt: $0.alt, caption: $0.caption, credit: $0.credit, width: $0.width, height: $0.height)
            },
            status: .draft, related: content.relatedIDs.map(\.description), slug: content.slug
        )
    }
}

extension NewsRequestContext {
    /// The authenticated account, or 401.
    func requireIdentity() throws -> User {
        guard let identity else { throw AuthenticationError.unauthenticated }
        return identity
    }
}
