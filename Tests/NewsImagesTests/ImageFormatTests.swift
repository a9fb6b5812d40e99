import Testing

@testable import NewsImages

extension NewsImagesTests {
    @Suite struct ImageFormatTests {
        @Test(arguments: [
            (ImageFormat.jpeg, "image/jpeg", "jpg"),
            (.png, "image/png", "png"),
            (.webp, "image/webp", "webp"),
            (.gif, "image/gif", "gif"),
        ])
        func mimeTypeAndExtension(format: ImageFormat, mimeType: String, fileExtension: String) {
            #expect(format.mimeType == mimeType)
            #expect(format.fileExtension == fileExtension)
        }

        @Test func fileNamesChooseTheFormatWhateverTheirCase() {
            #expect(ImageFormat(fileName: "/a/b.JPG") == .jpeg)
            #expect(ImageFormat(fileName: "b.jpeg") == .jpeg)
            #expect(ImageFormat(fileName: "b.Png") == .png)
            #expect(ImageFormat(fileName: "b.webp") == .webp)
            #expect(ImageFormat(fileName: "b.gif") == .gif)
            #expect(ImageFormat(fileName: "b.bmp") == nil)
            #expect(ImageFormat(fileName: "/some.dir/noextension") == nil)
            #expect(ImageFormat(fileName: "jpg") == nil)
        }

        @Test func loaderNamesBecomeShortFormatNames() {
            #expect(ImageFormat.formatName(ofVipsLoader: "VipsForeignLoadSvgFile") == "svg")
            #expect(ImageFormat.formatName(ofVipsLoader: "VipsForeignLoadTiffFile") == "tiff")
            #expect(ImageFormat.formatName(ofVipsLoader: "VipsForeignLoadMatrixFile") == "matrix")
            #expect(ImageFormat(vipsLoader: "VipsForeignLoadNsgifFile") == .gif)
            #expect(ImageFormat(vipsLoader: "VipsForeignLoadSvgFile") == nil)
        }
    }
}
