import Foundation
@testable import NewsRendering

/// The real default theme and temporary copies of it for tests that need a broken or changed theme.
enum TestTheme {
    /// `Themes/default` of this repository, found from this file's path.
    static let defaultDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes/default").path

    /// The default theme, loaded once.
    static let theme: Theme = {
        do {
            return try Theme.load(from: defaultDirectory)
        } catch {
            fatalError("the default theme does not load: \(error)")
        }
    }()

    static let renderer = PageRenderer(theme: theme)

    /// A fresh copy of the default theme in a temporary folder; removed by `remove`.
    static func copy() throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("toasoan-theme-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: defaultDirectory, toPath: directory)
        return directory
    }

    static func remove(_ directory: String) {
        try? FileManager.default.removeItem(atPath: directory)
    }

    static func write(_ text: String, to file: String, in directory: String) throws {
        try text.write(toFile: directory + "/" + file, atomically: true, encoding: .utf8)
    }
}

/// Small readers over rendered HTML.
extension String {
    /// How many times `needle` occurs.
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }

    /// The text from the first `start` to the next `end` after it (both included), or "" when absent.
    func slice(from start: String, to end: String) -> String {
        guard let lower = range(of: start), let upper = range(of: end, range: lower.upperBound..<endIndex) else { return "" }
        return String(self[lower.lowerBound..<upper.upperBound])
    }

    /// Every `<img …>` tag, in order.
    var imgTags: [String] {
        var tags: [String] = []
        var rest = self[...]
        while let start = rest.range(of: "<img "), let end = rest.range(of: ">", range: start.upperBound..<rest.endIndex) {
            tags.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return tags
    }

    /// Whether `needles` occur in this order.
    func containsInOrder(_ needles: [String]) -> Bool {
        var rest = self[...]
        for needle in needles {
            guard let found = rest.range(of: needle) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }
}
