//! Login, refresh and logout (SECURITY.md items 14 and 15): answers that give nothing away,
//! throttling kept in the database, and refresh tokens that rotate, detect reuse and live
//! in a cookie page scripts cannot read.
use std::collections::HashMap;

use async_graphql::parser::{
    parse_schema,
    types::{BaseType, Type, TypeDefinition, TypeKind, TypeSystemDefinition},
};
use entity::{enums::UserRole, login_throttle, refresh_token, user_account};
use motebok::{
    auth::{password, policy::system_write, throttle},
    config::Config,
    service::users::{NewUser, create},
    startup::Application,
};
use motebok_tests::{Backend, MEMBER_PASSWORD, TestApp, TestDatabase, both_backends};
use reqwest::{StatusCode, header::HeaderMap};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use serde_json::{Value, json};

/// Loopback is our "proxy", so a test can speak from any address with X-Forwarded-For.
async fn spawn(backend: Backend) -> TestApp {
    TestApp::spawn_with(backend, &[("MOTEBOK_TRUSTED_PROXIES", "127.0.0.1")]).await
}

async fn account(app: &TestApp, role: UserRole) -> (i32, String) {
    let email = format!("{}@example.no", uuid::Uuid::new_v4().simple());
    let user = create(
        &app.state.db.write,
        &system_write("test"),
        NewUser {
            email: email.clone(),
            display_name: "Kari Nordmann".into(),
            role,
            password: MEMBER_PASSWORD.into(),
            person_id: None,
        },
    )
    .await
    .unwrap();
    (user.id, email)
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }

    /// The refresh token the answer sets, if any.
    fn refresh_cookie(&self) -> Option<String> {
        self.set_cookie()?
            .split(';')
            .next()?
            .strip_prefix("motebok_refresh=")
            .map(str::to_owned)
    }

    fn set_cookie(&self) -> Option<&str> {
        self.headers.get("set-cookie")?.to_str().ok()
    }
}

async fn answer(res: reqwest::Response) -> Answer {
    Answer {
        status: res.status(),
        headers: res.headers().clone(),
        body: res.text().await.unwrap(),
    }
}

/// A login from `ip`, with its own client so no cookie is carried over.
async fn login_from(base: &str, ip: &str, email: &str, password: &str) -> Answer {
    let res = reqwest::Client::new()
        .post(format!("{base}/auth/login"))
        .header("x-forwarded-for", ip)
        .json(&json!({ "email": email, "password": password }))
        .send()
        .await
        .unwrap();
    answer(res).await
}

async fn refresh_with(app: &TestApp, cookie: &str, origin: Option<&str>) -> Answer {
    cookie_post(app, "/auth/refresh", cookie, origin).await
}

async fn cookie_post(app: &TestApp, path: &str, cookie: &str, origin: Option<&str>) -> Answer {
    let mut req = reqwest::Client::new()
        .post(app.url(path))
        .header("cookie", format!("motebok_refresh={cookie}"));
    if let Some(o) = origin {
        req = req.header("origin", o);
    }
    answer(req.send().await.unwrap()).await
}

both_backends!(
    an_unknown_user_a_wrong_password_and_a_deactivated_account_get_byte_identical_answers,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let (_, known) = account(&app, UserRole::Member).await;
        let (gone_id, gone) = account(&app, UserRole::Member).await;
        user_account::Entity::update_many()
            .col_expr(user_account::Column::Active, Expr::value(false))
            .filter(user_account::Column::Id.eq(gone_id))
            .exec(&app.state.db.write)
            .await
            .unwrap();
        let dummy_before = password::dummy_verifications();

        let unknown =
            login_from(&app.base, "192.0.2.1", "nobody@example.no", MEMBER_PASSWORD).await;
        let dummy_after = password::dummy_verifications();
        let wrong = login_from(&app.base, "192.0.2.2", &known, "wrong-password-123").await;
        let deactivated = login_from(&app.base, "192.0.2.3", &gone, MEMBER_PASSWORD).await;

        assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
        for other in [&wrong, &deactivated] {
            assert_eq!(other.status, unknown.status);
            assert_eq!(other.body, unknown.body, "the bodies differ");
            assert_eq!(
                other.headers.get("content-type"),
                unknown.headers.get("content-type")
            );
            assert!(other.set_cookie().is_none());
        }
        // The unknown e-mail was checked against the dummy hash, as long as a real one takes.
        assert!(
            dummy_after > dummy_before,
            "no argon2 verification ran for the unknown user"
        );
        let right = login_from(&app.base, "192.0.2.2", &known, MEMBER_PASSWORD).await;
        assert_eq!(right.status, StatusCode::OK);
    }
);

