//! Full-text search over policy documents and their consultation rounds, built like the
//! saker's (m20261123_000008_search): PostgreSQL generated `tsvector` columns with Norwegian
//! stemming and GIN indexes; SQLite FTS5 tables over the rows, kept in sync by triggers.
use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const POSTGRES_UP: &[&str] = &[
    "ALTER TABLE policy_document ADD COLUMN search_text tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('norwegian',
            coalesce(title, '') || ' ' || coalesce(reference, '')), 'A') ||
        setweight(to_tsvector('norwegian',
            coalesce(summary, '') || ' ' || coalesce(follow_up_proposal, '') || ' ' ||
            coalesce(decision, '') || ' ' || coalesce(ministry, '') || ' ' ||
            coalesce(launch_text, '')), 'B')
    ) STORED",
    "ALTER TABLE consultation_round ADD COLUMN search_text tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('norwegian',
            coalesce(deadline_text, '') || ' ' || coalesce(note, '')), 'B')
    ) STORED",
    "CREATE INDEX ix_policy_document_search_text ON policy_document USING GIN (search_text)",
    "CREATE INDEX ix_consultation_round_search_text ON consultation_round USING GIN (search_text)",
];

const POSTGRES_DOWN: &[&str] = &[
    "DROP INDEX ix_consultation_round_search_text",
    "DROP INDEX ix_policy_document_search_text",
    "ALTER TABLE consultation_round DROP COLUMN search_text",
    "ALTER TABLE policy_document DROP COLUMN search_text",
];

// Column order is the search source's (service::consultations): 0 title, 1 reference,
// 2 summary, 3 follow-up, 4 decision, 5 ministry, 6 launch; rounds: 0 deadline text, 1 note.
const SQLITE_UP: &[&str] = &[
    "CREATE VIRTUAL TABLE policy_document_fts USING fts5(
        title, reference, summary, follow_up_proposal, decision, ministry, launch_text,
        content='policy_document', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    )",
    "CREATE TRIGGER policy_document_fts_insert AFTER INSERT ON policy_document BEGIN
        INSERT INTO policy_document_fts(rowid, title, reference, summary, follow_up_proposal,
            decision, ministry, launch_text)
        VALUES (new.id, new.title, new.reference, new.summary, new.follow_up_proposal,
            new.decision, new.ministry, new.launch_text);
    END",
    "CREATE TRIGGER policy_document_fts_delete AFTER DELETE ON policy_document BEGIN
        INSERT INTO policy_document_fts(policy_document_fts, rowid, title, reference, summary,
            follow_up_proposal, decision, ministry, launch_text)
        VALUES ('delete', old.id, old.title, old.reference, old.summary,
            old.follow_up_proposal, old.decision, old.ministry, old.launch_text);
    END",
    "CREATE TRIGGER policy_document_fts_update AFTER UPDATE OF title, reference, summary,
        follow_up_proposal, decision, ministry, launch_text ON policy_document BEGIN
        INSERT INTO policy_document_fts(policy_document_fts, rowid, title, reference, summary,
            follow_up_proposal, decision, ministry, launch_text)
        VALUES ('delete', old.id, old.title, old.reference, old.summary,
            old.follow_up_proposal, old.decision, old.ministry, old.launch_text);
        INSERT INTO policy_document_fts(rowid, title, reference, summary, follow_up_proposal,
            decision, ministry, launch_text)
        VALUES (new.id, new.title, new.reference, new.summary, new.follow_up_proposal,
            new.decision, new.ministry, new.launch_text);
    END",
    "INSERT INTO policy_document_fts(policy_document_fts) VALUES ('rebuild')",
    "CREATE VIRTUAL TABLE consultation_round_fts USING fts5(
        deadline_text, note,
        content='consultation_round', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )",
    "CREATE TRIGGER consultation_round_fts_insert AFTER INSERT ON consultation_round BEGIN
        INSERT INTO consultation_round_fts(rowid, deadline_text, note)
        VALUES (new.id, new.deadline_text, new.note);
    END",
    "CREATE TRIGGER consultation_round_fts_delete AFTER DELETE ON consultation_round BEGIN
        INSERT INTO consultation_round_fts(consultation_round_fts, rowid, deadline_text, note)
        VALUES ('delete', old.id, old.deadline_text, old.note);
    END",
    "CREATE TRIGGER consultation_round_fts_update AFTER UPDATE OF deadline_text, note
        ON consultation_round BEGIN
        INSERT INTO consultation_round_fts(consultation_round_fts, rowid, deadline_text, note)
        VALUES ('delete', old.id, old.deadline_text, old.note);
        INSERT INTO consultation_round_fts(rowid, deadline_text, note)
        VALUES (new.id, new.deadline_text, new.note);
    END",
    "INSERT INTO consultation_round_fts(consultation_round_fts) VALUES ('rebuild')",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER consultation_round_fts_update",
    "DROP TRIGGER consultation_round_fts_delete",
    "DROP TRIGGER consultation_round_fts_insert",
    "DROP TABLE consultation_round_fts",
    "DROP TRIGGER policy_document_fts_update",
    "DROP TRIGGER policy_document_fts_delete",
    "DROP TRIGGER policy_document_fts_insert",
    "DROP TABLE policy_document_fts",
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
            other => Err(DbErr::Migration(format!(
                "search is not built for {other:?}"
            ))),
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => run(manager, POSTGRES_DOWN).await,
            DatabaseBackend::Sqlite => run(manager, SQLITE_DOWN).await,
            other => Err(DbErr::Migration(format!(
                "search is not built for {other:?}"
            ))),
        }
    }
}
