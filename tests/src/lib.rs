//! Test support: start the real server on a random port against a fresh database (SQLite
//! file or a new PostgreSQL database) and talk to it over HTTP.
use std::path::PathBuf;

use motebok::{
    config::Config,
    startup::{AppState, Application},
};
use serde_json::{Value, json};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs a test body once per backend: `both_backends!(name, |backend| async move { … });`.
/// PostgreSQL runs when MOTEBOK_TEST_POSTGRES_URL is set; in CI it must be.
#[macro_export]
macro_rules! both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                ($body)($crate::Backend::Sqlite).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if $crate::postgres_url().is_none() {
                    eprintln!("MOTEBOK_TEST_POSTGRES_URL not set: PostgreSQL variant skipped");
                    return;
                }
                ($body)($crate::Backend::Postgres).await;
            }
        }
    };
}

pub fn postgres_url() -> Option<String> {
    let url = std::env::var("MOTEBOK_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty());
    assert!(
        url.is_some() || std::env::var("CI").is_err(),
        "CI must run the PostgreSQL tests: set MOTEBOK_TEST_POSTGRES_URL"
    );
    url
}

/// A fresh, empty database of the given kind; dropped (PostgreSQL) or deleted (SQLite) after.
pub struct TestDatabase {
    pub url: String,
    pg: Option<(String, String)>,
    dir: Option<PathBuf>,
}

impl TestDatabase {
    pub async fn new(backend: Backend) -> Self {
        let name = format!("motebok_test_{}", uuid::Uuid::new_v4().simple());
        match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(&name);
                std::fs::create_dir_all(&dir).expect("temp dir");
                Self {
                    url: format!("sqlite://{}/motebok.db?mode=rwc", dir.display()),
                    pg: None,
                    dir: Some(dir),
                }
            }
            Backend::Postgres => {
                let admin = postgres_url().expect("MOTEBOK_TEST_POSTGRES_URL");
                let conn = sea_orm::Database::connect(&admin)
                    .await
                    .expect("connect to PostgreSQL");
                sea_orm::ConnectionTrait::execute_unprepared(
                    &conn,
                    &format!("CREATE DATABASE {name}"),
                )
                .await
                .expect("create database");
                let base = admin
                    .rsplit_once('/')
                    .map_or(admin.as_str(), |(b, _)| b)
                    .to_owned();
                Self {
                    url: format!("{base}/{name}"),
                    pg: Some((admin, name)),
                    dir: None,
                }
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_dir_all(dir);
        }
        if let Some((admin, name)) = self.pg.take() {
            // Drop runs outside async; a small runtime on its own thread does the cleanup.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .ok()?;
                rt.block_on(async {
                    let conn = sea_orm::Database::connect(&admin).await.ok()?;
                    sea_orm::ConnectionTrait::execute_unprepared(
                        &conn,
                        &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                    )
                    .await
                    .ok()
                })
            })
            .join();
        }
    }
}

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub state: AppState,
    pub backend: Backend,
    pub files_dir: PathBuf,
    _db: TestDatabase,
}

pub const SECRETARIAT_PASSWORD: &str = "sekretariat-passord-123";
pub const MEMBER_PASSWORD: &str = "medlem-passord-123";

impl TestApp {
    pub async fn spawn(backend: Backend) -> Self {
        Self::spawn_with(backend, &[]).await
    }

    /// Starts a server; `extra` adds environment-style settings (e.g. MOTEBOK_ENV).
    pub async fn spawn_with(backend: Backend, extra: &[(&str, &str)]) -> Self {
        let db = TestDatabase::new(backend).await;
        let files_dir =
            std::env::temp_dir().join(format!("motebok_files_{}", uuid::Uuid::new_v4().simple()));
        let mut vars: Vec<(String, String)> = vec![
            ("DATABASE_URL".into(), db.url.clone()),
            ("MOTEBOK_BIND".into(), "127.0.0.1:0".into()),
            ("MOTEBOK_FILES_DIR".into(), files_dir.display().to_string()),
        ];
        vars.extend(
            extra
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
        );
        let config = Config::from_vars(&vars).expect("test configuration");
        let app = Application::build(config)
            .await
            .expect("application starts");
        let base = format!("http://127.0.0.1:{}", app.port());
        let state = app.state.clone();
        tokio::spawn(app.run());
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .expect("http client");
        Self {
            base,
            client,
            state,
            backend,
            files_dir,
            _db: db,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Posts a GraphQL operation and returns the whole JSON response.
    pub async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let mut req = self
            .client
            .post(self.url("/graphql"))
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send()
            .await
            .expect("request")
            .json()
            .await
            .expect("JSON response")
    }

    /// Like `gql`, but panics on errors and returns `data`.
    pub async fn gql_ok(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let res = self.gql(token, query, variables).await;
        assert!(res.get("errors").is_none(), "unexpected errors: {res:#}");
        res["data"].clone()
    }

    /// Creates an account directly through the service layer and logs in; returns the access token.
    pub async fn user(&self, role: entity::enums::UserRole, person_id: Option<i32>) -> String {
        let password = match role {
            entity::enums::UserRole::Secretariat => SECRETARIAT_PASSWORD,
            _ => MEMBER_PASSWORD,
        };
        let email = format!("{}@example.no", uuid::Uuid::new_v4().simple());
        motebok::service::users::create(
            &self.state.db.write,
            &motebok::auth::policy::system_write("test"),
            motebok::service::users::NewUser {
                email: email.clone(),
                display_name: format!("Test {role:?}"),
                role,
                password: password.into(),
                person_id,
            },
        )
        .await
        .expect("create user");
        self.login(&email, password).await
    }

    pub async fn login(&self, email: &str, password: &str) -> String {
        let res = self
            .client
            .post(self.url("/auth/login"))
            .json(&json!({ "email": email, "password": password }))
            .send()
            .await
            .expect("login request");
        assert_eq!(res.status(), 200, "login failed");
        let body: Value = res.json().await.expect("login JSON");
        body["accessToken"]
            .as_str()
            .expect("accessToken")
            .to_owned()
    }

    pub async fn secretariat(&self) -> String {
        self.user(entity::enums::UserRole::Secretariat, None).await
    }
}

/// The first error's `extensions.code`, if any.
pub fn error_code(res: &Value) -> Option<&str> {
    res["errors"][0]["extensions"]["code"].as_str()
}
