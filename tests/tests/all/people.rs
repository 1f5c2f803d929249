//! People, organisations, affiliations and appointments: editing with versions, history,
//! bad input, who may see and do what, and a member's attendance history.

use crate::rows::{self, count, d};
use entity::{
    affiliation, appointment, audit_log,
    enums::{AttendanceStatus, MeetingStatus, MinutesStatus, UserRole},
    organisation, person,
};
use motebok_tests::{Backend, TestApp, both_backends, error_code};
use serde_json::{Value, json};

const CREATE_ORGANISATION: &str = r#"
mutation($input: OrganisationInput!) {
  createOrganisation(input: $input) { id name shortName version }
}"#;

const CREATE_PERSON: &str = r#"
mutation($input: PersonInput!, $org: ID) {
  createPerson(input: $input, organisationId: $org) {
    id name email phone title note version
    affiliations { startsOn endsOn organisation { name } }
  }
}"#;

const UPDATE_PERSON: &str = r#"
mutation($input: UpdatePersonInput!) {
  updatePerson(input: $input) { id name email phone title note version }
}"#;

const PERSON: &str = r#"
query($id: ID!, $on: NaiveDate) {
  person(id: $id) {
    name email phone note version
    organisation(on: $on) { name }
    affiliations { startsOn endsOn title organisation { name } }
    appointments { role title startsOn endsOn version sector { code } }
  }
}"#;

async fn organisation(app: &TestApp, token: &str, name: &str) -> String {
    let data = app
        .gql_ok(
            Some(token),
            CREATE_ORGANISATION,
            json!({ "input": { "name": name } }),
        )
        .await;
    data["createOrganisation"]["id"]
        .as_str()
        .expect("id")
        .to_owned()
}

async fn create_person(app: &TestApp, token: &str, input: Value) -> Value {
    app.gql_ok(Some(token), CREATE_PERSON, json!({ "input": input }))
        .await["createPerson"]
        .clone()
}

/// Row counts of every table people mutations write to.
async fn counts(app: &TestApp) -> [u64; 5] {
    [
        count::<person::Entity>(app).await,
        count::<organisation::Entity>(app).await,
        count::<affiliation::Entity>(app).await,
        count::<appointment::Entity>(app).await,
        count::<audit_log::Entity>(app).await,
    ]
}

both_backends!(
    the_secretariat_creates_a_person_at_an_organisation_and_edits_only_the_fields_sent,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let uio = organisation(&app, &token, "Universitetet i Oslo").await;

        let created = app
            .gql_ok(
                Some(&token),
                CREATE_PERSON,
                json!({
                    "input": { "name": "Per Morten Sandset", "email": " PMS@Example.no ",
                               "title": "professor" },
                    "org": uio,
                }),
            )
            .await["createPerson"]
            .clone();
        assert_eq!(created["email"], "pms@example.no");
        assert_eq!(created["version"], 1);
        assert_eq!(
            created["affiliations"][0]["organisation"]["name"],
            "Universitetet i Oslo"
        );

        let updated = app
            .gql_ok(
                Some(&token),
                UPDATE_PERSON,
                json!({ "input": { "id": created["id"], "version": 1,
                                   "phone": "+47 22 85 50 50", "title": null } }),
            )
            .await["updatePerson"]
            .clone();
        assert_eq!(updated["version"], 2);
        assert_eq!(updated["phone"], "+47 22 85 50 50");
        assert!(updated["title"].is_null(), "null clears: {updated}");
        assert_eq!(updated["email"], "pms@example.no", "left out keeps");
        assert_eq!(updated["name"], "Per Morten Sandset");

        let audited = app
            .gql_ok(
                Some(&token),
                r#"query($id: ID!) { auditLog(entity: "person", entityId: $id) { totalCount } }"#,
                json!({ "id": created["id"] }),
            )
            .await;
        // Creation (name, email, title) and the edit (phone, title) are both in the log.
        assert!(
            audited["auditLog"]["totalCount"].as_u64().unwrap_or(0) >= 5,
            "{audited}"
        );
    }
);

