import Hummingbird

/// Per-request facts for every handler (request id and logger for now; identity and session come with the newsroom).
public struct NewsRequestContext: RequestContext {
    /// Hummingbird's own per-request storage.
    public var coreContext: CoreRequestContextStorage

    /// Creates the context for one request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}
