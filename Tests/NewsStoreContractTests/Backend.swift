import NewsStore
import NewsStorePostgres
import NewsStoreSQLite
import NewsTestSupport
import Testing

/// The stores every contract test runs against: the embedded default and PostgreSQL. A test takes one as its argument
/// (`@Test(arguments: Backend.allCases)`) and asks it for a fresh store, so one body checks both.
///
/// PostgreSQL needs `TOASOAN_TEST_DATABASE_URL`; without it a developer's run skips the PostgreSQL half with a note,
/// and a CI run (`CI` set) fails (see `TestDatabase`).
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }

    /// Runs `body` with a fresh, migrated store of this backend, seen as the protocols `Store` names (for example
    /// `any UserStore & SessionStore`). With `seeded` the store first gets the tests' sections
    /// (`Fixtures.seedSections`). A backend that does not implement `Store` fails the test, naming what it lacks.
    func withStore<Store: Sendable>(
        seeded: Bool = true, sourceLocation: SourceLocation = #_sourceLocation, _ body: (Store) async throws -> Void
    ) async throws {
        switch self {
        case .sqlite:
            try await Self.run(try SQLiteNewsStore.inMemory(), seeded: seeded, sourceLocation: sourceLocation, body)
        case .postgres:
            // A generous deadline: these tests check what the store does, and a loaded CI machine must not turn a
            // slow answer into a failure (the deadline itself is tested in NewsStorePostgresTests).
            try await TestDatabase.withStore(deadline: .seconds(20), migrated: true, sourceLocation: sourceLocation) { store in
                try await Self.run(store, seeded: seeded, sourceLocation: sourceLocation, body)
            }
        }
    }

    /// Seeds `store` when asked, then runs `body` with it seen as `Store`.
    private static func run<Store: Sendable>(
        _ store: some Sendable, seeded: Bool, sourceLocation: SourceLocation, _ body: (Store) async throws -> Void
    ) async throws {
        if seeded {
            guard let taxonomy = store as? any TaxonomyStore else {
                Issue.record("\(type(of: store)) is not a TaxonomyStore, so it cannot be seeded", sourceLocation: sourceLocation)
                return
            }
            try await Fixtures.seedSections(taxonomy)
        }
        guard let typed = store as? Store else {
            Issue.record("\(type(of: store)) does not implement \(Store.self)", sourceLocation: sourceLocation)
            return
        }
        try await body(typed)
    }
}

extension Newsroom {
    /// Runs `body` with a newsroom set up on a fresh store of `backend`.
    static func with(_ backend: Backend, _ body: (Newsroom) async throws -> Void) async throws {
        try await backend.withStore(seeded: false) { (store: any NewsroomStore) in
            try await body(try await make(store: store))
        }
    }
}
