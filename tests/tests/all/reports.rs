//! The annual report's figures: hand-counted on a small year, recounted from the raw rows,
//! open to `reports:read` tokens only; events and publications; the CSV exports; and the
//! README's script example run against a server.

use std::collections::{BTreeMap, HashMap};

use entity::{
    attendance, audit_log, consultation_round,
    enums::{AttendanceCategory, AttendanceStatus, MeetingStatus, ResponseStatus, SakStatus},
    meeting, sak,
};
use motebok::service::reports::is_substantive;
use motebok_tests::{Backend, TestApp, both_backends, error_code};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::fixtures::year2025;

const REPORT: &str = r#"query($year: Int!) { annualReport(year: $year) {
  year meetingsHeld meetingsCancelled
  meetings { code date format saker substantiveVedtak substitutes
             attendance { present digital absent rate } }
  saker { total standing substantiveVedtak byType { types saker substantiveVedtak } }
  attendance { present digital absent rate }
  attendanceByMember { name attendance { present digital absent rate } }
  consultations { document kind outcome deadline sentOn }
  consultationsSent consultationsMissed
  workingGroups { name setUp active finished startsOn }
  events { title date role }
  publications { title publishedOn }
  followUps { opened closed cancelled openAtYearEnd }
} }"#;

async fn token(app: &TestApp, secretariat: &str, scopes: &[&str]) -> String {
    let data = app
        .gql_ok(
            Some(secretariat),
            "mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }",
            json!({ "i": { "name": "Årsrapport-skript", "scopes": scopes } }),
        )
        .await;
    data["createApiToken"]["token"]
        .as_str()
        .expect("token")
        .to_owned()
}

async fn report(app: &TestApp, token: &str, year: i32) -> Value {
    app.gql_ok(Some(token), REPORT, json!({ "year": year }))
        .await["annualReport"]
        .clone()
}

