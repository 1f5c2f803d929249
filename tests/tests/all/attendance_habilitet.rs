//! Attendance recorded for the whole meeting in one call, and habilitet: a member's
//! declaration, the council's assessment, and what an inhabil member may not do.
use entity::{
    enums::{MeetingStatus, MinutesStatus, UserRole},
    meeting,
};
use motebok::service::meetings::oslo_today;
use motebok_tests::{Backend, TestApp, both_backends, error_code};
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};

use crate::{policy_fixtures::api_token, rows};

async fn person(app: &TestApp, tok: &str, name: &str) -> String {
    app.gql_ok(
        Some(tok),
        "mutation($n: String!) { createPerson(input: { name: $n }) { id } }",
        json!({ "n": name }),
    )
    .await["createPerson"]["id"]
        .as_str()
        .expect("person id")
        .to_owned()
}

async fn meeting_on(app: &TestApp, tok: &str, date: &str) -> Value {
    app.gql_ok(
        Some(tok),
        "mutation($d: NaiveDate!) { createMeeting(input: { date: $d, format: HYBRID }) { meeting { id code version saker { id code } } } }",
        json!({ "d": date }),
    )
    .await["createMeeting"]["meeting"]
        .clone()
}

const RECORD: &str = "mutation($m: ID!, $e: [AttendanceInput!]!) { recordAttendance(meetingId: $m, entries: $e) { category status partialNote note nameText onlySakId fromSakId person { name } } }";

both_backends!(
    attendance_is_recorded_for_the_whole_meeting_in_one_call_and_replaced_by_the_next,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let diaz = person(&app, &sec, "Esperanza Diaz").await;
        let borge = person(&app, &sec, "Ole Johan Borge").await;
        let vara = person(&app, &sec, "Monica Fossnes Petersson").await;
        let m = meeting_on(&app, &sec, "2025-05-21").await;
        let sak_3 = m["saker"][2]["id"].clone();
        let first = app
            .gql_ok(
                Some(&sec),
                RECORD,
                json!({ "m": m["id"], "e": [
                    { "personId": diaz, "category": "MEMBER", "status": "DIGITAL", "partialNote": "deler av møtet", "organisationText": "Universitetet i Bergen" },
                    { "personId": vara, "category": "SUBSTITUTE", "status": "PRESENT", "substituteForPersonId": diaz, "note": "Møtende vara" },
                    { "personId": borge, "category": "SECRETARIAT", "status": "PRESENT", "fromSakId": sak_3, "note": "avdelingsdirektør" },
                    { "nameText": "Martin Ingvar", "category": "GUEST", "status": "PRESENT", "onlySakId": sak_3 },
                ] }),
            )
            .await;
        let rows = first["recordAttendance"].as_array().expect("rows");
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0]["status"], "DIGITAL");
        assert_eq!(rows[0]["partialNote"], "deler av møtet");
        assert_eq!(rows[2]["fromSakId"], sak_3);
        assert_eq!(rows[3]["nameText"], "Martin Ingvar");
        assert_eq!(rows[3]["onlySakId"], sak_3);
        // The same person twice: refused, and the lists stay as they were.
        let twice = app
            .gql(
                Some(&sec),
                RECORD,
                json!({ "m": m["id"], "e": [
                    { "personId": diaz, "category": "MEMBER", "status": "PRESENT" },
                    { "personId": diaz, "category": "MEMBER", "status": "ABSENT" },
                ] }),
            )
            .await;
        assert_eq!(error_code(&twice), Some("VALIDATION"));
        assert_eq!(
            twice["errors"][0]["extensions"]["field"],
            "entries.1.personId"
        );
        let read =
            "query($c: String!) { meeting(code: $c) { attendance { status person { name } } } }";
        let kept = app.gql_ok(Some(&sec), read, json!({ "c": "1/2025" })).await;
        assert_eq!(
            kept["meeting"]["attendance"].as_array().map(Vec::len),
            Some(4)
        );
        // A sak of another meeting cannot be named.
        let other = meeting_on(&app, &sec, "2025-09-17").await;
        let foreign = app
            .gql(
                Some(&sec),
                RECORD,
                json!({ "m": m["id"], "e": [{ "nameText": "Gjest", "category": "GUEST", "status": "PRESENT", "onlySakId": other["saker"][0]["id"] }] }),
            )
            .await;
        assert_eq!(
            foreign["errors"][0]["extensions"]["field"],
            "entries.0.onlySakId"
        );
        // The next call replaces the lists.
        app.gql_ok(
            Some(&sec),
            RECORD,
            json!({ "m": m["id"], "e": [{ "personId": diaz, "category": "MEMBER", "status": "ABSENT" }] }),
        )
        .await;
        let now = app.gql_ok(Some(&sec), read, json!({ "c": "1/2025" })).await;
        assert_eq!(
            now["meeting"]["attendance"],
            json!([{ "status": "ABSENT", "person": { "name": "Esperanza Diaz" } }])
        );
    }
);

