/// Formats the site accepts.
public enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg, png, webp, gif

    /// The media type served with files of this format, e.g. "image/jpeg".
    public var mimeType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        case .gif: "image/gif"
        }
    }

    /// The usual file-name extension, without the dot: "jpg", "png", "webp", "gif".
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .webp: "webp"
        case .gif: "gif"
        }
    }
}

extension ImageFormat {
    /// The format a file name asks for by its extension (any case; "jpg" and "jpeg" both mean JPEG).
    init?(fileName path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "jpg", "jpeg": self = .jpeg
        case "png": self = .png
        case "webp": self = .webp
        case "gif": self = .gif
        default: return nil
        }
    }

    /// The format read by a libvips loader, named as `vips_foreign_find_load` names it (checked on 8.14).
    init?(vipsLoader loader: String) {
        switch loader {
        case "VipsForeignLoadJpegFile": self = .jpeg
        case "VipsForeignLoadPngFile": self = .png
        case "VipsForeignLoadWebpFile": self = .webp
        // nsgif since 8.11; the giflib loader before that.
        case "VipsForeignLoadNsgifFile", "VipsForeignLoadGifFile": self = .gif
        default: return nil
        }
    }

    /// A short lowercase name for the format a libvips loader reads: "VipsForeignLoadSvgFile" → "svg".
    static func formatName(ofVipsLoader loader: String) -> String {
        var name = Substring(loader)
        if name.hasPrefix("VipsForeignLoad") { name = name.dropFirst("VipsForeignLoad".count) }
        for suffix in ["File", "Source", "Buffer"] where name.hasSuffix(suffix) && name.count > suffix.count {
            name = name.dropLast(suffix.count)
            break
        }
        return name.lowercased()
    }
}
