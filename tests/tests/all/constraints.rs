//! The database itself refuses what the domain forbids (unique numbers, closed vocabularies,
//! references, checks), and its connections are set up to keep data safe under load
//! (SECURITY items 23 and 24). Rows are written directly, below the services, on purpose:
//! these rules must hold whatever code writes.
use chrono::{NaiveDate, Utc};
use entity::{attendance, enums::*, meeting, person, sak, sak_case_officer, sector};
use motebok::db::Db;
use motebok_tests::{Backend, TestApp, TestDatabase, both_backends};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, Set, SqlErr, Statement, TransactionTrait,
    sea_query::{Alias, Query},
};
use serde_json::json;

async fn migrated(backend: Backend) -> (TestDatabase, Db) {
    let tdb = TestDatabase::new(backend).await;
    let db = Db::connect(&tdb.url).await.expect("connect");
    db.migrate_up().await.expect("migrations");
    (tdb, db)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

async fn meeting(db: &DatabaseConnection, year: i32, number: i32) -> Result<meeting::Model, DbErr> {
    let now = Utc::now();
    meeting::ActiveModel {
        year: Set(year),
        number: Set(number),
        date: Set(date(year, 5, 21)),
        format: Set(MeetingFormat::Physical),
        status: Set(MeetingStatus::Planned),
        minutes_status: Set(MinutesStatus::None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

async fn sak(
    db: &DatabaseConnection,
    meeting_id: i32,
    year: i32,
    number: i32,
) -> Result<sak::Model, DbErr> {
    let now = Utc::now();
    sak::ActiveModel {
        meeting_id: Set(meeting_id),
        year: Set(year),
        number: Set(number),
        position: Set(number),
        title: Set(format!("Sak {number}")),
        types: Set("vedtak".into()),
        status: Set(SakStatus::Draft),
        added_under_eventuelt: Set(false),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

async fn person(db: &DatabaseConnection, name: &str) -> person::Model {
    let now = Utc::now();
    person::ActiveModel {
        name: Set(name.into()),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("person")
}

fn is_unique_violation(e: &DbErr) -> bool {
    matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

fn is_fk_violation(e: &DbErr) -> bool {
    // SQLite reports an ON DELETE RESTRICT violation with extended code 1811, which sea-orm
    // does not classify; its message is the same as for the classified code 787.
    matches!(e.sql_err(), Some(SqlErr::ForeignKeyConstraintViolation(_)))
        || e.to_string().contains("FOREIGN KEY constraint failed")
}

/// SQLite: "CHECK constraint failed"; PostgreSQL: "violates check constraint".
fn is_check_violation(e: &DbErr) -> bool {
    e.to_string().to_lowercase().contains("check constraint")
}

/// SQLite: "NOT NULL constraint failed"; PostgreSQL: "violates not-null constraint".
fn is_not_null_violation(e: &DbErr) -> bool {
    let m = e.to_string().to_lowercase();
    m.contains("not null constraint") || m.contains("not-null constraint")
}

both_backends!(
    a_second_meeting_with_the_same_year_and_number_is_refused,
    |backend: Backend| async move {
        let (_tdb, db) = migrated(backend).await;
        meeting(&db.write, 2025, 2)
            .await
            .expect("first meeting 2/2025");

        let err = meeting(&db.write, 2025, 2)
            .await
            .expect_err("duplicate 2/2025");

        assert!(is_unique_violation(&err), "{err}");
        meeting(&db.write, 2026, 2)
            .await
            .expect("2/2026 is another meeting");
        assert_eq!(meeting::Entity::find().count(&db.read).await.unwrap(), 2);
    }
);

both_backends!(
    a_sak_number_is_unique_within_its_year_across_meetings,
    |backend: Backend| async move {
        let (_tdb, db) = migrated(backend).await;
        let first = meeting(&db.write, 2025, 1).await.unwrap();
        let second = meeting(&db.write, 2025, 2).await.unwrap();
        sak(&db.write, first.id, 2025, 16)
            .await
            .expect("sak 16/1/2025");

        // Sak numbers run through the year, so 16 in another meeting of 2025 is the same number.
        let err = sak(&db.write, second.id, 2025, 16)
            .await
            .expect_err("duplicate sak 16/2025");

        assert!(is_unique_violation(&err), "{err}");
        let next_year = meeting(&db.write, 2026, 1).await.unwrap();
        sak(&db.write, next_year.id, 2026, 16)
            .await
            .expect("sak 16/1/2026");
    }
);

both_backends!(
    text_outside_a_closed_vocabulary_is_refused_even_with_bound_parameters,
    |backend: Backend| async move {
        let (_tdb, db) = migrated(backend).await;
        let now = Utc::now();
        let insert = |format: &str, status: &str| {
            Query::insert()
                .into_table(Alias::new("meeting"))
                .columns(
                    [
                        "year",
                        "number",
                        "date",
                        "format",
                        "status",
                        "minutes_status",
                        "version",
                        "created_at",
                        "updated_at",
                    ]
                    .map(Alias::new),
                )
                .values_panic([
                    2025.into(),
                    3.into(),
                    date(2025, 9, 17).into(),
                    format.into(),
                    status.into(),
                    "none".into(),
                    1.into(),
                    now.into(),
                    now.into(),
                ])
                .to_owned()
        };

        let bad_format = db.write.execute(&insert("in the garden", "planned")).await;
        let bad_status = db.write.execute(&insert("physical", "postponed")).await;

        for result in [bad_format, bad_status] {
            let err = result.expect_err("invalid enum text must be refused");
            assert!(is_check_violation(&err), "{err}");
        }
        assert_eq!(meeting::Entity::find().count(&db.read).await.unwrap(), 0);
        db.write
            .execute(&insert("physical", "planned"))
            .await
            .expect("the same row with valid text is accepted");
    }
);

both_backends!(
    references_to_missing_rows_are_refused,
    |backend: Backend| async move {
        let (_tdb, db) = migrated(backend).await;

        let orphan_sak = sak(&db.write, 9_999, 2025, 1)
            .await
            .expect_err("no meeting 9999");
        let m = meeting(&db.write, 2025, 1).await.unwrap();
        let s = sak(&db.write, m.id, 2025, 1).await.unwrap();
        let orphan_officer = sak_case_officer::ActiveModel {
            sak_id: Set(s.id),
            person_id: Set(9_999),
            position: Set(1),
        }
        .insert(&db.write)
        .await
        .expect_err("no person 9999");

        assert!(is_fk_violation(&orphan_sak), "{orphan_sak}");
        assert!(is_fk_violation(&orphan_officer), "{orphan_officer}");
    }
);

both_backends!(
    deletes_follow_the_deliberate_on_delete_rules,
    |backend: Backend| async move {
        let (_tdb, db) = migrated(backend).await;
        let m = meeting(&db.write, 2025, 2).await.unwrap();
        let s = sak(&db.write, m.id, 2025, 16).await.unwrap();
        let officer = person(&db.write, "Henrietta Blankson").await;
        let member = person(&db.write, "Guri Rørtveit").await;
        sak_case_officer::ActiveModel {
            sak_id: Set(s.id),
            person_id: Set(officer.id),
            position: Set(1),
        }
        .insert(&db.write)
        .await
        .unwrap();
        let now = Utc::now();
        attendance::ActiveModel {
            meeting_id: Set(m.id),
            person_id: Set(Some(member.id)),
            category: Set(AttendanceCategory::Member),
            status: Set(AttendanceStatus::Present),
            position: Set(1),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&db.write)
        .await
        .unwrap();

        // RESTRICT: a meeting with saker, and a person in the minutes, stay.
        let meeting_delete = meeting::Entity::delete_by_id(m.id).exec(&db.write).await;
        let member_delete = person::Entity::delete_by_id(member.id)
            .exec(&db.write)
            .await;
        assert!(meeting_delete.is_err_and(|e| is_fk_violation(&e)));
        assert!(member_delete.is_err_and(|e| is_fk_violation(&e)));

        // CASCADE: deleting the sak takes its case-officer rows with it.
        sak::Entity::delete_by_id(s.id)
            .exec(&db.write)
            .await
            .expect("delete sak");
        assert_eq!(
            sak_case_officer::Entity::find()
                .count(&db.read)
                .await
                .unwrap(),
            0
        );
        assert_eq!(meeting::Entity::find().count(&db.read).await.unwrap(), 1);
    }
);

both_backends!(
    check_and_not_null_constraints_refuse_impossible_rows,
    |backend: Backend| async move {
        let (_tdb, db) = migrated(backend).await;
        let m = meeting(&db.write, 2025, 2).await.unwrap();
        let now = Utc::now();

        let meeting_zero = meeting(&db.write, 2025, 0)
            .await
            .expect_err("meeting number 0");
        let sak_zero = sak(&db.write, m.id, 2025, 0)
            .await
            .expect_err("sak number 0");
        let nobody = attendance::ActiveModel {
            meeting_id: Set(m.id),
            person_id: Set(None),
            name_text: Set(None),
            category: Set(AttendanceCategory::Guest),
            status: Set(AttendanceStatus::Present),
            position: Set(1),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&db.write)
        .await
        .expect_err("attendance of nobody");
        let negative_quota = sector::ActiveModel {
            code: Set("uh".into()),
            name: Set("Universitets- og høgskolesektoren".into()),
            quota: Set(-1),
            position: Set(1),
            version: Set(1),
            ..Default::default()
        }
        .insert(&db.write)
        .await
        .expect_err("negative quota");
        let dateless = db
            .write
            .execute(
                &Query::insert()
                    .into_table(Alias::new("meeting"))
                    .columns(
                        [
                            "year",
                            "number",
                            "date",
                            "format",
                            "status",
                            "minutes_status",
                            "version",
                            "created_at",
                            "updated_at",
                        ]
                        .map(Alias::new),
                    )
                    .values_panic([
                        2025.into(),
                        4.into(),
                        Option::<NaiveDate>::None.into(),
                        "physical".into(),
                        "planned".into(),
                        "none".into(),
                        1.into(),
                        now.into(),
                        now.into(),
                    ])
                    .to_owned(),
            )
            .await
            .expect_err("a meeting without a date");

        for err in [&meeting_zero, &sak_zero, &nobody, &negative_quota] {
            assert!(is_check_violation(err), "{err}");
        }
        assert!(is_not_null_violation(&dateless), "{dateless}");
        assert_eq!(meeting::Entity::find().count(&db.read).await.unwrap(), 1);
    }
);

async fn pragma(conn: &impl ConnectionTrait, name: &str) -> String {
    let row = conn
        .query_one_raw(Statement::from_string(
            DatabaseBackend::Sqlite,
            format!("PRAGMA {name}"),
        ))
        .await
        .expect("pragma")
        .expect("a row");
    row.try_get_by_index::<String>(0)
        .or_else(|_| row.try_get_by_index::<i64>(0).map(|n| n.to_string()))
        .expect("pragma value")
}

both_backends!(
    every_app_connection_has_its_safety_settings,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let db = &app.state.db;
        match backend {
            Backend::Sqlite => {
                // Hold several connections at once so each pool member is checked, not one reused.
                let readers = futures::future::try_join_all((0..4).map(|_| db.read.begin()))
                    .await
                    .expect("reader connections");
                let writer = db.write.begin().await.expect("writer connection");
                for conn in readers.iter().chain(std::iter::once(&writer)) {
                    assert_eq!(pragma(conn, "journal_mode").await, "wal");
                    assert_eq!(pragma(conn, "foreign_keys").await, "1");
                    assert_eq!(pragma(conn, "synchronous").await, "1", "NORMAL");
                    let busy: i64 = pragma(conn, "busy_timeout").await.parse().unwrap();
                    assert!(busy >= 1_000, "busy_timeout {busy} ms");
                }
            }
            Backend::Postgres => {
                let row = db
                    .read
                    .query_one_raw(Statement::from_string(
                        DatabaseBackend::Postgres,
                        "SHOW statement_timeout",
                    ))
                    .await
                    .unwrap()
                    .unwrap();
                assert_eq!(row.try_get_by_index::<String>(0).unwrap(), "15s");
            }
        }
    }
);

both_backends!(
    fifty_parallel_mutations_all_succeed_without_database_is_locked,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let org = app
            .gql_ok(
                Some(&token),
                "mutation { createOrganisation(input: { name: \"Kreftforeningen\" }) { id } }",
                json!({}),
            )
            .await;
        let org_id = org["createOrganisation"]["id"].clone();
        // Each mutation reads (the organisation) and then writes three rows in one transaction:
        // the read-then-write pattern that makes SQLite answer "database is locked".
        let mutation = "mutation($name: String!, $org: ID) {
        createPerson(input: { name: $name }, organisationId: $org) { id } }";

        let results = futures::future::join_all((0..50).map(|i| {
            let (app, token, org_id) = (&app, &token, &org_id);
            async move {
                app.gql(
                    Some(token),
                    mutation,
                    json!({ "name": format!("Medlem {i}"), "org": org_id }),
                )
                .await
            }
        }))
        .await;

        for res in &results {
            assert!(
                res.get("errors").is_none(),
                "a parallel write failed: {res:#}"
            );
        }
        let db = &app.state.db.read;
        assert_eq!(person::Entity::find().count(db).await.unwrap(), 50);
        assert_eq!(
            entity::affiliation::Entity::find().count(db).await.unwrap(),
            50
        );
    }
);