both_backends!(
    updating_a_person_with_a_stale_version_is_a_conflict_and_changes_nothing,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let p = create_person(&app, &token, json!({ "name": "Guri Rørtveit" })).await;
        app.gql_ok(
            Some(&token),
            UPDATE_PERSON,
            json!({ "input": { "id": p["id"], "version": 1, "title": "professor" } }),
        )
        .await;
        let before = counts(&app).await;

        let res = app
            .gql(
                Some(&token),
                UPDATE_PERSON,
                json!({ "input": { "id": p["id"], "version": 1, "title": "dekan" } }),
            )
            .await;

        assert_eq!(error_code(&res), Some("CONFLICT"));
        let now = app
            .gql_ok(Some(&token), PERSON, json!({ "id": p["id"] }))
            .await;
        assert_eq!(now["person"]["version"], 2);
        assert_eq!(counts(&app).await, before);
    }
);

both_backends!(
    two_concurrent_edits_of_one_person_give_one_conflict_and_the_winners_text_survives,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let p = create_person(&app, &token, json!({ "name": "Toril Hernes" })).await;
        let edit = |title: &'static str| {
            app.gql(
                Some(&token),
                UPDATE_PERSON,
                json!({ "input": { "id": p["id"], "version": 1, "title": title } }),
            )
        };

        let (a, b) = futures::join!(edit("prorektor"), edit("professor"));

        let outcomes = [(&a, "prorektor"), (&b, "professor")];
        let winners: Vec<&str> = outcomes
            .iter()
            .filter(|(r, _)| r.get("errors").is_none())
            .map(|(_, t)| *t)
            .collect();
        let conflicts = outcomes
            .iter()
            .filter(|(r, _)| error_code(r) == Some("CONFLICT"))
            .count();
        assert_eq!((winners.len(), conflicts), (1, 1), "{a:#} {b:#}");
        let now = app
            .gql_ok(Some(&token), PERSON, json!({ "id": p["id"] }))
            .await;
        assert_eq!(now["person"]["version"], 2);
        let title = app
            .gql_ok(
                Some(&token),
                "query($id: ID!) { person(id: $id) { title } }",
                json!({ "id": p["id"] }),
            )
            .await;
        assert_eq!(title["person"]["title"], winners[0]);
    }
);

both_backends!(
    creating_one_organisation_many_times_at_once_gives_one_row,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let create = || organisation(&app, &token, "Folkehelseinstituttet");

        let ids = futures::future::join_all((0..6).map(|_| create())).await;

        assert!(ids.iter().all(|id| id == &ids[0]), "{ids:?}");
        assert_eq!(count::<organisation::Entity>(&app).await, 1);
    }
);

both_backends!(
    creating_an_existing_organisation_returns_it_unchanged_and_writes_no_audit_row,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let create = |short: &'static str| {
            let (app, token) = (&app, &token);
            async move {
                app.gql_ok(
                    Some(token),
                    CREATE_ORGANISATION,
                    json!({ "input": { "name": "Kreftforeningen", "shortName": short } }),
                )
                .await["createOrganisation"]
                    .clone()
            }
        };
        let first = create("KF").await;
        let audits = count::<audit_log::Entity>(&app).await;

        let again = create("Kreft").await;

        assert_eq!(again["id"], first["id"]);
        assert_eq!(
            again["shortName"], "KF",
            "an existing organisation is returned as it is"
        );
        assert_eq!(again["version"], first["version"]);
        assert_eq!(count::<organisation::Entity>(&app).await, 1);
        assert_eq!(count::<audit_log::Entity>(&app).await, audits);
    }
);

