/// What a version gives the search index: its texts and its section.
public struct SearchRowText: Sendable {
    /// The headline.
    public var title: String
    /// The sapo (lead).
    public var sapo: String
    /// The body, in Markdown.
    public var body: String
    /// The version's section.
    public var sectionID: Int64

    /// Creates the text of a version.
    public init(title: String, sapo: String, body: String, sectionID: Int64) {
        self.title = title
        self.sapo = sapo
        self.body = body
        self.sectionID = sectionID
    }
}

/// A version's text in index form, computed once per version, the same for every store: the folded tokens of title,
/// sapo and body (`SearchField` order), written out after `writtenOutMarker` and separated by spaces, and the encoded
/// exact readings of each field (`ExactReadings`).
public struct SearchRowTokens: Sendable {
    /// Starts a column value made of written-out tokens (U+0001, see the SQLite store's tokenizer).
    public static let writtenOutMarker: UInt8 = 0x01

    /// Per field, the marker and the folded tokens separated by single spaces.
    public var columns: [String]
    /// The encoded `ExactReadings` of the three fields.
    public var readings: [UInt8]

    /// Each field read once: its folded tokens and its readings come from the same pass.
    public init(title: String, sapo: String, body: String) {
        let fields = [title, sapo, SearchText.plain(markdown: body)].map {
            SearchTokens.writtenOutForms(of: $0, prefix: Self.writtenOutMarker)
        }
        columns = fields.map { String(decoding: $0.folded, as: UTF8.self) }
        readings = ExactReadings(fields: fields.map(\.readings)).encoded
    }

    /// The index form of a version's text.
    public init(_ text: SearchRowText) {
        self.init(title: text.title, sapo: text.sapo, body: text.body)
    }

    /// Per field, its tokens in order (position i is token i), read from `columns` the way the SQLite store's
    /// tokenizer reads written-out tokens: split at every byte up to U+0020, empty pieces skipped.
    public var fieldTokens: [[String]] {
        columns.map { column in
            column.utf8.split(whereSeparator: { $0 <= 0x20 }).map { String(decoding: $0, as: UTF8.self) }
        }
    }
}
