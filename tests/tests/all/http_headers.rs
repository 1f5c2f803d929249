//! Response headers (SECURITY.md items 29 and 30): no caching of private data, no sniffing,
//! no referrer, no framing, HSTS where TLS is in front, and CORS for an exact list only.
use motebok_tests::{Backend, TestApp, both_backends};
use reqwest::{Method, Response};
use serde_json::json;

const PROD_SECRET: &str = "3f8a2c9e71d04b6a5e2f8c1d9b7a3e6f0c4d8b2a6e1f9c3d7b5a0e4f8c2d6b1a";
const WEB: &str = "https://web.example.no";

fn header<'a>(res: &'a Response, name: &str) -> Option<&'a str> {
    res.headers().get(name).and_then(|v| v.to_str().ok())
}

both_backends!(
    every_api_answer_forbids_caching_sniffing_referrers_and_framing,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let c = &app.client;
        let answers = vec![
            (
                "graphql",
                c.post(app.url("/graphql"))
                    .bearer_auth(&token)
                    .json(&json!({ "query": "{ me { id } }" }))
                    .send()
                    .await
                    .unwrap(),
            ),
            (
                "graphql error",
                c.post(app.url("/graphql"))
                    .json(&json!({ "query": "{ nope }" }))
                    .send()
                    .await
                    .unwrap(),
            ),
            (
                "415",
                c.post(app.url("/graphql")).body("x").send().await.unwrap(),
            ),
            (
                "405",
                c.get(app.url("/graphql?query=mutation%7B__typename%7D"))
                    .send()
                    .await
                    .unwrap(),
            ),
            (
                "login",
                c.post(app.url("/auth/login"))
                    .json(&json!({ "email": "x@example.no", "password": "y" }))
                    .send()
                    .await
                    .unwrap(),
            ),
            (
                "refresh",
                c.post(app.url("/auth/refresh")).send().await.unwrap(),
            ),
            ("health", c.get(app.url("/health")).send().await.unwrap()),
        ];

        for (what, res) in &answers {
            assert_eq!(header(res, "cache-control"), Some("no-store"), "{what}");
            assert_eq!(
                header(res, "x-content-type-options"),
                Some("nosniff"),
                "{what}"
            );
            assert_eq!(
                header(res, "referrer-policy"),
                Some("no-referrer"),
                "{what}"
            );
            assert_eq!(header(res, "x-frame-options"), Some("DENY"), "{what}");
            let csp = header(res, "content-security-policy").unwrap_or_default();
            assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
            assert!(csp.contains("default-src 'none'"), "{what}: {csp}");
            assert!(
                header(res, "x-request-id").is_some_and(|id| !id.is_empty()),
                "{what}"
            );
        }
        // GraphiQL needs its scripts, but still may not be framed.
        let graphiql = c.get(app.url("/graphql")).send().await.unwrap();
        let csp = header(&graphiql, "content-security-policy").unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    }
);

both_backends!(
    hsts_is_sent_in_production_or_when_configured_and_not_otherwise,
    |backend: Backend| async move {
        let dev = TestApp::spawn(backend).await;
        let dev_on = TestApp::spawn_with(backend, &[("MOTEBOK_HSTS", "on")]).await;
        let prod = TestApp::spawn_with(
            backend,
            &[
                ("MOTEBOK_ENV", "production"),
                ("MOTEBOK_JWT_SECRET", PROD_SECRET),
            ],
        )
        .await;
        let prod_off = TestApp::spawn_with(
            backend,
            &[
                ("MOTEBOK_ENV", "production"),
                ("MOTEBOK_JWT_SECRET", PROD_SECRET),
                ("MOTEBOK_HSTS", "off"),
            ],
        )
        .await;
        let hsts = |app: &TestApp| {
            let url = app.url("/health");
            let client = app.client.clone();
            async move {
                let res = client.get(url).send().await.unwrap();
                header(&res, "strict-transport-security").map(str::to_owned)
            }
        };

        assert_eq!(hsts(&dev).await, None);
        assert_eq!(hsts(&prod_off).await, None);
        for app in [&prod, &dev_on] {
            let value = hsts(app).await.expect("HSTS header");
            let max_age: u64 = value
                .trim_start_matches("max-age=")
                .split(';')
                .next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_default();
            assert!(max_age >= 31_536_000, "{value}");
        }
    }
);

async fn preflight(app: &TestApp, origin: &str) -> Response {
    app.client
        .request(Method::OPTIONS, app.url("/graphql"))
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization,content-type",
        )
        .send()
        .await
        .unwrap()
}

