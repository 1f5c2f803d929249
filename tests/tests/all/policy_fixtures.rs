//! Shared arrangements for the consultations, working-group and feed tests, all through the
//! API: policy documents, rounds, meetings with a sak, tokens.

use chrono::NaiveDate;
use motebok_tests::TestApp;
use serde_json::{Value, json};

pub const CREATE_DOCUMENT: &str = "mutation($input: CreatePolicyDocumentInput!) {
  createPolicyDocument(input: $input) { id version title onOverview overviewPosition
    launch { date text sortDate precision postponed } } }";

pub const ADD_ROUND: &str = "mutation($input: AddConsultationRoundInput!) {
  addConsultationRound(input: $input) { id version kind deadline responseStatus flags
    consultationDays open withdrawn } }";

pub const UPDATE_ROUND: &str = "mutation($input: UpdateConsultationRoundInput!) {
  updateConsultationRound(input: $input) { id version deadline responseStatus flags withdrawn
    workingGroup { id name } } }";

pub const CREATE_GROUP: &str = "mutation($input: CreateWorkingGroupInput!) {
  createWorkingGroup(input: $input) { id version name status
    members { id role placeholder displayName startsOn endsOn person { id name } } } }";

/// Today in Norway, as the server counts it.
pub fn today() -> NaiveDate {
    motebok::service::consultations::oslo_today()
}

pub fn day(offset: i64) -> String {
    (today() + chrono::Duration::days(offset)).to_string()
}

pub async fn create_document(app: &TestApp, token: &str, input: Value) -> Value {
    let data = app
        .gql_ok(Some(token), CREATE_DOCUMENT, json!({ "input": input }))
        .await;
    data["createPolicyDocument"].clone()
}

pub async fn add_round(app: &TestApp, token: &str, input: Value) -> Value {
    let data = app
        .gql_ok(Some(token), ADD_ROUND, json!({ "input": input }))
        .await;
    data["addConsultationRound"].clone()
}

/// A document with one høring due on `deadline`.
pub async fn document_with_hoering(
    app: &TestApp,
    token: &str,
    title: &str,
    deadline: &str,
    extra: Value,
) -> (Value, Value) {
    let doc = create_document(app, token, json!({ "kind": "NOU", "title": title })).await;
    let mut input =
        json!({ "policyDocumentId": doc["id"], "kind": "HOERING", "deadline": deadline });
    if let (Some(i), Some(e)) = (input.as_object_mut(), extra.as_object()) {
        i.extend(e.clone());
    }
    let round = add_round(app, token, input).await;
    (doc, round)
}

/// An API token of the logged-in user with the given scopes; returns (secret, id).
pub async fn api_token(app: &TestApp, token: &str, scopes: &[&str]) -> (String, String) {
    let data = app
        .gql_ok(
            Some(token),
            "mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } } }",
            json!({ "input": { "name": "Kalender", "scopes": scopes } }),
        )
        .await;
    (
        data["createApiToken"]["token"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        data["createApiToken"]["apiToken"]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    )
}

/// A meeting on `date` (10:00–15:00) without the skeleton, and one sak on it.
/// Returns (meeting id, meeting version, sak id).
pub async fn meeting_with_sak(app: &TestApp, token: &str, date: &str) -> (String, i64, String) {
    let data = app
        .gql_ok(
            Some(token),
            "mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id version } } }",
            json!({ "input": { "date": date, "startsAt": "10:00:00", "endsAt": "15:00:00",
                "location": "Forskningsrådets lokaler, Drammensveien 288", "room": "møterom Hassel 2",
                "format": "HYBRID", "skeleton": false } }),
        )
        .await;
    let meeting = data["createMeeting"]["meeting"].clone();
    let sak = app
        .gql_ok(
            Some(token),
            "mutation($input: CreateSakInput!) { createSak(input: $input) { sak { id } } }",
            json!({ "input": { "meetingId": meeting["id"], "title": "Oversikt meldinger og strategier" } }),
        )
        .await;
    (
        meeting["id"].as_str().unwrap_or_default().to_owned(),
        meeting["version"].as_i64().unwrap_or_default(),
        sak["createSak"]["sak"]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    )
}

/// Publishes a meeting's notice; returns its new version.
pub async fn publish_notice(app: &TestApp, token: &str, meeting_id: &str, version: i64) -> i64 {
    let data = app
        .gql_ok(
            Some(token),
            "mutation($id: ID!, $v: Int!) { publishNotice(id: $id, version: $v) { meeting { version } } }",
            json!({ "id": meeting_id, "v": version }),
        )
        .await;
    data["publishNotice"]["meeting"]["version"]
        .as_i64()
        .unwrap_or_default()
}

/// A person, through the API; returns the id.
pub async fn person(app: &TestApp, token: &str, name: &str) -> String {
    let data = app
        .gql_ok(
            Some(token),
            "mutation($input: PersonInput!) { createPerson(input: $input) { id } }",
            json!({ "input": { "name": name } }),
        )
        .await;
    data["createPerson"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The rows of "Oversikt meldinger og strategier" (sak 34/3/2025, vedlegg 1) as extracted
/// from the council's papers, in the table's order.
pub fn sak34_table() -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../api/demo/helseomsorg21.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let data: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    data["policy_documents"]
        .as_array()
        .map(|docs| {
            docs.iter()
                .filter(|d| d["on_overview"] == true && d["decided_in_sak"] == "34/3/2025")
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// The demo file's snake_case enum value as the API's name.
pub fn api_enum(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_uppercase()
}

/// Enters one row of the papers' table through the API; returns the document.
pub async fn enter_row(app: &TestApp, token: &str, row: &Value, sak_id: Option<&str>) -> Value {
    let doc = create_document(
        app,
        token,
        json!({
            "kind": api_enum(&row["kind"]),
            "reference": row["reference"],
            "title": row["title"],
            "ministry": row["ministry"],
            "url": row["url"],
            "summary": row["summary"],
            "launchDate": row["launch_date"],
            "launchText": row["launch_text"],
            "followUpProposal": row["follow_up_proposal"],
            "decidedInSakId": sak_id,
        }),
    )
    .await;
    for r in row["rounds"].as_array().into_iter().flatten() {
        add_round(
            app,
            token,
            json!({
                "policyDocumentId": doc["id"],
                "kind": api_enum(&r["kind"]),
                "deadline": r["deadline"],
                "deadlineText": r["deadline_text"],
                "responseStatus": api_enum(&r["status"]),
                "sentOn": r["sent_on"],
                "responseUrl": r["response_url"],
                "note": r["note"],
            }),
        )
        .await;
    }
    doc
}