both_backends!(
    changing_organisation_ends_the_current_affiliation_the_day_before_and_keeps_the_history,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let uib = organisation(&app, &token, "Universitetet i Bergen").await;
        let fhi = organisation(&app, &token, "Folkehelseinstituttet").await;
        let p = create_person(&app, &token, json!({ "name": "Esperanza Diaz" })).await;
        app.gql_ok(
            Some(&token),
            r#"mutation($input: AffiliationInput!) { addAffiliation(input: $input) { id } }"#,
            json!({ "input": { "personId": p["id"], "organisationId": uib,
                               "startsOn": "2020-01-01" } }),
        )
        .await;
        let change = r#"mutation($input: OrganisationChangeInput!) {
            changeOrganisation(input: $input) { id startsOn endsOn organisation { name } } }"#;

        let moved = app
            .gql_ok(
                Some(&token),
                change,
                json!({ "input": { "personId": p["id"], "organisationId": fhi,
                                   "from": "2024-03-01", "title": "seniorforsker" } }),
            )
            .await;

        assert_eq!(moved["changeOrganisation"]["startsOn"], "2024-03-01");
        let at =
            |on: &'static str| app.gql_ok(Some(&token), PERSON, json!({ "id": p["id"], "on": on }));
        let before = at("2023-06-01").await;
        assert_eq!(
            before["person"]["organisation"]["name"],
            "Universitetet i Bergen"
        );
        let history = &before["person"]["affiliations"];
        assert_eq!(history[0]["endsOn"], "2024-02-29", "leap year: {history}");
        assert_eq!(history[1]["title"], "seniorforsker");
        assert!(history[1]["endsOn"].is_null());
        let after = at("2024-06-01").await;
        assert_eq!(
            after["person"]["organisation"]["name"],
            "Folkehelseinstituttet"
        );

        // Moving to where the person already is changes nothing.
        let rows = count::<affiliation::Entity>(&app).await;
        app.gql_ok(
            Some(&token),
            change,
            json!({ "input": { "personId": p["id"], "organisationId": fhi, "from": "2025-01-01" } }),
        )
        .await;
        assert_eq!(count::<affiliation::Entity>(&app).await, rows);

        // A move dated before the current affiliation began is refused.
        let res = app
            .gql(
                Some(&token),
                change,
                json!({ "input": { "personId": p["id"], "organisationId": uib, "from": "2024-01-01" } }),
            )
            .await;
        assert_eq!(error_code(&res), Some("VALIDATION"));
        assert_eq!(res["errors"][0]["extensions"]["field"], "from");
        assert_eq!(count::<affiliation::Entity>(&app).await, rows);
    }
);

both_backends!(
    appointments_are_created_edited_and_ended_with_their_version,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let sector = app
            .gql_ok(
                Some(&token),
                r#"mutation { createSector(input: { code: "uh", name: "Universitets- og høgskolesektoren", quota: 2 }) { id } }"#,
                json!({}),
            )
            .await["createSector"]["id"]
            .clone();
        let p = create_person(&app, &token, json!({ "name": "Gro Jamtvedt" })).await;
        let created = app
            .gql_ok(
                Some(&token),
                r#"mutation($input: AppointmentInput!) { createAppointment(input: $input) { id version role } }"#,
                json!({ "input": { "personId": p["id"], "role": "MEMBER", "sectorId": sector,
                                   "startsOn": "2024-01-03" } }),
            )
            .await["createAppointment"]
            .clone();
        let update = r#"mutation($input: UpdateAppointmentInput!) {
            updateAppointment(input: $input) { version role title endsOn sector { code } } }"#;

        let updated = app
            .gql_ok(
                Some(&token),
                update,
                json!({ "input": { "id": created["id"], "version": 1, "role": "VICE_CHAIR",
                                   "title": "dekan" } }),
            )
            .await["updateAppointment"]
            .clone();
        assert_eq!(updated["role"], "VICE_CHAIR");
        assert_eq!(updated["sector"]["code"], "uh", "left out keeps");

        let end = r#"mutation($id: ID!, $version: Int!, $on: NaiveDate!) {
            endAppointment(id: $id, version: $version, endsOn: $on) { version endsOn } }"#;
        let ended = app
            .gql_ok(
                Some(&token),
                end,
                json!({ "id": created["id"], "version": 2, "on": "2027-12-31" }),
            )
            .await;
        assert_eq!(ended["endAppointment"]["endsOn"], "2027-12-31");
        assert_eq!(ended["endAppointment"]["version"], 3);

        let stale = app
            .gql(
                Some(&token),
                end,
                json!({ "id": created["id"], "version": 2, "on": "2026-01-01" }),
            )
            .await;
        assert_eq!(error_code(&stale), Some("CONFLICT"));
        let early = app
            .gql(
                Some(&token),
                end,
                json!({ "id": created["id"], "version": 3, "on": "2020-01-01" }),
            )
            .await;
        assert_eq!(early["errors"][0]["extensions"]["field"], "endsOn");
        let now = app
            .gql_ok(Some(&token), PERSON, json!({ "id": p["id"] }))
            .await;
        assert_eq!(now["person"]["appointments"][0]["endsOn"], "2027-12-31");
    }
);

