import Foundation

/// Identifies a registered webhook.
public typealias WebhookID = EntityID<Webhook>

/// What happened to an article that a webhook can be told about.
public enum WebhookEvent: String, CaseIterable, Hashable, Sendable, Codable {
    /// The article became visible to readers (published, or published at its scheduled time).
    case published = "article.published"
    /// A new version of a visible article went live, or a correction was attached to it.
    case updated = "article.updated"
    /// The article stopped being visible to readers (withdrawn or taken down).
    case unpublished = "article.unpublished"

    /// The event in Vietnamese, for the newsroom's pages.
    public var label: String {
        switch self {
        case .published: "Xuất bản"
        case .updated: "Cập nhật bài đã xuất bản"
        case .unpublished: "Gỡ bài"
        }
    }
}

/// An address that is told, by a signed HTTP POST, when articles are published, updated or taken down.
public struct Webhook: Hashable, Sendable {
    /// Storage identifier.
    public var id: WebhookID
    /// Where deliveries are posted (http or https).
    public var url: String
    /// The events it receives.
    public var events: Set<WebhookEvent>
    /// What the administrator wrote about it ("Ứng dụng di động", "Đối tác A").
    public var description: String
    /// The last four characters of the signing secret, so people can tell secrets apart; the secret itself is shown
    /// only once, when the webhook is made.
    public var secretHint: String
    /// When it was registered.
    public var createdAt: Date
    /// Who registered it.
    public var createdByName: String

    /// Creates a webhook.
    public init(
        id: WebhookID, url: String, events: Set<WebhookEvent>, description: String, secretHint: String, createdAt: Date,
        createdByName: String
    ) {
        self.id = id
        self.url = url
        self.events = events
        self.description = description
        self.secretHint = secretHint
        self.createdAt = createdAt
        self.createdByName = createdByName
    }
}

/// The rules a webhook registration must follow.
public enum WebhookRules {
    /// Longest accepted URL.
    public static let maxURLLength = 2_000
    /// Longest accepted description.
    public static let maxDescriptionLength = 200

    /// Every problem with a registration, each naming its field (`url`, `events`, `description`).
    ///
    /// Only absolute http and https URLs with a host are accepted, without user name or password (the secret signs
    /// deliveries; credentials in a URL would end up in logs). Private and loopback addresses are refused when a
    /// delivery is made, not here: a host name may resolve differently tomorrow.
    public static func violations(url: String, events: [String], description: String) -> [DomainError] {
        var errors: [DomainError] = []
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            errors.append(.required("url"))
        } else if trimmed.count > maxURLLength {
            errors.append(.tooLong("url", max: maxURLLength))
        } else if let parsed = URLComponents(string: trimmed), let scheme = parsed.scheme?.lowercased(),
                  ["http", "https"].contains(scheme), let host = parsed.host, !host.isEmpty,
                  !trimmed.contains(where: \.isWhitespace)
        {
            if parsed.user != nil || parsed.password != nil {
                errors.append(.invalid("url", "must not contain a user name or password"))
            }
            if parsed.fragment != nil {
                errors.append(.invalid("url", "must not contain a fragment (#…)"))
            }
        } else {
            errors.append(.invalid("url", "must be an absolute http:// or https:// URL"))
        }
        if events.isEmpty {
            errors.append(.required("events"))
        }
        for (index, name) in events.enumerated() where WebhookEvent(rawValue: name) == nil {
            let known = WebhookEvent.allCases.map(\.rawValue).joined(separator: ", ")
            errors.append(.invalid("events[\(index)]", "\"\(name)\" is not an event; use one of \(known)"))
        }
        if description.count > maxDescriptionLength {
            errors.append(.tooLong("description", max: maxDescriptionLength))
        }
        return errors
    }
}

/// When a failed delivery is tried again: after 1 minute, 5 minutes, 30 minutes, 2 hours and 12 hours; after the
/// sixth failed attempt it is given up.
public struct WebhookRetryPolicy: Sendable, Equatable {
    /// The waits after the first, second, … failed attempt.
    public var delays: [TimeInterval]

    /// The standard schedule.
    public static let standard = WebhookRetryPolicy(delays: [60, 300, 1_800, 7_200, 43_200])

    /// Creates a schedule.
    public init(delays: [TimeInterval]) {
        self.delays = delays
    }

    /// Attempts made at most: the first one plus one per delay.
    public var maxAttempts: Int { delays.count + 1 }

    /// When to try again after `failedAttempts` attempts have failed, the last one at `at`; nil: give up.
    public func nextAttempt(afterFailedAttempts failedAttempts: Int, at: Date) -> Date? {
        guard failedAttempts >= 1, failedAttempts <= delays.count else { return nil }
        return at.addingTimeInterval(delays[failedAttempts - 1])
    }
}
