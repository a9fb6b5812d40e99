import NewsStore
import PostgresNIO

extension PostgresNewsStore {
    /// Connects once, outside the pool, and throws `StorageError.unavailable` naming exactly what stands in the way
    /// (refused connection, unknown host, failed login, missing database, TLS): for start-up checks and commands,
    /// where "no connection within 5 s" would leave the operator guessing. Waits at most the deadline.
    public func checkConnection() async throws {
        let (url, logger, deadline) = (self.url, self.logger, self.deadline)
        let connected: Bool
        do {
            connected = try await withThrowingTaskGroup(of: Bool.self, returning: Bool.self) { group in
                group.addTask {
                    let configuration = try url.connectionConfiguration(connectTimeout: deadline)
                    let connection = try await PostgresConnection.connect(
                        configuration: configuration, id: 0, logger: logger
                    )
                    try? await connection.close()
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: deadline)
                    return false
                }
                defer { group.cancelAll() }
                return try await group.next() ?? false
            }
        } catch let error as PSQLError {
            throw StorageError.unavailable("cannot connect to \(url): \(describe(error))")
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw StorageError.unavailable("cannot connect to \(url): \(error)")
        }
        guard connected else {
            throw StorageError.unavailable("cannot connect to \(url): no answer within \(Self.seconds(deadline))")
        }
    }
}
