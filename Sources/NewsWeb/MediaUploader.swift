import Crypto
import Foundation
import NIOCore
import NIOPosix
import NewsDomain
import NewsImages
import NewsStore

/// Takes an uploaded image into the media library: checks it, keeps the original under a name made from its content,
/// makes the published variants beside it, and stores what is said about it. Used by the Admin API and the HTML admin.
///
/// Files go to `<mediaDirectory>/library/<2 hex>/<24 hex>.<ext>` (the first hex digits of the SHA-256 of the bytes),
/// variants to `…/<24 hex>-<width>.<ext>` and centre crops to `…/<24 hex>-16x9.<ext>` (4x3, 1x1); the media directory
/// is served at `/media/`. Nothing is left on disk when an upload fails. The same bytes uploaded again give back the
/// image already in the library, unchanged.
public struct MediaUploader: Sendable {
    let library: any MediaLibraryStore
    let mediaDirectory: String
    let check: UploadCheck
    let maker: ImageVariantMaker

    /// The folder under the media directory that holds uploads.
    public static let folder = "library"

    /// Creates an uploader that stores into `library` and `mediaDirectory` and refuses files over `maxBytes` bytes.
    public init(library: any MediaLibraryStore, mediaDirectory: String, maxBytes: Int) {
        self.library = library
        self.mediaDirectory = mediaDirectory
        self.check = UploadCheck(maxBytes: maxBytes)
        self.maker = ImageVariantMaker(widths: VariantWidths.standard, maxPixels: check.maxPixels)
    }

    /// Stores an upload and returns the library image (the existing one when the same bytes were uploaded before).
    ///
    /// Throws the `WorkflowDenial` when `user` may not upload, `ValidationErrors` for bad metadata (before any file is
    /// written), and the `UploadRefusal` for a file that is not a usable image or has a bad name.
    public func upload(
        bytes: ByteBuffer, fileName: String, alt: String, caption: String, credit: String, rights: String, by user: User,
        now: Date
    ) async throws -> Media {
        try await store(
            bytes: bytes, fileName: fileName, alt: alt, caption: caption, credit: credit, rights: rights, by: user, now: now
        ).media
    }

    /// What was checked on a worker thread: the temporary file, what decoding said, and the content hash.
    private struct Checked: Sendable {
        var temporaryPath: String
        var info: ImageInfo
        var hash: String
    }

