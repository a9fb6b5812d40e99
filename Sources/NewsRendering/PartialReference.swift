/// A `{{> name}}` or `{{< name}}` tag found in a template's text.
struct PartialReference: Equatable {
    /// The referenced template's name.
    var name: String
    /// The 1-based line of the tag.
    var line: Int

    /// Finds partial and parent references; dynamic names (`{{>*name}}`) cannot be checked and are skipped.
    /// A template that changes its delimiters is only checked where it uses `{{ }}`.
    static func scan(_ text: String) -> [PartialReference] {
        var result: [PartialReference] = []
        let bytes = Array(text.utf8)
        var line = 1
        var index = 0
        let nameBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()/".utf8)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
            } else if byte == UInt8(ascii: "{"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                      bytes[index + 2] == UInt8(ascii: ">") || bytes[index + 2] == UInt8(ascii: "<") {
                var cursor = index + 3
                while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") {
                    cursor += 1
                }
                let start = cursor
                while cursor < bytes.count, nameBytes.contains(bytes[cursor]) { cursor += 1 }
                if cursor > start {
                    result.append(PartialReference(name: String(decoding: bytes[start..<cursor], as: UTF8.self), line: line))
                }
                index = cursor
                continue
            }
            index += 1
        }
        return result
    }
}
