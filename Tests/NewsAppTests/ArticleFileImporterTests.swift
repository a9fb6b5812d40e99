import Foundation
import NewsApp
import NewsDomain
import NewsImages
import NewsStore
import NewsStoreSQLite
import NewsTestSupport
import Testing

@Suite("toasoan import: JSON Lines files")
struct ArticleFileImporterTests {
    /// A folder with `lines` written to `articles.jsonl` and a real JPEG `photo.jpg`.
    static func folder(_ lines: [String]) throws -> URL {
        let folder = try Fixtures.temporaryFolder()
        try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("articles.jsonl"), atomically: true, encoding: .utf8)
        try IllustrationPainter().paint(Illustration(motif: .sea, seed: 1, width: 320, height: 180), to: folder.appendingPathComponent("photo.jpg").path)
        try "not an image".write(to: folder.appendingPathComponent("fake.jpg"), atomically: true, encoding: .utf8)
        return folder
    }

    static func line(_ id: String, _ overrides: [String: Any] = [:], removing: [String] = []) -> String {
        var record: [String: Any] = [
            "id": id, "title": "Tiêu đề bài \(id)", "sapo": "Sapo của bài \(id).", "body": "Đoạn mở đầu.\n\n![Ảnh sông](photo.jpg)\n\nĐoạn kết.",
            "section": "the-gioi", "section_name": "Thế giới", "tags": ["sông Mekong", "Cần Thơ"], "topic": "Hội nghị Mekong",
            "author": "Trần Minh Thử", "published_at": "2023-12-22T09:00:00+07:00",
            "images": [["src": "photo.jpg", "alt": "Con thuyền trên sông", "caption": "Bến sông buổi sớm", "credit": "Lê Minh"]],
        ]
        for (key, value) in overrides { record[key] = value }
        for key in removing { record[key] = nil }
        let data = try! JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func importer(_ store: SQLiteNewsStore, media: URL) -> ArticleFileImporter {
        ArticleFileImporter(store: store, mediaDirectory: media.path, clock: { Fixtures.now })
    }

    @Test("a valid file is imported: sections, tags, topic, byline, images copied by content and placed in the body")
    func imports() async throws {
        let folder = try Self.folder([Self.line("s-1"), "", Self.line("s-2", ["status": "draft"], removing: ["published_at"])])
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteNewsStore.inMemory()
        let result = try await Self.importer(store, media: folder.appendingPathComponent("media"))
            .importFile(at: folder.appendingPathComponent("articles.jsonl").path, progress: SilentProgress())
        #expect(result.created.count == 2)
        let article = try #require(try await store.publishedArticle(id: result.created[0], now: Fixtures.now))
        #expect(article.section.name == "Thế giới")
        #expect(article.tags.map(\.slug) == ["song-mekong", "can-tho"])
        #expect(article.topic?.name == "Hội nghị Mekong")
        #expect(article.authors.map(\.name) == ["Trần Minh Thử"])
        let image = try #require(article.featuredImage)
        #expect(image.src.hasPrefix("imports/"))
        #expect(image.width == 320 && image.height == 180)
        #expect(image.credit == "Lê Minh")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("media").appendingPathComponent(image.src).path))
        #expect(article.body.contains("](\(image.src))"))
        #expect(try await store.publishedArticle(id: result.created[1], now: Fixtures.now) == nil)
    }

    @Test("a large import ends by merging the search index into one part; a small one does not")
    func mergesIndexAfterLargeImport() async throws {
        let folder = try Self.folder([Self.line("s-1"), Self.line("s-2"), Self.line("s-3")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("articles.jsonl").path
        let store = try SQLiteNewsStore.inMemory()
        // One part per import before: the first file's articles are in their own part.
        try await Fixtures.importNew(store, [Fixtures.input(id: "before", title: "Tiêu đề trước")])
        for (threshold, merges) in [(3, false), (2, true)] {
            let phases = PhaseRecorder()
            let importer = ArticleFileImporter(
                store: store, mediaDirectory: folder.appendingPathComponent("media").path, clock: { Fixtures.now },
                mergeThreshold: threshold
            )
            try await importer.importFile(at: path, progress: phases)
            #expect(phases.seen.contains("merging the search index") == merges, "threshold \(threshold)")
            let parts = try await store.searchIndexSegmentCount()
            #expect(merges ? parts == 1 : parts > 1, "threshold \(threshold): \(parts) parts")
        }
        let hits = try await store.search(SearchRequest(query: "tieu de", scope: .published(now: Fixtures.now)))
        #expect(hits.totalCount == 4)
    }

    @Test("importing the same ids again updates the articles and never duplicates them")
    func reimport() async throws {
        let folder = try Self.folder([Self.line("s-1")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteNewsStore.inMemory()
        let importer = Self.importer(store, media: folder.appendingPathComponent("media"))
        let path = folder.appendingPathComponent("articles.jsonl").path
        let first = try await importer.importFile(at: path, progress: SilentProgress())
        let second = try await importer.importFile(at: path, progress: SilentProgress())
        #expect(second.updated == first.created)
        #expect(try await store.articleCount() == 1)
    }

    @Test("text in NFD is stored as NFC")
    func nfd() async throws {
        let nfd = "Người dân Hà Nội đón Tết".decomposedStringWithCanonicalMapping
        let folder = try Self.folder([Self.line("nfd", ["title": nfd])])
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteNewsStore.inMemory()
        let result = try await Self.importer(store, media: folder.appendingPathComponent("media"))
            .importFile(at: folder.appendingPathComponent("articles.jsonl").path, progress: SilentProgress())
        let article = try #require(try await store.publishedArticle(id: result.created[0], now: Fixtures.now))
        #expect(Array(article.title.utf8) == Array("Người dân Hà Nội đón Tết".utf8))
        #expect(article.slug == "nguoi-dan-ha-noi-don-tet")
    }

    @Test("every bad line is reported with its line number and field, and nothing is imported")
    func rejects() async throws {
        let lines = [
            Self.line("ok"),
            "{ this is not json",
            Self.line("no-title", removing: ["title"]),
            Self.line("bad-date", ["published_at": "22/12/2023 10:30"]),
            Self.line("ok"),
            Self.line("no-offset", ["published_at": "2023-12-22T10:30:00"]),
            Self.line("not-image", ["images": [["src": "fake.jpg", "alt": "Giả"]]]),
            Self.line("extra", ["colour": "red"]),
            Self.line("tags", ["tags": "một chuỗi"]),
            "[1, 2]",
            Self.line("future", ["published_at": "2030-01-01T00:00:00+07:00"]),
            Self.line("status", ["status": "approved"]),
        ]
        let folder = try Self.folder(lines)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteNewsStore.inMemory()
        do {
            try await Self.importer(store, media: folder.appendingPathComponent("media"))
                .importFile(at: folder.appendingPathComponent("articles.jsonl").path, progress: SilentProgress())
            Issue.record("expected the file to be refused")
        } catch let rejected as ImportFileRejected {
            let located = rejected.problems.map { "\($0.line) \($0.field ?? "-")" }
            #expect(located == [
                "2 -", "3 title", "4 published_at", "5 id", "6 published_at", "7 images[0].src", "8 colour", "9 tags",
                "10 -", "11 published_at", "12 status",
            ])
            #expect(rejected.problems[3].message == "\"ok\" is already used on line 1")
            #expect(rejected.description.hasPrefix("nothing was imported; 11 problems found:"))
        }
        #expect(try await store.articleCount() == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("media/imports").path))
    }

    @Test("an unreadable or empty file is refused clearly")
    func emptyFile() async throws {
        let folder = try Self.folder([])
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteNewsStore.inMemory()
        let importer = Self.importer(store, media: folder)
        await #expect(throws: ImportFileRejected(problems: [ImportProblem(line: 0, field: nil, message: "the file has no articles")])) {
            try await importer.importFile(at: folder.appendingPathComponent("articles.jsonl").path, progress: SilentProgress())
        }
        await #expect(throws: ImportFileRejected.self) {
            try await importer.importFile(at: folder.appendingPathComponent("missing.jsonl").path, progress: SilentProgress())
        }
    }
}

/// The phases an import reported.
private final class PhaseRecorder: ImportProgress, @unchecked Sendable {
    private let lock = NSLock()
    private var phases: [String] = []
    func update(phase: String, done: Int, total: Int) { lock.withLock { if phases.last != phase { phases.append(phase) } } }
    func finish(_ summary: String) {}
    var seen: [String] { lock.withLock { phases } }
}
