//! Policy documents, consultation rounds, the overview the council reviews, and deadlines.
use motebok_tests::{Backend, TestApp, both_backends, error_code};
use serde_json::{Value, json};

use crate::policy_fixtures::*;

const OVERVIEW: &str = "{ overview { position followUpProposal
  launch { date text sortDate precision postponed }
  document { id title reference kind version }
  innspill { kind responseStatus sentOn note }
  hoering { kind deadline deadlineText responseStatus sentOn responseUrl flags } } }";

fn titles(rows: &Value) -> Vec<String> {
    rows.as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            r["document"]["title"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

both_backends!(
    the_sak_34_table_entered_through_the_api_reads_back_as_the_overview_in_order,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let table = sak34_table();
        assert_eq!(table.len(), 18, "the table in the papers has 18 rows");
        // Documents the table no longer shows are kept but off the overview.
        let old = create_document(
            &app,
            &token,
            json!({ "kind": "NOU", "reference": "NOU 2023: 4", "title": "Tid for handling", "onOverview": false }),
        )
        .await;
        for row in &table {
            enter_row(&app, &token, row, None).await;
        }

        let rows = app.gql_ok(Some(&token), OVERVIEW, json!({})).await["overview"].clone();

        let expected: Vec<String> = table
            .iter()
            .map(|r| r["title"].as_str().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(titles(&rows), expected);
        assert!(!titles(&rows).contains(&"Tid for handling".to_owned()));
        assert!(old["overviewPosition"].is_null());
        for (i, (row, paper)) in rows
            .as_array()
            .into_iter()
            .flatten()
            .zip(&table)
            .enumerate()
        {
            assert_eq!(row["position"], i + 1);
            assert_eq!(row["launch"]["text"], paper["launch_text"]);
            assert_eq!(row["followUpProposal"], paper["follow_up_proposal"]);
            let rounds = paper["rounds"].as_array().cloned().unwrap_or_default();
            let innspill = rounds.iter().filter(|r| r["kind"] == "innspill").count();
            assert_eq!(
                row["innspill"].as_array().map(Vec::len),
                Some(innspill),
                "{}",
                paper["title"]
            );
            assert_eq!(
                row["hoering"].as_array().map(Vec::len),
                Some(rounds.len() - innspill),
                "{}",
                paper["title"]
            );
        }
        let by_title = |t: &str| {
            rows.as_array()
                .into_iter()
                .flatten()
                .find(|r| r["document"]["title"] == t)
                .cloned()
                .unwrap_or(Value::Null)
        };
        let demens = by_title("Demensplan 2030");
        assert_eq!(demens["launch"]["precision"], "SEASON");
        assert_eq!(demens["launch"]["sortDate"], "2026-06-30");
        let akutt = by_title("Stortingsmelding om akuttmedisinske tjenester");
        assert_eq!(akutt["launch"]["postponed"], true);
        assert_eq!(akutt["launch"]["sortDate"], "2025-12-31");
        assert_eq!(akutt["innspill"][0]["responseStatus"], "NOT_ANSWERED");
        let prioritering =
            by_title("Helse for alle. Rettferdig prioritering i vår felles helsetjeneste");
        assert_eq!(prioritering["launch"]["date"], "2025-04-10");
        assert_eq!(prioritering["innspill"][0]["sentOn"], "2024-03-15");
        assert_eq!(prioritering["hoering"][0]["kind"], "STORTINGET_HEARING");
        let folkehelse = by_title("Folkehelse – verdier, kunnskap og prioritering");
        assert_eq!(folkehelse["hoering"][0]["deadline"], "2025-12-22");
        // Launched 16.9., due 22.12.: long enough, but nobody answers it yet.
        assert_eq!(
            folkehelse["hoering"][0]["flags"],
            json!(["NO_WORKING_GROUP"])
        );
    }
);

/// The overview with every column of the table, as the web app's page
/// (`web/src/consultations/views/OverviewView.tsx` and its fragments) and the paper show it,
/// plus the decision and the rest of each document and round.
const FULL_OVERVIEW: &str = "query OverviewTable {
  overview { position followUpProposal
    launch { date text sortDate ...LaunchText_Launch }
    document { id kind reference title ministry url summary followUpProposal decision
      onOverview overviewPosition version updatedAt decidedInSak { id code title } }
    innspill { ...RoundSummary_Round opensOn responseUrl version updatedAt consultationDays }
    hoering { ...RoundSummary_Round opensOn responseUrl version updatedAt consultationDays } } }
fragment LaunchText_Launch on Launch { date text precision postponed }
fragment RoundSummary_Round on ConsultationRound {
  id kind deadline deadlineText responseStatus sentOn note withdrawn open flags
  workingGroup { id name } }";

both_backends!(
    the_full_overview_query_passes_the_limits_and_matches_the_paper,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let table = sak34_table();
        for row in &table {
            enter_row(&app, &token, row, None).await;
        }
        // A moved row must move on the paper too: both read one service.
        let rows = app.gql_ok(Some(&token), OVERVIEW, json!({})).await["overview"].clone();
        let last = &rows[table.len() - 1]["document"];
        app.gql_ok(
            Some(&token),
            "mutation($id: ID!, $version: Int!) {
               movePolicyDocumentOnOverview(id: $id, version: $version, position: 1) { id } }",
            json!({ "id": last["id"], "version": last["version"] }),
        )
        .await;

        let web = app.gql(Some(&token), FULL_OVERVIEW, json!({})).await;
        let paper = motebok::documents::overview::load(&app.state.db.read, "Rådet", today())
            .await
            .expect("the paper");

        assert!(web.get("errors").is_none(), "{web:#}");
        let api_rows = &web["data"]["overview"];
        assert_eq!(api_rows.as_array().map(Vec::len), Some(table.len()));
        assert_eq!(api_rows[0]["document"]["id"], last["id"]);
        let motebok::documents::model::Block::Table {
            rows: paper_rows, ..
        } = &paper.blocks[2]
        else {
            panic!("the paper's third block is its table");
        };
        let text = |cell: &motebok::documents::model::Cell| -> Vec<String> {
            cell.iter()
                .map(|f| f.spans().iter().map(|s| s.text.as_str()).collect())
                .collect()
        };
        let api_titles: Vec<String> = titles(api_rows);
        let paper_titles: Vec<String> = paper_rows
            .iter()
            .map(|r| text(&r[0]).last().cloned().unwrap_or_default())
            .collect();
        assert_eq!(
            paper_titles, api_titles,
            "the paper and the API list the same rows in order"
        );
        for (api, paper) in api_rows.as_array().into_iter().flatten().zip(paper_rows) {
            let rounds = |col: &str| api[col].as_array().map_or(0, Vec::len);
            assert_eq!(
                text(&paper[1]).len(),
                rounds("innspill"),
                "{}",
                api["document"]["title"]
            );
            assert_eq!(
                text(&paper[3]).len(),
                rounds("hoering"),
                "{}",
                api["document"]["title"]
            );
        }
    }
);

