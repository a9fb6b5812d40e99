import Crypto

/// Opaque random tokens (sessions, API bearer tokens, CSRF secrets): 32 random bytes, base64url without padding; only a SHA-256 hash of the token is ever stored.
public enum SecretToken {
    // 256 bits from the system CSPRNG: unguessable, so a fast unsalted hash suffices for storage
    // (unlike passwords), and a stolen table of hashes cannot be replayed as tokens.
    static let byteCount = 32

    /// A new token of 43 URL-safe characters, drawn from the system's cryptographically secure generator.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Base64URL.encode(bytes)
    }

    /// The lower-case hex SHA-256 of the token's UTF-8 bytes: what storage keeps and looks tokens up by.
    public static func storageHash(_ token: String) -> String {
        Hex.encode(Array(SHA256.hash(data: Array(token.utf8))))
    }
}
