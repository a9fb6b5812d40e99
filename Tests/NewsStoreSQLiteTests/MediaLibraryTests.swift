import Foundation
import NewsDomain
import NewsStore
import NewsStoreSQLite
import NewsTestSupport
import Testing

@Suite("Media library")
struct MediaLibraryTests {
    static let variants = [
        MediaVariant(width: 320, height: 213, format: "webp", src: "library/ab/ab12-320.webp"),
        MediaVariant(width: 320, height: 213, format: "jpeg", src: "library/ab/ab12-320.jpg"),
        MediaVariant(width: 640, height: 427, format: "webp", src: "library/ab/ab12-640.webp"),
        MediaVariant(width: 640, height: 427, format: "jpeg", src: "library/ab/ab12-640.jpg"),
    ]

    static func upload(
        _ newsroom: Newsroom, src: String = "library/ab/ab12.jpg", alt: String = "Cầu Rồng về đêm",
        caption: String = "Cầu Rồng phun lửa tối thứ Bảy", credit: String = "Phạm Văn Tuấn/TTXVN", by user: User? = nil,
        minutes: Double = 0
    ) async throws -> Media {
        try await newsroom.sqlite.addMedia(
            NewMedia(
                src: src, width: 800, height: 533, alt: alt, caption: caption, credit: credit, rights: "Ảnh TTXVN, chỉ dùng trên báo điện tử",
                variants: variants, uploadedBy: (user ?? newsroom.reporter).id, originalName: "cau-rong.jpg", byteCount: 123_456
            ),
            now: Newsroom.time(minutes)
        )
    }

    @Test("placing a library image in an article keeps its metadata where the article leaves it empty")
    func articleSaveKeepsLibraryMetadata() async throws {
        let newsroom = try await Newsroom.make()
        let media = try await Self.upload(newsroom)
        var input = Fixtures.input(id: "cau-rong", body: "Đoạn một.\n\n![Cầu](library/ab/ab12.jpg)")
        input.images = [ImageInput(src: media.src, alt: "Cầu Rồng nhìn từ bờ Đông")]
        let ids = try await Fixtures.importNew(newsroom.sqlite, [input])
        let id = try #require(ids["cau-rong"])
        let article = try #require(try await newsroom.sqlite.publishedArticle(id: id, now: Fixtures.now))
        let placed = try #require(article.images.first)
        // The article's own alt text wins; the caption, credit and rights it did not give stay the library's.
        #expect(placed.alt == "Cầu Rồng nhìn từ bờ Đông")
        #expect(placed.caption == media.caption)
        #expect(placed.credit == media.credit)
        #expect(placed.rights == media.rights)
        // Readers get the variants with the article.
        #expect(placed.variants == Self.variants)
        #expect(try await newsroom.sqlite.media(id: media.id)?.caption == media.caption)
        let found = try await newsroom.sqlite.searchMedia(query: "nhin tu bo dong", page: PageRequest(number: 1, size: 10))
        #expect(found.items.map(\.id) == [media.id])

        // Saved through the newsroom as well.
        let draft = try await newsroom.sqlite.createArticle(
            { var input = Newsroom.input("Cầu Rồng"); input.images = [ImageInput(src: media.src, alt: "Cầu")]; return input }(),
            by: newsroom.reporter, now: Fixtures.now
        )
        #expect(draft.content.images.first?.credit == media.credit)
        #expect(draft.content.images.first?.variants == Self.variants)

        // An imported image that is not an upload still takes what its article says, empty or not.
        let plain = Fixtures.input(id: "anh-thuong", images: [ImageInput(src: "imports/ab/x.jpg", alt: "Ảnh", caption: "Chú thích")])
        try await Fixtures.importNew(newsroom.sqlite, [plain])
        var again = plain
        again.images = [ImageInput(src: "imports/ab/x.jpg", alt: "Ảnh")]
        _ = try await newsroom.sqlite.importArticles([again], now: Fixtures.now)
        #expect(try await newsroom.sqlite.media(src: "imports/ab/x.jpg")?.caption == "")
    }

    @Test("the media-library migration is applied")
    func migration() async throws {
        let store = try SQLiteNewsStore.inMemory()
        #expect(try await store.appliedMigrations().contains("2026-12-01-media-library"))
    }
}
