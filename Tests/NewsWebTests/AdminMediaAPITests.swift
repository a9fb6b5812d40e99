import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NewsApp
import NewsAuth
import NewsDomain
import NewsImages
import NewsRendering
import NewsStore
import NewsTestSupport
import NewsWeb
import Testing

@Suite("Admin API: the media library")
struct AdminMediaAPITests {
    static let boundary = "----toasoan-test-boundary"

    /// A `multipart/form-data` body with text fields and one file whose name is written byte for byte as given.
    static func form(file: [UInt8]?, fileName: String = "anh.jpg", fields: [(String, String)] = [("alt", "Ảnh thử")]) -> ByteBuffer {
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n")
            body.writeString("Content-Type: image/jpeg\r\n\r\n")
            body.writeBytes(file)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return body
    }

    /// Makes an account and returns the Authorization header of a fresh token.
    static func login(_ site: TestSite, _ client: some TestClientProtocol, _ role: Role, email: String? = nil) async throws -> HTTPFields {
        let email = email ?? "\(role.rawValue)@bao.example"
        _ = try await site.store.createUser(
            NewUser(email: email, name: role.label, roles: [role], passwordHash: PasswordHasher(cost: 4).hash(AdminAPISessionTests.password)),
            now: Fixtures.now
        )
        let response = try await AdminAPISessionTests.login(client, email: email)
        let token = try #require(AdminAPISessionTests.json(response)["token"] as? String)
        return [.authorization: "Bearer \(token)"]
    }

    static func upload(
        _ client: some TestClientProtocol, _ auth: HTTPFields, file: [UInt8]?, fileName: String = "anh.jpg",
        fields: [(String, String)] = [("alt", "Ảnh thử")]
    ) async throws -> (HTTPResponse.Status, [String: Any], TestResponse) {
        var headers = auth
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let response = try await client.execute(
            uri: "/api/admin/media", method: .post, headers: headers, body: form(file: file, fileName: fileName, fields: fields)
        )
        return (response.status, AdminAPISessionTests.json(response), response)
    }

    static func error(_ json: [String: Any]) -> [String: Any] { json["error"] as? [String: Any] ?? [:] }

    /// What the upload check says about a file name, or nil when it is fine.
    static func nameRefusal(_ name: String) -> UploadRefusal? {
        do {
            _ = try UploadCheck().checkName(name)
            return nil
        } catch {
            return error
        }
    }