both_backends!(
    too_many_attempts_from_one_address_are_rate_limited_even_in_a_burst,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let (_, real) = account(&app, UserRole::Member).await;

        // One at a time up to the limit …
        for i in 0..throttle::MAX_FAILURES_PER_ADDRESS {
            let a = login_from(
                &app.base,
                "198.51.100.1",
                &format!("guess{i}@example.no"),
                "x-password",
            )
            .await;
            assert_eq!(a.status, StatusCode::UNAUTHORIZED, "attempt {i}");
        }
        let limited = login_from(&app.base, "198.51.100.1", &real, MEMBER_PASSWORD).await;
        // … and a burst from another address, all at once.
        let burst = futures::future::join_all((0..45).map(|i| {
            let base = app.base.clone();
            async move {
                login_from(
                    &base,
                    "198.51.100.2",
                    &format!("burst{i}@example.no"),
                    "x-password",
                )
                .await
                .status
            }
        }))
        .await;

        assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(limited.json()["error"]["code"], "RATE_LIMITED");
        let tried = burst
            .iter()
            .filter(|s| **s == StatusCode::UNAUTHORIZED)
            .count();
        let refused = burst
            .iter()
            .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
            .count();
        assert_eq!(tried + refused, 45, "{burst:?}");
        assert!(
            tried <= throttle::MAX_FAILURES_PER_ADDRESS as usize,
            "{tried} guesses got through in a burst"
        );
        // Nobody else is limited by it.
        let elsewhere = login_from(&app.base, "198.51.100.3", &real, MEMBER_PASSWORD).await;
        assert_eq!(elsewhere.status, StatusCode::OK);
    }
);

both_backends!(
    an_attacker_elsewhere_slows_only_themselves_not_the_real_user,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let (_, email) = account(&app, UserRole::Member).await;
        let attacker = "203.0.113.66";

        let started = std::time::Instant::now();
        for _ in 0..=throttle::FREE_FAILURES_PER_ACCOUNT {
            let a = login_from(&app.base, attacker, &email, "not-the-password").await;
            assert_eq!(a.status, StatusCode::UNAUTHORIZED);
        }
        let attacker_with_the_password =
            login_from(&app.base, attacker, &email, MEMBER_PASSWORD).await;
        let fast_enough = started.elapsed() < std::time::Duration::from_secs(2);
        let real_user = login_from(&app.base, "192.0.2.44", &email, MEMBER_PASSWORD).await;

        // The first slow-down lasts 2 s; on a machine that took longer it has passed.
        if fast_enough {
            assert_eq!(attacker_with_the_password.status, StatusCode::UNAUTHORIZED);
        }
        assert_eq!(real_user.status, StatusCode::OK, "{}", real_user.body);
        let rows = login_throttle::Entity::find()
            .all(&app.state.db.read)
            .await
            .unwrap();
        let slowed = rows
            .iter()
            .find(|r| r.key == throttle::account_key(&email, attacker))
            .expect("the attacker's attempts are counted in the database");
        assert!(slowed.failures > throttle::FREE_FAILURES_PER_ACCOUNT);
        assert!(slowed.blocked_until.is_some());
        assert!(
            !rows
                .iter()
                .any(|r| r.key == throttle::account_key(&email, "192.0.2.44")),
            "the real user's success should leave no count behind"
        );
        assert!(
            !rows.iter().any(|r| r.key.contains(&email)),
            "e-mails are stored in clear"
        );
    }
);

