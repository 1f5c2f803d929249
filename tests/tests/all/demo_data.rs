//! `motebok demo`: the council's real papers load through the services in one transaction
//! and read back through GraphQL as the papers say; loading twice, in production, or
//! half-way is refused; the synthetic generator is deterministic and at benchmark scale.
use entity::enums::UserRole;
use motebok::demo::{self, DemoArgs, Outcome};
use motebok_tests::{Backend, TestApp, both_backends};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

/// Loads the papers into the app's database and logs in as the demo secretariat.
async fn with_papers(backend: Backend) -> (TestApp, String) {
    let app = TestApp::spawn(backend).await;
    let outcome = demo::load(&app.state.db, &app.state.config, &DemoArgs::default())
        .await
        .expect("the demo data loads");
    let Outcome::Loaded { accounts, .. } = outcome else {
        panic!("an empty database must be loaded, not skipped");
    };
    let secretariat = accounts
        .iter()
        .find(|a| a.role == UserRole::Secretariat)
        .expect("a secretariat account");
    let token = app.login(&secretariat.email, &secretariat.password).await;
    (app, token)
}

fn names_where(list: &[Value], pred: impl Fn(&Value) -> bool) -> Vec<String> {
    list.iter()
        .filter(|a| pred(a))
        .map(|a| a["person"]["name"].as_str().unwrap_or_default().to_owned())
        .collect()
}

const MEETING: &str = r#"query($code: String!) {
  meeting(code: $code) {
    code date status minutesStatus minutesApprovedIn { code }
    saker { id code title standingKind }
    attendance { category status partialNote onlySakId person { name } }
  }
}"#;

both_backends!(
    meeting_2_2025_reads_back_with_its_saker_and_attendance_as_the_minutes_record,
    |backend: Backend| async move {
        let (app, token) = with_papers(backend).await;

        let data = app
            .gql_ok(Some(&token), MEETING, json!({ "code": "2/2025" }))
            .await;

        let m = &data["meeting"];
        assert_eq!(m["date"], "2025-05-21");
        assert_eq!(m["status"], "HELD");
        assert_eq!(m["minutesStatus"], "APPROVED");
        assert_eq!(m["minutesApprovedIn"]["code"], "3/2025");
        let saker = m["saker"].as_array().unwrap();
        let codes: Vec<&str> = saker.iter().map(|s| s["code"].as_str().unwrap()).collect();
        let expected: Vec<String> = (16..=28).map(|n| format!("{n}/2/2025")).collect();
        assert_eq!(codes, expected);
        assert_eq!(saker[0]["title"], "Godkjenning av innkalling og saksliste");

        let att = m["attendance"].as_array().unwrap();
        let members_present = names_where(att, |a| {
            a["category"] == "MEMBER" && a["status"] != "ABSENT"
        });
        let forfall = names_where(att, |a| {
            a["category"] == "MEMBER" && a["status"] == "ABSENT"
        });
        let observers = names_where(att, |a| a["category"] == "OBSERVER");
        let secretariat = names_where(att, |a| a["category"] == "SECRETARIAT");
        assert_eq!(members_present.len(), 12, "{members_present:?}");
        assert!(members_present.contains(&"Guri Rørtveit".to_owned()));
        assert_eq!(observers.len(), 6, "{observers:?}");
        assert_eq!(
            forfall,
            [
                "Bjørn Egil Vikse",
                "Ingrid Stenstadvold Ross",
                "Magne Nicolaisen",
                "Pia Cecilie Bing-Jonsson"
            ]
        );
        assert_eq!(secretariat.len(), 5, "{secretariat:?}");
        let sak_21 = saker.iter().find(|s| s["code"] == "21/2/2025").unwrap();
        let only_21: Vec<&Value> = att.iter().filter(|a| !a["onlySakId"].is_null()).collect();
        assert_eq!(only_21.len(), 1);
        assert_eq!(only_21[0]["person"]["name"], "Hilde Grindvik Nielsen");
        assert_eq!(only_21[0]["onlySakId"], sak_21["id"]);
        let diaz = att
            .iter()
            .find(|a| a["person"]["name"] == "Esperanza Diaz")
            .unwrap();
        assert_eq!(diaz["status"], "DIGITAL");
        assert_eq!(diaz["partialNote"], "deler av møtet");
    }
);

