import Foundation

/// The Content API's OpenAPI document, served at `/api/v1/openapi.json`.
///
/// `openapi/content.yaml` is the document as written; `scripts/openapi-json.py` turns it into the JSON bundled here
/// (`Resources/content-openapi.json`), and the contract tests fail when the two differ in content.
enum ContentAPIDocument {
    /// The bundled file's name.
    static let resourceName = "content-openapi"

    /// The document as a cached answer, read once; nil when the resource is missing from the build.
    static let page: CachedPage? = {
        guard let url = Bundle.module.url(forResource: resourceName, withExtension: "json"),
              let data = try? Data(contentsOf: url)
        else { return nil }
        return ContentAPIRoutes.page(Array(data), dependencies: [], cacheControl: "public, max-age=300")
    }()
}
