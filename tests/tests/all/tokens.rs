//! Access tokens (SECURITY.md item 12) and API tokens (item 17): every bad token is
//! UNAUTHENTICATED, revocation takes effect at once, API tokens are hashed, scoped,
//! expiring and never read from a query string.
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{Duration, NaiveDate, Utc};
use entity::{
    api_token,
    enums::{MeetingFormat, MeetingStatus, MinutesStatus, UserRole},
    meeting, user_account,
};
use jsonwebtoken::{Algorithm, EncodingKey};
use motebok_tests::{Backend, TestApp, both_backends, error_code};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};

const SECRET: &str = "3f8a2c9e71d04b6a5e2f8c1d9b7a3e6f0c4d8b2a6e1f9c3d7b5a0e4f8c2d6b1a";

async fn spawn(backend: Backend) -> TestApp {
    TestApp::spawn_with(backend, &[("MOTEBOK_JWT_SECRET", SECRET)]).await
}

/// `{ me { id } }` with `Authorization: <header>`; returns the status and the body.
async fn me_with(app: &TestApp, authorization: &str) -> (u16, Value) {
    let res = app
        .client
        .post(app.url("/graphql"))
        .header("authorization", authorization)
        .json(&json!({ "query": "{ me { id role } }" }))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap())
}

fn assert_unauthenticated(case: &str, (status, body): (u16, Value)) {
    assert_eq!(status, 401, "{case}: {body}");
    assert_eq!(error_code(&body), Some("UNAUTHENTICATED"), "{case}: {body}");
    assert!(body["data"].is_null(), "{case}: {body}");
}

fn b64(v: &Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(v).unwrap())
}

/// A token with any header and claims, signed with `key` by `alg` (or unsigned).
fn forge(header: Value, claims: Value, signer: Option<(&[u8], Algorithm)>) -> String {
    let input = format!("{}.{}", b64(&header), b64(&claims));
    let signature = match signer {
        Some((key, alg)) => {
            jsonwebtoken::crypto::sign(input.as_bytes(), &EncodingKey::from_secret(key), alg)
                .unwrap()
        }
        None => String::new(),
    };
    format!("{input}.{signature}")
}

fn claims(user_id: &str) -> Value {
    let now = Utc::now().timestamp();
    json!({ "sub": user_id, "iss": "motebok", "aud": "motebok-api", "exp": now + 600, "iat": now, "ver": 0 })
}

fn with(mut v: Value, key: &str, value: Value) -> Value {
    v[key] = value;
    v
}

fn without(mut v: Value, key: &str) -> Value {
    v.as_object_mut().unwrap().remove(key);
    v
}

async fn my_id(app: &TestApp, token: &str) -> String {
    let data = app.gql_ok(Some(token), "{ me { id } }", json!({})).await;
    data["me"]["id"].as_str().unwrap().to_owned()
}

