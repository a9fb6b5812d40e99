import Foundation
import NewsDomain
import NewsStore
import NewsStoreSQLite

/// Shared test data: a fixed clock and article inputs written for the tests.
public enum Fixtures {
    /// The tests' "now": Thứ Sáu, 22/12/2023 10:30 (GMT+7).
    public static let now = Date(timeIntervalSince1970: 1_703_215_800)

    /// An article input, published `minutesAgo` before `now` unless told otherwise.
    public static func input(
        id: String, title: String? = nil, section: String = "the-gioi", sectionName: String? = nil, tags: [String] = [],
        topic: String? = nil, author: String = "Nguyễn Văn Thử", minutesAgo: Int = 60, status: ArticleStatus = .published,
        images: [ImageInput] = [], related: [String] = [], body: String? = nil, sapo: String? = nil
    ) -> ArticleInput {
        ArticleInput(
            externalID: id, title: title ?? "Bài thử nghiệm \(id)",
            sapo: sapo ?? "Sapo của bài \(id), viết riêng cho bộ kiểm thử của Tòa Soạn.",
            body: body ?? "Đoạn thứ nhất của bài \(id).\n\nĐoạn thứ hai của bài \(id).",
            sectionSlug: section, sectionName: sectionName, tags: tags, topic: topic, author: author,
            publishedAt: now.addingTimeInterval(-Double(minutesAgo) * 60), images: images, status: status,
            related: related
        )
    }

    /// An in-memory store with two top-level sections (one with a subsection) and no articles.
    public static func emptyStore() async throws -> SQLiteNewsStore {
        let store = try SQLiteNewsStore.inMemory()
        try await seedSections(store)
        return store
    }

    /// Saves the tests' sections: "the-gioi" (Thế giới) with its subsection "chau-a" (Châu Á), and "kinh-te".
    public static func seedSections(_ store: some TaxonomyStore) async throws {
        try await store.saveSection(slug: "the-gioi", name: "Thế giới", parentSlug: nil, position: 1, description: "Tin thế giới")
        try await store.saveSection(slug: "chau-a", name: "Châu Á", parentSlug: "the-gioi", position: 1, description: "")
        try await store.saveSection(slug: "kinh-te", name: "Kinh tế", parentSlug: nil, position: 2, description: "")
    }

    /// Imports inputs whose external ids are all new; returns the ids the store gave them, by external id.
    @discardableResult
    public static func importNew(_ store: some ArticleStore, _ inputs: [ArticleInput]) async throws -> [String: ArticleID] {
        let result = try await store.importArticles(inputs, now: now)
        precondition(result.updated.isEmpty, "importNew expects new articles only")
        return Dictionary(uniqueKeysWithValues: zip(inputs.map { $0.externalID ?? "" }, result.created))
    }
}

extension Fixtures {
    /// The repository's root folder, found from this file's place in it.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The default theme shipped in the repository.
    public static var themeDirectory: String { repositoryRoot.appendingPathComponent("Themes/default").path }

    /// A fresh temporary folder; the caller removes it.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("toasoan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Settings with every masthead field filled in.
    public static let settings = SiteSettings(
        name: "Báo Thử Nghiệm", tagline: "Ấn bản kiểm thử", baseURL: "https://bao.example",
        governingBody: "Hội Kiểm thử", licenceNumber: "42/GP-TEST", licenceDate: "2024-03-15",
        licenceIssuer: "Cục Kiểm thử", editorInChief: "Phạm Tổng Biên", deputyEditors: ["Lê Phó Tổng"],
        address: "1 Phố Thử, Hà Nội", phone: "024 1234 5678", email: "toasoan@bao.example",
        followLinks: [FollowLink(name: "Facebook", url: "https://facebook.com/baothu")], copyright: "Bản quyền Báo Thử Nghiệm"
    )
}

extension Fixtures {
    /// Searches `store` as readers see it at `now`, and returns the external ids of the hits in order.
    public static func readerIDs(
        _ store: any SearchStore, _ query: String, section: SectionID? = nil, from: Date? = nil, until: Date? = nil,
        now: Date = Fixtures.now, size: Int = 10
    ) async throws -> [String] {
        try await store.search(
            SearchRequest(
                query: query, sectionID: section, from: from, until: until, scope: .published(now: now),
                page: PageRequest(number: 1, size: size)
            )
        ).hits.compactMap(\.externalID)
    }
}
