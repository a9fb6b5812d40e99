/// Decoding and encoding of UTF-8 for the byte-level passes; input always comes from a Swift String, so it is valid.
enum UTF8Coding {
    /// The scalar starting at `index` and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 {
            return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if lead < 0xF0 {
            return (
                UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3
            )
        }
        let value =
            UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
            | UInt32(bytes[index + 3] & 0x3F)
        return (value, 4)
    }

    /// The start of the scalar that ends just before `index`.
    @inline(__always)
    static func startOfScalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var start = index - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// Index of the first ASCII byte at or after `index`, or the end: the end of a span handed to Foundation.
    @inline(__always)
    static func nextASCII(from index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = index
        while end < bytes.count && bytes[end] >= 0x80 { end += 1 }
        return end
    }
}
