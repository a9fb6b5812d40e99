import Mustache

/// A loaded, validated theme: templates plus fingerprinted static assets.
///
/// A theme is a folder: page templates at its top (`layout`, `home`, `article`, `listing`, `error`, and the optional
/// `section`, `tag`, `topic`, `author`, `error-404`, `corrections`, `search` — the last two built in when missing), partials under `partials/`,
/// static files under `assets/`, and a `theme.json` with its name and version.
public struct Theme: Sendable {
    /// The theme's name from `theme.json`.
    public let name: String
    /// The theme's version from `theme.json`.
    public let version: String
    /// Static assets (assets/ folder, recursively), each with a content-hashed public path.
    public let assets: [ThemeAsset]

    /// Every template and partial, parsed once at load.
    let library: MustacheLibrary
    /// Names of the templates in `library` ("article", "partials/article-card"…).
    let templateNames: Set<String>
    private let assetsByPath: [String: ThemeAsset]
    private let assetsByName: [String: ThemeAsset]

    /// Templates every theme must have.
    static let requiredTemplates = ["layout", "home", "article", "listing", "error"]

    init(name: String, version: String, library: MustacheLibrary, templateNames: Set<String>, assets: [ThemeAsset]) {
        self.name = name
        self.version = version
        self.library = library
        self.templateNames = templateNames
        self.assets = assets
        var byPath: [String: ThemeAsset] = [:]
        var byName: [String: ThemeAsset] = [:]
        for asset in assets {
            byPath[asset.path] = asset
            byName[asset.logicalName] = asset
        }
        self.assetsByPath = byPath
        self.assetsByName = byName
    }

    /// The asset served at `path` ("/assets/style.1a2b3c4d5e.css"), if any.
    public func asset(atPath path: String) -> ThemeAsset? {
        assetsByPath[path]
    }

    /// The asset whose file in `assets/` is `logicalName` ("style.css"), if any.
    public func asset(named logicalName: String) -> ThemeAsset? {
        assetsByName[logicalName]
    }

    /// Whether the theme has a template (or partial) of that name, without extension.
    public func hasTemplate(_ name: String) -> Bool {
        templateNames.contains(name)
    }
}
