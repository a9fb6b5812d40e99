extension SearchSuggestions {
    /// `candidates(for:documentFrequency:readingCounts:)` for an index that answers look-ups in batches (a database
    /// across the network): it runs the synchronous search with what is known so far, every unknown answer taken as
    /// none, asks for all the syllables it wanted in one batch each, and runs again until it wants nothing new. The
    /// search is deterministic, so the last run is the one a synchronous index would give; it usually takes three
    /// or four rounds.
    public static func batchedCandidates(
        for query: SearchQuery, documentFrequencies: ([String]) async throws -> [String: Int],
        readingCounts: ([String]) async throws -> [String: [String: Int]]
    ) async throws -> [String] {
        var frequencies: [String: Int] = [:]
        var readings: [String: [String: Int]] = [:]
        // Each round learns at least one answer, and a query asks about at most `lookupBudget` syllables and the
        // readings of a few: the bound only guards against a mistake.
        for _ in 0..<16 {
            var wantedFrequencies: Set<String> = []
            var wantedReadings: Set<String> = []
            let result = candidates(for: query) { folded in
                if let known = frequencies[folded] { return known }
                wantedFrequencies.insert(folded)
                return 0
            } readingCounts: { folded in
                if let known = readings[folded] { return known }
                wantedReadings.insert(folded)
                return [:]
            }
            if wantedFrequencies.isEmpty && wantedReadings.isEmpty { return result }
            if !wantedFrequencies.isEmpty {
                let asked = wantedFrequencies.sorted()
                let answers = try await documentFrequencies(asked)
                for folded in asked { frequencies[folded] = answers[folded] ?? 0 }
            }
            if !wantedReadings.isEmpty {
                let asked = wantedReadings.sorted()
                let answers = try await readingCounts(asked)
                for folded in asked { readings[folded] = answers[folded] ?? [:] }
            }
        }
        return []
    }
}