both_backends!(
    the_annual_report_matches_the_hand_counted_year,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        year2025::arrange(&app.state.db.write).await;
        let sec = app.secretariat().await;
        let r = report(&app, &sec, 2025).await;

        assert_eq!(
            r["meetingsHeld"], 2,
            "1/2025 and 2/2025; 3/2025 was cancelled, 4/2025 is planned"
        );
        assert_eq!(r["meetingsCancelled"], 1);
        let m = &r["meetings"];
        assert_eq!(m[0]["code"], "1/2025");
        assert_eq!(m[0]["date"], "2025-02-12");
        assert_eq!(m[0]["format"], "PHYSICAL");
        assert_eq!(m[1]["format"], "HYBRID");
        // Møte 1: saker 1–5 (6 was withdrawn); substantive: 4 and 5.
        assert_eq!(
            (m[0]["saker"].as_i64(), m[0]["substantiveVedtak"].as_i64()),
            (Some(5), Some(2))
        );
        // Møte 2: saker 7–9; substantive: 8 only (7 approves minutes, 9 is "Intet.").
        assert_eq!(
            (m[1]["saker"].as_i64(), m[1]["substantiveVedtak"].as_i64()),
            (Some(3), Some(1))
        );
        assert_eq!(
            m[0]["attendance"],
            json!({ "present": 2, "digital": 1, "absent": 1, "rate": 0.75 })
        );
        assert_eq!(
            m[1]["attendance"],
            json!({ "present": 1, "digital": 1, "absent": 2, "rate": 0.5 })
        );
        assert_eq!(m[1]["substitutes"], 1);

        assert_eq!(r["saker"]["total"], 8);
        assert_eq!(r["saker"]["standing"], 5, "1, 2, 3, 7 and 9");
        assert_eq!(r["saker"]["substantiveVedtak"], 3);
        let by_type: BTreeMap<String, (i64, i64)> = r["saker"]["byType"]
            .as_array()
            .expect("byType")
            .iter()
            .map(|t| {
                (
                    t["types"].to_string(),
                    (
                        t["saker"].as_i64().unwrap_or(-1),
                        t["substantiveVedtak"].as_i64().unwrap_or(-1),
                    ),
                )
            })
            .collect();
        assert_eq!(
            by_type,
            BTreeMap::from([
                (r#"["VEDTAK"]"#.to_owned(), (4, 1)),
                (r#"["DISKUSJON","VEDTAK"]"#.to_owned(), (1, 1)),
                (r#"["ORIENTERING"]"#.to_owned(), (1, 0)),
                (r#"["DISKUSJON"]"#.to_owned(), (1, 1)),
                ("[]".to_owned(), (1, 0)),
            ])
        );

        assert_eq!(
            r["attendance"],
            json!({ "present": 3, "digital": 2, "absent": 3, "rate": 0.625 })
        );
        let members: HashMap<String, Value> = r["attendanceByMember"]
            .as_array()
            .expect("members")
            .iter()
            .map(|a| {
                (
                    a["name"].as_str().unwrap_or_default().to_owned(),
                    a["attendance"].clone(),
                )
            })
            .collect();
        assert_eq!(
            members.len(),
            4,
            "members only: not the observer, the secretariat or the vara"
        );
        assert_eq!(
            members["Åse Ødegård"],
            json!({ "present": 2, "digital": 0, "absent": 0, "rate": 1.0 })
        );
        assert_eq!(
            members["Guri Rørtveit"],
            json!({ "present": 0, "digital": 1, "absent": 1, "rate": 0.5 })
        );

        // Sent in 2025: the hearing 2.5. and the innspill 21.5.; missed: the drafting høring
        // (deadline 1.3.), the taushetsplikt høring, and the innspill to the melding launched
        // 6.6.2025; declined: one.
        assert_eq!(r["consultationsSent"], 2);
        assert_eq!(r["consultationsMissed"], 3);
        let outcomes: Vec<&str> = r["consultations"]
            .as_array()
            .expect("consultations")
            .iter()
            .filter_map(|c| c["outcome"].as_str())
            .collect();
        assert_eq!(outcomes.len(), 6);
        assert_eq!(outcomes.iter().filter(|o| **o == "DECLINED").count(), 1);

        let groups: HashMap<String, (bool, bool, bool)> = r["workingGroups"]
            .as_array()
            .expect("groups")
            .iter()
            .map(|g| {
                (
                    g["name"].as_str().unwrap_or_default().to_owned(),
                    (
                        g["setUp"] == true,
                        g["active"] == true,
                        g["finished"] == true,
                    ),
                )
            })
            .collect();
        assert_eq!(
            groups,
            HashMap::from([
                (
                    "Arbeidsgruppe for uttalelse om USAs endrede rolle".to_owned(),
                    (true, true, false)
                ),
                (
                    "Arbeidsgruppe for NOU 2023: 4".to_owned(),
                    (false, true, false)
                ),
                (
                    "Referansegruppe for kliniske studier".to_owned(),
                    (false, true, true)
                ),
            ])
        );
        let usa = r["workingGroups"]
            .as_array()
            .and_then(|g| {
                g.iter()
                    .find(|g| g["name"] == "Arbeidsgruppe for uttalelse om USAs endrede rolle")
            })
            .expect("the group");
        assert_eq!(
            usa["startsOn"], "2025-05-21",
            "the day of the meeting whose sak set it up"
        );

        assert_eq!(r["events"].as_array().map(Vec::len), Some(2));
        assert_eq!(
            r["events"][0]["title"],
            "Helsenæring: Hvordan ta sats med fart og kraft?"
        );
        assert_eq!(r["publications"].as_array().map(Vec::len), Some(1));
        assert_eq!(
            r["followUps"],
            json!({ "opened": 3, "closed": 1, "cancelled": 1, "openAtYearEnd": 3 })
        );
    }
);

both_backends!(
    the_annual_report_agrees_with_a_recount_from_the_raw_rows,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        year2025::arrange(&app.state.db.write).await;
        let sec = app.secretariat().await;
        let db = &app.state.db.read;
        for year in [2024, 2025] {
            let r = report(&app, &sec, year).await;
            let held: Vec<meeting::Model> = meeting::Entity::find()
                .filter(meeting::Column::Year.eq(year))
                .filter(meeting::Column::Status.eq(MeetingStatus::Held))
                .all(db)
                .await
                .expect("meetings");
            assert_eq!(r["meetingsHeld"].as_u64(), Some(held.len() as u64));
            let mut saker = 0;
            let mut substantive = 0;
            let mut present = 0;
            let mut attended = 0;
            let mut rows = 0;
            for m in &held {
                let ss = sak::Entity::find()
                    .filter(sak::Column::MeetingId.eq(m.id))
                    .all(db)
                    .await
                    .expect("saker");
                let ss: Vec<_> = ss
                    .into_iter()
                    .filter(|s| s.status != SakStatus::Withdrawn)
                    .collect();
                let subs = ss
                    .iter()
                    .filter(|s| is_substantive(s.standing_kind, s.vedtak.as_deref()))
                    .count();
                let att = attendance::Entity::find()
                    .filter(attendance::Column::MeetingId.eq(m.id))
                    .filter(attendance::Column::Category.eq(AttendanceCategory::Member))
                    .all(db)
                    .await
                    .expect("attendance");
                let fig = r["meetings"]
                    .as_array()
                    .and_then(|ms| {
                        ms.iter()
                            .find(|f| f["code"] == format!("{}/{}", m.number, m.year))
                    })
                    .expect("the meeting's figures");
                assert_eq!(fig["saker"].as_u64(), Some(ss.len() as u64));
                assert_eq!(fig["substantiveVedtak"].as_u64(), Some(subs as u64));
                let p = att
                    .iter()
                    .filter(|a| a.status == AttendanceStatus::Present)
                    .count();
                let here = att
                    .iter()
                    .filter(|a| a.status != AttendanceStatus::Absent)
                    .count();
                assert_eq!(fig["attendance"]["present"].as_u64(), Some(p as u64));
                assert_eq!(
                    fig["attendance"]["absent"].as_u64(),
                    Some((att.len() - here) as u64)
                );
                saker += ss.len();
                substantive += subs;
                present += p;
                attended += here;
                rows += att.len();
            }
            assert_eq!(r["saker"]["total"].as_u64(), Some(saker as u64));
            assert_eq!(
                r["saker"]["substantiveVedtak"].as_u64(),
                Some(substantive as u64)
            );
            let by_type_sum: u64 = r["saker"]["byType"]
                .as_array()
                .expect("byType")
                .iter()
                .filter_map(|t| t["saker"].as_u64())
                .sum();
            assert_eq!(
                by_type_sum, saker as u64,
                "the type groups add up to the total"
            );
            assert_eq!(r["attendance"]["present"].as_u64(), Some(present as u64));
            if rows > 0 {
                let rate = r["attendance"]["rate"].as_f64().expect("rate");
                assert!((rate - attended as f64 / rows as f64).abs() < 1e-9);
            }
            let member_sum: u64 = r["attendanceByMember"]
                .as_array()
                .expect("members")
                .iter()
                .filter_map(|m| m["attendance"]["present"].as_u64())
                .sum();
            assert_eq!(
                member_sum, present as u64,
                "per member adds up to per meeting"
            );
            let sent = consultation_round::Entity::find()
                .filter(consultation_round::Column::ResponseStatus.eq(ResponseStatus::Sent))
                .all(db)
                .await
                .expect("rounds")
                .into_iter()
                .filter(|c| {
                    c.sent_on
                        .is_some_and(|d| chrono::Datelike::year(&d) == year)
                })
                .count();
            assert_eq!(r["consultationsSent"].as_u64(), Some(sent as u64));
        }
    }
);

both_backends!(
    a_reports_read_token_reads_the_figures_and_nothing_else_does_without_login,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        year2025::arrange(&app.state.db.write).await;
        let sec = app.secretariat().await;
        let reports = token(&app, &sec, &["reports:read"]).await;
        let deadlines = token(&app, &sec, &["deadlines:read"]).await;
        assert_eq!(report(&app, &reports, 2025).await["meetingsHeld"], 2);

        let q = "{ annualReport(year: 2025) { year } }";
        assert_eq!(
            error_code(&app.gql(None, q, json!({})).await),
            Some("UNAUTHENTICATED")
        );
        assert_eq!(
            error_code(&app.gql(Some(&deadlines), q, json!({})).await),
            Some("FORBIDDEN")
        );
        let bad_year = app
            .gql(
                Some(&reports),
                "{ annualReport(year: 99999) { year } }",
                json!({}),
            )
            .await;
        assert_eq!(error_code(&bad_year), Some("VALIDATION"));
        assert_eq!(bad_year["errors"][0]["extensions"]["field"], "year");
        // A reports:read token cannot write.
        let write = app
        .gql(
            Some(&reports),
            r#"mutation { createEvent(input: { title: "X", kind: SEMINAR, role: ORGANISER }) { id } }"#,
            json!({}),
        )
        .await;
        assert_eq!(error_code(&write), Some("FORBIDDEN"));
    }
);

both_backends!(
    events_and_publications_are_recorded_edited_and_deleted_with_versions_and_an_audit_trail,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let member = app.user(entity::enums::UserRole::Member, None).await;
        let create =
            r#"mutation($i: EventData!) { createEvent(input: $i) { id version title date role } }"#;
        let input = json!({ "title": "Frokostmøte om forebygging", "kind": "FROKOSTMOTE", "role": "ORGANISER",
                        "date": "2025-11-10", "location": "Deichman Bjørvika", "url": "https://www.helseomsorg21.no/" });
        assert_eq!(
            error_code(&app.gql(Some(&member), create, json!({ "i": input })).await),
            Some("FORBIDDEN")
        );
        let bad = app.gql(Some(&sec), create, json!({ "i": { "title": "X", "kind": "SEMINAR", "role": "ORGANISER", "url": "javascript:alert(1)" } })).await;
        assert_eq!(bad["errors"][0]["extensions"]["field"], "url");
        let e = app.gql_ok(Some(&sec), create, json!({ "i": input })).await["createEvent"].clone();
        assert_eq!(e["version"], 1);
        let id = e["id"].as_str().expect("id").to_owned();

        let update = r#"mutation($id: ID!, $v: Int!, $i: EventData!) { updateEvent(id: $id, version: $v, input: $i) { version role } }"#;
        let mut changed = input.clone();
        changed["role"] = json!("CO_ORGANISER");
        let u = app
            .gql_ok(
                Some(&sec),
                update,
                json!({ "id": id, "v": 1, "i": changed }),
            )
            .await;
        assert_eq!(
            u["updateEvent"],
            json!({ "version": 2, "role": "CO_ORGANISER" })
        );
        let stale = app
            .gql(Some(&sec), update, json!({ "id": id, "v": 1, "i": input }))
            .await;
        assert_eq!(error_code(&stale), Some("CONFLICT"));

        let list = app
            .gql_ok(
                Some(&sec),
                "{ events(year: 2025) { totalCount edges { node { title role } } } }",
                json!({}),
            )
            .await;
        assert_eq!(list["events"]["totalCount"], 1);
        assert_eq!(list["events"]["edges"][0]["node"]["role"], "CO_ORGANISER");

        let delete = r#"mutation($id: ID!, $v: Int!) { deleteEvent(id: $id, version: $v) }"#;
        assert_eq!(
            error_code(
                &app.gql(Some(&sec), delete, json!({ "id": id, "v": 1 }))
                    .await
            ),
            Some("CONFLICT")
        );
        app.gql_ok(Some(&sec), delete, json!({ "id": id, "v": 2 }))
            .await;
        assert_eq!(
            error_code(
                &app.gql(Some(&sec), delete, json!({ "id": id, "v": 2 }))
                    .await
            ),
            Some("NOT_FOUND")
        );

        let p = app
        .gql_ok(
            Some(&sec),
            r#"mutation { createPublication(input: { title: "Fra forskningsfront til verdiskaping", kind: KRONIKK,
                 outlet: "Khrono", publishedOn: "2025-07-31" }) { id version } }"#,
            json!({}),
        )
        .await["createPublication"]
        .clone();
        let bad_doc = app
        .gql(
            Some(&sec),
            r#"mutation($id: ID!) { updatePublication(id: $id, version: 1, input: { title: "T", kind: KRONIKK, policyDocumentId: "999" }) { id } }"#,
            json!({ "id": p["id"] }),
        )
        .await;
        assert_eq!(
            bad_doc["errors"][0]["extensions"]["field"],
            "policyDocumentId"
        );
        let pubs = app
            .gql_ok(
                Some(&sec),
                "{ publications(year: 2025) { totalCount } }",
                json!({}),
            )
            .await;
        assert_eq!(pubs["publications"]["totalCount"], 1);

        let audited = audit_log::Entity::find()
            .filter(audit_log::Column::Entity.is_in(["event", "publication"]))
            .count(&app.state.db.read)
            .await
            .expect("audit");
        assert!(
            audited >= 6,
            "creation, change and deletion are in the audit log ({audited})"
        );
    }
);

