//! The deadline feeds: an iCalendar feed checked by an independent parser (the `icalendar`
//! package, tests/feeds/check_ics.py), its JSON twin, and the rules for feed tokens.
use std::{
    io::Write,
    process::{Command, Stdio},
    sync::OnceLock,
};

use motebok_tests::{Backend, TestApp, both_backends};
use serde_json::{Value, json};

use crate::policy_fixtures::*;

const CHECKER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/feeds/check_ics.py");

/// Installs the parser once per test run if the machine lacks it.
fn ensure_icalendar() {
    static READY: OnceLock<()> = OnceLock::new();
    READY.get_or_init(|| {
        let present = Command::new("python3")
            .args(["-c", "import icalendar"])
            .status()
            .is_ok_and(|s| s.success());
        if !present {
            let installed = Command::new("python3")
                .args(["-m", "pip", "install", "--quiet", "icalendar>=6"])
                .status()
                .is_ok_and(|s| s.success());
            assert!(
                installed,
                "could not install the icalendar package with pip"
            );
        }
    });
}

/// Parses a feed with the independent checker; panics with its reason if invalid.
fn parse_ics(body: &[u8]) -> Value {
    ensure_icalendar();
    let mut child = Command::new("python3")
        .arg(CHECKER)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(body)
        .expect("feed written to the checker");
    let out = child.wait_with_output().expect("checker finishes");
    assert!(
        out.status.success(),
        "invalid calendar: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("checker prints JSON")
}

async fn get(app: &TestApp, path: &str) -> reqwest::Response {
    app.client.get(app.url(path)).send().await.expect("request")
}

fn event<'a>(cal: &'a Value, uid_start: &str) -> &'a Value {
    cal["events"]
        .as_array()
        .and_then(|e| {
            e.iter()
                .find(|e| e["uid"].as_str().is_some_and(|u| u.starts_with(uid_start)))
        })
        .unwrap_or(&Value::Null)
}

fn uid_of_round(round: &Value) -> String {
    format!(
        "consultation-round-{}@",
        round["id"].as_str().unwrap_or_default()
    )
}

both_backends!(
    the_calendar_feed_is_valid_icalendar_and_every_event_checks_out,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let (held, v, _) = meeting_with_sak(&app, &token, &day(20)).await;
        publish_notice(&app, &token, &held, v).await;
        let (cancelled, v, _) = meeting_with_sak(&app, &token, &day(40)).await;
        let v = publish_notice(&app, &token, &cancelled, v).await;
        app.gql_ok(
            Some(&token),
            "mutation($id: ID!, $v: Int!) { cancelMeeting(id: $id, version: $v) { id } }",
            json!({ "id": cancelled, "v": v }),
        )
        .await;
        let (planned, _, _) = meeting_with_sak(&app, &token, &day(60)).await;
        let tricky = "Forskrift om e-helse, betaling; 2026 \\ «utkast»";
        let (_, tricky_round) = document_with_hoering(
            &app,
            &token,
            tricky,
            &day(30),
            json!({ "opensOn": day(10) }),
        )
        .await;
        let long = "Kriterier til sikre analyserom for sekundærbruk av helsedata i Norge – i forberedelse til kommende krav i EHDS, med æøå";
        let (_, long_round) = document_with_hoering(&app, &token, long, &day(3), json!({})).await;
        let (_, withdrawn) =
            document_with_hoering(&app, &token, "Trukket høring", &day(15), json!({})).await;
        app.gql_ok(Some(&token), UPDATE_ROUND,
            json!({ "input": { "id": withdrawn["id"], "version": withdrawn["version"], "withdrawn": true } })).await;
        let (feed_token, _) = api_token(&app, &token, &["deadlines:read"]).await;

        let res = get(&app, &format!("/feeds/deadlines.ics?token={feed_token}")).await;

        assert_eq!(res.status(), 200);
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap_or_default()
                .starts_with("text/calendar")
        );
        let body = res.bytes().await.expect("body");
        let cal = parse_ics(&body);
        assert_eq!(cal["timezone"], "Europe/Oslo");
        assert_eq!(cal["vtimezones"], json!(["Europe/Oslo"]));
        assert_eq!(
            cal["events"].as_array().map(Vec::len),
            Some(5),
            "three deadlines, two published meetings"
        );

        let t = event(&cal, &uid_of_round(&tricky_round));
        assert_eq!(
            t["summary"],
            format!("Høringsfrist: {tricky}"),
            "escaping survives the round trip"
        );
        assert_eq!(t["dtstart"]["isDate"], true);
        assert_eq!(t["dtstart"]["valueParam"], "DATE");
        assert_eq!(t["dtstart"]["value"], day(30));
        assert_eq!(t["dtend"]["value"], day(31));
        assert_eq!(t["status"], "CONFIRMED");
        assert!(
            t["description"]
                .as_str()
                .unwrap_or_default()
                .contains("Kort frist"),
            "20 days is short"
        );
        let l = event(&cal, &uid_of_round(&long_round));
        assert_eq!(
            l["summary"],
            format!("Høringsfrist: {long}"),
            "folded lines unfold"
        );
        assert_eq!(
            event(&cal, &uid_of_round(&withdrawn))["status"],
            "CANCELLED"
        );

        let m = event(&cal, &format!("meeting-{held}@"));
        let code = app
            .gql_ok(
                Some(&token),
                "query($id: ID!) { meeting(id: $id) { code } }",
                json!({ "id": held }),
            )
            .await["meeting"]["code"]
            .clone();
        assert_eq!(
            m["summary"],
            format!("Rådsmøte {}", code.as_str().unwrap_or_default())
        );
        assert_eq!(m["dtstart"]["isDate"], false);
        assert_eq!(m["dtstart"]["tzid"], "Europe/Oslo");
        assert_eq!(
            m["dtstart"]["value"].as_str().map(|v| &v[..19]),
            Some(format!("{}T10:00:00", day(20)).as_str())
        );
        assert!(matches!(
            m["dtstart"]["utcOffsetMinutes"].as_i64(),
            Some(60 | 120)
        ));
        assert_eq!(
            m["location"],
            "Forskningsrådets lokaler, Drammensveien 288, møterom Hassel 2"
        );
        assert_eq!(m["status"], "CONFIRMED");
        assert_eq!(
            event(&cal, &format!("meeting-{cancelled}@"))["status"],
            "CANCELLED"
        );
        assert!(
            event(&cal, &format!("meeting-{planned}@")).is_null(),
            "a planned meeting is not published"
        );
    }
);