both_backends!(
    meeting_1_2023_has_the_attendance_of_its_approved_minutes,
    |backend: Backend| async move {
        let (app, token) = with_papers(backend).await;

        let data = app
            .gql_ok(Some(&token), MEETING, json!({ "code": "1/2023" }))
            .await;

        let m = &data["meeting"];
        assert_eq!(m["minutesApprovedIn"]["code"], "2/2023");
        assert_eq!(m["saker"].as_array().unwrap().len(), 11);
        let att = m["attendance"].as_array().unwrap();
        let present = names_where(att, |a| {
            a["category"] == "MEMBER" && a["status"] == "PRESENT"
        });
        let digital = names_where(att, |a| {
            a["category"] == "MEMBER" && a["status"] == "DIGITAL"
        });
        let forfall = names_where(att, |a| {
            a["category"] == "MEMBER" && a["status"] == "ABSENT"
        });
        let substitutes = names_where(att, |a| a["category"] == "SUBSTITUTE");
        let observers = names_where(att, |a| a["category"] == "OBSERVER");
        let secretariat = names_where(att, |a| a["category"] == "SECRETARIAT");
        assert_eq!(present.len(), 7, "{present:?}");
        assert_eq!(digital, ["Marte Kvittum Tangen", "Wenche Dehli"]);
        assert_eq!(forfall.len(), 7, "{forfall:?}");
        assert_eq!(substitutes, ["Monica Fossnes Petersson"]);
        assert_eq!(observers, ["Hjørdis Møller Sandborg"]);
        assert_eq!(
            secretariat,
            [
                "Henrietta Blankson",
                "Karianne Solaas",
                "Katrine Rolid",
                "Ole Johan Borge"
            ]
        );
    }
);

both_backends!(
    the_policy_overview_of_sak_34_3_2025_has_its_rows_and_deadlines,
    |backend: Backend| async move {
        let (app, token) = with_papers(backend).await;

        let data = app
            .gql_ok(
                Some(&token),
                "{ overview { position document { title reference decidedInSak { code } }
                          innspill { responseStatus sentOn }
                          hoering { kind deadline deadlineText responseStatus sentOn } } }",
                json!({}),
            )
            .await;

        let rows = data["overview"].as_array().unwrap();
        assert_eq!(rows.len(), 18);
        assert!(
            rows.iter()
                .all(|r| r["document"]["decidedInSak"]["code"] == "34/3/2025")
        );
        let row = |title_start: &str| {
            rows.iter()
                .find(|r| {
                    r["document"]["title"]
                        .as_str()
                        .unwrap()
                        .starts_with(title_start)
                })
                .unwrap_or_else(|| panic!("no overview row {title_start:?}"))
        };
        let nou = row("Folkehelse – verdier, kunnskap og prioritering");
        assert_eq!(nou["document"]["reference"], "NOU 2025: 8");
        assert_eq!(nou["hoering"][0]["deadline"], "2025-12-22");
        assert_eq!(nou["hoering"][0]["deadlineText"], "Høringsfrist 22.12.2025");
        assert_eq!(nou["innspill"][0]["sentOn"], "2025-05-21");
        let forskrift = row("Forslag til endringer i forskrift om standarder");
        assert_eq!(forskrift["hoering"][0]["deadline"], "2025-11-28");
        // The paper's own mistake ("Frist 15.10.2015" in a 2025 table) is kept as written.
        let analyserom = row("Kriterier til sikre analyserom");
        assert_eq!(analyserom["hoering"][0]["deadline"], "2015-10-15");
        let prioritering = row("Helse for alle");
        assert_eq!(
            prioritering["document"]["reference"],
            "Meld. St. 21 (2024–2025)"
        );
        let hearing = &prioritering["hoering"].as_array().unwrap();
        assert!(
            hearing
                .iter()
                .any(|r| r["kind"] == "STORTINGET_HEARING" && r["sentOn"] == "2025-05-02")
        );
    }
);

const PEOPLE: &str = r#"{ people(first: 100) { totalCount nodes {
    name title
    affiliations { organisation { name } }
    appointments { role sector { code } organisation { name } councilPeriod { name } }
} } }"#;

