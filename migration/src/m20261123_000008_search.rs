//! Full-text search over saker. PostgreSQL: two generated `tsvector` columns with Norwegian
//! stemming (the saksfremlegg with its title, and the minutes' discussion and vedtak, kept
//! apart because they are visible to different readers), each with a GIN index. SQLite: an
//! FTS5 table over the same columns, external-content on `sak`, kept in sync by triggers.
use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const POSTGRES_UP: &[&str] = &[
    "ALTER TABLE sak ADD COLUMN search_papers tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('norwegian', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('norwegian',
            coalesce(background, '') || ' ' || coalesce(reason, '') || ' ' ||
            coalesce(key_points, '') || ' ' || coalesce(proposed_vedtak, '')), 'B')
    ) STORED",
    "ALTER TABLE sak ADD COLUMN search_minutes tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('norwegian',
            coalesce(discussion, '') || ' ' || coalesce(vedtak, '')), 'B')
    ) STORED",
    "CREATE INDEX ix_sak_search_papers ON sak USING GIN (search_papers)",
    "CREATE INDEX ix_sak_search_minutes ON sak USING GIN (search_minutes)",
];

const POSTGRES_DOWN: &[&str] = &[
    "DROP INDEX ix_sak_search_minutes",
    "DROP INDEX ix_sak_search_papers",
    "ALTER TABLE sak DROP COLUMN search_minutes",
    "ALTER TABLE sak DROP COLUMN search_papers",
];

// The column order is the search service's: 0 title, 1–4 the saksfremlegg, 5–6 the minutes.
const SQLITE_UP: &[&str] = &[
    "CREATE VIRTUAL TABLE sak_fts USING fts5(
        title, background, reason, key_points, proposed_vedtak, discussion, vedtak,
        content='sak', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    )",
    "CREATE TRIGGER sak_fts_insert AFTER INSERT ON sak BEGIN
        INSERT INTO sak_fts(rowid, title, background, reason, key_points, proposed_vedtak,
            discussion, vedtak)
        VALUES (new.id, new.title, new.background, new.reason, new.key_points,
            new.proposed_vedtak, new.discussion, new.vedtak);
    END",
    "CREATE TRIGGER sak_fts_delete AFTER DELETE ON sak BEGIN
        INSERT INTO sak_fts(sak_fts, rowid, title, background, reason, key_points,
            proposed_vedtak, discussion, vedtak)
        VALUES ('delete', old.id, old.title, old.background, old.reason, old.key_points,
            old.proposed_vedtak, old.discussion, old.vedtak);
    END",
    "CREATE TRIGGER sak_fts_update AFTER UPDATE OF title, background, reason, key_points,
        proposed_vedtak, discussion, vedtak ON sak BEGIN
        INSERT INTO sak_fts(sak_fts, rowid, title, background, reason, key_points,
            proposed_vedtak, discussion, vedtak)
        VALUES ('delete', old.id, old.title, old.background, old.reason, old.key_points,
            old.proposed_vedtak, old.discussion, old.vedtak);
        INSERT INTO sak_fts(rowid, title, background, reason, key_points, proposed_vedtak,
            discussion, vedtak)
        VALUES (new.id, new.title, new.background, new.reason, new.key_points,
            new.proposed_vedtak, new.discussion, new.vedtak);
    END",
    // Saker that exist already.
    "INSERT INTO sak_fts(sak_fts) VALUES ('rebuild')",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER sak_fts_update",
    "DROP TRIGGER sak_fts_delete",
    "DROP TRIGGER sak_fts_insert",
    "DROP TABLE sak_fts",
];

async fn run(manager: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    let db = manager.get_connection();
    for sql in statements {
        db.execute_unprepared(sql).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => run(manager, POSTGRES_UP).await,
            DatabaseBackend::Sqlite => run(manager, SQLITE_UP).await,
            other => Err(DbErr::Migration(format!("search is not built for {other:?}"))),
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => run(manager, POSTGRES_DOWN).await,
            DatabaseBackend::Sqlite => run(manager, SQLITE_DOWN).await,
            other => Err(DbErr::Migration(format!("search is not built for {other:?}"))),
        }
    }
}
