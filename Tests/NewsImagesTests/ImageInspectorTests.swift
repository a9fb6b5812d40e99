import Foundation
import Testing

@testable import NewsImages

extension NewsImagesTests {
    @Suite struct ImageInspectorTests {
        let inspector = ImageInspector()
        let painter = IllustrationPainter()

        @Test(arguments: [
            ("picture.jpg", ImageFormat.jpeg, 320, 180),
            ("picture.png", .png, 300, 200),
            ("picture.webp", .webp, 256, 144),
            ("picture.gif", .gif, 120, 90),
        ])
        func readsFormatAndSizeOfWhatWeWrite(name: String, format: ImageFormat, width: Int, height: Int) throws {
            try TemporaryDirectory.with { directory throws in
                let path = directory.file(name)
                try painter.paint(Illustration(motif: .globe, seed: 7, width: width, height: height), to: path)
                #expect(try inspector.inspect(path: path) == ImageInfo(width: width, height: height, format: format))
            }
        }

        @Test func decidesTheFormatByContentNotByName() throws {
            try TemporaryDirectory.with { directory throws in
                let png = directory.file("real.png")
                try painter.paint(Illustration(motif: .sea, seed: 1, width: 200, height: 100), to: png)
                let disguised = directory.file("disguised.jpg")
                try FileManager.default.moveItem(atPath: png, toPath: disguised)
                #expect(try inspector.inspect(path: disguised).format == .png)
            }
        }

        @Test func refusesTextNamedAsAJPEG() throws {
            try TemporaryDirectory.with { directory throws in
                let path = try directory.write("Tin nóng: đây không phải là ảnh.\n", to: "story.jpg")
                #expect(throws: ImageError.notAnImage(path: path)) { try inspector.inspect(path: path) }
            }
        }

        @Test func refusesAnEmptyFile() throws {
            try TemporaryDirectory.with { directory throws in
                let path = try directory.write("", to: "empty.png")
                #expect(throws: ImageError.notAnImage(path: path)) { try inspector.inspect(path: path) }
            }
        }

        @Test func refusesAJPEGWhoseHeaderIsCutShort() throws {
            try TemporaryDirectory.with { directory throws in
                let whole = directory.file("whole.jpg")
                try painter.paint(Illustration(motif: .books, seed: 3, width: 200, height: 100), to: whole)
                let path = directory.file("cut.jpg")
                try bytes(at: whole).prefix(24).write(to: URL(fileURLWithPath: path))
                #expect(throws: ImageError.notAnImage(path: path)) { try inspector.inspect(path: path) }
            }
        }

        @Test func refusesAnSVGNamedAsAPNG() throws {
            try TemporaryDirectory.with { directory throws in
                let path = try directory.write(
                    #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>"#,
                    to: "logo.png"
                )
                // With libvips' SVG loader installed (Debian's is) the file is recognised and refused
                // as SVG; without it, nothing recognises it. Either way it must not pass.
                do throws(ImageError) {
                    let info = try inspector.inspect(path: path)
                    Issue.record("an SVG was accepted as \(info)")
                } catch {
                    #expect(error == .unsupportedFormat(path: path, detected: "svg") || error == .notAnImage(path: path))
                }
            }
        }

        @Test func aMissingPathIsUnreadable() throws {
            try TemporaryDirectory.with { directory throws in
                let path = directory.file("nowhere.jpg")
                #expect(throws: ImageError.unreadable(path: path)) { try inspector.inspect(path: path) }
            }
        }

        @Test func aFolderIsUnreadable() throws {
            try TemporaryDirectory.with { directory throws in
                let path = directory.file("photos.jpg")
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
                #expect(throws: ImageError.unreadable(path: path)) { try inspector.inspect(path: path) }
            }
        }

        @Test func refusesImagesOverThePixelLimitAndAcceptsOnesAtIt() throws {
            try TemporaryDirectory.with { directory throws in
                let path = directory.file("big.jpg")
                try painter.paint(Illustration(motif: .chart, seed: 5), to: path)
                #expect(throws: ImageError.tooManyPixels(path: path, width: 1200, height: 675, limit: 1000)) {
                    try ImageInspector(maxPixels: 1000).inspect(path: path)
                }
                #expect(try ImageInspector(maxPixels: 1200 * 675).inspect(path: path).width == 1200)
                #expect(throws: ImageError.self) { try ImageInspector(maxPixels: 1200 * 675 - 1).inspect(path: path) }
            }
        }

        @Test func seesAFileReplacedOnDisk() throws {
            // libvips caches (random-access) loads by file name unless its cache is off; a stale
            // answer here would let a replaced upload keep the old one's size.
            try TemporaryDirectory.with { directory throws in
                let path = directory.file("photo.png")
                try painter.paint(Illustration(motif: .fields, seed: 1, width: 300, height: 200), to: path)
                #expect(try inspector.inspect(path: path).width == 300)
                try painter.paint(Illustration(motif: .fields, seed: 1, width: 500, height: 250), to: path)
                #expect(try inspector.inspect(path: path) == ImageInfo(width: 500, height: 250, format: .png))
            }
        }

        @Test(arguments: [
            ImageError.unreadable(path: "/uploads/ảnh-bìa.jpg"),
            .notAnImage(path: "/uploads/ảnh-bìa.jpg"),
            .unsupportedFormat(path: "/uploads/ảnh-bìa.jpg", detected: "svg"),
            .tooManyPixels(path: "/uploads/ảnh-bìa.jpg", width: 20000, height: 10000, limit: 50_000_000),
            .writeFailed(path: "/uploads/ảnh-bìa.jpg", reason: "cannot create the file (No such file or directory)"),
        ])
        func messagesNameTheFile(error: ImageError) {
            #expect(error.description.contains("“/uploads/ảnh-bìa.jpg”"))
            #expect(error.description.hasSuffix("."))
        }

        @Test func messagesSayWhatIsWrong() {
            #expect(ImageError.unsupportedFormat(path: "a.png", detected: "svg").description.contains("SVG"))
            let tooBig = ImageError.tooManyPixels(path: "a.png", width: 20000, height: 10000, limit: 50_000_000).description
            #expect(tooBig.contains("20000×10000") && tooBig.contains("200000000") && tooBig.contains("50000000"))
            #expect(ImageError.writeFailed(path: "a.jpg", reason: "disk full").description.contains("disk full"))
        }
    }
}
