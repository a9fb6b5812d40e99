/// Writes an XML document element by element. Every text and attribute value goes through `XMLWriter.escape`, so
/// a headline with `&`, `<` or a quote can never break the markup; element and attribute names come from our code.
public struct XMLWriter: Sendable {
    private var output: String
    private var open: [String] = []
    /// Whether the innermost open element has had a child element (its end tag then goes on its own line).
    private var hasChildren: [Bool] = []

    /// Starts a document with the XML declaration (UTF-8).
    public init() {
        output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    }

    /// Opens an element that will hold other elements.
    public mutating func start(_ name: String, _ attributes: [(String, String)] = []) {
        newLine()
        output += "<" + name
        append(attributes)
        output += ">"
        markChild()
        open.append(name)
        hasChildren.append(false)
    }

    /// Closes the innermost open element.
    public mutating func end() {
        guard let name = open.popLast() else { return }
        let hadChildren = hasChildren.popLast() ?? false
        if hadChildren { newLine() }
        output += "</" + name + ">"
    }

    /// An element holding only text (escaped).
    public mutating func element(_ name: String, _ text: String, _ attributes: [(String, String)] = []) {
        newLine()
        output += "<" + name
        append(attributes)
        output += ">" + Self.escape(text) + "</" + name + ">"
        markChild()
    }

    /// An element without content.
    public mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        newLine()
        output += "<" + name
        append(attributes)
        output += "/>"
        markChild()
    }

    /// The document, with every element still open closed.
    public mutating func finish() -> String {
        while !open.isEmpty { end() }
        return output + "\n"
    }

    private mutating func append(_ attributes: [(String, String)]) {
        for (name, value) in attributes {
            output += " " + name + "=\"" + Self.escape(value, attribute: true) + "\""
        }
    }

    private mutating func newLine() {
        guard !open.isEmpty else { return }
        output += "\n" + String(repeating: "  ", count: open.count)
    }

    private mutating func markChild() {
        if !hasChildren.isEmpty { hasChildren[hasChildren.count - 1] = true }
    }

    /// `text` as XML character data: `&`, `<` and `>` escaped (and both quotes, plus tab and line breaks as character
    /// references, in attribute values, where a parser would otherwise normalise them to spaces). Characters XML 1.0
    /// does not allow at all (most C0 controls, U+FFFE, U+FFFF) are dropped: no escape makes them legal.
    public static func escape(_ text: String, attribute: Bool = false) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "'" where attribute: result += "&apos;"
            case "\t" where attribute: result += "&#9;"
            case "\n" where attribute: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