both_backends!(
    bad_input_to_every_people_mutation_names_the_field_and_writes_nothing,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let org = organisation(&app, &token, "Helse Vest").await;
        organisation(&app, &token, "Helse Nord").await;
        let p = create_person(
            &app,
            &token,
            json!({ "name": "Baard Christian Schem", "email": "bcs@example.no" }),
        )
        .await;
        let other = create_person(&app, &token, json!({ "name": "Annen Person" })).await;
        let appointment = app
            .gql_ok(
                Some(&token),
                r#"mutation($input: AppointmentInput!) { createAppointment(input: $input) { id } }"#,
                json!({ "input": { "personId": p["id"], "role": "OBSERVER" } }),
            )
            .await["createAppointment"]["id"]
            .clone();
        let sector = app
            .gql_ok(
                Some(&token),
                r#"mutation { createSector(input: { code: "naering", name: "Næringslivet", quota: 5 }) { id } }"#,
                json!({}),
            )
            .await["createSector"]["id"]
            .clone();
        let long = "x".repeat(201);
        let cases: Vec<(&str, Value, &str)> = vec![
            (CREATE_PERSON, json!({ "input": { "name": "  " } }), "name"),
            (CREATE_PERSON, json!({ "input": { "name": long } }), "name"),
            (
                CREATE_PERSON,
                json!({ "input": { "name": "A", "email": "not-an-address" } }),
                "email",
            ),
            (
                CREATE_PERSON,
                json!({ "input": { "name": "A", "email": "BCS@example.no" } }),
                "email",
            ),
            (
                CREATE_PERSON,
                json!({ "input": { "name": "A", "phone": "ring meg" } }),
                "phone",
            ),
            (
                CREATE_PERSON,
                json!({ "input": { "name": "A" }, "org": "999999" }),
                "organisationId",
            ),
            (
                CREATE_PERSON,
                json!({ "input": { "name": "A" }, "org": "abc" }),
                "organisationId",
            ),
            (
                UPDATE_PERSON,
                json!({ "input": { "id": other["id"], "version": 1, "email": "bcs@example.no" } }),
                "email",
            ),
            (
                UPDATE_PERSON,
                json!({ "input": { "id": p["id"], "version": 1, "name": "" } }),
                "name",
            ),
            (
                UPDATE_PERSON,
                json!({ "input": { "id": "0", "version": 1 } }),
                "id",
            ),
            (
                CREATE_ORGANISATION,
                json!({ "input": { "name": "" } }),
                "name",
            ),
            (
                r#"mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }"#,
                json!({ "input": { "id": org, "version": 1, "name": "Helse Nord" } }),
                "name",
            ),
            (
                r#"mutation($input: AffiliationInput!) { addAffiliation(input: $input) { id } }"#,
                json!({ "input": { "personId": p["id"], "organisationId": org,
                                   "startsOn": "2024-01-01", "endsOn": "2023-01-01" } }),
                "endsOn",
            ),
            (
                r#"mutation($input: AffiliationInput!) { addAffiliation(input: $input) { id } }"#,
                json!({ "input": { "personId": "999999", "organisationId": org } }),
                "personId",
            ),
            (
                r#"mutation($input: AppointmentInput!) { createAppointment(input: $input) { id } }"#,
                json!({ "input": { "personId": p["id"], "role": "MEMBER", "sectorId": "999999" } }),
                "sectorId",
            ),
            (
                r#"mutation($input: AppointmentInput!) { createAppointment(input: $input) { id } }"#,
                json!({ "input": { "personId": p["id"], "role": "MEMBER",
                                   "startsOn": "2024-01-01", "endsOn": "2023-12-31" } }),
                "endsOn",
            ),
            (
                r#"mutation($input: AppointmentInput!) { createAppointment(input: $input) { id } }"#,
                json!({ "input": { "personId": p["id"], "role": "MEMBER", "councilPeriodId": "5" } }),
                "councilPeriodId",
            ),
            (
                r#"mutation($input: UpdateAppointmentInput!) { updateAppointment(input: $input) { id } }"#,
                json!({ "input": { "id": appointment, "version": 1, "organisationId": "999999" } }),
                "organisationId",
            ),
            // An observer sits for no sector.
            (
                r#"mutation($input: UpdateAppointmentInput!) { updateAppointment(input: $input) { id } }"#,
                json!({ "input": { "id": appointment, "version": 1, "sectorId": sector } }),
                "sectorId",
            ),
        ];
        let before = counts(&app).await;

        for (op, vars, field) in cases {
            let res = app.gql(Some(&token), op, vars.clone()).await;
            assert_eq!(error_code(&res), Some("VALIDATION"), "{vars}: {res:#}");
            assert_eq!(
                res["errors"][0]["extensions"]["field"], field,
                "{vars}: {res:#}"
            );
            assert!(
                res["errors"][0]["message"]
                    .as_str()
                    .is_some_and(|m| !m.is_empty()),
                "a clear message: {res:#}"
            );
        }
        assert_eq!(counts(&app).await, before);
    }
);

