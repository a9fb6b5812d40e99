/// The fields of an article that search looks in, in index column order.
public enum SearchField: Int, CaseIterable, Sendable {
    /// The headline.
    case title = 0
    /// The sapo (lead).
    case sapo = 1
    /// The body.
    case body = 2
}

/// Where one document matched the terms of a query: for every term and field, the positions of the term's folded token,
/// and whether the field has the exact reading typed. The index fills it for each candidate; `SearchRanking` scores it.
///
/// Built to be reused from one candidate to the next without allocating (`removeAll` keeps the storage).
public struct MatchFeatures: Sendable {
    /// How many terms the query has.
    public let termCount: Int
    /// Positions (token offsets within the field) of each term's folded token, ascending: index `term * 3 + field`.
    private(set) var positions: [[Int32]]
    /// Whether the field holds the exact reading (counted once per report): index `term * 3 + field`.
    private(set) var exactCounts: [Int32]

    /// Empty features for a query of `termCount` terms.
    public init(termCount: Int) {
        self.termCount = termCount
        positions = Array(repeating: [], count: termCount * SearchField.allCases.count)
        exactCounts = Array(repeating: 0, count: termCount * SearchField.allCases.count)
    }

    /// Forgets every occurrence, keeping the storage for the next document.
    public mutating func removeAll() {
        for slot in positions.indices { positions[slot].removeAll(keepingCapacity: true) }
        for slot in exactCounts.indices { exactCounts[slot] = 0 }
    }

    /// Records an occurrence of a term's folded token; positions of one term and field must come in ascending order.
    public mutating func addOccurrence(term: Int, field: SearchField, position: Int32) {
        positions[term * 3 + field.rawValue].append(position)
    }

    /// Records that a field holds a term's exact reading.
    public mutating func addExactOccurrence(term: Int, field: SearchField) {
        exactCounts[term * 3 + field.rawValue] += 1
    }

    /// Occurrences of a term in a field.
    public func count(term: Int, field: SearchField) -> Int {
        positions[term * 3 + field.rawValue].count
    }

    /// How often a field's holding a term's exact reading was recorded (0 when it does not hold it).
    public func exactCount(term: Int, field: SearchField) -> Int {
        Int(exactCounts[term * 3 + field.rawValue])
    }

    /// Whether term `pair` is directly followed by term `pair + 1` somewhere in the field.
    public func isAdjacent(pair: Int, field: SearchField) -> Bool {
        let first = positions[pair * 3 + field.rawValue]
        let second = positions[(pair + 1) * 3 + field.rawValue]
        var i = 0
        var j = 0
        while i < first.count && j < second.count {
            let wanted = first[i] + 1
            if second[j] == wanted { return true }
            if second[j] < wanted { j += 1 } else { i += 1 }
        }
        return false
    }

    /// Whether every term appears in the field in query order, each right after the previous one (the whole phrase).
    public func hasPhrase(field: SearchField) -> Bool {
        guard termCount > 1 else { return count(term: 0, field: field) > 0 }
        let starts = positions[field.rawValue]
        return starts.contains { start in
            (1..<termCount).allSatisfy { term in
                Self.contains(positions[term * 3 + field.rawValue], start + Int32(term))
            }
        }
    }

    private static func contains(_ sorted: [Int32], _ value: Int32) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }
}