both_backends!(
    a_document_taken_off_the_overview_is_kept_and_comes_back_at_the_bottom,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let a = create_document(&app, &token, json!({ "kind": "STRATEGI", "title": "A" })).await;
        create_document(&app, &token, json!({ "kind": "STRATEGI", "title": "B" })).await;
        create_document(&app, &token, json!({ "kind": "STRATEGI", "title": "C" })).await;
        let set = "mutation($id: ID!, $v: Int!, $on: Boolean!) {
            setPolicyDocumentOnOverview(id: $id, version: $v, onOverview: $on) { version onOverview overviewPosition } }";

        let off = app
            .gql_ok(
                Some(&token),
                set,
                json!({ "id": a["id"], "v": a["version"], "on": false }),
            )
            .await["setPolicyDocumentOnOverview"]
            .clone();
        let rows = app.gql_ok(Some(&token), OVERVIEW, json!({})).await["overview"].clone();
        assert_eq!(titles(&rows), ["B", "C"]);
        assert_eq!(off["onOverview"], false);
        let kept = app
            .gql_ok(
                Some(&token),
                "query($id: ID!) { policyDocument(id: $id) { title onOverview } }",
                json!({ "id": a["id"] }),
            )
            .await;
        assert_eq!(kept["policyDocument"]["title"], "A");

        app.gql_ok(
            Some(&token),
            set,
            json!({ "id": a["id"], "v": off["version"], "on": true }),
        )
        .await;
        let rows = app.gql_ok(Some(&token), OVERVIEW, json!({})).await["overview"].clone();
        assert_eq!(titles(&rows), ["B", "C", "A"]);
    }
);