both_backends!(
    a_changed_deadline_keeps_its_uid_and_gets_a_higher_sequence,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let (_, round) =
            document_with_hoering(&app, &token, "NOU 2025: 8", &day(30), json!({})).await;
        let (feed_token, _) = api_token(&app, &token, &["deadlines:read"]).await;
        let path = format!("/feeds/deadlines.ics?token={feed_token}");
        let before = parse_ics(&get(&app, &path).await.bytes().await.expect("body"));

        app.gql_ok(Some(&token), UPDATE_ROUND,
            json!({ "input": { "id": round["id"], "version": round["version"], "deadline": day(35) } })).await;
        let after = parse_ics(&get(&app, &path).await.bytes().await.expect("body"));

        let (b, a) = (
            event(&before, &uid_of_round(&round)),
            event(&after, &uid_of_round(&round)),
        );
        assert_eq!(b["uid"], a["uid"]);
        assert!(a["sequence"].as_i64() > b["sequence"].as_i64(), "{b} → {a}");
        assert_eq!(a["dtstart"]["value"], day(35));
    }
);

both_backends!(
    revoked_expired_unknown_or_overpowered_feed_tokens_are_refused_and_leak_nothing,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        document_with_hoering(&app, &token, "Hemmelig høring", &day(30), json!({})).await;
        let (revoked, revoked_id) = api_token(&app, &token, &["deadlines:read"]).await;
        app.gql_ok(
            Some(&token),
            "mutation($id: ID!) { revokeApiToken(id: $id) { id } }",
            json!({ "id": revoked_id }),
        )
        .await;
        let (expired, expired_id) = api_token(&app, &token, &["deadlines:read"]).await;
        {
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
            entity::api_token::Entity::update_many()
                .col_expr(
                    entity::api_token::Column::ExpiresAt,
                    Expr::value(chrono::Utc::now() - chrono::Duration::hours(1)),
                )
                .filter(
                    entity::api_token::Column::Id.eq(expired_id.parse::<i32>().unwrap_or_default()),
                )
                .exec(&app.state.db.write)
                .await
                .expect("token expired");
        }
        let (powerful, _) = api_token(&app, &token, &["deadlines:read", "write"]).await;
        let (reader, _) = api_token(&app, &token, &["read"]).await;

        for (what, t, status) in [
            ("revoked", revoked.as_str(), 401),
            ("expired", expired.as_str(), 401),
            (
                "unknown",
                "mbk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                401,
            ),
            ("a login token", token.as_str(), 401),
            ("a token that can write", powerful.as_str(), 403),
            ("a token without deadlines:read", reader.as_str(), 403),
        ] {
            for feed in ["ics", "json"] {
                let res = get(&app, &format!("/feeds/deadlines.{feed}?token={t}")).await;
                assert_eq!(res.status(), status, "{what} on .{feed}");
                let body = res.text().await.unwrap_or_default();
                assert!(!body.contains("Hemmelig"), "{what} leaked: {body}");
                assert!(!body.contains("BEGIN:VCALENDAR"), "{what} got a calendar");
            }
        }
    }
);

