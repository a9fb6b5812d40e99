/// What can go wrong in storage, in words the rest of the system can act on.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The thing asked for does not exist.
    case notFound(String)
    /// The write conflicts with what is stored (a duplicate, a stale version).
    case conflict(String)
    /// The database cannot be reached or opened.
    case unavailable(String)

    /// A sentence for logs and operators.
    public var description: String {
        switch self {
        case .notFound(let what): "not found: \(what)"
        case .conflict(let what): "conflict: \(what)"
        case .unavailable(let what): "storage unavailable: \(what)"
        }
    }
}
