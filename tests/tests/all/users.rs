//! User administration by the secretariat, and a user's own password: role changes,
//! deactivation and password changes end the user's sessions at once.
use entity::{audit_log, enums::UserRole, user_account};
use motebok_tests::{Backend, MEMBER_PASSWORD, TestApp, both_backends, error_code};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

const CREATE_USER: &str = r#"
mutation($input: CreateUserInput!) {
  createUser(input: $input) { id email name role active version person { name } }
}"#;

const ME: &str = "{ me { email role } }";

struct Session {
    access: String,
    refresh: String,
}

/// Logs in as a browser would and keeps both the access token and the refresh cookie.
async fn session(app: &TestApp, email: &str, password: &str) -> Session {
    let res = reqwest::Client::new()
        .post(app.url("/auth/login"))
        .json(&json!({ "email": email, "password": password }))
        .send()
        .await
        .expect("login");
    assert_eq!(res.status(), 200, "login as {email}");
    let refresh = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("motebok_refresh="))
        .and_then(|c| c.split(';').next())
        .expect("refresh cookie")
        .to_owned();
    let body: Value = res.json().await.expect("JSON");
    Session {
        access: body["accessToken"].as_str().expect("token").to_owned(),
        refresh,
    }
}

async fn refresh_status(app: &TestApp, cookie: &str) -> u16 {
    reqwest::Client::new()
        .post(app.url("/auth/refresh"))
        .header("cookie", format!("motebok_refresh={cookie}"))
        .send()
        .await
        .expect("refresh")
        .status()
        .as_u16()
}

async fn login_status(app: &TestApp, email: &str, password: &str) -> u16 {
    reqwest::Client::new()
        .post(app.url("/auth/login"))
        .json(&json!({ "email": email, "password": password }))
        .send()
        .await
        .expect("login")
        .status()
        .as_u16()
}

async fn create_user(app: &TestApp, token: &str, email: &str, role: &str) -> Value {
    app.gql_ok(
        Some(token),
        CREATE_USER,
        json!({ "input": { "email": email, "name": "Gro Jamtvedt", "role": role,
                           "password": MEMBER_PASSWORD } }),
    )
    .await["createUser"]
        .clone()
}

async fn counts(app: &TestApp) -> (u64, u64) {
    let db = &app.state.db.read;
    (
        user_account::Entity::find().count(db).await.expect("count"),
        audit_log::Entity::find().count(db).await.expect("count"),
    )
}

both_backends!(
    the_secretariat_creates_and_lists_users_and_links_one_to_a_person,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let t = app.secretariat().await;
        let person = app
            .gql_ok(
                Some(&t),
                r#"mutation { createPerson(input: { name: "Gro Jamtvedt" }) { id } }"#,
                json!({}),
            )
            .await["createPerson"]["id"]
            .clone();

        let user = create_user(&app, &t, " Gro@Example.no ", "MEMBER").await;
        assert_eq!(user["email"], "gro@example.no");
        assert_eq!(user["active"], true);
        let linked = app
            .gql_ok(
                Some(&t),
                r#"mutation($id: ID!, $person: ID) {
                    linkUserToPerson(id: $id, version: 1, personId: $person) { version person { name } } }"#,
                json!({ "id": user["id"], "person": person }),
            )
            .await;
        assert_eq!(linked["linkUserToPerson"]["person"]["name"], "Gro Jamtvedt");

        let member = session(&app, "gro@example.no", MEMBER_PASSWORD).await;
        let me = app
            .gql_ok(Some(&member.access), "{ me { role personId } }", json!({}))
            .await;
        assert_eq!(me["me"]["role"], "MEMBER");
        assert_eq!(me["me"]["personId"], person);
        let listed = app
            .gql_ok(
                Some(&t),
                "{ users(role: MEMBER) { totalCount edges { node { email person { name } } } } }",
                json!({}),
            )
            .await;
        assert_eq!(listed["users"]["totalCount"], 1);
        assert_eq!(
            listed["users"]["edges"][0]["node"]["person"]["name"],
            "Gro Jamtvedt"
        );
    }
);

