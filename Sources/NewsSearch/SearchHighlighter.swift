import NewsText

/// Marks what a query matched in a text, as safe HTML: every character of the text is escaped, and the only markup
/// added is `<mark>` around matched syllables (neighbouring matches share one mark: "<mark>đường sắt</mark>").
/// A syllable matches when its folded form is one of the query's, so every reading that made the article match shows.
public struct SearchHighlighter: Sendable {
    /// Syllables in a snippet.
    public static let snippetSyllables = 36
    /// How far into a text a snippet is looked for, in UTF-8 bytes (the lead of a long body is where the news is).
    public static let snippetScanBytes = 12_000

    /// Folded forms of the query's distinct terms.
    private let terms: [[UInt8]]
    /// For each of `terms`: the exact form typed, when it had diacritics.
    private let exactTerms: [[UInt8]?]
    /// For each query position, its index in `terms`, to find the query's syllable pairs in a text.
    private let termSequence: [Int]

    /// A highlighter for the terms of a query.
    public init(query: SearchQuery) {
        var terms: [[UInt8]] = []
        var exactTerms: [[UInt8]?] = []
        var sequence: [Int] = []
        for term in query.terms {
            let folded = Array(term.folded.utf8)
            if let index = terms.firstIndex(of: folded) {
                sequence.append(index)
                if exactTerms[index] == nil, term.hasDiacritics { exactTerms[index] = Array(term.exact.utf8) }
            } else {
                sequence.append(terms.count)
                terms.append(folded)
                exactTerms.append(term.hasDiacritics ? Array(term.exact.utf8) : nil)
            }
        }
        self.terms = terms
        self.exactTerms = exactTerms
        self.termSequence = sequence
    }

    /// The whole text as HTML with matches marked.
    public func highlight(_ text: String) -> String {
        let syllables = matches(in: text, scanLimit: nil)
        return html(text, syllables: syllables, from: 0, to: syllables.count, wholeText: true)
    }

    /// A passage of about `snippetSyllables` syllables from the text that holds the most query terms (the first
    /// text wins a tie), as HTML with matches marked and "…" where it was cut; the start of the first non-empty text
    /// when none matches.
    public func snippet(from texts: [String]) -> String {
        var best: (text: String, syllables: [Syllable], window: Range<Int>, score: Int)?
        for text in texts where !text.isEmpty {
            let syllables = matches(in: text, scanLimit: Self.snippetScanBytes)
            guard !syllables.isEmpty else { continue }
            let (window, score) = bestWindow(syllables)
            if best == nil || score > best!.score {
                best = (text, syllables, window, score)
            }
        }
        guard let best else { return "" }
        return html(best.text, syllables: best.syllables, from: best.window.lowerBound, to: best.window.upperBound, wholeText: false)
    }

    // MARK: - Matching

    /// A syllable of a text: where it is, which query term it matched (-1 for none), and whether exactly as typed.
    struct Syllable {
        var range: Range<Int>
        var term: Int
        var isExact: Bool
    }

    func matches(in text: String, scanLimit: Int?) -> [Syllable] {
        var result: [Syllable] = []
        var scanned = text
        if let scanLimit, text.utf8.count > scanLimit {
            // Cut on a scalar boundary; the rest of the text is never looked at.
            scanned = scanned.withUTF8 { bytes in
                var end = scanLimit
                while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
            }
        }
        VietnameseText.forEachSyllable(in: scanned) { exact, folded, range in
            let folded = SearchTokens.clipped(folded)
            var matched = -1
            for (index, term) in terms.enumerated() where term.count == folded.count && term.elementsEqual(folded) {
                matched = index
                break
            }
            var isExact = false
            if matched >= 0, let wanted = exactTerms[matched] {
                isExact = wanted.elementsEqual(SearchTokens.clipped(exact))
            }
            result.append(Syllable(range: range, term: matched, isExact: isExact))
        }
        return result
    }

