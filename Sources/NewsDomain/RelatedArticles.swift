/// Chooses the related-articles box: curated links first, then the same topic, then shared tags, then the most
/// similar text, then the same section; never the article itself, never twice the same article.
public enum RelatedArticles {
    /// How many articles the box shows.
    public static let defaultLimit = 5

    /// Merges the candidate lists in priority order; each list is already ordered by its own relevance.
    public static func select(
        for articleID: ArticleID, curated: [ArticleSummary], sameTopic: [ArticleSummary],
        sharedTags: [ArticleSummary], similar: [ArticleSummary] = [], sameSection: [ArticleSummary], limit: Int = defaultLimit
    ) -> [ArticleSummary] {
        var chosen: [ArticleSummary] = []
        var seen: Set<ArticleID> = [articleID]
        for candidate in [curated, sameTopic, sharedTags, similar, sameSection].joined() where chosen.count < limit {
            if seen.insert(candidate.id).inserted {
                chosen.append(candidate)
            }
        }
        return chosen
    }
}
