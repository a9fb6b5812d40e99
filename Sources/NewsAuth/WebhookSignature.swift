import Crypto
import Foundation

/// Signs webhook deliveries so receivers can tell they came from us and were not altered or replayed.
///
/// The signed bytes are the decimal Unix timestamp, a full stop, and the exact request body
/// (`"1767225600." + body`); the key is the webhook's secret as UTF-8 text. Requests carry
/// `X-Toasoan-Timestamp: <timestamp>` and `X-Toasoan-Signature: sha256=<lower-case hex HMAC-SHA256>`.
public enum WebhookSignature {
    /// Header with the signature.
    public static let signatureHeader = "X-Toasoan-Signature"
    /// Header with the signing time.
    public static let timestampHeader = "X-Toasoan-Timestamp"
    /// How far a receiver should let the timestamp be from its own clock (what `verify` allows).
    public static let tolerance: TimeInterval = 300

    /// A new secret: `whsec_` and 43 URL-safe characters (256 random bits).
    public static func generateSecret() -> String {
        "whsec_" + SecretToken.generate()
    }

    /// The `X-Toasoan-Signature` value for `body` sent at `timestamp`.
    public static func sign(body: [UInt8], timestamp: Int64, secret: String) -> String {
        let key = SymmetricKey(data: Array(secret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: signedBytes(body: body, timestamp: timestamp), using: key)
        return "sha256=" + Hex.encode(Array(mac))
    }

    /// Whether `signature` is the one `secret` makes for `body` at `timestamp`, and `timestamp` is within
    /// `tolerance` of `now` — what a receiver checks (written here so our tests check it the same way).
    public static func verify(
        body: [UInt8], timestamp: String, signature: String, secret: String, now: Date = Date(),
        tolerance: TimeInterval = WebhookSignature.tolerance
    ) -> Bool {
        guard let seconds = Int64(timestamp), abs(now.timeIntervalSince1970 - Double(seconds)) <= tolerance else { return false }
        return ConstantTime.equals(sign(body: body, timestamp: seconds, secret: secret), signature)
    }

    private static func signedBytes(body: [UInt8], timestamp: Int64) -> [UInt8] {
        Array("\(timestamp).".utf8) + body
    }
}
