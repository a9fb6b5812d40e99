import Foundation
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

@Suite("Settings, home layout, navigation, taxonomy, the change log's reading side and site secrets", .tags(.postgres), .timeLimit(.minutes(2)))
struct SiteSettingsTests {
    @Test("a new database has the initial settings; saved settings come back whole", arguments: Backend.allCases)
    func settings(_ backend: Backend) async throws {
        try await backend.withStore(seeded: false) { (store: any SiteSettingsStore) async throws in
            #expect(try await store.siteSettings() == .initial)
            var settings = SiteSettings(name: "Báo Thử", editorInChief: "Nguyễn Văn Tổng")
            settings.followLinks = [FollowLink(name: "Facebook", url: "https://facebook.com/baothu")]
            settings.licenceNumber = "12/GP-BTTTT"
            try await store.saveSiteSettings(settings)
            #expect(try await store.siteSettings() == settings)
            try await store.saveSiteSettings(Fixtures.settings)
            #expect(try await store.siteSettings() == Fixtures.settings)
        }
    }

    @Test("sections come parents first, each followed by its children; nesting stops at two levels", arguments: Backend.allCases)
    func navigationOrder(_ backend: Backend) async throws {
        try await backend.withStore { (store: any TaxonomyStore) async throws in
            #expect(try await store.sections().map(\.slug) == ["the-gioi", "chau-a", "kinh-te"])
            let error = await #expect(throws: StorageError.self) {
                try await store.saveSection(slug: "dong-a", name: "Đông Á", parentSlug: "chau-a", position: 1, description: "")
            }
            #expect(error == .conflict("section chau-a is already a subsection; sections nest two levels deep"))
            await #expect(throws: StorageError.notFound("parent section khong-co")) {
                try await store.saveSection(slug: "dong-a", name: "Đông Á", parentSlug: "khong-co", position: 1, description: "")
            }
            #expect(try await store.section(slug: "dong-a") == nil)
        }
    }

    @Test("saving a section again by slug updates it in place: name, parent, position and description", arguments: Backend.allCases)
    func sectionUpdate(_ backend: Backend) async throws {
        try await backend.withStore { (store: any TaxonomyStore) async throws in
            let world = try #require(try await store.section(slug: "the-gioi"))
            let before = try #require(try await store.section(slug: "kinh-te"))
            let moved = try await store.saveSection(
                slug: "kinh-te", name: "Kinh tế thế giới", parentSlug: "the-gioi", position: 2, description: "Thị trường"
            )
            #expect(moved == Section(
                id: before.id, slug: "kinh-te", name: "Kinh tế thế giới", parentID: world.id, position: 2, description: "Thị trường"
            ))
            #expect(try await store.section(slug: "kinh-te") == moved)
            #expect(try await store.sections().map(\.slug) == ["the-gioi", "chau-a", "kinh-te"])
            let first = try await store.saveSection(slug: "the-thao", name: "Thể thao", parentSlug: nil, position: 0, description: "")
            #expect(try await store.sections().first == first)
            #expect(try await store.sections().count == 4)
        }
    }

    @Test("topics and authors are created and then updated by slug, keeping their ids", arguments: Backend.allCases)
    func topicsAndAuthors(_ backend: Backend) async throws {
        try await backend.withStore(seeded: false) { (store: any TaxonomyStore) async throws in
            #expect(try await store.topic(slug: "bien-dong") == nil)
            #expect(try await store.author(slug: "thu-ha") == nil)
            #expect(try await store.tag(slug: "asean") == nil)
            let topic = try await store.saveTopic(slug: "bien-dong", name: "Biển Đông", description: "")
            let renamed = try await store.saveTopic(slug: "bien-dong", name: "Biển Đông", description: "Chủ quyền biển đảo")
            #expect(renamed.id == topic.id)
            #expect(try await store.topic(slug: "bien-dong") == renamed)
            let author = try await store.saveAuthor(slug: "thu-ha", name: "Nguyễn Thu Hà", title: "Phóng viên", bio: "")
            let promoted = try await store.saveAuthor(slug: "thu-ha", name: "Nguyễn Thu Hà", title: "Trưởng ban", bio: "Hà Nội")
            #expect(promoted.id == author.id)
            #expect(try await store.author(slug: "thu-ha") == promoted)
        }
    }

    @Test("saving taxonomy and settings appends to the change log, oldest first, read in pages", arguments: Backend.allCases)
    func changeLogReading(_ backend: Backend) async throws {
        try await backend.withStore(seeded: false) { (store: any TaxonomyStore & SiteSettingsStore & ContentChangeLog) async throws in
            #expect(try await store.latestChangeSequence() == 0)
            #expect(try await store.changes(after: 0, limit: 10).isEmpty)
            try await store.saveSection(slug: "the-gioi", name: "Thế giới", parentSlug: nil, position: 1, description: "")
            let topic = try await store.saveTopic(slug: "bien-dong", name: "Biển Đông", description: "")
            try await store.saveAuthor(slug: "thu-ha", name: "Nguyễn Thu Hà", title: "", bio: "")
            try await store.saveSiteSettings(Fixtures.settings)
            let all = try await store.changes(after: 0, limit: 10)
            #expect(all.map(\.dependencies) == [[.site], [.topic(topic.id)], [.site], [.site]])
            #expect(all.map(\.sequence) == all.map(\.sequence).sorted())
            #expect(try await store.latestChangeSequence() == all.last?.sequence)
            let page = try await store.changes(after: all[0].sequence, limit: 2)
            #expect(page.map(\.sequence) == [all[1].sequence, all[2].sequence])
            #expect(try await store.changes(after: all[3].sequence, limit: 10).isEmpty)
        }
    }

    @Test("a site secret is made once, 32 bytes, and the same on every later call", arguments: Backend.allCases)
    func siteSecret(_ backend: Backend) async throws {
        try await backend.withStore(seeded: false) { (store: any SiteSecretStore) async throws in
            let csrf = try await store.siteSecret(named: "csrf")
            #expect(csrf.count == 32)
            #expect(try await store.siteSecret(named: "csrf") == csrf)
            let other = try await store.siteSecret(named: "other")
            #expect(other.count == 32 && other != csrf)
        }
    }

    @Test("an empty home layout is the default, and one without articles can be saved", arguments: Backend.allCases)
    func emptyHomeLayout(_ backend: Backend) async throws {
        try await backend.withStore(seeded: false) { (store: any HomeLayoutStore & ContentChangeLog) async throws in
            #expect(try await store.homeLayout() == HomeLayout())
            try await store.saveHomeLayout(HomeLayout())
            #expect(try await store.homeLayout() == HomeLayout())
            #expect(try await store.changes(after: 0, limit: 10).map(\.dependencies) == [[.site]])
        }
    }

    @Test("the home layout round-trips", arguments: Backend.allCases)
    func homeLayout(_ backend: Backend) async throws {
        try await backend.withStore { (store: any ArticleStore & HomeLayoutStore) async throws in
            let ids = try await Fixtures.importNew(store, [Fixtures.input(id: "t"), Fixtures.input(id: "f1"), Fixtures.input(id: "f2")])
            let layout = HomeLayout(topStory: ids["t"], featured: [ids["f2"]!, ids["f1"]!])
            try await store.saveHomeLayout(layout)
            #expect(try await store.homeLayout() == layout)
            // Saved again, the new arrangement replaces the old one whole.
            let smaller = HomeLayout(topStory: nil, featured: [ids["t"]!])
            try await store.saveHomeLayout(smaller)
            #expect(try await store.homeLayout() == smaller)
        }
    }
}
