import Foundation
import NewsDomain
import Testing

@Suite("Webhook rules")
struct WebhookRulesTests {
    static func fields(_ url: String, _ events: [String] = ["article.published"], _ description: String = "") -> [String] {
        WebhookRules.violations(url: url, events: events, description: description).map(\.field)
    }

    @Test("only absolute http and https URLs with a host, without credentials or fragment")
    func urls() {
        #expect(Self.fields("https://doitac.example/nhan?khoa=1").isEmpty)
        #expect(Self.fields("http://10.0.0.5:8080/hook").isEmpty, "private addresses are refused at delivery, not here")
        for bad in ["", "ftp://a.example/", "javascript:alert(1)", "/tuong-doi", "https://", "https://a.example/x y", "https://u:p@a.example/", "https://a.example/#x"] {
            #expect(Self.fields(bad) == ["url"], "\(bad)")
        }
        #expect(Self.fields("https://a.example/" + String(repeating: "a", count: 2_000)) == ["url"])
    }

    @Test("at least one known event; a description of at most 200 characters")
    func eventsAndDescription() {
        #expect(Self.fields("https://a.example/", []) == ["events"])
        #expect(Self.fields("https://a.example/", ["article.published", "bai.xoa"]) == ["events[1]"])
        #expect(Self.fields("https://a.example/", ["article.updated"], String(repeating: "ơ", count: 200)).isEmpty)
        #expect(Self.fields("https://a.example/", ["article.updated"], String(repeating: "ơ", count: 201)) == ["description"])
        #expect(WebhookEvent.allCases.map(\.rawValue) == ["article.published", "article.updated", "article.unpublished"])
    }

    @Test("retries after 1 min, 5 min, 30 min, 2 h and 12 h; the sixth failure gives up")
    func retryPolicy() {
        let policy = WebhookRetryPolicy.standard
        let at = Date(timeIntervalSince1970: 0)
        #expect(policy.maxAttempts == 6)
        #expect((1...5).map { policy.nextAttempt(afterFailedAttempts: $0, at: at)?.timeIntervalSince1970 } == [60, 300, 1_800, 7_200, 43_200])
        #expect(policy.nextAttempt(afterFailedAttempts: 6, at: at) == nil)
        #expect(policy.nextAttempt(afterFailedAttempts: 0, at: at) == nil)
    }
}