both_backends!(
    an_inhabil_member_counts_as_absent_from_the_sak_and_cannot_comment_on_it,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let guri = person(&app, &sec, "Guri Rørtveit").await;
        let toril = person(&app, &sec, "Toril Hernes").await;
        let guri_tok = app.user(UserRole::Member, guri.parse().ok()).await;
        let toril_tok = app.user(UserRole::Member, toril.parse().ok()).await;
        let today = oslo_today(chrono::Utc::now());
        let m = meeting_on(&app, &sec, &today.to_string()).await;
        let sak = m["saker"][3].clone();
        let other_sak = m["saker"][4].clone();
        let declare = "mutation($s: ID!) { declareInterest(sakId: $s, declaration: \"Ansatt ved FHI, som saken gjelder\") { id outcome version declaration } }";
        // Before the notice the member cannot see the sak at all.
        let hidden = app
            .gql(Some(&guri_tok), declare, json!({ "s": sak["id"] }))
            .await;
        assert_eq!(error_code(&hidden), Some("NOT_FOUND"));
        app.gql_ok(
            Some(&sec),
            "mutation($id: ID!, $v: Int!) { publishNotice(id: $id, version: $v) { meeting { id } } }",
            json!({ "id": m["id"], "v": m["version"] }),
        )
        .await;
        let declared = app
            .gql_ok(Some(&guri_tok), declare, json!({ "s": sak["id"] }))
            .await["declareInterest"]
            .clone();
        assert_eq!(declared["outcome"], "PENDING");
        let habilitet = "query($c: String!) { meeting(code: $c) { saker { code habilitet { outcome reason declaration leftRoom person { name } } inhabilMembers { name } } habilitetStatement } }";
        let code = m["code"].as_str().expect("code").to_owned();
        let seen = |res: &Value| res["data"]["meeting"]["saker"][3]["habilitet"].clone();
        assert_eq!(
            seen(
                &app.gql(Some(&toril_tok), habilitet, json!({ "c": code }))
                    .await
            ),
            json!([]),
            "another member does not see a pending declaration"
        );
        assert_eq!(
            seen(
                &app.gql(Some(&guri_tok), habilitet, json!({ "c": code }))
                    .await
            )[0]["declaration"],
            "Ansatt ved FHI, som saken gjelder"
        );
        // The meeting: the council finds her inhabil; she leaves the room.
        let held = app
            .gql_ok(
                Some(&sec),
                "query($c: String!) { meeting(code: $c) { id version } }",
                json!({ "c": code }),
            )
            .await["meeting"]
            .clone();
        let held = app
            .gql_ok(Some(&sec), "mutation($id: ID!, $v: Int!) { markMeetingHeld(id: $id, version: $v) { id version } }", json!({ "id": held["id"], "v": held["version"] }))
            .await["markMeetingHeld"]
            .clone();
        let late = app
            .gql(Some(&toril_tok), declare, json!({ "s": sak["id"] }))
            .await;
        assert_eq!(
            error_code(&late),
            Some("CONFLICT"),
            "declarations come before the meeting"
        );
        let stale = app
            .gql(
                Some(&sec),
                "mutation($s: ID!, $p: ID!) { assessHabilitet(sakId: $s, personId: $p, outcome: INHABIL, leftRoom: true, reason: \"Ansatt ved FHI\") { id } }",
                json!({ "s": sak["id"], "p": guri }),
            )
            .await;
        assert_eq!(stale["errors"][0]["extensions"]["field"], "version");
        app.gql_ok(
            Some(&sec),
            "mutation($s: ID!, $p: ID!, $v: Int) { assessHabilitet(sakId: $s, personId: $p, outcome: INHABIL, leftRoom: true, reason: \"Ansatt ved FHI\", decidedBy: \"rådet\", version: $v) { outcome } }",
            json!({ "s": sak["id"], "p": guri, "v": declared["version"] }),
        )
        .await;
        let held = app
            .gql_ok(Some(&sec), "mutation($id: ID!, $v: Int!) { startMinutes(meetingId: $id, version: $v) { id version } }", json!({ "id": held["id"], "v": held["version"] }))
            .await["startMinutes"]
            .clone();
        app.gql_ok(
            Some(&sec),
            "mutation($id: ID!, $v: Int!, $d: NaiveDate!) { sendMinutesForComments(meetingId: $id, version: $v, commentDeadline: $d) { id } }",
            json!({ "id": held["id"], "v": held["version"], "d": (today + chrono::Duration::days(8)).to_string() }),
        )
        .await;
        // The minutes: Toril now sees the outcome but not the reason; Guri sees both.
        let for_toril = app
            .gql_ok(Some(&toril_tok), habilitet, json!({ "c": code }))
            .await;
        let record = &for_toril["meeting"]["saker"][3]["habilitet"][0];
        assert_eq!(record["outcome"], "INHABIL");
        assert_eq!(record["leftRoom"], true);
        assert!(record["reason"].is_null() && record["declaration"].is_null());
        assert_eq!(
            for_toril["meeting"]["saker"][3]["inhabilMembers"],
            json!([{ "name": "Guri Rørtveit" }])
        );
        let sak_code = for_toril["meeting"]["saker"][3]["code"]
            .as_str()
            .unwrap_or("")
            .to_owned();
        assert_eq!(
            for_toril["meeting"]["habilitetStatement"],
            json!([format!(
                "Guri Rørtveit er inhabil for sak {sak_code} og forlater møtet under diskusjonen av saken."
            )])
        );
        let for_guri = app
            .gql_ok(Some(&guri_tok), habilitet, json!({ "c": code }))
            .await;
        assert_eq!(
            for_guri["meeting"]["saker"][3]["habilitet"][0]["reason"],
            "Ansatt ved FHI"
        );
        // She cannot comment on that sak, but may on the others.
        let comment = "mutation($m: ID!, $s: ID!) { addMinutesComment(meetingId: $m, sakId: $s, text: \"Presisering\") { id } }";
        let refused = app
            .gql(
                Some(&guri_tok),
                comment,
                json!({ "m": m["id"], "s": sak["id"] }),
            )
            .await;
        assert_eq!(error_code(&refused), Some("VALIDATION"));
        assert_eq!(refused["errors"][0]["extensions"]["field"], "sakId");
        app.gql_ok(
            Some(&guri_tok),
            comment,
            json!({ "m": m["id"], "s": other_sak["id"] }),
        )
        .await;
        app.gql_ok(
            Some(&toril_tok),
            comment,
            json!({ "m": m["id"], "s": sak["id"] }),
        )
        .await;
    }
);

