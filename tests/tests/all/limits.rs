//! The hostile-request limits of SECURITY.md items 1–7: what async-graphql and axum leave
//! open by default is closed.
use std::time::Duration;

use motebok_tests::{Backend, TestApp, both_backends, error_code};
use serde_json::{Value, json};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

const PROD_SECRET: &str = "3f8a2c9e71d04b6a5e2f8c1d9b7a3e6f0c4d8b2a6e1f9c3d7b5a0e4f8c2d6b1a";

async fn production(backend: Backend) -> TestApp {
    TestApp::spawn_with(
        backend,
        &[
            ("MOTEBOK_ENV", "production"),
            ("MOTEBOK_JWT_SECRET", PROD_SECRET),
        ],
    )
    .await
}

fn limited(res: &Value) -> bool {
    res["errors"].as_array().is_some_and(|e| {
        e.iter()
            .any(|e| e["extensions"]["code"] == "LIMIT_EXCEEDED")
    })
}

async fn post_raw(
    app: &TestApp,
    content_type: Option<&str>,
    body: impl Into<reqwest::Body>,
) -> (u16, Value) {
    let mut req = app.client.post(app.url("/graphql")).body(body);
    if let Some(ct) = content_type {
        req = req.header("content-type", ct);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

both_backends!(
    production_has_no_introspection_no_suggestions_and_no_graphiql,
    |backend: Backend| async move {
        let prod = production(backend).await;
        let dev = TestApp::spawn(backend).await;
        let schema = "{ __schema { types { name } } }";
        let one_type = "{ __type(name: \"Meeting\") { fields { name } } }";
        let typo = "{ meetingz { totalCount } }";

        let dev_schema = dev.gql(None, schema, json!({})).await;
        let dev_typo = dev.gql(None, typo, json!({})).await;
        let dev_page = dev.client.get(dev.url("/graphql")).send().await.unwrap();
        assert!(
            dev_schema["data"]["__schema"]["types"].is_array(),
            "development has introspection"
        );
        assert!(dev_typo.to_string().contains("Did you mean"), "{dev_typo}");
        assert_eq!(dev_page.status(), 200);
        assert!(
            dev_page
                .text()
                .await
                .unwrap()
                .to_lowercase()
                .contains("graphiql")
        );

        for query in [schema, one_type] {
            // async-graphql answers a disabled introspection field with null.
            let res = prod.gql(None, query, json!({})).await;
            assert!(!res.to_string().contains("\"types\""), "{res}");
            assert!(!res.to_string().contains("\"fields\""), "{res}");
            assert!(!res.to_string().contains("Meeting"), "{res}");
        }
        let res = prod.gql(None, typo, json!({})).await;
        assert!(res["errors"].is_array());
        assert!(!res.to_string().contains("Did you mean"), "{res}");
        let page = prod.client.get(prod.url("/graphql")).send().await.unwrap();
        assert_eq!(page.status(), 404);
    }
);

both_backends!(
    graphiqls_own_introspection_query_passes_the_depth_limit_in_development,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let of_type = "ofType { kind name ".repeat(8) + &"}".repeat(8);
        let query = format!(
            "{{ __schema {{ queryType {{ name }} types {{ kind name fields(includeDeprecated: true) {{ name args {{ name type {{ kind name {of_type} }} }} type {{ kind name {of_type} }} }} }} }} }}"
        );

        let res = app.gql(None, &query, json!({})).await;

        assert!(res["errors"].is_null(), "{res}");
        assert!(res["data"]["__schema"]["types"].is_array());
    }
);

both_backends!(
    queries_nested_deeper_than_ten_levels_are_refused,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let deep = "{ people { edges { node { appointments { person { appointments { person { appointments { person { name } } } } } } } } } }";
        let deeper = "{ people { edges { node { appointments { person { appointments { person { appointments { person { appointments { id } } } } } } } } } } }";

        let ok = app.gql(None, deep, json!({})).await;
        let refused = app.gql(None, deeper, json!({})).await;

        assert!(!limited(&ok), "depth 10 was refused: {ok}");
        assert!(limited(&refused), "depth 11 passed: {refused}");
    }
);

