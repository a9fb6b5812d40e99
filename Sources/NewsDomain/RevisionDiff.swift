/// The differences between two versions of an article, field by field and line by line, for the revision history.
public struct RevisionDiff: Hashable, Sendable {
    /// Every compared field, in `DiffField` order, changed or not.
    public var fields: [FieldDiff]

    /// Compares `old` with `new`.
    public init(from old: ArticleContent, to new: ArticleContent) {
        fields = DiffField.allCases.map { field in
            FieldDiff(field: field, lines: Self.lines(from: field.lines(of: old), to: field.lines(of: new)))
        }
    }

    /// The fields that differ.
    public var changedFields: [FieldDiff] { fields.filter(\.hasChanges) }

    /// Whether the two versions differ in any compared field.
    public var hasChanges: Bool { fields.contains(where: \.hasChanges) }

    /// Above this many cells (lines of one side times lines of the other, after the common start and end are set
    /// aside), the changed middle is shown as removed and then added whole, to keep memory bounded.
    public static let maxComparisonCells = 4_000_000

    /// A shortest line diff turning `old` into `new` (longest common subsequence): within each changed run the removed
    /// lines come before the added ones. Lines are compared as Swift strings, so NFC and NFD spellings are equal.
    public static func lines(from old: [String], to new: [String]) -> [DiffLine] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let a = Array(old[prefix..<(old.count - suffix)])
        let b = Array(new[prefix..<(new.count - suffix)])

        var result = old[..<prefix].map { DiffLine(.same, $0) }
        result += middle(a, b)
        result += old[(old.count - suffix)...].map { DiffLine(.same, $0) }
        return result
    }

    /// The diff of two sequences that share neither their first nor their last line.
    private static func middle(_ a: [String], _ b: [String]) -> [DiffLine] {
        let n = a.count
        let m = b.count
        guard n > 0, m > 0, n * m <= maxComparisonCells else {
            return a.map { DiffLine(.removed, $0) } + b.map { DiffLine(.added, $0) }
        }
        // common[i * (m + 1) + j]: length of the longest common subsequence of a[i...] and b[j...].
        let width = m + 1
        var common = [Int32](repeating: 0, count: (n + 1) * width)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                common[i * width + j] =
                    a[i] == b[j]
                    ? common[(i + 1) * width + j + 1] + 1
                    : max(common[(i + 1) * width + j], common[i * width + j + 1])
            }
        }
        var lines: [DiffLine] = []
        var removed: [DiffLine] = []
        var added: [DiffLine] = []
        func flush() {
            lines += removed
            lines += added
            removed.removeAll()
            added.removeAll()
        }
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                flush()
                lines.append(DiffLine(.same, a[i]))
                i += 1
                j += 1
            } else if j == m || (i < n && common[(i + 1) * width + j] >= common[i * width + j + 1]) {
                removed.append(DiffLine(.removed, a[i]))
                i += 1
            } else {
                added.append(DiffLine(.added, b[j]))
                j += 1
            }
        }
        flush()
        return lines
    }

    /// The lines of a text as the diff compares them: split at line breaks (CR LF counts as one), none for empty text.
    public static func splitLines(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }
}

/// A field the revision diff compares.
public enum DiffField: String, Sendable, Hashable, CaseIterable {
    /// Headline.
    case title
    /// Sapo.
    case sapo
    /// Body, line by line.
    case body
    /// Tags, one a line.
    case tags
    /// Section name.
    case section
    /// Topic name.
    case topic
    /// Bylines, one a line.
    case byline
    /// URL slug.
    case slug

    /// The Vietnamese name shown in the diff view.
    public var label: String {
        switch self {
        case .title: "Tiêu đề"
        case .sapo: "Sapo"
        case .body: "Nội dung"
        case .tags: "Từ khóa"
        case .section: "Chuyên mục"
        case .topic: "Dòng sự kiện"
        case .byline: "Tác giả"
        case .slug: "Đường dẫn"
        }
    }

    /// The lines this field has in `content`.
    func lines(of content: ArticleContent) -> [String] {
        switch self {
        case .title: RevisionDiff.splitLines(content.title)
        case .sapo: RevisionDiff.splitLines(content.sapo)
        case .body: RevisionDiff.splitLines(content.body)
        case .tags: content.tags.map(\.name)
        case .section: [content.section.name]
        case .topic: content.topic.map { [$0.name] } ?? []
        case .byline: content.authors.map(\.name)
        case .slug: [content.slug]
        }
    }
}

/// The line diff of one field.
public struct FieldDiff: Hashable, Sendable {
    /// Which field.
    public var field: DiffField
    /// Its lines, old and new interleaved in reading order.
    public var lines: [DiffLine]

    /// Creates a field diff.
    public init(field: DiffField, lines: [DiffLine]) {
        self.field = field
        self.lines = lines
    }

    /// Whether any line was added or removed.
    public var hasChanges: Bool { lines.contains { $0.kind != .same } }
}

/// One line of a diff.
public struct DiffLine: Hashable, Sendable {
    /// What happened to a line.
    public enum Kind: String, Sendable, Hashable {
        /// In both versions.
        case same
        /// Only in the newer version.
        case added
        /// Only in the older version.
        case removed
    }

    /// What happened to the line.
    public var kind: Kind
    /// The line's text.
    public var text: String

    /// Creates a diff line.
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
