/// Reads the tags of rendered HTML the way a browser would see them, to find markup that could run script.
///
/// Text that merely mentions `<script>` or `onerror=` (escaped as `&lt;script&gt;`) is not markup and is not reported;
/// real tags, event-handler attributes and script-capable URLs are.
struct LiveMarkup {
    /// One start tag with its attributes, values entity-decoded.
    struct Tag: Equatable {
        var name: String
        var attributes: [String: String]
    }

    /// The start tags found, in order.
    let tags: [Tag]

    /// Element names that must never appear in a body.
    static let forbiddenElements: Set<String> = [
        "script", "iframe", "style", "object", "embed", "svg", "math", "form", "base", "meta", "link", "frame",
        "frameset", "applet", "template", "noscript", "input", "button", "textarea", "select",
    ]

    /// Attributes whose value is fetched or navigated to.
    static let urlAttributes: Set<String> = ["href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data"]

    /// Schemes that run script or smuggle documents.
    static let dangerousSchemes = ["javascript:", "vbscript:", "data:", "file:"]

    /// Scans `html` for start tags.
    init(_ html: String) {
        var tags: [Tag] = []
        let chars = Array(html.unicodeScalars)
        var index = 0
        func peek(_ text: String) -> Bool {
            let wanted = Array(text.unicodeScalars)
            guard index + wanted.count <= chars.count else { return false }
            return Array(chars[index..<index + wanted.count]) == wanted
        }
        while index < chars.count {
            guard chars[index] == "<" else {
                index += 1
                continue
            }
            index += 1
            if peek("!--") {
                while index < chars.count, !peek("-->") { index += 1 }
                index += 3
                continue
            }
            if index < chars.count, chars[index] == "/" || chars[index] == "!" || chars[index] == "?" {
                while index < chars.count, chars[index] != ">" { index += 1 }
                continue
            }
            var name = ""
            while index < chars.count, !Self.isSpace(chars[index]), chars[index] != ">", chars[index] != "/" {
                name.unicodeScalars.append(chars[index])
                index += 1
            }
            var attributes: [String: String] = [:]
            while index < chars.count, chars[index] != ">" {
                if Self.isSpace(chars[index]) || chars[index] == "/" {
                    index += 1
                    continue
                }
                var attributeName = ""
                while index < chars.count, !Self.isSpace(chars[index]), chars[index] != "=", chars[index] != ">" {
                    attributeName.unicodeScalars.append(chars[index])
                    index += 1
                }
                var value = ""
                if index < chars.count, chars[index] == "=" {
                    index += 1
                    if index < chars.count, chars[index] == "\"" || chars[index] == "'" {
                        let quote = chars[index]
                        index += 1
                        while index < chars.count, chars[index] != quote {
                            value.unicodeScalars.append(chars[index])
                            index += 1
                        }
                        index += 1
                    } else {
                        while index < chars.count, !Self.isSpace(chars[index]), chars[index] != ">" {
                            value.unicodeScalars.append(chars[index])
                            index += 1
                        }
                    }
                }
                attributes[attributeName.lowercased()] = Self.decodeEntities(value)
            }
            index += 1
            tags.append(Tag(name: name.lowercased(), attributes: attributes))
        }
        self.tags = tags
    }

    /// Every way the scanned HTML could run script, described for a test failure; empty when it is safe.
    var problems: [String] {
        var problems: [String] = []
        for tag in tags {
            if Self.forbiddenElements.contains(tag.name) {
                problems.append("element <\(tag.name)>")
            }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") {
                    problems.append("event attribute \(name) on <\(tag.name)>")
                }
                if Self.urlAttributes.contains(name) {
                    let candidates = name == "srcset" ? value.split(separator: ",").map(String.init) : [value]
                    for candidate in candidates where Self.hasDangerousScheme(candidate) {
                        problems.append("\(name)=\(value) on <\(tag.name)>")
                    }
                }
            }
        }
        return problems
    }

    /// Whether a URL, read as a browser reads it (edges trimmed, tabs and newlines dropped, any case), starts with a dangerous scheme.
    static func hasDangerousScheme(_ url: String) -> Bool {
        let scalars = url.unicodeScalars.drop(while: { $0.value <= 0x20 })
            .filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        var folded = ""
        folded.unicodeScalars.append(contentsOf: scalars)
        folded = folded.lowercased()
        return dangerousSchemes.contains { folded.hasPrefix($0) }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}"
    }

    /// Decodes the entities an attribute value may use: named ones for markup characters and numeric ones.
    static func decodeEntities(_ value: String) -> String {
        var result = ""
        var rest = Substring(value)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            guard let semicolon = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semicolon) <= 10 else {
                result += "&"
                rest = rest.dropFirst()
                continue
            }
            let entity = rest[rest.index(after: rest.startIndex)..<semicolon].lowercased()
            let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n"]
            var decoded: String?
            if let text = named[entity] {
                decoded = text
            } else if entity.hasPrefix("#x"), let code = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                decoded = String(Character(scalar))
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                decoded = String(Character(scalar))
            }
            if let decoded {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest.dropFirst()
            }
        }
        result += rest
        return result
    }
}
