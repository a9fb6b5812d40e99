import Foundation
import NewsDomain
import NewsRendering
import NewsStore

extension ReaderController {
    /// An article page for an article that is not (or not yet in this form) online: the newsroom's preview, rendered
    /// by the same theme and code as the reader's page. Its related box shows only the curated picks readers may see;
    /// nothing is cached.
    public func preview(_ article: Article) async throws -> String {
        let now = clock()
        async let chrome = chrome(now: now)
        let related = try await store.publishedSummaries(ids: article.relatedIDs, now: now).filter { $0.id != article.id }
        let family = try await familySectionIDs(of: article.section)
        let readMore = try await store.latestPublished(
            excludingSections: family, excludingArticles: [article.id], limit: Self.readMoreCount, now: now
        )
        let content = ArticlePageContent(article: article, related: related, readMore: readMore)
        return renderer.render(article: content, chrome: try await chrome)
    }
}
