import Foundation

extension UploadRefusal {
    /// The message in Vietnamese, for the newsroom's HTML pages: what is wrong with which file, and what to do.
    public var vietnameseDescription: String {
        switch self {
        case .tooLarge(let name, let bytes, let limit):
            let (size, allowed) = Self.sizes(bytes, limit)
            return "Tệp \(FileNameRule.quoted(name)) nặng \(Self.vietnamese(size)), vượt giới hạn \(Self.vietnamese(allowed)). Hãy dùng tệp nhỏ hơn."
        case .notAnImage(let name):
            return "Tệp \(FileNameRule.quoted(name)) không phải là ảnh, hoặc đã bị hỏng. Hãy dùng tệp JPEG, PNG, WebP hoặc GIF."
        case .unsupportedFormat(let name, let detected):
            return "Tệp \(FileNameRule.quoted(name)) là ảnh định dạng \(detected.uppercased()), trang không nhận định dạng này. Hãy dùng tệp JPEG, PNG, WebP hoặc GIF."
        case .tooManyPixels(let name, let width, let height, let limit):
            return "Ảnh \(FileNameRule.quoted(name)) có kích thước \(width)×\(height) điểm ảnh, vượt giới hạn \(Self.vietnamesePixels(limit)). Hãy dùng ảnh nhỏ hơn."
        case .badName(let name, _):
            let reason = Self.vietnameseNameProblem(name) ?? "tên không hợp lệ"
            return "Không dùng được tên tệp \(FileNameRule.quoted(name)): \(reason). Hãy đổi tên tệp rồi tải lên lại."
        case .empty(let name):
            return "Tệp \(FileNameRule.quoted(name)) trống, không có dữ liệu. Hãy chọn lại tệp; có thể lần tải lên trước bị ngắt giữa chừng."
        }
    }

    /// "14.5 MB" → "14,5 MB", "812 bytes" → "812 byte": Vietnamese writes a decimal comma.
    private static func vietnamese(_ size: String) -> String {
        size.replacingOccurrences(of: ".", with: ",").replacingOccurrences(of: " bytes", with: " byte")
    }

    /// "50 megapixel", "12,5 megapixel", "1000 điểm ảnh".
    private static func vietnamesePixels(_ count: Int) -> String {
        guard count >= 1_000_000 else { return "\(count) điểm ảnh" }
        let value = (Double(count) / 100_000).rounded() / 10
        let text = value == value.rounded() ? "\(Int(value))" : String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
        return "\(text) megapixel"
    }

    /// Why `name` cannot be used, in Vietnamese, checked in the same order as `FileNameRule.problem(with:)`.
    private static func vietnameseNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "tên trống" }
        if name.unicodeScalars.contains(where: FileNameRule.isControl) { return "tên chứa ký tự điều khiển" }
        if name.unicodeScalars.contains(where: FileNameRule.changesDirection) {
            return "tên chứa ký tự ẩn làm đảo chiều chữ"
        }
        if name.allSatisfy(\.isWhitespace) { return "tên chỉ có dấu cách" }
        if name.utf8.count > FileNameRule.maxBytes {
            return "tên dài \(name.utf8.count) byte, giới hạn là \(FileNameRule.maxBytes)"
        }
        let parts = name.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }
        if parts.contains("..") { return "tên chứa “..”, trỏ ra ngoài thư mục" }
        if name.contains("/") { return "tên chứa “/”, ký tự phân cách thư mục" }
        if name.contains("\\") { return "tên chứa “\\”, ký tự phân cách thư mục trên Windows" }
        if name.hasPrefix(".") { return "tên bắt đầu bằng “.”, làm tệp bị ẩn" }
        return nil
    }
}
