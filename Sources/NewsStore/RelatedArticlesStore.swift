import Foundation

/// The cache of text-similar articles behind the related box: kept in step with the published articles.
///
/// Editorial changes (publish, a revision going live, takedown) update it in their own transaction; what bypasses
/// that (large imports, another process, a database upgraded from before the cache existed) is caught up by
/// `refreshRelated`, which the server runs after each change it sees in the change log.
public protocol RelatedArticlesStore: Sendable {
    /// Recomputes what is out of step with the published articles: articles published, changed or taken down without
    /// an update of the cache, and lists that lost an entry. Returns how many articles' lists were recomputed.
    @discardableResult
    func refreshRelated(now: Date) async throws -> Int

    /// Recomputes the whole cache from the published articles, reporting `(done, total)` now and then.
    func rebuildRelated(progress: @escaping @Sendable (Int, Int) -> Void) async throws
}
