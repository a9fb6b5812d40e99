import Foundation
import NewsDomain
import NewsStore
import NewsTestSupport
import PostgresNIO
import Testing

@testable import NewsStorePostgres

/// Where SQLite's single writer decided races for free, PostgreSQL runs writers side by side: these tests race two
/// stores (two connection pools, as two app nodes have) on one database and check that each decision is taken once.
@Suite("PostgreSQL: nodes racing for the same decision", .tags(.postgres), .timeLimit(.minutes(2)))
struct PostgresConcurrencyTests {
    /// Runs `body` with two running stores on one new, migrated schema.
    static func withTwoNodes(_ body: (PostgresNewsStore, PostgresNewsStore) async throws -> Void) async throws {
        try await TestDatabase.withSchema { url in
            try await PostgresNewsStore.withStore(url: url, logger: TestDatabase.logger) { first in
                try await first.migrate()
                try await PostgresNewsStore.withStore(url: url, logger: TestDatabase.logger) { second in
                    try await body(first, second)
                }
            }
        }
    }

    /// Inserts `count` published articles (one version each) straight into the tables, for tests of stores that
    /// only refer to articles; returns their ids.
    static func insertArticles(_ store: PostgresNewsStore, count: Int) async throws -> [ArticleID] {
        try await store.write { session in
            try await session.execute("INSERT INTO sections (slug, name) VALUES ('kinh-te', 'Kinh tế') ON CONFLICT DO NOTHING")
            let ids = try await session.rows("""
                INSERT INTO articles (status, created_at, updated_at)
                SELECT 'published', 0, 0 FROM generate_series(1, \(count)) RETURNING id
                """).map { try $0.decode(Int64.self) }
            try await session.execute("""
                INSERT INTO article_versions (article_id, number, slug, title, sapo, body, section_id, created_at)
                SELECT a.id, 1, 'bai-' || a.id, 'Bài ' || a.id, 'Sapo', 'Thân bài', s.id, 0
                FROM articles a, sections s WHERE s.slug = 'kinh-te' AND a.id = ANY(\(ids))
                """)
            try await session.execute("""
                UPDATE articles a SET current_version_id = v.id, published_version_id = v.id, published_at = 0
                FROM article_versions v WHERE v.article_id = a.id AND a.id = ANY(\(ids))
                """)
            return ids.map { ArticleID($0) }
        }
    }

    /// Writes `count` pending deliveries for a new webhook, due at `Fixtures.now`; returns their ids.
    static func insertDeliveries(_ store: PostgresNewsStore, count: Int) async throws -> Set<Int64> {
        let admin = try await store.createUser(
            NewUser(email: "qt@bao.example", name: "Quản Trị", roles: [.administrator], passwordHash: "h"), now: Fixtures.now
        )
        let hook = try await store.createWebhook(
            url: "https://nhan.example/hook", events: [.published], description: "", secret: "whsec_thu", actor: admin,
            now: Fixtures.now
        )
        let article = try #require(try await insertArticles(store, count: 1).first)
        return try await store.write { session in
            Set(try await session.rows("""
                INSERT INTO webhook_deliveries (webhook_id, event, occurred_at, article_id, slug, title, sapo, section_slug,
                    section_name, published_at, updated_at, status, attempts, next_attempt_at)
                SELECT \(hook.id.rawValue), \(WebhookEvent.published.rawValue), \(Fixtures.now.storageValue), \(article.rawValue), 'bai', 'Bài',
                    'Sapo', 'kinh-te', 'Kinh tế', 0, 0, 'pending', 0, \(Fixtures.now.storageValue) + n
                FROM generate_series(1, \(count)) n RETURNING id
                """).map { try $0.decode(Int64.self) })
        }
    }

    @Test("two nodes claiming due webhook deliveries at once never get the same one, and together get them all")
    func webhookClaims() async throws {
        try await Self.withTwoNodes { (first: PostgresNewsStore, second: PostgresNewsStore) async throws in
            let due = try await Self.insertDeliveries(first, count: 60)
            let later = Fixtures.now.addingTimeInterval(3600)
            /// Claims in small batches until nothing is left, as a delivery service does.
            @Sendable func drain(_ store: PostgresNewsStore) async throws -> [Int64] {
                var claimed: [Int64] = []
                while true {
                    let batch = try await store.claimDueWebhookDeliveries(now: later, limit: 3, lease: 600)
                    if batch.isEmpty { return claimed }
                    claimed += batch.map(\.id)
                }
            }
            async let one = drain(first)
            async let two = drain(second)
            let (a, b) = try await (one, two)
            #expect(Set(a).isDisjoint(with: b))
            #expect(a.count + b.count == due.count)
            #expect(Set(a).union(b) == due)
            #expect(try await first.claimDueWebhookDeliveries(now: later, limit: 100, lease: 600).isEmpty)
        }
    }

    @Test("two nodes recording attempts of one delivery at once number them 1 and 2")
    func webhookAttempts() async throws {
        try await Self.withTwoNodes { (first: PostgresNewsStore, second: PostgresNewsStore) async throws in
            let id = try #require(try await Self.insertDeliveries(first, count: 1).first)
            let failure = WebhookAttemptOutcome(statusCode: 500, error: nil, duration: .milliseconds(20))
            for round in 0..<5 {
                let at = Fixtures.now.addingTimeInterval(Double(round) * 10)
                async let one: Void = first.recordWebhookAttempt(deliveryID: id, at: at, outcome: failure, retryAt: at)
                async let two: Void = second.recordWebhookAttempt(deliveryID: id, at: at, outcome: failure, retryAt: at)
                _ = try await (one, two)
            }
            let numbers = try await first.read { session in
                try await session.rows("SELECT number FROM webhook_attempts WHERE delivery_id = \(id) ORDER BY id")
                    .map { try $0.decode(Int.self) }
            }
            #expect(numbers.sorted() == Array(1...10))
            let attempts = try await first.read { session in
                try await session.rows("SELECT attempts FROM webhook_deliveries WHERE id = \(id)").first?.decode(Int.self)
            }
            #expect(attempts == 10)
        }
    }

