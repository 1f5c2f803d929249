//! Møte 2/2025 of the papers, run through the API from an empty database: the skeleton, its
//! saker 16–28, attendance, habilitet, discussion and vedtak, comments, approval by sak
//! 32/3/2025 and publication, read back fact by fact; every illegal transition; what each
//! role sees at each status; and the meeting page's SQL budget.
use std::collections::HashMap;

use entity::enums::UserRole;
use motebok_tests::{Backend, TestApp, both_backends, error_code};
use serde_json::{Value, json};

/// The council's papers, as extracted for the demo data.
fn papers() -> Value {
    serde_json::from_str(include_str!("../../../api/demo/helseomsorg21.json")).expect("papers JSON")
}

fn paper_meeting(papers: &Value, code: &str) -> Value {
    papers["meetings"]
        .as_array()
        .and_then(|ms| ms.iter().find(|m| m["code"] == code))
        .cloned()
        .expect("meeting in the papers")
}

const MEETING_FIELDS: &str = "id code year number date startsAt endsAt location room format status \
    minutesStatus minutesSentOn commentDeadline version minutesLocked noticePublishedAt \
    minutesApprovedIn { code }";

const SAK_FIELDS: &str = "id code number position title standingKind proposedVedtak discussion \
    vedtak version approvesMinutesOf { code }";

async fn create_person(app: &TestApp, tok: &str, name: &str) -> String {
    let d = app
        .gql_ok(
            Some(tok),
            "mutation($i: PersonInput!) { createPerson(input: $i) { id } }",
            json!({ "i": { "name": name } }),
        )
        .await;
    d["createPerson"]["id"]
        .as_str()
        .expect("person id")
        .to_owned()
}

async fn create_meeting(app: &TestApp, tok: &str, input: Value) -> Value {
    let q = format!(
        "mutation($i: CreateMeetingInput!) {{ createMeeting(input: $i) {{ meeting {{ {MEETING_FIELDS} saker {{ {SAK_FIELDS} }} }} warnings {{ code message }} }} }}"
    );
    app.gql_ok(Some(tok), &q, json!({ "i": input })).await["createMeeting"]["meeting"].clone()
}

async fn meeting(app: &TestApp, tok: Option<&str>, code: &str) -> Value {
    let q = format!(
        "query($c: String!) {{ meeting(code: $c) {{ {MEETING_FIELDS} \
         saker {{ {SAK_FIELDS} decisions presenters {{ nameText note person {{ name }} }} \
           followUps {{ description assigneeText status }} inhabilMembers {{ name }} }} \
         attendance {{ category status partialNote note organisationText person {{ name }} onlySakId }} \
         habilitetStatement comments {{ id text handled version sakId person {{ name }} }} }} }}"
    );
    app.gql_ok(tok, &q, json!({ "c": code })).await["meeting"].clone()
}

/// Runs a meeting transition mutation that takes (id, version) and returns the meeting.
async fn transition(app: &TestApp, tok: &str, mutation: &str, m: &Value) -> Value {
    let q = format!(
        "mutation($id: ID!, $v: Int!) {{ {mutation}(id: $id, version: $v) {{ {MEETING_FIELDS} }} }}"
    );
    app.gql_ok(Some(tok), &q, json!({ "id": m["id"], "v": m["version"] }))
        .await[mutation]
        .clone()
}

async fn minutes_transition(app: &TestApp, tok: &str, mutation: &str, m: &Value) -> Value {
    let q = format!(
        "mutation($id: ID!, $v: Int!) {{ {mutation}(meetingId: $id, version: $v) {{ {MEETING_FIELDS} }} }}"
    );
    app.gql_ok(Some(tok), &q, json!({ "id": m["id"], "v": m["version"] }))
        .await[mutation]
        .clone()
}

async fn publish_notice(app: &TestApp, tok: &str, m: &Value) -> (Value, Value) {
    let q = format!(
        "mutation($id: ID!, $v: Int!) {{ publishNotice(id: $id, version: $v) {{ meeting {{ {MEETING_FIELDS} }} warnings {{ code message }} }} }}"
    );
    let d = app
        .gql_ok(Some(tok), &q, json!({ "id": m["id"], "v": m["version"] }))
        .await;
    (
        d["publishNotice"]["meeting"].clone(),
        d["publishNotice"]["warnings"].clone(),
    )
}

async fn update_sak(app: &TestApp, tok: &str, input: Value) -> Value {
    let q = format!(
        "mutation($i: UpdateSakInput!) {{ updateSak(input: $i) {{ sak {{ {SAK_FIELDS} }} warnings {{ code }} }} }}"
    );
    app.gql_ok(Some(tok), &q, json!({ "i": input })).await["updateSak"]["sak"].clone()
}

fn sak_by_code<'a>(m: &'a Value, code: &str) -> &'a Value {
    m["saker"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["code"] == code))
        .unwrap_or(&Value::Null)
}