both_backends!(
    moving_a_row_of_the_overview_shifts_the_rows_between,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        for t in ["A", "B", "C"] {
            create_document(&app, &token, json!({ "kind": "ANNET", "title": t })).await;
        }
        let d = create_document(&app, &token, json!({ "kind": "ANNET", "title": "D" })).await;
        let moved = app
            .gql_ok(
                Some(&token),
                "mutation($id: ID!, $v: Int!) { movePolicyDocumentOnOverview(id: $id, version: $v, position: 2) { overviewPosition } }",
                json!({ "id": d["id"], "v": d["version"] }),
            )
            .await;
        assert_eq!(moved["movePolicyDocumentOnOverview"]["overviewPosition"], 2);
        let rows = app.gql_ok(Some(&token), OVERVIEW, json!({})).await["overview"].clone();
        assert_eq!(titles(&rows), ["A", "D", "B", "C"]);
        let res = app
            .gql(
                Some(&token),
                "mutation($id: ID!) { movePolicyDocumentOnOverview(id: $id, version: 2, position: 9) { id } }",
                json!({ "id": d["id"] }),
            )
            .await;
        assert_eq!(error_code(&res), Some("VALIDATION"));
        assert_eq!(res["errors"][0]["extensions"]["field"], "position");
    }
);

both_backends!(
    editing_a_document_with_a_stale_version_is_a_conflict_and_changes_nothing,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let doc = create_document(
            &app,
            &token,
            json!({ "kind": "MELDING", "title": "Helse for alle", "launchText": "Legges frem våren 2026" }),
        )
        .await;
        let update = "mutation($input: UpdatePolicyDocumentInput!) {
            updatePolicyDocument(input: $input) { version title launch { text sortDate precision } } }";
        let first = app
            .gql_ok(
                Some(&token),
                update,
                json!({ "input": { "id": doc["id"], "version": 1, "launchText": "Lansering i 2025 (utsatt)" } }),
            )
            .await;
        assert_eq!(first["updatePolicyDocument"]["version"], 2);
        assert_eq!(
            first["updatePolicyDocument"]["launch"]["sortDate"],
            "2025-12-31"
        );

        let stale = app
            .gql(
                Some(&token),
                update,
                json!({ "input": { "id": doc["id"], "version": 1, "title": "Overskrevet" } }),
            )
            .await;

        assert_eq!(error_code(&stale), Some("CONFLICT"));
        let now = app
            .gql_ok(
                Some(&token),
                "query($id: ID!) { policyDocument(id: $id) { title version } }",
                json!({ "id": doc["id"] }),
            )
            .await;
        assert_eq!(now["policyDocument"]["title"], "Helse for alle");
        assert_eq!(now["policyDocument"]["version"], 2);
    }
);