    /// A real image painted with libvips, as bytes.
    static func painted(width: Int, height: Int, ext: String, seed: UInt64 = 7) throws -> [UInt8] {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("anh.\(ext)").path
        try IllustrationPainter().paint(Illustration(motif: .bridge, seed: seed, width: width, height: height), to: path)
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// A PNG whose header claims `width`×`height` pixels over a few bytes of garbage: a decompression bomb's header.
    static func bombPNG(width: Int, height: Int) -> [UInt8] {
        func bigEndian(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + data
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in typed {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            }
            return bigEndian(data.count) + typed + bigEndian(Int(crc ^ 0xFFFF_FFFF))
        }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + chunk("IHDR", bigEndian(width) + bigEndian(height) + [8, 2, 0, 0, 0])
            + chunk("IDAT", Array("not deflate data".utf8)) + chunk("IEND", [])
    }

    /// Regular files under the site's media folder, relative to it, sorted.
    static func files(_ site: TestSite) -> [String] {
        let root = site.media.resolvingSymlinksInPath().path
        let enumerator = FileManager.default.enumerator(atPath: root)
        var result: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }

    @Test("every media endpoint needs a token")
    func unauthenticated() async throws {
        try await TestSite.run { _, _, client in
            let jpeg = try Self.painted(width: 400, height: 300, ext: "jpg")
            let (status, json, _) = try await Self.upload(client, [:], file: jpeg)
            #expect(status == .unauthorized)
            #expect(Self.error(json)["code"] as? String == "unauthenticated")
            for (method, uri) in [(HTTPRequest.Method.get, "/api/admin/media"), (.get, "/api/admin/media/1"), (.patch, "/api/admin/media/1")] {
                try await client.execute(uri: uri, method: method) { #expect($0.status == .unauthorized, "\(method) \(uri)") }
            }
        }
    }

    @Test("a JPEG upload keeps the original, makes WebP and JPEG variants on disk, and is stored with its metadata")
    func uploadJPEG() async throws {
        try await TestSite.run { site, _, client in
            let reporter = try await Self.login(site, client, .reporter)
            let jpeg = try Self.painted(width: 700, height: 400, ext: "jpg")
            let (status, media, response) = try await Self.upload(client, reporter, file: jpeg, fileName: "Cầu Rồng.jpg", fields: [
                ("alt", "Cầu Rồng về đêm"), ("caption", "Cầu Rồng phun lửa"), ("credit", "Phạm Văn Tuấn/TTXVN"),
                ("rights", "Chỉ dùng trên báo điện tử"),
            ])
            #expect(status == .created)
            let id = try #require(media["id"] as? Int)
            #expect(response.headers[.location] == "/api/admin/media/\(id)")
            #expect(media["alt"] as? String == "Cầu Rồng về đêm")
            #expect(media["credit"] as? String == "Phạm Văn Tuấn/TTXVN")
            #expect(media["rights"] as? String == "Chỉ dùng trên báo điện tử")
            #expect(media["width"] as? Int == 700)
            #expect(media["height"] as? Int == 400)
            let src = try #require(media["src"] as? String)
            // Named by content, whatever the client called it.
            #expect(src.hasPrefix("library/") && src.hasSuffix(".jpg") && !src.contains("Cầu"))
            #expect(media["url"] as? String == "/media/\(src)")
            let variants = try #require(media["variants"] as? [[String: Any]])
            // Resized copies, then the centre crops for search engines, each as big as the picture allows at its ratio.
            #expect(variants.map { "\($0["format"] ?? "")-\($0["width"] ?? "")\(($0["aspect"] as? String).map { " \($0)" } ?? "")" } == [
                "webp-320", "jpeg-320", "webp-640", "jpeg-640", "jpeg-700 16:9", "jpeg-533 4:3", "jpeg-400 1:1",
            ])
            #expect(variants.suffix(3).map { $0["height"] as? Int } == [394, 400, 400])
            let stem = String(src.dropLast(4))
            #expect(Self.files(site) == [
                src, "\(stem)-320.jpg", "\(stem)-320.webp", "\(stem)-640.jpg", "\(stem)-640.webp", "\(stem)-16x9.jpg", "\(stem)-4x3.jpg",
                "\(stem)-1x1.jpg",
            ].sorted())
            #expect(Array(try Data(contentsOf: site.media.appendingPathComponent(src))) == jpeg, "the original is kept as sent")