    /// Stores an upload; `isNew` is false when the library already held the same bytes.
    func store(
        bytes: ByteBuffer, fileName: String, alt: String, caption: String, credit: String, rights: String, by user: User,
        now: Date
    ) async throws -> (media: Media, isNew: Bool) {
        guard user.mayUploadMedia else { throw WorkflowDenial.mediaUploadNotPermitted }
        let name = try check.checkName(fileName)
        let errors = Media.metadataViolations(
            alt: MediaText.line(alt), caption: MediaText.line(caption), credit: MediaText.line(credit), rights: MediaText.line(rights)
        )
        guard errors.isEmpty else { throw ValidationErrors(errors) }

        let root = URL(fileURLWithPath: mediaDirectory).appendingPathComponent(Self.folder).path
        let check = self.check
        // libvips, hashing and file writes block: they run on NIO's thread pool, never on an event loop.
        let checked = try await NIOThreadPool.singleton.runIfActive { () throws -> Checked in
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            // Inside the media directory, so the original can be renamed into place; a dot name no link points to.
            let temporary = root + "/.upload-" + UUID().uuidString
            try Self.write(bytes, to: temporary)
            do {
                let info = try check.check(path: temporary, name: name)
                let digest = bytes.withUnsafeReadableBytes { SHA256.hash(data: $0) }
                return Checked(temporaryPath: temporary, info: info, hash: digest.map { String(format: "%02x", $0) }.joined())
            } catch {
                unlink(temporary)
                throw error
            }
        }

        let folder = "\(Self.folder)/\(checked.hash.prefix(2))"
        let baseName = String(checked.hash.prefix(24))
        let src = "\(folder)/\(baseName).\(checked.info.format.fileExtension)"
        let existing: Media?
        do {
            existing = try await library.media(src: src)
        } catch {
            unlink(checked.temporaryPath)
            throw error
        }
        if let existing {
            unlink(checked.temporaryPath)
            return (existing, false)
        }

        let directory = URL(fileURLWithPath: mediaDirectory).appendingPathComponent(folder).path
        let maker = self.maker
        let made: (paths: [String], variants: [ImageVariant], crops: [ImageCrop])
        do {
            made = try await NIOThreadPool.singleton.runIfActive { () throws -> ([String], [ImageVariant], [ImageCrop]) in
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                let original = "\(directory)/\(baseName).\(checked.info.format.fileExtension)"
                guard rename(checked.temporaryPath, original) == 0 else {
                    throw ImageError.writeFailed(path: original, reason: String(cString: strerror(errno)))
                }
                var variantPaths: [String] = []
                do throws(ImageError) {
                    let variants = try maker.makeVariants(of: original, into: directory, baseName: baseName)
                    variantPaths = variants.map { "\(directory)/\($0.fileName)" }
                    let upright = Self.uprightSize(checked.info, variants: variants)
                    // Centre crops to 16:9, 4:3 and 1:1 for search engines, made once here rather than on request.
                    let crops = try maker.makeCrops(
                        of: original, into: directory, baseName: baseName, width: upright.width, height: upright.height
                    )
                    return ([original] + variantPaths + crops.map { "\(directory)/\($0.file.fileName)" }, variants, crops)
                } catch {
                    for path in variantPaths { unlink(path) }
                    unlink(original)
                    throw Self.refusal(error, name: name)
                }
            }
        } catch {
            unlink(checked.temporaryPath)
            throw error
        }

        let (width, height) = Self.uprightSize(checked.info, variants: made.variants)
        let newMedia = NewMedia(
            src: src, width: width, height: height, alt: alt, caption: caption, credit: credit, rights: rights,
            variants: made.variants.map {
                MediaVariant(width: $0.width, height: $0.height, format: $0.format.rawValue, src: "\(folder)/\($0.fileName)")
            } + made.crops.map {
                MediaVariant(
                    width: $0.file.width, height: $0.file.height, format: $0.file.format.rawValue, src: "\(folder)/\($0.file.fileName)",
                    aspect: $0.aspect.name
                )
            },
            uploadedBy: user.id, originalName: name, byteCount: bytes.readableBytes
        )
        do {
            return (try await library.addMedia(newMedia, now: now), true)
        } catch {
            // Someone uploaded the same bytes at the same moment: the files are theirs too, and stay.
            if case StorageError.conflict = error, let existing = try? await library.media(src: src) {
                return (existing, false)
            }
            for path in made.paths { unlink(path) }
            throw error
        }
    }

    /// The original's size as readers see it: the header's size is before the EXIF rotation the variants were given.
    static func uprightSize(_ info: ImageInfo, variants: [ImageVariant]) -> (width: Int, height: Int) {
        if let widest = variants.last, (widest.width > widest.height) != (info.width > info.height), widest.width != widest.height {
            return (info.height, info.width)
        }
        return (info.width, info.height)
    }

    /// A variant failure on an image that passed the header check (pixel data cut short, say), as the refusal to show.
    private static func refusal(_ error: ImageError, name: String) -> any Error {
        switch error {
        case .notAnImage, .unreadable: UploadRefusal.notAnImage(name: name)
        case .unsupportedFormat(_, let detected): UploadRefusal.unsupportedFormat(name: name, detected: detected)
        case .tooManyPixels(_, let width, let height, let limit):
            UploadRefusal.tooManyPixels(name: name, width: width, height: height, limit: limit)
        case .writeFailed: error
        }
    }

    /// Writes the bytes to a new file at `path`.
    private static func write(_ bytes: ByteBuffer, to path: String) throws {
        let written = bytes.withUnsafeReadableBytes { FileManager.default.createFile(atPath: path, contents: Data($0)) }
        guard written else { throw ImageError.writeFailed(path: path, reason: "the file could not be created") }
    }
}
