import Foundation
import NewsDomain

/// When an article was published and last changed as readers see it; the page's "Cập nhật" line, its structured data
/// (`dateModified`, `article:modified_time`) and the Content API's `updated_at` all say the same.
public enum ArticleTimes {
    /// The publication time (the version's save time for an article somehow without one).
    public static func published(_ article: Article) -> Date {
        article.publishedAt ?? article.updatedAt
    }

    /// The latest of the publication, a later live version, and the corrections; never before the publication.
    ///
    /// A first version is taken as published unchanged: an imported article's version is saved at import, long after
    /// it was written, and a newsroom draft is saved before its publication. Only a later version that went live (an
    /// edit, a re-import with new content) or a correction moves the time on.
    public static func modified(_ article: Article, corrections: [Correction]) -> Date {
        modified(article, lastCorrection: corrections.map(\.createdAt).max())
    }

    /// The same, from the time of the latest correction alone (nil: none).
    public static func modified(_ article: Article, lastCorrection: Date?) -> Date {
        let published = published(article)
        let edited = article.version > 1 ? article.updatedAt : published
        return [published, edited, lastCorrection ?? published].max() ?? published
    }
}
