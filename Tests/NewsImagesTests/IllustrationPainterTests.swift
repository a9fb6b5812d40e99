import Foundation
import Synchronization
import Testing

@testable import NewsImages

extension NewsImagesTests {
    @Suite struct IllustrationPainterTests {
        let painter = IllustrationPainter()
        let inspector = ImageInspector()

        @Test(arguments: Motif.allCases)
        func paintsEveryMotifAsAJPEG(motif: Motif) throws {
            try TemporaryDirectory.with { directory throws in
                let path = directory.file("\(motif.rawValue).jpg")
                try painter.paint(Illustration(motif: motif, seed: 42), to: path)
                #expect(try inspector.inspect(path: path) == ImageInfo(width: 1200, height: 675, format: .jpeg))
                // A flat-colour canvas compresses to a few kilobytes; a drawn scene does not.
                #expect(try bytes(at: path).count > 10_000)
                #expect(try directory.contents() == ["\(motif.rawValue).jpg"], "no temporary file is left behind")
            }
        }

        @Test(arguments: Motif.allCases)
        func theSeedDecidesThePicture(motif: Motif) throws {
            try TemporaryDirectory.with { directory throws in
                let (first, again, other) = (directory.file("a.jpg"), directory.file("b.jpg"), directory.file("c.jpg"))
                try painter.paint(Illustration(motif: motif, seed: 1, width: 480, height: 270), to: first)
                try painter.paint(Illustration(motif: motif, seed: 1, width: 480, height: 270), to: again)
                try painter.paint(Illustration(motif: motif, seed: 2, width: 480, height: 270), to: other)
                #expect(try bytes(at: first) == bytes(at: again), "same seed, same bytes")
                #expect(try bytes(at: first) != bytes(at: other), "another seed, another picture")
            }
        }

        @Test func paintsAndInspectsFromManyThreadsAtOnce() throws {
            try TemporaryDirectory.with { directory throws in
                let motifs = Motif.allCases
                for motif in motifs {
                    try painter.paint(Illustration(motif: motif, seed: 8, width: 320, height: 180), to: directory.file("\(motif.rawValue)-alone.png"))
                }
                let failures = Mutex<[String]>([])
                DispatchQueue.concurrentPerform(iterations: motifs.count * 2) { index in
                    let motif = motifs[index % motifs.count]
                    let path = directory.file("\(motif.rawValue)-\(index).png")
                    do throws(ImageError) {
                        try painter.paint(Illustration(motif: motif, seed: 8, width: 320, height: 180), to: path)
                        _ = try inspector.inspect(path: path)
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
                #expect(failures.withLock { $0 }.isEmpty)
                for index in 0..<(motifs.count * 2) {
                    let motif = motifs[index % motifs.count]
                    #expect(try bytes(at: directory.file("\(motif.rawValue)-\(index).png")) == bytes(at: directory.file("\(motif.rawValue)-alone.png")))
                }
            }
        }

        @Test func motifsDiffer() throws {
            try TemporaryDirectory.with { directory throws in
                var seen = Set<Data>()
                for motif in Motif.allCases {
                    let path = directory.file("\(motif.rawValue).png")
                    try painter.paint(Illustration(motif: motif, seed: 9, width: 160, height: 90), to: path)
                    seen.insert(try bytes(at: path))
                }
                #expect(seen.count == Motif.allCases.count)
            }
        }

        @Test(arguments: [
            ("hero.JPG", ImageFormat.jpeg), ("hero.jpeg", .jpeg), ("hero.png", .png), ("hero.webp", .webp), ("hero.gif", .gif),
        ])
        func theExtensionChoosesTheFormat(name: String, format: ImageFormat) throws {
            try TemporaryDirectory.with { directory throws in
                let path = directory.file(name)
                try painter.paint(Illustration(motif: .lanterns, seed: 3, width: 400, height: 225), to: path)
                #expect(try inspector.inspect(path: path) == ImageInfo(width: 400, height: 225, format: format))
            }
        }

        @Test(arguments: [(1, 1), (90, 160), (1600, 900), (2000, 300), (4096, 1), (1, 4096)])
        func paintsAnySizeAsked(width: Int, height: Int) throws {
            try TemporaryDirectory.with { directory throws in
                let path = directory.file("any.png")
                for motif in Motif.allCases {
                    try painter.paint(Illustration(motif: motif, seed: 11, width: width, height: height), to: path)
                    #expect(try inspector.inspect(path: path) == ImageInfo(width: width, height: height, format: .png))
                }
            }
        }

        @Test(arguments: ["hero.bmp", "hero", "hero.jpg.txt"])
        func refusesNamesThatPromiseNoFormatWeWrite(name: String) throws {
            try TemporaryDirectory.with { directory throws in
                let path = directory.file(name)
                #expect(throws: ImageError.writeFailed(path: path, reason: "the file name must end in .jpg, .jpeg, .png, .webp or .gif")) {
                    try painter.paint(Illustration(motif: .sea, seed: 1), to: path)
                }
                #expect(try directory.contents().isEmpty)
            }
        }

        @Test(arguments: [(0, 675), (1200, 0), (-5, 10), (5000, 100)])
        func refusesSizesOutOfRange(width: Int, height: Int) throws {
            try TemporaryDirectory.with { directory throws in
                let path = directory.file("hero.jpg")
                do throws(ImageError) {
                    try painter.paint(Illustration(motif: .books, seed: 1, width: width, height: height), to: path)
                    Issue.record("painted a \(width)×\(height) picture")
                } catch {
                    guard case .writeFailed(path, let reason) = error else {
                        Issue.record("unexpected \(error)")
                        return
                    }
                    #expect(reason.contains("\(width)×\(height)"))
                }
                #expect(try directory.contents().isEmpty)
            }
        }

        @Test func createsNoFolders() throws {
            try TemporaryDirectory.with { directory throws in
                let path = directory.file("missing/folder/hero.jpg")
                #expect(throws: ImageError.writeFailed(path: path, reason: "cannot create the file (No such file or directory)")) {
                    try painter.paint(Illustration(motif: .skyline, seed: 1), to: path)
                }
                #expect(try directory.contents().isEmpty)
                #expect(!FileManager.default.fileExists(atPath: directory.file("missing")))
            }
        }