both_backends!(
    a_query_over_the_complexity_limit_is_refused,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let fields = "id code year number date startsAt endsAt location room format status \
            noticePublishedAt minutesStatus minutesSentOn commentDeadline minutesApprovedAt \
            minutesPublishedAt note version \
            saker { id code year number position title types standingKind timeStart timeEnd \
              toText fromText background reason keyPoints proposedVedtak discussion vedtak status \
              addedUnderEventuelt version caseOfficers { id name } attachments { id title } } \
            attendance { id category status person { id name } }";
        let query = |first: u32| {
            format!("{{ meetings(first: {first}) {{ edges {{ node {{ {fields} }} }} }} }}")
        };

        let small = app.gql(None, &query(10), json!({})).await;
        let large = app.gql(None, &query(100), json!({})).await;

        assert!(small["errors"].is_null(), "{small}");
        assert!(limited(&large), "{large}");
    }
);

both_backends!(
    more_than_fifteen_aliases_are_refused_even_of_typename_and_through_fragments,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let aliases = |n: usize, field: &str| {
            (0..n)
                .map(|i| format!("a{i}: {field}"))
                .collect::<Vec<_>>()
                .join(" ")
        };

        let fifteen = app
            .gql(
                None,
                &format!("{{ {} }}", aliases(15, "__typename")),
                json!({}),
            )
            .await;
        let typename_flood = app
            .gql(
                None,
                &format!("{{ {} }}", aliases(16, "__typename")),
                json!({}),
            )
            .await;
        let me_flood = app
            .gql(
                None,
                &format!("{{ {} }}", aliases(16, "me { id }")),
                json!({}),
            )
            .await;
        let via_fragments = app
            .gql(
                None,
                &format!(
                    "query {{ ...F x: me {{ __typename }} y: me {{ __typename }} }} fragment F on Query {{ {} }}",
                    aliases(14, "__typename")
                ),
                json!({}),
            )
            .await;
        let spread_twice = app
            .gql(
                None,
                &format!(
                    "query {{ ...F ... on Query {{ ...F }} }} fragment F on Query {{ {} }}",
                    aliases(8, "__typename")
                ),
                json!({}),
            )
            .await;

        assert!(fifteen["errors"].is_null(), "{fifteen}");
        for refused in [&typename_flood, &me_flood, &via_fragments, &spread_twice] {
            assert!(limited(refused), "{refused}");
            assert!(refused["data"].is_null(), "{refused}");
        }
    }
);

both_backends!(
    more_than_five_directives_on_a_field_are_refused,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let directives = |n: usize| "@include(if: true) ".repeat(n);

        let six = app
            .gql(
                None,
                &format!("{{ __typename {} }}", directives(6)),
                json!({}),
            )
            .await;
        let many = app
            .gql(
                None,
                &format!("{{ __typename {} }}", directives(500)),
                json!({}),
            )
            .await;
        let five = app
            .gql(
                None,
                &format!("{{ __typename {} }}", directives(5)),
                json!({}),
            )
            .await;

        assert!(limited(&six), "{six}");
        assert!(limited(&many), "{many}");
        // Five repeated directives are wrong for other reasons, but not refused by the limit.
        assert!(!limited(&five), "{five}");
    }
);

both_backends!(
    fragments_that_double_each_other_are_refused_at_once,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let mut query = String::from("query { ...F0 }");
        for i in 0..40 {
            query.push_str(&format!(
                " fragment F{i} on Query {{ ...F{n} ...F{n} }}",
                n = i + 1
            ));
        }
        query.push_str(" fragment F40 on Query { __typename }");

        // 2^40 selections if expanded: the server must refuse it without trying.
        let res = tokio::time::timeout(Duration::from_secs(10), app.gql(None, &query, json!({})))
            .await
            .expect("the server spent more than 10 s on a 2 KB query");

        assert!(limited(&res), "{res}");
        let health = app.client.get(app.url("/health")).send().await.unwrap();
        assert_eq!(health.status(), 200);
    }
);