both_backends!(
    cors_answers_exactly_the_configured_origins_and_mirrors_nothing,
    |backend: Backend| async move {
        let app = TestApp::spawn_with(backend, &[("MOTEBOK_WEB_ORIGINS", WEB)]).await;

        let ours = preflight(&app, WEB).await;
        assert_eq!(header(&ours, "access-control-allow-origin"), Some(WEB));
        assert_eq!(
            header(&ours, "access-control-allow-credentials"),
            Some("true")
        );
        let allowed_headers = header(&ours, "access-control-allow-headers")
            .unwrap_or_default()
            .to_lowercase();
        assert!(
            allowed_headers.contains("authorization"),
            "{allowed_headers}"
        );

        for foreign in [
            "https://evil.example",
            "https://web.example.no.evil.example",
            "http://web.example.no",
            "https://web.example.no:8443",
            "null",
            "http://localhost:5173",
        ] {
            let res = preflight(&app, foreign).await;
            assert_eq!(
                header(&res, "access-control-allow-origin"),
                None,
                "{foreign} was allowed"
            );
            let simple = app
                .client
                .post(app.url("/graphql"))
                .header("origin", foreign)
                .json(&json!({ "query": "{ __typename }" }))
                .send()
                .await
                .unwrap();
            assert_eq!(
                header(&simple, "access-control-allow-origin"),
                None,
                "{foreign} was allowed"
            );
        }
        let simple = app
            .client
            .post(app.url("/graphql"))
            .header("origin", WEB)
            .json(&json!({ "query": "{ __typename }" }))
            .send()
            .await
            .unwrap();
        assert_eq!(header(&simple, "access-control-allow-origin"), Some(WEB));
        assert!(
            simple.headers().get_all("vary").iter().any(|v| v
                .to_str()
                .unwrap_or_default()
                .to_lowercase()
                .contains("origin")),
            "a cache could hand one origin's answer to another"
        );
    }
);

/// The directives a CSP header sets, by name.
fn directives(csp: &str) -> std::collections::HashMap<&str, Vec<&str>> {
    csp.split(';')
        .filter_map(|d| {
            let mut words = d.split_whitespace();
            Some((words.next()?, words.collect()))
        })
        .collect()
}

both_backends!(
    the_web_app_is_served_under_a_strict_content_security_policy,
    |backend: Backend| async move {
        let dir =
            std::env::temp_dir().join(format!("motebok_web_{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(dir.join("assets")).unwrap();
        std::fs::write(
            dir.join("index.html"),
            r#"<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>"#,
        )
        .unwrap();
        std::fs::write(dir.join("assets/app.js"), "console.log('møtebok');").unwrap();
        let app = TestApp::spawn_with(backend, &[("MOTEBOK_WEB_DIR", dir.to_str().unwrap())]).await;
        let c = &app.client;

        for path in ["/", "/moter/2-2025", "/assets/app.js"] {
            let res = c.get(app.url(path)).send().await.unwrap();
            assert_eq!(res.status(), 200, "{path}");
            let csp = header(&res, "content-security-policy")
                .unwrap_or_default()
                .to_owned();
            let d = directives(&csp);
            assert_eq!(d.get("default-src"), Some(&vec!["'self'"]), "{path}: {csp}");
            for (name, only) in [
                ("script-src", vec!["'self'"]),
                ("style-src", vec!["'self'"]),
                ("object-src", vec!["'none'"]),
                ("base-uri", vec!["'none'"]),
                ("frame-ancestors", vec!["'none'"]),
            ] {
                assert_eq!(d.get(name), Some(&only), "{path}: {name} in {csp}");
            }
            assert!(
                !csp.contains("unsafe-") && !csp.contains('*'),
                "{path}: {csp}"
            );
            assert_eq!(
                header(&res, "x-content-type-options"),
                Some("nosniff"),
                "{path}"
            );
            assert_eq!(
                header(&res, "referrer-policy"),
                Some("no-referrer"),
                "{path}"
            );
            assert_eq!(header(&res, "x-frame-options"), Some("DENY"), "{path}");
        }
        // The API beside it keeps its own, stricter policy.
        let api = c.get(app.url("/health")).send().await.unwrap();
        let csp = header(&api, "content-security-policy").unwrap_or_default();
        assert_eq!(
            directives(csp).get("default-src"),
            Some(&vec!["'none'"]),
            "{csp}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
);

both_backends!(
    an_unknown_path_without_the_web_app_still_gets_the_security_headers,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;

        let res = app.client.get(app.url("/nowhere")).send().await.unwrap();

        assert_eq!(res.status(), 404);
        let csp = header(&res, "content-security-policy").unwrap_or_default();
        assert!(csp.contains("default-src 'none'"), "{csp}");
        assert_eq!(header(&res, "x-content-type-options"), Some("nosniff"));
    }
);

/// The web app's pages must run under `script-src 'self'; style-src 'self'`: no inline
/// script or style in the page Vite starts from, nor in the built one when there is one.
#[test]
fn the_web_apps_pages_have_no_inline_script_or_style() {
    let web = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web");
    let pages = [web.join("index.html"), web.join("dist/index.html")];
    let mut checked = 0;
    for page in pages.iter().filter(|p| p.exists()) {
        let html = std::fs::read_to_string(page).unwrap().to_lowercase();
        for tag in html.split("<script").skip(1) {
            let open = tag.split('>').next().unwrap_or_default();
            assert!(
                open.contains(" src="),
                "{}: an inline script",
                page.display()
            );
        }
        assert!(
            !html.contains("<style"),
            "{}: an inline style",
            page.display()
        );
        assert!(
            !html.contains(" style="),
            "{}: a style attribute",
            page.display()
        );
        let handler = html.split(" on").skip(1).any(|rest| {
            let name: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
            !name.is_empty() && rest[name.len()..].starts_with('=')
        });
        assert!(!handler, "{}: an inline event handler", page.display());
        checked += 1;
    }
    assert!(checked >= 1, "web/index.html is missing");
}
