import Foundation
import Testing

@testable import NewsImages

extension NewsImagesTests {
    /// Centre crops to 16:9, 4:3 and 1:1 for structured data: sized as Google asks where the image allows, never
    /// invented where it does not, cut from the upright picture.
    @Suite struct ImageCropTests {
        let maker = ImageVariantMaker()
        let painter = IllustrationPainter()
        let inspector = ImageInspector()

        @Test func cropSizesAre1200WideWhereTheImageAllowsAndNoneBelow50000Pixels() {
            let (wide, classic, square) = (AspectCrop(across: 16, down: 9), AspectCrop(across: 4, down: 3), AspectCrop(across: 1, down: 1))
            func sizes(_ width: Int, _ height: Int) -> [[Int]?] {
                AspectCrop.standard.map { $0.size(ofImageWidth: width, height: height).map { [$0.width, $0.height] } }
            }
            #expect(AspectCrop.standard == [wide, classic, square])
            #expect(AspectCrop.standard.map(\.name) == ["16:9", "4:3", "1:1"])
            // A big photo: every crop 1,200 px wide.
            #expect(sizes(4000, 3000) == [[1200, 675], [1200, 900], [1200, 1200]])
            // A 1200×675 picture: as big as each ratio fits inside it.
            #expect(sizes(1200, 675) == [[1200, 675], [900, 675], [675, 675]])
            // A portrait photo: the ratio's box is as wide as the picture.
            #expect(sizes(900, 1600) == [[900, 506], [900, 675], [900, 900]])
            // Small pictures: a crop under 50,000 pixels is not made at all.
            #expect(sizes(300, 150) == [nil, nil, nil])
            #expect(sizes(300, 200) == [[300, 169], [266, 200], nil])
            #expect(sizes(0, 0) == [nil, nil, nil])
        }

        @Test func aJPEGGetsOneJPEGCropPerRatioCutFromTheMiddle() throws {
            try TemporaryDirectory.with { directory throws in
                let source = directory.file("source.jpg")
                try painter.paint(Illustration(motif: .skyline, seed: 3, width: 2000, height: 1500), to: source)
                let crops = try maker.makeCrops(of: source, into: directory.path, baseName: "pho", width: 2000, height: 1500)
                #expect(crops.map(\.aspect.name) == ["16:9", "4:3", "1:1"])
                #expect(crops.map(\.file.fileName) == ["pho-16x9.jpg", "pho-4x3.jpg", "pho-1x1.jpg"])
                #expect(crops.map { [$0.file.width, $0.file.height] } == [[1200, 675], [1200, 900], [1200, 1200]])
                for crop in crops {
                    let path = directory.file(crop.file.fileName)
                    #expect(try inspector.inspect(path: path) == ImageInfo(width: crop.file.width, height: crop.file.height, format: .jpeg))
                    #expect(try bytes(at: path).count == crop.file.byteCount)
                }
            }
        }

        @Test func aRotatedPhotoIsCroppedUpright() throws {
            try TemporaryDirectory.with { directory throws in
                let plain = directory.file("plain.jpg")
                try painter.paint(Illustration(motif: .sea, seed: 4, width: 1600, height: 900), to: plain)
                // Orientation 6: stored landscape, shown portrait (900×1600).
                let rotated = HandMadeImage.jpeg(Array(try bytes(at: plain)), withEXIFOrientation: 6)
                let source = directory.file("rotated.jpg")
                try Data(rotated).write(to: URL(fileURLWithPath: source))
                let crops = try maker.makeCrops(of: source, into: directory.path, baseName: "doc", width: 900, height: 1600)
                #expect(crops.map { [$0.file.width, $0.file.height] } == [[900, 506], [900, 675], [900, 900]])
                #expect(!(try inspector.hasMetadata("exif-data", path: directory.file("doc-1x1.jpg"))), "no EXIF, so no GPS position")
            }
        }

        @Test func pngAndGIFCropsArePNGAndTooSmallImagesGetNone() throws {
            try TemporaryDirectory.with { directory throws in
                let png = directory.file("source.png")
                try painter.paint(Illustration(motif: .bridge, seed: 5, width: 640, height: 480), to: png)
                let crops = try maker.makeCrops(of: png, into: directory.path, baseName: "cau", width: 640, height: 480)
                #expect(crops.map(\.file.fileName) == ["cau-16x9.png", "cau-4x3.png", "cau-1x1.png"])
                #expect(crops.allSatisfy { $0.file.format == .png })

                let gif = directory.file("tiny.gif")
                try Data(HandMadeImage.animatedGIF(width: 200, height: 100, frames: [(255, 0, 0), (0, 0, 255)]))
                    .write(to: URL(fileURLWithPath: gif))
                let before = try directory.contents()
                #expect(try maker.makeCrops(of: gif, into: directory.path, baseName: "nho", width: 200, height: 100).isEmpty)
                #expect(try directory.contents() == before, "nothing written for an image too small to crop")
            }
        }
    }
}
