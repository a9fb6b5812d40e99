import NewsAuth
import Testing

@Suite("CSRF tokens bound to the session")
struct CSRFProtectionTests {
    static let key = (0..<32).map { UInt8($0) }
    let csrf = CSRFProtection(key: Self.key)

    @Test("the token is HMAC-SHA256(key, session id) in base64url (RFC 4231 test case 6)")
    func knownAnswer() {
        let rfc = CSRFProtection(key: Array(repeating: 0xAA, count: 131))
        let token = rfc.token(forSession: "Test Using Larger Than Block-Size Key - Hash Key First")
        // 60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54, base64url without padding.
        #expect(token == "YOQxWR7gtn8Niiaqy_W3f44LxiE3KMUUBUYEDw7jf1Q")
    }

    @Test("a session's token verifies for that session, every time it is asked for")
    func ownSession() {
        let token = csrf.token(forSession: "phien-1")
        #expect(token == csrf.token(forSession: "phien-1"))
        #expect(token.count == 43)
        #expect(csrf.verify(token, forSession: "phien-1"))
    }

    @Test("a token is refused for any other session")
    func otherSession() {
        let token = csrf.token(forSession: "phien-1")
        #expect(!csrf.verify(token, forSession: "phien-2"))
        #expect(!csrf.verify(token, forSession: "phien-1 "))
        #expect(!csrf.verify(token, forSession: ""))
    }

    @Test("without a session id nothing verifies, not even the token computed for the empty id")
    func emptySession() {
        #expect(!csrf.verify(csrf.token(forSession: ""), forSession: ""))
    }

    @Test("a token made with another key is refused")
    func otherKey() {
        let other = CSRFProtection(key: Array(repeating: 7, count: 32))
        #expect(!csrf.verify(other.token(forSession: "phien-1"), forSession: "phien-1"))
    }

    @Test("tampered, truncated, extended, empty and missing tokens are refused")
    func tampered() {
        let token = csrf.token(forSession: "phien-1")
        var flipped = Array(token.utf8)
        flipped[10] = flipped[10] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        let candidates: [String?] = [
            String(decoding: flipped, as: UTF8.self), String(token.dropLast()), token + "A", token + "=",
            token.uppercased(), "", nil,
        ]
        for candidate in candidates {
            #expect(!csrf.verify(candidate, forSession: "phien-1"), "\(String(describing: candidate))")
        }
    }

    @Test("the key is never shown by description or Mirror")
    func redacted() {
        #expect(String(describing: csrf) == "CSRFProtection(key: <redacted>)")
        #expect(Mirror(reflecting: csrf).children.isEmpty)
    }
}