        @Test func replacesAnExistingFileWhole() throws {
            try TemporaryDirectory.with { directory throws in
                let path = try directory.write("old contents", to: "hero.jpg")
                try painter.paint(Illustration(motif: .bridge, seed: 4, width: 320, height: 180), to: path)
                #expect(try inspector.inspect(path: path) == ImageInfo(width: 320, height: 180, format: .jpeg))
                #expect(try directory.contents() == ["hero.jpg"])
            }
        }

        @Test func writingOverAFolderFailsAndLeavesNothingBehind() throws {
            try TemporaryDirectory.with { directory throws in
                let path = directory.file("taken.jpg")
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
                do throws(ImageError) {
                    try painter.paint(Illustration(motif: .globe, seed: 1, width: 64, height: 36), to: path)
                    Issue.record("wrote over a folder")
                } catch {
                    guard case .writeFailed(path, let reason) = error else {
                        Issue.record("unexpected \(error)")
                        return
                    }
                    #expect(reason.hasPrefix("cannot write the file ("))
                }
                #expect(try directory.contents() == ["taken.jpg"])
            }
        }

        @Test func freesEverythingItUses() throws {
            try TemporaryDirectory.with { directory throws in
                let good = directory.file("good.png")
                let text = try directory.write("not an image", to: "text.jpg")
                let svg = try directory.write(#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>"#, to: "a.png")
                let missing = directory.file("missing/out.jpg")
                let cut = directory.file("cut.jpg")
                try painter.paint(Illustration(motif: .sea, seed: 1, width: 64, height: 36), to: cut)
                try bytes(at: cut).prefix(24).write(to: URL(fileURLWithPath: cut))
                func exercise(_ round: Int) {
                    let motif = Motif.allCases[round % Motif.allCases.count]
                    try? painter.paint(Illustration(motif: motif, seed: UInt64(round), width: 640, height: 360), to: good)
                    try? painter.paint(Illustration(motif: motif, seed: 1, width: 64, height: 36), to: missing)
                    for path in [good, text, svg, cut, missing] {
                        _ = try? inspector.inspect(path: path)
                        _ = try? ImageInspector(maxPixels: 10).inspect(path: path)
                    }
                }
                exercise(0) // first use starts libvips and builds its classes
                let objects = VipsRuntime.liveObjects
                let memory = VipsRuntime.trackedMemory
                for round in 1...60 { exercise(round) }
                // Other test targets may use libvips meanwhile, so allow for a few of their pictures in
                // flight; leaking one object or one 640×360 canvas per round would still exceed this.
                #expect(VipsRuntime.liveObjects <= objects + 40)
                #expect(VipsRuntime.trackedMemory <= memory + 24_000_000)
            }
        }
    }
}

