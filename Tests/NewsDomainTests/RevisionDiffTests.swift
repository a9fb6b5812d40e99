import Foundation
import NewsDomain
import Testing

@Suite("Revision diff")
struct RevisionDiffTests {
    static let section = Section(id: SectionID(1), slug: "the-gioi", name: "Thế giới")

    static func content(
        title: String = "Hội nghị APEC khai mạc tại Đà Nẵng", sapo: String = "Lãnh đạo 21 nền kinh tế tề tựu.",
        body: String, tags: [String] = ["APEC", "Đà Nẵng"], section: Section = section, topic: String? = "Năm APEC Việt Nam",
        byline: [String] = ["Nguyễn Thu Hà"], slug: String = "hoi-nghi-apec-khai-mac"
    ) -> ArticleContent {
        ArticleContent(
            title: title, sapo: sapo, body: body, slug: slug, section: section,
            topic: topic.map { Topic(id: TopicID(1), slug: "nam-apec", name: $0) },
            tags: tags.enumerated().map { Tag(id: TagID(Int64($0.offset)), slug: "tag-\($0.offset)", name: $0.element) },
            authors: byline.enumerated().map { Author(id: AuthorID(Int64($0.offset)), slug: "a-\($0.offset)", name: $0.element) }
        )
    }

    static let body = """
        Sáng 8/11, Tuần lễ Cấp cao APEC chính thức khai mạc tại thành phố Đà Nẵng.

        Hơn 10.000 đại biểu và phóng viên quốc tế đã có mặt.

        Chủ đề năm nay là “Tạo động lực mới, cùng vun đắp tương lai chung”.
        """

    @Test("unchanged text: every line the same, no field changed")
    func unchanged() {
        let diff = RevisionDiff(from: Self.content(body: Self.body), to: Self.content(body: Self.body))
        #expect(!diff.hasChanges)
        #expect(diff.changedFields.isEmpty)
        #expect(diff.fields.map(\.field) == DiffField.allCases)
        let body = diff.fields.first { $0.field == .body }
        #expect(body?.lines.count == 5)
        #expect(body?.lines.allSatisfy { $0.kind == .same } == true)
    }

    @Test("an added paragraph shows as added lines between the unchanged ones")
    func additions() {
        let newBody = Self.body.replacingOccurrences(
            of: "đã có mặt.\n", with: "đã có mặt.\n\nAn ninh được thắt chặt quanh Cung Hội nghị Quốc tế Ariyana.\n"
        )
        let diff = RevisionDiff(from: Self.content(body: Self.body), to: Self.content(body: newBody))
        #expect(diff.changedFields.map(\.field) == [.body])
        let lines = diff.changedFields[0].lines
        #expect(lines.map(\.kind) == [.same, .same, .same, .same, .added, .added, .same])
        #expect(lines[4] == DiffLine(.added, "An ninh được thắt chặt quanh Cung Hội nghị Quốc tế Ariyana."))
        #expect(lines.filter { $0.kind == .removed }.isEmpty)
        #expect(lines.filter { $0.kind == .same }.count == 5)
    }

