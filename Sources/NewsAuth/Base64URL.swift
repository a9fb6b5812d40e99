import Foundation

/// Base64url without padding (RFC 4648 §5), the form tokens take in URLs, cookies and form fields.
enum Base64URL {
    /// Encodes bytes as base64url without `=` padding.
    static func encode(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }
}
