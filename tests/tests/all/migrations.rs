//! Migrations go up, down and up again on both databases, every `down` undoes its `up`
//! exactly, and a failing migration leaves the schema as it was (SECURITY item 26).
use chrono::{DateTime, Duration, Utc};
use entity::{api_token, enums::UserRole, user_account};
use migration::{
    Alias, ColumnDef, Index, MigrationName, MigrationTrait, Migrator, MigratorTrait, SchemaManager,
    Table, async_trait,
};
use motebok::db::Db;
use motebok_tests::{Backend, TestDatabase, both_backends};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityName,
    EntityTrait, Set, Statement,
};

/// Every table the entities map, so "all tables exist" cannot miss a new one silently.
fn entity_tables() -> Vec<&'static str> {
    use entity::*;
    vec![
        affiliation::Entity.table_name(),
        api_token::Entity.table_name(),
        appointment::Entity.table_name(),
        attachment::Entity.table_name(),
        attendance::Entity.table_name(),
        audit_log::Entity.table_name(),
        conflict_of_interest::Entity.table_name(),
        consultation_round::Entity.table_name(),
        council::Entity.table_name(),
        council_period::Entity.table_name(),
        event::Entity.table_name(),
        follow_up::Entity.table_name(),
        login_throttle::Entity.table_name(),
        meeting::Entity.table_name(),
        minutes_comment::Entity.table_name(),
        organisation::Entity.table_name(),
        person::Entity.table_name(),
        policy_document::Entity.table_name(),
        publication::Entity.table_name(),
        refresh_token::Entity.table_name(),
        sak::Entity.table_name(),
        sak_case_officer::Entity.table_name(),
        sak_presenter::Entity.table_name(),
        sak_reference::Entity.table_name(),
        sector::Entity.table_name(),
        setting::Entity.table_name(),
        stored_file::Entity.table_name(),
        user_account::Entity.table_name(),
        working_group::Entity.table_name(),
        working_group_member::Entity.table_name(),
    ]
}

/// The schema as text: every table with its columns (name, type, nullability) and every
/// index, sorted. Two equal snapshots mean the same schema for our purposes.
async fn snapshot(db: &DatabaseConnection) -> Vec<String> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Sqlite => {
            "SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || \
                    CASE WHEN p.\"notnull\" = 1 THEN ' not null' ELSE '' END \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
             UNION ALL \
             SELECT 'index ' || name || ' on ' || tbl_name FROM sqlite_master \
             WHERE type = 'index' AND name NOT LIKE 'sqlite_%'"
        }
        _ => {
            "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || \
                    CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END \
             FROM information_schema.columns WHERE table_schema = 'public' \
             UNION ALL \
             SELECT 'index ' || indexname || ' on ' || tablename FROM pg_indexes \
             WHERE schemaname = 'public'"
        }
    };
    let rows = db
        .query_all_raw(Statement::from_string(backend, sql))
        .await
        .expect("schema query");
    let mut out: Vec<String> = rows
        .iter()
        .map(|r| r.try_get_by_index::<String>(0).expect("text"))
        .collect();
    out.sort();
    out
}

async fn existing_tables(db: &DatabaseConnection) -> Vec<&'static str> {
    let manager = SchemaManager::new(db);
    let mut found = Vec::new();
    for t in entity_tables() {
        if manager.has_table(t).await.expect("has_table") {
            found.push(t);
        }
    }
    found
}

async fn applied(db: &DatabaseConnection) -> usize {
    Migrator::get_applied_migrations(db)
        .await
        .expect("applied migrations")
        .len()
}

async fn fresh(backend: Backend) -> (TestDatabase, Db) {
    let tdb = TestDatabase::new(backend).await;
    let db = Db::connect(&tdb.url).await.expect("connect");
    (tdb, db)
}

both_backends!(
    migrations_go_up_down_and_up_again_and_each_down_undoes_its_up,
    |backend: Backend| async move {
        let (_tdb, db) = fresh(backend).await;
        let conn = &db.write;
        let total = Migrator::migrations().len();

        Migrator::up(conn, None).await.expect("up");
        assert_eq!(existing_tables(conn).await, entity_tables());
        assert_eq!(applied(conn).await, total);

        // Walk down one step at a time, remembering the schema at every level.
        let mut levels = vec![snapshot(conn).await];
        for step in 1..=total {
            Migrator::down(conn, Some(1)).await.expect("down one step");
            assert_eq!(applied(conn).await, total - step);
            levels.push(snapshot(conn).await);
        }
        assert!(
            existing_tables(conn).await.is_empty(),
            "tables left after rolling everything back: {:?}",
            existing_tables(conn).await
        );
        levels.reverse();

        // Up again, one step at a time: each level must match the one seen on the way down.
        for (step, expected) in levels.iter().enumerate().skip(1) {
            Migrator::up(conn, Some(1)).await.expect("up one step");
            assert_eq!(
                &snapshot(conn).await,
                expected,
                "schema after {step} migrations differs from before its rollback"
            );
        }
        assert_eq!(existing_tables(conn).await, entity_tables());
        assert!(
            Migrator::get_pending_migrations(conn)
                .await
                .expect("pending")
                .is_empty()
        );
    }
);

