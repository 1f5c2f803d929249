//! The council: its settings, sectors and periods, and its composition on a date measured
//! against the mandate's sector quotas.
use entity::{audit_log, council, council_period, enums::UserRole, sector};
use motebok_tests::{Backend, TestApp, both_backends, error_code};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

const COUNCIL: &str = r#"
query($date: NaiveDate) {
  council(date: $date) {
    date
    settings { name shortName defaultLocation version }
    memberCount quotaTotal
    chair { person { name } }
    viceChair { person { name } }
    sectors {
      sector { code } quota filled difference status
      members { role isChair isViceChair endsOn person { name email } }
    }
    membersWithoutSector { person { name } }
    deputies { person { name } }
    observers { person { name } }
    secretariat { person { name } }
    endingSoon { endsOn person { name } }
  }
}"#;

async fn id_of(app: &TestApp, token: &str, op: &str, vars: Value, field: &str) -> Value {
    app.gql_ok(Some(token), op, vars).await[field]["id"].clone()
}

async fn sector(app: &TestApp, token: &str, code: &str, quota: i32) -> Value {
    id_of(
        app,
        token,
        "mutation($input: SectorInput!) { createSector(input: $input) { id } }",
        json!({ "input": { "code": code, "name": format!("Sektor {code}"), "quota": quota } }),
        "createSector",
    )
    .await
}

async fn period(app: &TestApp, token: &str, name: &str, from: &str, to: Option<&str>) -> Value {
    id_of(
        app,
        token,
        "mutation($input: CouncilPeriodInput!) { createCouncilPeriod(input: $input) { id } }",
        json!({ "input": { "name": name, "startsOn": from, "endsOn": to } }),
        "createCouncilPeriod",
    )
    .await
}

/// A person with an e-mail, appointed as given (`appointment` holds the other fields).
async fn appoint(app: &TestApp, token: &str, name: &str, appointment: Value) {
    let person = id_of(
        app,
        token,
        "mutation($input: PersonInput!) { createPerson(input: $input) { id } }",
        json!({ "input": { "name": name, "email": format!("{}@example.no", name.to_lowercase().replace(' ', ".")) } }),
        "createPerson",
    )
    .await;
    let mut input = appointment;
    input["personId"] = person;
    app.gql_ok(
        Some(token),
        "mutation($input: AppointmentInput!) { createAppointment(input: $input) { id } }",
        json!({ "input": input }),
    )
    .await;
}

fn names(list: &Value) -> Vec<&str> {
    list.as_array()
        .map(|l| {
            l.iter()
                .filter_map(|s| s["person"]["name"].as_str())
                .collect()
        })
        .unwrap_or_default()
}

