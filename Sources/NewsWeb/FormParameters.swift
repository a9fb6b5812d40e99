/// Query parameters as HTML forms send them (`application/x-www-form-urlencoded`): `+` is a space, `%XX` a byte, and
/// bytes that are not UTF-8 become U+FFFD instead of failing the request. Hummingbird's `queryParameters` keeps `+`
/// and the percent-encoding of undecodable values, which would put "đường+sắt" in a search box.
struct FormParameters {
    /// Each name with the values it was given, in order.
    private(set) var values: [String: [String]] = [:]

    /// Reads a raw query string (the part after `?`).
    init(query: String?) {
        guard let query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decoded(parts[0])
            let value = parts.count > 1 ? Self.decoded(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    /// The first value of a name.
    subscript(_ name: String) -> String? { values[name]?.first }

    /// Every name with its first value.
    var first: [String: String] { values.compactMapValues(\.first) }

    /// Decodes one name or value.
    static func decoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var index = text.utf8.startIndex
        let end = text.utf8.endIndex
        while index < end {
            let byte = text.utf8[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if byte == UInt8(ascii: "%"),
                let high = text.utf8.index(index, offsetBy: 1, limitedBy: end), high < end,
                let low = text.utf8.index(index, offsetBy: 2, limitedBy: end), low < end,
                let first = hexValue(text.utf8[high]), let second = hexValue(text.utf8[low])
            {
                bytes.append(first << 4 | second)
                index = low
            } else {
                bytes.append(byte)
            }
            index = text.utf8.index(after: index)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
