import Foundation
import NewsDomain
import NewsStore
import NewsStoreSQLite
import NewsTestSupport
import Testing

@Suite("Media library")
struct MediaLibraryTests {
    @Test("the media-library migration is applied")
    func migration() async throws {
        let store = try SQLiteNewsStore.inMemory()
        #expect(try await store.appliedMigrations().contains("2026-12-01-media-library"))
    }
}
