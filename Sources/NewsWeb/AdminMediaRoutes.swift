import Foundation
import Hummingbird
import NewsDomain
import NewsRendering
import NewsStore

/// The media-library part of the Admin API: upload an image (multipart), browse and search the library, read one
/// image, and change what is said about it (alt, caption, credit, rights).
public struct AdminMediaRoutes: Sendable {
    let library: any MediaLibraryStore
    let uploader: MediaUploader
    let maxUploadBytes: Int
    let clock: @Sendable () -> Date

    /// Images a page when the client does not say.
    static let defaultPageSize = 30

    /// Creates the routes; files are kept under `mediaDirectory` and may have at most `maxUploadBytes` bytes.
    public init(
        library: any MediaLibraryStore, mediaDirectory: String, maxUploadBytes: Int, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.library = library
        self.uploader = MediaUploader(library: library, mediaDirectory: mediaDirectory, maxBytes: maxUploadBytes)
        self.maxUploadBytes = maxUploadBytes
        self.clock = clock
    }

    /// What a PATCH may change; fields left out keep their value.
    struct MetadataPayload: Decodable {
        var alt: String?
        var caption: String?
        var credit: String?
        var rights: String?
    }

    /// A library image as API clients see it.
    struct MediaResponse: ResponseEncodable {
        struct Variant: Encodable {
            var width: Int
            var height: Int
            var format: String
            var src: String
            var url: String
            /// The aspect ratio of a centre crop ("16:9"); absent for resized copies of the whole image.
            var aspect: String?
        }
        var id: Int64
        var src: String
        var url: String
        var width: Int?
        var height: Int?
        var alt: String
        var caption: String
        var credit: String
        var rights: String
        var uploadedBy: Int64?
        var variants: [Variant]

        enum CodingKeys: String, CodingKey {
            case id, src, url, width, height, alt, caption, credit, rights, variants
            case uploadedBy = "uploaded_by"
        }

        init(_ media: Media) {
            id = media.id.rawValue
            src = media.src
            url = SiteURL.media(src: media.src).path
            width = media.width
            height = media.height
            alt = media.alt
            caption = media.caption
            credit = media.credit
            rights = media.rights
            uploadedBy = media.uploadedBy?.rawValue
            variants = media.variants.map {
                Variant(
                    width: $0.width, height: $0.height, format: $0.format, src: $0.src, url: SiteURL.media(src: $0.src).path,
                    aspect: $0.aspect
                )
            }
        }
    }

    /// A page of the library.
    struct ListResponse: ResponseEncodable {
        var items: [MediaResponse]
        var page: Int
        var perPage: Int
        var total: Int
        var pageCount: Int

        enum CodingKeys: String, CodingKey {
            case items, page, total
            case perPage = "per_page"
            case pageCount = "page_count"
        }
    }

    /// Registers the routes on an authenticated group.
    public func register(on group: RouterGroup<NewsRequestContext>) {
        group.post("media") { request, context -> Response in
            let user = try context.requireIdentity()
            // Refused before the body is read: a large upload from an account that may not upload costs nothing.
            guard user.mayUploadMedia else { throw WorkflowDenial.mediaUploadNotPermitted }
            let form = try await MultipartForm.parse(request, limit: MultipartForm.limit(forFileBytes: maxUploadBytes))
            guard let file = form.file, file.field == "file" else { throw ValidationErrors([.required("file")]) }
            let (media, isNew) = try await uploader.store(
                bytes: file.bytes, fileName: file.fileName, alt: form.fields["alt"] ?? "", caption: form.fields["caption"] ?? "",
                credit: form.fields["credit"] ?? "", rights: form.fields["rights"] ?? "", by: user, now: clock()
            )
            var response = try MediaResponse(media).response(from: request, context: context)
            if isNew {
                response.status = .created
                response.headers[.location] = "/api/admin/media/\(media.id)"
            }
            return response
        }
        group.get("media") { request, context -> ListResponse in
            _ = try context.requireIdentity()
            let query = request.uri.queryParameters
            let number = try Self.positiveNumber(query["page"].map(String.init), field: "page") ?? 1
            let size = try Self.positiveNumber(query["per_page"].map(String.init), field: "per_page") ?? Self.defaultPageSize
            let page = try await library.searchMedia(query: query["q"].map(String.init) ?? "", page: PageRequest(number: number, size: size))
            return ListResponse(
                items: page.items.map(MediaResponse.init), page: page.request.number, perPage: page.request.size,
                total: page.totalCount, pageCount: page.pageCount
            )
        }
        group.get("media/:id") { _, context -> MediaResponse in
            _ = try context.requireIdentity()
            return MediaResponse(try await media(context))
        }
        group.patch("media/:id") { request, context -> MediaResponse in
            let user = try context.requireIdentity()
            let current = try await media(context)
            let payload = try await request.decode(as: MetadataPayload.self, context: context)
            return MediaResponse(try await library.updateMedia(
                id: current.id, alt: payload.alt ?? current.alt, caption: payload.caption ?? current.caption,
                credit: payload.credit ?? current.credit, rights: payload.rights ?? current.rights, actor: user, now: clock()
            ))
        }
    }

    private func media(_ context: NewsRequestContext) async throws -> Media {
        guard let raw = context.parameters.get("id"), let number = Int64(raw), number > 0,
              let media = try await library.media(id: MediaID(number))
        else { throw StorageError.notFound("media") }
        return media
    }

    /// A query parameter that must be a whole number from 1 up; nil when absent.
    private static func positiveNumber(_ text: String?, field: String) throws -> Int? {
        guard let text else { return nil }
        guard let number = Int(text), number >= 1 else {
            throw DomainError.invalid(field, "must be a whole number from 1 up")
        }
        return number
    }
}
