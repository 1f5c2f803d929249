//! Search: ranked hits with highlighted, escaped snippets, Norwegian word forms, input
//! limits, the index following edits, and the same visibility rules as everything else.

use entity::{
    enums::{MeetingStatus, MinutesStatus, UserRole},
    sak,
};
use motebok_tests::{Backend, TestApp, both_backends, error_code};
use crate::rows::{self, SakText, d};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::{Value, json};

const SEARCH: &str = r#"
query($text: String!, $first: Int) {
  search(text: $text, first: $first) { kind rank title snippet sak { code title vedtak discussion } }
}"#;

async fn search(app: &TestApp, token: Option<&str>, text: &str) -> Vec<Value> {
    app.gql_ok(token, SEARCH, json!({ "text": text })).await["search"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn titles(hits: &[Value]) -> Vec<String> {
    hits.iter()
        .filter_map(|h| h["sak"]["title"].as_str().map(str::to_owned))
        .collect()
}

both_backends!(
    a_title_match_ranks_above_a_body_match_and_both_are_highlighted,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let m = rows::meeting(
            &app,
            2,
            d(2025, 5, 21),
            MeetingStatus::Held,
            MinutesStatus::Published,
        )
        .await;
        rows::sak(
            &app,
            &m,
            16,
            SakText {
                title: "Arendalsuka 2025",
                background: Some("Rådet planlegger et arrangement om ulikhet i helse."),
                ..Default::default()
            },
        )
        .await;
        rows::sak(
            &app,
            &m,
            17,
            SakText {
                title: "Oppfølging av forskrift",
                background: Some(
                    "Forskriften gjelder nasjonal løsning for tilgjengeliggjøring av helsedata \
                 for forskning og innovasjon i helse- og omsorgssektoren.",
                ),
                ..Default::default()
            },
        )
        .await;
        rows::sak(
            &app,
            &m,
            18,
            SakText {
                title: "Helsedata og kunstig intelligens",
                background: Some("Innspill til strategien."),
                ..Default::default()
            },
        )
        .await;

        let hits = search(&app, None, "helsedata").await;

        assert_eq!(
            titles(&hits),
            [
                "Helsedata og kunstig intelligens",
                "Oppfølging av forskrift"
            ]
        );
        assert_eq!(hits[0]["kind"], "SAK");
        assert!(hits[0]["rank"].as_f64() > hits[1]["rank"].as_f64());
        assert_eq!(
            hits[0]["title"],
            "<mark>Helsedata</mark> og kunstig intelligens"
        );
        let snippet = hits[1]["snippet"].as_str().unwrap_or_default();
        assert!(snippet.contains("<mark>helsedata</mark>"), "{snippet}");
        assert_eq!(hits[1]["sak"]["code"], "17/2/2025");
    }
);

both_backends!(
    inflected_norwegian_words_find_each_other,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let m = rows::meeting(
            &app,
            1,
            d(2020, 3, 4),
            MeetingStatus::Held,
            MinutesStatus::Published,
        )
        .await;
        rows::sak(
            &app,
            &m,
            10,
            SakText {
                title: "Handlingsplan for klinisk studie",
                ..Default::default()
            },
        )
        .await;
        rows::sak(
            &app,
            &m,
            11,
            SakText {
                title: "Rådets arbeidsform",
                ..Default::default()
            },
        )
        .await;

        assert_eq!(
            titles(&search(&app, None, "kliniske studien").await),
            ["Handlingsplan for klinisk studie"]
        );
        assert_eq!(
            titles(&search(&app, None, "rådet").await),
            ["Rådets arbeidsform"]
        );
        assert!(search(&app, None, "studie -handlingsplan").await.is_empty());
        assert_eq!(
            titles(&search(&app, None, "\"klinisk studie\" OR arbeidsform").await).len(),
            2
        );
    }
);