both_backends!(
    every_malformed_forged_or_expired_access_token_is_unauthenticated,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let token = app.secretariat().await;
        let other = app.user(UserRole::Member, None).await;
        let id = my_id(&app, &token).await;
        let other_id = my_id(&app, &other).await;
        let hs256 = json!({ "alg": "HS256", "typ": "JWT" });
        let ours = Some((SECRET.as_bytes(), Algorithm::HS256));
        let now = Utc::now().timestamp();

        // The forger is right: a well-made token with our key is accepted. Without this
        // the rejections below would prove nothing.
        let (status, body) = me_with(
            &app,
            &format!("Bearer {}", forge(hs256.clone(), claims(&id), ours)),
        )
        .await;
        assert_eq!(
            (status, body["data"]["me"]["id"].as_str()),
            (200, Some(id.as_str()))
        );

        let valid_parts: Vec<&str> = token.split('.').collect();
        let mut tampered_claims: Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(valid_parts[1]).unwrap()).unwrap();
        tampered_claims["sub"] = json!(other_id);
        let tampered = format!(
            "{}.{}.{}",
            valid_parts[0],
            b64(&tampered_claims),
            valid_parts[2]
        );

        let cases: Vec<(&str, String)> = vec![
            (
                "alg none",
                forge(json!({ "alg": "none", "typ": "JWT" }), claims(&id), None),
            ),
            (
                "alg None",
                forge(json!({ "alg": "None" }), claims(&id), None),
            ),
            (
                "alg none with a signature",
                forge(json!({ "alg": "none" }), claims(&id), ours),
            ),
            (
                "HS384 with our key",
                forge(
                    json!({ "alg": "HS384" }),
                    claims(&id),
                    Some((SECRET.as_bytes(), Algorithm::HS384)),
                ),
            ),
            (
                "HS512 with our key",
                forge(
                    json!({ "alg": "HS512" }),
                    claims(&id),
                    Some((SECRET.as_bytes(), Algorithm::HS512)),
                ),
            ),
            (
                "RS256 header",
                forge(json!({ "alg": "RS256" }), claims(&id), ours),
            ),
            (
                "ES256 header",
                forge(json!({ "alg": "ES256" }), claims(&id), ours),
            ),
            (
                "PS256 header",
                forge(json!({ "alg": "PS256" }), claims(&id), ours),
            ),
            (
                "EdDSA header",
                forge(json!({ "alg": "EdDSA" }), claims(&id), ours),
            ),
            (
                "expired",
                forge(
                    hs256.clone(),
                    with(claims(&id), "exp", json!(now - 120)),
                    ours,
                ),
            ),
            (
                "not yet valid",
                forge(
                    hs256.clone(),
                    with(claims(&id), "nbf", json!(now + 3600)),
                    ours,
                ),
            ),
            (
                "wrong audience",
                forge(
                    hs256.clone(),
                    with(claims(&id), "aud", json!("someone-else")),
                    ours,
                ),
            ),
            (
                "wrong issuer",
                forge(hs256.clone(), with(claims(&id), "iss", json!("evil")), ours),
            ),
            (
                "missing sub",
                forge(hs256.clone(), without(claims(&id), "sub"), ours),
            ),
            (
                "missing exp",
                forge(hs256.clone(), without(claims(&id), "exp"), ours),
            ),
            (
                "missing iss",
                forge(hs256.clone(), without(claims(&id), "iss"), ours),
            ),
            (
                "missing aud",
                forge(hs256.clone(), without(claims(&id), "aud"), ours),
            ),
            (
                "missing token version",
                forge(hs256.clone(), without(claims(&id), "ver"), ours),
            ),
            (
                "stale token version",
                forge(hs256.clone(), with(claims(&id), "ver", json!(1)), ours),
            ),
            (
                "sub not a number",
                forge(
                    hs256.clone(),
                    with(claims(&id), "sub", json!("admin")),
                    ours,
                ),
            ),
            (
                "sub of nobody",
                forge(
                    hs256.clone(),
                    with(claims(&id), "sub", json!("999999")),
                    ours,
                ),
            ),
            (
                "signed with another key",
                forge(
                    hs256.clone(),
                    claims(&id),
                    Some((
                        b"a-different-secret-of-enough-length-0123456789",
                        Algorithm::HS256,
                    )),
                ),
            ),
            ("tampered payload", tampered),
            ("truncated signature", token[..token.len() - 4].to_owned()),
            (
                "no signature",
                format!("{}.{}.", valid_parts[0], valid_parts[1]),
            ),
            (
                "two parts",
                format!("{}.{}", valid_parts[0], valid_parts[1]),
            ),
            ("garbage", "not-a-token".into()),
        ];
        for (case, bad) in cases {
            assert_unauthenticated(case, me_with(&app, &format!("Bearer {bad}")).await);
        }
        assert_unauthenticated(
            "Basic scheme",
            me_with(&app, &format!("Basic {token}")).await,
        );
        assert_unauthenticated("empty bearer", me_with(&app, "Bearer ").await);
        // The genuine token still works after all that.
        assert_eq!(me_with(&app, &format!("bearer {token}")).await.0, 200);
    }
);

