/// Where a database's schema stands against the migrations this binary knows, by name. Migrations are named and
/// append-only, so the names applied say everything: none (a new database), all (current), a prefix (behind: an
/// upgrade is due), or some this binary has never heard of (ahead: a newer binary migrated it).
public enum SchemaStatus: Sendable, Equatable {
    /// No migration applied: a new database.
    case empty
    /// Every known migration applied, and nothing else.
    case current
    /// Known migrations not applied yet, in order.
    case behind(missing: [String])
    /// Applied migrations this binary does not know, in the order applied.
    case ahead(unknown: [String])

    /// The status of a database that has `applied` (in the order applied) when this binary knows `known`.
    public init(applied: [String], known: [String]) {
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty {
            self = .ahead(unknown: unknown)
        } else if applied.isEmpty {
            self = .empty
        } else {
            let missing = known.filter { !applied.contains($0) }
            self = missing.isEmpty ? .current : .behind(missing: missing)
        }
    }

    /// Why a database in this state cannot be used as it is (`database` names it in the message), or nil when it can.
    /// A new database is set up when opened; anything else is changed only by `toasoan migrate`.
    public func refusal(database: String) -> String? {
        switch self {
        case .empty, .current:
            nil
        case .behind(let missing):
            "the database \(database) is older than this toasoan: \(missing.count) migration\(missing.count == 1 ? "" : "s") "
                + "to apply (\(missing.joined(separator: ", "))). Back it up, then run `toasoan migrate` with the same "
                + "database option"
        case .ahead(let unknown):
            "the database \(database) was migrated by a newer toasoan (\(unknown.joined(separator: ", "))); run that "
                + "version, or restore a backup made before the upgrade"
        }
    }
}

/// What opening a database may do to its schema.
public enum SchemaUpgrade: Sendable {
    /// Set up a new, empty database; refuse one whose schema is behind or ahead (`serve`, `import`, `user`, …).
    case newDatabaseOnly
    /// Apply every missing migration (`toasoan migrate`); still refuse a schema that is ahead.
    case applyMissing
}
