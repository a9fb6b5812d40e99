import NewsSimilarity
import Testing

/// Articles written for these tests about invented places and events.
enum Corpus {
    typealias Article = (key: Int64, title: String, sapo: String, body: String)

    static let boatRace: Article = (
        1, "Đua thuyền rồng trên sông Lam Giang mở màn lễ hội làng Thạch Vân",
        "Hai mươi đội thuyền rồng của làng Thạch Vân tranh tài trên sông Lam Giang trong ngày đầu lễ hội.",
        """
        Sáng nay, lễ hội làng Thạch Vân khai mạc bằng cuộc đua thuyền rồng trên sông Lam Giang. Các đội thuyền rồng \
        xuất phát từ bến đình làng, chèo ngược dòng sông Lam Giang hai cây số.

        Ban tổ chức lễ hội cho biết đội thuyền rồng xóm Bãi về nhất, đội xóm Đình về nhì.
        """
    )
    static let boatRaceFollowUp: Article = (
        2, "Làng Thạch Vân trao giải đua thuyền rồng",
        "Kết thúc lễ hội, đội thuyền rồng xóm Bãi nhận cờ thưởng bên bờ sông Lam Giang.",
        """
        Lễ bế mạc lễ hội làng Thạch Vân diễn ra chiều qua bên bến sông Lam Giang. Đội thuyền rồng xóm Bãi, \
        đội về nhất cuộc đua thuyền rồng, được trao cờ thưởng và một con trâu.

        Năm sau, làng Thạch Vân dự kiến mời thêm các đội thuyền rồng từ xã bên.
        """
    )
    static let electricBus: Article = (
        3, "Thành phố Phù Sa mở tuyến xe buýt điện đầu tiên",
        "Tuyến xe buýt điện số một nối bến xe trung tâm với khu công nghiệp phía bắc thành phố.",
        """
        Tuyến xe buýt điện đầu tiên của thành phố Phù Sa chạy từ sáng nay với mười hai chiếc xe. Giá vé xe buýt điện \
        bằng giá vé xe buýt thường.

        Sở giao thông vận tải cho biết thành phố sẽ mở thêm ba tuyến xe buýt điện trong năm tới.
        """
    )
    static let ricePrice: Article = (
        4, "Giá lúa tại đồng bằng Hòa Điền tăng nhẹ",
        "Thương lái thu mua lúa tươi với giá cao hơn tuần trước, nông dân Hòa Điền phấn khởi.",
        """
        Giá lúa tươi tại các cánh đồng Hòa Điền tăng nhẹ so với tuần trước. Nông dân cho biết vụ lúa năm nay \
        được mùa nhờ thời tiết thuận lợi.

        Thương lái dự báo giá lúa còn tăng khi các kho thu mua lúa mở cửa trở lại.
        """
    )

    static let all = [boatRace, boatRaceFollowUp, electricBus, ricePrice]
}

@Suite("Text similarity")
struct TextSimilarityTests {
    @Test("two articles about the same event rank above unrelated ones, both ways")
    func sameEvent() {
        let index = SimilarityIndex.build(Corpus.all)
        let lists = Dictionary(uniqueKeysWithValues: index.nearestForAll(minimumScore: 0).map { ($0.key, $0.similar) })
        #expect(lists[1]?.first?.key == 2)
        #expect(lists[2]?.first?.key == 1)
        let toFollowUp = lists[1]?.first?.score ?? 0
        let toOthers = lists[1]?.dropFirst().map(\.score).max() ?? 0
        #expect(toFollowUp > 3 * toOthers, "same event \(toFollowUp), unrelated \(toOthers)")
        #expect(toFollowUp >= TextSimilarity.minimumScore)
        // With the default threshold the unrelated articles are not listed at all.
        let strict = Dictionary(uniqueKeysWithValues: index.nearestForAll().map { ($0.key, $0.similar) })
        #expect(strict[1]?.map(\.key) == [2])
        #expect(strict[4]?.isEmpty == true)
    }

    @Test("never the article itself, and at most the asked number")
    func selfAndLimit() {
        let index = SimilarityIndex.build(Corpus.all)
        for (key, similar) in index.nearestForAll(limit: 2, minimumScore: 0) {
            #expect(!similar.contains { $0.key == key })
            #expect(similar.count <= 2)
        }
    }

    @Test("stop words are neither terms nor pairs, so articles sharing only them are not similar")
    func stopWords() {
        let counts = ArticleTerms.weightedCounts(
            title: "", sapo: "",
            body: "Của các những được cho với trong một có không người là và."
        )
        #expect(counts.isEmpty, "\(counts)")
        let glue = "Đây là một trong những điều mà người ta có thể làm được cho nhau, và cũng là việc của các bên."
        let a: Corpus.Article = (1, "Mùa mận chín ở cao nguyên Sơn Ngàn", glue, "\(glue) Vườn mận Sơn Ngàn trĩu quả. \(glue)")
        let b: Corpus.Article = (2, "Cầu treo Bến Lũy sửa xong", glue, "\(glue) Cầu treo Bến Lũy thông xe. \(glue)")
        let c: Corpus.Article = (3, "Thu hoạch mận tại Sơn Ngàn", "Nông dân Sơn Ngàn hái mận.", "Mận chín đỏ vườn.")
        let index = SimilarityIndex.build([a, b, c])
        let lists = Dictionary(uniqueKeysWithValues: index.nearestForAll(minimumScore: 0).map { ($0.key, $0.similar) })
        // Long shared stop-word passages do not make the plum article closer to the bridge one than to the other plum one.
        #expect(lists[1]?.first?.key == 3)
        #expect((lists[1]?.first { $0.key == 2 }?.score ?? 0) < TextSimilarity.minimumScore)
    }

