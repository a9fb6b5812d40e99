import Foundation
import Hummingbird
import NewsDomain
import NewsStore
import NewsText

/// The webhooks part of the Admin API, for administrators only: register (the secret is in the answer, once), list,
/// remove, and read a webhook's delivery log with every attempt.
public struct AdminWebhookRoutes: Sendable {
    let store: any WebhookStore
    let registrar: WebhookRegistrar
    let authenticator: Authenticator

    /// Deliveries a page when the client does not say.
    static let defaultPageSize = 20

    /// Creates the routes.
    public init(store: any WebhookStore, authenticator: Authenticator, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.registrar = WebhookRegistrar(store: store, clock: clock)
        self.authenticator = authenticator
    }

    struct CreatePayload: Decodable {
        var url: String
        var events: [String]
        var description: String?
    }

    /// A webhook as administrators see it (never with its secret).
    struct WebhookResponse: ResponseEncodable {
        var id: Int64
        var url: String
        var events: [String]
        var description: String
        var secretHint: String
        var createdAt: String
        var createdBy: String

        enum CodingKeys: String, CodingKey {
            case id, url, events, description
            case secretHint = "secret_hint"
            case createdAt = "created_at"
            case createdBy = "created_by"
        }

        init(_ webhook: Webhook) {
            id = webhook.id.rawValue
            url = webhook.url
            events = WebhookEvent.allCases.filter(webhook.events.contains).map(\.rawValue)
            description = webhook.description
            secretHint = webhook.secretHint
            createdAt = VietnameseDate.iso8601(webhook.createdAt)
            createdBy = webhook.createdByName
        }
    }

    struct CreatedResponse: ResponseEncodable {
        var webhook: WebhookResponse
        var secret: String
    }

    struct ListResponse: ResponseEncodable {
        var webhooks: [WebhookResponse]
    }

    struct AttemptResponse: Encodable {
        var number: Int
        var at: String
        var statusCode: Int?
        var error: String?
        var durationMs: Int64

        enum CodingKeys: String, CodingKey {
            case number, at, error
            case statusCode = "status_code"
            case durationMs = "duration_ms"
        }
    }

    struct DeliveryResponse: Encodable {
        var id: Int64
        var event: String
        var occurredAt: String
        var articleID: Int64
        var title: String
        var status: String
        var nextAttemptAt: String?
        var attempts: [AttemptResponse]

        enum CodingKeys: String, CodingKey {
            case id, event, title, status, attempts
            case occurredAt = "occurred_at"
            case articleID = "article_id"
            case nextAttemptAt = "next_attempt_at"
        }

        init(_ record: WebhookDeliveryRecord) {
            id = record.id
            event = record.event.rawValue
            occurredAt = VietnameseDate.iso8601(record.occurredAt)
            articleID = record.articleID.rawValue
            title = record.title
            status = record.status.rawValue
            nextAttemptAt = record.nextAttemptAt.map(VietnameseDate.iso8601)
            attempts = record.attempts.map { attempt in
                let (seconds, attoseconds) = attempt.outcome.duration.components
                return AttemptResponse(
                    number: attempt.number, at: VietnameseDate.iso8601(attempt.at), statusCode: attempt.outcome.statusCode,
                    error: attempt.outcome.error, durationMs: seconds * 1_000 + attoseconds / 1_000_000_000_000_000
                )
            }
        }
    }

    struct DeliveriesResponse: ResponseEncodable {
        var deliveries: [DeliveryResponse]
        var page: Int
        var perPage: Int
        var total: Int
        var pageCount: Int

        enum CodingKeys: String, CodingKey {
            case deliveries, page, total
            case perPage = "per_page"
            case pageCount = "page_count"
        }
    }

    /// Registers the routes under `/api/admin/webhooks`, behind the bearer token check.
    public func register(on router: Router<NewsRequestContext>) {
        let group = router.group("api/admin/webhooks").add(middleware: BearerAuthenticationMiddleware(authenticator: authenticator))
        group.get { _, context -> ListResponse in
            _ = try context.requireAdministrator()
            return ListResponse(webhooks: try await store.webhooks().map(WebhookResponse.init))
        }
        group.post { request, context -> Response in
            let actor = try context.requireAdministrator()
            let payload = try await request.decode(as: CreatePayload.self, context: context)
            let (webhook, secret) = try await registrar.register(
                url: payload.url, events: payload.events, description: payload.description ?? "", by: actor
            )
            var response = try CreatedResponse(webhook: WebhookResponse(webhook), secret: secret).response(from: request, context: context)
            response.status = .created
            response.headers[.location] = "/api/admin/webhooks/\(webhook.id)"
            response.headers[.cacheControl] = "no-store"
            return response
        }
        group.delete(":id") { _, context -> Response in
            let actor = try context.requireAdministrator()
            try await registrar.remove(try await requireWebhook(context).id, by: actor)
            return Response(status: .noContent)
        }
        group.get(":id/deliveries") { request, context -> DeliveriesResponse in
            _ = try context.requireAdministrator()
            let webhook = try await requireWebhook(context)
            let query = request.uri.queryParameters
            let number = try Self.positiveNumber(query["page"].map(String.init), field: "page") ?? 1
            let size = try Self.positiveNumber(query["per_page"].map(String.init), field: "per_page") ?? Self.defaultPageSize
            let page = try await store.webhookDeliveries(webhookID: webhook.id, page: PageRequest(number: number, size: size))
            return DeliveriesResponse(
                deliveries: page.items.map(DeliveryResponse.init), page: page.request.number, perPage: page.request.size,
                total: page.totalCount, pageCount: page.pageCount
            )
        }
    }

    private func requireWebhook(_ context: NewsRequestContext) async throws -> Webhook {
        guard let raw = context.parameters.get("id"), let number = Int64(raw), number > 0,
              let webhook = try await store.webhook(id: WebhookID(number))
        else { throw StorageError.notFound("webhook") }
        return webhook
    }

    /// A query parameter that must be a whole number from 1 up; nil when absent.
    private static func positiveNumber(_ text: String?, field: String) throws -> Int? {
        guard let text else { return nil }
        guard let number = Int(text), number >= 1 else {
            throw ValidationErrors([.invalid(field, "must be a whole number from 1 up")])
        }
        return number
    }
}
