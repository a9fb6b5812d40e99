import Foundation
import NewsAuth
import Testing

@Suite("Opaque random tokens")
struct SecretTokenTests {
    static let urlSafe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    @Test("tokens are 43 URL-safe characters carrying 32 bytes, and never repeat")
    func shape() throws {
        let tokens = (0..<500).map { _ in SecretToken.generate() }
        #expect(Set(tokens).count == tokens.count)
        for token in tokens {
            #expect(token.count == 43)
            #expect(token.allSatisfy { Self.urlSafe.contains($0) }, "\(token)")
        }
        let standard = tokens[0].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "="
        #expect(try #require(Data(base64Encoded: standard)).count == 32)
    }

    @Test("tokens use the whole alphabet, including - and _ (so encoding is base64url, not base64)")
    func alphabet() {
        let seen = Set((0..<500).map { _ in SecretToken.generate() }.joined())
        // 500 tokens hold 21 500 characters; missing any one of 64 symbols by chance is below 1e-140.
        #expect(seen == Self.urlSafe)
    }

    @Test("the storage hash is the lower-case hex SHA-256 of the token")
    func knownHash() {
        #expect(SecretToken.storageHash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SecretToken.storageHash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("the storage hash is stable for a token, 64 hex digits, and differs between tokens")
    func stableHash() {
        let token = SecretToken.generate()
        let hash = SecretToken.storageHash(token)
        #expect(hash == SecretToken.storageHash(token))
        #expect(hash.count == 64)
        #expect(hash.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(hash != SecretToken.storageHash(SecretToken.generate()))
        #expect(hash != token)
    }
}