    @Test("two nodes creating an account with the same e-mail at once: one account, one conflict")
    func createUserRace() async throws {
        try await Self.withTwoNodes { (first: PostgresNewsStore, second: PostgresNewsStore) async throws in
            for round in 0..<5 {
                let email = "pv\(round)@bao.example"
                @Sendable func create(_ store: PostgresNewsStore, _ name: String) async -> Result<User, StorageError> {
                    do {
                        return .success(try await store.createUser(
                            NewUser(email: email.uppercased(), name: name, roles: [.reporter], passwordHash: "h"), now: Fixtures.now
                        ))
                    } catch let error as StorageError {
                        return .failure(error)
                    } catch {
                        return .failure(.unavailable("\(error)"))
                    }
                }
                async let one = create(first, "Một")
                async let two = create(second, "Hai")
                let results = await [one, two]
                let created = results.compactMap { try? $0.get() }
                let errors = results.compactMap { result -> StorageError? in
                    if case .failure(let error) = result { return error } else { return nil }
                }
                #expect(created.count == 1)
                #expect(errors == [.conflict("an account with e-mail \(email) already exists")])
                #expect(try await first.credentials(email: email)?.user == created.first)
            }
            #expect(try await second.users().count == 5)
        }
    }

    @Test("a TOTP code offered to two nodes at once is accepted by one only")
    func totpRace() async throws {
        try await Self.withTwoNodes { (first: PostgresNewsStore, second: PostgresNewsStore) async throws in
            let user = try await first.createUser(
                NewUser(email: "pv@bao.example", name: "PV", roles: [.reporter], passwordHash: "h"), now: Fixtures.now
            )
            for step in Int64(100)..<110 {
                async let one = first.acceptTOTPStep(step, userID: user.id)
                async let two = second.acceptTOTPStep(step, userID: user.id)
                let accepted = try await [one, two].filter { $0 }
                #expect(accepted.count == 1, "step \(step)")
            }
        }
    }

    @Test("two nodes making the same site secret at once end up with one secret")
    func siteSecretRace() async throws {
        try await Self.withTwoNodes { (first: PostgresNewsStore, second: PostgresNewsStore) async throws in
            for round in 0..<5 {
                async let one = first.siteSecret(named: "csrf-\(round)")
                async let two = second.siteSecret(named: "csrf-\(round)")
                let (a, b) = try await (one, two)
                #expect(a == b && a.count == 32)
            }
        }
    }

    @Test("two nodes saving the home layout at once: both succeed, and the layout is one of the two, whole")
    func homeLayoutRace() async throws {
        try await Self.withTwoNodes { (first: PostgresNewsStore, second: PostgresNewsStore) async throws in
            let ids = try await Self.insertArticles(first, count: 6)
            let left = HomeLayout(topStory: ids[0], featured: [ids[1], ids[2], ids[3]])
            let right = HomeLayout(topStory: ids[5], featured: [ids[4], ids[3]])
            for _ in 0..<8 {
                async let one: Void = first.saveHomeLayout(left)
                async let two: Void = second.saveHomeLayout(right)
                _ = try await (one, two)
                let layout = try await first.homeLayout()
                #expect(layout == left || layout == right)
            }
        }
    }

    @Test("two nodes adding the same file to the media library at once: one image, one conflict")
    func addMediaRace() async throws {
        try await Self.withTwoNodes { (first: PostgresNewsStore, second: PostgresNewsStore) async throws in
            let user = try await first.createUser(
                NewUser(email: "pv@bao.example", name: "PV", roles: [.reporter], passwordHash: "h"), now: Fixtures.now
            )
            for round in 0..<5 {
                let src = "library/ab/anh-\(round).jpg"
                @Sendable func add(_ store: PostgresNewsStore) async -> StorageError? {
                    do {
                        _ = try await store.addMedia(
                            NewMedia(src: src, width: 800, height: 533, alt: "Ảnh \(round)", caption: "", credit: "", rights: "", uploadedBy: user.id),
                            now: Fixtures.now
                        )
                        return nil
                    } catch let error as StorageError {
                        return error
                    } catch {
                        return .unavailable("\(error)")
                    }
                }
                async let one = add(first)
                async let two = add(second)
                let errors = await [one, two].compactMap { $0 }
                #expect(errors == [.conflict("the library already holds \(src)")])
            }
            #expect(try await first.searchMedia(query: "", page: PageRequest(number: 1, size: 20)).totalCount == 5)
            let audit = try await first.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 20))
            #expect(audit.items.filter { $0.action == "media.upload" }.count == 5, "the loser's audit entry went with its rollback")
        }
    }

    @Test("two nodes saving the same new section at once: one section, no error")
    func saveSectionRace() async throws {
        try await Self.withTwoNodes { (first: PostgresNewsStore, second: PostgresNewsStore) async throws in
            for round in 0..<5 {
                let slug = "muc-\(round)"
                async let one = first.saveSection(slug: slug, name: "Một", parentSlug: nil, position: round, description: "")
                async let two = second.saveSection(slug: slug, name: "Hai", parentSlug: nil, position: round, description: "")
                let (a, b) = try await (one, two)
                #expect(a.id == b.id)
                #expect(try await first.section(slug: slug)?.id == a.id)
            }
            #expect(try await second.sections().count == 5)
        }
    }
}