both_backends!(
    bad_dates_and_unknown_enum_values_are_rejected_with_clear_errors,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let doc = create_document(
            &app,
            &token,
            json!({ "kind": "NOU", "title": "NOU 2025: 8" }),
        )
        .await;
        let create = |input: Value| {
            let app = &app;
            let token = &token;
            async move {
                app.gql(Some(token), CREATE_DOCUMENT, json!({ "input": input }))
                    .await
            }
        };
        let round = |input: Value| {
            let app = &app;
            let token = &token;
            async move {
                app.gql(Some(token), ADD_ROUND, json!({ "input": input }))
                    .await
            }
        };

        let not_a_date =
            create(json!({ "kind": "NOU", "title": "X", "launchDate": "2025-02-30" })).await;
        assert_eq!(error_code(&not_a_date), Some("VALIDATION"), "{not_a_date}");
        let unknown_kind = create(json!({ "kind": "PAMPHLET", "title": "X" })).await;
        assert_eq!(error_code(&unknown_kind), Some("VALIDATION"));
        assert!(
            unknown_kind["errors"][0]["message"]
                .as_str()
                .unwrap_or_default()
                .contains("PAMPHLET")
        );
        let typo_year =
            create(json!({ "kind": "NOU", "title": "X", "launchDate": "0025-09-16" })).await;
        assert_eq!(typo_year["errors"][0]["extensions"]["field"], "launchDate");
        let bad_link =
            create(json!({ "kind": "NOU", "title": "X", "url": "javascript:alert(1)" })).await;
        assert_eq!(bad_link["errors"][0]["extensions"]["field"], "url");
        let no_title = create(json!({ "kind": "NOU", "title": "   " })).await;
        assert_eq!(no_title["errors"][0]["extensions"]["field"], "title");

        let backwards = round(json!({ "policyDocumentId": doc["id"], "kind": "HOERING",
            "opensOn": "2025-09-16", "deadline": "2025-09-01" }))
        .await;
        assert_eq!(backwards["errors"][0]["extensions"]["field"], "deadline");
        let sent_but_considering = round(json!({ "policyDocumentId": doc["id"], "kind": "HOERING",
            "sentOn": "2025-09-01" }))
        .await;
        assert_eq!(
            sent_but_considering["errors"][0]["extensions"]["field"],
            "sentOn"
        );
        let unknown_status = round(json!({ "policyDocumentId": doc["id"], "kind": "HOERING",
            "responseStatus": "MAYBE" }))
        .await;
        assert_eq!(error_code(&unknown_status), Some("VALIDATION"));
        let missing = round(json!({ "policyDocumentId": "999999", "kind": "HOERING" })).await;
        assert_eq!(error_code(&missing), Some("NOT_FOUND"));
        let no_group = round(
            json!({ "policyDocumentId": doc["id"], "kind": "HOERING", "workingGroupId": "999999" }),
        )
        .await;
        assert_eq!(
            no_group["errors"][0]["extensions"]["field"],
            "workingGroupId"
        );

        let rounds = app
            .gql_ok(
                Some(&token),
                "query($id: ID!) { policyDocument(id: $id) { consultationRounds { id } } }",
                json!({ "id": doc["id"] }),
            )
            .await;
        assert_eq!(rounds["policyDocument"]["consultationRounds"], json!([]));
    }
);

const UPCOMING: &str =
    "query($from: NaiveDate, $days: Int) { upcomingDeadlines(from: $from, days: $days) {
  deadline flags consultationDays policyDocument { title } } }";

