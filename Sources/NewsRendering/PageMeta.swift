/// What a page says about itself in `<head>`: title, description, canonical address, sharing preview.
struct PageMeta: Sendable {
    /// The `<title>`.
    let title: String
    /// The `<meta name="description">`.
    let description: String
    let hasDescription: Bool
    /// Absolute canonical URL.
    let canonicalURL: String
    let hasCanonical: Bool
    /// Whether search engines should leave the page out (error pages).
    let noindex: Bool
    /// Open Graph type: "article" or "website".
    let ogType: String
    /// Absolute URL of the image shown when the page is shared.
    let ogImage: String
    let hasOGImage: Bool

    init(title: String, description: String, canonicalURL: String?, noindex: Bool = false, ogType: String = "website", ogImage: String? = nil) {
        self.title = title
        self.description = description
        self.hasDescription = !description.isEmpty
        self.canonicalURL = canonicalURL ?? ""
        self.hasCanonical = canonicalURL != nil
        self.noindex = noindex
        self.ogType = ogType
        self.ogImage = ogImage ?? ""
        self.hasOGImage = ogImage != nil
    }
}
