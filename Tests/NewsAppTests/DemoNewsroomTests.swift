import Foundation
import NewsApp
import NewsAuth
import NewsDomain
import NewsStore
import NewsStoreSQLite
import NewsTestSupport
import Testing

@Suite("The demo newsroom")
struct DemoNewsroomTests {
    @Test("seeds 60+ articles in 6+ sections, 2 topics, 10 authors over 30 days, with drawn, credited images; never into a database with content")
    func seed() async throws {
        let media = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: media) }
        let store = try SQLiteNewsStore.inMemory()
        let demo = try DemoNewsroom(mediaDirectory: media.path)
        let count = try await demo.seed(into: store, baseURL: "http://127.0.0.1:8080", now: Fixtures.now)
        #expect(count >= 60)
        let page = try await store.publishedArticles(.all, page: PageRequest(number: 1, size: 100), now: Fixtures.now)
        #expect(page.totalCount == count)
        let sections = Set(page.items.map(\.section.id))
        #expect(sections.count >= 6)
        #expect(Set(page.items.flatMap(\.authors).map(\.id)).count >= 10)
        let oldest = try #require(page.items.map(\.publishedAt).min())
        #expect(Fixtures.now.timeIntervalSince(oldest) <= 30 * 86_400)
        #expect(Fixtures.now.timeIntervalSince(oldest) >= 20 * 86_400)
        for slug in ["hoi-nghi-mekong-xanh-2026", "chuyen-doi-so-nong-thon"] {
            let topic = try #require(try await store.topic(slug: slug))
            let listed = try await store.publishedArticles(.topic(topic.id), page: PageRequest(number: 1, size: 50), now: Fixtures.now)
            #expect(listed.totalCount >= 4, "\(slug)")
        }
        for summary in page.items {
            let image = try #require(summary.featuredImage, "\(summary.title)")
            #expect(!image.caption.isEmpty && !image.credit.isEmpty && !image.alt.isEmpty)
            #expect(FileManager.default.fileExists(atPath: media.appendingPathComponent(image.src).path))
        }
        let settings = try await store.siteSettings()
        #expect(!settings.editorInChief.isEmpty && !settings.licenceNumber.isEmpty)
        #expect(try await store.homeLayout().topStory != nil)
        #expect(try await demo.seed(into: store, baseURL: "http://127.0.0.1:8080", now: Fixtures.now) == 0)
        #expect(try await store.articleCount() == count)
    }
}

@Suite("Demo accounts")
struct DemoAccountTests {
    @Test("one account per role with a generated password, made once; the password is stored only as a hash")
    func accounts() async throws {
        let store = try SQLiteNewsStore.inMemory()
        let demo = try DemoNewsroom(mediaDirectory: NSTemporaryDirectory())
        let logins = try await demo.seedAccounts(into: store, hasher: PasswordHasher(cost: 4), now: Fixtures.now)
        #expect(Set(logins.map(\.role)) == Set(Role.allCases))
        #expect(Set(logins.map(\.password)).count == logins.count)
        for login in logins {
            let credentials = try #require(try await store.credentials(email: login.email))
            #expect(credentials.user.roles == [login.role])
            #expect(credentials.passwordHash != login.password)
            #expect(PasswordHasher(cost: 4).verify(login.password, against: credentials.passwordHash))
            #expect(PasswordPolicy.violations(login.password, email: login.email).isEmpty)
        }
        #expect(try await demo.seedAccounts(into: store, hasher: PasswordHasher(cost: 4), now: Fixtures.now).isEmpty)
    }
}
