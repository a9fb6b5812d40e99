import NewsStore
import Testing

@Suite("Schema status: what a database's applied migrations say")
struct SchemaStatusTests {
    let known = ["a", "b", "c"]

    @Test("None applied is new, all is current, a prefix is behind, an unknown name is ahead")
    func statuses() {
        #expect(SchemaStatus(applied: [], known: known) == .empty)
        #expect(SchemaStatus(applied: known, known: known) == .current)
        #expect(SchemaStatus(applied: ["a"], known: known) == .behind(missing: ["b", "c"]))
        #expect(SchemaStatus(applied: ["a", "b", "c", "d"], known: known) == .ahead(unknown: ["d"]))
        #expect(SchemaStatus(applied: ["a", "x"], known: known) == .ahead(unknown: ["x"]), "unknown wins over missing")
    }

    @Test("Only a schema behind or ahead is refused, with a message naming the database and what to do")
    func refusals() throws {
        #expect(SchemaStatus.empty.refusal(database: "news.sqlite") == nil)
        #expect(SchemaStatus.current.refusal(database: "news.sqlite") == nil)
        let behind = try #require(SchemaStatus.behind(missing: ["b", "c"]).refusal(database: "news.sqlite"))
        #expect(behind.contains("news.sqlite") && behind.contains("2 migrations") && behind.contains("(b, c)"))
        #expect(behind.contains("toasoan migrate"))
        let ahead = try #require(SchemaStatus.ahead(unknown: ["d"]).refusal(database: "news.sqlite"))
        #expect(ahead.contains("newer toasoan (d)"))
    }
}