/// Who asks, in the role matrix below.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Asker {
    Public,
    Observer,
    /// The member with a pending declaration of her own.
    Toril,
    /// The member the council found inhabil.
    Guri,
    Secretariat,
}

/// Whether `asker` may read minutes in this state (issue 4): the public only published
/// ones, observers approved ones, members also drafts sent for comments.
fn reads_minutes(asker: Asker, minutes: MinutesStatus) -> bool {
    use MinutesStatus::*;
    match asker {
        Asker::Secretariat => true,
        Asker::Public => minutes == Published,
        Asker::Observer => matches!(minutes, Approved | Published),
        Asker::Toril | Asker::Guri => matches!(minutes, SentForComments | Approved | Published),
    }
}

/// What `asker` may see of Guri's settled record and Toril's pending one (SECURITY.md item
/// 19): (Guri's outcome, Guri's reason, Toril's declaration).
fn may_see(asker: Asker, minutes: MinutesStatus) -> (bool, bool, bool) {
    let concerned_guri = matches!(asker, Asker::Secretariat | Asker::Guri);
    let concerned_toril = matches!(asker, Asker::Secretariat | Asker::Toril);
    (
        concerned_guri || reads_minutes(asker, minutes),
        concerned_guri,
        concerned_toril,
    )
}

/// Møte 1/2025, held, its minutes a draft; its sak 3 has a vedtak, the council found Guri
/// inhabil in it (with a reason), and Toril's declaration in it is pending.
struct Assessed {
    meeting: meeting::Model,
    sak_id: String,
    guri: String,
    toril: String,
    /// The version of Toril's record.
    toril_version: Value,
}