both_backends!(
    each_report_table_downloads_as_csv_with_the_same_figures,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        year2025::arrange(&app.state.db.write).await;
        let sec = app.secretariat().await;
        let reports = token(&app, &sec, &["reports:read"]).await;
        let get = |path: &str, tok: Option<&str>| {
            let mut req = app.client.get(app.url(path));
            if let Some(t) = tok {
                req = req.bearer_auth(t);
            }
            req.send()
        };
        let res = get("/reports/2025/meetings.csv", Some(&reports))
            .await
            .expect("csv");
        assert_eq!(res.status(), 200);
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap_or_default()
                .starts_with("text/csv")
        );
        assert_eq!(res.headers()["cache-control"], "private, no-store");
        let body = res.text().await.expect("body");
        let mut lines = body.lines();
        assert_eq!(
            lines.next(),
            Some(
                "Møte,Dato,Tid,Format,Saker,Substansielle vedtak,Til stede,Digitalt,Forfall,Oppmøte (%),Møtende vara"
            )
        );
        assert_eq!(
            lines.next(),
            Some("1/2025,2025-02-12,10:00–15:00,fysisk,5,2,2,1,1,75,0")
        );
        assert_eq!(
            lines.next(),
            Some("2/2025,2025-05-21,10:00–15:00,hybrid,3,1,1,1,2,50,1")
        );

        for table in [
            "saker-by-type",
            "attendance-by-member",
            "consultations",
            "working-groups",
            "events",
            "publications",
            "follow-ups",
        ] {
            let res = get(&format!("/reports/2025/{table}.csv"), Some(&reports))
                .await
                .expect("csv");
            assert_eq!(res.status(), 200, "{table}");
            assert!(
                res.text().await.expect("body").lines().count() >= 2,
                "{table} has a header and rows"
            );
        }
        let members = get("/reports/2025/attendance-by-member.csv", Some(&sec))
            .await
            .expect("csv")
            .text()
            .await
            .expect("body");
        assert!(members.contains("Åse Ødegård,2,0,0,100"));
        assert_eq!(
            get("/reports/2025/meetings.csv", None)
                .await
                .expect("csv")
                .status(),
            401
        );
        assert_eq!(
            get("/reports/2025/nonsense.csv", Some(&reports))
                .await
                .expect("csv")
                .status(),
            404
        );
    }
);