both_backends!(
    logging_out_everywhere_ends_existing_access_tokens_at_once,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let token = app.secretariat().await;
        assert_eq!(me_with(&app, &format!("Bearer {token}")).await.0, 200);

        // TestApp's client keeps the refresh cookie of the last login.
        let res = app
            .client
            .post(app.url("/auth/logout?everywhere=true"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 204);

        assert_unauthenticated(
            "after logout everywhere",
            me_with(&app, &format!("Bearer {token}")).await,
        );
    }
);

both_backends!(
    deactivating_a_user_or_bumping_their_token_version_ends_their_tokens_and_a_role_change_applies_at_once,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let deactivated = app.user(UserRole::Member, None).await;
        let bumped = app.user(UserRole::Member, None).await;
        let demoted = app.secretariat().await;
        let db = &app.state.db.write;
        let d: i32 = my_id(&app, &deactivated).await.parse().unwrap();
        let b: i32 = my_id(&app, &bumped).await.parse().unwrap();
        let r: i32 = my_id(&app, &demoted).await.parse().unwrap();

        user_account::Entity::update_many()
            .col_expr(user_account::Column::Active, sea_orm::sea_query::Expr::value(false))
            .filter(user_account::Column::Id.eq(d))
            .exec(db)
            .await
            .unwrap();
        user_account::Entity::update_many()
            .col_expr(user_account::Column::TokenVersion, sea_orm::sea_query::Expr::value(1))
            .filter(user_account::Column::Id.eq(b))
            .exec(db)
            .await
            .unwrap();
        user_account::Entity::update_many()
            .col_expr(
                user_account::Column::Role,
                sea_orm::sea_query::Expr::value(UserRole::Observer),
            )
            .filter(user_account::Column::Id.eq(r))
            .exec(db)
            .await
            .unwrap();

        assert_unauthenticated("deactivated", me_with(&app, &format!("Bearer {deactivated}")).await);
        assert_unauthenticated("token version bumped", me_with(&app, &format!("Bearer {bumped}")).await);
        let (status, body) = me_with(&app, &format!("Bearer {demoted}")).await;
        assert_eq!(status, 200);
        assert_eq!(body["data"]["me"]["role"], "OBSERVER");
    }
);

const CREATE: &str = r#"mutation($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token apiToken { id name prefix scopes expiresAt lastUsedAt } }
}"#;

async fn api_token(app: &TestApp, session: &str, scopes: &[&str]) -> (String, String) {
    let data = app
        .gql_ok(
            Some(session),
            CREATE,
            json!({ "input": { "name": "Skript", "scopes": scopes } }),
        )
        .await;
    (
        data["createApiToken"]["token"].as_str().unwrap().to_owned(),
        data["createApiToken"]["apiToken"]["id"]
            .as_str()
            .unwrap()
            .to_owned(),
    )
}

/// A meeting still being planned: only the secretariat may see it.
async fn planned_meeting(app: &TestApp) {
    let now = Utc::now();
    meeting::ActiveModel {
        year: Set(2026),
        number: Set(4),
        date: Set(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()),
        format: Set(MeetingFormat::Physical),
        status: Set(MeetingStatus::Planned),
        minutes_status: Set(MinutesStatus::None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.state.db.write)
    .await
    .unwrap();
}

both_backends!(
    an_api_token_is_prefixed_shown_once_and_stored_only_as_a_hash,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let session = app.secretariat().await;

        let data = app
            .gql_ok(
                Some(&session),
                CREATE,
                json!({ "input": { "name": "Kalender", "scopes": ["deadlines:read", "read"] } }),
            )
            .await;
        let token = data["createApiToken"]["token"].as_str().unwrap();
        let shown = &data["createApiToken"]["apiToken"];

        assert!(token.starts_with("mbk_"), "{token}");
        assert!(token.len() >= 4 + 43, "too short to hold 256 bits: {token}");
        assert_eq!(shown["prefix"].as_str(), Some(&token[..12]));
        assert_eq!(shown["scopes"], json!(["deadlines:read", "read"]));
        let row = api_token::Entity::find()
            .one(&app.state.db.read)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.token_hash, motebok::auth::tokens::hash(token));
        let stored = format!("{row:?}");
        assert!(
            !stored.contains(&token[12..]),
            "the secret is stored: {stored}"
        );
        // Listing the tokens never shows the secret again.
        let list = app
            .gql_ok(
                Some(&session),
                "{ apiTokens { id name prefix scopes } }",
                json!({}),
            )
            .await;
        assert_eq!(list["apiTokens"].as_array().map(Vec::len), Some(1));
        assert!(!list.to_string().contains(&token[12..]));
    }
);