both_backends!(a_batch_is_refused_with_400, |backend: Backend| async move {
    let app = TestApp::spawn(backend).await;
    let batch = json!([{ "query": "{ me { id } }" }, { "query": "{ me { id } }" }]).to_string();

    let (status, body) = post_raw(&app, Some("application/json"), batch).await;
    let (spaced, _) = post_raw(
        &app,
        Some("application/json"),
        "  \n [{\"query\":\"{ me { id } }\"}]",
    )
    .await;

    assert_eq!(status, 400);
    assert_eq!(error_code(&body), Some("BAD_REQUEST"));
    assert_eq!(spaced, 400);
});

/// Sends a JSON body over a bare connection (with a length, or chunked) and returns the
/// whole answer. The server may answer before the body is through; an ordinary client then
/// reports a broken pipe instead of the answer, so the body goes out from its own task.
async fn raw_post(app: &TestApp, body: Vec<u8>, chunked: bool) -> String {
    let address = app.base.trim_start_matches("http://").to_owned();
    let (mut reader, mut writer) = TcpStream::connect(&address).await.unwrap().into_split();
    let framing = if chunked {
        "Transfer-Encoding: chunked".to_owned()
    } else {
        format!("Content-Length: {}", body.len())
    };
    writer
        .write_all(
            format!("POST /graphql HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nConnection: close\r\n{framing}\r\n\r\n")
                .as_bytes(),
        )
        .await
        .unwrap();
    // The writer stays open until the answer is read: a client that half-closes first is,
    // to hyper, a client that left.
    let sender = tokio::spawn(async move {
        if chunked {
            for chunk in body.chunks(16 * 1024) {
                let head = format!("{:x}\r\n", chunk.len());
                if writer.write_all(head.as_bytes()).await.is_err()
                    || writer.write_all(chunk).await.is_err()
                    || writer.write_all(b"\r\n").await.is_err()
                {
                    return writer;
                }
            }
            let _ = writer.write_all(b"0\r\n\r\n").await;
        } else {
            let _ = writer.write_all(&body).await;
        }
        writer
    });
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(20), reader.read_to_end(&mut answer))
        .await
        .expect("no answer within 20 s");
    drop(sender);
    let _ = read;
    String::from_utf8_lossy(&answer).into_owned()
}

both_backends!(
    a_body_over_256_kib_is_refused_with_413,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let body = |size: usize| {
            json!({ "query": "query($x: String) { me { id } }", "variables": { "x": "a".repeat(size) } })
                .to_string()
                .into_bytes()
        };

        let under = raw_post(&app, body(250 * 1024), false).await;
        let over = raw_post(&app, body(300 * 1024), false).await;
        let huge = raw_post(&app, body(8 * 1024 * 1024), false).await;
        let chunked_under = raw_post(&app, body(250 * 1024), true).await;
        let chunked_over = raw_post(&app, body(300 * 1024), true).await;

        assert!(
            under.starts_with("HTTP/1.1 200"),
            "{}",
            &under[..under.len().min(200)]
        );
        assert!(
            chunked_under.starts_with("HTTP/1.1 200"),
            "{}",
            &chunked_under[..chunked_under.len().min(200)]
        );
        for refused in [&over, &huge, &chunked_over] {
            assert!(
                refused.starts_with("HTTP/1.1 413"),
                "{}",
                &refused[..refused.len().min(200)]
            );
            assert!(refused.contains("\"PAYLOAD_TOO_LARGE\""), "{refused}");
        }
    }
);

both_backends!(
    a_mutation_over_get_is_refused_with_405,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;

        let res = app
            .client
            .get(app.url("/graphql"))
            .query(&[("query", "mutation { __typename }")])
            .send()
            .await
            .unwrap();
        let query = app
            .client
            .get(app.url("/graphql"))
            .query(&[("query", "{ __typename }")])
            .send()
            .await
            .unwrap();

        assert_eq!(res.status(), 405);
        assert_eq!(res.headers()["allow"], "POST");
        let body: Value = res.json().await.unwrap();
        assert_eq!(error_code(&body), Some("METHOD_NOT_ALLOWED"));
        assert_eq!(query.status(), 200, "queries over GET still work");
    }
);