/// Creates a table and an index, then runs a statement that must fail.
struct FailsHalfway;

fn half_done() -> migration::TableCreateStatement {
    Table::create()
        .table(Alias::new("half_done"))
        .col(ColumnDef::new(Alias::new("id")).integer().primary_key())
        .to_owned()
}

impl MigrationName for FailsHalfway {
    fn name(&self) -> &str {
        "m99999999_999999_fails_halfway"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for FailsHalfway {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), sea_orm::DbErr> {
        manager.create_table(half_done()).await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_meeting_half_done")
                    .table(Alias::new("meeting"))
                    .col(Alias::new("note"))
                    .to_owned(),
            )
            .await?;
        // The table exists by now: the migration fails after two changes succeeded. (Not a
        // missing column: SQLite would read an unknown quoted name as a string literal.)
        manager.create_table(half_done()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), sea_orm::DbErr> {
        manager
            .drop_table(Table::drop().table(Alias::new("half_done")).to_owned())
            .await
    }
}

/// Our migrations followed by one that fails halfway.
struct WithFailingMigration;

#[async_trait::async_trait]
impl MigratorTrait for WithFailingMigration {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        let mut all = Migrator::migrations();
        all.push(Box::new(FailsHalfway));
        all
    }
}

both_backends!(
    a_migration_that_fails_halfway_leaves_the_schema_as_it_was,
    |backend: Backend| async move {
        let (_tdb, db) = fresh(backend).await;
        let conn = &db.write;
        Migrator::up(conn, None).await.expect("our migrations");
        let before = snapshot(conn).await;

        let result = WithFailingMigration::up(conn, None).await;

        assert!(result.is_err(), "the broken migration must fail");
        assert_eq!(
            snapshot(conn).await,
            before,
            "a half-applied change survived"
        );
        let pending = WithFailingMigration::get_pending_migrations(conn)
            .await
            .expect("pending");
        assert_eq!(
            pending
                .iter()
                .map(|m| m.name().to_owned())
                .collect::<Vec<_>>(),
            vec!["m99999999_999999_fails_halfway".to_owned()],
            "the failed migration must not be recorded as applied"
        );
    }
);

#[test]
fn every_migration_runs_in_a_transaction_on_both_databases() {
    // SQLite's default is no transaction; the guarantee above holds only with Some(true).
    for m in Migrator::migrations() {
        assert_eq!(
            m.use_transaction(),
            Some(true),
            "{} must set use_transaction() to Some(true)",
            m.name()
        );
    }
}

both_backends!(
    tokens_made_before_expiry_existed_get_ninety_days_from_their_creation,
    |backend: Backend| async move {
        let (_tdb, db) = fresh(backend).await;
        let conn = &db.write;
        let before = Migrator::migrations()
            .iter()
            .position(|m| m.name() == "m20261123_000010_api_token_expiry")
            .expect("the expiry migration is registered");
        Migrator::up(conn, Some(before as u32))
            .await
            .expect("up to it");
        let now = Utc::now();
        let user = user_account::ActiveModel {
            email: Set("skript@example.no".into()),
            display_name: Set("Skript".into()),
            password_hash: Set("x".into()),
            role: Set(UserRole::Secretariat),
            active: Set(true),
            token_version: Set(0),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await
        .expect("user");
        let token = |name: &str, age_days: i64, expires_at: Option<DateTime<Utc>>| {
            api_token::ActiveModel {
                user_id: Set(user.id),
                name: Set(name.into()),
                prefix: Set("mbk_".into()),
                token_hash: Set(name.into()),
                scopes: Set("read".into()),
                created_at: Set(now - Duration::days(age_days)),
                expires_at: Set(expires_at),
                ..Default::default()
            }
            .insert(conn)
        };
        let old = token("gammel", 100, None).await.expect("old token");
        let recent = token("ny", 10, None).await.expect("recent token");
        let chosen = now + Duration::days(200);
        let dated = token("med frist", 10, Some(chosen))
            .await
            .expect("token with an expiry");

        Migrator::up(conn, None)
            .await
            .expect("the expiry migration");
        let after = |id: i32| async move {
            api_token::Entity::find_by_id(id)
                .one(conn)
                .await
                .expect("read")
                .expect("the token is kept")
        };
        for t in [&old, &recent] {
            let migrated = after(t.id).await;
            assert_eq!(
                migrated.expires_at,
                Some(migrated.created_at + Duration::days(90)),
                "{}",
                t.name
            );
            assert!(migrated.revoked_at.is_none(), "{}: revoked", t.name);
        }
        assert!(
            after(old.id).await.expires_at < Some(now),
            "the old one is expired"
        );
        assert!(
            after(recent.id).await.expires_at > Some(now),
            "the recent one still works"
        );
        assert_eq!(after(dated.id).await.expires_at, dated.expires_at);
    }
);