both_backends!(
    a_deactivated_users_tokens_stop_working_at_once_and_reactivation_needs_a_new_login,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let t = app.secretariat().await;
        let user = create_user(&app, &t, "medlem@example.no", "MEMBER").await;
        let member = session(&app, "medlem@example.no", MEMBER_PASSWORD).await;
        app.gql_ok(Some(&member.access), ME, json!({})).await;
        let set_active = r#"mutation($id: ID!, $version: Int!, $active: Boolean!) {
            setUserActive(id: $id, version: $version, active: $active) { active version } }"#;

        let off = app
            .gql_ok(
                Some(&t),
                set_active,
                json!({ "id": user["id"], "version": 1, "active": false }),
            )
            .await;

        assert_eq!(off["setUserActive"]["active"], false);
        let res = app.gql(Some(&member.access), ME, json!({})).await;
        assert_eq!(error_code(&res), Some("UNAUTHENTICATED"), "{res:#}");
        assert_eq!(refresh_status(&app, &member.refresh).await, 401);
        assert_eq!(
            login_status(&app, "medlem@example.no", MEMBER_PASSWORD).await,
            401
        );

        app.gql_ok(
            Some(&t),
            set_active,
            json!({ "id": user["id"], "version": 2, "active": true }),
        )
        .await;
        let res = app.gql(Some(&member.access), ME, json!({})).await;
        assert_eq!(
            error_code(&res),
            Some("UNAUTHENTICATED"),
            "old token stays dead"
        );
        assert_eq!(refresh_status(&app, &member.refresh).await, 401);
        let again = session(&app, "medlem@example.no", MEMBER_PASSWORD).await;
        app.gql_ok(Some(&again.access), ME, json!({})).await;
    }
);

both_backends!(
    a_role_change_ends_the_users_sessions_and_the_next_login_has_the_new_role,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let t = app.secretariat().await;
        let user = create_user(&app, &t, "observer@example.no", "OBSERVER").await;
        let before = session(&app, "observer@example.no", MEMBER_PASSWORD).await;

        app.gql_ok(
            Some(&t),
            r#"mutation($id: ID!) { setUserRole(id: $id, version: 1, role: MEMBER) { role } }"#,
            json!({ "id": user["id"] }),
        )
        .await;

        let res = app.gql(Some(&before.access), ME, json!({})).await;
        assert_eq!(error_code(&res), Some("UNAUTHENTICATED"));
        assert_eq!(refresh_status(&app, &before.refresh).await, 401);
        let after = session(&app, "observer@example.no", MEMBER_PASSWORD).await;
        let me = app.gql_ok(Some(&after.access), ME, json!({})).await;
        assert_eq!(me["me"]["role"], "MEMBER");
    }
);

both_backends!(
    promotion_to_the_secretariat_needs_a_new_password_of_fifteen_characters,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let t = app.secretariat().await;
        let user = create_user(&app, &t, "forfremmes@example.no", "MEMBER").await;
        let promote = r#"mutation($id: ID!, $p: String) {
            setUserRole(id: $id, version: 1, role: SECRETARIAT, password: $p) { role version } }"#;
        let before = counts(&app).await;

        // Without a password, or with one that is long enough only for a member: refused.
        for password in [Value::Null, json!("ti-tegn-ok!")] {
            let res = app
                .gql(
                    Some(&t),
                    promote,
                    json!({ "id": user["id"], "p": password }),
                )
                .await;
            assert_eq!(error_code(&res), Some("VALIDATION"), "{res:#}");
            assert_eq!(res["errors"][0]["extensions"]["field"], "password");
        }
        assert_eq!(counts(&app).await, before, "nothing changed");
        let still = session(&app, "forfremmes@example.no", MEMBER_PASSWORD).await;
        let me = app.gql_ok(Some(&still.access), ME, json!({})).await;
        assert_eq!(me["me"]["role"], "MEMBER");

        let promoted = app
            .gql_ok(
                Some(&t),
                promote,
                json!({ "id": user["id"], "p": "et-langt-passord-for-sekretariatet" }),
            )
            .await;

        assert_eq!(promoted["setUserRole"]["role"], "SECRETARIAT");
        assert_eq!(
            login_status(&app, "forfremmes@example.no", MEMBER_PASSWORD).await,
            401,
            "the member's short password still opens a secretariat account"
        );
        let after = session(
            &app,
            "forfremmes@example.no",
            "et-langt-passord-for-sekretariatet",
        )
        .await;
        let me = app.gql_ok(Some(&after.access), ME, json!({})).await;
        assert_eq!(me["me"]["role"], "SECRETARIAT");
    }
);

