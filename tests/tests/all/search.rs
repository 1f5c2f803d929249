//! Search: ranked hits with highlighted, escaped snippets, Norwegian word forms, input
//! limits, the index following edits, and the same visibility rules as everything else.

use crate::rows::{self, SakText, d};
use entity::{
    enums::{MeetingStatus, MinutesStatus, UserRole},
    sak,
};
use motebok_tests::{Backend, TestApp, both_backends, error_code};
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

/// `n` saker titled "Statsbudsjettet" in a meeting whose minutes are published.
async fn budget_saker(app: &TestApp, n: i32) -> Vec<sak::Model> {
    let m = rows::meeting(
        app,
        1,
        d(2025, 2, 5),
        MeetingStatus::Held,
        MinutesStatus::Published,
    )
    .await;
    let mut saker = Vec::new();
    for number in 1..=n {
        let text = SakText {
            title: "Statsbudsjettet",
            ..Default::default()
        };
        saker.push(rows::sak(app, &m, number, text).await);
    }
    saker
}

both_backends!(
    the_index_follows_edits_and_first_limits_the_hits,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let ids = budget_saker(&app, 4).await;
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

const NAME_SEARCH: &str = r#"
query($text: String!) {
  search(text: $text) { kind title snippet person { name } organisation { name shortName } }
}"#;

both_backends!(
    people_and_organisations_are_found_by_name_but_not_by_what_only_the_secretariat_reads,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let fhi = app
            .gql_ok(
                Some(&token),
                "mutation { createOrganisation(input: { name: \"Folkehelseinstituttet\", shortName: \"FHI\" }) { id } }",
                json!({}),
            )
            .await["createOrganisation"]["id"]
            .clone();
        for (name, title, note) in [
            ("Guri Rørtveit", "direktør", "Hemmelighold telefonnummeret"),
            ("Øivind Enger", "daglig leder", ""),
            ("Guri Hansen", "rådgiver", ""),
        ] {
            app.gql_ok(
                Some(&token),
                "mutation($input: PersonInput!, $org: ID) { createPerson(input: $input, organisationId: $org) { id } }",
                json!({ "input": { "name": name, "title": title, "note": note }, "org": fhi }),
            )
            .await;
        }
        let hits = |token: Option<String>, text: &'static str| {
            let app = &app;
            async move {
                app.gql_ok(token.as_deref(), NAME_SEARCH, json!({ "text": text }))
                    .await["search"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
            }
        };

        let rortveit = hits(None, "rørtveit").await;
        let oivind = hits(None, "øivind").await;
        let guri = hits(Some(token.clone()), "guri").await;
        let both = hits(None, "GURI RØR").await;
        let not_hansen = hits(None, "guri -hansen").await;
        let fhi_hits = hits(None, "fhi").await;
        let note = hits(Some(token.clone()), "hemmelighold").await;

        assert_eq!(rortveit.len(), 1, "{rortveit:#?}");
        assert_eq!(rortveit[0]["kind"], "PERSON");
        assert_eq!(rortveit[0]["person"]["name"], "Guri Rørtveit");
        assert_eq!(rortveit[0]["title"], "Guri <mark>Rørtveit</mark>");
        assert_eq!(rortveit[0]["snippet"], "direktør");
        // SQLite's lower() knows only ASCII: "øivind" must still find "Øivind".
        assert_eq!(oivind[0]["person"]["name"], "Øivind Enger");
        assert_eq!(oivind[0]["title"], "<mark>Øivind</mark> Enger");
        assert_eq!(guri.len(), 2);
        assert_eq!(both.len(), 1);
        assert_eq!(both[0]["title"], "<mark>Guri</mark> <mark>Rør</mark>tveit");
        assert_eq!(not_hansen.len(), 1);
        assert_eq!(not_hansen[0]["person"]["name"], "Guri Rørtveit");
        assert_eq!(fhi_hits.len(), 1);
        assert_eq!(fhi_hits[0]["kind"], "ORGANISATION");
        assert_eq!(fhi_hits[0]["organisation"]["name"], "Folkehelseinstituttet");
        assert!(note.is_empty(), "notes are not searched: {note:#?}");
    }
);

const PAGED_SEARCH: &str = r#"
query($text: String!, $first: Int, $after: String) {
  search(text: $text, first: $first, after: $after) { cursor sak { code } }
}"#;

both_backends!(
    search_pages_through_its_hits_with_after_and_refuses_a_bad_cursor,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        budget_saker(&app, 5).await;
        let page = |first: i64, after: Value| {
            let app = &app;
            async move {
                app.gql_ok(
                    None,
                    PAGED_SEARCH,
                    json!({ "text": "statsbudsjettet", "first": first, "after": after }),
                )
                .await["search"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
            }
        };
        let codes = |hits: &[Value]| -> Vec<String> {
            hits.iter()
                .map(|h| h["sak"]["code"].as_str().unwrap_or_default().to_owned())
                .collect()
        };

        let all = page(50, Value::Null).await;
        let first = page(2, Value::Null).await;
        let second = page(2, first[1]["cursor"].clone()).await;
        let third = page(2, second[1]["cursor"].clone()).await;

        assert_eq!(all.len(), 5);
        let paged: Vec<String> = [first, second, third.clone()]
            .concat()
            .iter()
            .map(|h| h["sak"]["code"].as_str().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(
            paged,
            codes(&all),
            "the pages follow each other without gaps or repeats"
        );
        assert_eq!(third.len(), 1);
        assert!(page(2, third[0]["cursor"].clone()).await.is_empty());

        use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
        for after in ["not a cursor".to_owned(), URL_SAFE_NO_PAD.encode("o:199")] {
            let res = app
                .gql(
                    None,
                    PAGED_SEARCH,
                    json!({ "text": "statsbudsjettet", "after": after }),
                )
                .await;
            assert_eq!(error_code(&res), Some("VALIDATION"), "{after}: {res:#}");
            assert_eq!(res["errors"][0]["extensions"]["field"], "after");
        }
    }
);
