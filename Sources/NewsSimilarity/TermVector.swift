import Foundation

/// An article's signature for text similarity: its most telling terms, TF-IDF weighted, scaled to unit length.
///
/// Only the `size` heaviest terms are kept: they carry most of the cosine, and a fixed size bounds what is stored per
/// article and what a comparison reads, whatever the length of the article.
public struct TermVector: Sendable, Equatable {
    /// How many terms a signature keeps.
    public static let defaultSize = 40

    /// Term identifiers (`TermHash`), ascending.
    public private(set) var terms: [Int64]
    /// The weight of each term, same order; their squares sum to 1 (or there are none).
    public private(set) var weights: [Double]

    /// The signature of an article with the given weighted term counts, in a corpus of `documentCount` articles
    /// (this one included) where `documentFrequency(term)` articles (this one included) contain the term.
    ///
    /// Weight = (1 + ln count) × ln(1 + N / df): sublinear in repetition, so a word repeated ten times does not
    /// outweigh ten different words; and a term found in every article still weighs a little (ln 2), which keeps
    /// small corpora usable. Ties are broken by term identifier, so the same input always gives the same signature.
    public init(
        counts: [Int64: Double], documentCount: Int, documentFrequency: (Int64) -> Int, size: Int = defaultSize
    ) {
        var weighted: [(term: Int64, weight: Double)] = []
        weighted.reserveCapacity(counts.count)
        for (term, count) in counts where count > 0 {
            let df = max(1, documentFrequency(term))
            let n = max(documentCount, df)
            weighted.append((term, (1 + log(max(count, 1))) * log(1 + Double(n) / Double(df))))
        }
        weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        let kept = weighted.prefix(size).sorted { $0.term < $1.term }
        let norm = kept.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        terms = kept.map(\.term)
        weights = norm > 0 ? kept.map { $0.weight / norm } : kept.map { _ in 0 }
    }

    /// A signature from stored terms and weights (as given by `encoded`).
    public init(terms: [Int64], weights: [Double]) {
        let pairs = zip(terms, weights).sorted { $0.0 < $1.0 }
        self.terms = pairs.map(\.0)
        self.weights = pairs.map(\.1)
    }

    /// Whether the signature has no terms (an article with no countable words).
    public var isEmpty: Bool { terms.isEmpty }

    /// Cosine similarity with another signature, 0 (nothing shared) to 1.
    public func cosine(_ other: TermVector) -> Double {
        var i = 0
        var j = 0
        var sum = 0.0
        while i < terms.count && j < other.terms.count {
            if terms[i] == other.terms[j] {
                sum += weights[i] * other.weights[j]
                i += 1
                j += 1
            } else if terms[i] < other.terms[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// Compact storage form: per term, its identifier (8 bytes) then its weight (8 bytes), little-endian.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(terms.count * 16)
        for (term, weight) in zip(terms, weights) {
            withUnsafeBytes(of: UInt64(bitPattern: term).littleEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: weight.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    /// Decodes `encoded`; nil for bytes that are not a whole number of entries.
    public init?(encoded bytes: [UInt8]) {
        guard bytes.count % 16 == 0 else { return nil }
        var terms: [Int64] = []
        var weights: [Double] = []
        for start in stride(from: 0, to: bytes.count, by: 16) {
            var term: UInt64 = 0
            var weight: UInt64 = 0
            for k in 0..<8 {
                term |= UInt64(bytes[start + k]) << (8 * k)
                weight |= UInt64(bytes[start + 8 + k]) << (8 * k)
            }
            terms.append(Int64(bitPattern: term))
            weights.append(Double(bitPattern: weight))
        }
        self.init(terms: terms, weights: weights)
    }
}

/// How many articles of a corpus contain each term.
public struct DocumentFrequencies: Sendable {
    /// Articles counted.
    public private(set) var documentCount = 0
    private var counts: [Int64: Int32] = [:]

    /// An empty count.
    public init() {}

    /// Counts one more article with these terms.
    public mutating func add<Terms: Sequence<Int64>>(_ terms: Terms) {
        documentCount += 1
        for term in terms { counts[term, default: 0] += 1 }
    }

    /// How many counted articles contain `term`.
    public subscript(term: Int64) -> Int { Int(counts[term] ?? 0) }

    /// Every term with its count, in no particular order.
    public var all: [(term: Int64, count: Int)] { counts.map { ($0.key, Int($0.value)) } }
}