async fn guri_inhabil_toril_declared(app: &TestApp, sec: &str) -> Assessed {
    let guri = person(app, sec, "Guri Rørtveit").await;
    let toril = person(app, sec, "Toril Hernes").await;
    let meeting = rows::meeting(
        app,
        1,
        rows::d(2025, 2, 5),
        MeetingStatus::Held,
        MinutesStatus::Draft,
    )
    .await;
    let sak = rows::sak(
        app,
        &meeting,
        3,
        rows::SakText {
            title: "Persontilpasset medisin",
            vedtak: Some("Rådet tar saken til orientering."),
            ..Default::default()
        },
    )
    .await;
    let sak_id = sak.id.to_string();
    app.gql_ok(
        Some(sec),
        "mutation($s: ID!, $p: ID!) { assessHabilitet(sakId: $s, personId: $p, outcome: INHABIL, leftRoom: true, reason: \"Styreverv i Helse Vest RHF\", decidedBy: \"rådsleder etter drøfting\") { id } }",
        json!({ "s": sak_id, "p": guri }),
    )
    .await;
    let declared = app
        .gql_ok(
            Some(sec),
            "mutation($s: ID!, $p: ID!) { declareInterest(sakId: $s, personId: $p, declaration: \"Eier aksjer i leverandøren\") { version } }",
            json!({ "s": sak_id, "p": toril }),
        )
        .await;
    Assessed {
        meeting,
        sak_id,
        guri,
        toril,
        toril_version: declared["declareInterest"]["version"].clone(),
    }
}

both_backends!(
    habilitet_outcomes_are_seen_only_with_minutes_the_viewer_may_read_and_reasons_never,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let Assessed {
            meeting: m,
            guri,
            toril,
            ..
        } = guri_inhabil_toril_declared(&app, &sec).await;
        let tokens = [
            (Asker::Public, None),
            (
                Asker::Observer,
                Some(app.user(UserRole::Observer, None).await),
            ),
            (
                Asker::Toril,
                Some(app.user(UserRole::Member, toril.parse().ok()).await),
            ),
            (
                Asker::Guri,
                Some(app.user(UserRole::Member, guri.parse().ok()).await),
            ),
            (Asker::Secretariat, Some(sec.clone())),
        ];
        let by_meeting = "{ meeting(code: \"1/2025\") { habilitetStatement saker { code habilitet { outcome leftRoom reason declaration decidedBy person { name } } inhabilMembers { name } } } }";
        let by_sak = "query($c: String!) { sak(code: $c) { habilitet { outcome reason declaration person { name } } } }";

        for minutes in [
            MinutesStatus::Draft,
            MinutesStatus::SentForComments,
            MinutesStatus::Approved,
            MinutesStatus::Published,
        ] {
            let mut state: meeting::ActiveModel = m.clone().into();
            state.minutes_status = Set(minutes);
            state.update(&app.state.db.write).await.unwrap();
            for (asker, token) in &tokens {
                let (outcome, reason, declaration) = may_see(*asker, minutes);
                let at = format!("{asker:?} with {minutes:?} minutes");
                let res = app.gql_ok(token.as_deref(), by_meeting, json!({})).await;
                let sak = &res["meeting"]["saker"][0];
                let code = sak["code"]
                    .as_str()
                    .expect("the sak is readable")
                    .to_owned();
                let records = sak["habilitet"].as_array().cloned().unwrap_or_default();
                let of = |name: &str| {
                    records
                        .iter()
                        .find(|r| r["person"]["name"] == name)
                        .cloned()
                };
                let guris = of("Guri Rørtveit");
                let torils = of("Toril Hernes");
                assert_eq!(guris.is_some(), outcome, "{at}: {records:?}");
                if let Some(g) = &guris {
                    assert_eq!(g["outcome"], "INHABIL", "{at}");
                    assert_eq!(g["leftRoom"], true, "{at}");
                    assert_eq!(g["reason"].is_string(), reason, "{at}: {g}");
                    assert_eq!(g["decidedBy"].is_string(), reason, "{at}: {g}");
                }
                assert_eq!(torils.is_some(), declaration, "{at}: {records:?}");
                if let Some(t) = &torils {
                    assert_eq!(t["outcome"], "PENDING", "{at}");
                    assert_eq!(t["declaration"], "Eier aksjer i leverandøren", "{at}");
                }
                // Whatever may not be seen is not in the answer at all.
                let text = res.to_string();
                assert_eq!(text.contains("Helse Vest"), reason, "{at}: {text}");
                assert_eq!(text.contains("aksjer"), declaration, "{at}: {text}");
                // The minutes' own statement and the inhabil list follow the minutes too.
                let with_minutes = reads_minutes(*asker, minutes);
                assert_eq!(
                    sak["inhabilMembers"] == json!([{ "name": "Guri Rørtveit" }]),
                    with_minutes,
                    "{at}: {sak}"
                );
                assert_eq!(
                    res["meeting"]["habilitetStatement"]
                        .as_array()
                        .is_some_and(|l| l.iter().any(|l| l
                            .as_str()
                            .is_some_and(|l| l.starts_with("Guri Rørtveit er inhabil")))),
                    with_minutes,
                    "{at}: {res}"
                );
                // The same sak looked up by its code answers the same.
                let direct = app
                    .gql_ok(token.as_deref(), by_sak, json!({ "c": code }))
                    .await;
                let direct: Vec<Value> = direct["sak"]["habilitet"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                assert_eq!(direct.len(), records.len(), "{at}: {direct:?}");
            }
        }
    }
);

