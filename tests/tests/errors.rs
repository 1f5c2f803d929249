//! Errors and logs (SECURITY.md items 9–11): every error has a code, internal errors leak
//! nothing but a request id, a panic is a 500 that the server survives, and security events
//! are logged with time, actor, address and request id but never with a secret.
use std::{
    io::Write,
    net::SocketAddr,
    sync::{Arc, Mutex, OnceLock},
};

use axum::{Router, routing::get};
use chrono::Utc;
use entity::{affiliation, enums::UserRole, login_throttle, organisation, person};
use motebok::{
    auth::{policy::system_write, throttle},
    config::Config,
    error::AppError,
    service::users::{NewUser, create},
    startup::with_layers,
};
use motebok_tests::{Backend, MEMBER_PASSWORD, TestApp, both_backends, error_code};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, PaginatorTrait, Set};
use serde_json::{Value, json};
use tracing_subscriber::fmt::MakeWriter;

both_backends!(every_error_carries_a_code, |backend: Backend| async move {
    let app = TestApp::spawn(backend).await;
    let cases = [
        ("{ nope }", json!({})),
        ("{ me { id ", json!({})),
        (
            "query($n: Int!) { meetings(first: $n) { totalCount } }",
            json!({ "n": "many" }),
        ),
        (
            "query($n: Int!) { meetings(first: $n) { totalCount } }",
            json!({}),
        ),
        ("{ meetings(first: 1000) { totalCount } }", json!({})),
        ("{ meeting(id: \"abc\") { id } }", json!({})),
        ("{ meeting(code: \"not a code\") { id } }", json!({})),
        ("{ sak(code: \"99\") { id } }", json!({})),
        ("{ apiTokens { id } }", json!({})),
        ("mutation { revokeApiToken(id: \"1\") { id } }", json!({})),
        ("query A { __typename } query B { __typename }", json!({})),
    ];

    for (query, variables) in cases {
        let res = app.gql(None, query, variables).await;
        let errors = res["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("no errors: {query} {res}"));
        for e in errors {
            let code = e["extensions"]["code"].as_str().unwrap_or_default();
            assert!(
                !code.is_empty() && code.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
                "{query}: {e}"
            );
        }
    }
    let unauth = app.gql(None, "{ apiTokens { id } }", json!({})).await;
    assert_eq!(error_code(&unauth), Some("UNAUTHENTICATED"));
    let bad_first = app
        .gql(None, "{ meetings(first: 1000) { totalCount } }", json!({}))
        .await;
    assert_eq!(error_code(&bad_first), Some("VALIDATION"));
    assert_eq!(bad_first["errors"][0]["extensions"]["field"], "first");
});

both_backends!(
    an_internal_error_says_only_internal_and_its_request_id,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let drop = match backend {
            Backend::Sqlite => "DROP TABLE meeting",
            Backend::Postgres => "DROP TABLE meeting CASCADE",
        };
        app.state.db.write.execute_unprepared(drop).await.unwrap();

        let res = app
            .client
            .post(app.url("/graphql"))
            .bearer_auth(&token)
            .json(&json!({ "query": "{ meetings { totalCount } }" }))
            .send()
            .await
            .unwrap();
        let request_id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
        let text = res.text().await.unwrap();
        let body: Value = serde_json::from_str(&text).unwrap();

        assert_eq!(error_code(&body), Some("INTERNAL"), "{text}");
        assert_eq!(body["errors"][0]["message"], "Internal error");
        assert_eq!(
            body["errors"][0]["extensions"]["requestId"],
            request_id.as_str()
        );
        let lower = text.to_lowercase();
        for leak in [
            "select",
            "from ",
            "no such table",
            "relation",
            "does not exist",
            "sqlx",
            "sqlite",
            "postgres",
            "database",
            "\"meeting\"",
            "panicked",
            ".rs:",
        ] {
            assert!(!lower.contains(leak), "the response leaks {leak:?}: {text}");
        }
        // The server still answers what does not need the table.
        let me = app.gql_ok(Some(&token), "{ me { id } }", json!({})).await;
        assert!(me["me"]["id"].is_string());
    }
);

