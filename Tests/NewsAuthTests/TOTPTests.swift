import Foundation
import Testing

@testable import NewsAuth

@Suite("Time-based one-time passwords")
struct TOTPTests {
    // RFC 6238 Appendix B: the SHA1 secret is the ASCII string "12345678901234567890".
    static let rfcSecret = Array("12345678901234567890".utf8)
    static let rfcVectors: [(seconds: TimeInterval, code: String)] = [
        (59, "94287082"),
        (1_111_111_109, "07081804"),
        (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"),
    ]

    @Test("8-digit codes match the RFC 6238 SHA1 test vectors", arguments: rfcVectors)
    func rfcEightDigits(vector: (seconds: TimeInterval, code: String)) {
        let totp = TOTP(secret: Self.rfcSecret, digits: 8)
        #expect(totp.code(at: Date(timeIntervalSince1970: vector.seconds)) == vector.code)
    }

    @Test("the public 6-digit codes are the vectors' last six digits", arguments: rfcVectors)
    func rfcSixDigits(vector: (seconds: TimeInterval, code: String)) {
        let totp = TOTP(secret: Self.rfcSecret)
        #expect(totp.code(at: Date(timeIntervalSince1970: vector.seconds)) == String(vector.code.suffix(6)))
    }

    @Test("a code changes exactly at a 30-second boundary")
    func stepBoundary() {
        let totp = TOTP(secret: Self.rfcSecret)
        #expect(totp.code(at: Date(timeIntervalSince1970: 60)) == totp.code(at: Date(timeIntervalSince1970: 89.999)))
        #expect(totp.code(at: Date(timeIntervalSince1970: 59.999)) != totp.code(at: Date(timeIntervalSince1970: 60)))
    }

    static let now = Date(timeIntervalSince1970: 1_111_111_111)  // step 37 037 037
    static let nowStep: Int64 = 37_037_037

    func code(_ totp: TOTP, stepsFromNow steps: Int) -> String {
        totp.code(at: Self.now.addingTimeInterval(TimeInterval(steps) * 30))
    }

    @Test("the current code verifies and returns its step, so a second use can be refused")
    func currentAndReplay() {
        let totp = TOTP(secret: Self.rfcSecret)
        let typed = code(totp, stepsFromNow: 0)
        #expect(totp.verify(typed, at: Self.now) == Self.nowStep)
        // Later in the same step the same code still verifies, to the same step: that is what the caller compares.
        #expect(totp.verify(typed, at: Self.now.addingTimeInterval(8)) == Self.nowStep)
    }

    @Test("with the default window, codes one step early or late are accepted and report their own step")
    func windowOne() {
        let totp = TOTP(secret: Self.rfcSecret)
        #expect(totp.verify(code(totp, stepsFromNow: -1), at: Self.now) == Self.nowStep - 1)
        #expect(totp.verify(code(totp, stepsFromNow: 1), at: Self.now) == Self.nowStep + 1)
    }

    @Test("codes two steps away are refused with window 1 and accepted with window 2")
    func windowTwo() {
        let totp = TOTP(secret: Self.rfcSecret)
        for steps in [-2, 2] {
            #expect(totp.verify(code(totp, stepsFromNow: steps), at: Self.now) == nil)
            #expect(totp.verify(code(totp, stepsFromNow: steps), at: Self.now, window: 2) == Self.nowStep + Int64(steps))
        }
    }

    @Test("window 0 accepts only the current step; a negative window acts as 0")
    func windowZero() {
        let totp = TOTP(secret: Self.rfcSecret)
        #expect(totp.verify(code(totp, stepsFromNow: 0), at: Self.now, window: 0) == Self.nowStep)
        #expect(totp.verify(code(totp, stepsFromNow: 1), at: Self.now, window: 0) == nil)
        #expect(totp.verify(code(totp, stepsFromNow: 0), at: Self.now, window: -3) == Self.nowStep)
    }

    @Test("a code typed with a space, as apps display it, verifies")
    func spaced() {
        let totp = TOTP(secret: Self.rfcSecret)
        let typed = code(totp, stepsFromNow: 0)
        #expect(totp.verify("\(typed.prefix(3)) \(typed.suffix(3))", at: Self.now) == Self.nowStep)
    }

    @Test("malformed codes are refused", arguments: ["", "12345", "1234567", "12345a", "١٢٣٤٥٦", "+12345", "-12345"])
    func malformedCodes(typed: String) {
        #expect(TOTP(secret: Self.rfcSecret).verify(typed, at: Self.now) == nil)
    }

    @Test("a code from another secret is refused")
    func otherSecret() {
        let other = TOTP(secret: Array("09876543210987654321".utf8))
        #expect(TOTP(secret: Self.rfcSecret).verify(code(other, stepsFromNow: 0), at: Self.now) == nil)
    }

    @Test("nothing verifies at a date before 1970")
    func beforeEpoch() {
        let totp = TOTP(secret: Self.rfcSecret)
        #expect(totp.verify(totp.code(at: Date(timeIntervalSince1970: 0)), at: Date(timeIntervalSince1970: -100), window: 0) == nil)
    }

    @Test("generated secrets are 20 random bytes, 32 unpadded base32 characters, and round-trip")
    func generatedSecrets() throws {
        let first = TOTP.generateSecret()
        let second = TOTP.generateSecret()
        #expect(first.count == 20)
        #expect(first != second)
        let totp = TOTP(secret: first)
        #expect(totp.base32Secret.count == 32)
        #expect(!totp.base32Secret.contains("="))
        let restored = try #require(TOTP(base32Secret: totp.base32Secret))
        #expect(restored.code(at: Self.now) == totp.code(at: Self.now))
        #expect(restored.base32Secret == totp.base32Secret)
    }

    @Test("the secret is never shown by description or Mirror")
    func redacted() {
        let totp = TOTP(secret: Self.rfcSecret)
        #expect(String(describing: totp) == "TOTP(secret: <redacted>)")
        #expect(String(reflecting: totp) == "TOTP(secret: <redacted>)")
        #expect(Mirror(reflecting: totp).children.isEmpty)
    }

    @Test("the provisioning URI percent-encodes issuer and account and states every parameter")
    func provisioningURI() {
        let totp = TOTP(secret: Self.rfcSecret)
        let uri = totp.provisioningURI(account: "an.nguyen+tin@toasoan.vn", issuer: "Tòa Soạn")
        #expect(
            uri
                == "otpauth://totp/T%C3%B2a%20So%E1%BA%A1n:an.nguyen%2Btin%40toasoan.vn"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=T%C3%B2a%20So%E1%BA%A1n"
                + "&algorithm=SHA1&digits=6&period=30"
        )
    }

