/// The hashed public paths of the assets the shell links to, looked up once per theme.
struct ThemeAssetPaths: Sendable {
    /// `assets/style.css`.
    let stylesheet: String?
    /// `assets/favicon.svg`.
    let favicon: String?
    /// `assets/logo.png` with its size: the publisher logo of structured data (Google wants a raster image of at
    /// least 112×112); nil when the theme has none or it is not a PNG.
    let logo: (path: String, width: Int, height: Int)?

    init(theme: Theme) {
        stylesheet = theme.asset(named: "style.css")?.path
        favicon = theme.asset(named: "favicon.svg")?.path
        logo = theme.asset(named: "logo.png").flatMap { asset in
            PNGSize(asset.bytes).map { (asset.path, $0.width, $0.height) }
        }
    }
}

/// The pixel size a PNG file states in its header (the IHDR chunk right after the signature).
struct PNGSize: Sendable, Equatable {
    let width: Int
    let height: Int

    /// Reads the size from `bytes`; nil when they do not start like a PNG.
    init?(_ bytes: [UInt8]) {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 24, Array(bytes[0..<8]) == signature, bytes[12..<16].elementsEqual("IHDR".utf8) else {
            return nil
        }
        func number(at offset: Int) -> Int {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        width = number(at: 16)
        height = number(at: 20)
        guard width > 0, height > 0 else { return nil }
    }
}