    @Test("pairs of adjacent syllables are terms, within a clause only")
    func pairs() {
        let counts = ArticleTerms.weightedCounts(title: "", sapo: "", body: "Người dân đi giao thông công cộng. Giao, thông")
        #expect(counts["giao thông"] == 1)
        #expect(counts["thông công"] == 1)
        #expect(counts["người dân"] == 1, "a common syllable still forms a pair with a content one")
        #expect(counts["giao"] == 2)
        #expect(counts["người"] == nil)
        #expect(counts["cộng giao"] == nil, "no pair across a full stop")
    }

    @Test("sharing a two-syllable word counts more than sharing its syllables apart")
    func pairsMatter() {
        let query: Corpus.Article = (1, "Bảo hiểm nông nghiệp cho vùng lũ", "Gói bảo hiểm mới.", "Nông dân vùng lũ mua bảo hiểm.")
        let together: Corpus.Article = (2, "Bảo hiểm cho hộ nghèo", "Chương trình bảo hiểm.", "Hộ nghèo được hỗ trợ bảo hiểm.")
        let apart: Corpus.Article = (3, "Bảo tàng hiểm họa", "Bảo tàng kể về hiểm họa.", "Khách xem bảo tàng, hiểm họa thiên tai.")
        let filler: [Corpus.Article] = [
            (4, "Tuyến đường ven biển", "Đường mới.", "Xe chạy trên đường ven biển."),
            (5, "Chợ hoa ngày tết", "Chợ hoa đông khách.", "Hoa đào, hoa mai bày bán."),
        ]
        let index = SimilarityIndex.build([query, together, apart] + filler)
        let list: [SimilarArticle] = index.nearestForAll(minimumScore: 0).first(where: { $0.key == 1 })?.similar ?? []
        let scoreTogether = list.first { $0.key == 2 }?.score ?? 0
        let scoreApart = list.first { $0.key == 3 }?.score ?? 0
        #expect(scoreTogether > 1.5 * scoreApart, "together \(scoreTogether), apart \(scoreApart)")
    }

    @Test("diacritics are kept (đường is not dương), tone placement and case are not")
    func exactForms() {
        let counts = ArticleTerms.weightedCounts(title: "Đường", sapo: "dương", body: "HOÀ hòa")
        #expect(counts["đường"] == ArticleTerms.titleWeight)
        #expect(counts["dương"] == ArticleTerms.sapoWeight)
        #expect(counts["hòa"] == 2)
        #expect(counts["hòa hòa"] == 1)
    }

    @Test("link targets and web addresses are not words of the article")
    func links() {
        let counts = ArticleTerms.weightedCounts(
            title: "", sapo: "", body: "Xem [báo cáo](https://bao.example/bao-cao.pdf) hoặc https://www.example.com/x nhé"
        )
        #expect(counts["báo cáo"] == 1)
        #expect(counts.keys.allSatisfy { !$0.contains("https") && !$0.contains("example") && !$0.contains("pdf") }, "\(counts)")
    }

    @Test("the title weighs more than the body")
    func titleWeight() {
        let counts = ArticleTerms.weightedCounts(title: "Sông Lam", sapo: "Sông Lam", body: "Sông Lam")
        #expect(counts["sông lam"] == ArticleTerms.titleWeight + ArticleTerms.sapoWeight + 1)
    }

    @Test("a signature keeps the heaviest terms, has unit length and survives storage")
    func signature() {
        let counts = ArticleTerms.counts(title: Corpus.boatRace.title, sapo: Corpus.boatRace.sapo, body: Corpus.boatRace.body)
        let vector = TermVector(counts: counts, documentCount: 10, documentFrequency: { _ in 1 }, size: 8)
        #expect(vector.terms.count == 8)
        #expect(abs(vector.weights.reduce(0) { $0 + $1 * $1 } - 1) < 1e-9)
        #expect(abs(vector.cosine(vector) - 1) < 1e-9)
        #expect(TermVector(encoded: vector.encoded) == vector)
        #expect(TermVector(encoded: [1, 2, 3]) == nil)
        // The title's pair outweighs any single body word.
        #expect(vector.terms.contains(TermHash.id("thuyền rồng")))
    }

    @Test("the identifiers counted are the hashes of the terms' texts, with the same counts")
    func identifiers() {
        for article in Corpus.all {
            let byText = ArticleTerms.weightedCounts(title: article.title, sapo: article.sapo, body: article.body)
            let byID = ArticleTerms.counts(title: article.title, sapo: article.sapo, body: article.body)
            var expected: [Int64: Double] = [:]
            for (term, count) in byText { expected[TermHash.id(term), default: 0] += count }
            #expect(byID == expected)
            #expect(byText.count > 40)
        }
    }

    @Test("term identifiers are stable across runs")
    func stableHash() {
        // FNV-1a 64 of "a" and of the empty string, as published.
        #expect(UInt64(bitPattern: TermHash.id("")) == 0xcbf2_9ce4_8422_2325)
        #expect(UInt64(bitPattern: TermHash.id("a")) == 0xaf63_dc4c_8601_ec8c)
    }
}