    /// The window of `snippetSyllables` syllables with the most distinct terms, then the most query pairs in order,
    /// then the most exact readings; then placed so that a little context comes before its first match.
    func bestWindow(_ syllables: [Syllable]) -> (Range<Int>, Int) {
        let width = min(Self.snippetSyllables, syllables.count)
        func value(at index: Int) -> Int {
            var value = syllables[index].isExact ? 1 : 0
            if index + 1 < syllables.count, followsInQuery(syllables[index].term, syllables[index + 1].term) { value += 4 }
            return value
        }
        var counts = Array(repeating: 0, count: terms.count)
        var distinct = 0
        var extra = 0
        func add(_ index: Int, _ sign: Int) {
            let term = syllables[index].term
            if term >= 0 {
                if sign > 0 && counts[term] == 0 { distinct += 1 }
                counts[term] += sign
                if sign < 0 && counts[term] == 0 { distinct -= 1 }
            }
            extra += sign * value(at: index)
        }
        for index in 0..<width { add(index, 1) }
        var bestStart = 0
        var bestScore = distinct * 100 + extra
        if syllables.count > width {
            for start in 1...(syllables.count - width) {
                add(start - 1, -1)
                add(start + width - 1, 1)
                let score = distinct * 100 + extra
                if score > bestScore {
                    bestScore = score
                    bestStart = start
                }
            }
        }
        let window = bestStart..<(bestStart + width)
        guard let first = window.first(where: { syllables[$0].term >= 0 }),
            let last = window.last(where: { syllables[$0].term >= 0 })
        else { return (0..<width, 0) }
        // About a third of the room left goes before the first match.
        let slack = width - (last - first + 1)
        let start = max(0, min(first - slack / 3, syllables.count - width))
        return (start..<(start + width), bestScore)
    }

    /// Whether term `next` comes right after term `term` somewhere in the query.
    private func followsInQuery(_ term: Int, _ next: Int) -> Bool {
        guard term >= 0, next >= 0, termSequence.count > 1 else { return false }
        for position in 0..<(termSequence.count - 1) where termSequence[position] == term && termSequence[position + 1] == next {
            return true
        }
        return false
    }

    // MARK: - HTML

    /// Escaped text of syllables `start..<end` (or the whole text), whitespace collapsed, matched runs in `<mark>`.
    private func html(_ text: String, syllables: [Syllable], from start: Int, to end: Int, wholeText: Bool) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(256)
            let textStart = wholeText || start == 0 ? 0 : syllables[start].range.lowerBound
            var textEnd = bytes.count
            if !wholeText, end < syllables.count {
                // Keep the punctuation that closes the last syllable's word ("sắt." or "sắt,").
                textEnd = syllables[end - 1].range.upperBound
                while textEnd < bytes.count, !Self.isSpace(bytes[textEnd]), textEnd < syllables[end].range.lowerBound {
                    textEnd += 1
                }
            }
            if textStart > 0 { output.append(contentsOf: Self.ellipsis) }
            var cursor = textStart
            var index = start
            while index < end {
                guard syllables[index].term >= 0 else {
                    index += 1
                    continue
                }
                // A run of matches separated only by spaces becomes one mark.
                var runEnd = index
                while runEnd + 1 < end, syllables[runEnd + 1].term >= 0,
                    Self.onlySpaces(bytes, syllables[runEnd].range.upperBound..<syllables[runEnd + 1].range.lowerBound)
                {
                    runEnd += 1
                }
                let markStart = syllables[index].range.lowerBound
                let markEnd = syllables[runEnd].range.upperBound
                Self.appendEscaped(bytes, cursor..<markStart, to: &output)
                output.append(contentsOf: Self.markOpen)
                Self.appendEscaped(bytes, markStart..<markEnd, to: &output)
                output.append(contentsOf: Self.markClose)
                cursor = markEnd
                index = runEnd + 1
            }
            Self.appendEscaped(bytes, cursor..<max(cursor, textEnd), to: &output)
            if !wholeText {
                while let last = output.last, Self.isSpace(last) { output.removeLast() }
                if textEnd < bytes.count { output.append(contentsOf: Self.ellipsis) }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static let markOpen = Array("<mark>".utf8)
    private static let markClose = Array("</mark>".utf8)
    private static let ellipsis = Array("…".utf8)

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private static func onlySpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        !range.isEmpty && range.allSatisfy { isSpace(bytes[$0]) }
    }

    /// Appends text escaped for HTML, with every run of whitespace as one space.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to output: inout [UInt8]) {
        var runStart = range.lowerBound
        for index in range where isSpace(bytes[index]) {
            HTMLText.appendEscaped(UnsafeBufferPointer(rebasing: bytes[runStart..<index]), to: &output)
            if let last = output.last, last != 0x20 { output.append(0x20) }
            runStart = index + 1
        }
        HTMLText.appendEscaped(UnsafeBufferPointer(rebasing: bytes[runStart..<range.upperBound]), to: &output)
    }
}
