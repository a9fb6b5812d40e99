/// One article found similar to another, with its cosine score.
public struct SimilarArticle: Sendable, Equatable {
    /// The article's identifier (the store's article id).
    public var key: Int64
    /// Cosine similarity of the two signatures, 0 to 1.
    public var score: Double

    /// Creates a result.
    public init(key: Int64, score: Double) {
        self.key = key
        self.score = score
    }
}

/// What counts as similar enough to show, and how many similar articles are kept per article.
public enum TextSimilarity {
    /// Similar articles kept per article: more than the related box shows, so that a list keeps enough entries after
    /// the read-time filter drops the ones readers may not see, and after takedowns.
    public static let listSize = 10
    /// Below this cosine, two articles share only incidental words.
    public static let minimumScore = 0.05

    /// Orders results best first, ties by the newer (higher) identifier, and keeps the first `limit`.
    public static func best(_ results: [SimilarArticle], limit: Int) -> [SimilarArticle] {
        Array(results.sorted { $0.score != $1.score ? $0.score > $1.score : $0.key > $1.key }.prefix(limit))
    }
}

/// Signatures of a whole corpus held in memory with an inverted index, to find every article's most similar ones at
/// once (the full rebuild) without comparing every pair: an article is scored only against those sharing a term.
public struct SimilarityIndex: Sendable {
    private var keys: [Int64] = []
    private var postings: [Int64: [(document: Int32, weight: Double)]] = [:]
    private var signatures: [TermVector] = []

    /// An empty index.
    public init() {}

    /// How many signatures the index holds.
    public var count: Int { keys.count }

    /// Adds an article's signature.
    public mutating func insert(_ key: Int64, _ vector: TermVector) {
        let document = Int32(keys.count)
        keys.append(key)
        signatures.append(vector)
        for (term, weight) in zip(vector.terms, vector.weights) {
            postings[term, default: []].append((document, weight))
        }
    }

    /// The articles most similar to `vector`, best first, scoring at least `minimumScore`, never `excluding`.
    public func nearest(
        to vector: TermVector, excluding: Int64?, limit: Int = TextSimilarity.listSize,
        minimumScore: Double = TextSimilarity.minimumScore
    ) -> [SimilarArticle] {
        var scratch = Scratch(count: keys.count)
        return nearest(to: vector, excluding: excluding, limit: limit, minimumScore: minimumScore, scratch: &scratch)
    }

    /// For every article, its most similar ones, best first; `progress` is told how many articles are done now and then.
    public func nearestForAll(
        limit: Int = TextSimilarity.listSize, minimumScore: Double = TextSimilarity.minimumScore,
        progress: (Int) -> Void = { _ in }
    ) -> [(key: Int64, similar: [SimilarArticle])] {
        var scratch = Scratch(count: keys.count)
        var result: [(key: Int64, similar: [SimilarArticle])] = []
        result.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() {
            result.append((key, nearest(to: signatures[index], excluding: key, limit: limit, minimumScore: minimumScore, scratch: &scratch)))
            if (index + 1) % 1000 == 0 { progress(index + 1) }
        }
        return result
    }

    /// Per-query buffers, reused across queries: a dense score array and the documents it touched.
    private struct Scratch {
        var scores: [Double]
        var touched: [Int32] = []
        init(count: Int) { scores = Array(repeating: 0, count: count) }
    }

    private func nearest(
        to vector: TermVector, excluding: Int64?, limit: Int, minimumScore: Double, scratch: inout Scratch
    ) -> [SimilarArticle] {
        for (term, weight) in zip(vector.terms, vector.weights) {
            guard let list = postings[term] else { continue }
            let queryWeight = weight
            for posting in list {
                let document = Int(posting.document)
                if scratch.scores[document] == 0 { scratch.touched.append(posting.document) }
                scratch.scores[document] += queryWeight * posting.weight
            }
        }
        var found: [SimilarArticle] = []
        for document in scratch.touched {
            let index = Int(document)
            let score = scratch.scores[index]
            scratch.scores[index] = 0
            if score >= minimumScore && keys[index] != excluding { found.append(SimilarArticle(key: keys[index], score: score)) }
        }
        scratch.touched.removeAll(keepingCapacity: true)
        return TextSimilarity.best(found, limit: limit)
    }
}

extension SimilarityIndex {
    /// The index of a corpus held in memory, in two passes: document frequencies over every article, then signatures.
    public static func build(
        _ articles: [(key: Int64, title: String, sapo: String, body: String)], size: Int = TermVector.defaultSize
    ) -> SimilarityIndex {
        let counts = articles.map { ArticleTerms.counts(title: $0.title, sapo: $0.sapo, body: $0.body) }
        var frequencies = DocumentFrequencies()
        for terms in counts { frequencies.add(terms.keys) }
        var index = SimilarityIndex()
        for (article, terms) in zip(articles, counts) {
            index.insert(
                article.key,
                TermVector(counts: terms, documentCount: frequencies.documentCount, documentFrequency: { frequencies[$0] }, size: size)
            )
        }
        return index
    }
}