both_backends!(
    text_plain_and_form_bodies_are_refused_with_415_and_run_nothing,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let session = app.secretariat().await;
        let mint = json!({
            "query": "mutation { createApiToken(input: { name: \"csrf\", scopes: [\"write\"] }) { token } }"
        })
        .to_string();

        let mut statuses = Vec::new();
        for ct in [
            Some("text/plain"),
            Some("text/plain;charset=UTF-8"),
            Some("application/x-www-form-urlencoded"),
            Some("multipart/form-data; boundary=x"),
            None,
        ] {
            let mut req = app
                .client
                .post(app.url("/graphql"))
                .bearer_auth(&session)
                .body(mint.clone());
            if let Some(ct) = ct {
                req = req.header("content-type", ct);
            }
            let res = req.send().await.unwrap();
            statuses.push((ct, res.status().as_u16()));
            let body: Value = res.json().await.unwrap();
            assert_eq!(error_code(&body), Some("UNSUPPORTED_MEDIA_TYPE"), "{ct:?}");
        }

        assert!(statuses.iter().all(|(_, s)| *s == 415), "{statuses:?}");
        let tokens = app
            .gql_ok(Some(&session), "{ apiTokens { id } }", json!({}))
            .await;
        assert_eq!(
            tokens["apiTokens"],
            json!([]),
            "a non-JSON body ran the mutation"
        );
    }
);

both_backends!(
    a_request_whose_body_never_arrives_times_out,
    |backend: Backend| async move {
        let app = TestApp::spawn_with(backend, &[("MOTEBOK_REQUEST_TIMEOUT", "1")]).await;
        let address = app.base.trim_start_matches("http://").to_owned();
        let mut stream = TcpStream::connect(&address).await.unwrap();

        // Promise 1000 bytes, send 10, then wait.
        stream
            .write_all(
                format!(
                    "POST /graphql HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"query\":"
                )
                .as_bytes(),
            )
            .await
            .unwrap();
        let mut answer = vec![0u8; 1024];
        let read = tokio::time::timeout(Duration::from_secs(15), stream.read(&mut answer))
            .await
            .expect("the server waited for the body for more than 15 s")
            .unwrap();

        let head = String::from_utf8_lossy(&answer[..read]);
        assert!(head.starts_with("HTTP/1.1 408"), "{head}");
    }
);

both_backends!(
    postgresql_statements_have_a_timeout,
    |backend: Backend| async move {
        if backend != Backend::Postgres {
            return;
        }
        let app = TestApp::spawn(backend).await;
        use sea_orm::{ConnectionTrait, Statement};
        let row = app
            .state
            .db
            .read
            .query_one_raw(Statement::from_string(
                app.state.db.backend(),
                "SHOW statement_timeout",
            ))
            .await
            .unwrap()
            .unwrap();
        let timeout: String = row.try_get("", "statement_timeout").unwrap();
        assert_ne!(timeout, "0", "no statement timeout");
    }
);

both_backends!(
    a_negative_or_huge_first_is_a_validation_error_on_every_list,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let lists = [
            "people",
            "organisations",
            "users",
            "meetings",
            "policyDocuments",
            "deadlines",
            "workingGroups",
            "myWorkingGroups",
            "auditLog",
            "events",
            "publications",
        ];

        for list in lists {
            for first in [i32::MIN, -1, 101, i32::MAX] {
                let query = format!("{{ {list}(first: {first}) {{ totalCount }} }}");
                let res = app.gql(Some(&sec), &query, json!({})).await;
                // Before the complexity was clamped, a negative `first` overflowed it: a panic.
                assert_eq!(error_code(&res), Some("VALIDATION"), "{query}: {res}");
                assert_eq!(res["errors"][0]["extensions"]["field"], "first", "{query}");
            }
        }
        let still = app
            .gql(
                Some(&sec),
                "{ meetings(first: 0) { totalCount } }",
                json!({}),
            )
            .await;
        assert!(still["errors"].is_null(), "{still}");
    }
);