both_backends!(
    a_foreign_key_refusal_is_a_validation_error_on_both_databases,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let db = &app.state.db.write;
        let now = Utc::now();
        let org = organisation::ActiveModel {
            name: Set("Helsedirektoratet".into()),
            version: Set(1),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
        let person = person::ActiveModel {
            name: Set("Bjørn Guldvog".into()),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
        let affiliation = |organisation_id: i32| affiliation::ActiveModel {
            person_id: Set(person.id),
            organisation_id: Set(organisation_id),
            created_at: Set(now),
            ..Default::default()
        };
        affiliation(org.id).insert(db).await.unwrap();

        // ON DELETE RESTRICT: SQLite says SQLITE_CONSTRAINT_TRIGGER (1811), PostgreSQL 23503.
        let restricted = organisation::Entity::delete_by_id(org.id)
            .exec(db)
            .await
            .expect_err("the organisation is still in use");
        // A missing parent: SQLite says SQLITE_CONSTRAINT_FOREIGNKEY (787), PostgreSQL 23503.
        let dangling = affiliation(org.id + 1000)
            .insert(db)
            .await
            .expect_err("no such organisation");

        for (what, e) in [("restrict", restricted), ("dangling", dangling)] {
            let e = AppError::from(e);
            assert_eq!(e.code(), "VALIDATION", "{what}: {e:?}");
            assert!(matches!(&e, AppError::Validation { field, .. } if field == "id"));
        }
        assert_eq!(organisation::Entity::find().count(db).await.unwrap(), 1);
    }
);

async fn boom() -> &'static str {
    panic!("secret detail in a panic")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panicking_handler_answers_500_and_the_server_keeps_serving() {
    let config = Config::from_vars(&[]).unwrap();
    let routes = Router::new()
        .route("/boom", get(boom))
        .route("/fine", get(|| async { "fine" }));
    let app = with_layers(routes, &config);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
    });
    let client = reqwest::Client::new();

    let boom = client.get(format!("{base}/boom")).send().await.unwrap();
    let status = boom.status();
    let headers = boom.headers().clone();
    let text = boom.text().await.unwrap();
    let again = client
        .get(format!("{base}/boom"))
        .send()
        .await
        .unwrap()
        .status();
    let fine = client.get(format!("{base}/fine")).send().await.unwrap();

    assert_eq!(status, 500);
    let body: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(error_code(&body), Some("INTERNAL"));
    assert!(!text.contains("secret detail"), "{text}");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(again, 500);
    assert_eq!(fine.status(), 200);
    assert_eq!(fine.text().await.unwrap(), "fine");
}

/// Every log line of this test binary, as the JSON a log shipper would get.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

struct CapturedWriter(Arc<Mutex<Vec<u8>>>);

impl Write for CapturedWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = CapturedWriter;
    fn make_writer(&'a self) -> Self::Writer {
        CapturedWriter(self.0.clone())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(|e| e.into_inner())).into_owned()
    }

    fn lines(&self) -> Vec<Value> {
        self.text()
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }
}

fn logs() -> &'static Captured {
    static LOGS: OnceLock<Captured> = OnceLock::new();
    LOGS.get_or_init(|| {
        let captured = Captured::default();
        // Everything the app says, down to debug: a secret must not hide at any level.
        let subscriber = tracing_subscriber::fmt()
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_env_filter("debug,sqlx=info,hyper=info,hyper_util=info,reqwest=info,h2=info")
            .with_writer(captured.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber)
            .expect("one subscriber per test binary");
        captured
    })
}

