//! Comments on draft minutes until the merknadsfrist, handled by the secretariat; files
//! attached to the minutes are seen with the minutes.
use entity::enums::UserRole;
use motebok::service::meetings::oslo_today;
use motebok_tests::{Backend, TestApp, both_backends, error_code};
use serde_json::{Value, json};

/// A held meeting on `date` whose minutes went out on `sent` with merknadsfrist `deadline`.
async fn minutes_out(app: &TestApp, sec: &str, date: &str, sent: &str, deadline: &str) -> Value {
    let m = app
        .gql_ok(
            Some(sec),
            "mutation($d: NaiveDate!) { createMeeting(input: { date: $d, format: PHYSICAL }) { meeting { id version } } }",
            json!({ "d": date }),
        )
        .await["createMeeting"]["meeting"]
        .clone();
    let step = |q: &'static str, m: Value| async move {
        let d = app
            .gql_ok(
                Some(sec),
                q,
                json!({ "id": m["id"], "v": m["version"], "s": sent, "d": deadline }),
            )
            .await;
        d.as_object()
            .and_then(|o| o.values().next().cloned())
            .unwrap_or_default()
    };
    let m = step("mutation($id: ID!, $v: Int!) { publishNotice(id: $id, version: $v) { meeting { id version } } }", m).await["meeting"].clone();
    let m = step(
        "mutation($id: ID!, $v: Int!) { markMeetingHeld(id: $id, version: $v) { id version } }",
        m,
    )
    .await;
    let m = step(
        "mutation($id: ID!, $v: Int!) { startMinutes(meetingId: $id, version: $v) { id version } }",
        m,
    )
    .await;
    step("mutation($id: ID!, $v: Int!, $s: NaiveDate, $d: NaiveDate!) { sendMinutesForComments(meetingId: $id, version: $v, sentOn: $s, commentDeadline: $d) { id version code saker { id } } }", m).await
}

async fn member(app: &TestApp, sec: &str, name: &str) -> (String, String) {
    let id = app
        .gql_ok(
            Some(sec),
            "mutation($n: String!) { createPerson(input: { name: $n }) { id } }",
            json!({ "n": name }),
        )
        .await["createPerson"]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let tok = app.user(UserRole::Member, id.parse().ok()).await;
    (id, tok)
}

const COMMENT: &str = "mutation($m: ID!, $s: ID, $t: String!) { addMinutesComment(meetingId: $m, sakId: $s, text: $t) { id version handled text sakId person { name } } }";

both_backends!(
    members_comment_until_the_merknadsfrist_and_the_secretariat_marks_comments_handled,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let (_, tok) = member(&app, &sec, "Marte Kvittum Tangen").await;
        let observer = app.user(UserRole::Observer, None).await;
        let today = oslo_today(chrono::Utc::now()).to_string();
        // The merknadsfrist is today: still open (the whole day counts).
        let m = minutes_out(&app, &sec, &today, &today, &today).await;
        let c = app
            .gql_ok(Some(&tok), COMMENT, json!({ "m": m["id"], "s": m["saker"][2]["id"], "t": "Data fra fastlegenes EPJ bør nevnes." }))
            .await["addMinutesComment"]
            .clone();
        assert_eq!(c["person"]["name"], "Marte Kvittum Tangen");
        assert_eq!(c["handled"], false);
        let obs = app
            .gql(
                Some(&observer),
                COMMENT,
                json!({ "m": m["id"], "t": "Hei" }),
            )
            .await;
        assert_eq!(
            error_code(&obs),
            Some("FORBIDDEN"),
            "observers do not comment"
        );
        let empty = app
            .gql(Some(&tok), COMMENT, json!({ "m": m["id"], "t": "   " }))
            .await;
        assert_eq!(empty["errors"][0]["extensions"]["field"], "text");
        let read =
            "query($c: String!) { meeting(code: $c) { comments { text handled handledNote } } }";
        let code = m["code"].as_str().expect("code").to_owned();
        assert_eq!(
            app.gql_ok(None, read, json!({ "c": code })).await["meeting"]["comments"],
            json!([])
        );
        assert_eq!(
            app.gql_ok(Some(&tok), read, json!({ "c": code })).await["meeting"]["comments"]
                .as_array()
                .map(Vec::len),
            Some(1)
        );
        let handle = "mutation($id: ID!, $v: Int!) { setCommentHandled(id: $id, version: $v, handled: true, note: \"Innarbeidet i referatet\") { handled handledNote version } }";
        let stale = app
            .gql(Some(&sec), handle, json!({ "id": c["id"], "v": 5 }))
            .await;
        assert_eq!(error_code(&stale), Some("CONFLICT"));
        let members_cannot = app
            .gql(
                Some(&tok),
                handle,
                json!({ "id": c["id"], "v": c["version"] }),
            )
            .await;
        assert_eq!(error_code(&members_cannot), Some("FORBIDDEN"));
        let done = app
            .gql_ok(
                Some(&sec),
                handle,
                json!({ "id": c["id"], "v": c["version"] }),
            )
            .await;
        assert_eq!(done["setCommentHandled"]["handled"], true);
        assert_eq!(
            app.gql_ok(Some(&sec), read, json!({ "c": code })).await["meeting"]["comments"],
            json!([{ "text": "Data fra fastlegenes EPJ bør nevnes.", "handled": true, "handledNote": "Innarbeidet i referatet" }])
        );
    }
);

