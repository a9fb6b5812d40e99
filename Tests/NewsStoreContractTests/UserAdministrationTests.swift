import Foundation
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

@Suite("Accounts changed by an administrator, and the security policy", .tags(.postgres), .timeLimit(.minutes(2)))
struct UserAdministrationTests {
    @Test("updateUser replaces name, roles and section limits, and keeps the rest", arguments: Backend.allCases)
    func updateUser(_ backend: Backend) async throws {
        try await backend.withStore { (store: any UserStore & TaxonomyStore) async throws in
            let economy = try #require(try await store.section(slug: "kinh-te"))
            let user = try await store.createUser(
                NewUser(email: "btv@bao.example", name: "Trần Biên Tập", roles: [.sectionEditor], passwordHash: "h"), now: Fixtures.now
            )
            let changed = try await store.updateUser(
                id: user.id, name: "Trần Thị Biên Tập", roles: [.sectionEditor, .reporter], sectionLimits: [economy.id]
            )
            #expect(changed.name == "Trần Thị Biên Tập")
            #expect(changed.roles == [.sectionEditor, .reporter])
            #expect(changed.sectionLimits == [economy.id])
            #expect(changed.email == "btv@bao.example" && changed.createdAt == Fixtures.now && !changed.isDisabled)
            #expect(try await store.user(id: user.id) == changed)
            #expect(try await store.credentials(email: "btv@bao.example")?.passwordHash == "h")

            let cleared = try await store.updateUser(id: user.id, name: changed.name, roles: [.copyDesk], sectionLimits: nil)
            #expect(cleared.sectionLimits == nil)
            #expect(cleared.roles == [.copyDesk])
            await #expect(throws: StorageError.notFound("user 999")) {
                try await store.updateUser(id: UserID(999), name: "Không có", roles: [.reporter], sectionLimits: nil)
            }
        }
    }

    @Test("the security policy starts empty and is saved with an audit entry naming the actor", arguments: Backend.allCases)
    func securityPolicy(_ backend: Backend) async throws {
        try await backend.withStore(seeded: false) { (store: any UserStore & SecurityPolicyStore & AuditLog) async throws in
            #expect(try await store.securityPolicy() == SecurityPolicy())
            let admin = try await store.createUser(
                NewUser(email: "qt@bao.example", name: "Hoàng Quản Trị", roles: [.administrator], passwordHash: "h"), now: Fixtures.now
            )
            let policy = SecurityPolicy(totpRequiredRoles: [.administrator, .editorInChief])
            try await store.saveSecurityPolicy(policy, actor: admin, now: Fixtures.now)
            try await store.saveSecurityPolicy(policy, actor: admin, now: Fixtures.now.addingTimeInterval(60))
            #expect(try await store.securityPolicy() == policy)

            let audit = try await store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 10)).items
            #expect(audit.count == 2)
            #expect(audit.first?.action == "settings.security")
            #expect(audit.first?.userID == admin.id)
            #expect(audit.first?.actorName == "Hoàng Quản Trị")
            #expect(audit.first?.note == "Bắt buộc xác thực hai lớp: quan-tri, tong-bien-tap")

            #expect(policy.requiresTwoFactor(admin))
            let reporter = User(id: UserID(9), email: "pv@bao.example", name: "PV", roles: [.reporter], createdAt: Fixtures.now)
            #expect(!policy.requiresTwoFactor(reporter))

            try await store.saveSecurityPolicy(SecurityPolicy(), actor: admin, now: Fixtures.now.addingTimeInterval(120))
            #expect(try await store.securityPolicy() == SecurityPolicy())
            let last = try await store.auditEntries(articleID: nil, page: PageRequest(number: 1, size: 1)).items
            #expect(last.first?.note == "Bắt buộc xác thực hai lớp: không vai trò nào")
        }
    }

    @Test("a section cannot take a path the site reserves for its own pages", arguments: Backend.allCases)
    func reservedSectionSlug(_ backend: Backend) async throws {
        try await backend.withStore { (store: any TaxonomyStore) async throws in
            for slug in ["thong-tin-cai-chinh", "tag", "api"] {
                await #expect(throws: ValidationErrors.self) {
                    try await store.saveSection(slug: slug, name: "Chiếm chỗ", parentSlug: nil, position: 9, description: "")
                }
                #expect(try await store.section(slug: slug) == nil)
            }
        }
    }
}