both_backends!(
    people_have_their_organisations_sectors_and_roles,
    |backend: Backend| async move {
        let (app, token) = with_papers(backend).await;

        let data = app.gql_ok(Some(&token), PEOPLE, json!({})).await;
        let sectors = app
            .gql_ok(
                Some(&token),
                "{ sectors { code quota } councilPeriods { name } }",
                json!({}),
            )
            .await;

        assert_eq!(data["people"]["totalCount"], 54);
        let people = data["people"]["nodes"].as_array().unwrap();
        let person = |name: &str| {
            people
                .iter()
                .find(|p| p["name"] == name)
                .unwrap_or_else(|| panic!("{name} is missing"))
        };
        let sandset = &person("Per Morten Sandset")["appointments"];
        assert!(
            sandset
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["role"] == "CHAIR"
                    && a["sector"]["code"] == "uh"
                    && a["organisation"]["name"] == "Universitetet i Oslo"
                    && a["councilPeriod"]["name"] == "2020–2024")
        );
        let enger = &person("Øivind Enger")["affiliations"];
        let orgs: Vec<&str> = enger
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["organisation"]["name"].as_str().unwrap())
            .collect();
        assert_eq!(orgs, ["Sarsia Seed", "Sarsia"]);
        let observer = &person("Hjørdis Møller Sandborg")["appointments"][0];
        assert_eq!(observer["role"], "OBSERVER");
        assert!(observer["sector"].is_null());
        assert_eq!(person("Ole Johan Borge")["title"], "avdelingsdirektør");
        let quotas: Vec<(String, i64)> = sectors["sectors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["code"].as_str().unwrap().to_owned(),
                    s["quota"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(quotas.iter().map(|(_, q)| q).sum::<i64>(), 16);
        assert_eq!(quotas[0], ("uh".to_owned(), 2));
        assert_eq!(sectors["councilPeriods"].as_array().unwrap().len(), 3);
    }
);

both_backends!(
    the_working_groups_the_minutes_set_up_have_their_members_and_rounds,
    |backend: Backend| async move {
        let (app, token) = with_papers(backend).await;

        let data = app
            .gql_ok(
                Some(&token),
                "{ workingGroups(first: 50) { totalCount nodes {
                name kind status establishedBySak { code } policyDocument { reference }
                members { displayName placeholder person { name } }
                consultationRounds { kind deadline }
            } } }",
                json!({}),
            )
            .await;

        assert_eq!(data["workingGroups"]["totalCount"], 9);
        let groups = data["workingGroups"]["nodes"].as_array().unwrap();
        let group = |name: &str| {
            groups
                .iter()
                .find(|g| g["name"] == name)
                .unwrap_or_else(|| panic!("no group {name}"))
        };
        let usa = group("Arbeidsgruppe for uttalelse om USAs endrede rolle");
        assert_eq!(usa["establishedBySak"]["code"], "23/2/2025");
        let members: Vec<&str> = usa["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["person"]["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            members,
            ["Guri Rørtveit", "Toril Hernes", "Per Morten Sandset"]
        );
        let nou = group("Arbeidsgruppen for høringssvar til NOU 2025: 8");
        assert_eq!(nou["status"], "PROPOSED");
        assert_eq!(nou["policyDocument"]["reference"], "NOU 2025: 8");
        assert_eq!(nou["members"][0]["placeholder"], "[ ]");
        assert_eq!(nou["consultationRounds"][0]["kind"], "HOERING");
        assert_eq!(nou["consultationRounds"][0]["deadline"], "2025-12-22");
        let tid =
            group("Arbeidsgruppe for rådets høringsinnspill til NOU 2023: 4 Tid for handling");
        assert_eq!(tid["establishedBySak"]["code"], "5/1/2023");
        assert_eq!(tid["members"].as_array().unwrap().len(), 3);
    }
);

