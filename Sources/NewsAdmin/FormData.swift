import Foundation
import Hummingbird
import NewsText

/// The fields of a submitted HTML form (`application/x-www-form-urlencoded`), NFC-normalised, with repeated names kept
/// in order (checkbox groups, multi-selects).
public struct FormData: Sendable, Equatable {
    /// Every value of every field, in the order sent.
    public private(set) var values: [String: [String]] = [:]

    /// The largest form body read: an article with a long body fits many times over.
    public static let maxBytes = 2 * 1_048_576

    /// An empty form.
    public init() {}

    /// Parses `a=1&b=x+y&b=%C4%91`.
    public init(encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(VietnameseText.nfc(value))
        }
    }

    /// Reads and parses the request's form body (the body stays readable for later handlers).
    public static func read(_ request: inout Request) async throws -> FormData {
        let buffer = try await request.collectBody(upTo: maxBytes)
        return FormData(encoded: String(buffer: buffer))
    }

    /// The first value of a field, or "" when absent.
    public subscript(_ name: String) -> String { values[name]?.first ?? "" }

    /// The first value of a field, trimmed, or nil when absent or blank.
    public func nonEmpty(_ name: String) -> String? {
        let value = self[name].trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// Every value of a field.
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Whether a checkbox was ticked.
    public func isOn(_ name: String) -> Bool { values[name] != nil && self[name] != "0" }

    /// Sets a field (tests, and re-filled forms).
    public mutating func set(_ name: String, _ value: String) { values[name] = [value] }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