    @Test("a removed tag and a removed line show as removed; a replaced line as removed then added")
    func removalsAndReplacement() {
        let old = Self.content(body: Self.body)
        let new = Self.content(
            title: "Hội nghị APEC bế mạc tại Đà Nẵng",
            body: Self.body.replacingOccurrences(of: "\nHơn 10.000 đại biểu và phóng viên quốc tế đã có mặt.\n", with: ""),
            tags: ["Đà Nẵng"]
        )
        let diff = RevisionDiff(from: old, to: new)
        #expect(diff.changedFields.map(\.field) == [.title, .body, .tags])
        #expect(diff.changedFields[0].lines == [
            DiffLine(.removed, "Hội nghị APEC khai mạc tại Đà Nẵng"), DiffLine(.added, "Hội nghị APEC bế mạc tại Đà Nẵng"),
        ])
        #expect(diff.changedFields[1].lines.map(\.kind) == [.same, .same, .removed, .removed, .same])
        #expect(diff.changedFields[1].lines[2].text == "Hơn 10.000 đại biểu và phóng viên quốc tế đã có mặt.")
        #expect(diff.changedFields[2].lines == [DiffLine(.removed, "APEC"), DiffLine(.same, "Đà Nẵng")])
    }

    @Test("section, topic, byline and slug are compared too; a topic dropped shows as removed")
    func metadata() {
        let old = Self.content(body: "x")
        let new = Self.content(
            body: "x", section: Section(id: SectionID(2), slug: "thoi-su", name: "Thời sự"), topic: nil,
            byline: ["Nguyễn Thu Hà", "Trần Minh"], slug: "apec-khai-mac"
        )
        let diff = RevisionDiff(from: old, to: new)
        #expect(diff.changedFields.map(\.field) == [.section, .topic, .byline, .slug])
        #expect(diff.changedFields[1].lines == [DiffLine(.removed, "Năm APEC Việt Nam")])
        #expect(diff.changedFields[2].lines == [DiffLine(.same, "Nguyễn Thu Hà"), DiffLine(.added, "Trần Minh")])
        #expect(DiffField.byline.label == "Tác giả")
    }

    @Test("Vietnamese text: a changed tone mark is a change; NFC and NFD spellings of one text are not")
    func vietnamese() {
        let nfc = "Người dân Thủ đô đón năm mới"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(Array(nfc.utf8) != Array(nfd.utf8))
        #expect(RevisionDiff.lines(from: [nfc], to: [nfd]) == [DiffLine(.same, nfc)])
        #expect(RevisionDiff.lines(from: ["Hòa bình"], to: ["Hoà bình"]).map(\.kind) == [.removed, .added])
        #expect(RevisionDiff.lines(from: ["Đà Nẵng"], to: ["Da Nang"]).map(\.kind) == [.removed, .added])
    }

    @Test("lines split at LF and CR LF alike; empty text has no lines")
    func splitting() {
        #expect(RevisionDiff.splitLines("a\r\nb\nc") == ["a", "b", "c"])
        #expect(RevisionDiff.splitLines("a\n\nb") == ["a", "", "b"])
        #expect(RevisionDiff.splitLines("") == [])
        #expect(RevisionDiff.lines(from: [], to: ["mới"]) == [DiffLine(.added, "mới")])
        #expect(RevisionDiff.lines(from: ["cũ"], to: []) == [DiffLine(.removed, "cũ")])
        #expect(RevisionDiff.lines(from: [], to: []).isEmpty)
    }

    @Test("on random inputs the diff rebuilds both sides and keeps a longest common subsequence")
    func randomised() {
        var random = SeededGenerator(seed: 20_231_222)
        let alphabet = ["a", "b", "c", "đ", "ê"]
        for _ in 0..<300 {
            let old = (0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let new = (0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let lines = RevisionDiff.lines(from: old, to: new)
            #expect(lines.filter { $0.kind != .added }.map(\.text) == old)
            #expect(lines.filter { $0.kind != .removed }.map(\.text) == new)
            #expect(lines.filter { $0.kind == .same }.count == Self.lcsLength(old, new), "\(old) → \(new)")
            // Within a changed run the removed lines come first.
            for (line, next) in zip(lines, lines.dropFirst()) {
                #expect(!(line.kind == .added && next.kind == .removed))
            }
        }
    }

    /// Reference LCS length, computed the plain way.
    static func lcsLength(_ a: [String], _ b: [String]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0..<a.count {
            for j in 0..<b.count {
                table[i + 1][j + 1] = a[i] == b[j] ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j])
            }
        }
        return table[a.count][b.count]
    }
}

/// SplitMix64, so that a failure reproduces.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
