import Crypto

/// CSRF protection for HTML forms: a token bound to the session, HMAC-SHA256(key, sessionID) encoded base64url; verification in constant time.
public struct CSRFProtection: Sendable, CustomStringConvertible, CustomReflectable {
    /// The shortest key accepted: HMAC-SHA256's output size (RFC 2104 advises no less).
    public static let minimumKeyBytes = 32

    // Kept as bytes rather than a `SymmetricKey`, which swift-crypto 3.12 does not mark Sendable.
    private let key: [UInt8]

    /// Protection keyed with `key`, at least 32 secret random bytes shared by every node of the site.
    public init(key: [UInt8]) {
        precondition(key.count >= Self.minimumKeyBytes, "CSRF key must be at least \(Self.minimumKeyBytes) bytes")
        self.key = key
    }

    /// Protection keyed with a swift-crypto key of at least 256 bits.
    public init(key: SymmetricKey) {
        self.init(key: key.withUnsafeBytes { Array($0) })
    }

    /// The token to embed in the session's forms: stable for the session, so every open tab stays valid.
    public func token(forSession sessionID: String) -> String {
        let tag = HMAC<SHA256>.authenticationCode(for: Array(sessionID.utf8), using: SymmetricKey(data: key))
        return Base64URL.encode(Array(tag))
    }

    /// True only when `token` is this session's token; a missing or empty token or an empty session is refused.
    public func verify(_ token: String?, forSession sessionID: String) -> Bool {
        // An empty session id would make one token valid for every visitor without a session.
        guard let token, !token.isEmpty, !sessionID.isEmpty else { return false }
        return ConstantTime.equals(token, self.token(forSession: sessionID))
    }

    /// Never reveals the key, so the value can be logged safely.
    public var description: String { "CSRFProtection(key: <redacted>)" }

    /// Shows no children, so `dump` and Mirror-based renderers cannot reach the key.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
