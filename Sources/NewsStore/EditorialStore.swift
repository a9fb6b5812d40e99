import Foundation
import NewsDomain
import NewsText

/// The newsroom's write path: creating and saving articles (every save a revision), moving them through the workflow,
/// edit locks, scheduled publication, corrections and the dashboards.
///
/// Every write is one transaction that also appends its audit entry and, when what readers may see changes, a
/// content-change-log entry. A workflow denial, a validation error or a stale base version writes nothing.
public protocol EditorialStore: CorrectionStore {
    /// Creates a draft written by `user` (the article's author); throws `ValidationErrors` for bad input and a
    /// `WorkflowDenial` when the user holds no editorial role.
    func createArticle(_ input: ArticleInput, seo: SEOFields, by user: User, now: Date) async throws -> EditorialArticle

    /// The article as the newsroom sees it, with the edit lock when one is active at `now`; nil when there is none.
    func editorialArticle(id: ArticleID, now: Date) async throws -> EditorialArticle?

    /// Saves an edit as a new version based on `baseVersion`; `seo` nil keeps the working version's SEO fields.
    /// Throws `StaleVersion` when someone saved since, the `WorkflowDenial` when the actor may not edit, and
    /// `ValidationErrors` for bad input. The live version stays online: a change after approval needs approval again.
    func saveArticle(
        id: ArticleID, input: ArticleInput, seo: SEOFields?, baseVersion: Int, actor: WorkflowActor, actorName: String,
        workflow: Workflow, now: Date
    ) async throws -> EditorialArticle

    /// Takes a workflow action (decided on the state read inside the transaction); throws the `WorkflowDenial` when refused.
    func transition(
        id: ArticleID, action: WorkflowAction, note: String?, at: Date?, actor: WorkflowActor, actorName: String,
        workflow: Workflow, now: Date
    ) async throws -> EditorialArticle

    /// Every version of the article, newest first.
    func revisions(id: ArticleID) async throws -> [RevisionSummary]

    /// The content of one version; nil when the article has no such version.
    func content(id: ArticleID, version: Int) async throws -> ArticleContent?

    /// Saves a copy of an earlier version as the new working version: a save like any other (stale check, workflow, audit).
    func restoreRevision(
        id: ArticleID, version: Int, baseVersion: Int, actor: WorkflowActor, actorName: String, workflow: Workflow, now: Date
    ) async throws -> EditorialArticle

    /// Takes the edit lock when it is free, expired or already the user's (renewing it); otherwise says who holds it.
    func acquireLock(id: ArticleID, user: User, now: Date, duration: TimeInterval) async throws -> LockOutcome

    /// Takes the lock whoever holds it (an editor only: `WorkflowDenial` otherwise); audited as `lock.takeover` naming the previous holder.
    func takeOverLock(id: ArticleID, user: User, now: Date, duration: TimeInterval) async throws -> ArticleLock

    /// Gives the lock up if this user holds it.
    func releaseLock(id: ArticleID, userID: UserID) async throws

    /// Publishes every scheduled article whose time has come (also long past, after downtime), each in its own
    /// transaction that claims it first so that two nodes never publish it twice; audited as the scheduler.
    ///
    /// An article that cannot be published never holds up the others: each failure is told to `failure`. One the
    /// workflow refuses (a stored state it cannot publish) is taken off the schedule and put back to wait for the last
    /// approval level, where the newsroom sees it, audited as `article.schedule-failed`; any other failure (the
    /// database was busy) leaves it scheduled, to be tried again on the next call.
    func publishDueArticles(
        now: Date, workflow: Workflow, failure: @Sendable (ScheduleFailure) -> Void
    ) async throws -> [ArticleID]

    /// The earliest scheduled publication time, so the scheduler can sleep until then.
    func nextScheduledTime() async throws -> Date?

    /// What waits for this actor (an article at a level they can act at), the longest-waiting first.
    func waitingArticles(for actor: WorkflowActor, workflow: Workflow) async throws -> [EditorialSummary]

    /// Every article in any state, optionally of one status and one section (with its subsections), most recently changed first.
    func editorialArticles(status: ArticleStatus?, sectionID: SectionID?, page: PageRequest) async throws -> Page<EditorialSummary>
}

