import NewsStoreSQLite
import NewsTestSupport

extension Newsroom {
    /// A newsroom on a new in-memory SQLite store.
    static func make() async throws -> Newsroom {
        try await make(store: SQLiteNewsStore.inMemory())
    }

    /// The store as SQLite, for what only it has here (raw SQL, the scheduler's internals).
    var sqlite: SQLiteNewsStore { store as! SQLiteNewsStore }
}
