import Foundation
import NewsAuth
import Testing

@Suite("Webhook signatures")
struct WebhookSignatureTests {
    static let now = Date(timeIntervalSince1970: 1_703_215_800)

    @Test("the signature is HMAC-SHA256 of \"timestamp.body\" keyed by the secret's UTF-8 bytes, in lower-case hex")
    func knownAnswer() {
        let body = Array(#"{"event":"article.published"}"#.utf8)
        let signature = WebhookSignature.sign(body: body, timestamp: 1_703_215_800, secret: "whsec_bi-mat")
        // Computed independently: python3 -c 'import hmac,hashlib; print(hmac.new(b"whsec_bi-mat", b"1703215800." + body, hashlib.sha256).hexdigest())'
        #expect(signature == "sha256=087224aea41f2aeebaf5dac1f88409882e5e6963a290556bd90dc4decbd76717")
    }

    @Test("verification accepts the right secret and bytes within five minutes, and nothing else")
    func verify() {
        let body = Array("{\"title\":\"Tin nóng\"}".utf8)
        let signature = WebhookSignature.sign(body: body, timestamp: 1_703_215_800, secret: "s1")
        #expect(WebhookSignature.verify(body: body, timestamp: "1703215800", signature: signature, secret: "s1", now: Self.now))
        #expect(WebhookSignature.verify(body: body, timestamp: "1703215800", signature: signature, secret: "s1", now: Self.now.addingTimeInterval(300)))
        #expect(!WebhookSignature.verify(body: body, timestamp: "1703215800", signature: signature, secret: "s1", now: Self.now.addingTimeInterval(301)))
        #expect(!WebhookSignature.verify(body: body, timestamp: "1703215801", signature: signature, secret: "s1", now: Self.now))
        #expect(!WebhookSignature.verify(body: body, timestamp: "1703215800", signature: signature, secret: "s2", now: Self.now))
        #expect(!WebhookSignature.verify(body: body + [0x0A], timestamp: "1703215800", signature: signature, secret: "s1", now: Self.now))
        #expect(!WebhookSignature.verify(body: body, timestamp: "abc", signature: signature, secret: "s1", now: Self.now))
        #expect(!WebhookSignature.verify(body: body, timestamp: "1703215800", signature: signature.uppercased(), secret: "s1", now: Self.now))
    }

    @Test("secrets are whsec_ and 43 URL-safe characters, never the same twice")
    func secrets() {
        let secrets = (0..<50).map { _ in WebhookSignature.generateSecret() }
        #expect(Set(secrets).count == 50)
        #expect(secrets.allSatisfy { $0.hasPrefix("whsec_") && $0.count == 49 })
        #expect(secrets.allSatisfy { $0.dropFirst(6).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
    }
}
