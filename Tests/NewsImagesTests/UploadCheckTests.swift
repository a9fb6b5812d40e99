import Foundation
import Testing

@testable import NewsImages

extension NewsImagesTests {
    @Suite struct UploadCheckTests {
        let check = UploadCheck()
        let painter = IllustrationPainter()

        // MARK: Accepted

        @Test(arguments: [
            ("jpg", "photo.png", ImageFormat.jpeg),
            ("png", "photo.jpg", .png),
            ("webp", "ảnh.gif", .webp),
            ("gif", "hình.webp", .gif),
            ("png", "no extension", .png),
        ])
        func acceptsImagesByWhatTheyAreWhateverTheyAreCalled(written: String, sentName: String, format: ImageFormat) throws {
            try TemporaryDirectory.with { directory throws in
                let path = directory.file("upload-1." + written)
                try painter.paint(Illustration(motif: .lanterns, seed: 1, width: 320, height: 180), to: path)
                #expect(try check.check(path: path, name: sentName) == ImageInfo(width: 320, height: 180, format: format))
            }
        }

        @Test func acceptsAFileExactlyAtTheSizeLimit() throws {
            try TemporaryDirectory.with { directory throws in
                let path = directory.file("upload")
                try painter.paint(Illustration(motif: .sea, seed: 2, width: 320, height: 180), to: path + ".jpg")
                let size = try bytes(at: path + ".jpg").count
                #expect(try UploadCheck(maxBytes: size).check(path: path + ".jpg", name: "sea.jpg").format == .jpeg)
                #expect(throws: UploadRefusal.tooLarge(name: "sea.jpg", bytes: size, limit: size - 1)) {
                    try UploadCheck(maxBytes: size - 1).check(path: path + ".jpg", name: "sea.jpg")
                }
            }
        }

        @Test(arguments: [
            "photo.jpg", "Ảnh bìa – Hà Nội (2025).JPG", "a.b.c.png", "tên..hai chấm.jpg", "x", "😀.gif",
            String(repeating: "ả", count: 85), // 255 bytes: each "ả" is 3 in UTF-8
        ])
        func keepsGoodNamesAsSent(name: String) throws {
            #expect(try check.checkName(name) == name)
        }

        // MARK: Refused

