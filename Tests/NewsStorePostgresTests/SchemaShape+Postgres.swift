import PostgresNIO

@testable import NewsStorePostgres

extension SchemaShape {
    /// The shape of the schema on a store's search path: tables, columns and primary keys from information_schema;
    /// indexes and foreign keys from pg_catalog, which keeps their column order and delete actions in one place.
    /// `schema_migrations` is left out, as GRDB's bookkeeping is on SQLite.
    static func of(_ store: PostgresNewsStore) async throws -> SchemaShape {
        try await store.read { session in
            var shape = SchemaShape()
            for row in try await session.rows("""
                SELECT table_name::text FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
                """) {
                shape.tables[try row.decode(String.self)] = Table()
            }
            for row in try await session.rows("""
                SELECT table_name::text, column_name::text, data_type::text, is_nullable = 'YES'
                FROM information_schema.columns WHERE table_schema = current_schema()
                """) {
                let (table, column, type, nullable) = try row.decode((String, String, String, Bool).self)
                shape.tables[table]?.columns[column] = Column(type: logicalType(type), nullable: nullable)
            }
            for row in try await session.rows("""
                SELECT tc.table_name::text, kcu.column_name::text
                FROM information_schema.table_constraints tc
                JOIN information_schema.key_column_usage kcu
                    ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
                WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY'
                ORDER BY tc.table_name, kcu.ordinal_position
                """) {
                let (table, column) = try row.decode((String, String).self)
                shape.tables[table]?.primaryKey.append(column)
            }
            for row in try await session.rows("""
                SELECT t.relname::text, i.relname::text, ix.indisunique, ix.indisprimary, ix.indpred IS NOT NULL,
                    ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)
                FROM pg_index ix
                JOIN pg_class i ON i.oid = ix.indexrelid
                JOIN pg_class t ON t.oid = ix.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = current_schema()
                """) {
                let (table, index, unique, primary, partial, columns) = try row.decode(
                    (String, String, Bool, Bool, Bool, [String]).self
                )
                if primary { continue }
                if unique {
                    shape.tables[table]?.uniques.insert(columns)
                } else {
                    shape.tables[table]?.indexes[index] = Index(columns: columns, partial: partial)
                }
            }
            for row in try await session.rows("""
                SELECT t.relname::text, r.relname::text, c.confdeltype::text, c.condeferred,
                    ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n),
                    ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n)
                FROM pg_constraint c
                JOIN pg_class t ON t.oid = c.conrelid
                JOIN pg_class r ON r.oid = c.confrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE c.contype = 'f' AND n.nspname = current_schema()
                """) {
                let (table, target, action, deferred, columns, referenced) = try row.decode(
                    (String, String, String, Bool, [String], [String]).self
                )
                shape.tables[table]?.foreignKeys.insert(ForeignKey(
                    columns: columns, table: target, referenced: referenced, onDelete: deleteActions[action] ?? action,
                    deferred: deferred
                ))
            }
            shape.removeSearchIndexProper()
            return shape
        }
    }

    /// The search index proper, which each backend keeps in its own form and which is left out of the comparison like
    /// SQLite's FTS5 tables (`isCompared(sqliteTable:)`): on PostgreSQL, the columns of `search_documents` that stand
    /// in for FTS5 (section, folded terms and their GIN index, per-field positions) and the maintained vocabulary
    /// that stands in for the fts5vocab table. The row map's own columns (`id` … `readings`) are compared.
    static let postgresSearchIndexColumns: Set = [
        "section_id", "terms", "title_positions", "sapo_positions", "body_positions",
    ]

    /// Removes what `postgresSearchIndexColumns` describes.
    private mutating func removeSearchIndexProper() {
        tables["search_vocabulary"] = nil
        for column in Self.postgresSearchIndexColumns { tables["search_documents"]?.columns[column] = nil }
        tables["search_documents"]?.indexes["search_documents_terms"] = nil
    }

    /// `pg_constraint.confdeltype` in SQLite's words.
    private static let deleteActions = [
        "a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT",
    ]

    /// PostgreSQL's type names as the stores use them; 32-bit and other integers stay "other", since every integer
    /// must be BIGINT to decode as Swift's Int64.
    private static func logicalType(_ name: String) -> LogicalType {
        switch name {
        case "bigint": .integer
        case "double precision": .real
        case "text": .text
        case "bytea": .bytes
        case "boolean": .boolean
        default: .other(name)
        }
    }
}
