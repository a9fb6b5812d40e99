import Foundation
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

@Suite("Edit locks and stale saves", .tags(.postgres), .timeLimit(.minutes(2)))
struct EditorialLockTests {
    @Test("a save based on a stale version is refused, naming who saved since; nothing is written", arguments: Backend.allCases)
    func staleSave(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let draft = try await room.create("Bài hai người cùng sửa")
            try await room.act(.submit, draft.id, by: room.reporter)
            let opened = try #require(try await room.store.editorialArticle(id: draft.id, now: Fixtures.now))
            let saved = try await room.save(opened, by: room.sectionEditor, title: "Bản của biên tập viên", now: Newsroom.time(3))
            #expect(saved.currentVersion == 2)

            let before = try await room.snapshot(draft.id)
            do {
                _ = try await room.save(opened, by: room.copyDesk, title: "Bản của thư ký", now: Newsroom.time(4))
                Issue.record("expected a stale version")
            } catch let stale as StaleVersion {
                #expect(stale.currentVersion == 2)
                #expect(stale.changedByName == room.sectionEditor.name)
                #expect(stale.changedAt == Newsroom.time(3))
                #expect(stale.message.contains(room.sectionEditor.name))
                #expect(stale.message.contains("22/12/2023 10:33"))
            }
            #expect(try await room.snapshot(draft.id) == before)
            #expect(try await room.store.editorialArticle(id: draft.id, now: Fixtures.now)?.content.title == "Bản của biên tập viên")

            // Based on the newest version, the same save goes through.
            let fresh = try await room.save(saved, by: room.copyDesk, title: "Bản của thư ký", now: Newsroom.time(5))
            #expect(fresh.currentVersion == 3)
        }
    }

    @Test("a lock is taken when free, seen by others, lapses when it expires, and is renewed by its holder", arguments: Backend.allCases)
    func locks(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let article = try await room.create("Bài đang sửa")
            let start = Fixtures.now
            guard case .acquired(let mine) = try await room.store.acquireLock(id: article.id, user: room.reporter, now: start) else {
                Issue.record("the lock was free")
                return
            }
            #expect(mine.userID == room.reporter.id)
            #expect(mine.expiresAt == start.addingTimeInterval(ArticleLock.defaultDuration))

            let seen = try await room.store.acquireLock(id: article.id, user: room.sectionEditor, now: start.addingTimeInterval(60))
            #expect(seen == .heldBy(mine))
            let opened = try await room.store.editorialArticle(id: article.id, now: start.addingTimeInterval(60))
            #expect(opened?.lock?.notice == "Đang được sửa bởi Nguyễn Phóng Viên")

            // Renewing keeps when it was first taken and pushes the expiry.
            let renewed = try await room.store.acquireLock(id: article.id, user: room.reporter, now: start.addingTimeInterval(100))
            let renewedLock = ArticleLock(
                articleID: article.id, userID: room.reporter.id, userName: room.reporter.name, acquiredAt: start,
                expiresAt: start.addingTimeInterval(220)
            )
            #expect(renewed == .acquired(renewedLock))
            #expect(try await room.store.acquireLock(id: article.id, user: room.sectionEditor, now: start.addingTimeInterval(200)) == .heldBy(renewedLock))

            // Expired: anyone may take it, and it no longer shows.
            let later = start.addingTimeInterval(221)
            #expect(try await room.store.editorialArticle(id: article.id, now: later)?.lock == nil)
            let taken = try await room.store.acquireLock(id: article.id, user: room.sectionEditor, now: later, duration: 30)
            #expect(taken == .acquired(ArticleLock(
                articleID: article.id, userID: room.sectionEditor.id, userName: room.sectionEditor.name, acquiredAt: later,
                expiresAt: later.addingTimeInterval(30)
            )))

            // Released by its holder only.
            try await room.store.releaseLock(id: article.id, userID: room.reporter.id)
            #expect(try await room.store.editorialArticle(id: article.id, now: later)?.lock?.userID == room.sectionEditor.id)
            try await room.store.releaseLock(id: article.id, userID: room.sectionEditor.id)
            #expect(try await room.store.editorialArticle(id: article.id, now: later)?.lock == nil)
            // Taking a lock is not itself audited (only take-overs are).
            #expect(try await room.audit(article.id).map(\.action) == ["article.create"])
        }
    }

    @Test("an editor of the section can take the lock over, and that is audited naming the previous holder", arguments: Backend.allCases)
    func takeOver(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            let article = try await room.create("Bài bị giữ khóa")
            _ = try await room.store.acquireLock(id: article.id, user: room.reporter, now: Fixtures.now)

            for user in [room.otherReporter, room.economyEditor, room.administrator] {
                let before = try await room.snapshot(article.id)
                await #expect(throws: WorkflowDenial.self) {
                    try await room.store.takeOverLock(id: article.id, user: user, now: Newsroom.time(1))
                }
                #expect(try await room.snapshot(article.id) == before)
            }

            let lock = try await room.store.takeOverLock(id: article.id, user: room.sectionEditor, now: Newsroom.time(1))
            #expect(lock.userID == room.sectionEditor.id)
            #expect(lock.acquiredAt == Newsroom.time(1))
            let entry = try #require(try await room.audit(article.id).last)
            #expect(entry.action == "lock.takeover")
            #expect(entry.userID == room.sectionEditor.id)
            #expect(entry.note == "Giành quyền sửa từ Nguyễn Phóng Viên")
            #expect(entry.at == Newsroom.time(1))
            #expect(try await room.store.acquireLock(id: article.id, user: room.reporter, now: Newsroom.time(2)) == .heldBy(lock))
        }
    }

    @Test("locks on unknown articles are refused", arguments: Backend.allCases)
    func unknownArticle(_ backend: Backend) async throws {
        try await Newsroom.with(backend) { room in
            await #expect(throws: StorageError.notFound("article 99")) {
                try await room.store.acquireLock(id: ArticleID(99), user: room.reporter, now: Fixtures.now)
            }
            await #expect(throws: StorageError.notFound("article 99")) {
                try await room.act(.submit, ArticleID(99), by: room.reporter)
            }
        }
    }



}
