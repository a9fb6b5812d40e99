import PostgresNIO

/// The transaction-level advisory locks the store takes where SQLite's single writer decided the order. Each is scoped
/// to the schema the store works in (the first key is a hash of the schema's name), so that newspapers in two schemas
/// of one database, and the tests, each in a schema of its own, never wait for each other.
enum AdvisoryLock: Int32, CaseIterable {
    /// Migrations: nodes migrating at the same moment take turns.
    case migrations = 1
    /// The change log: entries commit in sequence order (see `recordChange`).
    case changeLog = 2
    /// The related-articles cache: its writers never interleave (see `PostgresNewsStore+Related`).
    case relatedArticles = 3

    /// Takes the lock, waiting for whoever holds it, until the transaction ends.
    func take(_ session: PostgresSession) async throws {
        try await session.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema()), \(rawValue))")
    }
}