        @Test func refusesAFileOverTheSizeLimit() throws {
            try TemporaryDirectory.with { directory throws in
                let path = directory.file("upload.jpg")
                try painter.paint(Illustration(motif: .skyline, seed: 3, width: 640, height: 360), to: path)
                let size = try bytes(at: path).count
                #expect(size > 1000)
                #expect(throws: UploadRefusal.tooLarge(name: "skyline.jpg", bytes: size, limit: 1000)) {
                    try UploadCheck(maxBytes: 1000).check(path: path, name: "skyline.jpg")
                }
            }
        }

        @Test func theSizeIsCheckedBeforeAByteIsParsed() throws {
            try TemporaryDirectory.with { directory throws in
                // A JPEG padded with zeros (sparse: no disk used) to the 20 MB limit still passes; one byte
                // more is too large, said before anything else is looked at.
                let limit = 20 * 1024 * 1024
                let path = directory.file("upload.jpg")
                try painter.paint(Illustration(motif: .bridge, seed: 3, width: 320, height: 180), to: path)
                #expect(truncate(path, off_t(limit)) == 0)
                #expect(try check.check(path: path, name: "bridge.jpg") == ImageInfo(width: 320, height: 180, format: .jpeg))
                #expect(truncate(path, off_t(limit + 1)) == 0)
                #expect(throws: UploadRefusal.tooLarge(name: "bridge.jpg", bytes: limit + 1, limit: limit)) {
                    try check.check(path: path, name: "bridge.jpg")
                }
            }
        }

        @Test func refusesAnEmptyFile() throws {
            try TemporaryDirectory.with { directory throws in
                let path = try directory.write("", to: "upload")
                #expect(throws: UploadRefusal.empty(name: "photo.jpg")) { try check.check(path: path, name: "photo.jpg") }
            }
        }

        @Test func refusesTextNamedAsAJPEG() throws {
            try TemporaryDirectory.with { directory throws in
                let path = try directory.write("Tin nóng: đây không phải là ảnh.\n", to: "upload")
                #expect(throws: UploadRefusal.notAnImage(name: "tin-nong.jpg")) { try check.check(path: path, name: "tin-nong.jpg") }
            }
        }

        @Test func refusesAJPEGCutShortInItsHeader() throws {
            try TemporaryDirectory.with { directory throws in
                let whole = directory.file("whole.jpg")
                try painter.paint(Illustration(motif: .books, seed: 4, width: 200, height: 100), to: whole)
                let path = directory.file("upload")
                try bytes(at: whole).prefix(24).write(to: URL(fileURLWithPath: path))
                #expect(throws: UploadRefusal.notAnImage(name: "books.jpg")) { try check.check(path: path, name: "books.jpg") }
            }
        }

        @Test func refusesAnSVGNamedAsAPNG() throws {
            try TemporaryDirectory.with { directory throws in
                let path = try directory.write(
                    #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>"#,
                    to: "upload"
                )
                // Debian's libvips reads SVG (librsvg), so the file is recognised, and refused by name.
                #expect(throws: UploadRefusal.unsupportedFormat(name: "logo.png", detected: "svg")) {
                    try check.check(path: path, name: "logo.png")
                }
            }
        }

        @Test func refusesADecompressionBombAtTheDefaultLimit() throws {
            try TemporaryDirectory.with { directory throws in
                // 100 megapixels in ~80 KB: a valid PNG that would take 100 MB or more to decode.
                let path = directory.file("upload")
                try Data(HandMadeImage.blankPNG(width: 10000, height: 10000)).write(to: URL(fileURLWithPath: path))
                #expect(try bytes(at: path).count < 200_000)
                #expect(throws: UploadRefusal.tooManyPixels(name: "bomb.png", width: 10000, height: 10000, limit: 50_000_000)) {
                    try check.check(path: path, name: "bomb.png")
                }
                // The same file passes a limit above its size: it is refused for its pixels, not for being broken.
                #expect(try UploadCheck(maxPixels: 100_000_000).check(path: path, name: "bomb.png") == ImageInfo(width: 10000, height: 10000, format: .png))
            }
        }

        @Test func refusesImagesOverASmallerPixelLimitFromTheHeaderAlone() throws {
            try TemporaryDirectory.with { directory throws in
                // A sound header and garbage for pixel data: only the header can have decided.
                let path = directory.file("upload")
                try Data(HandMadeImage.pngWithoutPixels(width: 3000, height: 2000)).write(to: URL(fileURLWithPath: path))
                #expect(throws: UploadRefusal.tooManyPixels(name: "wide.png", width: 3000, height: 2000, limit: 1_000_000)) {
                    try UploadCheck(maxPixels: 1_000_000).check(path: path, name: "wide.png")
                }
            }
        }

        @Test func aMissingTemporaryFileIsNotAnImage() throws {
            try TemporaryDirectory.with { directory throws in
                #expect(throws: UploadRefusal.notAnImage(name: "photo.jpg")) {
                    try check.check(path: directory.file("gone"), name: "photo.jpg")
                }
                #expect(throws: UploadRefusal.notAnImage(name: "photo.jpg")) {
                    try check.check(path: directory.path, name: "photo.jpg")
                }
            }
        }

        @Test(arguments: [
            ("", "the name is empty"),
            ("../x.jpg", "it contains “..”, which points out of its folder"),
            ("..", "it contains “..”, which points out of its folder"),
            ("photos/../../etc/passwd", "it contains “..”, which points out of its folder"),
            ("a/b.jpg", "it contains “/”, which separates folders"),
            ("/etc/x.jpg", "it contains “/”, which separates folders"),
            ("a\\b.jpg", "it contains “\\”, which separates folders on Windows"),
            (".hidden.jpg", "it starts with “.”, which hides the file"),
            (".", "it starts with “.”, which hides the file"),
            ("photo\0.jpg", "it contains a control character"),
            ("photo\n.jpg", "it contains a control character"),
            ("tab\there.jpg", "it contains a control character"),
            ("photo\u{2028}.jpg", "it contains a control character"),
            ("photo\u{202E}gpj.exe", "it contains an invisible character that changes the text direction"),
            ("   ", "the name is only spaces"),
            (String(repeating: "a", count: 296) + ".jpg", "it is 300 bytes long; the limit is 255"),
            (String(repeating: "ả", count: 86), "it is 258 bytes long; the limit is 255"),
        ])
        func refusesBadNamesSayingWhy(name: String, reason: String) throws {
            #expect(throws: UploadRefusal.badName(name: name, reason: reason)) { try check.checkName(name) }
            // And before the file is looked at: there is none here.
            #expect(throws: UploadRefusal.badName(name: name, reason: reason)) { try check.check(path: "/nonexistent/upload", name: name) }
        }

        // MARK: Messages

        @Test(arguments: [
            UploadRefusal.tooLarge(name: "ảnh bìa.jpg", bytes: 26_528_972, limit: 20_971_520),
            .notAnImage(name: "ảnh bìa.jpg"),
            .unsupportedFormat(name: "ảnh bìa.jpg", detected: "svg"),
            .tooManyPixels(name: "ảnh bìa.jpg", width: 20000, height: 20000, limit: 50_000_000),
            .badName(name: "ảnh bìa.jpg", reason: "it starts with “.”, which hides the file"),
            .empty(name: "ảnh bìa.jpg"),
        ])
        func messagesNameTheFile(refusal: UploadRefusal) {
            #expect(refusal.description.contains("“ảnh bìa.jpg”"))
            #expect(refusal.description.hasSuffix("."))
        }

        @Test func messagesSayWhatIsWrong() {
            let tooLarge = UploadRefusal.tooLarge(name: "a.jpg", bytes: 26_528_972, limit: 20_971_520).description
            #expect(tooLarge == "“a.jpg” is 25.3 MB, more than the limit of 20 MB. Use a smaller file.")
            // Rounded, 20 MB and one byte would read "20 MB, more than the limit of 20 MB".
            let justOver = UploadRefusal.tooLarge(name: "a.jpg", bytes: 20_971_521, limit: 20_971_520).description
            #expect(justOver == "“a.jpg” is 20971521 bytes, more than the limit of 20971520 bytes. Use a smaller file.")
            #expect(UploadRefusal.tooLarge(name: "a.jpg", bytes: 1500, limit: 1000).description.contains("1.5 KB, more than the limit of 1000 bytes"))
            let bomb = UploadRefusal.tooManyPixels(name: "a.png", width: 10000, height: 10000, limit: 50_000_000).description
            #expect(bomb == "“a.png” is 10000×10000 pixels, more than the limit of 50 megapixels. Use a smaller image.")
            #expect(UploadRefusal.tooManyPixels(name: "a.png", width: 40, height: 30, limit: 1000).description.contains("limit of 1000 pixels"))
            #expect(UploadRefusal.unsupportedFormat(name: "a.png", detected: "svg").description.contains("in SVG format"))
            #expect(UploadRefusal.badName(name: "../a.jpg", reason: "it contains “..”, which points out of its folder").description
                == "The file name “../a.jpg” cannot be used: it contains “..”, which points out of its folder. Rename the file and upload it again.")
            #expect(UploadRefusal.empty(name: "a.jpg").description.contains("is empty"))
        }

        @Test func messagesShowInvisibleCharactersAndCutVeryLongNames() {
            let control = UploadRefusal.badName(name: "a\nb\0c\u{202E}.jpg", reason: "it contains a control character").description
            #expect(control.contains("“a\\u{A}b\\u{0}c\\u{202E}.jpg”"))
            #expect(!control.contains("\n") && !control.contains("\0") && !control.contains("\u{202E}"))
            let long = UploadRefusal.badName(name: String(repeating: "x", count: 300), reason: "it is 300 bytes long; the limit is 255").description
            #expect(long.contains("“" + String(repeating: "x", count: 120) + "…”"))
            #expect(!long.contains(String(repeating: "x", count: 121)))
        }
    }
}