both_backends!(
    the_demo_accounts_log_in_with_their_roles_and_the_member_is_guri_rortveit,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let Outcome::Loaded { accounts, .. } =
            demo::load(&app.state.db, &app.state.config, &DemoArgs::default())
                .await
                .unwrap()
        else {
            panic!("loaded");
        };

        assert_eq!(accounts.len(), 3);
        for a in &accounts {
            let token = app.login(&a.email, &a.password).await;
            let me = app
                .gql_ok(Some(&token), "{ me { role name personId } }", json!({}))
                .await;
            let role = format!("{:?}", a.role).to_uppercase();
            assert_eq!(me["me"]["role"], role.as_str());
            assert!(
                !me["me"]["personId"].is_null(),
                "{} is linked to a person",
                a.email
            );
            assert!(a.password.chars().count() >= 15);
        }
        let member = accounts
            .iter()
            .find(|a| a.role == UserRole::Member)
            .unwrap();
        assert_eq!(member.person, "Guri Rørtveit");
    }
);

async fn counts(app: &TestApp) -> (u64, u64, u64) {
    let db = &app.state.db.read;
    (
        entity::meeting::Entity::find().count(db).await.unwrap(),
        entity::sak::Entity::find().count(db).await.unwrap(),
        entity::person::Entity::find().count(db).await.unwrap(),
    )
}

both_backends!(
    loading_twice_is_refused_and_if_empty_skips_without_duplicating,
    |backend: Backend| async move {
        let (app, _) = with_papers(backend).await;
        let before = counts(&app).await;

        let again = demo::load(&app.state.db, &app.state.config, &DemoArgs::default()).await;
        let if_empty = DemoArgs {
            if_empty: true,
            ..DemoArgs::default()
        };
        let skipped = demo::load(&app.state.db, &app.state.config, &if_empty).await;

        let err = again.expect_err("a second load must be refused");
        assert!(err.to_string().contains("already has meetings"), "{err}");
        assert!(matches!(skipped, Ok(Outcome::Skipped)));
        assert_eq!(counts(&app).await, before);
    }
);

both_backends!(
    demo_data_refuses_to_load_in_production,
    |backend: Backend| async move {
        // 256 random bits, as production demands.
        let secret = format!(
            "{}{}",
            uuid::Uuid::new_v4().simple(),
            uuid::Uuid::new_v4().simple()
        );
        let app = TestApp::spawn_with(
            backend,
            &[
                ("MOTEBOK_ENV", "production"),
                ("MOTEBOK_JWT_SECRET", &secret),
            ],
        )
        .await;

        let result = demo::load(&app.state.db, &app.state.config, &DemoArgs::default()).await;
        let if_empty = DemoArgs {
            if_empty: true,
            ..DemoArgs::default()
        };
        let quietly = demo::load(&app.state.db, &app.state.config, &if_empty).await;

        assert!(result.unwrap_err().to_string().contains("production"));
        assert!(
            quietly.is_err(),
            "--if-empty must not slip past the production check"
        );
        assert_eq!(counts(&app).await, (0, 0, 0));
        assert_eq!(
            entity::user_account::Entity::find()
                .count(&app.state.db.read)
                .await
                .unwrap(),
            0,
            "no default accounts in production"
        );
    }
);

both_backends!(
    a_load_that_fails_half_way_leaves_nothing_behind,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        // A sector with the papers' first code makes the load fail after the council is written.
        motebok::service::council::create_sector(
            &app.state.db.write,
            &motebok::auth::policy::system_write("test"),
            motebok::service::council::SectorInput {
                code: "uh".into(),
                name: "Allerede her".into(),
                quota: 1,
                position: None,
            },
        )
        .await
        .unwrap();

        let result = demo::load(&app.state.db, &app.state.config, &DemoArgs::default()).await;

        assert!(result.is_err());
        assert_eq!(counts(&app).await, (0, 0, 0));
        let db = &app.state.db.read;
        assert_eq!(entity::council::Entity::find().count(db).await.unwrap(), 0);
        assert_eq!(entity::sector::Entity::find().count(db).await.unwrap(), 1);
        assert_eq!(
            entity::user_account::Entity::find()
                .count(db)
                .await
                .unwrap(),
            0
        );
    }
);

