import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238, HMAC-SHA1, 6 digits, 30 s steps) implemented with swift-crypto.
public struct TOTP: Sendable, CustomStringConvertible, CustomReflectable {
    // SHA1, 6 digits and 30 s are what every authenticator app supports; the digit count stays internal so
    // tests can check the 8-digit vectors of RFC 6238 Appendix B.

    /// Seconds per time step.
    static let period: Int64 = 30
    /// Widest verification window accepted, in steps either side, so a bad argument cannot make verify loop for long.
    static let maximumWindow = 10

    private let secret: [UInt8]
    let digits: Int

    /// A generator for a shared secret of raw bytes (not empty).
    public init(secret: [UInt8]) {
        self.init(secret: secret, digits: 6)
    }

    /// A generator with a custom number of digits, 6...8 (for the RFC test vectors).
    init(secret: [UInt8], digits: Int) {
        precondition(!secret.isEmpty, "a TOTP secret must not be empty")
        precondition((6...8).contains(digits), "TOTP codes have 6 to 8 digits")
        self.secret = secret
        self.digits = digits
    }

    /// A new 160-bit secret (the size RFC 4226 recommends), from the system's secure random generator.
    public static func generateSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The secret in RFC 4648 base32 (upper case, padded), as people type it into an authenticator app.
    public var base32Secret: String { Base32.encode(secret) }

    /// A generator from a base32 secret, ignoring case, spaces and padding; nil when it is not base32 or empty.
    public init?(base32Secret: String) {
        guard let secret = Base32.decode(base32Secret), !secret.isEmpty else { return nil }
        self.init(secret: secret)
    }

    /// The code for the time step containing `date` (dates before 1970 give the code of step 0).
    public func code(at date: Date) -> String {
        code(forStep: Self.step(at: date) ?? 0)
    }

    // The caller stores the returned step with the account and refuses any later code whose step is not
    // greater, so an observed code cannot be replayed within its validity.
    /// Accepts the code of the current step or ±`window` steps; returns the step matched so callers can refuse reuse of the same step (replay).
    public func verify(_ code: String, at date: Date, window: Int = 1) -> Int64? {
        // Apps show codes as "123 456"; people paste them that way.
        let typed = String(code.unicodeScalars.filter { $0 != " " })
        guard typed.utf8.count == digits,
            typed.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let current = Self.step(at: date)
        else { return nil }
        let reach = Int64(min(max(window, 0), Self.maximumWindow))
        // Current step first, then the nearest past and future ones; every candidate is compared so the
        // time taken does not tell which one matched.
        var candidates: [Int64] = [current]
        for distance in stride(from: 1, through: reach, by: 1) {
            candidates.append(current - distance)
            candidates.append(current + distance)
        }
        var matched: Int64?
        for step in candidates where step >= 0 {
            if ConstantTime.equals(self.code(forStep: step), typed), matched == nil {
                matched = step
            }
        }
        return matched
    }

    /// The `otpauth://` URI for a QR code, per the Key URI Format, with issuer and account percent-encoded.
    public func provisioningURI(account: String, issuer: String) -> String {
        let label = Self.percentEncoded(issuer) + ":" + Self.percentEncoded(account)
        let secret = Base32.encode(secret, padding: false)
        return "otpauth://totp/\(label)?secret=\(secret)&issuer=\(Self.percentEncoded(issuer))"
            + "&algorithm=SHA1&digits=\(digits)&period=\(Self.period)"
    }

    /// Never reveals the secret, so the value can be logged safely.
    public var description: String { "TOTP(secret: <redacted>)" }

    /// Shows no children, so `dump` and Mirror-based renderers cannot reach the secret.
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// The RFC 4226 HOTP value of `step`, zero-padded to `digits`.
    func code(forStep step: Int64) -> String {
        let counter = withUnsafeBytes(of: UInt64(step).bigEndian) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: counter, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let truncated =
            (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(truncated % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// The number of whole periods since 1970 at `date`; nil before 1970 or for a date no clock shows.
    static func step(at date: Date) -> Int64? {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, seconds >= 0, seconds < 1e15 else { return nil }
        return Int64((seconds / Double(period)).rounded(.down))
    }

    /// RFC 3986 percent-encoding of everything but the unreserved characters (so `:`, `@`, `&`, `+` and spaces are escaped).
    static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                output.append(byte)
            default:
                output.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
