/// Which exact readings (syllables with their diacritics, "đường") each field of a document holds: a sorted set of
/// 32-bit hashes per field, stored beside the index row. It is all that ranking by exact reading needs (whether a field
/// holds the reading typed, see `SearchRanking`), so the full-text index holds folded syllables only and a query
/// matches on those alone; the readings of the few hundred candidates a search scores are then looked up by key.
/// Matching `("duong" OR "đường")` instead walked the lists of articles of common syllables twice.
///
/// A hash can stand for two readings; with a few hundred readings per field, a query's reading is taken for another
/// about once in ten million lookups, and then only ranks one article as if it had the diacritics typed.
///
/// Encoded as three little-endian `UInt16` counts (title, sapo, body), then each field's hashes, ascending, as
/// little-endian `UInt32`s.
public struct ExactReadings: Sendable, Equatable {
    /// Per field (`SearchField` order), the hashes of the readings it holds, ascending and distinct.
    public private(set) var hashes: [[UInt32]]

    /// Readings from each field's hashes (in `SearchField` order), in any order and with repeats.
    public init(fields: [[UInt32]]) {
        hashes = SearchField.allCases.map { field in
            guard field.rawValue < fields.count else { return [] }
            var sorted = fields[field.rawValue].sorted()
            sorted.removeDuplicates()
            return Array(sorted.prefix(Int(UInt16.max)))
        }
    }

    /// The hash of a reading, from its bytes in index form (FNV-1a).
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return hash
    }

    /// The encoded form, for storing.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(6 + 4 * hashes.reduce(0) { $0 + $1.count })
        for field in hashes {
            let count = UInt16(field.count)
            bytes.append(UInt8(truncatingIfNeeded: count))
            bytes.append(UInt8(truncatingIfNeeded: count >> 8))
        }
        for field in hashes {
            for hash in field {
                for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: hash >> UInt32(shift))) }
            }
        }
        return bytes
    }

    /// Whether the encoded readings `encoded` hold `hash` in `field`; false for anything malformed or empty.
    public static func contains(_ hash: UInt32, in field: SearchField, encoded: UnsafeRawBufferPointer) -> Bool {
        guard encoded.count >= 6 else { return false }
        var start = 6
        var count = 0
        for index in 0...field.rawValue {
            let fieldCount = Int(UInt16(littleEndian: encoded.loadUnaligned(fromByteOffset: 2 * index, as: UInt16.self)))
            if index < field.rawValue { start += 4 * fieldCount } else { count = fieldCount }
        }
        guard start + 4 * count <= encoded.count else { return false }
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            let value = UInt32(littleEndian: encoded.loadUnaligned(fromByteOffset: start + 4 * middle, as: UInt32.self))
            if value == hash { return true }
            if value < hash { low = middle + 1 } else { high = middle }
        }
        return false
    }
}

extension ExactReadings {
    /// How many of `documents` (encoded readings of documents that hold the folded syllable `folded`) hold each of its
    /// accented readings in some field; a document that holds none of them counts for the plain reading, under
    /// `folded` itself. What `SearchSuggestions` shows a corrected syllable in.
    public static func readingCounts(ofFolded folded: String, in documents: [[UInt8]]) -> [String: Int] {
        let readings = TypedVietnamese.readings(ofFolded: folded).map { ($0, hash($0.utf8)) }
        var counts: [String: Int] = [:]
        for document in documents {
            var accented = false
            document.withUnsafeBytes { encoded in
                for (reading, hash) in readings
                where SearchField.allCases.contains(where: { contains(hash, in: $0, encoded: encoded) }) {
                    counts[reading, default: 0] += 1
                    accented = true
                }
            }
            if !accented { counts[folded, default: 0] += 1 }
        }
        return counts
    }
}

extension SearchTerm {
    /// The hash of the exact reading (`ExactReadings`).
    public var exactHash: UInt32 { ExactReadings.hash(exact.utf8) }
}

extension Array where Element: Equatable {
    /// Removes elements equal to the one before them (on a sorted array: duplicates).
    fileprivate mutating func removeDuplicates() {
        guard count > 1 else { return }
        var kept = 1
        for index in 1..<count where self[index] != self[kept - 1] {
            self[kept] = self[index]
            kept += 1
        }
        removeLast(count - kept)
    }
}
