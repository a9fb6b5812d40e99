/// Stable 64-bit identifiers for terms, so the database stores integers instead of text.
///
/// FNV-1a over the term's UTF-8: the same in every process and on every machine (Swift's `Hasher` is seeded per
/// process). At 64 bits, a corpus of a few million distinct terms has a collision chance around 10⁻⁶.
public enum TermHash {
    /// The identifier of a term (a syllable, or two syllables joined by one space).
    public static func id(_ term: String) -> Int64 {
        var hash = offsetBasis
        for byte in term.utf8 { hash = step(hash, byte) }
        return Int64(bitPattern: hash)
    }

    /// The hash of no bytes.
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash after one more byte.
    @inline(__always)
    static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
}