both_backends!(
    two_servers_on_one_database_share_the_login_throttle,
    |backend: Backend| async move {
        let db = TestDatabase::new(backend).await;
        let mut bases = Vec::new();
        let mut state = None;
        for _ in 0..2 {
            let config = Config::from_vars(&[
                ("DATABASE_URL".into(), db.url.clone()),
                ("MOTEBOK_BIND".into(), "127.0.0.1:0".into()),
                ("MOTEBOK_TRUSTED_PROXIES".into(), "127.0.0.1".into()),
            ])
            .unwrap();
            let server = Application::build(config).await.unwrap();
            bases.push(format!("http://127.0.0.1:{}", server.port()));
            state.get_or_insert(server.state.clone());
            tokio::spawn(server.run());
        }

        for i in 0..throttle::MAX_FAILURES_PER_ADDRESS {
            let base = &bases[i as usize % 2];
            let a = login_from(
                base,
                "198.51.100.9",
                &format!("g{i}@example.no"),
                "x-password",
            )
            .await;
            assert_eq!(a.status, StatusCode::UNAUTHORIZED);
        }

        for base in &bases {
            let a = login_from(base, "198.51.100.9", "g@example.no", "x-password").await;
            assert_eq!(
                a.status,
                StatusCode::TOO_MANY_REQUESTS,
                "{base} did not see the other's count"
            );
        }
        let row = login_throttle::Entity::find_by_id(throttle::address_key("198.51.100.9"))
            .one(&state.unwrap().db.read)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.failures, throttle::MAX_FAILURES_PER_ADDRESS);
    }
);

both_backends!(
    the_refresh_cookie_is_http_only_same_site_strict_for_auth_only_and_secure_in_production,
    |backend: Backend| async move {
        let dev = spawn(backend).await;
        let (_, email) = account(&dev, UserRole::Member).await;
        let prod = TestApp::spawn_with(
            backend,
            &[
                ("MOTEBOK_ENV", "production"),
                (
                    "MOTEBOK_JWT_SECRET",
                    "3f8a2c9e71d04b6a5e2f8c1d9b7a3e6f0c4d8b2a6e1f9c3d7b5a0e4f8c2d6b1a",
                ),
            ],
        )
        .await;
        let (_, prod_email) = account(&prod, UserRole::Member).await;

        let in_dev = login_from(&dev.base, "192.0.2.1", &email, MEMBER_PASSWORD).await;
        let in_prod = login_from(&prod.base, "192.0.2.1", &prod_email, MEMBER_PASSWORD).await;

        for a in [&in_dev, &in_prod] {
            assert_eq!(a.status, StatusCode::OK);
            let cookie = a.set_cookie().unwrap();
            let attrs: Vec<&str> = cookie.split(';').map(str::trim).collect();
            assert!(attrs.contains(&"HttpOnly"), "{cookie}");
            assert!(attrs.contains(&"SameSite=Strict"), "{cookie}");
            assert!(attrs.contains(&"Path=/auth"), "{cookie}");
            assert!(
                a.refresh_cookie().is_some_and(|v| v.len() >= 22),
                "{cookie}"
            );
            // The refresh token is only in the cookie, never in the body scripts can read.
            assert!(!a.body.contains(&a.refresh_cookie().unwrap()));
        }
        assert!(!in_dev.set_cookie().unwrap().contains("Secure"));
        assert!(
            in_prod
                .set_cookie()
                .unwrap()
                .split(';')
                .any(|a| a.trim() == "Secure")
        );
    }
);

