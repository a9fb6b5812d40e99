import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A `multipart/form-data` request body read whole: its text fields and at most one file. Used by the Admin API and
/// by the HTML admin alike; it knows nothing of either.
public struct MultipartForm: Sendable {
    /// The file part of a form.
    public struct File: Sendable {
        /// The form field that carried it (`file`).
        public var field: String
        /// The file name as the client sent it: a name to check and show, never a path to use.
        public var fileName: String
        /// The client's content type for it, if any; not trusted (the type is decided by decoding).
        public var contentType: String?
        /// The file's bytes.
        public var bytes: ByteBuffer

        /// Describes a file part.
        public init(field: String, fileName: String, contentType: String? = nil, bytes: ByteBuffer) {
            self.field = field
            self.fileName = fileName
            self.contentType = contentType
            self.bytes = bytes
        }
    }

    /// Text fields by name (the first part of a name wins), as UTF-8 text.
    public var fields: [String: String]
    /// The file part, when the form had one with a file in it.
    public var file: File?

    /// Room for the text fields and part headers beside a file: a form may be this much bigger than its file.
    public static let overhead = 64 * 1024

    /// The body limit for a form whose file may have `fileBytes` bytes.
    public static func limit(forFileBytes fileBytes: Int) -> Int { fileBytes + overhead }

    /// Creates a form.
    public init(fields: [String: String] = [:], file: File? = nil) {
        self.fields = fields
        self.file = file
    }

    /// Reads the request body (at most `limit` bytes, else `MultipartFormError.tooLarge`) and parses it.
    public static func parse(_ request: Request, limit: Int) async throws -> MultipartForm {
        let contentType = request.headers[.contentType] ?? ""
        guard boundary(contentType: contentType) != nil else { throw MultipartFormError.notMultipart }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw MultipartFormError.tooLarge(limit: limit)
        }
        return try parse(body, contentType: contentType)
    }

    /// Parses a whole body sent with `contentType` (`multipart/form-data; boundary=…`).
    public static func parse(_ body: ByteBuffer, contentType: String) throws -> MultipartForm {
        guard let boundary = boundary(contentType: contentType) else { throw MultipartFormError.notMultipart }
        let parser = MultipartParser(boundary: boundary)
        var headers: [(String, String)] = []
        var partBody = ByteBuffer()
        var parts: [(headers: [(String, String)], body: ByteBuffer)] = []
        parser.onHeader = { name, value in headers.append((name, value)) }
        parser.onBody = { chunk in partBody.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append((headers, partBody))
            headers = []
            partBody = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw MultipartFormError.malformed
        }
        guard !parts.isEmpty else { throw MultipartFormError.malformed }

        var form = MultipartForm()
        for part in parts {
            let header = { (name: String) in part.headers.first { $0.0.lowercased() == name }?.1 }
            guard let disposition = header("content-disposition").map({ HeaderParameters($0) }),
                  disposition.type == "form-data", let name = disposition.parameters["name"]
            else { continue }
            if let fileName = disposition.parameters["filename*"].flatMap(HeaderParameters.decodeExtended)
                ?? disposition.parameters["filename"]
            {
                // Browsers send an empty file part, named "", when no file was chosen.
                if fileName.isEmpty && part.body.readableBytes == 0 { continue }
                guard form.file == nil else { throw MultipartFormError.severalFiles }
                form.file = File(field: name, fileName: fileName, contentType: header("content-type"), bytes: part.body)
            } else if form.fields[name] == nil {
                form.fields[name] = String(buffer: part.body)
            }
        }
        return form
    }

    /// The boundary parameter of a `multipart/form-data` content type, or nil for any other type.
    static func boundary(contentType: String) -> String? {
        let disposition = HeaderParameters(contentType)
        guard disposition.type == "multipart/form-data",
              let boundary = disposition.parameters["boundary"], (1...70).contains(boundary.utf8.count)
        else { return nil }
        return boundary
    }
}

