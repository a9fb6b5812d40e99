import Testing

@testable import NewsSearch

@Suite("Exact readings")
struct ExactReadingsTests {
    func hashes(_ text: String) -> [UInt32] {
        SearchTokens.writtenOutForms(of: text, prefix: 1).readings
    }

    @Test("A field holds the readings of its syllables with diacritics, in any form typed, and no others")
    func presence() {
        let readings = ExactReadings(fields: [hashes("Đường sắt Bắc Nam"), hashes("Hoà bình"), hashes("dương liễu, ĐƯỜNG")])
        let encoded = readings.encoded
        func holds(_ word: String, _ field: SearchField) -> Bool {
            let term = SearchQuery(word).terms[0]
            return encoded.withUnsafeBytes { ExactReadings.contains(term.exactHash, in: field, encoded: $0) }
        }
        #expect(holds("đường", .title))
        #expect(holds("ĐƯỜNG", .body), "capitals")
        #expect(holds("đường", .body))
        #expect(!holds("đường", .sapo))
        #expect(holds("hòa", .sapo), "the other tone-mark style")
        #expect(holds("dương", .body))
        #expect(!holds("dương", .title), "another reading of the same folded syllable is not this one")
        #expect(!holds("sắc", .title))
        #expect(readings.hashes[0].count == 3, "“Nam” has no diacritics and no reading of its own")
        #expect(readings.hashes[2] == readings.hashes[2].sorted())
    }

    @Test("Malformed or empty stored readings hold nothing")
    func malformed() {
        let hash = SearchQuery("đường").terms[0].exactHash
        for bytes in [[], [1, 0], [5, 0, 0, 0, 0, 0, 1, 2, 3], ExactReadings(fields: []).encoded] as [[UInt8]] {
            #expect(!bytes.withUnsafeBytes { ExactReadings.contains(hash, in: .title, encoded: $0) })
        }
        let repeated = ExactReadings(fields: [[7, 3, 7, 3, 3], [], [9]])
        #expect(repeated.hashes == [[3, 7], [], [9]])
        #expect(repeated.encoded.count == 6 + 3 * 4)
    }

    @Test("Readings are counted per document; a document with none of them counts for the plain reading")
    func counts() {
        let documents = [
            ExactReadings(fields: [hashes("người dân"), [], []]).encoded,
            ExactReadings(fields: [[], hashes("dân số"), hashes("đan len")]).encoded,
            ExactReadings(fields: [hashes("dan díu"), [], []]).encoded,
        ]
        let counts = ExactReadings.readingCounts(ofFolded: "dan", in: documents)
        #expect(counts == ["dân": 2, "đan": 1, "dan": 1])
    }
}
