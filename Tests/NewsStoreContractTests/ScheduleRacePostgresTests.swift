import Foundation
import NewsDomain
import NewsStore
import NewsStorePostgres
import NewsTestSupport
import Testing

/// Scheduled publishing with every node running the scheduler, on PostgreSQL (SQLite's two-process race is in
/// NewsStoreSQLiteTests).
@Suite("Scheduled publication on several PostgreSQL nodes", .tags(.postgres), .timeLimit(.minutes(2)))
struct ScheduleRacePostgresTests {
    @Test("two stores on one database, racing: every due article is published exactly once")
    func twoNodes() async throws {
        try await TestDatabase.withSchema { url in
            try await PostgresNewsStore.withStore(url: url, logger: TestDatabase.logger) { first in
                try await first.migrate()
                let room = try await Newsroom.make(store: first)
                try await PostgresNewsStore.withStore(url: url, logger: TestDatabase.logger) { other in
                    var ids: [ArticleID] = []
                    for number in 1...8 {
                        let approved = try await room.approved("Bài hẹn giờ số \(number)")
                        try await room.act(.schedule, approved.id, by: room.editorInChief, at: Newsroom.time(Double(10 + number)))
                        ids.append(approved.id)
                    }
                    let workflow = room.workflow
                    let due = Newsroom.time(100)
                    async let a = first.publishDueArticles(now: due, workflow: workflow)
                    async let b = other.publishDueArticles(now: due, workflow: workflow)
                    let (fromFirst, fromOther) = try await (a, b)
                    #expect(Set(fromFirst).isDisjoint(with: Set(fromOther)))
                    #expect((fromFirst + fromOther).sorted() == ids.sorted())
                    for id in ids {
                        #expect(try await room.audit(id).filter { $0.action == "article.publish" }.count == 1)
                        #expect(try await other.publishedArticle(id: id, now: due) != nil)
                    }
                }
            }
        }
    }
}