fn deadline_titles(list: &Value) -> Vec<String> {
    list.as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            r["policyDocument"]["title"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

both_backends!(
    deadlines_filter_and_sort_around_today,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        document_with_hoering(&app, &token, "i går", &day(-1), json!({})).await;
        document_with_hoering(
            &app,
            &token,
            "om ti dager",
            &day(10),
            json!({ "opensOn": day(-10) }),
        )
        .await;
        document_with_hoering(
            &app,
            &token,
            "i dag",
            &day(0),
            json!({ "responseStatus": "DRAFTING" }),
        )
        .await;
        document_with_hoering(
            &app,
            &token,
            "om femti dager",
            &day(50),
            json!({ "opensOn": day(-50) }),
        )
        .await;
        let (_, withdrawn) =
            document_with_hoering(&app, &token, "trukket", &day(5), json!({})).await;
        app.gql_ok(
            Some(&token),
            UPDATE_ROUND,
            json!({ "input": { "id": withdrawn["id"], "version": withdrawn["version"], "withdrawn": true } }),
        )
        .await;
        let hod = create_document(
            &app,
            &token,
            json!({ "kind": "FORSKRIFT", "title": "HOD-forskrift", "ministry": "HOD" }),
        )
        .await;
        add_round(
            &app,
            &token,
            json!({ "policyDocumentId": hod["id"], "kind": "HOERING", "deadline": day(20),
            "responseStatus": "SENT", "sentOn": day(-2) }),
        )
        .await;

        // Default: from today (in Norway), six weeks ahead, soonest first, withdrawn left out.
        let upcoming =
            app.gql_ok(Some(&token), UPCOMING, json!({})).await["upcomingDeadlines"].clone();
        assert_eq!(
            deadline_titles(&upcoming),
            ["i dag", "om ti dager", "HOD-forskrift"]
        );
        let ten = &upcoming[1];
        assert_eq!(ten["consultationDays"], 20);
        assert_eq!(ten["flags"], json!(["SHORT_DEADLINE", "NO_WORKING_GROUP"]));
        assert_eq!(
            upcoming[2]["flags"],
            json!([]),
            "a sent response needs no group"
        );

        let window = app
            .gql_ok(
                Some(&token),
                UPCOMING,
                json!({ "from": day(-1), "days": 51 }),
            )
            .await["upcomingDeadlines"]
            .clone();
        assert_eq!(
            deadline_titles(&window),
            [
                "i går",
                "i dag",
                "om ti dager",
                "HOD-forskrift",
                "om femti dager"
            ]
        );
        let fifty = &window[4];
        assert_eq!(
            fifty["flags"],
            json!(["NO_WORKING_GROUP"]),
            "100 days is not short"
        );

        let filtered = app
            .gql_ok(
                Some(&token),
                "{ deadlines(status: [SENT, DRAFTING], ministry: \"hod\") { totalCount edges { node { deadline policyDocument { title } } } } }",
                json!({}),
            )
            .await;
        assert_eq!(filtered["deadlines"]["totalCount"], 1);
        assert_eq!(
            filtered["deadlines"]["edges"][0]["node"]["policyDocument"]["title"],
            "HOD-forskrift"
        );
        let with_withdrawn = app
            .gql_ok(
                Some(&token),
                "query($from: NaiveDate, $to: NaiveDate) { deadlines(from: $from, to: $to, includeWithdrawn: true) { edges { node { withdrawn policyDocument { title } } } } }",
                json!({ "from": day(1), "to": day(10) }),
            )
            .await;
        let nodes: Vec<Value> = with_withdrawn["deadlines"]["edges"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| e["node"].clone())
            .collect();
        assert_eq!(nodes.len(), 2);
        assert_eq!(nodes[0]["policyDocument"]["title"], "trukket");
        assert_eq!(nodes[0]["withdrawn"], true);

        let backwards = app
            .gql(Some(&token), "query($from: NaiveDate, $to: NaiveDate) { deadlines(from: $from, to: $to) { totalCount } }",
                json!({ "from": day(10), "to": day(1) }))
            .await;
        assert_eq!(backwards["errors"][0]["extensions"]["field"], "to");
        let too_far = app
            .gql(Some(&token), UPCOMING, json!({ "days": 1000 }))
            .await;
        assert_eq!(too_far["errors"][0]["extensions"]["field"], "days");
    }
);

both_backends!(
    a_deadlines_token_reads_deadlines_but_cannot_write,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        document_with_hoering(&app, &token, "Høring om helsedata", &day(30), json!({})).await;
        let (feed_token, _) = api_token(&app, &token, &["deadlines:read"]).await;

        let upcoming = app.gql_ok(Some(&feed_token), UPCOMING, json!({})).await;
        assert_eq!(
            deadline_titles(&upcoming["upcomingDeadlines"]),
            ["Høring om helsedata"]
        );

        let write = app
            .gql(
                Some(&feed_token),
                CREATE_DOCUMENT,
                json!({ "input": { "kind": "NOU", "title": "X" } }),
            )
            .await;
        assert_eq!(error_code(&write), Some("FORBIDDEN"));
    }
);

