//! The server starts on both databases, answers health checks and serves GraphQL.
use motebok_tests::{Backend, TestApp, both_backends, error_code};
use serde_json::json;

both_backends!(health_and_readiness_answer, |backend: Backend| async move {
    let app = TestApp::spawn(backend).await;
    let health = app.client.get(app.url("/health")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    let ready = app.client.get(app.url("/ready")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.headers()["x-content-type-options"], "nosniff");
});

both_backends!(a_logged_in_user_sees_themselves_and_the_public_sees_nobody, |backend: Backend| async move {
    let app = TestApp::spawn(backend).await;
    let token = app.secretariat().await;
    let data = app.gql_ok(Some(&token), "{ me { name role scopes } }", json!({})).await;
    assert_eq!(data["me"]["role"], "SECRETARIAT");
    assert!(data["me"]["scopes"].is_null());
    let public = app.gql_ok(None, "{ me { name } }", json!({})).await;
    assert!(public["me"].is_null());
});

both_backends!(a_bad_token_is_unauthenticated, |backend: Backend| async move {
    let app = TestApp::spawn(backend).await;
    let res = app.gql(Some("not-a-token"), "{ me { name } }", json!({})).await;
    assert_eq!(error_code(&res), Some("UNAUTHENTICATED"));
});