both_backends!(
    a_refresh_token_is_rotated_and_reusing_an_old_one_ends_the_whole_family,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let (user_id, email) = account(&app, UserRole::Member).await;
        let first = login_from(&app.base, "192.0.2.1", &email, MEMBER_PASSWORD)
            .await
            .refresh_cookie()
            .unwrap();

        let rotated = refresh_with(&app, &first, None).await;
        assert_eq!(rotated.status, StatusCode::OK);
        let second = rotated.refresh_cookie().unwrap();
        assert_ne!(first, second);
        let access = rotated.json()["accessToken"].as_str().unwrap().to_owned();
        assert!(app.gql_ok(Some(&access), "{ me { id } }", json!({})).await["me"].is_object());

        let replayed = refresh_with(&app, &first, None).await;
        let after_replay = refresh_with(&app, &second, None).await;

        assert_eq!(replayed.status, StatusCode::UNAUTHORIZED);
        assert_eq!(
            after_replay.status,
            StatusCode::UNAUTHORIZED,
            "the newer token survived reuse"
        );
        let rows = refresh_token::Entity::find()
            .filter(refresh_token::Column::UserId.eq(user_id))
            .all(&app.state.db.read)
            .await
            .unwrap();
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|r| r.revoked_at.is_some()));
        // Only hashes are stored.
        assert!(
            rows.iter()
                .all(|r| r.token_hash != first && r.token_hash != second)
        );
    }
);

both_backends!(
    a_session_ends_thirty_days_after_its_login_however_often_it_is_refreshed,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let (user_id, email) = account(&app, UserRole::Member).await;
        let mut cookie = login_from(&app.base, "192.0.2.1", &email, MEMBER_PASSWORD)
            .await
            .refresh_cookie()
            .unwrap();
        // The login happened `days` ago: every token of the session is dated back.
        let logged_in = |days: i64| {
            refresh_token::Entity::update_many()
                .col_expr(
                    refresh_token::Column::CreatedAt,
                    Expr::value(chrono::Utc::now() - chrono::Duration::days(days)),
                )
                .filter(refresh_token::Column::UserId.eq(user_id))
                .exec(&app.state.db.write)
        };

        logged_in(29).await.unwrap();
        let late = refresh_with(&app, &cookie, None).await;

        assert_eq!(late.status, StatusCode::OK);
        // The successor lives to the session's end (a day), not a fresh idle period.
        let max_age: i64 = late
            .set_cookie()
            .and_then(|c| c.split("Max-Age=").nth(1))
            .and_then(|v| v.split(';').next())
            .and_then(|v| v.parse().ok())
            .unwrap();
        assert!(max_age <= 86_400 && max_age > 86_000, "Max-Age={max_age}");
        let newest = refresh_token::Entity::find()
            .filter(refresh_token::Column::UsedAt.is_null())
            .filter(refresh_token::Column::UserId.eq(user_id))
            .one(&app.state.db.read)
            .await
            .unwrap()
            .unwrap();
        assert!(newest.expires_at <= chrono::Utc::now() + chrono::Duration::days(1));
        cookie = late.refresh_cookie().unwrap();

        logged_in(31).await.unwrap();
        let expired = refresh_with(&app, &cookie, None).await;

        assert_eq!(
            expired.status,
            StatusCode::UNAUTHORIZED,
            "a session outlived its absolute lifetime"
        );
        assert!(expired.refresh_cookie().is_none());
    }
);

both_backends!(
    one_refresh_token_sent_twice_at_once_yields_one_successor,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let (_, email) = account(&app, UserRole::Member).await;
        let cookie = login_from(&app.base, "192.0.2.1", &email, MEMBER_PASSWORD)
            .await
            .refresh_cookie()
            .unwrap();

        let answers =
            futures::future::join_all((0..6).map(|_| refresh_with(&app, &cookie, None))).await;

        let ok = answers
            .iter()
            .filter(|a| a.status == StatusCode::OK)
            .count();
        assert!(ok <= 1, "{ok} successors for one refresh token");
    }
);