both_backends!(
    only_the_secretariat_may_change_people,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let secretariat = app.secretariat().await;
        let p = create_person(
            &app,
            &secretariat,
            json!({ "name": "Kristin Weidemann Wieland" }),
        )
        .await;
        let member = app
            .user(
                UserRole::Member,
                p["id"].as_str().and_then(|s| s.parse().ok()),
            )
            .await;
        let observer = app.user(UserRole::Observer, None).await;
        let before = counts(&app).await;
        let attempts = [
            (CREATE_PERSON, json!({ "input": { "name": "Ny" } })),
            (
                UPDATE_PERSON,
                json!({ "input": { "id": p["id"], "version": 1, "name": "Endret" } }),
            ),
            (CREATE_ORGANISATION, json!({ "input": { "name": "KS" } })),
        ];

        for (op, vars) in attempts {
            for (token, code) in [
                (Some(member.as_str()), "FORBIDDEN"),
                (Some(observer.as_str()), "FORBIDDEN"),
                (None, "UNAUTHENTICATED"),
            ] {
                let res = app.gql(token, op, vars.clone()).await;
                assert_eq!(error_code(&res), Some(code), "{res:#}");
            }
        }
        assert_eq!(counts(&app).await, before);
    }
);

both_backends!(
    contact_details_show_to_logged_in_users_and_notes_only_to_the_secretariat,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let secretariat = app.secretariat().await;
        let p = create_person(
            &app,
            &secretariat,
            json!({ "name": "Ole Johan Borge", "email": "ojb@example.no",
                    "phone": "22 03 70 00", "note": "Fra på alle saksfremlegg" }),
        )
        .await;
        let member = app.user(UserRole::Member, None).await;
        let observer = app.user(UserRole::Observer, None).await;

        for (token, contact, note) in [
            (None, false, false),
            (Some(observer.as_str()), true, false),
            (Some(member.as_str()), true, false),
            (Some(secretariat.as_str()), true, true),
        ] {
            let data = app.gql_ok(token, PERSON, json!({ "id": p["id"] })).await;
            let seen = &data["person"];
            assert_eq!(seen["name"], "Ole Johan Borge");
            assert_eq!(!seen["email"].is_null(), contact, "{token:?}: {seen}");
            assert_eq!(!seen["phone"].is_null(), contact, "{token:?}: {seen}");
            assert_eq!(!seen["note"].is_null(), note, "{token:?}: {seen}");
        }
    }
);

