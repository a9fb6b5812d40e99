import Foundation
import Mustache

extension Theme {
    /// Loads and validates the theme folder; reports EVERY problem at once (all missing templates, every template that
    /// fails to parse with file and line, a bad/missing theme.json).
    public static func load(from directory: String) throws(ThemeError) -> Theme {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw ThemeError(directory: directory, problems: ["theme folder \(directory) does not exist"])
        }
        guard isDirectory.boolValue else {
            throw ThemeError(directory: directory, problems: ["\(directory) is a file, not a theme folder"])
        }
        let root = directory.hasSuffix("/") ? directory : directory + "/"
        var problems: [String] = []

        let manifest = ThemeManifest.load(from: root + "theme.json", problems: &problems)

        // Templates: every .mustache file outside assets/, named by its path without extension, each switched to our
        // escaper (see `ThemeHTMLContentType`). Partials reset the content type, hence the pragma in every file.
        _ = ThemeHTMLContentType.registration
        var library = MustacheLibrary()
        var sources: [(name: String, file: String, text: String)] = []
        var unparsable: Set<String> = []
        for file in files(under: root, fileManager: fileManager) where file.hasSuffix(".mustache") && !file.hasPrefix("assets/") {
            let name = String(file.dropLast(".mustache".count))
            guard let data = fileManager.contents(atPath: root + file) else {
                problems.append("\(file) cannot be read")
                unparsable.insert(name)
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append("\(file) is not UTF-8 text")
                unparsable.insert(name)
                continue
            }
            do {
                library.register(try MustacheTemplate(string: ThemeHTMLContentType.pragma + text), named: name)
                sources.append((name, file, text))
            } catch let error as MustacheTemplate.ParserError {
                let context = error.context
                var column = context.columnNumber
                var line = Substring(context.line)
                if context.lineNumber == 1, line.hasPrefix(ThemeHTMLContentType.pragma) {
                    column = max(column - ThemeHTMLContentType.pragma.count, 1)
                    line = line.dropFirst(ThemeHTMLContentType.pragma.count)
                }
                problems.append(
                    "\(file) line \(context.lineNumber), column \(column): \(describe(error.error))"
                        + " (\(line.trimmingCharacters(in: .whitespaces)))"
                )
                unparsable.insert(name)
            } catch {
                problems.append("\(file): \(error)")
                unparsable.insert(name)
            }
        }
        let names = Set(sources.map(\.name))
        // Pages added after themes were written: a theme without its own template gets the built-in one, which uses
        // only the theme's layout, so an older theme keeps loading and shows the page in its own look.
        for (name, text) in builtInTemplates where !names.contains(name) && !unparsable.contains(name) {
            do {
                library.register(try MustacheTemplate(string: ThemeHTMLContentType.pragma + text), named: name)
            } catch {
                problems.append("built-in template \(name): \(error)")
            }
        }
        for required in requiredTemplates where !names.contains(required) && !unparsable.contains(required) {
            problems.append("missing template \(required).mustache")
        }
        for source in sources {
            for reference in PartialReference.scan(source.text)
            where !names.contains(reference.name) && !unparsable.contains(reference.name) {
                problems.append(
                    "\(source.file) line \(reference.line): partial \"\(reference.name)\" does not exist"
                        + " (no file \(reference.name).mustache)"
                )
            }
        }

        // Assets.
        var assets: [ThemeAsset] = []
        let assetsRoot = root + "assets/"
        if fileManager.fileExists(atPath: assetsRoot) {
            for file in files(under: assetsRoot, fileManager: fileManager) {
                guard let data = fileManager.contents(atPath: assetsRoot + file) else {
                    problems.append("assets/\(file) cannot be read")
                    continue
                }
                assets.append(ThemeAsset(logicalName: file, bytes: [UInt8](data)))
            }
        }

        guard problems.isEmpty, let manifest else {
            throw ThemeError(directory: directory, problems: problems)
        }
        return Theme(name: manifest.name, version: manifest.version, library: library, templateNames: names, assets: assets)
    }

    /// Regular files below `root`, as sorted relative paths; hidden files and folders are left out.
    private static func files(under root: String, fileManager: FileManager) -> [String] {
        guard let enumerator = fileManager.enumerator(atPath: root) else { return [] }
        var result: [String] = []
        for case let path as String in enumerator {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: root + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }

    /// A sentence for a Mustache parse error.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a name that does not match the section opened"
        case .unfinishedName: return "a tag is not closed or its name has characters a name cannot have"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to a block"
        case .illegalTokenInsideInheritSection: return "only {{$block}} definitions may appear inside {{<parent}}…{{/parent}}"
        case .textInsideInheritSection: return "text appears inside {{<parent}}…{{/parent}} outside a block"
        case .invalidConfigVariableSyntax: return "a {{% … }} pragma is malformed"
        case .unrecognisedConfigVariable: return "a {{% … }} pragma is unknown"
        }
    }
}