both_backends!(
    an_api_token_reads_only_within_its_scopes_and_never_mutates_or_mints,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let session = app.secretariat().await;
        planned_meeting(&app).await;
        let (read, _) = api_token(&app, &session, &["read"]).await;
        let (deadlines, _) = api_token(&app, &session, &["deadlines:read"]).await;
        let (write, _) = api_token(&app, &session, &["write", "read"]).await;
        let planned = "{ meeting(code: \"4/2026\") { id } meetings { totalCount } }";

        let by_read = app.gql_ok(Some(&read), planned, json!({})).await;
        let by_deadlines = app.gql_ok(Some(&deadlines), planned, json!({})).await;

        assert!(
            by_read["meeting"]["id"].is_string(),
            "a read token acts as its owner"
        );
        assert_eq!(by_read["meetings"]["totalCount"], 1);
        assert!(
            by_deadlines["meeting"].is_null(),
            "deadlines:read saw a private meeting"
        );
        assert_eq!(by_deadlines["meetings"]["totalCount"], 0);
        for token in [&read, &deadlines, &write] {
            let minted = app
                .gql(
                    Some(token),
                    CREATE,
                    json!({ "input": { "name": "x", "scopes": ["read"] } }),
                )
                .await;
            assert_eq!(error_code(&minted), Some("FORBIDDEN"), "{minted}");
            let listed = app
                .gql(Some(token), "{ apiTokens { id } }", json!({}))
                .await;
            assert_eq!(error_code(&listed), Some("FORBIDDEN"), "{listed}");
        }
        let count = api_token::Entity::find()
            .all(&app.state.db.read)
            .await
            .unwrap()
            .len();
        assert_eq!(count, 3, "a token minted a token");
    }
);

both_backends!(
    an_api_token_stops_working_when_it_expires_or_is_revoked_and_records_its_last_use,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let session = app.secretariat().await;
        let tomorrow = (Utc::now() + Duration::days(1)).to_rfc3339();
        let data = app
            .gql_ok(
                Some(&session),
                CREATE,
                json!({ "input": { "name": "Utløper", "scopes": ["read"], "expiresAt": tomorrow } }),
            )
            .await;
        let expiring = data["createApiToken"]["token"].as_str().unwrap().to_owned();
        let expiring_id: i32 = data["createApiToken"]["apiToken"]["id"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        let (revoked, revoked_id) = api_token(&app, &session, &["read"]).await;
        let past = app
            .gql(
                Some(&session),
                CREATE,
                json!({ "input": { "name": "x", "scopes": ["read"], "expiresAt": "2020-01-01T00:00:00Z" } }),
            )
            .await;
        assert_eq!(error_code(&past), Some("VALIDATION"));

        let unused = api_token::Entity::find_by_id(expiring_id)
            .one(&app.state.db.read)
            .await
            .unwrap()
            .unwrap();
        assert!(unused.last_used_at.is_none());
        assert_eq!(me_with(&app, &format!("Bearer {expiring}")).await.0, 200);
        let used = api_token::Entity::find_by_id(expiring_id)
            .one(&app.state.db.read)
            .await
            .unwrap()
            .unwrap();
        assert!(used.last_used_at.is_some(), "last_used_at was not recorded");

        let mut expire: api_token::ActiveModel = used.into();
        expire.expires_at = Set(Some(Utc::now() - Duration::minutes(1)));
        expire.update(&app.state.db.write).await.unwrap();
        assert_unauthenticated(
            "expired API token",
            me_with(&app, &format!("Bearer {expiring}")).await,
        );

        assert_eq!(me_with(&app, &format!("Bearer {revoked}")).await.0, 200);
        app.gql_ok(
            Some(&session),
            "mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }",
            json!({ "id": revoked_id }),
        )
        .await;
        assert_unauthenticated(
            "revoked API token",
            me_with(&app, &format!("Bearer {revoked}")).await,
        );
        assert_unauthenticated(
            "unknown API token",
            me_with(
                &app,
                "Bearer mbk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            )
            .await,
        );
    }
);

both_backends!(
    an_api_token_in_the_query_string_is_ignored,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let session = app.secretariat().await;
        let (token, _) = api_token(&app, &session, &["read"]).await;
        assert_eq!(me_with(&app, &format!("Bearer {token}")).await.0, 200);

        for param in ["access_token", "token", "api_token", "authorization"] {
            let get: Value = app
                .client
                .get(app.url("/graphql"))
                .query(&[("query", "{ me { id } }"), (param, token.as_str())])
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert!(
                get["data"]["me"].is_null(),
                "GET ?{param}= was accepted: {get}"
            );
            let post: Value = app
                .client
                .post(format!("{}?{param}={token}", app.url("/graphql")))
                .json(&json!({ "query": "{ me { id } }" }))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert!(
                post["data"]["me"].is_null(),
                "POST ?{param}= was accepted: {post}"
            );
        }
    }
);