both_backends!(
    the_council_on_a_date_measures_each_sector_against_its_quota,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let t = app.secretariat().await;
        let uh = sector(&app, &t, "uh", 2).await;
        let kommune = sector(&app, &t, "kommune", 1).await;
        let naering = sector(&app, &t, "naering", 3).await;
        sector(&app, &t, "frivillig", 2).await;
        let seat = |role: &str, sector: &Value, from: Option<&str>, to: Option<&str>| json!({ "role": role, "sectorId": sector, "startsOn": from, "endsOn": to });
        appoint(
            &app,
            &t,
            "Anne Leder",
            seat("CHAIR", &uh, Some("2024-01-03"), None),
        )
        .await;
        appoint(&app, &t, "Bjørn Medlem", seat("MEMBER", &uh, None, None)).await;
        appoint(
            &app,
            &t,
            "Cecilie Nestleder",
            seat("VICE_CHAIR", &kommune, None, None),
        )
        .await;
        appoint(
            &app,
            &t,
            "David Ekstra",
            seat("MEMBER", &kommune, None, None),
        )
        .await;
        appoint(
            &app,
            &t,
            "Eva Snart",
            seat("MEMBER", &naering, None, Some("2025-08-01")),
        )
        .await;
        appoint(
            &app,
            &t,
            "Frode Senere",
            seat("MEMBER", &naering, None, Some("2025-10-01")),
        )
        .await;
        appoint(
            &app,
            &t,
            "Gunn Gammel",
            seat("MEMBER", &naering, None, Some("2024-12-31")),
        )
        .await;
        appoint(
            &app,
            &t,
            "Hans Ny",
            seat("MEMBER", &naering, Some("2025-09-01"), None),
        )
        .await;
        appoint(&app, &t, "Ida Vara", seat("DEPUTY", &kommune, None, None)).await;
        appoint(&app, &t, "Jon Uten Sektor", json!({ "role": "MEMBER" })).await;
        appoint(&app, &t, "Kari Observatør", json!({ "role": "OBSERVER" })).await;
        appoint(
            &app,
            &t,
            "Lars Sekretariat",
            json!({ "role": "SECRETARIAT" }),
        )
        .await;

        let data = app
            .gql_ok(Some(&t), COUNCIL, json!({ "date": "2025-06-01" }))
            .await;

        let c = &data["council"];
        assert_eq!(c["date"], "2025-06-01");
        let summary: Vec<(String, i64, i64, i64, String)> = c["sectors"]
            .as_array()
            .expect("sectors")
            .iter()
            .map(|s| {
                (
                    s["sector"]["code"].as_str().unwrap_or_default().to_owned(),
                    s["quota"].as_i64().unwrap_or(-1),
                    s["filled"].as_i64().unwrap_or(-1),
                    s["difference"].as_i64().unwrap_or(-1),
                    s["status"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        let expected = [
            ("uh", 2, 2, 0, "FULL"),
            ("kommune", 1, 2, 1, "OVER"),
            ("naering", 3, 2, -1, "UNDER"),
            ("frivillig", 2, 0, -2, "UNDER"),
        ];
        assert_eq!(
            summary,
            expected
                .iter()
                .map(|(c, q, f, d, s)| ((*c).to_owned(), *q, *f, *d, (*s).to_owned()))
                .collect::<Vec<_>>()
        );
        assert_eq!(c["memberCount"], 7, "six in sectors and one without");
        assert_eq!(c["quotaTotal"], 8);
        assert_eq!(c["chair"]["person"]["name"], "Anne Leder");
        assert_eq!(c["viceChair"]["person"]["name"], "Cecilie Nestleder");
        let uh_members = &c["sectors"][0]["members"];
        assert_eq!(
            uh_members[0]["isChair"], true,
            "the chair comes first: {uh_members}"
        );
        assert_eq!(uh_members[1]["isChair"], false);
        assert_eq!(c["sectors"][1]["members"][0]["isViceChair"], true);
        assert_eq!(names(&c["membersWithoutSector"]), ["Jon Uten Sektor"]);
        assert_eq!(names(&c["deputies"]), ["Ida Vara"]);
        assert_eq!(names(&c["observers"]), ["Kari Observatør"]);
        assert_eq!(names(&c["secretariat"]), ["Lars Sekretariat"]);
        // Within 90 days of 1 June: 1 August, not 1 October.
        assert_eq!(names(&c["endingSoon"]), ["Eva Snart"]);
        assert_eq!(c["endingSoon"][0]["endsOn"], "2025-08-01");
    }
);

both_backends!(
    an_appointment_without_dates_runs_for_its_period_and_an_open_period_ends_when_the_next_begins,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let t = app.secretariat().await;
        let uh = sector(&app, &t, "uh", 2).await;
        let first = period(&app, &t, "2015–2019", "2015-01-01", None).await;
        let second = period(&app, &t, "2020–2024", "2020-01-02", Some("2024-01-02")).await;
        appoint(
            &app,
            &t,
            "Camilla Tidligere",
            json!({ "role": "CHAIR", "councilPeriodId": first }),
        )
        .await;
        appoint(
            &app,
            &t,
            "Per Senere",
            json!({ "role": "CHAIR", "councilPeriodId": second, "sectorId": uh }),
        )
        .await;
        let on = |date: &'static str| {
            let app = &app;
            let t = t.clone();
            async move {
                app.gql_ok(Some(&t), COUNCIL, json!({ "date": date })).await["council"].clone()
            }
        };

        assert_eq!(
            on("2019-06-01").await["chair"]["person"]["name"],
            "Camilla Tidligere"
        );
        let day_before = on("2020-01-01").await;
        assert_eq!(day_before["chair"]["person"]["name"], "Camilla Tidligere");
        assert_eq!(names(&day_before["endingSoon"]), ["Camilla Tidligere"]);
        let late = on("2023-12-01").await;
        assert_eq!(late["chair"]["person"]["name"], "Per Senere");
        assert_eq!(late["sectors"][0]["filled"], 1);
        assert_eq!(late["endingSoon"][0]["endsOn"], "2024-01-02");
        let after = on("2024-06-01").await;
        assert!(after["chair"].is_null(), "{after}");
        assert_eq!(after["memberCount"], 0);

        // The people list reads appointments the same way.
        let chairs = |date: &'static str| {
            let app = &app;
            async move {
                let data = app
                    .gql_ok(
                        None,
                        "query($d: NaiveDate) { people(role: CHAIR, activeOn: $d) { edges { node { name } } } }",
                        json!({ "d": date }),
                    )
                    .await;
                data["people"]["edges"]
                    .as_array()
                    .map(|e| {
                        e.iter()
                            .filter_map(|n| n["node"]["name"].as_str().map(str::to_owned))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            }
        };
        assert_eq!(chairs("2019-06-01").await, ["Camilla Tidligere"]);
        assert_eq!(chairs("2023-06-01").await, ["Per Senere"]);
        assert!(chairs("2024-06-01").await.is_empty());
    }
);

const SAVE_COUNCIL: &str = r#"
mutation($input: CouncilInput!) {
  saveCouncil(input: $input) { name shortName defaultStartsAt defaultEndsAt version }
}"#;

fn settings(version: Option<i32>, name: &str) -> Value {
    json!({ "input": {
        "version": version, "name": name, "shortName": "HO21-rådet",
        "secretariatOrganisation": "Norges forskningsråd",
        "defaultLocation": "Forskningsrådets lokaler, Drammensveien 288",
        "defaultStartsAt": "10:00:00", "defaultEndsAt": "15:00:00",
    } })
}

async fn audit_rows(app: &TestApp) -> u64 {
    audit_log::Entity::find()
        .count(&app.state.db.read)
        .await
        .expect("count")
}

both_backends!(
    the_council_is_set_up_once_and_then_edited_with_the_version_the_secretariat_saw,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let t = app.secretariat().await;
        let empty = app.gql_ok(None, COUNCIL, json!({})).await;
        assert!(empty["council"]["settings"].is_null());

        let created = app
            .gql_ok(
                Some(&t),
                SAVE_COUNCIL,
                settings(None, "HelseOmsorg21-rådet"),
            )
            .await;
        assert_eq!(created["saveCouncil"]["version"], 1);
        assert_eq!(created["saveCouncil"]["defaultStartsAt"], "10:00:00");

        let again = app
            .gql(Some(&t), SAVE_COUNCIL, settings(None, "Et annet råd"))
            .await;
        assert_eq!(
            error_code(&again),
            Some("CONFLICT"),
            "set up already: {again:#}"
        );
        let edited = app
            .gql_ok(Some(&t), SAVE_COUNCIL, settings(Some(1), "HelseOmsorg21"))
            .await;
        assert_eq!(edited["saveCouncil"]["version"], 2);
        let stale = app
            .gql(Some(&t), SAVE_COUNCIL, settings(Some(1), "Gammelt navn"))
            .await;
        assert_eq!(error_code(&stale), Some("CONFLICT"));

        let audit = audit_rows(&app).await;
        let mut bad_hours = settings(Some(2), "HelseOmsorg21");
        bad_hours["input"]["defaultEndsAt"] = json!("09:00:00");
        for (vars, field) in [
            (settings(Some(2), " "), "name"),
            (settings(Some(2), &"x".repeat(201)), "name"),
            (bad_hours, "defaultEndsAt"),
        ] {
            let res = app.gql(Some(&t), SAVE_COUNCIL, vars).await;
            assert_eq!(error_code(&res), Some("VALIDATION"), "{res:#}");
            assert_eq!(res["errors"][0]["extensions"]["field"], field);
        }
        let now = app.gql_ok(None, COUNCIL, json!({})).await;
        assert_eq!(now["council"]["settings"]["name"], "HelseOmsorg21");
        assert_eq!(now["council"]["settings"]["version"], 2);
        assert_eq!(
            council::Entity::find()
                .count(&app.state.db.read)
                .await
                .expect("count"),
            1
        );
        assert_eq!(audit_rows(&app).await, audit);
    }
);

both_backends!(
    sectors_and_periods_are_edited_with_their_version_and_bad_input_changes_nothing,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let t = app.secretariat().await;
        let uh = sector(&app, &t, "uh", 2).await;
        sector(&app, &t, "spesialist", 2).await;
        let p = period(&app, &t, "2020–2024", "2020-01-02", Some("2024-01-02")).await;
        period(&app, &t, "2024–2028", "2024-01-03", None).await;
        let update_sector = r#"mutation($input: UpdateSectorInput!) {
            updateSector(input: $input) { code quota position version } }"#;
        let update_period = r#"mutation($input: UpdateCouncilPeriodInput!) {
            updateCouncilPeriod(input: $input) { name endsOn version } }"#;

        let moved = app
            .gql_ok(
                Some(&t),
                update_sector,
                json!({ "input": { "id": uh, "version": 1, "quota": 3, "position": 9 } }),
            )
            .await;
        assert_eq!(
            moved["updateSector"],
            json!({ "code": "uh", "quota": 3, "position": 9, "version": 2 })
        );
        let listed = app.gql_ok(None, "{ sectors { code } }", json!({})).await;
        assert_eq!(listed["sectors"][1]["code"], "uh", "ordered by position");
        let ended = app
            .gql_ok(
                Some(&t),
                update_period,
                json!({ "input": { "id": p, "version": 1, "endsOn": null } }),
            )
            .await;
        assert!(ended["updateCouncilPeriod"]["endsOn"].is_null());

        let before = (
            sector::Entity::find()
                .count(&app.state.db.read)
                .await
                .expect("count"),
            council_period::Entity::find()
                .count(&app.state.db.read)
                .await
                .expect("count"),
            audit_rows(&app).await,
        );
        let cases = [
            (
                update_sector,
                json!({ "input": { "id": uh, "version": 1, "quota": 4 } }),
                "CONFLICT",
                None,
            ),
            (
                update_sector,
                json!({ "input": { "id": uh, "version": 2, "code": "spesialist" } }),
                "VALIDATION",
                Some("code"),
            ),
            (
                update_sector,
                json!({ "input": { "id": uh, "version": 2, "quota": -1 } }),
                "VALIDATION",
                Some("quota"),
            ),
            (
                update_sector,
                json!({ "input": { "id": uh, "version": 2, "code": "U H!" } }),
                "VALIDATION",
                Some("code"),
            ),
            (
                update_sector,
                json!({ "input": { "id": "999999", "version": 1 } }),
                "NOT_FOUND",
                None,
            ),
            (
                "mutation($input: SectorInput!) { createSector(input: $input) { id } }",
                json!({ "input": { "code": "uh", "name": "Igjen", "quota": 1 } }),
                "VALIDATION",
                Some("code"),
            ),
            (
                "mutation($input: CouncilPeriodInput!) { createCouncilPeriod(input: $input) { id } }",
                json!({ "input": { "name": "Baklengs", "startsOn": "2030-01-01", "endsOn": "2029-01-01" } }),
                "VALIDATION",
                Some("endsOn"),
            ),
            (
                update_period,
                json!({ "input": { "id": p, "version": 2, "name": "2024–2028" } }),
                "VALIDATION",
                Some("name"),
            ),
            (
                update_period,
                json!({ "input": { "id": p, "version": 2, "startsOn": "2031-01-01", "endsOn": "2030-01-01" } }),
                "VALIDATION",
                Some("endsOn"),
            ),
            (
                update_period,
                json!({ "input": { "id": p, "version": 1, "name": "Gammel" } }),
                "CONFLICT",
                None,
            ),
        ];
        for (op, vars, code, field) in cases {
            let res = app.gql(Some(&t), op, vars.clone()).await;
            assert_eq!(error_code(&res), Some(code), "{vars}: {res:#}");
            if let Some(f) = field {
                assert_eq!(
                    res["errors"][0]["extensions"]["field"], f,
                    "{vars}: {res:#}"
                );
            }
        }
        let after = (
            sector::Entity::find()
                .count(&app.state.db.read)
                .await
                .expect("count"),
            council_period::Entity::find()
                .count(&app.state.db.read)
                .await
                .expect("count"),
            audit_rows(&app).await,
        );
        assert_eq!(after, before);
    }
);

