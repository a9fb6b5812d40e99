import Foundation
import Logging
import NewsApp
import NewsDomain
import NewsStore
import NewsStoreSQLite
import NewsTestSupport
import Testing

@Suite("Scheduled publishing")
struct ScheduledPublisherTests {
    @Test("an article scheduled for a time that passed while no server ran is published on the first tick, once")
    func missedSchedule() async throws {
        let store = try await Fixtures.emptyStore()
        let chief = try await store.createUser(NewUser(email: "tbt@bao.example", name: "Tổng Biên Tập", roles: [.editorInChief], passwordHash: "h"), now: Fixtures.now)
        let actor = WorkflowActor(userID: chief.id.rawValue, roles: chief.roles)
        let workflow = Workflow()
        let draft = try await store.createArticle(Fixtures.input(id: "hen-gio", status: .draft), by: chief, now: Fixtures.now)
        var article = draft
        for action in [WorkflowAction.submit, .approve, .approve] {
            article = try await store.transition(id: article.id, action: action, note: nil, at: nil, actor: actor, actorName: chief.name, workflow: workflow, now: Fixtures.now)
        }
        let at = Fixtures.now.addingTimeInterval(600)
        article = try await store.transition(id: article.id, action: .schedule, note: nil, at: at, actor: actor, actorName: chief.name, workflow: workflow, now: Fixtures.now)
        #expect(article.state.status == .scheduled)
        let restartTime = at.addingTimeInterval(3_600)
        let publisher = ScheduledPublisher(store: store, workflow: workflow, logger: Logger(label: "test"), clock: { restartTime })
        #expect(try await publisher.tick() == [article.id])
        #expect(try await publisher.tick().isEmpty)
        #expect(try await store.publishedArticle(id: article.id, now: restartTime) != nil)
        let early = ScheduledPublisher(store: store, workflow: workflow, logger: Logger(label: "test"), clock: { Fixtures.now })
        #expect(try await early.tick().isEmpty)
    }
}