both_backends!(
    a_comment_after_the_merknadsfrist_is_refused_but_one_received_in_time_can_be_recorded,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let (person, tok) = member(&app, &sec, "Tarje Bjørgum").await;
        let m = minutes_out(&app, &sec, "2025-05-21", "2025-06-02", "2025-06-10").await;
        let late = app
            .gql(
                Some(&tok),
                COMMENT,
                json!({ "m": m["id"], "t": "For sent" }),
            )
            .await;
        assert_eq!(error_code(&late), Some("CONFLICT"));
        assert!(
            late["errors"][0]["message"]
                .as_str()
                .unwrap_or("")
                .contains("2025-06-10")
        );
        let on_behalf = "mutation($m: ID!, $p: ID, $r: NaiveDate) { addMinutesComment(meetingId: $m, personId: $p, text: \"Per e-post\", receivedOn: $r) { id } }";
        app.gql_ok(
            Some(&sec),
            on_behalf,
            json!({ "m": m["id"], "p": person, "r": "2025-06-10" }),
        )
        .await;
        let after = app
            .gql(
                Some(&sec),
                on_behalf,
                json!({ "m": m["id"], "p": person, "r": "2025-06-11" }),
            )
            .await;
        assert_eq!(error_code(&after), Some("CONFLICT"));
        let before_sent = app
            .gql(
                Some(&sec),
                on_behalf,
                json!({ "m": m["id"], "p": person, "r": "2025-06-01" }),
            )
            .await;
        assert_eq!(
            before_sent["errors"][0]["extensions"]["field"],
            "receivedOn"
        );
        let members_cannot_backdate = app
            .gql(Some(&tok), "mutation($m: ID!) { addMinutesComment(meetingId: $m, text: \"x\", receivedOn: \"2025-06-05\") { id } }", json!({ "m": m["id"] }))
            .await;
        assert_eq!(
            members_cannot_backdate["errors"][0]["extensions"]["field"],
            "receivedOn"
        );
    }
);

both_backends!(
    presentations_attached_to_the_minutes_are_seen_with_the_minutes,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let m = minutes_out(&app, &sec, "2025-05-21", "2025-06-02", "2025-06-10").await;
        app.gql_ok(
            Some(&sec),
            "mutation($m: ID!) { addAttachment(input: { meetingId: $m, title: \"Presentasjon: Fagevaluering av medisin og helse\", url: \"https://www.forskningsradet.no/fagevaluering\" }) { number } }",
            json!({ "m": m["id"] }),
        )
        .await;
        let read = "query { meeting(code: \"1/2025\") { attachments { number title url } } }";
        let by_sec = app.gql_ok(Some(&sec), read, json!({})).await;
        assert_eq!(by_sec["meeting"]["attachments"][0]["number"], 1);
        assert_eq!(
            app.gql_ok(None, read, json!({})).await["meeting"]["attachments"],
            json!([]),
            "not public before publication"
        );
    }
);