const ATTENDANCE: &str = r#"
query($id: ID!) {
  person(id: $id) {
    attendance {
      totals { meetings present digital absent partial }
      meetings { digital partial meeting { code } record { status partialNote } }
    }
  }
}"#;

both_backends!(
    a_members_attendance_history_counts_only_meetings_whose_minutes_the_viewer_may_read,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let secretariat = app.secretariat().await;
        let p = create_person(&app, &secretariat, json!({ "name": "Per Morten Sandset" })).await;
        let pid: i32 = p["id"].as_str().and_then(|s| s.parse().ok()).expect("id");
        let held = MeetingStatus::Held;
        let published = rows::meeting(&app, 1, d(2025, 2, 5), held, MinutesStatus::Published).await;
        let approved = rows::meeting(&app, 2, d(2025, 5, 21), held, MinutesStatus::Approved).await;
        let comments = rows::meeting(
            &app,
            3,
            d(2025, 9, 10),
            held,
            MinutesStatus::SentForComments,
        )
        .await;
        let draft = rows::meeting(&app, 4, d(2025, 11, 26), held, MinutesStatus::Draft).await;
        rows::attendance(&app, published.id, pid, AttendanceStatus::Present, None).await;
        rows::attendance(
            &app,
            approved.id,
            pid,
            AttendanceStatus::Digital,
            Some("fra sak 16/2/2025"),
        )
        .await;
        rows::attendance(&app, comments.id, pid, AttendanceStatus::Absent, None).await;
        rows::attendance(&app, draft.id, pid, AttendanceStatus::Present, None).await;
        let member = app.user(UserRole::Member, None).await;
        let observer = app.user(UserRole::Observer, None).await;

        let history = |token: Option<String>| {
            let app = &app;
            let id = p["id"].clone();
            async move {
                app.gql_ok(token.as_deref(), ATTENDANCE, json!({ "id": id }))
                    .await["person"]["attendance"]
                    .clone()
            }
        };

        let public = history(None).await;
        assert_eq!(
            public["totals"],
            json!({ "meetings": 1, "present": 1, "digital": 0, "absent": 0, "partial": 0 })
        );
        let seen = history(Some(observer)).await;
        assert_eq!(
            seen["totals"],
            json!({ "meetings": 2, "present": 1, "digital": 1, "absent": 0, "partial": 1 })
        );
        assert_eq!(
            seen["meetings"][0]["meeting"]["code"], "2/2025",
            "newest first"
        );
        assert_eq!(seen["meetings"][0]["digital"], true);
        assert_eq!(seen["meetings"][0]["partial"], true);
        assert_eq!(
            seen["meetings"][0]["record"]["partialNote"],
            "fra sak 16/2/2025"
        );
        let seen = history(Some(member)).await;
        assert_eq!(
            seen["totals"],
            json!({ "meetings": 3, "present": 1, "digital": 1, "absent": 1, "partial": 1 })
        );
        let seen = history(Some(secretariat)).await;
        assert_eq!(
            seen["totals"],
            json!({ "meetings": 4, "present": 2, "digital": 1, "absent": 1, "partial": 1 })
        );
        let codes: Vec<&str> = seen["meetings"]
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|m| m["meeting"]["code"].as_str())
            .collect();
        assert_eq!(codes, ["4/2025", "3/2025", "2/2025", "1/2025"]);
    }
);
