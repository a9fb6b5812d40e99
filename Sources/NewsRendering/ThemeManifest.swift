import Foundation

/// The contents of `theme.json`.
struct ThemeManifest {
    /// Display name.
    var name: String
    /// Version string, e.g. "1.0.0".
    var version: String

    /// Reads and checks the manifest at `path`, adding a sentence to `problems` for each thing wrong with it.
    static func load(from path: String, problems: inout [String]) -> ThemeManifest? {
        guard let data = FileManager.default.contents(atPath: path) else {
            problems.append("missing theme.json (it must give the theme's \"name\" and \"version\")")
            return nil
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            problems.append("theme.json is not valid JSON")
            return nil
        }
        guard let fields = object as? [String: Any] else {
            problems.append("theme.json must be a JSON object with \"name\" and \"version\"")
            return nil
        }
        var manifest = ThemeManifest(name: "", version: "")
        var valid = true
        for key in ["name", "version"] {
            guard let value = fields[key] as? String, !value.allSatisfy(\.isWhitespace) else {
                problems.append("theme.json: \"\(key)\" must be a non-empty string")
                valid = false
                continue
            }
            if key == "name" { manifest.name = value } else { manifest.version = value }
        }
        return valid ? manifest : nil
    }
}