both_backends!(
    search_shows_each_role_only_the_saker_and_minutes_it_may_read,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let held = MeetingStatus::Held;
        let planned = rows::meeting(
            &app,
            4,
            d(2025, 11, 26),
            MeetingStatus::Planned,
            MinutesStatus::None,
        )
        .await;
        let commented = rows::meeting(
            &app,
            3,
            d(2025, 9, 10),
            held,
            MinutesStatus::SentForComments,
        )
        .await;
        let approved = rows::meeting(&app, 2, d(2025, 5, 21), held, MinutesStatus::Approved).await;
        let published = rows::meeting(&app, 1, d(2025, 2, 5), held, MinutesStatus::Published).await;
        rows::sak(
            &app,
            &planned,
            40,
            SakText {
                title: "Utkast: helsedata i planlagt møte",
                ..Default::default()
            },
        )
        .await;
        for (m, n, title) in [
            (&commented, 30, "Referat til kommentar"),
            (&approved, 20, "Godkjent referat"),
            (&published, 10, "Publisert referat"),
        ] {
            rows::sak(
                &app,
                m,
                n,
                SakText {
                    title,
                    background: Some("Saken gjelder forskning."),
                    discussion: Some("Rådet drøftet helsedata og personvern."),
                    vedtak: Some("Rådet ber sekretariatet følge opp helsedata."),
                    ..Default::default()
                },
            )
            .await;
        }
        let member = app.user(UserRole::Member, None).await;
        let observer = app.user(UserRole::Observer, None).await;
        let secretariat = app.secretariat().await;

        let sorted = |hits: Vec<Value>| {
            let mut t = titles(&hits);
            t.sort();
            t
        };
        assert_eq!(
            sorted(search(&app, None, "helsedata").await),
            ["Publisert referat"]
        );
        assert_eq!(
            sorted(search(&app, Some(&observer), "helsedata").await),
            ["Godkjent referat", "Publisert referat"]
        );
        assert_eq!(
            sorted(search(&app, Some(&member), "helsedata").await),
            [
                "Godkjent referat",
                "Publisert referat",
                "Referat til kommentar"
            ]
        );
        assert_eq!(
            sorted(search(&app, Some(&secretariat), "helsedata").await),
            [
                "Godkjent referat",
                "Publisert referat",
                "Referat til kommentar",
                "Utkast: helsedata i planlagt møte"
            ]
        );

        // The papers of a meeting whose minutes the public may not read are found by their
        // saksfremlegg, but no snippet or field shows the minutes.
        let public = search(&app, None, "forskning").await;
        assert_eq!(public.len(), 3, "{public:#?}");
        for hit in &public {
            let shown = hit.to_string();
            let own_minutes = hit["sak"]["title"] == "Publisert referat";
            assert_eq!(shown.contains("personvern"), own_minutes, "{shown}");
            assert!(
                !hit["snippet"]
                    .as_str()
                    .unwrap_or_default()
                    .contains("drøftet")
            );
        }
    }
);

both_backends!(
    snippets_escape_the_papers_html,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let m = rows::meeting(
            &app,
            1,
            d(2025, 2, 5),
            MeetingStatus::Held,
            MinutesStatus::Published,
        )
        .await;
        rows::sak(
            &app,
            &m,
            1,
            SakText {
                title: "Sikkerhet <script>",
                key_points: Some(
                    "Regelen «a < b & c > d» gjelder helsedata for forskning og innovasjon.",
                ),
                ..Default::default()
            },
        )
        .await;

        let hits = search(&app, None, "helsedata").await;

        let snippet = hits[0]["snippet"].as_str().unwrap_or_default();
        assert!(snippet.contains("a &lt; b &amp; c &gt; d"), "{snippet}");
        assert!(snippet.contains("<mark>helsedata</mark>"), "{snippet}");
        assert_eq!(
            snippet.matches('<').count(),
            2,
            "only the mark tags: {snippet}"
        );
        assert_eq!(hits[0]["title"], "Sikkerhet &lt;script&gt;");
    }
);

both_backends!(
    the_index_follows_edits_and_first_limits_the_hits,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let m = rows::meeting(
            &app,
            1,
            d(2025, 2, 5),
            MeetingStatus::Held,
            MinutesStatus::Published,
        )
        .await;
        let mut ids = Vec::new();
        for n in 1..=4 {
            ids.push(
                rows::sak(
                    &app,
                    &m,
                    n,
                    SakText {
                        title: "Statsbudsjettet",
                        ..Default::default()
                    },
                )
                .await,
            );
        }
        let limited = app
            .gql_ok(
                None,
                SEARCH,
                json!({ "text": "statsbudsjettet", "first": 2 }),
            )
            .await;
        assert_eq!(limited["search"].as_array().map(Vec::len), Some(2));

        let mut edit: sak::ActiveModel = ids[0].clone().into();
        edit.title = Set("Kunnskapsgrunnlag".into());
        edit.vedtak = Set(Some("Rådet vedtar uttalelsen om veikartet.".into()));
        edit.update(&app.state.db.write).await.expect("edit");
        sak::Entity::delete_by_id(ids[1].id)
            .exec(&app.state.db.write)
            .await
            .expect("delete");

        assert_eq!(search(&app, None, "statsbudsjettet").await.len(), 2);
        assert_eq!(
            titles(&search(&app, None, "veikartet").await),
            ["Kunnskapsgrunnlag"]
        );
    }
);

both_backends!(
    search_refuses_empty_or_overlong_text_and_a_bad_first,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        for (vars, field) in [
            (json!({ "text": "   " }), "text"),
            (json!({ "text": "a".repeat(201) }), "text"),
            (json!({ "text": "helse", "first": 51 }), "first"),
            (json!({ "text": "helse", "first": 0 }), "first"),
            (json!({ "text": "helse", "first": -1 }), "first"),
        ] {
            let res = app.gql(None, SEARCH, vars.clone()).await;
            assert_eq!(error_code(&res), Some("VALIDATION"), "{vars}: {res:#}");
            assert_eq!(res["errors"][0]["extensions"]["field"], field);
        }
        // Query syntax of either database in the text is just text.
        for text in [
            "\"unterminated -",
            "title:x* NEAR(a b)",
            "a & | ! <->",
            "*",
            "'); DROP TABLE sak; --",
        ] {
            let res = app.gql(None, SEARCH, json!({ "text": text })).await;
            assert!(res.get("errors").is_none(), "{text}: {res:#}");
        }
    }
);
