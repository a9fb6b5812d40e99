import Foundation
import NewsDomain
import NewsText

/// A new image for the library: its files are already on disk, under the media directory.
public struct NewMedia: Sendable, Hashable {
    /// The original's path under the media directory, e.g. `library/3f/3fa9….jpg`.
    public var src: String
    /// Upright pixel width of the original.
    public var width: Int?
    /// Upright pixel height of the original.
    public var height: Int?
    /// Alternative text (required).
    public var alt: String
    /// Caption.
    public var caption: String
    /// Photographer or agency.
    public var credit: String
    /// Usage rights.
    public var rights: String
    /// The resized copies made from it.
    public var variants: [MediaVariant]
    /// Who uploaded it.
    public var uploadedBy: UserID?
    /// The file name the client sent, kept to show (never used as a path).
    public var originalName: String?
    /// The original's size in bytes.
    public var byteCount: Int?

    /// Describes a new image.
    public init(
        src: String, width: Int?, height: Int?, alt: String, caption: String = "", credit: String = "", rights: String = "",
        variants: [MediaVariant] = [], uploadedBy: UserID? = nil, originalName: String? = nil, byteCount: Int? = nil
    ) {
        self.src = src
        self.width = width
        self.height = height
        self.alt = alt
        self.caption = caption
        self.credit = credit
        self.rights = rights
        self.variants = variants
        self.uploadedBy = uploadedBy
        self.originalName = originalName
        self.byteCount = byteCount
    }

    /// The same image with its texts in NFC and trimmed, as every store writes them.
    public func normalized() -> NewMedia {
        var copy = self
        copy.alt = MediaText.line(alt)
        copy.caption = MediaText.line(caption)
        copy.credit = MediaText.line(credit)
        copy.rights = MediaText.line(rights)
        copy.originalName = originalName.map(VietnameseText.nfc)
        return copy
    }
}

/// How stores prepare what is said about an image for storage and search.
public enum MediaText {
    /// A single-line text in NFC without surrounding whitespace.
    public static func line(_ text: String) -> String {
        VietnameseText.nfc(text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The folded text the library is searched in: caption, credit and alt text without diacritics, lowercased.
    public static func searchText(alt: String, caption: String, credit: String) -> String {
        VietnameseText.fold([caption, credit, alt].joined(separator: " "))
    }

    /// The words of a query, folded like `searchText`, so "Phạm" and "pham" find the same images.
    public static func queryWords(_ query: String) -> [String] {
        VietnameseText.fold(query).split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }
}

/// The media library: images uploaded once, described once (alt, caption, credit, rights), and placed in any article.
///
/// Writes are one transaction with their audit entry (`media.upload`, `media.update`). Bad metadata throws
/// `ValidationErrors` with fields `alt`, `caption`, `credit`, `rights`.
public protocol MediaLibraryStore: Sendable {
    /// Adds an image whose files are already in place; `StorageError.conflict` when its `src` is stored already.
    func addMedia(_ media: NewMedia, now: Date) async throws -> Media
    /// An image by id.
    func media(id: MediaID) async throws -> Media?
    /// An image by its path under the media directory (or its URL).
    func media(src: String) async throws -> Media?
    /// Images whose caption, credit or alt text contain every word of `query`, with or without diacritics; newest
    /// first. An empty query lists every image.
    func searchMedia(query: String, page: PageRequest) async throws -> Page<Media>
    /// Replaces what is said about an image. Throws `StorageError.notFound` for an unknown id, the `WorkflowDenial`
    /// when `actor` may not edit it (a reporter, another's image), and `ValidationErrors` for bad input.
    func updateMedia(
        id: MediaID, alt: String, caption: String, credit: String, rights: String, actor: User, now: Date
    ) async throws -> Media
}