/// The council set up, with one sector and its chair; returns a member's and an observer's
/// login.
async fn council_with_a_chair(app: &TestApp, t: &str) -> (String, String) {
    app.gql_ok(Some(t), SAVE_COUNCIL, settings(None, "HelseOmsorg21-rådet"))
        .await;
    let uh = sector(app, t, "uh", 2).await;
    appoint(
        app,
        t,
        "Anne Leder",
        json!({ "role": "CHAIR", "sectorId": uh }),
    )
    .await;
    (
        app.user(UserRole::Member, None).await,
        app.user(UserRole::Observer, None).await,
    )
}

both_backends!(
    every_role_reads_the_same_council_but_only_the_secretariat_may_change_it,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let t = app.secretariat().await;
        let (member, observer) = council_with_a_chair(&app, &t).await;

        let public = app.gql_ok(None, COUNCIL, json!({})).await["council"].clone();
        assert_eq!(public["settings"]["name"], "HelseOmsorg21-rådet");
        assert_eq!(public["chair"]["person"]["name"], "Anne Leder");
        assert!(
            public["sectors"][0]["members"][0]["person"]["email"].is_null(),
            "no contact details for the public"
        );
        for token in [&observer, &member, &t] {
            let seen = app.gql_ok(Some(token), COUNCIL, json!({})).await["council"].clone();
            assert_eq!(seen["sectors"][0]["filled"], 1);
            assert_eq!(seen["chair"]["person"]["name"], "Anne Leder");
            assert_eq!(
                seen["sectors"][0]["members"][0]["person"]["email"],
                "anne.leder@example.no"
            );
        }

        let attempts = [
            (SAVE_COUNCIL, settings(Some(1), "Kuppet")),
            (
                "mutation($input: SectorInput!) { createSector(input: $input) { id } }",
                json!({ "input": { "code": "ny", "name": "Ny", "quota": 1 } }),
            ),
            (
                "mutation($input: CouncilPeriodInput!) { createCouncilPeriod(input: $input) { id } }",
                json!({ "input": { "name": "2028–2032", "startsOn": "2028-01-01" } }),
            ),
        ];
        let audit = audit_rows(&app).await;
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
        assert_eq!(audit_rows(&app).await, audit);
    }
);