/// Every sak's code and title, and the attendance and habilitet rows, in a stable order.
async fn synthetic_fingerprint(app: &TestApp) -> (Vec<(i32, i32, String)>, u64, u64) {
    use sea_orm::QueryOrder;
    let db = &app.state.db.read;
    let saker = entity::sak::Entity::find()
        .order_by_asc(entity::sak::Column::Year)
        .order_by_asc(entity::sak::Column::Number)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| (s.year, s.number, s.title))
        .collect();
    (
        saker,
        entity::attendance::Entity::find().count(db).await.unwrap(),
        entity::conflict_of_interest::Entity::find()
            .count(db)
            .await
            .unwrap(),
    )
}

both_backends!(
    synthetic_data_has_ten_years_at_benchmark_scale_and_is_the_same_every_run,
    |backend: Backend| async move {
        let args = DemoArgs {
            synthetic: true,
            years: 10,
            ..DemoArgs::default()
        };
        let (first, second) = (TestApp::spawn(backend).await, TestApp::spawn(backend).await);

        let summary = match demo::load(&first.state.db, &first.state.config, &args)
            .await
            .unwrap()
        {
            Outcome::Loaded { summary, .. } => summary,
            Outcome::Skipped => panic!("loaded"),
        };
        demo::load(&second.state.db, &second.state.config, &args)
            .await
            .unwrap();

        assert_eq!(summary.meetings, 60);
        assert_eq!(summary.saker, 900);
        assert!(
            (50..=70).contains(&summary.people),
            "{} people",
            summary.people
        );
        let (saker, attendance, habilitet) = synthetic_fingerprint(&first).await;
        assert_eq!(saker.len(), 900);
        assert!(attendance > 60 * 20, "{attendance} attendance rows");
        assert!(habilitet > 0);
        assert_eq!(
            (saker, attendance, habilitet),
            synthetic_fingerprint(&second).await,
            "the same seed must give the same data"
        );
        // The benchmark's meeting page: a recent meeting with its saker and attendance.
        let token = first.secretariat().await;
        let page = first
            .gql_ok(Some(&token), MEETING, json!({ "code": "3/2025" }))
            .await;
        assert_eq!(page["meeting"]["saker"].as_array().unwrap().len(), 15);
        assert!(page["meeting"]["attendance"].as_array().unwrap().len() >= 20);
    }
);

const COMPOSITION: &str = r#"query($date: NaiveDate) {
  council(date: $date) {
    memberCount
    chair { person { name } }
    sectors { members { person { name } } }
    membersWithoutSector { person { name } }
    deputies { person { name } }
  }
}"#;

both_backends!(
    the_council_on_a_date_is_the_members_the_minutes_of_that_time_list,
    |backend: Backend| async move {
        let (app, token) = with_papers(backend).await;
        let names = |seats: &Value| -> Vec<String> {
            seats
                .as_array()
                .into_iter()
                .flatten()
                .map(|s| s["person"]["name"].as_str().unwrap_or_default().to_owned())
                .collect()
        };

        for (date, meeting) in [("2023-03-01", "1/2023"), ("2025-05-21", "2/2025")] {
            let council = app
                .gql_ok(Some(&token), COMPOSITION, json!({ "date": date }))
                .await["council"]
                .clone();
            let minutes = app
                .gql_ok(Some(&token), MEETING, json!({ "code": meeting }))
                .await["meeting"]["attendance"]
                .clone();

            // The minutes list every member, present or with forfall, so they are the council.
            let mut listed: Vec<String> = minutes
                .as_array()
                .into_iter()
                .flatten()
                .filter(|a| a["category"] == "MEMBER")
                .map(|a| a["person"]["name"].as_str().unwrap_or_default().to_owned())
                .collect();
            let mut seated: Vec<String> = council["sectors"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|s| names(&s["members"]))
                .chain(names(&council["membersWithoutSector"]))
                .collect();
            listed.sort();
            seated.sort();
            assert_eq!(council["memberCount"], 16, "{date}");
            assert_eq!(seated, listed, "{date}: the members of møte {meeting}");
            assert_eq!(council["chair"]["person"]["name"], "Per Morten Sandset");
            let deputies = names(&council["deputies"]);
            let expected: &[&str] = if meeting == "1/2023" {
                &["Monica Fossnes Petersson"]
            } else {
                &[]
            };
            assert_eq!(deputies, expected, "{date}");
        }
    }
);
