//! SECURITY.md item 8: schemathesis (PyPI) fuzzes every query and mutation in the checked-in
//! SDL against a running server with data in it; no answer may be a 5xx, non-GraphQL or
//! INTERNAL (tests/fuzz/graphql_fuzz.py decides and reports). The fuzz user must come out of
//! the run with its session and role: had a mutation taken them, the answers after it would
//! have been UNAUTHENTICATED or FORBIDDEN and tested nothing.
use std::{process::Command, sync::OnceLock};

use entity::enums::UserRole;
use motebok_tests::{Backend, TestApp, both_backends};
use serde_json::json;

use crate::policy_fixtures::*;

const FUZZER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/graphql_fuzz.py");
const SDL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema.graphql");
/// Pinned so a new release cannot change what a passing run means.
const SCHEMATHESIS: &str = "schemathesis==4.32.5";

/// Installs schemathesis once per test run if the machine lacks it.
fn ensure_schemathesis() {
    static READY: OnceLock<()> = OnceLock::new();
    READY.get_or_init(|| {
        let present = Command::new("python3")
            .args(["-c", "import schemathesis"])
            .status()
            .is_ok_and(|s| s.success());
        if !present {
            let installed = Command::new("python3")
                .args(["-m", "pip", "install", "--quiet", SCHEMATHESIS])
                .status()
                .is_ok_and(|s| s.success());
            assert!(installed, "could not install {SCHEMATHESIS} with pip");
        }
    });
}

both_backends!(
    the_fuzzer_finds_no_server_errors,
    |backend: Backend| async move {
        ensure_schemathesis();
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        // Some rows, so generated ids and mutations reach resolvers beyond NOT_FOUND.
        let (meeting, version, _) = meeting_with_sak(&app, &token, &day(20)).await;
        publish_notice(&app, &token, &meeting, version).await;
        meeting_with_sak(&app, &token, &day(-30)).await;
        document_with_hoering(&app, &token, "NOU 2026: 1", &day(10), serde_json::json!({})).await;
        person(&app, &token, "Kari Nordmann").await;
        // The account the user mutations act on, so that none acts on the fuzz user's own.
        let target = app.user(UserRole::Member, None).await;
        let target = app.gql_ok(Some(&target), "{ me { id } }", json!({})).await["me"]["id"]
            .as_str()
            .expect("the target's id")
            .to_owned();

        let base = app.base.clone();
        let fuzz_token = token.clone();
        let out = tokio::task::spawn_blocking(move || {
            Command::new("python3")
                .args([FUZZER, SDL, &base, &fuzz_token, &target])
                .output()
                .expect("python3 runs")
        })
        .await
        .expect("fuzzer finishes");
        let report = String::from_utf8_lossy(&out.stdout);
        eprintln!("{report}");
        assert!(
            out.status.success(),
            "the fuzzer found failures:\n{report}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let me = app.gql(Some(&token), "{ me { role } }", json!({})).await;
        assert_eq!(
            me["data"]["me"]["role"], "SECRETARIAT",
            "the fuzz user lost its session or role during the run, so the answers after \
             that were not tested: {me}\n{report}"
        );
    }
);
