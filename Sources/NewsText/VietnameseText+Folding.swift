import Foundation

extension VietnameseText {
    /// Folds text in one pass over its UTF-8 with the scalar table; spans holding scalars outside the supported set go
    /// through `foldedThroughDecomposition`, so the result never depends on whether the input was NFC or NFD.
    static func folded(_ text: String) -> String {
        let table = ScalarTable.shared
        var text = text
        return text.withUTF8 { bytes in
            var output = ByteBuffer(capacity: bytes.count)
            // Normalisation never crosses an ASCII scalar, so the text from the last one is a span that may be redone alone.
            var spanStart = 0
            var spanOutputStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x20 && byte < 0x80 {
                    // Most text is runs of printable ASCII: lowercase them in a tight loop.
                    var next = index
                    repeat {
                        let ascii = bytes[next]
                        output.append(ascii &- 0x41 < 26 ? ascii + 0x20 : ascii)
                        next += 1
                    } while next < bytes.count && bytes[next] >= 0x20 && bytes[next] < 0x80
                    spanStart = next - 1
                    spanOutputStart = output.count - 1
                    index = next
                    continue
                }
                if byte < 0x20 {
                    spanStart = index
                    spanOutputStart = output.count
                    index += 1
                    if byte == 0x0A || byte == 0x09 {
                        output.append(byte)
                    } else if byte == 0x0D {
                        output.append(0x0A)
                        if index < bytes.count && bytes[index] == 0x0A { index += 1 }
                    }
                    continue
                }
                let (value, length) = UTF8Coding.decode(bytes, at: index)
                if let position = ScalarTable.index(of: value) {
                    let folded = table.folded[position]
                    if folded < ScalarTable.needsFoundation {
                        output.append(scalar: folded)
                        index += length
                        continue
                    } else if folded == ScalarTable.dropped {
                        index += length
                        continue
                    }
                } else if ScalarTable.isInert(value) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                    index += length
                    continue
                }
                output.truncate(to: spanOutputStart)
                let end = UTF8Coding.nextASCII(from: index + length, in: bytes)
                let span = String(decoding: UnsafeBufferPointer(rebasing: bytes[spanStart..<end]), as: UTF8.self)
                var folded = foldedThroughDecomposition(span)
                folded.withUTF8 { output.append(contentsOf: $0) }
                spanOutputStart = output.count
                spanStart = end
                index = end
            }
            return output.makeString()
        }
    }

    /// Folding by definition, with Foundation: NFD, then drop U+0300–U+036F, lowercase, đ → d, then NFC. The reference
    /// the table path must match, and the path for scripts outside the table.
    static func foldedThroughDecomposition(_ text: String) -> String {
        let table = ScalarTable.shared
        var decomposed = text.decomposedStringWithCanonicalMapping
        let folded: String = decomposed.withUTF8 { bytes in
            var output = ByteBuffer(capacity: bytes.count)
            var index = 0
            while index < bytes.count {
                let (value, length) = UTF8Coding.decode(bytes, at: index)
                defer { index += length }
                if value < 0x80 {
                    switch value {
                    case 0x41...0x5A: output.append(UInt8(value + 0x20))
                    case 0x20..., 0x0A, 0x09: output.append(UInt8(value))
                    case 0x0D:
                        output.append(0x0A)
                        if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
                    default: break
                    }
                    continue
                }
                if let position = ScalarTable.index(of: value), table.folded[position] != ScalarTable.needsFoundation {
                    let folded = table.folded[position]
                    if folded != ScalarTable.dropped { output.append(scalar: folded) }
                    continue
                }
                guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased else {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                    continue
                }
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    output.append(scalar: lower.value)
                }
            }
            return output.makeString()
        }
        return folded.precomposedStringWithCanonicalMapping
    }
}
