import HummingbirdBcrypt

/// Password hashing with bcrypt (HummingbirdBcrypt; cost 12 by default, configurable for tests).
public struct PasswordHasher: Sendable {
    // bcrypt is deliberately slow (cost 12 is a few hundred milliseconds of CPU): callers on the cooperative
    // pool should run `hash` and `verify` on a thread pool.
    //
    // bcrypt reads at most 72 bytes and stops at the first NUL. PasswordPolicy refuses such passwords when they
    // are set, so no stored hash was made from one; `verify` therefore refuses them too, so that a password
    // and the same password with a suffix past byte 72 (or after a NUL) can never both be accepted.

    /// bcrypt's hard limit on the password length, in UTF-8 bytes.
    public static let maximumPasswordBytes = 72

    /// The work factor: log2 of the number of key-expansion rounds, 4...31.
    public let cost: UInt8

    /// A hasher with the given work factor (4...31; 12 in production, 4 in tests).
    public init(cost: UInt8 = 12) {
        precondition((4...31).contains(cost), "bcrypt cost must be between 4 and 31")
        self.cost = cost
    }

    /// A new `$2b$` bcrypt hash with a random salt; give it only passwords PasswordPolicy accepted.
    public func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// True when `password` matches `hash`; false for a malformed hash or a password bcrypt cannot hash whole.
    public func verify(_ password: String, against hash: String) -> Bool {
        guard Self.isHashable(password), Self.isWellFormed(hash) else { return false }
        return Bcrypt.verify(password, hash: hash)
    }

    /// True when bcrypt would use every byte of `password`: at most 72 UTF-8 bytes and no NUL.
    static func isHashable(_ password: String) -> Bool {
        password.utf8.count <= maximumPasswordBytes && !password.utf8.contains(0)
    }

    // Checked before the C code sees the hash: its base64 decoder indexes a table with a plain `char`, which is
    // signed on x86-64, so a non-ASCII byte in a corrupted hash would read outside the table.
    /// True for `$2a$` or `$2b$`, a two-digit cost 04...31, `$`, and 53 characters of bcrypt's base64 alphabet.
    static func isWellFormed(_ hash: String) -> Bool {
        let bytes = Array(hash.utf8)
        guard bytes.count == 60,
            bytes[0] == UInt8(ascii: "$"), bytes[1] == UInt8(ascii: "2"),
            bytes[2] == UInt8(ascii: "a") || bytes[2] == UInt8(ascii: "b"),
            bytes[3] == UInt8(ascii: "$"), bytes[6] == UInt8(ascii: "$"),
            let tens = decimalDigit(bytes[4]), let units = decimalDigit(bytes[5]),
            (4...31).contains(tens * 10 + units)
        else { return false }
        return bytes[7...].allSatisfy { bcryptAlphabet.contains($0) }
    }

    private static let bcryptAlphabet = Set("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    private static func decimalDigit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