both_backends!(
    without_a_token_the_feeds_offer_only_public_deadlines_and_meetings,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let (published, v, sak) = meeting_with_sak(&app, &token, &day(10)).await;
        publish_notice(&app, &token, &published, v).await;
        let (_, _, draft_sak) = meeting_with_sak(&app, &token, &day(50)).await;
        let public = create_document(
            &app,
            &token,
            json!({ "kind": "NOU", "title": "Offentlig", "decidedInSakId": sak }),
        )
        .await;
        let public_round = add_round(
            &app,
            &token,
            json!({ "policyDocumentId": public["id"], "kind": "HOERING", "deadline": day(30) }),
        )
        .await;
        let hidden = create_document(
            &app,
            &token,
            json!({ "kind": "NOU", "title": "Til neste møte", "decidedInSakId": draft_sak }),
        )
        .await;
        add_round(
            &app,
            &token,
            json!({ "policyDocumentId": hidden["id"], "kind": "HOERING", "deadline": day(31) }),
        )
        .await;
        document_with_hoering(&app, &token, "Ikke behandlet", &day(32), json!({})).await;
        let (feed_token, _) = api_token(&app, &token, &["deadlines:read"]).await;

        let anonymous = parse_ics(
            &get(&app, "/feeds/deadlines.ics")
                .await
                .bytes()
                .await
                .expect("body"),
        );
        let json_feed: Value = get(&app, "/feeds/deadlines.json")
            .await
            .json()
            .await
            .expect("JSON");
        let full = parse_ics(
            &get(&app, &format!("/feeds/deadlines.ics?token={feed_token}"))
                .await
                .bytes()
                .await
                .expect("body"),
        );

        let uids = |cal: &Value| -> Vec<String> {
            let mut u: Vec<String> = cal["events"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|e| e["uid"].as_str().unwrap_or_default().to_owned())
                .collect();
            u.sort();
            u
        };
        let anonymous_uids = uids(&anonymous);
        assert_eq!(anonymous_uids.len(), 2, "{anonymous_uids:?}");
        assert!(anonymous_uids[0].starts_with(&uid_of_round(&public_round)));
        assert!(anonymous_uids[1].starts_with(&format!("meeting-{published}@")));
        assert_eq!(json_feed["deadlines"].as_array().map(Vec::len), Some(1));
        assert_eq!(json_feed["deadlines"][0]["document"]["title"], "Offentlig");
        assert_eq!(json_feed["meetings"].as_array().map(Vec::len), Some(1));
        assert_eq!(
            uids(&full).len(),
            4,
            "the token sees every deadline, and published meetings"
        );
    }
);

both_backends!(
    the_json_feed_carries_the_same_entries_as_the_calendar,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let (m, v, _) = meeting_with_sak(&app, &token, &day(5)).await;
        publish_notice(&app, &token, &m, v).await;
        let (_, short) = document_with_hoering(
            &app,
            &token,
            "Kort høring",
            &day(12),
            json!({ "opensOn": day(-2) }),
        )
        .await;
        document_with_hoering(
            &app,
            &token,
            "Lang høring",
            &day(90),
            json!({ "opensOn": day(-10), "responseStatus": "DRAFTING" }),
        )
        .await;
        let (feed_token, _) = api_token(&app, &token, &["deadlines:read"]).await;

        let cal = parse_ics(
            &get(&app, &format!("/feeds/deadlines.ics?token={feed_token}"))
                .await
                .bytes()
                .await
                .expect("body"),
        );
        let res = get(&app, &format!("/feeds/deadlines.json?token={feed_token}")).await;
        assert_eq!(res.headers()["cache-control"], "no-store");
        let feed: Value = res.json().await.expect("JSON");

        let mut from_json: Vec<(String, i64)> = feed["deadlines"]
            .as_array()
            .into_iter()
            .flatten()
            .chain(feed["meetings"].as_array().into_iter().flatten())
            .map(|e| {
                (
                    e["uid"].as_str().unwrap_or_default().to_owned(),
                    e["sequence"].as_i64().unwrap_or(-1),
                )
            })
            .collect();
        let mut from_ics: Vec<(String, i64)> = cal["events"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                (
                    e["uid"].as_str().unwrap_or_default().to_owned(),
                    e["sequence"].as_i64().unwrap_or(-1),
                )
            })
            .collect();
        from_json.sort();
        from_ics.sort();
        assert_eq!(from_json, from_ics);
        assert_eq!(from_json.len(), 3);
        let first = &feed["deadlines"][0];
        assert_eq!(
            first["id"].to_string(),
            short["id"].as_str().unwrap_or_default()
        );
        assert_eq!(first["kind"], "HOERING");
        assert_eq!(first["consultationDays"], 14);
        assert_eq!(
            first["flags"],
            json!(["SHORT_DEADLINE", "NO_WORKING_GROUP"])
        );
        assert_eq!(feed["deadlines"][1]["responseStatus"], "DRAFTING");
        assert_eq!(feed["meetings"][0]["status"], "NOTICE_PUBLISHED");
        assert_eq!(feed["timezone"], "Europe/Oslo");
    }
);

both_backends!(
    a_token_in_the_query_string_counts_only_on_the_feed_routes,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let (feed_token, _) = api_token(&app, &token, &["deadlines:read", "read"]).await;

        let res = get(
            &app,
            &format!("/graphql?query=%7B%20me%20%7B%20name%20%7D%20%7D&token={feed_token}"),
        )
        .await;

        let body: Value = res.json().await.expect("JSON");
        assert!(body["data"]["me"].is_null(), "{body}");
    }
);
