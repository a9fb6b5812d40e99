import Foundation
import NewsDomain
import NewsStore
import Testing

/// What a newsroom test needs of a store: the workflow, accounts, sections, reader views, audit log and change log.
public typealias NewsroomStore = EditorialStore & UserStore & TaxonomyStore & ArticleStore & AuditLog & ContentChangeLog
    & MediaLibraryStore

/// A newsroom on a store: sections Thế giới (with Châu Á) and Kinh tế, one account per role, the standard workflow.
public struct Newsroom: Sendable {
    public let store: any NewsroomStore
    public let reporter: User
    public let otherReporter: User
    public let sectionEditor: User
    /// A biên tập viên limited to Kinh tế.
    public let economyEditor: User
    public let copyDesk: User
    public let editorInChief: User
    public let administrator: User
    public let workflow = Workflow()

    /// The fixture clock `minutes` after `Fixtures.now`.
    public static func time(_ minutes: Double) -> Date { Fixtures.now.addingTimeInterval(minutes * 60) }

    /// Sets up the newsroom on an empty, migrated `store`.
    public static func make(store: any NewsroomStore) async throws -> Newsroom {
        try await store.saveSection(slug: "the-gioi", name: "Thế giới", parentSlug: nil, position: 1, description: "")
        try await store.saveSection(slug: "chau-a", name: "Châu Á", parentSlug: "the-gioi", position: 1, description: "")
        let economy = try await store.saveSection(slug: "kinh-te", name: "Kinh tế", parentSlug: nil, position: 2, description: "")
        func user(_ email: String, _ name: String, _ roles: Set<Role>, limits: Set<SectionID>? = nil) async throws -> User {
            try await store.createUser(
                NewUser(email: email, name: name, roles: roles, sectionLimits: limits, passwordHash: "h"), now: Fixtures.now
            )
        }
        return Newsroom(
            store: store,
            reporter: try await user("pv@bao.example", "Nguyễn Phóng Viên", [.reporter]),
            otherReporter: try await user("pv2@bao.example", "Lê Phóng Viên", [.reporter]),
            sectionEditor: try await user("btv@bao.example", "Trần Biên Tập", [.sectionEditor]),
            economyEditor: try await user("btv-kt@bao.example", "Phạm Kinh Tế", [.sectionEditor], limits: [economy.id]),
            copyDesk: try await user("tk@bao.example", "Đỗ Thư Ký", [.copyDesk]),
            editorInChief: try await user("tbt@bao.example", "Vũ Tổng Biên", [.editorInChief]),
            administrator: try await user("qt@bao.example", "Hoàng Quản Trị", [.administrator])
        )
    }

    public static func input(
        _ title: String, section: String = "the-gioi", body: String = "Đoạn một.\n\nĐoạn hai.", tags: [String] = ["Hà Nội"]
    ) -> ArticleInput {
        ArticleInput(
            title: title, sapo: "Sapo của bài “\(title)”.", body: body, sectionSlug: section, tags: tags, author: "Nguyễn Thu Hà",
            status: .draft
        )
    }

    /// The input that saves `content` again with some fields changed.
    public static func input(from content: ArticleContent, title: String? = nil, body: String? = nil, section: String? = nil) -> ArticleInput {
        ArticleInput(
            title: title ?? content.title, sapo: content.sapo, body: body ?? content.body,
            sectionSlug: section ?? content.section.slug, tags: content.tags.map(\.name), topic: content.topic?.name,
            author: content.authors.first?.name ?? "", status: .draft, slug: content.slug
        )
    }

    public func create(_ title: String, section: String = "the-gioi", by user: User? = nil, at: Date = Fixtures.now) async throws -> EditorialArticle {
        try await store.createArticle(Self.input(title, section: section), by: user ?? reporter, now: at)
    }

    @discardableResult
    public func act(
        _ action: WorkflowAction, _ id: ArticleID, by user: User, note: String? = nil, at: Date? = nil, now: Date = Fixtures.now
    ) async throws -> EditorialArticle {
        try await store.transition(
            id: id, action: action, note: note, at: at, actor: user.editorialActor, actorName: user.name, workflow: workflow, now: now
        )
    }

    /// Saves the article's working version with a new title (and body), based on the version the article value has.
    @discardableResult
    public func save(
        _ article: EditorialArticle, by user: User, title: String, body: String? = nil, base: Int? = nil, now: Date = Fixtures.now
    ) async throws -> EditorialArticle {
        try await store.saveArticle(
            id: article.id, input: Self.input(from: article.content, title: title, body: body),
            baseVersion: base ?? article.currentVersion, actor: user.editorialActor, actorName: user.name, workflow: workflow,
            now: now
        )
    }

    /// Walks a new article up the whole chain to `approved`.
    public func approved(_ title: String, section: String = "the-gioi", at: Date = Fixtures.now) async throws -> EditorialArticle {
        let article = try await create(title, section: section, at: at)
        try await act(.submit, article.id, by: reporter, now: at)
        try await act(.approve, article.id, by: sectionEditor, now: at)
        return try await act(.approve, article.id, by: copyDesk, now: at)
    }

    /// Walks a new article up the whole chain and publishes it at `at`.
    public func published(_ title: String, section: String = "the-gioi", at: Date = Fixtures.now) async throws -> EditorialArticle {
        let article = try await approved(title, section: section, at: at)
        return try await act(.publish, article.id, by: editorInChief, now: at)
    }

    /// The reader's view of the article, at the fixture clock unless told.
    public func readerTitle(_ id: ArticleID, now: Date = Newsroom.time(60 * 24)) async throws -> String? {
        try await store.publishedArticle(id: id, now: now)?.title
    }

    /// The audit entries about an article, oldest first.
    public func audit(_ id: ArticleID) async throws -> [AuditEntry] {
        try await store.auditEntries(articleID: id, page: PageRequest(number: 1, size: 100)).items.reversed()
    }

    /// Everything a write could have touched, to show that a refused one touched nothing.
    public struct Snapshot: Equatable, Sendable {
        public var article: EditorialArticle?
        public var revisions: [RevisionSummary]
        public var auditCount: Int
        public var changeSequence: Int64
        public var corrections: [Correction]
        public var articleCount: Int
    }

    public func snapshot(_ id: ArticleID) async throws -> Snapshot {
        Snapshot(
            article: try await store.editorialArticle(id: id, now: Fixtures.now),
            revisions: try await store.revisions(id: id),
            auditCount: try await store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 1)).totalCount,
            changeSequence: try await store.latestChangeSequence(),
            corrections: try await store.corrections(articleID: id),
            articleCount: try await store.articleCount()
        )
    }

    /// The denial a call ends in; records an issue when it succeeds or fails otherwise.
    public func denial(_ body: () async throws -> EditorialArticle, sourceLocation: SourceLocation = #_sourceLocation) async -> WorkflowDenial? {
        do {
            let article = try await body()
            Issue.record("expected a denial, got \(article.state)", sourceLocation: sourceLocation)
        } catch let denial as WorkflowDenial {
            return denial
        } catch {
            Issue.record("expected a denial, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }
}