/// Why a form body could not be read.
public enum MultipartFormError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body is longer than `limit` bytes; reading stopped there.
    case tooLarge(limit: Int)
    /// The request is not `multipart/form-data` with a boundary.
    case notMultipart
    /// The body does not follow the multipart format.
    case malformed
    /// The form carries more than one file.
    case severalFiles

    /// The form field the problem is about, for error responses.
    public var field: String? {
        switch self {
        case .tooLarge, .severalFiles: "file"
        case .notMultipart, .malformed: nil
        }
    }

    /// A clear English message for API clients.
    public var description: String {
        switch self {
        case .tooLarge(let limit):
            "The upload is larger than \(limit / 1_048_576 > 0 ? "\(limit / 1_048_576) MB" : "\(limit) bytes"). Use a smaller file."
        case .notMultipart:
            "Send the form as multipart/form-data."
        case .malformed:
            "The multipart/form-data body is damaged or incomplete; send the form again."
        case .severalFiles:
            "Send one file at a time."
        }
    }

    /// The message in Vietnamese, for the newsroom's HTML pages.
    public var vietnameseDescription: String {
        switch self {
        case .tooLarge(let limit):
            "Tệp tải lên lớn hơn \(limit / 1_048_576 > 0 ? "\(limit / 1_048_576) MB" : "\(limit) byte"). Hãy dùng tệp nhỏ hơn."
        case .notMultipart, .malformed:
            "Dữ liệu biểu mẫu gửi lên bị hỏng hoặc không đầy đủ. Hãy gửi lại."
        case .severalFiles:
            "Mỗi lần chỉ tải lên một tệp."
        }
    }
}

/// A header value of the form `type; name=value; name="quoted value"` (Content-Disposition, Content-Type).
struct HeaderParameters {
    /// The value before the first `;`, lowercased.
    var type: String
    /// Parameters by lowercased name; quoted values without their quotes, backslashes kept.
    var parameters: [String: String]

    /// Parses a header value; a malformed parameter ends the parsing, keeping those before it.
    init(_ value: String) {
        var scalars = Substring(value).unicodeScalars[...]
        func skipSpaces() { while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() } }
        func token() -> String {
            var text = String.UnicodeScalarView()
            while let first = scalars.first, first != ";", first != "=" { text.append(scalars.removeFirst()) }
            return String(text).trimmingCharacters(in: .whitespaces)
        }
        type = token().lowercased()
        parameters = [:]
        while scalars.first == ";" {
            scalars.removeFirst()
            skipSpaces()
            let name = token().lowercased()
            guard scalars.first == "=" else { break }
            scalars.removeFirst()
            skipSpaces()
            var parameterValue = String.UnicodeScalarView()
            let quoted = scalars.first == "\""
            if quoted {
                scalars.removeFirst()
                var closed = false
                while let scalar = scalars.popFirst() {
                    if scalar == "\"" { closed = true; break }
                    // Browsers send a backslash as it is (RFC 7578 4.2), so it is kept: a Windows path in a file
                    // name stays visible to the name check. It still keeps an escaped quote from ending the value.
                    parameterValue.append(scalar)
                    if scalar == "\\", let escaped = scalars.popFirst() { parameterValue.append(escaped) }
                }
                guard closed else { break }
                while let first = scalars.first, first != ";" { scalars.removeFirst() }
            } else {
                while let first = scalars.first, first != ";" { parameterValue.append(scalars.removeFirst()) }
            }
            // A quoted value is kept as sent, spaces and all: a name of only spaces must reach the name check.
            if !name.isEmpty, parameters[name] == nil {
                parameters[name] = quoted ? String(parameterValue) : String(parameterValue).trimmingCharacters(in: .whitespaces)
            }
        }
    }

    /// Decodes an RFC 5987 extended value (`UTF-8''na%C3%AFve.jpg`); nil when it is not UTF-8 or not well encoded.
    static func decodeExtended(_ value: String) -> String? {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        return String(pieces[2]).removingPercentEncoding
    }
}
