import NewsStore
import PostgresNIO

extension PostgresNewsStore: ContentChangeSignal {
    /// Listens on `changeChannel` on a connection of its own, held for as long as the subscription lasts. The wait
    /// for that connection is not bounded by the store's deadline (a follower retries by itself), and a lost
    /// connection ends the subscription with `StorageError.unavailable`.
    public func followChanges(
        listening: @Sendable () async -> Void, changed: @Sendable () async -> Void
    ) async throws {
        do {
            try await client.withConnection { connection in
                try await connection.listen(on: Self.changeChannel) { notifications in
                    await listening()
                    for try await _ in notifications {
                        await changed()
                    }
                }
            }
        } catch {
            if Task.isCancelled { return }
            throw storageError(error)
        }
        if !Task.isCancelled {
            throw StorageError.unavailable("PostgreSQL ended the subscription to \(Self.changeChannel)")
        }
    }
}
