import Foundation
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

/// The stores a media-library test uses.
typealias LibraryStore = UserStore & MediaLibraryStore & AuditLog & TaxonomyStore

/// A store with the accounts the media-library tests act as: two reporters and a section editor.
struct Library {
    let store: any LibraryStore
    let reporter: User
    let otherReporter: User
    let sectionEditor: User

    /// The fixture clock `minutes` after `Fixtures.now`.
    static func time(_ minutes: Double) -> Date { Fixtures.now.addingTimeInterval(minutes * 60) }

    /// Runs `body` with a fresh library on `backend`.
    static func with(_ backend: Backend, _ body: (Library) async throws -> Void) async throws {
        try await backend.withStore { (store: any LibraryStore) async throws in
            func user(_ email: String, _ name: String, _ roles: Set<Role>) async throws -> User {
                try await store.createUser(NewUser(email: email, name: name, roles: roles, passwordHash: "h"), now: Fixtures.now)
            }
            try await body(Library(
                store: store,
                reporter: try await user("pv@bao.example", "Nguyễn Phóng Viên", [.reporter]),
                otherReporter: try await user("pv2@bao.example", "Lê Phóng Viên", [.reporter]),
                sectionEditor: try await user("btv@bao.example", "Trần Biên Tập", [.sectionEditor])
            ))
        }
    }
}

@Suite("Media library", .tags(.postgres), .timeLimit(.minutes(2)))
struct MediaLibraryTests {
    static let variants = [
        MediaVariant(width: 320, height: 213, format: "webp", src: "library/ab/ab12-320.webp"),
        MediaVariant(width: 320, height: 213, format: "jpeg", src: "library/ab/ab12-320.jpg"),
        MediaVariant(width: 640, height: 427, format: "webp", src: "library/ab/ab12-640.webp"),
        MediaVariant(width: 640, height: 427, format: "jpeg", src: "library/ab/ab12-640.jpg"),
    ]

    static func upload(
        _ newsroom: Library, src: String = "library/ab/ab12.jpg", alt: String = "Cầu Rồng về đêm",
        caption: String = "Cầu Rồng phun lửa tối thứ Bảy", credit: String = "Phạm Văn Tuấn/TTXVN", by user: User? = nil,
        minutes: Double = 0
    ) async throws -> Media {
        try await newsroom.store.addMedia(
            NewMedia(
                src: src, width: 800, height: 533, alt: alt, caption: caption, credit: credit, rights: "Ảnh TTXVN, chỉ dùng trên báo điện tử",
                variants: variants, uploadedBy: (user ?? newsroom.reporter).id, originalName: "cau-rong.jpg", byteCount: 123_456
            ),
            now: Library.time(minutes)
        )
    }

    @Test("an upload is stored once with its metadata, variants and uploader, and audited", arguments: Backend.allCases)
    func addAndRead(_ backend: Backend) async throws {
        try await Library.with(backend) { (newsroom: Library) async throws in
            let media = try await Self.upload(newsroom)
            #expect(media.alt == "Cầu Rồng về đêm")
            #expect(media.rights == "Ảnh TTXVN, chỉ dùng trên báo điện tử")
            #expect(media.variants == Self.variants)
            #expect(media.uploadedBy == newsroom.reporter.id)
            #expect(try await newsroom.store.media(id: media.id) == media)
            #expect(try await newsroom.store.media(src: "library/ab/ab12.jpg") == media)
            #expect(try await newsroom.store.media(src: "library/ab/nothing.jpg") == nil)
            #expect(media.srcset(format: "webp") == "library/ab/ab12-320.webp 320w, library/ab/ab12-640.webp 640w")
            #expect(media.srcset(format: "png") == nil)

            let audit = try await newsroom.store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 5)).items
            #expect(audit.first?.action == "media.upload")
            #expect(audit.first?.userID == newsroom.reporter.id)
            #expect(audit.first?.actorName == newsroom.reporter.name)

