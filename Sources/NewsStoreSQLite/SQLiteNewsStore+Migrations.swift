import GRDB
import NewsStore

extension SQLiteNewsStore {
    /// Append-only, named migrations: never rename or edit one that has landed; add a new one.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("2026-11-29-create-content") { db in
            try db.execute(sql: """
                CREATE TABLE sections (
                    id INTEGER PRIMARY KEY,
                    slug TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    parent_id INTEGER REFERENCES sections(id) ON DELETE RESTRICT,
                    position INTEGER NOT NULL DEFAULT 0,
                    description TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX sections_parent ON sections(parent_id);
                CREATE TABLE tags (
                    id INTEGER PRIMARY KEY,
                    slug TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL
                );
                CREATE TABLE topics (
                    id INTEGER PRIMARY KEY,
                    slug TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT ''
                );
                CREATE TABLE authors (
                    id INTEGER PRIMARY KEY,
                    slug TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    title TEXT NOT NULL DEFAULT '',
                    bio TEXT NOT NULL DEFAULT ''
                );
                CREATE TABLE media (
                    id INTEGER PRIMARY KEY,
                    src TEXT NOT NULL UNIQUE,
                    width INTEGER,
                    height INTEGER,
                    alt TEXT NOT NULL,
                    caption TEXT NOT NULL DEFAULT '',
                    credit TEXT NOT NULL DEFAULT '',
                    created_at REAL NOT NULL
                );
                CREATE TABLE articles (
                    id INTEGER PRIMARY KEY,
                    external_id TEXT UNIQUE,
                    status TEXT NOT NULL,
                    current_version_id INTEGER REFERENCES article_versions(id) DEFERRABLE INITIALLY DEFERRED,
                    published_version_id INTEGER REFERENCES article_versions(id) DEFERRABLE INITIALLY DEFERRED,
                    published_section_id INTEGER REFERENCES sections(id),
                    published_topic_id INTEGER REFERENCES topics(id),
                    published_at REAL,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE INDEX articles_published ON articles(status, published_at);
                CREATE INDEX articles_section ON articles(published_section_id, published_at);
                CREATE INDEX articles_topic ON articles(published_topic_id, published_at);
                CREATE TABLE article_versions (
                    id INTEGER PRIMARY KEY,
                    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                    number INTEGER NOT NULL,
                    slug TEXT NOT NULL,
                    title TEXT NOT NULL,
                    sapo TEXT NOT NULL,
                    body TEXT NOT NULL,
                    section_id INTEGER NOT NULL REFERENCES sections(id),
                    topic_id INTEGER REFERENCES topics(id),
                    created_at REAL NOT NULL,
                    UNIQUE(article_id, number)
                );
                CREATE TABLE article_version_tags (
                    version_id INTEGER NOT NULL REFERENCES article_versions(id) ON DELETE CASCADE,
                    tag_id INTEGER NOT NULL REFERENCES tags(id),
                    position INTEGER NOT NULL,
                    PRIMARY KEY (version_id, tag_id)
                );
                CREATE INDEX article_version_tags_tag ON article_version_tags(tag_id, version_id);
                CREATE TABLE article_version_authors (
                    version_id INTEGER NOT NULL REFERENCES article_versions(id) ON DELETE CASCADE,
                    author_id INTEGER NOT NULL REFERENCES authors(id),
                    position INTEGER NOT NULL,
                    PRIMARY KEY (version_id, author_id)
                );
                CREATE INDEX article_version_authors_author ON article_version_authors(author_id, version_id);
                CREATE TABLE article_version_media (
                    version_id INTEGER NOT NULL REFERENCES article_versions(id) ON DELETE CASCADE,
                    media_id INTEGER NOT NULL REFERENCES media(id),
                    position INTEGER NOT NULL,
                    PRIMARY KEY (version_id, position)
                );
                CREATE TABLE article_version_related (
                    version_id INTEGER NOT NULL REFERENCES article_versions(id) ON DELETE CASCADE,
                    related_article_id INTEGER NOT NULL REFERENCES articles(id),
                    position INTEGER NOT NULL,
                    PRIMARY KEY (version_id, related_article_id)
                );
                CREATE TABLE home_slots (
                    slot TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                    PRIMARY KEY (slot, position)
                );
                CREATE TABLE site_settings (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                );
                CREATE TABLE content_changes (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    changed_at REAL NOT NULL,
                    dependencies TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("2026-11-29-create-accounts") { db in
            try db.execute(sql: """
                CREATE TABLE users (
                    id INTEGER PRIMARY KEY,
                    email TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    roles TEXT NOT NULL,
                    section_limits TEXT,
                    password_hash TEXT NOT NULL,
                    totp_secret TEXT,
                    last_totp_step INTEGER,
                    disabled INTEGER NOT NULL DEFAULT 0,
                    created_at REAL NOT NULL
                );
                CREATE TABLE sessions (
                    id INTEGER PRIMARY KEY,
                    token_hash TEXT NOT NULL UNIQUE,
                    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    expires_at REAL NOT NULL
                );
                CREATE INDEX sessions_user ON sessions(user_id);
                CREATE TABLE login_failures (
                    id INTEGER PRIMARY KEY,
                    email TEXT NOT NULL,
                    address TEXT NOT NULL,
                    at REAL NOT NULL
                );
                CREATE INDEX login_failures_email ON login_failures(email, at);
                CREATE INDEX login_failures_address ON login_failures(address, at);
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY,
                    at REAL NOT NULL,
                    action TEXT NOT NULL,
                    user_id INTEGER REFERENCES users(id),
                    actor_name TEXT NOT NULL,
                    article_id INTEGER REFERENCES articles(id),
                    from_state TEXT,
                    to_state TEXT,
                    note TEXT,
                    address TEXT
                );
                CREATE INDEX audit_log_article ON audit_log(article_id, at);
                CREATE INDEX audit_log_at ON audit_log(at);
                """)
        }
        migrator.registerMigration("2026-11-30-create-editorial") { db in
            // revision_stage: the stage of a published article's working revision (NULL when the working version is
            // the live one). first_published_at: kept when a revision replaces the live version. state_changed_at:
            // when the article entered its state, for the dashboards' "oldest first".
            try db.execute(sql: """
                ALTER TABLE articles ADD COLUMN revision_stage TEXT;
                ALTER TABLE articles ADD COLUMN author_user_id INTEGER REFERENCES users(id);
                ALTER TABLE articles ADD COLUMN scheduled_at REAL;
                ALTER TABLE articles ADD COLUMN first_published_at REAL;
                ALTER TABLE articles ADD COLUMN state_changed_at REAL;
                UPDATE articles SET state_changed_at = updated_at;
                UPDATE articles SET first_published_at = published_at WHERE published_version_id IS NOT NULL;
                CREATE INDEX articles_scheduled ON articles(status, scheduled_at);
                CREATE INDEX articles_state_changed ON articles(status, state_changed_at);
                ALTER TABLE article_versions ADD COLUMN created_by INTEGER REFERENCES users(id);
                ALTER TABLE article_versions ADD COLUMN seo_title TEXT;
                ALTER TABLE article_versions ADD COLUMN seo_description TEXT;
                CREATE TABLE article_locks (
                    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    acquired_at REAL NOT NULL,
                    expires_at REAL NOT NULL
                );
                CREATE TABLE corrections (
                    id INTEGER PRIMARY KEY,
                    article_id INTEGER NOT NULL REFERENCES articles(id),
                    note TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    created_by INTEGER REFERENCES users(id),
                    created_by_name TEXT NOT NULL
                );
                CREATE INDEX corrections_created ON corrections(created_at);
                CREATE INDEX corrections_article ON corrections(article_id, created_at);
                """)
        }
        migrator.registerMigration("2026-12-01-media-library") { db in
            // variants: JSON array of MediaVariant. search_text: caption, credit and alt folded (no diacritics,
            // lowercase) by NewsText, which SQL cannot do; kept in step by every write. original_name and
            // byte_count are set for uploads only, which is how a library upload is told from an imported image.
            try db.execute(sql: """
                ALTER TABLE media ADD COLUMN rights TEXT NOT NULL DEFAULT '';
                ALTER TABLE media ADD COLUMN variants TEXT NOT NULL DEFAULT '[]';
                ALTER TABLE media ADD COLUMN uploaded_by INTEGER REFERENCES users(id);
                ALTER TABLE media ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
                ALTER TABLE media ADD COLUMN original_name TEXT;
                ALTER TABLE media ADD COLUMN byte_count INTEGER;
                CREATE INDEX media_created ON media(created_at, id);
                """)
            for row in try Row.fetchAll(db, sql: "SELECT id, alt, caption, credit FROM media") {
                try db.execute(
                    sql: "UPDATE media SET search_text = ? WHERE id = ?",
                    arguments: [MediaText.searchText(alt: row[1], caption: row[2], credit: row[3]), row[0] as Int64]
                )
            }
        }
        migrator.registerMigration("2026-12-01-security-policy", migrate: createSecurityPolicy)
        migrator.registerMigration("2026-12-02-site-secrets") { db in
            // Keys every node of the site must share (the CSRF key), made once at random by whichever node comes first.
            try db.execute(sql: "CREATE TABLE site_secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL)")
        }
        // Superseded by "2026-12-05-search-readings", which replaces what it made; kept so that the order of what
        // databases have applied stays the same.
        migrator.registerMigration("2026-12-03-search-index") { _ in }
        migrator.registerMigration("2026-12-03-webhooks", migrate: createWebhooks)
        migrator.registerMigration("2026-12-03-related-similarity", migrate: createRelatedSimilarity)
        migrator.registerMigration("2026-12-05-search-readings", migrate: createSearchIndex)
        return migrator
    }()
}