both_backends!(
    security_events_are_logged_with_time_actor_address_and_request_id_and_no_secret,
    |backend: Backend| async move {
        let logs = logs();
        let app = TestApp::spawn_with(backend, &[("MOTEBOK_TRUSTED_PROXIES", "127.0.0.1")]).await;
        // Each run speaks from its own address, so the two backends' lines do not mix.
        let ip = match backend {
            Backend::Sqlite => "192.0.2.77",
            Backend::Postgres => "192.0.2.78",
        };
        let wrong_password = "Hemmelig-Passord-42!";
        let email = format!("{}@example.no", uuid::Uuid::new_v4().simple());
        let user = create(
            &app.state.db.write,
            &system_write("test"),
            NewUser {
                email: email.clone(),
                display_name: "Logg Testesen".into(),
                role: UserRole::Secretariat,
                password: "sekretariat-passord-123".into(),
                person_id: None,
            },
        )
        .await
        .unwrap();
        let client = reqwest::Client::new();
        let post = |path: &str| client.post(app.url(path)).header("x-forwarded-for", ip);

        post("/auth/login")
            .json(&json!({ "email": email, "password": wrong_password }))
            .send()
            .await
            .unwrap();
        let login = post("/auth/login")
            .json(&json!({ "email": email, "password": "sekretariat-passord-123" }))
            .send()
            .await
            .unwrap();
        let refresh_cookie = login.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let access: Value = login.json().await.unwrap();
        let access = access["accessToken"].as_str().unwrap().to_owned();
        let gql = |token: &str, query: &str, variables: Value| {
            post("/graphql")
                .header("authorization", format!("Bearer {token}"))
                .json(&json!({ "query": query, "variables": variables }))
                .send()
        };
        gql("eyJ-bogus-token-value", "{ me { id } }", json!({}))
            .await
            .unwrap();
        let aliases = (0..16)
            .map(|i| format!("a{i}: __typename"))
            .collect::<Vec<_>>()
            .join(" ");
        gql(&access, &format!("{{ {aliases} }}"), json!({}))
            .await
            .unwrap();
        let created: Value = gql(
            &access,
            "mutation { createApiToken(input: { name: \"logg\", scopes: [\"read\"] }) { token apiToken { id } } }",
            json!({}),
        )
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
        let api_token = created["data"]["createApiToken"]["token"]
            .as_str()
            .unwrap()
            .to_owned();
        gql(&api_token, "{ me { id } }", json!({})).await.unwrap();
        gql(
            &access,
            "mutation($id: ID!) { revokeApiToken(id: $id) { id } }",
            json!({ "id": created["data"]["createApiToken"]["apiToken"]["id"] }),
        )
        .await
        .unwrap();
        post("/auth/logout")
            .header("cookie", &refresh_cookie)
            .send()
            .await
            .unwrap();
        // Thirty failures take a while to type; the count is what matters.
        login_throttle::Entity::delete_by_id(throttle::address_key(ip))
            .exec(&app.state.db.write)
            .await
            .unwrap();
        login_throttle::ActiveModel {
            key: Set(throttle::address_key(ip)),
            window_started_at: Set(Utc::now()),
            failures: Set(throttle::MAX_FAILURES_PER_ADDRESS),
            blocked_until: Set(None),
        }
        .insert(&app.state.db.write)
        .await
        .unwrap();
        post("/auth/login")
            .json(&json!({ "email": email, "password": wrong_password }))
            .send()
            .await
            .unwrap();

        let lines = logs.lines();
        let ours: Vec<&Value> = lines
            .iter()
            .filter(|l| l["span"]["ip"] == ip || l["ip"] == ip)
            .collect();
        for (event, actor) in [
            ("auth.login_failed", true),
            ("auth.login", true),
            ("auth.token_rejected", false),
            ("graphql.limit", true),
            ("auth.api_token_created", true),
            ("auth.token_revoked", true),
            ("auth.logout", true),
            ("auth.rate_limited", false),
        ] {
            let line = ours
                .iter()
                .find(|l| l["event"] == event)
                .unwrap_or_else(|| panic!("no {event} line from {ip}"));
            assert!(line["timestamp"].is_string(), "{event}: {line}");
            assert!(
                line["span"]["request_id"]
                    .as_str()
                    .is_some_and(|id| id.len() >= 32),
                "{event}: {line}"
            );
            if actor {
                let id = line["user_id"]
                    .as_i64()
                    .or(line["span"]["user_id"].as_i64());
                assert_eq!(
                    id,
                    Some(i64::from(user.id)),
                    "{event} names no actor: {line}"
                );
            }
        }
        let text = logs.text();
        let refresh_value = refresh_cookie.trim_start_matches("motebok_refresh=");
        for secret in [
            wrong_password,
            "sekretariat-passord-123",
            MEMBER_PASSWORD,
            access.as_str(),
            access.split('.').nth(2).unwrap_or("-"),
            refresh_value,
            api_token.as_str(),
            &api_token[12..],
            "eyJ-bogus-token-value",
            "Bearer ",
        ] {
            assert!(!text.contains(secret), "the log holds a secret: {secret}");
        }
    }
);