            // Served by the media file middleware.
            try await client.execute(uri: "/media/\(stem)-320.webp", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/admin/media/\(id)", method: .get, headers: reporter) { response in
                #expect(response.status == .ok)
                #expect(AdminAPISessionTests.json(response)["caption"] as? String == "Cầu Rồng phun lửa")
            }
            try await client.execute(uri: "/api/admin/media/999", method: .get, headers: reporter) { #expect($0.status == .notFound) }

            // The same bytes again: the image already in the library, unchanged, and no new files.
            let (again, same, _) = try await Self.upload(client, reporter, file: jpeg, fileName: "khac.jpg", fields: [("alt", "Khác")])
            #expect(again == .ok)
            #expect(same["id"] as? Int == id)
            #expect(same["alt"] as? String == "Cầu Rồng về đêm")
            #expect(Self.files(site).count == 8)
        }
    }

    @Test("a PNG narrower than every variant width gets variants at its own width; type is decided by decoding")
    func uploadPNG() async throws {
        try await TestSite.run { site, _, client in
            let editor = try await Self.login(site, client, .sectionEditor)
            let png = try Self.painted(width: 300, height: 200, ext: "png")
            let (status, media, _) = try await Self.upload(client, editor, file: png, fileName: "bieu-do.jpg")
            #expect(status == .created)
            let src = try #require(media["src"] as? String)
            #expect(src.hasSuffix(".png"))
            let variants = try #require(media["variants"] as? [[String: Any]])
            // A 300×200 picture is big enough for 16:9 and 4:3 crops (over 50,000 pixels), not for a 1:1 one.
            #expect(variants.map { "\($0["format"] ?? "")-\($0["width"] ?? "")\(($0["aspect"] as? String).map { " \($0)" } ?? "")" } == [
                "webp-300", "png-300", "png-300 16:9", "png-266 4:3",
            ])
            #expect(Self.files(site).count == 5)
        }
    }

    @Test(
        "a refused upload answers 422 for the field file with the refusal's message, and leaves no file behind",
        arguments: [
            ("not-an-image", "photo.jpg", "text"),
            ("too-many-pixels", "bomb.png", "bomb"),
            ("bad-name", "../../etc/passwd.jpg", "jpeg"),
            ("bad-name", "anh/dep.jpg", "jpeg"),
            ("bad-name", "anh\u{0}.jpg", "jpeg"),
            ("bad-name", ".htaccess.jpg", "jpeg"),
            ("empty", "rong.jpg", "empty"),
        ]
    )
    func refusals(code: String, fileName: String, content: String) async throws {
        try await TestSite.run { site, _, client in
            let reporter = try await Self.login(site, client, .reporter)
            let bytes: [UInt8] = switch content {
            case "text": Array("Đây là một tệp văn bản, không phải ảnh.\n".utf8)
            case "bomb": Self.bombPNG(width: 10_000, height: 10_000)
            case "empty": []
            default: try Self.painted(width: 400, height: 300, ext: "jpg")
            }
            let (status, json, _) = try await Self.upload(client, reporter, file: bytes, fileName: fileName)
            #expect(status == .unprocessableContent)
            let error = Self.error(json)
            #expect(error["code"] as? String == code)
            #expect(error["field"] as? String == "file")
            let message = try #require(error["message"] as? String)
            let expected: UploadRefusal? = switch code {
            case "not-an-image": .notAnImage(name: fileName)
            case "too-many-pixels": .tooManyPixels(name: fileName, width: 10_000, height: 10_000, limit: 50_000_000)
            case "empty": .empty(name: fileName)
            default: Self.nameRefusal(fileName)
            }
            #expect(message == expected?.description)
            #expect(Self.files(site) == [])
            #expect(try await site.store.searchMedia(query: "", page: PageRequest(number: 1, size: 10)).totalCount == 0)
        }
    }

    @Test("a file over the configured size is refused by name; a body far over it is cut off with 413")
    func tooLarge() async throws {
        try await TestSite.run(maxUploadBytes: 2_000) { site, _, client in
            let reporter = try await Self.login(site, client, .reporter)
            let jpeg = try Self.painted(width: 400, height: 300, ext: "jpg")
            #expect(jpeg.count > 2_000)
            let (status, json, _) = try await Self.upload(client, reporter, file: jpeg, fileName: "lon.jpg")
            #expect(status == .unprocessableContent)
            #expect(Self.error(json)["code"] as? String == "too-large")
            #expect(Self.error(json)["field"] as? String == "file")
            #expect(Self.error(json)["message"] as? String == UploadRefusal.tooLarge(name: "lon.jpg", bytes: jpeg.count, limit: 2_000).description)

            let huge = [UInt8](repeating: 0xFF, count: 2_000 + MultipartForm.overhead + 1)
            let (cut, cutJSON, _) = try await Self.upload(client, reporter, file: huge, fileName: "rat-lon.jpg")
            #expect(cut == .contentTooLarge)
            #expect(Self.error(cutJSON)["field"] as? String == "file")
            #expect(Self.files(site) == [])
        }
    }

    @Test("bad metadata and a missing file are field errors; a form that is not multipart is refused")
    func badInput() async throws {
        try await TestSite.run { site, _, client in
            let reporter = try await Self.login(site, client, .reporter)
            let jpeg = try Self.painted(width: 400, height: 300, ext: "jpg")
            let (noAlt, noAltJSON, _) = try await Self.upload(client, reporter, file: jpeg, fields: [("caption", "Không có alt")])
            #expect(noAlt == .unprocessableContent)
            #expect(Self.error(noAltJSON)["field"] as? String == "alt")
            let (noFile, noFileJSON, _) = try await Self.upload(client, reporter, file: nil)
            #expect(noFile == .unprocessableContent)
            #expect(Self.error(noFileJSON)["field"] as? String == "file")
            var json = reporter
            json[.contentType] = "application/json"
            try await client.execute(uri: "/api/admin/media", method: .post, headers: json, body: ByteBuffer(string: "{}")) {
                #expect($0.status == .unsupportedMediaType)
            }
            #expect(Self.files(site) == [])
        }
    }

    @Test("the library is searched by caption and credit, with or without diacritics, newest first")
    func search() async throws {
        try await TestSite.run { site, _, client in
            let reporter = try await Self.login(site, client, .reporter)
            let (_, bridge, _) = try await Self.upload(
                client, reporter, file: try Self.painted(width: 400, height: 300, ext: "jpg", seed: 1),
                fields: [("alt", "Cầu"), ("caption", "Cầu Rồng về đêm"), ("credit", "Nguyễn Đức")]
            )
            let (_, market, _) = try await Self.upload(
                client, reporter, file: try Self.painted(width: 400, height: 300, ext: "jpg", seed: 2),
                fields: [("alt", "Chợ"), ("caption", "Chợ nổi Cái Răng"), ("credit", "Reuters")]
            )
            func search(_ query: String) async throws -> [Int] {
                let response = try await client.execute(uri: "/api/admin/media?\(query)", method: .get, headers: reporter)
                #expect(response.status == .ok)
                let items = AdminAPISessionTests.json(response)["items"] as? [[String: Any]] ?? []
                return items.compactMap { $0["id"] as? Int }
            }
            let (bridgeID, marketID) = (try #require(bridge["id"] as? Int), try #require(market["id"] as? Int))
            #expect(try await search("") == [marketID, bridgeID])
            #expect(try await search("q=cai%20rang") == [marketID])
            #expect(try await search("q=C%C3%A1i%20R%C4%83ng") == [marketID])
            #expect(try await search("q=duc") == [bridgeID])
            #expect(try await search("q=%C4%90%E1%BB%A9c") == [bridgeID])
            #expect(try await search("q=khong-co") == [])
            #expect(try await search("page=2&per_page=1") == [bridgeID])
            let page = try await client.execute(uri: "/api/admin/media?per_page=1", method: .get, headers: reporter)
            #expect(AdminAPISessionTests.json(page)["total"] as? Int == 2)
            #expect(AdminAPISessionTests.json(page)["page_count"] as? Int == 2)
            try await client.execute(uri: "/api/admin/media?page=0", method: .get, headers: reporter) {
                #expect($0.status == .unprocessableContent)
            }
        }
    }

    @Test("reporters change only what they uploaded; editors change any image; the change is audited")
    func patch() async throws {
        try await TestSite.run { site, _, client in
            let author = try await Self.login(site, client, .reporter)
            let other = try await Self.login(site, client, .reporter, email: "pv2@bao.example")
            let editor = try await Self.login(site, client, .sectionEditor)
            let (_, media, _) = try await Self.upload(
                client, author, file: try Self.painted(width: 400, height: 300, ext: "jpg"),
                fields: [("alt", "Cầu"), ("caption", "Cầu Rồng"), ("credit", "PV")]
            )
            let id = try #require(media["id"] as? Int)
            func patch(_ auth: HTTPFields, _ body: String) async throws -> (HTTPResponse.Status, [String: Any]) {
                var headers = auth
                headers[.contentType] = "application/json"
                return try await AdminArticleAPITests.send(client, .patch, "/api/admin/media/\(id)", headers, body)
            }
            let (forbidden, denial) = try await patch(other, #"{"caption": "Của người khác"}"#)
            #expect(forbidden == .forbidden)
            #expect(Self.error(denial)["code"] as? String == "not-permitted")
            let (ok, changed) = try await patch(author, #"{"caption": "Cầu Rồng, Đà Nẵng", "rights": "CC BY 4.0"}"#)
            #expect(ok == .ok)
            #expect(changed["caption"] as? String == "Cầu Rồng, Đà Nẵng")
            #expect(changed["alt"] as? String == "Cầu", "fields left out keep their value")
            #expect(changed["rights"] as? String == "CC BY 4.0")
            #expect(try await patch(editor, #"{"credit": "Ban Ảnh"}"#).0 == .ok)
            let (invalid, problems) = try await patch(editor, #"{"alt": " "}"#)
            #expect(invalid == .unprocessableContent)
            #expect(Self.error(problems)["field"] as? String == "alt")
            let stored = try await site.store.media(id: MediaID(Int64(id)))
            #expect(stored?.caption == "Cầu Rồng, Đà Nẵng")
            #expect(stored?.credit == "Ban Ảnh")
            let audit = try await site.store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 10)).items.map(\.action)
            #expect(audit.filter { $0.hasPrefix("media.") } == ["media.update", "media.update", "media.upload"])
        }
    }

    @Test("an article placing an uploaded image gives readers WebP srcset and sizes")
    func readerSrcset() async throws {
        try await TestSite.run { site, _, client in
            let editor = try await Self.login(site, client, .sectionEditor)
            let (_, media, _) = try await Self.upload(
                client, editor, file: try Self.painted(width: 700, height: 400, ext: "jpg"),
                fields: [("alt", "Cầu Rồng"), ("caption", "Cầu Rồng về đêm"), ("credit", "TTXVN")]
            )
            let src = try #require(media["src"] as? String)
            let stem = String(src.dropLast(4))
            let input = Fixtures.input(
                id: "cau-rong", title: "Cầu Rồng", images: [ImageInput(src: src, alt: "Cầu Rồng")],
                body: "Đoạn một.\n\n![Cầu Rồng](\(src))\n\nĐoạn hai."
            )
            let ids = try await Fixtures.importNew(site.store, [input])
            let id = try #require(ids["cau-rong"])
            try await site.follower.poll()
            let response = try await client.execute(uri: "/cau-rong-\(id).html", method: .get)
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains(
                "<img src=\"/media/\(stem)-640.jpg\" srcset=\"/media/\(stem)-320.webp 320w, /media/\(stem)-640.webp 640w\" sizes=\"(max-width: 720px) 100vw, 720px\""
            ), "\(html)")
            // What the article left empty is the library's.
            #expect(html.contains("Cầu Rồng về đêm (Ảnh: TTXVN)"))
        }
    }
}

extension TestSite {
    /// Runs `body` against an empty site whose uploads may have at most `maxUploadBytes` bytes.
    static func run(
        maxUploadBytes: Int, _ body: @Sendable (TestSite, [String: ArticleID], any TestClientProtocol) async throws -> Void
    ) async throws {
        let store = try await Fixtures.emptyStore()
        try await store.saveSiteSettings(Fixtures.settings)
        let media = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: media) }
        let parts = NewsApplication.Parts(
            store: store, theme: try Theme.load(from: Fixtures.themeDirectory), mediaDirectory: media.path, newsroom: store,
            hasher: PasswordHasher(cost: 4), maxUploadBytes: maxUploadBytes
        )
        let (router, cache) = NewsApplication.router(parts: parts, clock: { Fixtures.now }, logger: Logger(label: "test"))
        let follower = ContentChangeFollower(log: store, cache: cache, after: try await store.latestChangeSequence())
        let site = TestSite(store: store, cache: cache, follower: follower, media: media)
        try await Application(router: router).test(.router) { client in
            try await body(site, [:], client)
        }
    }
}
