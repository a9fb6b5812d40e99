import Foundation
import NewsDomain

/// Reads the generated corpus (scripts/generate-corpus.py): JSON Lines in the import format, published articles
/// without images. Decoding is the benchmark's own, so that what is measured is the store, not the file checks of
/// `toasoan import`.
public enum Corpus {
    struct Line: Decodable {
        var id: String
        var title: String
        var sapo: String
        var body: String
        var section: String
        var section_name: String?
        var tags: [String]
        var topic: String?
        var author: String
        var published_at: String
        var status: String?
    }

    /// The first `limit` articles of the file at `path` (all when nil).
    public static func load(path: String, limit: Int? = nil) throws -> [ArticleInput] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchError("cannot read the corpus \(path); generate it with scripts/generate-corpus.py")
        }
        let decoder = JSONDecoder()
        let dates = ISO8601DateFormatter()
        dates.formatOptions = [.withInternetDateTime]
        // Line ends found with memchr: iterating `Data` byte by byte (split) is far slower than the decoding.
        let maximum = limit ?? Int.max
        let lines: [Range<Int>] = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> [Range<Int>] in
            var result: [Range<Int>] = []
            guard let base = bytes.baseAddress else { return result }
            var start = 0
            while start < bytes.count, result.count < maximum {
                var end = bytes.count
                if let newline = memchr(base + start, 0x0A, bytes.count - start) {
                    end = base.distance(to: UnsafeRawPointer(newline))
                }
                if end > start { result.append(start..<end) }
                start = end + 1
            }
            return result
        }
        var inputs: [ArticleInput] = []
        inputs.reserveCapacity(lines.count)
        for (number, range) in lines.enumerated() {
            let line = try decoder.decode(Line.self, from: data.subdata(in: range))
            guard let published = dates.date(from: line.published_at) else {
                throw BenchError("\(path):\(number + 1): published_at \(line.published_at) is not ISO 8601")
            }
            inputs.append(ArticleInput(
                externalID: line.id, title: line.title, sapo: line.sapo, body: line.body, sectionSlug: line.section,
                sectionName: line.section_name, tags: line.tags, topic: line.topic, author: line.author,
                publishedAt: published, status: line.status == "draft" ? .draft : .published
            ))
        }
        return inputs
    }
}

/// The query sets written beside the corpus: class name → queries.
public struct QuerySets: Decodable, Sendable {
    public var seed: Int
    public var articles: Int
    public var classes: [String: [String]]

    /// The classes in report order: 1, 2, 4 syllables, each with then without diacritics.
    public static let classNames = [1, 2, 4].flatMap { n in
        ["\(n)-syllable, with diacritics", "\(n)-syllable, without diacritics"]
    }

    public static func load(path: String) throws -> QuerySets {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchError("cannot read the queries \(path); generate them with scripts/generate-corpus.py")
        }
        return try JSONDecoder().decode(QuerySets.self, from: data)
    }
}

/// A failure with a message for the person running the benchmarks.
public struct BenchError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
