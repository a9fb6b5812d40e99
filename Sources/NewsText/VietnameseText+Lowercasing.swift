extension VietnameseText {
    /// `String.lowercased()` in one pass over UTF-8 with the scalar table; the standard library looks up every
    /// non-ASCII scalar's mapping in its own tables, which makes whole article bodies ten times slower.
    static func lowercased(_ text: String) -> String {
        let table = ScalarTable.shared
        var text = text
        return text.withUTF8 { bytes in
            var output = ByteBuffer(capacity: bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    output.append(byte &- 0x41 < 26 ? byte + 0x20 : byte)
                    index += 1
                    continue
                }
                let (value, length) = UTF8Coding.decode(bytes, at: index)
                defer { index += length }
                if let position = ScalarTable.index(of: value), table.lowercase[position] != ScalarTable.dropped {
                    output.append(scalar: table.lowercase[position])
                } else if ScalarTable.isInert(value) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                } else if let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                        output.append(scalar: lower.value)
                    }
                } else {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                }
            }
            return output.makeString()
        }
    }
}
