import Foundation
import Testing
@testable import NewsRendering

@Suite("Theme loading and validation")
struct ThemeTests {
    @Test("the default theme loads with its name, templates and fingerprinted assets")
    func loadsDefaultTheme() throws {
        let theme = try Theme.load(from: TestTheme.defaultDirectory)
        #expect(theme.name == "Mặc định")
        #expect(theme.version == "1.0.0")
        for name in Theme.requiredTemplates + ["error-404", "partials/article-card", "partials/footer", "partials/pagination"] {
            #expect(theme.hasTemplate(name), "missing \(name)")
        }
        let style = try #require(theme.asset(named: "style.css"))
        #expect(style.path.wholeMatch(of: /\/assets\/style\.[0-9a-f]{10}\.css/) != nil, "\(style.path)")
        #expect(style.contentType == "text/css; charset=utf-8")
        #expect(theme.asset(atPath: style.path)?.logicalName == "style.css")
        #expect(style.bytes.count < 12 * 1024, "the stylesheet should stay small")
        let icon = try #require(theme.asset(named: "favicon.svg"))
        #expect(icon.contentType == "image/svg+xml")
        #expect(icon.path.hasPrefix("/assets/favicon.") && icon.path.hasSuffix(".svg"))
        let logo = try #require(theme.asset(named: "logo.png"))
        #expect(logo.contentType == "image/png")
        let size = try #require(PNGSize(logo.bytes), "logo.png is a PNG")
        #expect(size.width >= 112 && size.height >= 112, "Google wants a publisher logo of at least 112×112")
        #expect(logo.bytes.count < 8 * 1024)
        #expect(theme.assets.count == 3)
    }

    @Test("a theme missing two templates and with a broken one reports all three problems at once")
    func reportsEveryProblem() throws {
        let directory = try TestTheme.copy()
        defer { TestTheme.remove(directory) }
        try FileManager.default.removeItem(atPath: directory + "/article.mustache")
        try FileManager.default.removeItem(atPath: directory + "/listing.mustache")
        try TestTheme.write("{{<layout}}\n{{$content}}\n<p>ok</p>\n{{#topStory}}\n<h2>{{title}}</h2>\n{{/content}}\n{{/layout}}\n", to: "home.mustache", in: directory)

        let error = try #require(throws: ThemeError.self) { try Theme.load(from: directory) }
        #expect(error.directory == directory)
        #expect(error.problems.count == 3, "\(error.problems)")
        #expect(error.problems.contains("missing template article.mustache"))
        #expect(error.problems.contains("missing template listing.mustache"))
        #expect(error.problems.contains { $0.hasPrefix("home.mustache line 6") }, "\(error.problems)")
        #expect(error.description.contains(directory))
        #expect(error.description.contains("3 problems"))
    }

    @Test("an error on a template's first line is reported at the column the author wrote")
    func firstLineColumn() throws {
        let directory = try TestTheme.copy()
        defer { TestTheme.remove(directory) }
        try TestTheme.write("<p>{{#x}}</p>{{/y}}\n", to: "error.mustache", in: directory)
        let error = try #require(throws: ThemeError.self) { try Theme.load(from: directory) }
        #expect(error.problems.count == 1)
        #expect(error.problems.first?.hasPrefix("error.mustache line 1, column 1") == true, "\(error.problems)")
        #expect(error.problems.first?.hasSuffix("(<p>{{#x}}</p>{{/y}})") == true, "\(error.problems)")
        #expect(error.problems.first?.contains("TOASOAN") == false)
    }

    @Test("a missing folder is an error that names it")
    func missingFolder() {
        let directory = "/nonexistent/toasoan-themes/khong-co"
        let error = #expect(throws: ThemeError.self) { try Theme.load(from: directory) }
        #expect(error?.directory == directory)
        #expect(error?.problems.count == 1)
        #expect(error?.description.contains(directory) == true)
    }

