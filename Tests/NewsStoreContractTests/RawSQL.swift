import Foundation
import PostgresNIO
import Testing

@testable import NewsStorePostgres
@testable import NewsStoreSQLite

/// Statements run straight on a test's store, whichever backend it is: for looking into derived tables (the
/// related-articles cache) and for damaging them on purpose. SQL written here must mean the same in both dialects.
enum RawSQL {
    /// Runs statements that return nothing, in one transaction.
    static func execute(_ statements: [String], on store: Any, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        switch store {
        case let store as SQLiteNewsStore:
            try await store.write { db in
                for sql in statements { try db.execute(sql: sql) }
            }
        case let store as PostgresNewsStore:
            try await store.write { session in
                for sql in statements { try await session.execute(PostgresQuery(unsafeSQL: sql)) }
            }
        default:
            Issue.record("no raw SQL for \(type(of: store))", sourceLocation: sourceLocation)
        }
    }

    /// The first column of a query's rows, as integers.
    static func integers(_ sql: String, on store: Any, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [Int64] {
        switch store {
        case let store as SQLiteNewsStore:
            return try await store.read { db in try Int64.fetchAll(db, sql: sql) }
        case let store as PostgresNewsStore:
            return try await store.read { session in
                try await session.rows(PostgresQuery(unsafeSQL: sql)).map { try $0.decode(Int64.self) }
            }
        default:
            Issue.record("no raw SQL for \(type(of: store))", sourceLocation: sourceLocation)
            return []
        }
    }
}
