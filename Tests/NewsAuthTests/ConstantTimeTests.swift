import NewsAuth
import Testing

@Suite("Constant-time comparison")
struct ConstantTimeTests {
    @Test("equal byte arrays compare equal, including empty ones")
    func equalBytes() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(ConstantTime.equals([], []))
    }

    @Test("a difference anywhere, or in length, makes them unequal")
    func unequalBytes() {
        #expect(!ConstantTime.equals([1, 2, 3], [0, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 9, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(!ConstantTime.equals([1, 2], [1, 2, 3]))
        #expect(!ConstantTime.equals([], [0]))
        #expect(!ConstantTime.equals([0x80], [0x00]))
    }

    @Test("strings compare by their UTF-8 bytes")
    func strings() {
        #expect(ConstantTime.equals("Tòa Soạn", "Tòa Soạn"))
        #expect(ConstantTime.equals("", ""))
        #expect(!ConstantTime.equals("Tòa Soạn", "Toa Soan"))
        #expect(!ConstantTime.equals("abc", "abd"))
        #expect(!ConstantTime.equals("abc", "abcd"))
        // No normalization: the same word in NFC and NFD is different bytes (normalizing is the caller's job).
        #expect(!ConstantTime.equals("\u{00F2}", "o\u{0300}"))
    }
}