both_backends!(
    refresh_and_logout_refuse_a_foreign_origin,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let (_, email) = account(&app, UserRole::Member).await;
        let cookie = login_from(&app.base, "192.0.2.1", &email, MEMBER_PASSWORD)
            .await
            .refresh_cookie()
            .unwrap();

        for path in ["/auth/refresh", "/auth/logout"] {
            let foreign = cookie_post(&app, path, &cookie, Some("https://evil.example")).await;
            assert_eq!(foreign.status, StatusCode::FORBIDDEN, "{path}");
            assert_eq!(foreign.json()["error"]["code"], "FORBIDDEN");
            let null = cookie_post(&app, path, &cookie, Some("null")).await;
            assert_eq!(null.status, StatusCode::FORBIDDEN, "{path}");
        }
        // The refused calls changed nothing: our own web origin may refresh.
        let ours = refresh_with(&app, &cookie, Some("http://localhost:5173")).await;
        assert_eq!(ours.status, StatusCode::OK);
    }
);

both_backends!(
    logging_out_revokes_the_session_and_everywhere_revokes_every_session,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let (_, email) = account(&app, UserRole::Member).await;
        let login = || login_from(&app.base, "192.0.2.1", &email, MEMBER_PASSWORD);
        let one = login().await.refresh_cookie().unwrap();
        let two = login().await.refresh_cookie().unwrap();
        let three = login().await.refresh_cookie().unwrap();

        let out = cookie_post(&app, "/auth/logout", &one, None).await;
        assert_eq!(out.status, StatusCode::NO_CONTENT);
        assert!(out.set_cookie().is_some_and(|c| c.contains("Max-Age=0")));
        assert_eq!(
            refresh_with(&app, &one, None).await.status,
            StatusCode::UNAUTHORIZED
        );
        // Another session was left alone …
        let two = refresh_with(&app, &two, None).await;
        assert_eq!(two.status, StatusCode::OK);
        let two = two.refresh_cookie().unwrap();

        // … until this one logs out everywhere.
        let everywhere = cookie_post(&app, "/auth/logout?everywhere=true", &three, None).await;
        assert_eq!(everywhere.status, StatusCode::NO_CONTENT);
        assert_eq!(
            refresh_with(&app, &two, None).await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            refresh_with(&app, &three, None).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
);

/// A value for every required part of `ty` that parses: enough to get past argument
/// coercion and reach the resolver's policy check.
fn dummy(ty: &Type, types: &HashMap<String, TypeDefinition>) -> Value {
    match &ty.base {
        BaseType::List(inner) => json!([dummy(inner, types)]),
        BaseType::Named(name) => match name.as_str() {
            "ID" => json!("1"),
            "String" => json!("Dummy"),
            "Int" => json!(1),
            "Float" => json!(1.0),
            "Boolean" => json!(false),
            "DateTime" => json!("2030-01-01T10:00:00Z"),
            "NaiveDate" => json!("2030-01-01"),
            "NaiveTime" => json!("10:00:00"),
            other => match types.get(other).map(|t| (&t.kind, t)) {
                Some((TypeKind::Enum(e), _)) => json!(e.values[0].node.value.node.as_str()),
                Some((TypeKind::InputObject(input), def)) => {
                    let one_of = def.directives.iter().any(|d| d.node.name.node == "oneOf");
                    let mut object = serde_json::Map::new();
                    for field in &input.fields {
                        let f = &field.node;
                        if one_of || !f.ty.node.nullable {
                            object.insert(f.name.node.to_string(), dummy(&f.ty.node, types));
                        }
                        if one_of {
                            break;
                        }
                    }
                    Value::Object(object)
                }
                _ => json!("Dummy"),
            },
        },
    }
}

/// Every mutation in the schema, as an operation with dummy variables.
fn every_mutation() -> Vec<(String, String, Value)> {
    let doc = parse_schema(motebok::graphql::sdl()).unwrap();
    let types: HashMap<String, TypeDefinition> = doc
        .definitions
        .into_iter()
        .filter_map(|d| match d {
            TypeSystemDefinition::Type(t) => Some((t.node.name.node.to_string(), t.node)),
            _ => None,
        })
        .collect();
    let Some(TypeKind::Object(mutation)) = types.get("Mutation").map(|t| &t.kind) else {
        return Vec::new();
    };
    mutation
        .fields
        .iter()
        .map(|field| {
            let f = &field.node;
            let (mut params, mut args, mut vars) = (Vec::new(), Vec::new(), serde_json::Map::new());
            for (i, arg) in f.arguments.iter().enumerate() {
                let a = &arg.node;
                params.push(format!("$a{i}: {}", a.ty.node));
                args.push(format!("{}: $a{i}", a.name.node));
                vars.insert(format!("a{i}"), dummy(&a.ty.node, &types));
            }
            let mut returns = &f.ty.node;
            while let BaseType::List(inner) = &returns.base {
                returns = inner;
            }
            let BaseType::Named(returns) = &returns.base else {
                unreachable!()
            };
            let selection = match types.get(returns.as_str()).map(|t| &t.kind) {
                Some(TypeKind::Object(_) | TypeKind::Interface(_) | TypeKind::Union(_)) => {
                    " { __typename }"
                }
                _ => "",
            };
            let wrap = |items: &[String]| {
                if items.is_empty() {
                    String::new()
                } else {
                    format!("({})", items.join(", "))
                }
            };
            let query = format!(
                "mutation{} {{ {}{}{selection} }}",
                wrap(&params),
                f.name.node,
                wrap(&args)
            );
            (f.name.node.to_string(), query, Value::Object(vars))
        })
        .collect()
}

both_backends!(
    no_mutation_in_the_schema_succeeds_for_the_public_or_a_read_only_token,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let session = app.secretariat().await;
        let mut callers: Vec<(&str, Option<String>)> = vec![("the public", None)];
        for scope in ["read", "deadlines:read", "reports:read"] {
            let data = app
                .gql_ok(
                    Some(&session),
                    "mutation($s: [String!]!) { createApiToken(input: { name: \"t\", scopes: $s }) { token } }",
                    json!({ "s": [scope] }),
                )
                .await;
            callers.push((
                scope,
                data["createApiToken"]["token"].as_str().map(str::to_owned),
            ));
        }
        let mutations = every_mutation();
        assert!(mutations.len() > 2, "the schema walk found no mutations");
        let audit_before = entity::audit_log::Entity::find()
            .all(&app.state.db.read)
            .await
            .unwrap()
            .len();

        let mut reached = Vec::new();
        for (name, query, variables) in &mutations {
            for (who, token) in &callers {
                let res = app.gql(token.as_deref(), query, variables.clone()).await;
                let codes: Vec<&str> = res["errors"]
                    .as_array()
                    .map(|e| {
                        e.iter()
                            .filter_map(|e| e["extensions"]["code"].as_str())
                            .collect()
                    })
                    .unwrap_or_default();
                let refused = !codes.is_empty()
                    && codes
                        .iter()
                        .all(|c| matches!(*c, "UNAUTHENTICATED" | "FORBIDDEN" | "VALIDATION"));
                let produced = res["data"]
                    .as_object()
                    .is_some_and(|d| d.values().any(|v| !v.is_null()));
                if !refused || produced {
                    reached.push(format!("{name} as {who}: {res}"));
                }
            }
        }

        assert!(
            reached.is_empty(),
            "mutations reachable without a policy check:\n{}",
            reached.join("\n")
        );
        let audit_after = entity::audit_log::Entity::find()
            .all(&app.state.db.read)
            .await
            .unwrap()
            .len();
        assert_eq!(
            audit_before, audit_after,
            "a refused mutation wrote to the audit log"
        );
    }
);
