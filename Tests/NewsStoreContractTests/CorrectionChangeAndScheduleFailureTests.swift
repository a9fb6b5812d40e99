import Foundation
import NewsDomain
import NewsStore
@testable import NewsTestSupport
import Synchronization
import Testing

@Suite("What corrections tell page caches; scheduled articles that cannot be published", .tags(.postgres), .timeLimit(.minutes(2)))
struct CorrectionChangeAndScheduleFailureTests {
    @Test("a correction names the article and the corrections index, not every page that follows the newest list", arguments: Backend.allCases)
    func correctionChange(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let article = try await room.published("Số liệu GDP quý III")
            let start = try await room.store.latestChangeSequence()
            try await room.act(.correct, article.id, by: room.copyDesk, note: "Tăng trưởng là 5,33%", now: Newsroom.time(5))
            let changes = try await room.store.changes(after: start, limit: 10)
            #expect(changes.count == 1)
            #expect(changes.first?.dependencies == [.article(article.id), .corrections])

            // Taking the corrected article down takes it off the index too: the index follows `.latest`.
            let beforeTakedown = try await room.store.latestChangeSequence()
            try await room.act(.takedown, article.id, by: room.editorInChief, note: "Gỡ", now: Newsroom.time(6))
            let takedown = try await room.store.changes(after: beforeTakedown, limit: 10)
            #expect(takedown.first?.dependencies.isSuperset(of: [.article(article.id), .latest]) == true)
            #expect(ContentDependency(token: ContentDependency.corrections.token) == .corrections)
        }
    }

}
