import Foundation
import NewsAuth
import NewsDomain
import NewsStore
import NewsText

/// Registers webhooks for the Admin API and the newsroom's page alike: checks the fields (`WebhookRules`), makes the
/// signing secret, stores and audits it. Administrators only.
public struct WebhookRegistrar: Sendable {
    let store: any WebhookStore
    let clock: @Sendable () -> Date

    /// Creates the registrar.
    public init(store: any WebhookStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    /// Registers a webhook; returns it with its secret, which is never shown again. Throws `ValidationErrors` naming
    /// every field at fault, or `AccessDenied` for anyone but an administrator.
    public func register(url: String, events: [String], description: String, by actor: User) async throws -> (Webhook, secret: String) {
        guard actor.roles.contains(.administrator) else { throw AccessDenied.administratorsOnly }
        let url = url.trimmingCharacters(in: .whitespacesAndNewlines)
        let description = VietnameseText.nfc(description).trimmingCharacters(in: .whitespacesAndNewlines)
        let errors = WebhookRules.violations(url: url, events: events, description: description)
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        let secret = WebhookSignature.generateSecret()
        let webhook = try await store.createWebhook(
            url: url, events: Set(events.compactMap(WebhookEvent.init(rawValue:))), description: description, secret: secret,
            actor: actor, now: clock()
        )
        return (webhook, secret)
    }

    /// Removes a webhook and its delivery log.
    public func remove(_ id: WebhookID, by actor: User) async throws {
        guard actor.roles.contains(.administrator) else { throw AccessDenied.administratorsOnly }
        try await store.deleteWebhook(id: id, actor: actor, now: clock())
    }
}
