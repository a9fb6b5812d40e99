/// A short fingerprint of file content for cache-busting asset names (not a security hash).
enum ContentHash {
    /// The first ten hex digits of the 64-bit FNV-1a hash of `bytes`.
    static func hex(of bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - digits.count) + digits).prefix(10))
    }
}
