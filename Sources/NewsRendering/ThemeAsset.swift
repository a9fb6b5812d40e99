/// A static file of a theme (stylesheet, icon…), served under a path that changes whenever its bytes change,
/// so that it can be cached for ever.
public struct ThemeAsset: Sendable, Hashable {
    /// Public path with a content hash, e.g. "/assets/style.1a2b3c4d5e.css".
    public let path: String
    /// Path inside the theme's `assets/` folder, e.g. "style.css" or "img/logo.svg".
    public let logicalName: String
    /// Value for the `Content-Type` header.
    public let contentType: String
    /// The file's bytes.
    public let bytes: [UInt8]

    /// Creates an asset.
    public init(path: String, logicalName: String, contentType: String, bytes: [UInt8]) {
        self.path = path
        self.logicalName = logicalName
        self.contentType = contentType
        self.bytes = bytes
    }
}

extension ThemeAsset {
    /// Makes the asset for the file `logicalName` with `bytes`, naming it by a hash of its content.
    init(logicalName: String, bytes: [UInt8]) {
        let hash = ContentHash.hex(of: bytes)
        let slash = logicalName.lastIndex(of: "/")
        let folder = slash.map { String(logicalName[...$0]) } ?? ""
        let file = slash.map { String(logicalName[logicalName.index(after: $0)...]) } ?? logicalName
        let hashedFile: String
        let fileExtension: String
        if let dot = file.lastIndex(of: "."), dot != file.startIndex {
            fileExtension = String(file[file.index(after: dot)...]).lowercased()
            hashedFile = "\(file[..<dot]).\(hash).\(file[file.index(after: dot)...])"
        } else {
            fileExtension = ""
            hashedFile = "\(file).\(hash)"
        }
        self.init(
            path: "/assets/\(folder)\(hashedFile)", logicalName: logicalName,
            contentType: Self.contentTypes[fileExtension] ?? "application/octet-stream", bytes: bytes
        )
    }

    /// Content types of the files a theme may ship, by lowercase extension.
    static let contentTypes: [String: String] = [
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "map": "application/json",
        "txt": "text/plain; charset=utf-8",
        "xml": "application/xml",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
        "woff": "font/woff",
        "ttf": "font/ttf",
        "otf": "font/otf",
    ]
}
