/// HTML escaping by Unicode scalar, used for every `{{value}}` in theme templates and for text built outside them.
///
/// swift-mustache's own escaper compares whole `Character`s, so a quote followed by a combining mark (`"` + U+0301,
/// one grapheme) is not escaped and can end an attribute early; it is also slow on Vietnamese text. This one looks at
/// UTF-8 bytes: `&`, `<`, `>`, `"`, `'` are always ASCII bytes, whatever follows them.
public enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'`; returns the text itself when it has none of them.
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 32)
        var text = text
        text.withUTF8 { appendEscaped($0, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends UTF-8 text to `output` with `&`, `<`, `>`, `"` and `'` escaped, for HTML built byte by byte.
    public static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        for byte in utf8 {
            switch byte {
            case 0x26: output.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x3C: output.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: output.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x22: output.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case 0x27: output.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: output.append(byte)
            }
        }
    }
}