const CHANGE_PASSWORD: &str = r#"
mutation($old: String!, $new: String!) { changePassword(oldPassword: $old, newPassword: $new) }"#;

both_backends!(
    a_user_changes_their_own_password_only_with_the_old_one_and_every_session_ends,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let t = app.secretariat().await;
        create_user(&app, &t, "selv@example.no", "MEMBER").await;
        let me = session(&app, "selv@example.no", MEMBER_PASSWORD).await;
        let other = session(&app, "selv@example.no", MEMBER_PASSWORD).await;
        let (users, audit) = counts(&app).await;

        for (old, new, field) in [
            ("feil-passord-123", "nytt-langt-passord", "oldPassword"),
            (MEMBER_PASSWORD, "kort", "newPassword"),
            (MEMBER_PASSWORD, "password1", "newPassword"),
            (MEMBER_PASSWORD, MEMBER_PASSWORD, "newPassword"),
        ] {
            let res = app
                .gql(
                    Some(&me.access),
                    CHANGE_PASSWORD,
                    json!({ "old": old, "new": new }),
                )
                .await;
            assert_eq!(error_code(&res), Some("VALIDATION"), "{res:#}");
            assert_eq!(res["errors"][0]["extensions"]["field"], field);
        }
        assert_eq!(counts(&app).await, (users, audit), "nothing changed");
        app.gql_ok(Some(&me.access), ME, json!({})).await;

        let changed = app
            .gql_ok(
                Some(&me.access),
                CHANGE_PASSWORD,
                json!({ "old": MEMBER_PASSWORD, "new": "et-helt-nytt-passord" }),
            )
            .await;

        assert_eq!(changed["changePassword"], true);
        for s in [&me, &other] {
            let res = app.gql(Some(&s.access), ME, json!({})).await;
            assert_eq!(error_code(&res), Some("UNAUTHENTICATED"));
            assert_eq!(refresh_status(&app, &s.refresh).await, 401);
        }
        assert_eq!(
            login_status(&app, "selv@example.no", MEMBER_PASSWORD).await,
            401
        );
        session(&app, "selv@example.no", "et-helt-nytt-passord").await;
    }
);

both_backends!(
    only_the_secretariat_administers_users,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let t = app.secretariat().await;
        let user = create_user(&app, &t, "noen@example.no", "MEMBER").await;
        let member = app.user(UserRole::Member, None).await;
        let observer = app.user(UserRole::Observer, None).await;
        let before = counts(&app).await;
        let attempts = [
            ("{ users { totalCount } }", json!({})),
            (
                "query($id: ID!) { user(id: $id) { email } }",
                json!({ "id": user["id"] }),
            ),
            (
                CREATE_USER,
                json!({ "input": { "email": "x@example.no", "name": "X", "role": "SECRETARIAT",
                                   "password": "et-langt-passord-for-sekretariatet" } }),
            ),
            (
                r#"mutation($id: ID!) { setUserRole(id: $id, version: 1, role: SECRETARIAT) { role } }"#,
                json!({ "id": user["id"] }),
            ),
            (
                r#"mutation($id: ID!) { setUserActive(id: $id, version: 1, active: false) { active } }"#,
                json!({ "id": user["id"] }),
            ),
            (
                r#"mutation($id: ID!) { resetUserPassword(id: $id, version: 1, password: "nytt-passord-1") { id } }"#,
                json!({ "id": user["id"] }),
            ),
        ];

        for (op, vars) in attempts {
            for (token, code) in [
                (Some(member.as_str()), "FORBIDDEN"),
                (Some(observer.as_str()), "FORBIDDEN"),
                (None, "UNAUTHENTICATED"),
            ] {
                let res = app.gql(token, op, vars.clone()).await;
                assert_eq!(error_code(&res), Some(code), "{op}: {res:#}");
            }
        }
        assert_eq!(counts(&app).await, before);
        let me = app
            .gql(None, CHANGE_PASSWORD, json!({ "old": "a", "new": "b" }))
            .await;
        assert_eq!(error_code(&me), Some("UNAUTHENTICATED"));
    }
);