/// What the test below asks of a sak, in a read and in a mutation's answer alike.
const SAK_MINUTES: &str =
    "id vedtak habilitet { outcome reason declaration person { name } } inhabilMembers { name }";

both_backends!(
    a_mutations_answer_shows_a_sak_as_the_callers_read_rights_allow,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        // The secretariat's script: it may write, not read (so it reads as the public).
        let (write_only, _) = api_token(&app, &sec, &["write"]).await;
        // The minutes are a draft: only the secretariat reading with `read` sees them.
        let Assessed {
            meeting,
            sak_id,
            toril,
            toril_version,
            ..
        } = guri_inhabil_toril_declared(&app, &sec).await;
        let meeting_id = meeting.id.to_string();
        let mutations = [
            (
                "setCaseOfficers",
                format!(
                    "mutation($s: ID!) {{ setCaseOfficers(sakId: $s, personIds: []) {{ {SAK_MINUTES} }} }}"
                ),
                json!({ "s": sak_id }),
            ),
            (
                "renumberAgenda",
                format!(
                    "mutation($m: ID!) {{ renumberAgenda(meetingId: $m) {{ {SAK_MINUTES} }} }}"
                ),
                json!({ "m": meeting_id }),
            ),
            (
                "reorderSaker",
                format!(
                    "mutation($m: ID!, $s: ID!) {{ reorderSaker(meetingId: $m, sakIds: [$s], renumber: true) {{ {SAK_MINUTES} }} }}"
                ),
                json!({ "m": meeting_id, "s": sak_id }),
            ),
        ];
        let read = format!("query($s: ID!) {{ sak(id: $s) {{ {SAK_MINUTES} }} }}");
        for (token, reads_minutes) in [(&write_only, false), (&sec, true)] {
            let seen_by_read =
                app.gql_ok(Some(token), &read, json!({ "s": sak_id })).await["sak"].clone();
            for (name, mutation, vars) in &mutations {
                let at = format!(
                    "{name} with the {} token",
                    if reads_minutes { "login" } else { "write" }
                );
                let res = app.gql_ok(Some(token), mutation, vars.clone()).await;
                let sak = if res[name].is_array() {
                    res[name][0].clone()
                } else {
                    res[name].clone()
                };
                assert_eq!(sak, seen_by_read, "{at}: the answer is the read's");
                assert_eq!(sak["vedtak"].is_string(), reads_minutes, "{at}: {sak}");
                assert_eq!(
                    sak["inhabilMembers"] == json!([{ "name": "Guri Rørtveit" }]),
                    reads_minutes,
                    "{at}: {sak}"
                );
                let text = sak.to_string();
                assert_eq!(text.contains("INHABIL"), reads_minutes, "{at}: {text}");
                assert_eq!(text.contains("Helse Vest"), reads_minutes, "{at}: {text}");
                assert_eq!(text.contains("aksjer"), reads_minutes, "{at}: {text}");
            }
        }
        // Assessing with the write token answers the outcome it set, not the declaration.
        let assessed = app
            .gql_ok(
                Some(&write_only),
                "mutation($s: ID!, $p: ID!, $v: Int) { assessHabilitet(sakId: $s, personId: $p, outcome: NOT_INHABIL, reason: \"Liten eierandel\", version: $v) { outcome declaration reason } }",
                json!({ "s": sak_id, "p": toril, "v": toril_version }),
            )
            .await;
        assert_eq!(
            assessed["assessHabilitet"],
            json!({ "outcome": "NOT_INHABIL", "declaration": null, "reason": null })
        );
    }
);
