import Crypto
import Foundation
import NewsDomain
import NewsImages
import NewsStore

/// Imports a JSON Lines file of articles: checks the whole file first, and imports nothing unless every line is valid.
public struct ArticleFileImporter: Sendable {
    let store: any ArticleStore
    /// The search index to merge after a large import, when the store has one.
    let searchIndex: (any SearchStore)?
    let mediaDirectory: String
    let inspector: ImageInspector
    let clock: @Sendable () -> Date

    /// Imports above this many articles end by merging the search index (`SearchStore.optimizeSearchIndex`): a few
    /// seconds per 100,000 articles, after which searches read one part of the index instead of several.
    public static let defaultMergeThreshold = 500
    let mergeThreshold: Int

    /// Creates an importer that stores articles in `store` and copies local images into `mediaDirectory`.
    public init(
        store: any ArticleStore, mediaDirectory: String, inspector: ImageInspector = ImageInspector(),
        clock: @escaping @Sendable () -> Date = { Date() }, mergeThreshold: Int = defaultMergeThreshold
    ) {
        self.store = store
        searchIndex = store as? any SearchStore
        self.mergeThreshold = mergeThreshold
        self.mediaDirectory = mediaDirectory
        self.inspector = inspector
        self.clock = clock
    }

    /// A line that passed every check, with where its local images are.
    struct CheckedLine {
        var line: Int
        var input: ArticleInput
        /// For each image: the file to copy and what decoding it told us, or nil for a remote image.
        var localImages: [(path: String, info: ImageInfo)?]
    }

    /// Imports the file at `path`; `progress` hears about each phase. Throws `ImportFileRejected` listing every
    /// problem when any line is wrong, in which case nothing was written.
    @discardableResult
    public func importFile(at path: String, progress: any ImportProgress) async throws -> ImportResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportFileRejected(problems: [ImportProblem(line: 0, field: nil, message: "cannot read file \(path)")])
        }
        let baseDirectory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let lines = try check(data: data, baseDirectory: baseDirectory, progress: progress)
        var inputs: [ArticleInput] = []
        for (index, line) in lines.enumerated() {
            inputs.append(try storeImages(of: line))
            progress.update(phase: "copying images", done: index + 1, total: lines.count)
        }
        let total = inputs.count
        do {
            let result = try await store.importArticles(inputs, now: clock()) { done in
                progress.update(phase: "importing", done: done, total: total)
            }
            if total > mergeThreshold, let searchIndex {
                // A large import writes the index in several parts, each of which every search reads.
                progress.update(phase: "merging the search index", done: 0, total: 1)
                try await searchIndex.optimizeSearchIndex()
                progress.update(phase: "merging the search index", done: 1, total: 1)
            }
            progress.finish("imported \(inputs.count) articles: \(result.created.count) new, \(result.updated.count) updated")
            return result
        } catch let rejected as ImportRejected {
            throw ImportFileRejected(problems: rejected.problems.map {
                ImportProblem(line: lines[$0.index].line, field: $0.error.field, message: $0.error.message)
            })
        }
    }

    /// Decodes and checks every line; throws with every problem of every line.
    func check(data: Data, baseDirectory: String, progress: any ImportProgress) throws -> [CheckedLine] {
        var problems: [ImportProblem] = []
        var checked: [CheckedLine] = []
        var firstLineOfID: [String: Int] = [:]
        let decoder = ImportLineDecoder(now: clock())
        let rawLines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (offset, raw) in rawLines.enumerated() {
            let number = offset + 1
            defer { progress.update(phase: "checking", done: number, total: rawLines.count) }
            guard let text = String(validating: raw, as: UTF8.self) else {
                problems.append(ImportProblem(line: number, field: nil, message: "is not valid UTF-8 text"))
                continue
            }
            let line = text.hasSuffix("\r") ? text.dropLast() : Substring(text)
            if line.allSatisfy(\.isWhitespace) { continue }
            switch decoder.decode(line) {
            case .failure(let list):
                problems += list.items.map { ImportProblem(line: number, field: $0.field, message: $0.message) }
            case .success(let input):
                if let id = input.externalID {
                    if let first = firstLineOfID[id] {
                        problems.append(ImportProblem(
                            line: number, field: "id", message: "\"\(id)\" is already used on line \(first)"
                        ))
                        continue
                    }
                    firstLineOfID[id] = number
                }
                var localImages: [(path: String, info: ImageInfo)?] = []
                for (index, image) in input.images.enumerated() {
                    if image.src.hasPrefix("http://") || image.src.hasPrefix("https://") {
                        localImages.append(nil)
                        continue
                    }
                    let file = image.src.hasPrefix("/") ? image.src : baseDirectory + "/" + image.src
                    do throws(ImageError) {
                        localImages.append((file, try inspector.inspect(path: file)))
                    } catch {
                        problems.append(ImportProblem(line: number, field: "images[\(index)].src", message: error.description))
                    }
                }
                checked.append(CheckedLine(line: number, input: input, localImages: localImages))
            }
        }
        if checked.isEmpty && problems.isEmpty {
            problems.append(ImportProblem(line: 0, field: nil, message: "the file has no articles"))
        }
        guard problems.isEmpty else { throw ImportFileRejected(problems: problems) }
        return checked
    }

    /// Copies the line's local images into the media directory under names made from their content, and points the
    /// article (its image list and the Markdown that places them) at the copies.
    func storeImages(of line: CheckedLine) throws -> ArticleInput {
        var input = line.input
        for (index, local) in line.localImages.enumerated() {
            guard let local else { continue }
            let stored = try copyIntoMedia(path: local.path, format: local.info.format)
            let original = input.images[index].src
            input.images[index].src = stored
            input.images[index].width = local.info.width
            input.images[index].height = local.info.height
            input.body = Self.replacingImageReferences(in: input.body, from: original, to: stored)
        }
        return input
    }

    /// Rewrites Markdown image destinations `](from)` and `](from "title")` to point at `to`.
    static func replacingImageReferences(in markdown: String, from: String, to: String) -> String {
        guard from != to else { return markdown }
        return markdown
            .replacingOccurrences(of: "](\(from))", with: "](\(to))")
            .replacingOccurrences(of: "](\(from) ", with: "](\(to) ")
            .replacingOccurrences(of: "](<\(from)>", with: "](<\(to)>")
    }

    /// Copies a file to `imports/xx/<hash>.<ext>` under the media directory, unless the same content is there already.
    private func copyIntoMedia(path: String, format: ImageFormat) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportFileRejected(problems: [ImportProblem(line: 0, field: nil, message: "cannot read \(path)")])
        }
        let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let relative = "imports/\(hash.prefix(2))/\(hash.prefix(24)).\(format.fileExtension)"
        let destination = URL(fileURLWithPath: mediaDirectory).appendingPathComponent(relative)
        if !FileManager.default.fileExists(atPath: destination.path) {
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: destination, options: .atomic)
        }
        return relative
    }
}