            let error = await #expect(throws: StorageError.self) { _ = try await Self.upload(newsroom) }
            #expect(error == .conflict("the library already holds library/ab/ab12.jpg"))
            #expect(try await newsroom.store.searchMedia(query: "", page: PageRequest(number: 1, size: 10)).totalCount == 1)
        }
    }

    @Test("alt text is required and every text has a limit; nothing is stored", arguments: Backend.allCases)
    func validation(_ backend: Backend) async throws {
        try await Library.with(backend) { (newsroom: Library) async throws in
            let error = await #expect(throws: ValidationErrors.self) {
                _ = try await Self.upload(newsroom, alt: "   ", credit: String(repeating: "x", count: MediaLimits.credit + 1))
            }
            #expect(error?.errors.map(\.field) == ["alt", "credit"])
            #expect(error?.errors.map(\.code) == ["required", "too-long"])
            #expect(try await newsroom.store.searchMedia(query: "", page: PageRequest(number: 1, size: 10)).totalCount == 0)
        }
    }

    @Test("search finds caption and credit with or without diacritics, every word, newest first", arguments: Backend.allCases)
    func search(_ backend: Backend) async throws {
        try await Library.with(backend) { (newsroom: Library) async throws in
            let bridge = try await Self.upload(newsroom, minutes: 0)
            let market = try await Self.upload(
                newsroom, src: "library/cd/cd34.jpg", alt: "Chợ nổi", caption: "Chợ nổi Cái Răng lúc bình minh",
                credit: "Nguyễn Đức Hòa", minutes: 5
            )
            let shown = try await Self.upload(
                newsroom, src: "library/ef/ef56.jpg", alt: "Ảnh 100% thật", caption: "Đường phố Hà Nội", credit: "Reuters", minutes: 10
            )
            func search(_ query: String) async throws -> [MediaID] {
                try await newsroom.store.searchMedia(query: query, page: PageRequest(number: 1, size: 10)).items.map(\.id)
            }
            #expect(try await search("") == [shown.id, market.id, bridge.id])
            #expect(try await search("cầu rồng") == [bridge.id])
            #expect(try await search("CAU RONG") == [bridge.id])
            #expect(try await search("cái răng") == [market.id])
            #expect(try await search("cai rang") == [market.id])
            // By credit, đ folded to d.
            #expect(try await search("Đức Hòa") == [market.id])
            #expect(try await search("duc hoa") == [market.id])
            #expect(try await search("pham tuan") == [bridge.id])
            #expect(try await search("ttxvn") == [bridge.id])
            // Every word must occur; LIKE wildcards in a query are plain characters.
            #expect(try await search("cầu răng") == [])
            #expect(try await search("%") == [shown.id])
            #expect(try await search("_") == [])

            let second = try await newsroom.store.searchMedia(query: "", page: PageRequest(number: 2, size: 2))
            #expect(second.items.map(\.id) == [bridge.id])
            #expect(second.totalCount == 3)
        }
    }

    @Test("an update replaces the metadata, is searchable at once and audited; reporters edit only their own", arguments: Backend.allCases)
    func update(_ backend: Backend) async throws {
        try await Library.with(backend) { (newsroom: Library) async throws in
            let media = try await Self.upload(newsroom, by: newsroom.reporter)
            let updated = try await newsroom.store.updateMedia(
                id: media.id, alt: "  Cầu Rồng  ", caption: "Cầu Rồng, Đà Nẵng", credit: "Lê Minh", rights: "Tự do sử dụng",
                actor: newsroom.reporter, now: Library.time(1)
            )
            #expect(updated.alt == "Cầu Rồng")
            #expect(updated.credit == "Lê Minh")
            #expect(updated.variants == media.variants)
            #expect(try await newsroom.store.media(id: media.id) == updated)
            let found = try await newsroom.store.searchMedia(query: "le minh da nang", page: PageRequest(number: 1, size: 10))
            #expect(found.items.map(\.id) == [media.id])
            #expect(try await newsroom.store.searchMedia(query: "tuan", page: PageRequest(number: 1, size: 10)).items.isEmpty)
            let audit = try await newsroom.store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 5)).items
            #expect(audit.first?.action == "media.update")
            #expect(audit.first?.userID == newsroom.reporter.id)

            let denial = await #expect(throws: WorkflowDenial.self) {
                _ = try await newsroom.store.updateMedia(
                    id: media.id, alt: "Khác", caption: "", credit: "", rights: "", actor: newsroom.otherReporter, now: Library.time(2)
                )
            }
            #expect(denial?.code == "not-permitted")
            #expect(try await newsroom.store.media(id: media.id) == updated)
            // An editor may change anyone's image.
            _ = try await newsroom.store.updateMedia(
                id: media.id, alt: "Cầu Rồng về đêm", caption: "", credit: "", rights: "", actor: newsroom.sectionEditor,
                now: Library.time(3)
            )
            await #expect(throws: ValidationErrors.self) {
                _ = try await newsroom.store.updateMedia(
                    id: media.id, alt: "", caption: "", credit: "", rights: "", actor: newsroom.sectionEditor, now: Library.time(4)
                )
            }
            await #expect(throws: StorageError.notFound("media 999")) {
                _ = try await newsroom.store.updateMedia(
                    id: MediaID(999), alt: "x", caption: "", credit: "", rights: "", actor: newsroom.sectionEditor, now: Library.time(5)
                )
            }
        }
    }

    @Test("placing a library image in an article keeps its metadata where the article leaves it empty", arguments: Backend.allCases)
    func articleSaveKeepsLibraryMetadata(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { newsroom in
            let media = try await newsroom.store.addMedia(
                NewMedia(
                    src: "library/ab/ab12.jpg", width: 800, height: 533, alt: "Cầu Rồng về đêm", caption: "Cầu Rồng phun lửa tối thứ Bảy",
                    credit: "Phạm Văn Tuấn/TTXVN", rights: "Ảnh TTXVN, chỉ dùng trên báo điện tử", variants: Self.variants,
                    uploadedBy: newsroom.reporter.id, originalName: "cau-rong.jpg", byteCount: 123_456
                ),
                now: Fixtures.now
            )
            var input = Fixtures.input(id: "cau-rong", body: "Đoạn một.\n\n![Cầu](library/ab/ab12.jpg)")
            input.images = [ImageInput(src: media.src, alt: "Cầu Rồng nhìn từ bờ Đông")]
            let ids = try await Fixtures.importNew(newsroom.store, [input])
            let id = try #require(ids["cau-rong"])
            let article = try #require(try await newsroom.store.publishedArticle(id: id, now: Fixtures.now))
            let placed = try #require(article.images.first)
            // The article's own alt text wins; the caption, credit and rights it did not give stay the library's.
            #expect(placed.alt == "Cầu Rồng nhìn từ bờ Đông")
            #expect(placed.caption == media.caption)
            #expect(placed.credit == media.credit)
            #expect(placed.rights == media.rights)
            // Readers get the variants with the article.
            #expect(placed.variants == Self.variants)
            #expect(try await newsroom.store.media(id: media.id)?.caption == media.caption)
            let found = try await newsroom.store.searchMedia(query: "nhin tu bo dong", page: PageRequest(number: 1, size: 10))
            #expect(found.items.map(\.id) == [media.id])

            // Saved through the newsroom as well.
            let draft = try await newsroom.store.createArticle(
                { var input = Newsroom.input("Cầu Rồng"); input.images = [ImageInput(src: media.src, alt: "Cầu")]; return input }(),
                by: newsroom.reporter, now: Fixtures.now
            )
            #expect(draft.content.images.first?.credit == media.credit)
            #expect(draft.content.images.first?.variants == Self.variants)

            // An imported image that is not an upload still takes what its article says, empty or not.
            let plain = Fixtures.input(id: "anh-thuong", images: [ImageInput(src: "imports/ab/x.jpg", alt: "Ảnh", caption: "Chú thích")])
            try await Fixtures.importNew(newsroom.store, [plain])
            var again = plain
            again.images = [ImageInput(src: "imports/ab/x.jpg", alt: "Ảnh")]
            _ = try await newsroom.store.importArticles([again], now: Fixtures.now)
            #expect(try await newsroom.store.media(src: "imports/ab/x.jpg")?.caption == "")
        }
    }
}
