/// The words of an article body as search indexes and quotes them: Markdown reduced to its text, without link targets,
/// image sources, HTML tags or bare URLs, whose pieces ("https", "com") would only add noise to the index and snippets.
public enum SearchText {
    /// The plain text of a Markdown body: link and image text kept, their destinations dropped, tags and URLs dropped,
    /// emphasis, heading, quote, code and table markers removed, a few common entities decoded; lines kept.
    public static func plain(markdown: String) -> String {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            var atLineStart = true
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x0A:
                    output.append(byte)
                    atLineStart = true
                    index += 1
                    continue
                case 0x20, 0x09:
                    output.append(byte)
                    index += 1
                    continue
                case 0x3C:  // "<": an HTML tag or an autolink
                    if let end = tagEnd(bytes, from: index) {
                        output.append(0x20)
                        index = end
                        continue
                    }
                case 0x5D:  // "]": a link's text ends; drop its "(destination)"
                    index += 1
                    if index < bytes.count, bytes[index] == 0x28, let end = parenthesisEnd(bytes, from: index) {
                        index = end
                    }
                    continue
                case 0x5B, 0x2A, 0x5F, 0x60, 0x7E, 0x7C, 0x5C:  // [ * _ ` ~ | \
                    index += 1
                    continue
                case 0x21 where index + 1 < bytes.count && bytes[index + 1] == 0x5B:  // "![": an image
                    index += 1
                    continue
                case 0x23:  // "#": a heading marker (or a hash sign, which says nothing either)
                    index += 1
                    continue
                case 0x3E where atLineStart:  // ">": a quotation
                    index += 1
                    continue
                case 0x26:  // "&": a few entities
                    if let (decoded, end) = entity(bytes, from: index) {
                        output.append(decoded)
                        index = end
                        atLineStart = false
                        continue
                    }
                case 0x68, 0x77:  // "h", "w": a bare URL at a word start
                    if output.last.map(isSpaceOrOpening) ?? true, let end = urlEnd(bytes, from: index) {
                        index = end
                        continue
                    }
                default:
                    break
                }
                output.append(byte)
                atLineStart = false
                index += 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static func isSpaceOrOpening(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x28 || byte == 0x5B
    }

    /// The index after the `>` closing a tag that starts at `start` ("<b>", "</p>", "<!-- -->", "<https://…>").
    private static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start + 1 < bytes.count else { return nil }
        let next = bytes[start + 1]
        let isLetter = (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A
        guard isLetter || next == 0x2F || next == 0x21 || next == 0x3F else { return nil }
        var index = start + 1
        while index < bytes.count && index - start < 2000 {
            if bytes[index] == 0x3E { return index + 1 }
            if bytes[index] == 0x3C { return nil }
            index += 1
        }
        return nil
    }

    /// The index after the `)` matching the `(` at `start`, on the same line.
    private static func parenthesisEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case 0x28: depth += 1
            case 0x29:
                depth -= 1
                if depth == 0 { return index + 1 }
            case 0x0A: return nil
            default: break
            }
            index += 1
        }
        return nil
    }

    private static let urlPrefixes: [[UInt8]] = [Array("https://".utf8), Array("http://".utf8), Array("www.".utf8)]

    /// The end of a URL starting at `start` with "http://", "https://" or "www.": the next whitespace or closing bracket.
    private static func urlEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let prefix = urlPrefixes.first(where: { prefix in
            start + prefix.count <= bytes.count && zip(prefix, bytes[start..<(start + prefix.count)]).allSatisfy { $0 == $1 }
        }) else { return nil }
        var index = start + prefix.count
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x29 || byte == 0x5D || byte == 0x3E { break }
            index += 1
        }
        return index
    }

    private static let entities: [([UInt8], UInt8)] = [
        ("&amp;", 0x26), ("&nbsp;", 0x20), ("&quot;", 0x22), ("&lt;", 0x3C), ("&gt;", 0x3E), ("&#39;", 0x27),
    ].map { (Array($0.0.utf8), $0.1) }

    /// Common named and numeric entities that Markdown bodies carry: the byte they stand for and the index after them.
    private static func entity(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (UInt8, Int)? {
        for (utf8, value) in entities {
            if start + utf8.count <= bytes.count && zip(utf8, bytes[start..<(start + utf8.count)]).allSatisfy({ $0 == $1 }) {
                return (value, start + utf8.count)
            }
        }
        return nil
    }
}