both_backends!(
    meeting_2_2025_runs_from_the_skeleton_to_published_minutes_and_reads_back_every_fact,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let papers = papers();
        let paper = paper_meeting(&papers, "2/2025");

        // Everyone the minutes name.
        let mut people: HashMap<String, String> = HashMap::new();
        let names = paper["attendance"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| a["person"].clone())
            .chain(
                paper["saker"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .flat_map(|s| s["presenters"].as_array().cloned().unwrap_or_default())
                    .map(|p| p["person"].clone()),
            );
        for name in names {
            let name = name.as_str().expect("name").to_owned();
            if let std::collections::hash_map::Entry::Vacant(e) = people.entry(name) {
                let id = create_person(&app, &sec, e.key()).await;
                e.insert(id);
            }
        }

        // Møte 1/2025, whose minutes sak 18/2/2025 approves.
        let m1 = create_meeting(
            &app,
            &sec,
            json!({ "date": "2025-03-12", "format": "PHYSICAL", "skeleton": false }),
        )
        .await;
        assert_eq!(m1["code"], "1/2025");
        let (m1, warnings) = publish_notice(&app, &sec, &m1).await;
        assert_eq!(
            warnings[0]["code"], "SHORT_NOTICE",
            "a notice after the day warns"
        );
        let m1 = transition(&app, &sec, "markMeetingHeld", &m1).await;
        let m1 = minutes_transition(&app, &sec, "startMinutes", &m1).await;
        let m1 = app
            .gql_ok(
                Some(&sec),
                "mutation($id: ID!, $v: Int!) { sendMinutesForComments(meetingId: $id, version: $v, sentOn: \"2025-03-20\", commentDeadline: \"2025-03-28\") { id version minutesStatus } }",
                json!({ "id": m1["id"], "v": m1["version"] }),
            )
            .await["sendMinutesForComments"]
            .clone();

        // Møte 2/2025 from the skeleton, its saker numbered from 16.
        let m2 = create_meeting(
            &app,
            &sec,
            json!({
                "date": "2025-05-21", "startsAt": "10:00:00", "endsAt": "15:00:00",
                "location": "Forskningsrådets lokaler, Drammensveien 288", "format": "HYBRID",
                "optionalItems": ["POLICY_OVERVIEW"], "firstSakNumber": 16
            }),
        )
        .await;
        assert_eq!(m2["code"], "2/2025");
        assert_eq!(m2["status"], "PLANNED");
        let skeleton: Vec<(&str, &str)> = m2["saker"]
            .as_array()
            .expect("saker")
            .iter()
            .map(|s| {
                (
                    s["code"].as_str().unwrap_or(""),
                    s["title"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(
            skeleton,
            vec![
                ("16/2/2025", "Godkjenning av innkalling og saksliste"),
                ("17/2/2025", "Spørsmål om habilitet"),
                ("18/2/2025", "Godkjenning av referat fra møte 1/2025"),
                ("19/2/2025", "Orienteringer"),
                ("20/2/2025", "Oversikt meldinger og strategier"),
                ("21/2/2025", "Eventuelt"),
                ("22/2/2025", "Evaluering av møtet"),
            ]
        );
        assert_eq!(
            sak_by_code(&m2, "16/2/2025")["proposedVedtak"],
            "Innkalling og saksliste godkjennes."
        );
        assert_eq!(
            sak_by_code(&m2, "17/2/2025")["proposedVedtak"],
            "Det er ikke knyttet inhabilitet til noen av sakene på rådsmøtet."
        );
        assert_eq!(
            sak_by_code(&m2, "18/2/2025")["proposedVedtak"],
            "Referatet godkjennes."
        );
        assert_eq!(
            sak_by_code(&m2, "18/2/2025")["approvesMinutesOf"]["code"],
            "1/2025"
        );
        assert_eq!(
            sak_by_code(&m2, "19/2/2025")["proposedVedtak"],
            "Tas til orientering."
        );

        // The meeting's own saker go in before Eventuelt; then the agenda is numbered.
        let own: Vec<&Value> = paper["saker"]
            .as_array()
            .expect("paper saker")
            .iter()
            .filter(|s| s["standing"].is_null())
            .collect();
        assert_eq!(own.len(), 6);
        for s in &own {
            app.gql_ok(
                Some(&sec),
                "mutation($i: CreateSakInput!) { createSak(input: $i) { sak { id } } }",
                json!({ "i": { "meetingId": m2["id"], "title": s["title"] } }),
            )
            .await;
        }
        let renumbered = app
            .gql_ok(
                Some(&sec),
                "mutation($id: ID!) { renumberAgenda(meetingId: $id, start: 16) { code title } }",
                json!({ "id": m2["id"] }),
            )
            .await;
        let m2 = meeting(&app, Some(&sec), "2/2025").await;
        let paper_titles: Vec<(String, String)> = paper["saker"]
            .as_array()
            .expect("paper saker")
            .iter()
            .map(|s| {
                (
                    s["code"].as_str().unwrap_or("").to_owned(),
                    s["title"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect();
        let sak_18 = sak_by_code(&m2, "18/2/2025").clone();
        update_sak(
            &app,
            &sec,
            json!({ "id": sak_18["id"], "version": sak_18["version"], "title": "Godkjenning av referat fra møtet 1/2025" }),
        )
        .await;
        let m2 = meeting(&app, Some(&sec), "2/2025").await;
        let ours: Vec<(String, String)> = m2["saker"]
            .as_array()
            .expect("saker")
            .iter()
            .map(|s| {
                (
                    s["code"].as_str().unwrap_or("").to_owned(),
                    s["title"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect();
        assert_eq!(ours, paper_titles, "after renumbering: {renumbered}");

        // Notice, presenters, the meeting itself.
        let (m2, warnings) = publish_notice(&app, &sec, &m2).await;
        assert_eq!(m2["status"], "NOTICE_PUBLISHED");
        assert_eq!(warnings[0]["code"], "SHORT_NOTICE");
        let m2 = meeting(&app, Some(&sec), "2/2025").await;
        for s in paper["saker"].as_array().expect("saker") {
            for p in s["presenters"].as_array().into_iter().flatten() {
                let ours = sak_by_code(&m2, s["code"].as_str().unwrap_or(""));
                app.gql_ok(
                    Some(&sec),
                    "mutation($s: ID!, $p: ID, $n: String) { addPresenter(sakId: $s, personId: $p, note: $n) { id } }",
                    json!({ "s": ours["id"], "p": people[p["person"].as_str().unwrap_or("")], "n": p["note"] }),
                )
                .await;
            }
        }
        let m2 = transition(&app, &sec, "markMeetingHeld", &m2).await;
        assert_eq!(m2["status"], "HELD");
        let m2 = meeting(&app, Some(&sec), "2/2025").await;

        // Attendance in one call: the four lists, one for sak 21/2/2025 only.
        let entries: Vec<Value> = paper["attendance"]
            .as_array()
            .expect("attendance")
            .iter()
            .map(|a| {
                // As the minutes write it: "sak 21/2/2025".
                let only = a["only_sak"]
                    .as_str()
                    .map(|c| Value::from(format!("sak {c}")))
                    .unwrap_or(Value::Null);
                json!({
                    "personId": people[a["person"].as_str().unwrap_or("")],
                    "organisationText": a["organisation_as_written"],
                    "category": a["category"].as_str().unwrap_or("").to_uppercase(),
                    "status": a["status"].as_str().unwrap_or("").to_uppercase(),
                    "partialNote": a["partial_note"],
                    "onlySak": only,
                    "note": a["note"],
                })
            })
            .collect();
        let recorded = app
            .gql_ok(
                Some(&sec),
                "mutation($id: ID!, $e: [AttendanceInput!]!) { recordAttendance(meetingId: $id, entries: $e) { id } }",
                json!({ "id": m2["id"], "e": entries }),
            )
            .await;
        assert_eq!(
            recorded["recordAttendance"].as_array().map(Vec::len),
            Some(27)
        );

        // The minutes: the forslag til vedtak is the starting text; then the papers' text.
        let m2 = minutes_transition(&app, &sec, "startMinutes", &m2).await;
        assert_eq!(m2["minutesStatus"], "DRAFT");
        let m2 = meeting(&app, Some(&sec), "2/2025").await;
        assert_eq!(
            sak_by_code(&m2, "16/2/2025")["vedtak"],
            "Innkalling og saksliste godkjennes."
        );
        for s in paper["saker"].as_array().expect("saker") {
            let code = s["code"].as_str().unwrap_or("");
            if code == "18/2/2025" {
                continue; // recorded when the sak approves the minutes of 1/2025
            }
            let ours = sak_by_code(&m2, code);
            update_sak(
                &app,
                &sec,
                json!({ "id": ours["id"], "version": ours["version"], "discussion": s["discussion"], "vedtak": s["vedtak"] }),
            )
            .await;
        }
        let sak_18 = sak_by_code(&m2, "18/2/2025").clone();
        let paper_18 = paper["saker"]
            .as_array()
            .and_then(|s| s.iter().find(|s| s["code"] == "18/2/2025"))
            .cloned()
            .unwrap_or_default();
        update_sak(
            &app,
            &sec,
            json!({ "id": sak_18["id"], "version": sak_18["version"], "discussion": paper_18["discussion"] }),
        )
        .await;
        let approved_1 = app
            .gql_ok(
                Some(&sec),
                "mutation($s: ID!, $v: Int!, $t: String) { approveMinutes(sakId: $s, version: $v, vedtak: $t) { code minutesStatus minutesApprovedIn { code } } }",
                json!({ "s": sak_18["id"], "v": m1["version"], "t": paper_18["vedtak"] }),
            )
            .await;
        assert_eq!(approved_1["approveMinutes"]["minutesStatus"], "APPROVED");
        assert_eq!(
            approved_1["approveMinutes"]["minutesApprovedIn"]["code"],
            "2/2025"
        );

        // Follow-up items from the vedtak.
        for f in paper["follow_ups"].as_array().expect("follow-ups") {
            let ours = sak_by_code(&m2, f["sak"].as_str().unwrap_or(""));
            let created = app
                .gql_ok(
                    Some(&sec),
                    "mutation($i: CreateFollowUpInput!) { createFollowUp(input: $i) { id version } }",
                    json!({ "i": { "sakId": ours["id"], "description": f["description"], "assigneeText": f["assignee"] } }),
                )
                .await["createFollowUp"]
                .clone();
            if f["status"] == "done" {
                app.gql_ok(
                    Some(&sec),
                    "mutation($id: ID!, $v: Int!) { closeFollowUp(id: $id, version: $v, status: DONE) { status } }",
                    json!({ "id": created["id"], "v": created["version"] }),
                )
                .await;
            }
        }

        // Sent for comments 2 June with merknadsfrist 10 June.
        let m2 = meeting(&app, Some(&sec), "2/2025").await;
        let sent = app
            .gql_ok(
                Some(&sec),
                "mutation($id: ID!, $v: Int!) { sendMinutesForComments(meetingId: $id, version: $v, sentOn: \"2025-06-02\", commentDeadline: \"2025-06-10\") { minutesStatus minutesSentOn commentDeadline } }",
                json!({ "id": m2["id"], "v": m2["version"] }),
            )
            .await;
        assert_eq!(
            sent["sendMinutesForComments"]["minutesStatus"],
            "SENT_FOR_COMMENTS"
        );

        // Comments on sak 23 and 24 reached the secretariat in time; a member writing today is
        // past the merknadsfrist.
        let rortveit = people["Guri Rørtveit"].clone();
        let member = app.user(UserRole::Member, rortveit.parse().ok()).await;
        for code in ["23/2/2025", "24/2/2025"] {
            app.gql_ok(
                Some(&sec),
                "mutation($m: ID!, $s: ID, $p: ID) { addMinutesComment(meetingId: $m, sakId: $s, personId: $p, text: \"En liten justering.\", receivedOn: \"2025-06-05\") { id } }",
                json!({ "m": m2["id"], "s": sak_by_code(&m2, code)["id"], "p": rortveit }),
            )
            .await;
        }
        let late = app
            .gql(
                Some(&member),
                "mutation($m: ID!) { addMinutesComment(meetingId: $m, text: \"For sent\") { id } }",
                json!({ "m": m2["id"] }),
            )
            .await;
        assert_eq!(error_code(&late), Some("CONFLICT"));
        assert!(
            late["errors"][0]["message"]
                .as_str()
                .unwrap_or("")
                .contains("merknadsfrist")
        );
        let for_member = meeting(&app, Some(&member), "2/2025").await;
        assert_eq!(
            sak_by_code(&for_member, "21/2/2025")["discussion"],
            sak_by_code(&meeting(&app, Some(&sec), "2/2025").await, "21/2/2025")["discussion"],
            "a member reads the draft sent for comments"
        );
        assert_eq!(for_member["comments"].as_array().map(Vec::len), Some(2));
        let public = meeting(&app, None, "2/2025").await;
        assert!(
            sak_by_code(&public, "21/2/2025")["discussion"].is_null(),
            "the public does not"
        );
        assert_eq!(public["attendance"], json!([]));
        for c in for_member["comments"].as_array().expect("comments") {
            app.gql_ok(
                Some(&sec),
                "mutation($id: ID!, $v: Int!) { setCommentHandled(id: $id, version: $v, handled: true, note: \"Innarbeidet\") { handled } }",
                json!({ "id": c["id"], "v": c["version"] }),
            )
            .await;
        }

        // Approval by sak 32/3/2025, then publication.
        let m3 = create_meeting(
            &app,
            &sec,
            json!({ "date": "2025-09-17", "format": "PHYSICAL", "optionalItems": ["POLICY_OVERVIEW"], "firstSakNumber": 30 }),
        )
        .await;
        let sak_32 = sak_by_code(&m3, "32/3/2025").clone();
        assert_eq!(sak_32["title"], "Godkjenning av referat fra møte 2/2025");
        assert_eq!(sak_32["approvesMinutesOf"]["code"], "2/2025");
        publish_notice(&app, &sec, &m3).await;
        let m2 = meeting(&app, Some(&sec), "2/2025").await;
        let approved = app
            .gql_ok(
                Some(&sec),
                "mutation($s: ID!, $v: Int!) { approveMinutes(sakId: $s, version: $v) { minutesStatus minutesLocked minutesApprovedIn { code } version id } }",
                json!({ "s": sak_32["id"], "v": m2["version"] }),
            )
            .await["approveMinutes"]
            .clone();
        assert_eq!(approved["minutesStatus"], "APPROVED");
        assert_eq!(approved["minutesLocked"], true);
        assert_eq!(approved["minutesApprovedIn"]["code"], "3/2025");
        let m3 = meeting(&app, Some(&sec), "3/2025").await;
        assert_eq!(
            sak_by_code(&m3, "32/3/2025")["vedtak"],
            "Referatet godkjennes."
        );
        let public = meeting(&app, None, "2/2025").await;
        assert!(
            public["attendance"].as_array().is_some_and(Vec::is_empty),
            "approved is not yet public"
        );
        let published = minutes_transition(&app, &sec, "publishMinutes", &approved).await;
        assert_eq!(published["minutesStatus"], "PUBLISHED");
        let listed = app
            .gql_ok(
                None,
                "query { meetings(minutesStatus: PUBLISHED) { totalCount nodes { code approvalSak { code title } } } }",
                json!({}),
            )
            .await;
        assert_eq!(
            listed["meetings"],
            json!({ "totalCount": 1, "nodes": [{ "code": "2/2025", "approvalSak": { "code": "32/3/2025", "title": "Godkjenning av referat fra møte 2/2025" } }] }),
            "only 2/2025's minutes are published; 1/2025's are approved"
        );

        // Read back, as the public reads the published minutes.
        let m2 = meeting(&app, None, "2/2025").await;
        assert_eq!(m2["date"], "2025-05-21");
        assert_eq!(m2["startsAt"], "10:00:00");
        assert_eq!(m2["endsAt"], "15:00:00");
        assert_eq!(
            m2["location"],
            "Forskningsrådets lokaler, Drammensveien 288"
        );
        assert_eq!(m2["format"], "HYBRID");
        assert_eq!(m2["status"], "HELD");
        assert_eq!(m2["minutesSentOn"], "2025-06-02");
        assert_eq!(m2["commentDeadline"], "2025-06-10");
        assert_eq!(m2["minutesApprovedIn"]["code"], "3/2025");
        for s in paper["saker"].as_array().expect("saker") {
            let ours = sak_by_code(&m2, s["code"].as_str().unwrap_or(""));
            assert_eq!(ours["title"], s["title"], "{}", s["code"]);
            assert_eq!(ours["discussion"], s["discussion"], "{}", s["code"]);
            assert_eq!(ours["vedtak"], s["vedtak"], "{}", s["code"]);
            let presenters: Vec<&Value> = ours["presenters"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| &p["person"]["name"])
                .collect();
            let expected: Vec<&Value> = s["presenters"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| &p["person"])
                .collect();
            assert_eq!(presenters, expected, "{}", s["code"]);
        }
        assert_eq!(
            sak_by_code(&m2, "21/2/2025")["decisions"]
                .as_array()
                .map(Vec::len),
            Some(3),
            "sak 21/2/2025's vedtak holds three decisions"
        );
        assert_eq!(
            m2["habilitetStatement"],
            json!(["Det er ikke knyttet inhabilitet til noen av sakene på rådsmøtet."])
        );
        let attendance = m2["attendance"].as_array().expect("attendance");
        let count = |category: &str, present: bool| {
            attendance
                .iter()
                .filter(|a| a["category"] == category && (a["status"] != "ABSENT") == present)
                .count()
        };
        assert_eq!(count("MEMBER", true), 12, "til stede");
        assert_eq!(count("OBSERVER", true), 6, "observatører");
        assert_eq!(count("MEMBER", false), 4, "forfall");
        assert_eq!(count("SECRETARIAT", true), 5, "sekretariatet");
        let only_21: Vec<&Value> = attendance
            .iter()
            .filter(|a| !a["onlySakId"].is_null())
            .collect();
        assert_eq!(only_21.len(), 1);
        assert_eq!(only_21[0]["person"]["name"], "Hilde Grindvik Nielsen");
        assert_eq!(only_21[0]["onlySakId"], sak_by_code(&m2, "21/2/2025")["id"]);
        let follow_ups: Vec<Value> = m2["saker"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|s| s["followUps"].as_array().cloned().unwrap_or_default())
            .collect();
        assert_eq!(follow_ups.len(), 7);
        assert_eq!(
            follow_ups.iter().filter(|f| f["status"] == "OPEN").count(),
            6
        );
        let outstanding = app
            .gql_ok(
                Some(&sec),
                "query { meeting(code: \"3/2025\") { outstandingFollowUps { description } } }",
                json!({}),
            )
            .await;
        assert_eq!(
            outstanding["meeting"]["outstandingFollowUps"]
                .as_array()
                .map(Vec::len),
            Some(6)
        );
        let tracker = app
            .gql_ok(
                Some(&sec),
                "query { followUps(status: OPEN, first: 4) { totalCount pageInfo { hasNextPage endCursor } nodes { status sak { code } } } }",
                json!({}),
            )
            .await["followUps"]
            .clone();
        assert_eq!(tracker["totalCount"], 6);
        assert_eq!(tracker["pageInfo"]["hasNextPage"], true);
        let rest = app
            .gql_ok(
                Some(&sec),
                "query($a: String) { followUps(status: OPEN, first: 4, after: $a) { nodes { status } } }",
                json!({ "a": tracker["pageInfo"]["endCursor"] }),
            )
            .await;
        assert_eq!(rest["followUps"]["nodes"].as_array().map(Vec::len), Some(2));
        assert!(
            tracker["nodes"]
                .as_array()
                .is_some_and(|n| n.iter().all(|f| f["status"] == "OPEN"
                    && f["sak"]["code"]
                        .as_str()
                        .is_some_and(|c| c.ends_with("/2/2025"))))
        );
        let done = app
            .gql_ok(
                Some(&sec),
                "query { followUps(status: DONE) { totalCount } }",
                json!({}),
            )
            .await;
        assert_eq!(done["followUps"]["totalCount"], 1);
        let forbidden = app
            .gql(
                Some(&member),
                "query { followUps { totalCount } }",
                json!({}),
            )
            .await;
        assert_eq!(error_code(&forbidden), Some("FORBIDDEN"));
    }
);

both_backends!(
    approved_minutes_are_locked_until_reopened_and_the_reopening_is_logged,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let (m1, sak_id) = approved_meeting(&app, &sec).await;
        let m = meeting(&app, Some(&sec), &m1).await;
        let sak = sak_by_code(&m, &sak_id).clone();
        let refused = app
            .gql(
                Some(&sec),
                "mutation($i: UpdateSakInput!) { updateSak(input: $i) { sak { id } } }",
                json!({ "i": { "id": sak["id"], "version": sak["version"], "vedtak": "Endret" } }),
            )
            .await;
        assert_eq!(error_code(&refused), Some("CONFLICT"));
        assert!(
            refused["errors"][0]["message"]
                .as_str()
                .unwrap_or("")
                .contains("locked")
        );
        let reopened = app
            .gql_ok(
                Some(&sec),
                "mutation($id: ID!, $v: Int!) { reopenMinutes(meetingId: $id, version: $v, reason: \"Skrivefeil i sak 2\") { version minutesLocked minutesReopenReason } }",
                json!({ "id": m["id"], "v": m["version"] }),
            )
            .await["reopenMinutes"]
            .clone();
        assert_eq!(reopened["minutesLocked"], false);
        assert_eq!(reopened["minutesReopenReason"], "Skrivefeil i sak 2");
        let fixed = update_sak(
            &app,
            &sec,
            json!({ "id": sak["id"], "version": sak["version"], "vedtak": "Rettet vedtak." }),
        )
        .await;
        assert_eq!(fixed["vedtak"], "Rettet vedtak.");
        let locked = app
            .gql_ok(
                Some(&sec),
                "mutation($id: ID!, $v: Int!) { lockMinutes(meetingId: $id, version: $v) { minutesLocked } }",
                json!({ "id": m["id"], "v": reopened["version"] }),
            )
            .await;
        assert_eq!(locked["lockMinutes"]["minutesLocked"], true);
        let log = app
            .gql_ok(
                Some(&sec),
                "query($id: ID!) { auditLog(entity: \"meeting\", entityId: $id, first: 100) { edges { node { field newValue } } } }",
                json!({ "id": m["id"] }),
            )
            .await;
        let reasons: Vec<&Value> = log["auditLog"]["edges"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["node"]["field"] == "minutes_reopen_reason")
            .map(|e| &e["node"]["newValue"])
            .collect();
        assert!(reasons.contains(&&json!("Skrivefeil i sak 2")), "{log}");
    }
);

/// A meeting (1/2025) whose minutes were approved by 1/… of a later meeting; returns its code
/// and the code of one of its saker.
async fn approved_meeting(app: &TestApp, sec: &str) -> (String, String) {
    let m1 = create_meeting(
        app,
        sec,
        json!({ "date": "2025-03-12", "format": "PHYSICAL" }),
    )
    .await;
    let (m1, _) = publish_notice(app, sec, &m1).await;
    let m1 = transition(app, sec, "markMeetingHeld", &m1).await;
    let m1 = minutes_transition(app, sec, "startMinutes", &m1).await;
    let m1 = app
        .gql_ok(
            Some(sec),
            "mutation($id: ID!, $v: Int!) { sendMinutesForComments(meetingId: $id, version: $v, sentOn: \"2025-03-14\", commentDeadline: \"2025-03-21\") { id version } }",
            json!({ "id": m1["id"], "v": m1["version"] }),
        )
        .await["sendMinutesForComments"]
        .clone();
    let m2 = create_meeting(
        app,
        sec,
        json!({ "date": "2025-05-21", "format": "PHYSICAL" }),
    )
    .await;
    publish_notice(app, sec, &m2).await;
    let approve = m2["saker"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["standingKind"] == "APPROVE_MINUTES"))
        .cloned()
        .expect("approval sak");
    app.gql_ok(
        Some(sec),
        "mutation($s: ID!, $v: Int!) { approveMinutes(sakId: $s, version: $v) { id } }",
        json!({ "s": approve["id"], "v": m1["version"] }),
    )
    .await;
    ("1/2025".into(), "2/1/2025".into())
}

/// A meeting transition (`id`, `version`) as a mutation.
fn tx(name: &str) -> String {
    format!("mutation($id: ID!, $v: Int!) {{ {name}(id: $id, version: $v) {{ id }} }}")
}

/// A minutes transition (`meetingId`, `version`) as a mutation.
fn mtx(name: &str) -> String {
    format!("mutation($id: ID!, $v: Int!) {{ {name}(meetingId: $id, version: $v) {{ id }} }}")
}

const PUBLISH_NOTICE: &str =
    "mutation($id: ID!, $v: Int!) { publishNotice(id: $id, version: $v) { meeting { id } } }";

const SEND_FOR_COMMENTS: &str = "mutation($id: ID!, $v: Int!) { sendMinutesForComments(meetingId: $id, version: $v, commentDeadline: \"2025-04-01\", sentOn: \"2025-03-20\") { id } }";

/// Asserts a CONFLICT for an illegal transition, and that the meeting did not change.
async fn refused(app: &TestApp, tok: &str, query: &str, vars: Value, code: &str) {
    let before = meeting(app, Some(tok), code).await;
    let res = app.gql(Some(tok), query, vars).await;
    assert_eq!(error_code(&res), Some("CONFLICT"), "{query}: {res}");
    let message = res["errors"][0]["message"].as_str().unwrap_or("");
    assert!(message.starts_with("Illegal transition:"), "{message}");
    let after = meeting(app, Some(tok), code).await;
    assert_eq!(
        before["version"], after["version"],
        "{query} changed the meeting"
    );
    assert_eq!(before["status"], after["status"]);
    assert_eq!(before["minutesStatus"], after["minutesStatus"]);
}

both_backends!(
    every_illegal_transition_is_refused_with_a_conflict_and_changes_nothing,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let send = SEND_FOR_COMMENTS;
        let reopen = "mutation($id: ID!, $v: Int!) { reopenMinutes(meetingId: $id, version: $v, reason: \"x\") { id } }";

        // Planned.
        let m = create_meeting(
            &app,
            &sec,
            json!({ "date": "2025-03-12", "format": "PHYSICAL" }),
        )
        .await;
        let v = |m: &Value| json!({ "id": m["id"], "v": m["version"] });
        for q in [
            tx("markMeetingHeld"),
            mtx("startMinutes"),
            send.to_owned(),
            mtx("publishMinutes"),
            reopen.to_owned(),
            mtx("lockMinutes"),
        ] {
            refused(&app, &sec, &q, v(&m), "1/2025").await;
        }
        // Notice published.
        let (m, _) = publish_notice(&app, &sec, &m).await;
        let publish_again = PUBLISH_NOTICE.to_owned();
        for q in [publish_again.clone(), mtx("startMinutes"), send.to_owned()] {
            refused(&app, &sec, &q, v(&m), "1/2025").await;
        }
        // Held, no minutes.
        let m = transition(&app, &sec, "markMeetingHeld", &m).await;
        for q in [
            tx("markMeetingHeld"),
            tx("cancelMeeting"),
            publish_again.clone(),
            send.to_owned(),
            mtx("publishMinutes"),
        ] {
            refused(&app, &sec, &q, v(&m), "1/2025").await;
        }
        // Draft: cannot be approved or published before it is sent for comments.
        let m = minutes_transition(&app, &sec, "startMinutes", &m).await;
        for q in [
            mtx("startMinutes"),
            mtx("publishMinutes"),
            reopen.to_owned(),
        ] {
            refused(&app, &sec, &q, v(&m), "1/2025").await;
        }
        let m2 = create_meeting(
            &app,
            &sec,
            json!({ "date": "2025-05-21", "format": "PHYSICAL" }),
        )
        .await;
        let approve =
            "mutation($s: ID!, $v: Int!) { approveMinutes(sakId: $s, version: $v) { id } }";
        let approval_sak = m2["saker"]
            .as_array()
            .and_then(|s| s.iter().find(|s| s["standingKind"] == "APPROVE_MINUTES"))
            .cloned()
            .expect("approval sak");
        refused(
            &app,
            &sec,
            approve,
            json!({ "s": approval_sak["id"], "v": m["version"] }),
            "1/2025",
        )
        .await;
        // Sent: approval needs a later meeting that takes place (not a planned one).
        app.gql_ok(Some(&sec), send, v(&m)).await;
        let m = meeting(&app, Some(&sec), "1/2025").await;
        refused(
            &app,
            &sec,
            approve,
            json!({ "s": approval_sak["id"], "v": m["version"] }),
            "1/2025",
        )
        .await;
        for q in [send.to_owned(), mtx("publishMinutes")] {
            refused(&app, &sec, &q, v(&m), "1/2025").await;
        }
        // Cancelled: keeps its history and refuses further changes.
        let m3 = create_meeting(
            &app,
            &sec,
            json!({ "date": "2025-09-17", "format": "PHYSICAL" }),
        )
        .await;
        let m3 = transition(&app, &sec, "cancelMeeting", &m3).await;
        assert_eq!(m3["status"], "CANCELLED");
        for q in [
            tx("cancelMeeting"),
            publish_again.clone(),
            tx("markMeetingHeld"),
        ] {
            refused(&app, &sec, &q, v(&m3), "3/2025").await;
        }
        let kept = meeting(&app, Some(&sec), "3/2025").await;
        assert_eq!(
            kept["saker"].as_array().map(Vec::len),
            Some(6),
            "the cancelled agenda is kept"
        );
        let add = app
            .gql(
                Some(&sec),
                "mutation($i: CreateSakInput!) { createSak(input: $i) { sak { id } } }",
                json!({ "i": { "meetingId": m3["id"], "title": "Ny sak" } }),
            )
            .await;
        assert_eq!(error_code(&add), Some("CONFLICT"));
        // A meeting in the future cannot be marked as held.
        let future = create_meeting(
            &app,
            &sec,
            json!({ "date": "2199-01-10", "format": "DIGITAL" }),
        )
        .await;
        let (future, warnings) = publish_notice(&app, &sec, &future).await;
        assert_eq!(warnings, json!([]), "a notice well ahead has no warning");
        refused(&app, &sec, &tx("markMeetingHeld"), v(&future), "1/2199").await;
    }
);

both_backends!(
    approved_and_published_minutes_refuse_every_transition_but_their_next,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let (code, _) = approved_meeting(&app, &sec).await;
        let later = meeting(&app, Some(&sec), "2/2025").await;
        let approval = later["saker"]
            .as_array()
            .and_then(|s| s.iter().find(|s| s["standingKind"] == "APPROVE_MINUTES"))
            .cloned()
            .expect("approval sak");
        let send = SEND_FOR_COMMENTS;
        let approve =
            "mutation($v: Int!, $s: ID!) { approveMinutes(sakId: $s, version: $v) { id } }";
        let attempts = [
            mtx("startMinutes"),
            send.to_owned(),
            approve.to_owned(),
            mtx("lockMinutes"),
            tx("markMeetingHeld"),
            tx("cancelMeeting"),
            PUBLISH_NOTICE.to_owned(),
        ];
        let m = meeting(&app, Some(&sec), &code).await;
        assert_eq!(m["minutesStatus"], "APPROVED");
        let vars = |m: &Value| json!({ "id": m["id"], "v": m["version"], "s": approval["id"] });
        for q in &attempts {
            refused(&app, &sec, q, vars(&m), &code).await;
        }
        let m = minutes_transition(&app, &sec, "publishMinutes", &m).await;
        assert_eq!(m["minutesStatus"], "PUBLISHED");
        for q in attempts.iter().chain([&mtx("publishMinutes")]) {
            refused(&app, &sec, q, vars(&m), &code).await;
        }
    }
);

both_backends!(
    each_role_sees_what_the_meeting_status_allows,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let member = app.user(UserRole::Member, None).await;
        let observer = app.user(UserRole::Observer, None).await;
        let q = "query { meeting(code: \"1/2025\") { code saker { code proposedVedtak vedtak } attendance { id } } }";
        // (what the role sees of the meeting, whether it sees the minutes)
        let view = |res: &Value| {
            let m = &res["data"]["meeting"];
            if m.is_null() {
                return (false, false);
            }
            let minutes = m["saker"][0]["vedtak"].is_string();
            (true, minutes)
        };
        let check = |label: &'static str, expected: [(bool, bool); 4]| {
            let app = &app;
            let (sec, member, observer) = (sec.clone(), member.clone(), observer.clone());
            async move {
                let mut got = Vec::new();
                for tok in [
                    Some(sec.as_str()),
                    Some(member.as_str()),
                    Some(observer.as_str()),
                    None,
                ] {
                    got.push(view(&app.gql(tok, q, json!({})).await));
                }
                assert_eq!(
                    got,
                    expected.to_vec(),
                    "at {label}: secretariat, member, observer, public"
                );
            }
        };
        let m = create_meeting(
            &app,
            &sec,
            json!({ "date": "2025-03-12", "format": "PHYSICAL" }),
        )
        .await;
        let first = &m["saker"][0];
        let m = {
            update_sak(
                &app,
                &sec,
                json!({ "id": first["id"], "version": first["version"], "vedtak": "Vedtatt." }),
            )
            .await;
            meeting(&app, Some(&sec), "1/2025").await
        };
        check(
            "planned",
            [(true, true), (false, false), (false, false), (false, false)],
        )
        .await;
        let (m, _) = publish_notice(&app, &sec, &m).await;
        check(
            "notice published",
            [(true, true), (true, false), (true, false), (true, false)],
        )
        .await;
        let m = transition(&app, &sec, "markMeetingHeld", &m).await;
        check(
            "held",
            [(true, true), (true, false), (true, false), (true, false)],
        )
        .await;
        let m = minutes_transition(&app, &sec, "startMinutes", &m).await;
        check(
            "draft minutes",
            [(true, true), (true, false), (true, false), (true, false)],
        )
        .await;
        let m = app
            .gql_ok(
                Some(&sec),
                "mutation($id: ID!, $v: Int!) { sendMinutesForComments(meetingId: $id, version: $v, sentOn: \"2025-03-14\", commentDeadline: \"2025-03-21\") { id version } }",
                json!({ "id": m["id"], "v": m["version"] }),
            )
            .await["sendMinutesForComments"]
            .clone();
        check(
            "sent for comments",
            [(true, true), (true, true), (true, false), (true, false)],
        )
        .await;
        let m2 = create_meeting(
            &app,
            &sec,
            json!({ "date": "2025-05-21", "format": "PHYSICAL" }),
        )
        .await;
        publish_notice(&app, &sec, &m2).await;
        let approval = m2["saker"]
            .as_array()
            .and_then(|s| s.iter().find(|s| s["standingKind"] == "APPROVE_MINUTES"))
            .cloned()
            .expect("approval sak");
        let m = app
            .gql_ok(
                Some(&sec),
                "mutation($s: ID!, $v: Int!) { approveMinutes(sakId: $s, version: $v) { id version } }",
                json!({ "s": approval["id"], "v": m["version"] }),
            )
            .await["approveMinutes"]
            .clone();
        check(
            "approved",
            [(true, true), (true, true), (true, true), (true, false)],
        )
        .await;
        minutes_transition(&app, &sec, "publishMinutes", &m).await;
        check(
            "published",
            [(true, true), (true, true), (true, true), (true, true)],
        )
        .await;
    }
);

both_backends!(
    the_meeting_page_costs_at_most_eight_sql_statements_however_large,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let m = create_meeting(&app, &sec, json!({ "date": "2025-05-21", "format": "PHYSICAL", "optionalItems": ["OUTSTANDING_ITEMS", "ONGOING_STATUS", "POLICY_OVERVIEW"] })).await;
        let mut people = Vec::new();
        for i in 0..6 {
            people.push(create_person(&app, &sec, &format!("Person {i}")).await);
        }
        for s in m["saker"].as_array().expect("saker") {
            app.gql_ok(Some(&sec), "mutation($s: ID!, $p: [ID!]!) { setCaseOfficers(sakId: $s, personIds: $p) { id } }", json!({ "s": s["id"], "p": [people[0], people[1]] })).await;
            app.gql_ok(Some(&sec), "mutation($i: AddAttachmentInput!) { addAttachment(input: $i) { id } }", json!({ "i": { "sakId": s["id"], "title": "Vedlegg", "url": "https://www.forskningsradet.no/" } })).await;
        }
        let entries: Vec<Value> = people
            .iter()
            .map(|p| json!({ "personId": p, "category": "MEMBER", "status": "PRESENT" }))
            .collect();
        app.gql_ok(Some(&sec), "mutation($id: ID!, $e: [AttendanceInput!]!) { recordAttendance(meetingId: $id, entries: $e) { id } }", json!({ "id": m["id"], "e": entries })).await;
        let page = "query { meeting(code: \"1/2025\") { code saker { code title caseOfficers { name } attachments { title } habilitet { outcome } } attendance { status person { name } } } }";
        let before = app.state.db.statement_count();
        let d = app.gql_ok(Some(&sec), page, json!({})).await;
        let used = app.state.db.statement_count() - before;
        assert_eq!(d["meeting"]["saker"].as_array().map(Vec::len), Some(9));
        // Eight for the page, and one for the viewer's account behind the token.
        assert!(used <= 9, "the meeting page took {used} statements");
    }
);