both_backends!(
    council_settings_alone_are_read_by_everyone_without_the_composition,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let t = app.secretariat().await;
        let light = "{ councilSettings { name shortName secretariatOrganisation version } }";
        let empty = app.gql_ok(None, light, json!({})).await;
        assert!(empty["councilSettings"].is_null(), "{empty}");
        // With a composition to compute, so that computing it would show in the cost.
        let (member, observer) = council_with_a_chair(&app, &t).await;
        let cost = |token: Option<String>, query: &'static str| {
            let app = &app;
            async move {
                let before = app.state.db.statement_count();
                let data = app.gql_ok(token.as_deref(), query, json!({})).await;
                (app.state.db.statement_count() - before, data)
            }
        };

        let (full_cost, full) = cost(None, "{ council { settings { version } } }").await;
        for token in [None, Some(observer), Some(member), Some(t)] {
            let logged_in = u64::from(token.is_some());
            let (spent, seen) = cost(token, light).await;
            assert_eq!(
                seen["councilSettings"],
                json!({ "name": "HelseOmsorg21-rådet", "shortName": "HO21-rådet",
                    "secretariatOrganisation": "Norges forskningsråd",
                    "version": full["council"]["settings"]["version"] })
            );
            // The settings' one row, and the user's for a login.
            assert_eq!(
                spent,
                1 + logged_in,
                "councilSettings cost {spent} statements"
            );
        }
        assert!(
            full_cost > 1,
            "council {{ settings }} cost {full_cost}: the count misses the composition"
        );
    }
);