both_backends!(
    the_public_sees_only_documents_treated_in_published_papers,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let (meeting, version, sak) = meeting_with_sak(&app, &token, &day(14)).await;
        let treated = create_document(
            &app,
            &token,
            json!({ "kind": "NOU", "title": "Behandlet", "decidedInSakId": sak }),
        )
        .await;
        add_round(
            &app,
            &token,
            json!({ "policyDocumentId": treated["id"], "kind": "HOERING", "deadline": day(30) }),
        )
        .await;
        document_with_hoering(&app, &token, "Ikke behandlet", &day(20), json!({})).await;
        let list = "{ policyDocuments { totalCount edges { node { title } } } overview { document { title } } }";

        let before = app.gql_ok(None, list, json!({})).await;
        let upcoming_before = app.gql_ok(None, UPCOMING, json!({ "days": 60 })).await;
        let direct = app
            .gql_ok(
                None,
                "query($id: ID!) { policyDocument(id: $id) { title } }",
                json!({ "id": treated["id"] }),
            )
            .await;
        publish_notice(&app, &token, &meeting, version).await;
        let after = app.gql_ok(None, list, json!({})).await;
        let upcoming_after = app.gql_ok(None, UPCOMING, json!({ "days": 60 })).await;

        assert_eq!(before["policyDocuments"]["totalCount"], 0);
        assert_eq!(before["overview"], json!([]));
        assert_eq!(upcoming_before["upcomingDeadlines"], json!([]));
        assert!(
            direct["policyDocument"].is_null(),
            "unpublished looks missing"
        );
        assert_eq!(after["policyDocuments"]["totalCount"], 1);
        assert_eq!(after["overview"][0]["document"]["title"], "Behandlet");
        assert_eq!(
            deadline_titles(&upcoming_after["upcomingDeadlines"]),
            ["Behandlet"]
        );
        let all = app.gql_ok(Some(&token), list, json!({})).await;
        assert_eq!(all["policyDocuments"]["totalCount"], 2);
    }
);

both_backends!(
    policy_documents_filter_by_kind_and_ministry_and_sort_by_launch,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        for (title, kind, ministry, launch) in [
            (
                "Våren 2026",
                "HANDLINGSPLAN",
                "HOD",
                json!({ "launchText": "Legges frem våren 2026" }),
            ),
            (
                "Mai 2026",
                "STRATEGI",
                "HOD",
                json!({ "launchDate": "2026-05-20" }),
            ),
            ("Ukjent", "STRATEGI", "KD", json!({})),
            (
                "2025",
                "MELDING",
                "KD",
                json!({ "launchText": "Lansering i løpet av 2025" }),
            ),
        ] {
            let mut input = json!({ "kind": kind, "title": title, "ministry": ministry });
            if let (Some(i), Some(l)) = (input.as_object_mut(), launch.as_object()) {
                i.extend(l.clone());
            }
            create_document(&app, &token, input).await;
        }
        let q = "query($kind: PolicyDocumentKind, $ministry: String) {
            policyDocuments(kind: $kind, ministry: $ministry) { edges { node { title } } } }";
        let names = |v: &Value| -> Vec<String> {
            v["policyDocuments"]["edges"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|e| e["node"]["title"].as_str().unwrap_or_default().to_owned())
                .collect()
        };

        let all = app.gql_ok(Some(&token), q, json!({})).await;
        let hod = app
            .gql_ok(Some(&token), q, json!({ "ministry": "hod" }))
            .await;
        let strategi = app
            .gql_ok(Some(&token), q, json!({ "kind": "STRATEGI" }))
            .await;

        assert_eq!(names(&all), ["Våren 2026", "Mai 2026", "2025", "Ukjent"]);
        assert_eq!(names(&hod), ["Våren 2026", "Mai 2026"]);
        assert_eq!(names(&strategi), ["Mai 2026", "Ukjent"]);
    }
);

