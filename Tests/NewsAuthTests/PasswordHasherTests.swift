import Testing

@testable import NewsAuth

@Suite("Password hashing with bcrypt")
struct PasswordHasherTests {
    // Cost 4 is bcrypt's minimum: a few milliseconds per hash, so the suite stays fast.
    let hasher = PasswordHasher(cost: 4)

    @Test("a hash verifies its own password and is a $2b$ hash of the chosen cost")
    func roundTrip() {
        let hash = hasher.hash("Báo chí tự do 2025")
        #expect(hash.hasPrefix("$2b$04$"))
        #expect(hash.utf8.count == 60)
        #expect(hasher.verify("Báo chí tự do 2025", against: hash))
    }

    @Test("a wrong password, a different case or a missing last character is refused")
    func wrongPassword() {
        let hash = hasher.hash("Báo chí tự do 2025")
        #expect(!hasher.verify("Báo chí tự do 2026", against: hash))
        #expect(!hasher.verify("báo chí tự do 2025", against: hash))
        #expect(!hasher.verify("Báo chí tự do 202", against: hash))
        #expect(!hasher.verify("", against: hash))
    }

    @Test("the same password hashes differently each time (random salt), and both hashes verify")
    func salted() {
        let first = hasher.hash("cùng một mật khẩu")
        let second = hasher.hash("cùng một mật khẩu")
        #expect(first != second)
        #expect(hasher.verify("cùng một mật khẩu", against: first))
        #expect(hasher.verify("cùng một mật khẩu", against: second))
    }

    @Test("a hash made by another bcrypt implementation verifies (OpenBSD / glibc vector)")
    func interoperates() {
        #expect(hasher.verify("U*U", against: "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"))
        #expect(hasher.verify("U*U", against: "$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"))
        #expect(!hasher.verify("U*U*", against: "$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"))
    }

    @Test("malformed hashes are refused without crashing")
    func malformed() {
        let good = "$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"
        let bad = [
            "",
            "$",
            "$2b$",
            "$2b$05$",
            "not a hash at all",
            String(good.dropLast()),
            good + "x",
            "$2y$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",  // PHP's variant, not supported by the C code
            "$2b$03$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",  // cost below bcrypt's minimum
            "$2b$32$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",  // cost above its maximum
            "$2b$5$CCCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "$2b$05$CCCCCCCCCCCCCCCCCCCCé.E5YPO9kmyuRGyh0XouQYb4YMJKvyOe",  // non-ASCII in the salt
            "$2b$05$CCCCCCCCCCCCCCCCCCCCC!E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOe\u{0}",
        ]
        for hash in bad {
            #expect(!PasswordHasher.isWellFormed(hash), "\(hash.debugDescription)")
            #expect(!hasher.verify("U*U", against: hash), "\(hash.debugDescription)")
        }
        #expect(PasswordHasher.isWellFormed(good))
    }

    @Test("a password of exactly 72 bytes works, but bcrypt's truncation never lets a longer one match it")
    func seventyTwoBytes() {
        // 82 bytes of which the first 72 end on a character boundary; multi-byte letters make it realistic.
        let password = String(repeating: "Tòa Soạn ", count: 6) + "2025-06-01"
        let exact = String(password.utf8.prefix(72))!
        #expect(exact.utf8.count == 72)
        let hash = hasher.hash(exact)
        #expect(hasher.verify(exact, against: hash))
        // Raw bcrypt reads only 72 bytes, so it would accept this; verify must not.
        #expect(!hasher.verify(exact + "anything", against: hash))
    }

    @Test("a NUL in the typed password is refused rather than cut off by the C code")
    func nulByte() {
        let hash = hasher.hash("mật khẩu dài")
        #expect(hasher.verify("mật khẩu dài", against: hash))
        #expect(!hasher.verify("mật khẩu dài\u{0}thêm", against: hash))
    }
}