both_backends!(
    every_api_token_expires_within_a_year_and_in_ninety_days_unless_told,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let session = app.secretariat().await;
        let create = |input: Value| {
            let app = &app;
            let session = session.clone();
            async move {
                app.gql(Some(&session), CREATE, json!({ "input": input }))
                    .await
            }
        };

        let unnamed = create(json!({ "name": "Uten frist", "scopes": ["read", "read"] })).await;
        let too_far = create(json!({
            "name": "For lenge",
            "scopes": ["read"],
            "expiresAt": (Utc::now() + Duration::days(367)).to_rfc3339(),
        }))
        .await;

        let shown = &unnamed["data"]["createApiToken"]["apiToken"];
        let expires: chrono::DateTime<Utc> = shown["expiresAt"]
            .as_str()
            .and_then(|e| e.parse().ok())
            .unwrap_or_else(|| panic!("a token without an expiry: {unnamed}"));
        let in_90 = Utc::now() + Duration::days(90);
        assert!((expires - in_90).num_minutes().abs() < 5, "{expires}");
        assert_eq!(shown["scopes"], json!(["read"]), "a scope stored twice");
        assert_eq!(error_code(&too_far), Some("VALIDATION"), "{too_far}");
        assert_eq!(too_far["errors"][0]["extensions"]["field"], "expiresAt");
        let stored = api_token::Entity::find()
            .all(&app.state.db.read)
            .await
            .unwrap();
        assert_eq!(stored.len(), 1);
        assert!(stored.iter().all(|t| t.expires_at.is_some()));
    }
);

both_backends!(
    an_api_token_without_an_expiry_is_refused,
    |backend: Backend| async move {
        let app = spawn(backend).await;
        let session = app.secretariat().await;
        let (token, id) = api_token(&app, &session, &["read"]).await;
        assert_eq!(me_with(&app, &format!("Bearer {token}")).await.0, 200);
        // As a token made before every token expired would be, had the migration missed it.
        let row = api_token::Entity::find_by_id(id.parse::<i32>().unwrap())
            .one(&app.state.db.read)
            .await
            .unwrap()
            .unwrap();
        let mut endless: api_token::ActiveModel = row.into();
        endless.expires_at = Set(None);
        endless.update(&app.state.db.write).await.unwrap();
        assert_unauthenticated(
            "API token without an expiry",
            me_with(&app, &format!("Bearer {token}")).await,
        );
    }
);