both_backends!(
    bad_input_to_user_mutations_is_refused_with_the_field_and_nothing_changes,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let t = app.secretariat().await;
        let user = create_user(&app, &t, "finnes@example.no", "MEMBER").await;
        let own_id = app.gql_ok(Some(&t), "{ me { id } }", json!({})).await["me"]["id"].clone();
        let before = counts(&app).await;
        let new_user = |email: &str, role: &str, password: &str, person: Value| {
            json!({ "input": { "email": email, "name": "Ny Bruker", "role": role,
                               "password": password, "personId": person } })
        };
        let cases = [
            (
                CREATE_USER,
                new_user("ikke-en-adresse", "MEMBER", MEMBER_PASSWORD, Value::Null),
                "VALIDATION",
                Some("email"),
            ),
            (
                CREATE_USER,
                new_user("FINNES@example.no", "MEMBER", MEMBER_PASSWORD, Value::Null),
                "VALIDATION",
                Some("email"),
            ),
            (
                CREATE_USER,
                new_user("ny@example.no", "SECRETARIAT", "kort-passord", Value::Null),
                "VALIDATION",
                Some("password"),
            ),
            (
                CREATE_USER,
                new_user("ny@example.no", "MEMBER", "password1", Value::Null),
                "VALIDATION",
                Some("password"),
            ),
            (
                CREATE_USER,
                new_user("ny@example.no", "MEMBER", MEMBER_PASSWORD, json!("999999")),
                "VALIDATION",
                Some("personId"),
            ),
            (
                r#"mutation($id: ID!) { setUserRole(id: $id, version: 1, role: MEMBER) { role } }"#,
                json!({ "id": own_id }),
                "VALIDATION",
                Some("id"),
            ),
            (
                r#"mutation($id: ID!) { setUserActive(id: $id, version: 1, active: false) { active } }"#,
                json!({ "id": own_id }),
                "VALIDATION",
                Some("id"),
            ),
            (
                r#"mutation($id: ID!) { setUserRole(id: $id, version: 7, role: OBSERVER) { role } }"#,
                json!({ "id": user["id"] }),
                "CONFLICT",
                None,
            ),
            (
                r#"mutation($id: ID!) { linkUserToPerson(id: $id, version: 1, personId: "999999") { id } }"#,
                json!({ "id": user["id"] }),
                "VALIDATION",
                Some("personId"),
            ),
            (
                r#"mutation($id: ID!) { resetUserPassword(id: $id, version: 1, password: "kort") { id } }"#,
                json!({ "id": user["id"] }),
                "VALIDATION",
                Some("password"),
            ),
            (
                r#"mutation { setUserActive(id: "999999", version: 1, active: false) { active } }"#,
                json!({}),
                "NOT_FOUND",
                None,
            ),
        ];

        for (op, vars, code, field) in cases {
            let res = app.gql(Some(&t), op, vars.clone()).await;
            assert_eq!(error_code(&res), Some(code), "{vars}: {res:#}");
            if let Some(f) = field {
                assert_eq!(
                    res["errors"][0]["extensions"]["field"], f,
                    "{vars}: {res:#}"
                );
            }
        }
        assert_eq!(counts(&app).await, before);
        app.gql_ok(Some(&t), ME, json!({})).await;
    }
);

both_backends!(
    guessing_the_old_password_is_slowed_down,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let t = app.secretariat().await;
        create_user(&app, &t, "gjett@example.no", "MEMBER").await;
        let me = session(&app, "gjett@example.no", MEMBER_PASSWORD).await;
        let guess = || {
            app.gql(
                Some(&me.access),
                CHANGE_PASSWORD,
                json!({ "old": "gjettet-passord", "new": "et-helt-nytt-passord" }),
            )
        };

        let mut codes = Vec::new();
        for _ in 0..8 {
            codes.push(error_code(&guess().await).map(str::to_owned));
        }

        assert_eq!(codes[0].as_deref(), Some("VALIDATION"));
        assert_eq!(codes[7].as_deref(), Some("RATE_LIMITED"), "{codes:?}");
        app.gql_ok(Some(&me.access), ME, json!({})).await;
    }
);
