/// The hashed public paths of the assets the shell links to, looked up once per theme.
struct ThemeAssetPaths: Sendable {
    /// `assets/style.css`.
    let stylesheet: String?
    /// `assets/favicon.svg`.
    let favicon: String?

    init(theme: Theme) {
        stylesheet = theme.asset(named: "style.css")?.path
        favicon = theme.asset(named: "favicon.svg")?.path
    }
}
