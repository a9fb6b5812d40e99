extension UploadRefusal {
    /// A stable machine-readable code for API clients: `too-large`, `not-an-image`, `unsupported-format`,
    /// `too-many-pixels`, `bad-name`, `empty`.
    public var code: String {
        switch self {
        case .tooLarge: "too-large"
        case .notAnImage: "not-an-image"
        case .unsupportedFormat: "unsupported-format"
        case .tooManyPixels: "too-many-pixels"
        case .badName: "bad-name"
        case .empty: "empty"
        }
    }
}
