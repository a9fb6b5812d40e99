import Foundation
import Synchronization
import Testing

@testable import NewsImages

extension NewsImagesTests {
    @Suite struct ImageVariantMakerTests {
        let maker = ImageVariantMaker()
        let painter = IllustrationPainter()
        let inspector = ImageInspector()

        /// Writes `bytes` to `name` in `directory` and returns the path.
        func write(_ bytes: [UInt8], to name: String, in directory: TemporaryDirectory) throws -> String {
            let path = directory.file(name)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }

        /// Checks each variant's file: it exists, has `byteCount` bytes, and decodes to the variant's format and size.
        func expectFilesMatch(_ variants: [ImageVariant], in folder: String) throws {
            for variant in variants {
                let path = folder + "/" + variant.fileName
                #expect(try inspector.inspect(path: path) == ImageInfo(width: variant.width, height: variant.height, format: variant.format))
                #expect(try bytes(at: path).count == variant.byteCount)
            }
        }

        @Test func aJPEGGetsWebPAndJPEGAtEveryWidthUpToItsOwn() throws {
            try TemporaryDirectory.with { directory throws in
                let source = directory.file("source.jpg")
                try painter.paint(Illustration(motif: .skyline, seed: 1), to: source) // 1200×675
                let folder = directory.file("out")
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)

                let variants = try maker.makeVariants(of: source, into: folder, baseName: "pho-co")

                // No 1600: the original is 1200 wide, and nothing is enlarged.
                #expect(variants.map { [$0.width, $0.height] } == [[320, 180], [320, 180], [640, 360], [640, 360], [1024, 576], [1024, 576]])
                #expect(variants.map(\.format) == [.webp, .jpeg, .webp, .jpeg, .webp, .jpeg])
                #expect(variants.map(\.fileName) == [
                    "pho-co-320.webp", "pho-co-320.jpg", "pho-co-640.webp", "pho-co-640.jpg", "pho-co-1024.webp", "pho-co-1024.jpg",
                ])
                try expectFilesMatch(variants, in: folder)
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == variants.map(\.fileName).sorted(),
                        "nothing else is left in the folder")
                // Real pictures, each bigger than the next smaller one.
                #expect(variants.allSatisfy { $0.byteCount > 1000 })
                #expect(variants[4].byteCount > variants[2].byteCount && variants[2].byteCount > variants[0].byteCount)
            }
        }

        @Test func anImageExactlyAListedWidthWideGetsThatWidth() throws {
            try TemporaryDirectory.with { directory throws in
                let source = directory.file("source.png")
                try painter.paint(Illustration(motif: .sea, seed: 2, width: 640, height: 480), to: source)
                let variants = try maker.makeVariants(of: source, into: directory.path, baseName: "sea")
                #expect(variants.map(\.fileName) == ["sea-320.webp", "sea-320.png", "sea-640.webp", "sea-640.png"])
                #expect(variants.map(\.height) == [240, 240, 480, 480])
                try expectFilesMatch(variants, in: directory.path)
            }
        }

        @Test func aPNGNarrowerThanEveryWidthGetsOnePairAtItsOwnWidth() throws {
            try TemporaryDirectory.with { directory throws in
                let source = directory.file("icon.png")
                try painter.paint(Illustration(motif: .globe, seed: 3, width: 200, height: 150), to: source)
                let variants = try maker.makeVariants(of: source, into: directory.path, baseName: "icon")
                #expect(variants == [
                    ImageVariant(width: 200, height: 150, format: .webp, fileName: "icon-200.webp", byteCount: variants.first?.byteCount ?? -1),
                    ImageVariant(width: 200, height: 150, format: .png, fileName: "icon-200.png", byteCount: variants.last?.byteCount ?? -1),
                ])
                try expectFilesMatch(variants, in: directory.path)
            }
        }

        @Test func aWebPGetsWebPCopiesOnly() throws {
            try TemporaryDirectory.with { directory throws in
                let source = directory.file("source.webp")
                try painter.paint(Illustration(motif: .fields, seed: 4, width: 800, height: 450), to: source)
                let variants = try maker.makeVariants(of: source, into: directory.path, baseName: "fields")
                #expect(variants.map(\.fileName) == ["fields-320.webp", "fields-640.webp"])
                #expect(variants.map(\.format) == [.webp, .webp])
                try expectFilesMatch(variants, in: directory.path)
            }
        }

        @Test func aGIFGetsWebPAndPNGOfItsFirstFrame() throws {
            try TemporaryDirectory.with { directory throws in
                let red = (red: UInt8(220), green: UInt8(30), blue: UInt8(40))
                let blue = (red: UInt8(20), green: UInt8(60), blue: UInt8(200))
                let animated = try write(HandMadeImage.animatedGIF(width: 400, height: 225, frames: [red, blue]), to: "flag.gif", in: directory)
                let redOnly = try write(HandMadeImage.animatedGIF(width: 400, height: 225, frames: [red]), to: "red.gif", in: directory)
                let blueOnly = try write(HandMadeImage.animatedGIF(width: 400, height: 225, frames: [blue]), to: "blue.gif", in: directory)
                #expect(try inspector.inspect(path: animated) == ImageInfo(width: 400, height: 225, format: .gif))

                let variants = try maker.makeVariants(of: animated, into: directory.path, baseName: "flag")
                #expect(variants.map(\.fileName) == ["flag-320.webp", "flag-320.png"])
                #expect(variants.map(\.format) == [.webp, .png])
                #expect(variants.allSatisfy { $0.width == 320 && $0.height == 180 }, "one frame, not the frames stacked")
                try expectFilesMatch(variants, in: directory.path)

                // The same pixels as a GIF holding only the first frame; not those of the second.
                _ = try maker.makeVariants(of: redOnly, into: directory.path, baseName: "red")
                _ = try maker.makeVariants(of: blueOnly, into: directory.path, baseName: "blue")
                let first = try bytes(at: directory.file("flag-320.png"))
                #expect(first == (try bytes(at: directory.file("red-320.png"))))
                #expect(first != (try bytes(at: directory.file("blue-320.png"))))
            }
        }

        @Test func photosAreTurnedUprightByTheirEXIFOrientation() throws {
            try TemporaryDirectory.with { directory throws in
                let plain = directory.file("plain.jpg")
                try painter.paint(Illustration(motif: .bridge, seed: 5), to: plain) // 1200×675 as stored
                // Orientation 6: the camera was turned; shown upright the photo is 675 wide and 1200 tall.
                let source = try write(HandMadeImage.jpeg(Array(try bytes(at: plain)), withEXIFOrientation: 6), to: "portrait.jpg", in: directory)
                #expect(try inspector.inspect(path: source) == ImageInfo(width: 1200, height: 675, format: .jpeg))

                let variants = try maker.makeVariants(of: source, into: directory.path, baseName: "portrait")
                #expect(variants.map(\.width) == [320, 320, 640, 640], "widths up to the upright width, 675")
                for variant in variants {
                    let proportional = Double(variant.width) * 1200 / 675
                    #expect(abs(Double(variant.height) - proportional) <= 1, "\(variant.fileName) is \(variant.width)×\(variant.height)")
                }
                try expectFilesMatch(variants, in: directory.path)
            }
        }

        @Test func publishedCopiesCarryNoMetadata() throws {
            try TemporaryDirectory.with { directory throws in
                let plain = directory.file("plain.jpg")
                try painter.paint(Illustration(motif: .chart, seed: 6, width: 800, height: 450), to: plain)
                let source = try write(HandMadeImage.jpeg(Array(try bytes(at: plain)), withEXIFOrientation: 1), to: "gps.jpg", in: directory)
                // The source does carry EXIF with a GPS position; otherwise this test could not fail.
                #expect(try inspector.hasMetadata("exif-data", path: source))
                #expect(try inspector.hasMetadata("exif-ifd3-GPSLatitude", path: source))

                let variants = try maker.makeVariants(of: source, into: directory.path, baseName: "gps")
                #expect(variants.count == 4)
                for variant in variants {
                    let path = directory.file(variant.fileName)
                    for field in ["exif-data", "exif-ifd3-GPSLatitude", "xmp-data", "iptc-data", "icc-profile-data"] {
                        #expect(try !inspector.hasMetadata(field, path: path), "\(variant.fileName) has \(field)")
                    }
                    #expect(try bytes(at: path).firstRange(of: Data("Exif".utf8)) == nil, "\(variant.fileName) holds an EXIF block")
                }
            }
        }

        @Test func copiesOfAPNGCarryNeitherItsCommentsNorItsEXIF() throws {
            try TemporaryDirectory.with { directory throws in
                let plain = directory.file("plain.png")
                try painter.paint(Illustration(motif: .mountains, seed: 6, width: 700, height: 400), to: plain)
                let note = "Chụp tại 21.0285 N, 105.8542 E"
                let source = try write(HandMadeImage.png(Array(try bytes(at: plain)), withComment: note), to: "noted.png", in: directory)
                #expect(try inspector.hasMetadata("png-comment-0-Comment", path: source))
                #expect(try inspector.hasMetadata("exif-data", path: source))

                let variants = try maker.makeVariants(of: source, into: directory.path, baseName: "noted")
                #expect(variants.map(\.fileName) == ["noted-320.webp", "noted-320.png", "noted-640.webp", "noted-640.png"])
                for variant in variants {
                    let path = directory.file(variant.fileName)
                    for field in ["png-comment-0-Comment", "exif-data", "exif-ifd3-GPSLatitude"] {
                        #expect(try !inspector.hasMetadata(field, path: path), "\(variant.fileName) has \(field)")
                    }
                    #expect(try bytes(at: path).firstRange(of: Data(note.utf8)) == nil, "\(variant.fileName) holds the comment")
                }
            }
        }

        @Test func widthsAreSortedOnceAndNonsenseIgnored() throws {
            let custom = ImageVariantMaker(widths: [640, 100, 0, -3, 100])
            #expect(custom.widths == [100, 640])
            #expect(ImageVariantMaker().widths == VariantWidths.standard)
            try TemporaryDirectory.with { directory throws in
                let source = directory.file("source.jpg")
                try painter.paint(Illustration(motif: .books, seed: 7, width: 700, height: 350), to: source)
                let variants = try custom.makeVariants(of: source, into: directory.path, baseName: "books")
                #expect(variants.map(\.fileName) == ["books-100.webp", "books-100.jpg", "books-640.webp", "books-640.jpg"])
                #expect(variants.map(\.height) == [50, 50, 320, 320])
            }
        }

        @Test func noListedWidthsGiveOnePairAtTheImagesOwnWidth() throws {
            try TemporaryDirectory.with { directory throws in
                let source = directory.file("source.jpg")
                try painter.paint(Illustration(motif: .books, seed: 7, width: 700, height: 350), to: source)
                let variants = try ImageVariantMaker(widths: []).makeVariants(of: source, into: directory.path, baseName: "books")
                #expect(variants.map(\.fileName) == ["books-700.webp", "books-700.jpg"])
                try expectFilesMatch(variants, in: directory.path)
            }
        }

        @Test func aDecompressionBombIsRefusedUnread() throws {
            try TemporaryDirectory.with { directory throws in
                let bomb = try write(HandMadeImage.blankPNG(width: 10000, height: 10000), to: "bomb.png", in: directory)
                #expect(try bytes(at: bomb).count < 200_000)
                #expect(throws: ImageError.tooManyPixels(path: bomb, width: 10000, height: 10000, limit: 50_000_000)) {
                    try maker.makeVariants(of: bomb, into: directory.path, baseName: "bomb")
                }
                #expect(try directory.contents() == ["bomb.png"])
            }
        }

        @Test func aTruncatedFileIsDamagedAndLeavesNothingBehind() throws {
            try TemporaryDirectory.with { directory throws in
                for name in ["cut.png", "cut.jpg"] {
                    let whole = directory.file("whole-" + name)
                    try painter.paint(Illustration(motif: .stadium, seed: 8, width: 800, height: 450), to: whole)
                    let data = try bytes(at: whole)
                    let cut = try write(Array(data.prefix(data.count / 2)), to: name, in: directory)
                    #expect(throws: ImageError.notAnImage(path: cut)) {
                        try maker.makeVariants(of: cut, into: directory.path, baseName: "cut")
                    }
                }
                #expect(try directory.contents() == ["cut.jpg", "cut.png", "whole-cut.jpg", "whole-cut.png"])
            }
        }

        @Test func sourcesThatAreNotImagesAreRefusedAsTheInspectorRefusesThem() throws {
            try TemporaryDirectory.with { directory throws in
                let text = try directory.write("Không phải ảnh.\n", to: "story.jpg")
                #expect(throws: ImageError.notAnImage(path: text)) {
                    try maker.makeVariants(of: text, into: directory.path, baseName: "story")
                }
                let missing = directory.file("missing.jpg")
                #expect(throws: ImageError.unreadable(path: missing)) {
                    try maker.makeVariants(of: missing, into: directory.path, baseName: "missing")
                }
                #expect(try directory.contents() == ["story.jpg"])
            }
        }

        @Test(arguments: ["", "../escape", "a/b", ".hidden", "line\nbreak", String(repeating: "x", count: 250)])
        func refusesBaseNamesThatAreNotPlainFileNames(baseName: String) throws {
            try TemporaryDirectory.with { directory throws in
                let source = directory.file("source.jpg")
                try painter.paint(Illustration(motif: .sunrise, seed: 9, width: 400, height: 225), to: source)
                do throws(ImageError) {
                    let variants = try maker.makeVariants(of: source, into: directory.path, baseName: baseName)
                    Issue.record("made \(variants.map(\.fileName))")
                } catch {
                    guard case .writeFailed(let path, let reason) = error else {
                        Issue.record("unexpected \(error)")
                        return
                    }
                    #expect(path == directory.path + "/" + baseName)
                    #expect(reason.hasPrefix("the base name cannot be used: "))
                }
                #expect(try directory.contents() == ["source.jpg"])
            }
        }

        @Test func aMissingFolderIsNotCreated() throws {
            try TemporaryDirectory.with { directory throws in
                let source = directory.file("source.jpg")
                try painter.paint(Illustration(motif: .sunrise, seed: 9, width: 400, height: 225), to: source)
                let folder = directory.file("missing")
                #expect(throws: ImageError.writeFailed(path: folder, reason: "it is not an existing folder")) {
                    try maker.makeVariants(of: source, into: folder, baseName: "sunrise")
                }
                #expect(try directory.contents() == ["source.jpg"])
            }
        }

        @Test func aFailedWriteRemovesTheCopiesAlreadyWritten() throws {
            try TemporaryDirectory.with { directory throws in
                let source = directory.file("source.jpg")
                try painter.paint(Illustration(motif: .lanterns, seed: 10, width: 700, height: 400), to: source)
                // A folder where the last file should go: the 640 JPEG cannot be renamed into place.
                try FileManager.default.createDirectory(atPath: directory.file("lanterns-640.jpg"), withIntermediateDirectories: false)
                do throws(ImageError) {
                    _ = try maker.makeVariants(of: source, into: directory.path, baseName: "lanterns")
                    Issue.record("wrote over a folder")
                } catch {
                    guard case .writeFailed(let path, _) = error else {
                        Issue.record("unexpected \(error)")
                        return
                    }
                    #expect(path == directory.file("lanterns-640.jpg"))
                }
                #expect(try directory.contents() == ["lanterns-640.jpg", "source.jpg"])
            }
        }

        @Test func makingThemAgainReplacesTheFilesWhole() throws {
            try TemporaryDirectory.with { directory throws in
                let source = directory.file("source.jpg")
                try painter.paint(Illustration(motif: .circuit, seed: 11, width: 700, height: 400), to: source)
                _ = try directory.write("old", to: "circuit-320.jpg")
                let first = try maker.makeVariants(of: source, into: directory.path, baseName: "circuit")
                let firstBytes = try first.map { try bytes(at: directory.file($0.fileName)) }
                let again = try maker.makeVariants(of: source, into: directory.path, baseName: "circuit")
                #expect(again == first)
                #expect(try again.map { try bytes(at: directory.file($0.fileName)) } == firstBytes, "the same bytes each time")
                #expect(try directory.contents() == (first.map(\.fileName) + ["source.jpg"]).sorted())
            }
        }

        @Test func makesVariantsOnManyThreadsAtOnce() throws {
            try TemporaryDirectory.with { directory throws in
                let source = directory.file("source.jpg")
                try painter.paint(Illustration(motif: .sea, seed: 13, width: 700, height: 394), to: source)
                let alone = try maker.makeVariants(of: source, into: directory.path, baseName: "alone")
                let results = Mutex<[Int: [ImageVariant]]>([:])
                let failures = Mutex<[String]>([])
                DispatchQueue.concurrentPerform(iterations: 4) { index in
                    do throws(ImageError) {
                        let variants = try maker.makeVariants(of: source, into: directory.path, baseName: "copy\(index)")
                        results.withLock { $0[index] = variants }
                    } catch {
                        failures.withLock { $0.append(error.description) }
                    }
                }
                #expect(failures.withLock { $0 }.isEmpty)
                for index in 0..<4 {
                    let variants = results.withLock { $0[index] } ?? []
                    #expect(variants.map(\.width) == alone.map(\.width))
                    for (variant, single) in zip(variants, alone) {
                        #expect(try bytes(at: directory.file(variant.fileName)) == bytes(at: directory.file(single.fileName)))
                    }
                }
            }
        }

        @Test func freesEverythingItUses() throws {
            try TemporaryDirectory.with { directory throws in
                let jpeg = directory.file("source.jpg")
                try painter.paint(Illustration(motif: .globe, seed: 12, width: 700, height: 394), to: jpeg)
                let gif = directory.file("source.gif")
                try Data(HandMadeImage.animatedGIF(width: 100, height: 60, frames: [(200, 0, 0), (0, 0, 200)]))
                    .write(to: URL(fileURLWithPath: gif))
                let cut = directory.file("cut.png")
                try painter.paint(Illustration(motif: .sea, seed: 12, width: 400, height: 225), to: cut)
                try bytes(at: cut).prefix(3000).write(to: URL(fileURLWithPath: cut))
                let out = directory.file("out")
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
                try FileManager.default.createDirectory(atPath: out + "/blocked-640.jpg", withIntermediateDirectories: false)
                func exercise() {
                    _ = try? maker.makeVariants(of: jpeg, into: out, baseName: "photo")
                    _ = try? maker.makeVariants(of: jpeg, into: out, baseName: "blocked") // fails writing
                    _ = try? maker.makeVariants(of: gif, into: out, baseName: "gif")
                    _ = try? maker.makeVariants(of: cut, into: out, baseName: "cut") // fails decoding
                }
                exercise() // first use starts libvips and builds its classes
                let objects = VipsRuntime.liveObjects
                let memory = VipsRuntime.trackedMemory
                for _ in 1...15 { exercise() }
                // As in the painter's check: a little room for other users of libvips in the process. A round
                // makes 3 copies from files and 4 smaller ones, encodes 10 times and fails twice; leaking an
                // object at any of those steps exceeds it (checked by leaking on purpose).
                #expect(VipsRuntime.liveObjects <= objects + 40)
                #expect(VipsRuntime.trackedMemory <= memory + 24_000_000)
            }
        }
    }
}