extension EditorialStore {
    /// Publishes every scheduled article whose time has come, without being told of failures.
    public func publishDueArticles(now: Date, workflow: Workflow) async throws -> [ArticleID] {
        try await publishDueArticles(now: now, workflow: workflow, failure: { _ in })
    }

    /// Creates a draft without SEO fields.
    public func createArticle(_ input: ArticleInput, by user: User, now: Date) async throws -> EditorialArticle {
        try await createArticle(input, seo: SEOFields(), by: user, now: now)
    }

    /// Saves an edit, keeping the working version's SEO fields.
    public func saveArticle(
        id: ArticleID, input: ArticleInput, baseVersion: Int, actor: WorkflowActor, actorName: String, workflow: Workflow,
        now: Date
    ) async throws -> EditorialArticle {
        try await saveArticle(
            id: id, input: input, seo: nil, baseVersion: baseVersion, actor: actor, actorName: actorName, workflow: workflow,
            now: now
        )
    }

    /// Takes the edit lock for the default duration.
    public func acquireLock(id: ArticleID, user: User, now: Date) async throws -> LockOutcome {
        try await acquireLock(id: id, user: user, now: now, duration: ArticleLock.defaultDuration)
    }

    /// Takes the lock over for the default duration.
    public func takeOverLock(id: ArticleID, user: User, now: Date) async throws -> ArticleLock {
        try await takeOverLock(id: id, user: user, now: now, duration: ArticleLock.defaultDuration)
    }
}

/// What asking for an edit lock gave.
public enum LockOutcome: Hashable, Sendable {
    /// The lock is yours until its expiry.
    case acquired(ArticleLock)
    /// Someone else holds it.
    case heldBy(ArticleLock)
}

/// A save was based on a version that is no longer the newest: someone else saved in between. Nothing was written.
/// The web layer answers 409 with `message`.
public struct StaleVersion: Error, Hashable, Sendable, CustomStringConvertible {
    /// The newest version now.
    public var currentVersion: Int
    /// Who saved it (nil for an imported version).
    public var changedByName: String?
    /// When it was saved.
    public var changedAt: Date

    /// Creates the error.
    public init(currentVersion: Int, changedByName: String?, changedAt: Date) {
        self.currentVersion = currentVersion
        self.changedByName = changedByName
        self.changedAt = changedAt
    }

    /// A Vietnamese sentence naming who changed the article and when, e.g.
    /// "Bài đã được Trần Biên Tập sửa lúc 22/12/2023 10:35 (bản 4). Hãy tải lại trước khi lưu."
    public var message: String {
        let who = changedByName.map { "được \($0) sửa" } ?? "được cập nhật từ dữ liệu nhập"
        return "Bài đã \(who) lúc \(VietnameseDate.shortDateTime(changedAt)) (bản \(currentVersion)). Hãy tải lại trước khi lưu."
    }

    /// The message, for logs.
    public var description: String { message }
}

/// A line of the corrections index: the correction and the article it corrects.
public struct CorrectionIndexItem: Hashable, Sendable {
    /// The correction.
    public var correction: Correction
    /// The corrected article's published version, for its link and card.
    public var article: ArticleSummary

    /// Creates an item.
    public init(correction: Correction, article: ArticleSummary) {
        self.correction = correction
        self.article = article
    }
}

/// A scheduled article that could not be published when its time came.
public struct ScheduleFailure: Hashable, Sendable, CustomStringConvertible {
    /// The article.
    public var articleID: ArticleID
    /// Why, for logs and operators.
    public var reason: String
    /// Whether it was taken off the schedule (true) or stays scheduled to be tried again (false).
    public var isUnscheduled: Bool

    /// Creates a failure.
    public init(articleID: ArticleID, reason: String, isUnscheduled: Bool) {
        self.articleID = articleID
        self.reason = reason
        self.isUnscheduled = isUnscheduled
    }

    /// One line for logs.
    public var description: String {
        "article \(articleID): \(reason)" + (isUnscheduled ? " (taken off the schedule)" : " (will be tried again)")
    }
}
