/// Limits on what is said about a library image.
public enum MediaLimits {
    /// Longest alternative text.
    public static let alt = 500
    /// Longest caption.
    public static let caption = 1_000
    /// Longest credit (a photographer's or agency's name).
    public static let credit = ArticleLimits.name
    /// Longest statement of usage rights.
    public static let rights = 1_000
}

extension Media {
    /// Every rule the metadata breaks, in field order (`alt`, `caption`, `credit`, `rights`); empty when it is valid.
    ///
    /// Alt text is required: readers who cannot see the image need it wherever the image is placed.
    public static func metadataViolations(alt: String, caption: String, credit: String, rights: String) -> [DomainError] {
        var errors: [DomainError] = []
        if alt.allSatisfy(\.isWhitespace) {
            errors.append(.required("alt"))
        }
        for (value, field, max) in [
            (alt, "alt", MediaLimits.alt), (caption, "caption", MediaLimits.caption),
            (credit, "credit", MediaLimits.credit), (rights, "rights", MediaLimits.rights),
        ] where value.count > max {
            errors.append(.tooLong(field, max: max))
        }
        return errors
    }
}

extension User {
    /// Whether the account may add images to the library: any editorial role, or an administrator.
    public var mayUploadMedia: Bool {
        !isDisabled && roles.contains { $0.editorialRank != nil || $0 == .administrator }
    }

    /// Whether the account may change what is said about `media`: editors (section editor and above) and
    /// administrators any image, reporters only images they uploaded themselves.
    public func mayEditMetadata(of media: Media) -> Bool {
        guard !isDisabled else { return false }
        if roles.contains(where: { ($0.editorialRank ?? 0) >= 1 || $0 == .administrator }) { return true }
        return roles.contains(.reporter) && media.uploadedBy == id
    }
}

extension WorkflowDenial {
    /// The account holds no role that may upload images.
    public static let mediaUploadNotPermitted = Self(code: "not-permitted", message: "Bạn không có quyền tải ảnh lên thư viện")

    /// A reporter tried to change an image someone else uploaded.
    public static let mediaEditNotPermitted = Self(
        code: "not-permitted", message: "Phóng viên chỉ được sửa thông tin ảnh do chính mình tải lên"
    )
}