    @Test("colons, ampersands and equals signs in names cannot break the label or the query")
    func provisioningURIReserved() {
        let uri = TOTP(secret: Array("foobar".utf8)).provisioningURI(account: "a:b", issuer: "X&secret=Y")
        #expect(uri == "otpauth://totp/X%26secret%3DY:a%3Ab?secret=MZXW6YTBOI&issuer=X%26secret%3DY&algorithm=SHA1&digits=6&period=30")
    }
}

@Suite("Base32 (RFC 4648)")
struct Base32Tests {
    static let vectors: [(text: String, base32: String)] = [
        ("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="),
        ("foob", "MZXW6YQ="), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI======"),
    ]

    @Test("encodes and decodes the RFC 4648 test vectors", arguments: vectors)
    func rfcVectors(vector: (text: String, base32: String)) {
        #expect(Base32.encode(Array(vector.text.utf8)) == vector.base32)
        #expect(Base32.decode(vector.base32) == Array(vector.text.utf8))
    }

    @Test("the public API shows the RFC form of a secret")
    func publicForm() {
        #expect(TOTP(secret: Array("foobar".utf8)).base32Secret == "MZXW6YTBOI======")
    }

    @Test("decoding ignores case, spaces and missing or extra padding")
    func tolerant() {
        let foobar = Array("foobar".utf8)
        #expect(Base32.decode("mzxw6ytboi") == foobar)
        #expect(Base32.decode("mzxw 6ytb oi==") == foobar)
        #expect(Base32.decode("MzXw6YtBoI=========") == foobar)
        #expect(TOTP(base32Secret: "gezd gnbv gy3t qojq gezd gnbv gy3t qojq")?.code(at: Date(timeIntervalSince1970: 59)) == "287082")
    }

    @Test("anything not base32 is refused", arguments: ["MZXW1", "MZXW8===", "MZ=XW6", "M", "MZX", "MZXW6Y", "MZXW-6YTB", "ÁZXW6YTB"])
    func invalid(text: String) {
        #expect(Base32.decode(text) == nil)
        #expect(TOTP(base32Secret: text) == nil)
    }

    @Test("an empty secret is refused")
    func empty() {
        #expect(TOTP(base32Secret: "") == nil)
        #expect(TOTP(base32Secret: "  ==") == nil)
    }

    @Test("random bytes round-trip for every length up to 40")
    func roundTrip() {
        for length in 0...40 {
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max) }
            #expect(Base32.decode(Base32.encode(bytes)) == bytes, "length \(length)")
            #expect(Base32.decode(Base32.encode(bytes, padding: false)) == bytes, "length \(length) unpadded")
        }
    }
}
