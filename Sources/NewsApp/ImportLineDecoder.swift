import Foundation
import NewsDomain
import NewsText

/// Reads one JSON Lines record of the import format into an `ArticleInput`, naming every field that is wrong.
///
/// The format (README, "Import format"): `id`, `title`, `sapo`, `body`, `section`, optional `section_name`, `tags`,
/// optional `topic`, `author`, `published_at`, optional `images` ([{src, alt, caption, credit, width, height}]),
/// optional `status` (`published` or `draft`), optional `related` (ids of other articles), optional `slug`.
struct ImportLineDecoder {
    static let knownFields: Set<String> = [
        "id", "title", "sapo", "body", "section", "section_name", "tags", "topic", "author", "published_at",
        "images", "status", "related", "slug",
    ]
    static let knownImageFields: Set<String> = ["src", "alt", "caption", "credit", "width", "height"]

    /// How far in the future a published article's time may be (clock skew between machines).
    static let futureTolerance: TimeInterval = 60

    let now: Date

    /// The input of one line, or the problems with it as (field, message) pairs.
    func decode(_ line: Substring) -> Result<ArticleInput, ProblemList> {
        var problems = ProblemList()
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)) else {
            problems.add(nil, "is not valid JSON")
            return .failure(problems)
        }
        guard case .object(let record) = value else {
            problems.add(nil, "must be a JSON object, one article a line")
            return .failure(problems)
        }
        for key in record.keys.sorted() where !Self.knownFields.contains(key) {
            problems.add(key, "is not a field of the import format")
        }
        let externalID = identifier(record["id"], &problems)
        let title = text(record, "title", &problems) ?? ""
        let sapo = text(record, "sapo", &problems) ?? ""
        let body = text(record, "body", &problems) ?? ""
        let section = text(record, "section", &problems) ?? ""
        let sectionName = text(record, "section_name", &problems, required: false)
        let tags = strings(record, "tags", &problems, required: true)
        let topic = text(record, "topic", &problems, required: false)
        let author = text(record, "author", &problems) ?? ""
        let related = strings(record, "related", &problems, required: false)
        let slug = text(record, "slug", &problems, required: false)
        var status = ArticleStatus.published
        if let raw = text(record, "status", &problems, required: false) {
            if let value = ArticleStatus(rawValue: raw), [.published, .draft].contains(value) {
                status = value
            } else {
                problems.add("status", "must be \"published\" or \"draft\", not \"\(raw)\"")
            }
        }
        var publishedAt: Date?
        if let raw = text(record, "published_at", &problems, required: status == .published) {
            if let date = VietnameseDate.parseISO8601(raw) {
                publishedAt = date
                if status == .published, date.timeIntervalSince(now) > Self.futureTolerance {
                    problems.add("published_at", "is in the future; a published article needs a time that has come")
                }
            } else {
                problems.add("published_at", "must be an ISO 8601 date and time with a UTC offset, e.g. 2023-12-22T10:30:00+07:00, not \"\(raw)\"")
            }
        }
        let images = self.images(record["images"], &problems)
        guard problems.isEmpty else { return .failure(problems) }
        let input = ArticleInput(
            externalID: externalID, title: title, sapo: sapo, body: body, sectionSlug: section, sectionName: sectionName,
            tags: tags, topic: topic, author: author, publishedAt: publishedAt, images: images, status: status,
            related: related, slug: slug
        ).normalized()
        for violation in input.violations(allowedStatuses: [.published, .draft]) {
            problems.add(violation.field, violation.message)
        }
        return problems.isEmpty ? .success(input) : .failure(problems)
    }

    private func identifier(_ value: JSONValue?, _ problems: inout ProblemList) -> String? {
        switch value {
        case .string(let text) where !text.trimmingCharacters(in: .whitespaces).isEmpty:
            return text
        case .integer(let number):
            return String(number)
        case nil, .null:
            problems.add("id", "is required: the article's id in the system it comes from")
        default:
            problems.add("id", "must be a non-empty string or a whole number")
        }
        return nil
    }

    private func text(_ record: [String: JSONValue], _ field: String, _ problems: inout ProblemList, required: Bool = true) -> String? {
        switch record[field] {
        case .string(let value):
            return value
        case nil, .null:
            if required { problems.add(field, "is required") }
        default:
            problems.add(field, "must be a string")
        }
        return nil
    }

    private func strings(_ record: [String: JSONValue], _ field: String, _ problems: inout ProblemList, required: Bool) -> [String] {
        switch record[field] {
        case .array(let values):
            var result: [String] = []
            for (index, value) in values.enumerated() {
                if case .string(let text) = value { result.append(text) } else { problems.add("\(field)[\(index)]", "must be a string") }
            }
            return result
        case nil, .null:
            if required { problems.add(field, "is required (use [] for none)") }
        default:
            problems.add(field, "must be a list of strings")
        }
        return []
    }

    private func images(_ value: JSONValue?, _ problems: inout ProblemList) -> [ImageInput] {
        guard let value, value != .null else { return [] }
        guard case .array(let list) = value else {
            problems.add("images", "must be a list of objects {src, alt, caption, credit}")
            return []
        }
        var result: [ImageInput] = []
        for (index, item) in list.enumerated() {
            let field = "images[\(index)]"
            guard case .object(let image) = item else {
                problems.add(field, "must be an object {src, alt, caption, credit}")
                continue
            }
            for key in image.keys.sorted() where !Self.knownImageFields.contains(key) {
                problems.add("\(field).\(key)", "is not a field of an image")
            }
            let src = text(image, "src", &problems, prefixed: field) ?? ""
            let alt = text(image, "alt", &problems, prefixed: field) ?? ""
            let caption = text(image, "caption", &problems, prefixed: field, required: false) ?? ""
            let credit = text(image, "credit", &problems, prefixed: field, required: false) ?? ""
            let width = dimension(image["width"], "\(field).width", &problems)
            let height = dimension(image["height"], "\(field).height", &problems)
            result.append(ImageInput(src: src, alt: alt, caption: caption, credit: credit, width: width, height: height))
        }
        return result
    }

    private func text(
        _ record: [String: JSONValue], _ field: String, _ problems: inout ProblemList, prefixed prefix: String, required: Bool = true
    ) -> String? {
        var inner = ProblemList()
        let value = text(record, field, &inner, required: required)
        for problem in inner.items { problems.add("\(prefix).\(problem.field ?? field)", problem.message) }
        return value
    }

    private func dimension(_ value: JSONValue?, _ field: String, _ problems: inout ProblemList) -> Int? {
        switch value {
        case nil, .null:
            return nil
        case .integer(let number) where number >= Int64(Int.min) && number <= Int64(Int.max):
            return Int(number)
        default:
            problems.add(field, "must be a whole number of pixels")
            return nil
        }
    }
}

/// Problems found in one line, as (field, message) pairs.
struct ProblemList: Error {
    private(set) var items: [(field: String?, message: String)] = []

    var isEmpty: Bool { items.isEmpty }

    mutating func add(_ field: String?, _ message: String) {
        items.append((field, message))
    }
}