    @Test("a missing or malformed theme.json is reported")
    func badManifest() throws {
        let directory = try TestTheme.copy()
        defer { TestTheme.remove(directory) }
        try FileManager.default.removeItem(atPath: directory + "/theme.json")
        let missing = try #require(throws: ThemeError.self) { try Theme.load(from: directory) }
        #expect(missing.problems.count == 1)
        #expect(missing.problems.first?.contains("theme.json") == true)

        try TestTheme.write("{\"name\": \"x\",", to: "theme.json", in: directory)
        let malformed = try #require(throws: ThemeError.self) { try Theme.load(from: directory) }
        #expect(malformed.problems == ["theme.json is not valid JSON"])

        try TestTheme.write("{\"name\": \"\", \"version\": 2}", to: "theme.json", in: directory)
        let wrongFields = try #require(throws: ThemeError.self) { try Theme.load(from: directory) }
        #expect(wrongFields.problems.count == 2, "\(wrongFields.problems)")
    }

    @Test("a reference to a partial that does not exist is reported with file and line")
    func missingPartial() throws {
        let directory = try TestTheme.copy()
        defer { TestTheme.remove(directory) }
        try TestTheme.write("{{<layout}}\n{{$content}}\n{{> partials/khong-co}}\n{{/content}}\n{{/layout}}\n", to: "tag.mustache", in: directory)
        let error = try #require(throws: ThemeError.self) { try Theme.load(from: directory) }
        #expect(error.problems.count == 1)
        #expect(error.problems.first?.hasPrefix("tag.mustache line 3: partial \"partials/khong-co\"") == true, "\(error.problems)")
    }

    @Test("an asset's path changes when its bytes change, and only then")
    func assetHashing() throws {
        let directory = try TestTheme.copy()
        defer { TestTheme.remove(directory) }
        let before = try #require(try Theme.load(from: directory).asset(named: "style.css"))
        let again = try #require(try Theme.load(from: directory).asset(named: "style.css"))
        #expect(before.path == again.path)
        #expect(before.path == TestTheme.theme.asset(named: "style.css")?.path)

        let css = try String(contentsOfFile: directory + "/assets/style.css", encoding: .utf8)
        try TestTheme.write(css + "\n.new{color:red}\n", to: "assets/style.css", in: directory)
        let after = try #require(try Theme.load(from: directory).asset(named: "style.css"))
        #expect(after.path != before.path)
        #expect(after.logicalName == "style.css")

        let page = PageRenderer(theme: try Theme.load(from: directory)).render(error: .notFound, chrome: Fixtures().chrome)
        #expect(page.contains("<link rel=\"stylesheet\" href=\"\(after.path)\">"))
    }

    @Test("assets in subfolders keep their folder; unknown types are served as bytes")
    func nestedAssets() throws {
        let directory = try TestTheme.copy()
        defer { TestTheme.remove(directory) }
        try FileManager.default.createDirectory(atPath: directory + "/assets/img", withIntermediateDirectories: true)
        try TestTheme.write("<svg/>", to: "assets/img/logo.svg", in: directory)
        try TestTheme.write("x", to: "assets/LICENSE", in: directory)
        try TestTheme.write("x", to: "assets/.DS_Store", in: directory)
        let theme = try Theme.load(from: directory)
        let logo = try #require(theme.asset(named: "img/logo.svg"))
        #expect(logo.path.hasPrefix("/assets/img/logo.") && logo.path.hasSuffix(".svg"))
        #expect(theme.asset(named: "LICENSE")?.contentType == "application/octet-stream")
        #expect(theme.asset(named: ".DS_Store") == nil)
    }

    @Test("partial references are found with their line; dynamic names are skipped")
    func scansPartials() {
        let found = PartialReference.scan("a\n{{> partials/x}}\n{{<layout}}{{>*dynamic}}\n{{>  y }}")
        #expect(found == [
            PartialReference(name: "partials/x", line: 2), PartialReference(name: "layout", line: 3),
            PartialReference(name: "y", line: 4),
        ])
    }
}
