import Foundation
import NewsDomain
import NewsStore
import NewsStoreSQLite
import NewsTestSupport

/// One account per editorial role on a test site's store, and the workflow moves reader tests need, taken through the
/// store's editorial methods (the same ones the Admin API calls). Times are minutes relative to `Fixtures.now`, the
/// test site's clock.
struct Newsdesk {
    let store: SQLiteNewsStore
    let reporter: User
    let sectionEditor: User
    let copyDesk: User
    let editorInChief: User
    let workflow = Workflow()

    /// `minutes` after the site's clock (negative: before).
    static func time(_ minutes: Double) -> Date { Fixtures.now.addingTimeInterval(minutes * 60) }

    static func make(_ store: SQLiteNewsStore) async throws -> Newsdesk {
        func user(_ email: String, _ name: String, _ role: Role) async throws -> User {
            try await store.createUser(NewUser(email: email, name: name, roles: [role], passwordHash: "h"), now: Fixtures.now)
        }
        return Newsdesk(
            store: store,
            reporter: try await user("desk-pv@bao.example", "Nguyễn Phóng Viên", .reporter),
            sectionEditor: try await user("desk-btv@bao.example", "Trần Biên Tập", .sectionEditor),
            copyDesk: try await user("desk-tk@bao.example", "Đỗ Thư Ký", .copyDesk),
            editorInChief: try await user("desk-tbt@bao.example", "Vũ Tổng Biên", .editorInChief)
        )
    }

    /// A draft by the reporter, in `section`, tagged "Hà Nội", in the running story "Chuyện thử", bylined Nguyễn Thu Hà.
    func draft(_ title: String, section: String = "kinh-te", related: [ArticleID] = [], at: Date = Newsdesk.time(-120)) async throws -> EditorialArticle {
        let input = ArticleInput(
            title: title, sapo: "Sapo của bài “\(title)”.", body: "Thân bài của “\(title)”.", sectionSlug: section,
            tags: ["Hà Nội"], topic: "Chuyện thử", author: "Nguyễn Thu Hà", status: .draft, related: related.map(\.description)
        )
        return try await store.createArticle(input, by: reporter, now: at)
    }

    @discardableResult
    func act(
        _ action: WorkflowAction, _ id: ArticleID, by user: User, note: String? = nil, at: Date? = nil, now: Date = Newsdesk.time(-90)
    ) async throws -> EditorialArticle {
        try await store.transition(
            id: id, action: action, note: note, at: at, actor: user.editorialActor, actorName: user.name, workflow: workflow, now: now
        )
    }

    func submitted(_ title: String, section: String = "kinh-te") async throws -> EditorialArticle {
        let article = try await draft(title, section: section)
        return try await act(.submit, article.id, by: reporter)
    }

    func edited(_ title: String, section: String = "kinh-te") async throws -> EditorialArticle {
        let article = try await submitted(title, section: section)
        return try await act(.approve, article.id, by: sectionEditor)
    }

    func approved(_ title: String, section: String = "kinh-te") async throws -> EditorialArticle {
        let article = try await edited(title, section: section)
        return try await act(.approve, article.id, by: copyDesk)
    }

    /// Published an hour before the site's clock.
    func published(_ title: String, section: String = "kinh-te", related: [ArticleID] = []) async throws -> EditorialArticle {
        let draft = try await draft(title, section: section, related: related)
        try await act(.submit, draft.id, by: reporter)
        try await act(.approve, draft.id, by: sectionEditor)
        try await act(.approve, draft.id, by: copyDesk)
        return try await act(.publish, draft.id, by: editorInChief, now: Self.time(-60))
    }

    /// Saves a new working version with another title, as `user`.
    @discardableResult
    func retitle(_ article: EditorialArticle, _ title: String, by user: User, now: Date = Newsdesk.time(-30)) async throws -> EditorialArticle {
        let content = article.content
        let input = ArticleInput(
            title: title, sapo: content.sapo, body: content.body, sectionSlug: content.section.slug, tags: content.tags.map(\.name),
            topic: content.topic?.name, author: content.authors.first?.name ?? "", status: .draft,
            related: content.relatedIDs.map(\.description), slug: content.slug
        )
        return try await store.saveArticle(
            id: article.id, input: input, baseVersion: article.currentVersion, actor: user.editorialActor, actorName: user.name,
            workflow: workflow, now: now
        )
    }

    /// The reader's path of an article's working version.
    static func path(_ article: EditorialArticle) -> String {
        "/\(article.content.slug)-\(article.id).html"
    }
}