/// The README's "Scripts and integrations" section, block by block.
fn readme_block(lang: &str) -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README");
    let section = readme
        .split("## Scripts and integrations")
        .nth(1)
        .expect("the section");
    let start = section.find(&format!("```{lang}\n")).expect("the block") + lang.len() + 4;
    let end = section[start..].find("```").expect("the end of the block") + start;
    section[start..end].to_owned()
}

both_backends!(
    the_readme_script_examples_print_the_years_figures,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        year2025::arrange(&app.state.db.write).await;
        let sec = app.secretariat().await;
        let reports = token(&app, &sec, &["reports:read"]).await;
        let dir =
            std::env::temp_dir().join(format!("motebok_readme_{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("dir");
        let run = |program: &str, file: &str, code: String| {
            let path = dir.join(file);
            std::fs::write(&path, code).expect("script");
            std::process::Command::new(program)
                .arg(&path)
                .arg("2025")
                .env("MOTEBOK_URL", &app.base)
                .env("MOTEBOK_TOKEN", &reports)
                .output()
                .expect("the script runs")
        };
        let out = tokio::task::block_in_place(|| {
            run(
                "bash",
                "figures.sh",
                format!("set -euo pipefail\n{}", readme_block("sh")),
            )
        });
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "curl example failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.contains("\"meetingsHeld\":2"), "{stdout}");
        assert!(
            stdout.contains("1/2025,2025-02-12"),
            "the CSV too: {stdout}"
        );

        let out =
            tokio::task::block_in_place(|| run("python3", "figures.py", readme_block("python")));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "python example failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        for line in [
            "Årsrapport 2025",
            "Møter avholdt: 2",
            "Møte 1/2025 (2025-02-12): 5 saker, 2 med vedtak, oppmøte 75 %",
            "Saker: 8, med substansielt vedtak: 3",
            "Høringssvar og innspill sendt: 2, ikke besvart: 3",
            "Arrangementer: 2, publikasjoner: 1",
        ] {
            assert!(stdout.contains(line), "missing {line:?} in:\n{stdout}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
);

both_backends!(
    the_demo_papers_give_the_hand_counted_figures_for_2025,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        motebok::demo::load(
            &app.state.db,
            &app.state.config,
            &motebok::demo::DemoArgs::default(),
        )
        .await
        .expect("the demo data loads");
        let sec = app.secretariat().await;
        let r = report(&app, &sec, 2025).await;
        // Counted in the seed saksdokumenter-mote-3-2025.txt: møte 1/2025 (no papers) and
        // 2/2025 were held; 3/2025 had only its notice.
        assert_eq!(r["meetingsHeld"], 2);
        let m2 = r["meetings"]
            .as_array()
            .and_then(|ms| ms.iter().find(|m| m["code"] == "2/2025"))
            .expect("møte 2/2025");
        assert_eq!(m2["date"], "2025-05-21");
        assert_eq!(m2["format"], "HYBRID");
        // Saker 16–28: thirteen; standing: 16, 17, 18, 19, 20, 27, 28. Substantive: 20 (lists
        // pruned), 21–26; not 16–18 (procedure), 19 (tas til orientering), 27 and 28 (intet).
        assert_eq!(m2["saker"], 13);
        assert_eq!(r["saker"]["standing"], 7);
        assert_eq!(m2["substantiveVedtak"], 7);
        // Til stede: twelve members, Esperanza Diaz digitally; forfall: four.
        assert_eq!(
            m2["attendance"],
            json!({ "present": 11, "digital": 1, "absent": 4, "rate": 0.75 })
        );
        // Sent in 2025: høringssvar to Stortinget 28.4., 2.5. and 6.5., høringsuttalelser 6.1. and
        // 16.1., and the innspill at møte 2/2025 (21.5.).
        assert_eq!(r["consultationsSent"], 6);
        // The vedtak of 21/2/2025 and 23/2/2025 set up a group each.
        let set_up: Vec<&str> = r["workingGroups"]
            .as_array()
            .expect("groups")
            .iter()
            .filter(|g| g["setUp"] == true)
            .filter_map(|g| g["name"].as_str())
            .collect();
        assert_eq!(set_up.len(), 2, "{set_up:?}");
        // The kronikk in Khrono, 31.7.2025.
        assert_eq!(r["publications"].as_array().map(Vec::len), Some(1));
        assert_eq!(
            r["followUps"]["opened"], 7,
            "one per vedtak of 20/2–26/2/2025 asking for follow-up"
        );
    }
);
