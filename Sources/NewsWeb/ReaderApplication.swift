import Hummingbird
import Logging
import NewsRendering

/// Builds the router of the whole site; the executable and the tests both call it.
public func buildRouter(
    reader: ReaderRoutes, admin: AdminAPIRoutes?, mediaDirectory: String?, trustedProxies: TrustedProxies = .none,
    logger: Logger
) -> Router<NewsRequestContext> {
    let router = Router(context: NewsRequestContext.self, options: [.autoGenerateHeadEndpoints])
    router.add(middleware: ForwardedClientMiddleware(proxies: trustedProxies))
    router.add(middleware: ErrorMiddleware(controller: reader.controller))
    if let mediaDirectory {
        // Media files are named by their content, so they can be cached for good.
        router.add(middleware: FileMiddleware(
            mediaDirectory, urlBasePath: "/media",
            cacheControl: .init([(MediaType(type: .image), [.public, .maxAge(31_536_000), .immutable])]),
            searchForIndexHtml: false, logger: logger
        ))
    }
    router.add(middleware: ContentAPIMiddleware())
    admin?.register(on: router)
    reader.register(on: router)
    return router
}
