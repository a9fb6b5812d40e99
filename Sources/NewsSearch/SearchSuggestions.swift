import NewsText

/// "Có phải bạn muốn tìm": corrected forms of a query that found nothing. Only syllables the index does not know are
/// corrected, in this order of trust: Telex or VNI typed with the input method off ("dduwowngf", "d9u7o7ng2" →
/// "đường"), one typing slip (a letter missing, extra, wrong or swapped: "nguoii" → "nguoi"), two syllables run
/// together ("hanoi" → "ha noi"). Tone style, capitals, NFD and đ/d need no suggestion: the query is normalised
/// like the index, so they match already.
public enum SearchSuggestions {
    /// Corrections tried per unknown syllable, most likely first.
    public static let alternativesPerTerm = 3
    /// The shortest unknown word in which a typing slip is corrected.
    public static let minimumSlipLength = 4
    /// Most index look-ups one query may cost.
    public static let lookupBudget = 2_000

    /// Corrected queries to try, best first (the caller keeps the first that finds something). `documentFrequency`
    /// tells in how many indexed documents a folded syllable occurs (0 when in none); `readingCounts` how often each
    /// reading of a folded syllable occurs (counts under the folded syllable itself are of its plain reading, as in
    /// "miền Trung"), in all documents or in a sample of them.
    public static func candidates(
        for query: SearchQuery, documentFrequency: (String) throws -> Int,
        readingCounts: (String) throws -> [String: Int]
    ) rethrows -> [String] {
        var budget = lookupBudget
        var cache: [String: Int] = [:]
        func frequency(_ folded: String) throws -> Int {
            if let known = cache[folded] { return known }
            guard budget > 0 else { return 0 }
            budget -= 1
            let value = try documentFrequency(folded)
            cache[folded] = value
            return value
        }
        var options: [[String]] = []
        var anyUnknown = false
        for term in query.terms {
            if try frequency(term.folded) > 0 {
                options.append([term.exact])
                continue
            }
            anyUnknown = true
            options.append(try corrections(of: term, frequency: frequency, readingCounts: readingCounts))
        }
        guard anyUnknown, options.allSatisfy({ !$0.isEmpty }) else { return [] }
        var result: [String] = []
        for rank in 0..<alternativesPerTerm {
            let text = options.map { $0[min(rank, $0.count - 1)] }.joined(separator: " ")
            if !result.contains(text) { result.append(text) }
        }
        return result
    }

    /// Replacements for one syllable the index does not know, most likely first.
    static func corrections(
        of term: SearchTerm, frequency: (String) throws -> Int, readingCounts: (String) throws -> [String: Int]
    ) rethrows -> [String] {
        var found: [String] = []
        for decoded in [TypedVietnamese.telex(term.exact), TypedVietnamese.vni(term.exact)].compactMap({ $0 }) {
            let forms = SearchQuery(decoded).terms
            guard forms.count == 1, forms[0].folded != term.folded, try frequency(forms[0].folded) > 0 else { continue }
            if !found.contains(forms[0].exact) { found.append(forms[0].exact) }
        }
        let folded = Array(term.folded.utf8)
        guard folded.allSatisfy({ $0 < 0x80 }), folded.count <= 20 else { return found }
        var slips: [(String, Int)] = []
        // A slip is only looked for in words of `minimumSlipLength` letters or more: a short one ("SJC", an acronym)
        // has a known syllable one letter away almost always ("súc"), which would be a guess, not a correction.
        for candidate in folded.count >= minimumSlipLength ? oneSlipAway(folded) : [] {
            let count = try frequency(candidate)
            if count > 0 { slips.append((candidate, count)) }
        }
        slips.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        for (candidate, _) in slips.prefix(alternativesPerTerm) {
            let shown = reading(of: candidate, counts: try readingCounts(candidate))
            if !found.contains(shown) { found.append(shown) }
        }
        if folded.count >= 4 {
            var best: (String, Int)?
            for cut in 2...(folded.count - 2) {
                let left = String(decoding: folded[..<cut], as: UTF8.self)
                let right = String(decoding: folded[cut...], as: UTF8.self)
                let count = min(try frequency(left), try frequency(right))
                if count > 0, count > best?.1 ?? 0 { best = ("\(left) \(right)", count) }
            }
            if let best {
                let parts = best.0.split(separator: " ").map(String.init)
                found.append(try parts.map { reading(of: $0, counts: try readingCounts($0)) }.joined(separator: " "))
            }
        }
        return Array(found.prefix(alternativesPerTerm))
    }

    /// The most frequent reading of a folded syllable ("dan" → "dân") by `counts` (see `candidates`), the folded
    /// syllable itself when it is more frequent in its plain reading than any accented one ("trungg" suggests
    /// "trung", not the rarer "trũng") or when none is known.
    static func reading(of folded: String, counts: [String: Int]) -> String {
        var best: (String, Int)?
        for reading in TypedVietnamese.readings(ofFolded: folded) {
            let count = counts[reading] ?? 0
            if count > 0, count > best?.1 ?? 0 { best = (reading, count) }
        }
        guard let best, best.1 >= counts[folded] ?? 0 else { return folded }
        return best.0
    }

    private static let letters = Array("abcdefghijklmnopqrstuvwxyz".utf8)

    /// Every lowercase ASCII string one deletion, transposition, substitution or insertion away, without repeats.
    static func oneSlipAway(_ word: [UInt8]) -> [String] {
        var seen: Set<[UInt8]> = [word]
        var result: [String] = []
        func add(_ candidate: [UInt8]) {
            if !candidate.isEmpty, seen.insert(candidate).inserted { result.append(String(decoding: candidate, as: UTF8.self)) }
        }
        for index in word.indices {
            var deleted = word
            deleted.remove(at: index)
            add(deleted)
        }
        for index in word.indices.dropLast() {
            var swapped = word
            swapped.swapAt(index, index + 1)
            add(swapped)
        }
        for index in word.indices {
            for letter in letters where letter != word[index] {
                var replaced = word
                replaced[index] = letter
                add(replaced)
            }
        }
        for index in 0...word.count {
            for letter in letters {
                var inserted = word
                inserted.insert(letter, at: index)
                add(inserted)
            }
        }
        return result
    }
}
