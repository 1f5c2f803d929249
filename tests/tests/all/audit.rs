//! The audit log through the API: who changed which field, when, from what to what;
//! filtered by entity, actor and period; for the secretariat only.
use entity::enums::UserRole;
use motebok_tests::{Backend, TestApp, both_backends, error_code};
use serde_json::{Value, json};

const LOG: &str = "query($e: String, $id: ID, $a: ID, $f: DateTime, $t: DateTime, $n: Int) { auditLog(entity: $e, entityId: $id, actorUserId: $a, from: $f, to: $t, first: $n) { totalCount pageInfo { hasNextPage } edges { node { entity entityId action field oldValue newValue actorLabel actorUserId at } } } }";

async fn my_id(app: &TestApp, tok: &str) -> Value {
    app.gql_ok(Some(tok), "{ me { id } }", json!({})).await["me"]["id"].clone()
}

both_backends!(
    the_secretariat_reads_who_changed_what_filtered_by_entity_actor_and_period,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let first = app.secretariat().await;
        let second = app.secretariat().await;
        let start = chrono::Utc::now() - chrono::Duration::seconds(1);
        let m = app
            .gql_ok(
                Some(&first),
                "mutation { createMeeting(input: { date: \"2025-05-21\", format: PHYSICAL }) { meeting { saker { id version } } } }",
                json!({}),
            )
            .await["createMeeting"]["meeting"]
            .clone();
        let sak = &m["saker"][0];
        app.gql_ok(
            Some(&second),
            "mutation($id: ID!, $v: Int!) { updateSak(input: { id: $id, version: $v, title: \"Godkjenning av innkalling og saksliste, revidert\" }) { sak { id } } }",
            json!({ "id": sak["id"], "v": sak["version"] }),
        )
        .await;
        let by_sak = app
            .gql_ok(Some(&first), LOG, json!({ "e": "sak", "id": sak["id"] }))
            .await["auditLog"]
            .clone();
        let edges = by_sak["edges"].as_array().expect("edges");
        let change = edges
            .iter()
            .find(|e| e["node"]["action"] == "UPDATE")
            .expect("the update");
        assert_eq!(change["node"]["field"], "title");
        assert_eq!(
            change["node"]["oldValue"],
            "Godkjenning av innkalling og saksliste"
        );
        assert_eq!(
            change["node"]["newValue"],
            "Godkjenning av innkalling og saksliste, revidert"
        );
        assert_eq!(change["node"]["actorUserId"], my_id(&app, &second).await);
        assert!(
            edges
                .iter()
                .any(|e| e["node"]["action"] == "CREATE" && e["node"]["field"] == "title")
        );
        let by_second = app
            .gql_ok(
                Some(&first),
                LOG,
                json!({ "a": my_id(&app, &second).await }),
            )
            .await["auditLog"]
            .clone();
        assert_eq!(by_second["totalCount"], 1, "{by_second}");
        let later = (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339();
        let none = app.gql_ok(Some(&first), LOG, json!({ "f": later })).await;
        assert_eq!(none["auditLog"]["totalCount"], 0);
        let earlier = app
            .gql_ok(Some(&first), LOG, json!({ "t": start.to_rfc3339() }))
            .await;
        let before_start = earlier["auditLog"]["edges"]
            .as_array()
            .map(Vec::len)
            .unwrap_or(0);
        assert!(
            earlier["auditLog"]["edges"]
                .as_array()
                .into_iter()
                .flatten()
                .all(|e| e["node"]["entity"] != "meeting"),
            "nothing of the meeting before it existed ({before_start} rows)"
        );
        let page = app
            .gql_ok(Some(&first), LOG, json!({ "e": "sak", "n": 2 }))
            .await;
        assert_eq!(page["auditLog"]["edges"].as_array().map(Vec::len), Some(2));
        assert_eq!(page["auditLog"]["pageInfo"]["hasNextPage"], true);
    }
);

both_backends!(
    only_the_secretariat_reads_the_audit_log_and_bad_filters_are_refused,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let member = app.user(UserRole::Member, None).await;
        assert_eq!(
            error_code(&app.gql(Some(&member), LOG, json!({})).await),
            Some("FORBIDDEN")
        );
        assert_eq!(
            error_code(&app.gql(None, LOG, json!({})).await),
            Some("UNAUTHENTICATED")
        );
        let res = app.gql(Some(&sec), LOG, json!({ "id": "1" })).await;
        assert_eq!(res["errors"][0]["extensions"]["field"], "entityId");
        let res = app.gql(Some(&sec), LOG, json!({ "n": -1 })).await;
        assert_eq!(res["errors"][0]["extensions"]["field"], "first");
        let res = app
            .gql(
                Some(&sec),
                LOG,
                json!({ "f": "2025-06-10T00:00:00Z", "t": "2025-06-01T00:00:00Z" }),
            )
            .await;
        assert_eq!(res["errors"][0]["extensions"]["field"], "to");
    }
);