const SEARCH: &str = "query($text: String!) { search(text: $text) { kind title snippet
  policyDocument { title } consultationRound { deadline } } }";

both_backends!(
    policy_documents_and_their_rounds_are_found_by_search_as_far_as_the_viewer_may_see,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let (meeting, version, sak) = meeting_with_sak(&app, &token, &day(14)).await;
        publish_notice(&app, &token, &meeting, version).await;
        let public = create_document(
            &app,
            &token,
            json!({ "kind": "NOU", "reference": "NOU 2025: 8",
            "title": "Folkehelse – verdier, kunnskap og prioritering",
            "summary": "Utvalget gir fire hovedanbefalinger om prioritering av folkehelsetiltak",
            "decidedInSakId": sak }),
        )
        .await;
        add_round(&app, &token, json!({ "policyDocumentId": public["id"], "kind": "HOERING",
            "deadline": "2025-12-22", "note": "Arbeidsgruppe foreslått for høringssvaret om kommunene" }))
        .await;
        create_document(
            &app,
            &token,
            json!({ "kind": "STRATEGI", "title": "Strategi for folkehelse, under arbeid" }),
        )
        .await;

        let by_title = app
            .gql_ok(Some(&token), SEARCH, json!({ "text": "folkehelse" }))
            .await;
        let by_note = app
            .gql_ok(
                Some(&token),
                SEARCH,
                json!({ "text": "kommunene høringssvaret" }),
            )
            .await;
        let public_hits = app
            .gql_ok(None, SEARCH, json!({ "text": "folkehelse" }))
            .await;

        let kinds_and_titles = |v: &Value| -> Vec<(String, String)> {
            let mut out: Vec<(String, String)> = v["search"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|h| {
                    (
                        h["kind"].as_str().unwrap_or_default().to_owned(),
                        h["policyDocument"]["title"]
                            .as_str()
                            .unwrap_or_default()
                            .to_owned(),
                    )
                })
                .collect();
            out.sort();
            out
        };
        assert_eq!(
            kinds_and_titles(&by_title),
            [
                (
                    "POLICY_DOCUMENT".to_owned(),
                    "Folkehelse – verdier, kunnskap og prioritering".to_owned()
                ),
                (
                    "POLICY_DOCUMENT".to_owned(),
                    "Strategi for folkehelse, under arbeid".to_owned()
                ),
            ]
        );
        assert!(
            by_title["search"][0]["title"]
                .as_str()
                .unwrap_or_default()
                .contains("<mark>")
        );
        assert_eq!(by_note["search"][0]["kind"], "CONSULTATION_ROUND");
        assert_eq!(
            by_note["search"][0]["consultationRound"]["deadline"],
            "2025-12-22"
        );
        assert!(
            by_note["search"][0]["snippet"]
                .as_str()
                .unwrap_or_default()
                .contains("<mark>")
        );
        assert_eq!(
            kinds_and_titles(&public_hits),
            [(
                "POLICY_DOCUMENT".to_owned(),
                "Folkehelse – verdier, kunnskap og prioritering".to_owned()
            )],
            "an unpublished document is not found by the public"
        );
    }
);
