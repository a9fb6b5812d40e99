import Foundation
import NewsDomain
import NewsStore
import NewsStoreSQLite
import NewsTestSupport
import Testing

@Suite("Scheduled publication")
struct EditorialScheduleTests {
    @Test("two stores on one database file, racing: every due article is published exactly once")
    func twoNodes() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("news.sqlite").path
        let room = try await Newsroom.make(store: try SQLiteNewsStore.open(path: path))
        let other = try SQLiteNewsStore.open(path: path)
        var ids: [ArticleID] = []
        for number in 1...8 {
            let approved = try await room.approved("Bài hẹn giờ số \(number)")
            try await room.act(.schedule, approved.id, by: room.editorInChief, at: Newsroom.time(Double(10 + number)))
            ids.append(approved.id)
        }
        let workflow = room.workflow
        let due = Newsroom.time(100)
        async let first = room.sqlite.publishDueArticles(now: due, workflow: workflow)
        async let second = other.publishDueArticles(now: due, workflow: workflow)
        let (a, b) = try await (first, second)
        #expect(Set(a).isDisjoint(with: Set(b)))
        #expect((a + b).sorted() == ids.sorted())
        for id in ids {
            #expect(try await room.audit(id).filter { $0.action == "article.publish" }.count == 1)
            #expect(try await other.publishedArticle(id: id, now: due) != nil)
        }
    }
}
