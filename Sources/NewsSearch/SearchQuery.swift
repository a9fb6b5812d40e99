import NewsText

/// One syllable of a query, in the two forms the index holds.
public struct SearchTerm: Hashable, Sendable {
    /// Lowercased canonical form, diacritics kept ("đường", "hòa").
    public let exact: String
    /// Folded form ("duong", "hoa").
    public let folded: String

    /// Creates a term from its two forms.
    public init(exact: String, folded: String) {
        self.exact = exact
        self.folded = folded
    }

    /// Whether the reader typed diacritics on this syllable, so that matches of exactly this reading rank first.
    public var hasDiacritics: Bool { exact != folded }
}

/// A query as typed, reduced to what search compares: its syllables in order, normalised by the same NewsText code as
/// the indexed text (NFC, case, tone-mark placement, đ). Everything that is not part of a syllable — quotes, `*`, `-`,
/// parentheses, control characters — is a separator, so no query can reach a database's query language as syntax.
public struct SearchQuery: Hashable, Sendable {
    /// Syllables looked at; the rest of a longer query is ignored (a reader's query is a few words, and every
    /// syllable costs work on every candidate).
    public static let maxTerms = 12

    /// The syllables, in the order typed.
    public let terms: [SearchTerm]
    /// The query cleaned for showing back in the search box: NFC, no control characters, whitespace collapsed.
    public let text: String

    /// Parses a query as typed.
    public init(_ raw: String) {
        var terms: [SearchTerm] = []
        SearchTokens.forEach(in: raw) { folded, exact in
            guard terms.count < Self.maxTerms else { return }
            let foldedText = String(decoding: folded, as: UTF8.self)
            terms.append(SearchTerm(exact: exact.map { String(decoding: $0, as: UTF8.self) } ?? foldedText, folded: foldedText))
        }
        self.terms = terms
        self.text = VietnameseText.nfc(raw).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Creates a query from terms already in index form (suggestions).
    public init(terms: [SearchTerm]) {
        self.terms = Array(terms.prefix(Self.maxTerms))
        self.text = self.terms.map(\.exact).joined(separator: " ")
    }

    /// Whether nothing searchable was typed.
    public var isEmpty: Bool { terms.isEmpty }

    /// Whether any syllable carries diacritics.
    public var hasDiacritics: Bool { terms.contains(where: \.hasDiacritics) }
}
