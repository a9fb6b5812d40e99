/// Comparisons whose running time does not depend on where two secrets first differ.
public enum ConstantTime {
    // The length is not hidden: every value compared here (MAC tags, tokens, OTP codes) has a public, fixed length.

    /// True when both byte arrays are equal, examining every byte regardless of where they first differ.
    @inline(never)
    public static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices {
            difference |= a[index] ^ b[index]
        }
        return difference == 0
    }

    /// True when both strings have the same UTF-8 bytes (no Unicode normalization), compared in constant time.
    public static func equals(_ a: String, _ b: String) -> Bool {
        equals(Array(a.utf8), Array(b.utf8))
    }
}
