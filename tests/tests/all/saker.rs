//! Saker: unique running numbers under concurrency, optimistic concurrency on edits, moving,
//! renumbering and reordering, references, attachments as files, and bad input to every
//! mutation of the meeting workflow refused without changing anything.
use entity::enums::UserRole;
use motebok_tests::{Backend, TestApp, both_backends, error_code};
use sea_orm::{ActiveModelTrait, EntityTrait, PaginatorTrait, Set};
use serde_json::{Value, json};

async fn create_meeting(app: &TestApp, tok: &str, date: &str, skeleton: bool) -> Value {
    app.gql_ok(
        Some(tok),
        "mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { meeting { id code version saker { id code title version position } } } }",
        json!({ "i": { "date": date, "format": "PHYSICAL", "skeleton": skeleton } }),
    )
    .await["createMeeting"]["meeting"]
        .clone()
}

async fn create_sak(app: &TestApp, tok: &str, input: Value) -> Value {
    app.gql_ok(
        Some(tok),
        "mutation($i: CreateSakInput!) { createSak(input: $i) { sak { id code number position title version } warnings { code message } } }",
        json!({ "i": input }),
    )
    .await["createSak"]
        .clone()
}

async fn agenda(app: &TestApp, tok: &str, code: &str) -> Vec<Value> {
    app.gql_ok(
        Some(tok),
        "query($c: String!) { meeting(code: $c) { saker { id code title position version background references { asWritten kind sak { code } } } } }",
        json!({ "c": code }),
    )
    .await["meeting"]["saker"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

both_backends!(
    twenty_parallel_sak_creations_in_one_year_get_twenty_distinct_consecutive_numbers,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let m = create_meeting(&app, &sec, "2025-05-21", true).await;
        let highest = 6; // the skeleton took 1–6
        let runs = (0..20).map(|i| {
            let (app, sec, id) = (&app, sec.clone(), m["id"].clone());
            async move {
                app.gql(
                    Some(&sec),
                    "mutation($i: CreateSakInput!) { createSak(input: $i) { sak { number } } }",
                    json!({ "i": { "meetingId": id, "title": format!("Sak {i}") } }),
                )
                .await
            }
        });
        let results = futures::future::join_all(runs).await;
        let mut numbers: Vec<i64> = results
            .iter()
            .map(|r| {
                assert!(r.get("errors").is_none(), "{r}");
                r["data"]["createSak"]["sak"]["number"]
                    .as_i64()
                    .expect("number")
            })
            .collect();
        numbers.sort_unstable();
        assert_eq!(numbers, (highest + 1..=highest + 20).collect::<Vec<i64>>());
        let positions: Vec<i64> = agenda(&app, &sec, "1/2025")
            .await
            .iter()
            .map(|s| s["position"].as_i64().unwrap_or(0))
            .collect();
        assert_eq!(
            positions,
            (1..=26).collect::<Vec<i64>>(),
            "no two items share a place"
        );
    }
);

both_backends!(
    two_people_editing_one_sak_at_once_get_one_conflict_and_no_lost_text,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let other = app.secretariat().await;
        let m = create_meeting(&app, &sec, "2025-05-21", false).await;
        let sak = create_sak(
            &app,
            &sec,
            json!({ "meetingId": m["id"], "title": "Geopolitisk situasjon" }),
        )
        .await["sak"]
            .clone();
        let edit = |tok: String, text: &'static str| {
            let (app, id, v) = (&app, sak["id"].clone(), sak["version"].clone());
            async move {
                app.gql(
                    Some(&tok),
                    "mutation($i: UpdateSakInput!) { updateSak(input: $i) { sak { background version } } }",
                    json!({ "i": { "id": id, "version": v, "background": text } }),
                )
                .await
            }
        };
        let (a, b) = tokio::join!(
            edit(sec.clone(), "Guri Rørtveit innledet."),
            edit(other.clone(), "Arbeidsgruppen utarbeider en uttalelse.")
        );
        let codes = [error_code(&a), error_code(&b)];
        assert_eq!(
            codes.iter().filter(|c| **c == Some("CONFLICT")).count(),
            1,
            "{a} {b}"
        );
        let winner = if error_code(&a).is_none() { &a } else { &b };
        let saved = &agenda(&app, &sec, "1/2025").await[0];
        assert_eq!(
            saved["background"],
            winner["data"]["updateSak"]["sak"]["background"]
        );
        assert_eq!(saved["version"], 2);
    }
);

both_backends!(
    moving_renumbering_and_reordering_keep_numbers_unique_and_codes_right,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let m1 = create_meeting(&app, &sec, "2025-03-12", false).await;
        let m2 = create_meeting(&app, &sec, "2025-05-21", false).await;
        let a = create_sak(&app, &sec, json!({ "meetingId": m1["id"], "title": "A" })).await["sak"]
            .clone();
        let b = create_sak(&app, &sec, json!({ "meetingId": m1["id"], "title": "B" })).await["sak"]
            .clone();
        assert_eq!(a["code"], "1/1/2025");
        // Moving keeps N and changes M.
        let moved = app
            .gql_ok(
                Some(&sec),
                "mutation($id: ID!, $v: Int!, $m: ID!) { moveSak(id: $id, version: $v, meetingId: $m) { code position } }",
                json!({ "id": b["id"], "v": b["version"], "m": m2["id"] }),
            )
            .await;
        assert_eq!(moved["moveSak"]["code"], "2/2/2025");
        // A number already used in the year is refused on `number`.
        let clash = app
            .gql(
                Some(&sec),
                "mutation($id: ID!, $v: Int!) { renumberSak(id: $id, version: $v, number: 2) { code } }",
                json!({ "id": a["id"], "v": a["version"] }),
            )
            .await;
        assert_eq!(error_code(&clash), Some("VALIDATION"));
        assert_eq!(clash["errors"][0]["extensions"]["field"], "number");
        let fixed = app
            .gql_ok(
                Some(&sec),
                "mutation($id: ID!, $v: Int!) { renumberSak(id: $id, version: $v, number: 15) { code } }",
                json!({ "id": a["id"], "v": a["version"] }),
            )
            .await;
        assert_eq!(fixed["renumberSak"]["code"], "15/1/2025");
        // Reordering takes every sak exactly once.
        let c = create_sak(&app, &sec, json!({ "meetingId": m2["id"], "title": "C" })).await["sak"]
            .clone();
        let bad = app
            .gql(
                Some(&sec),
                "mutation($m: ID!, $s: [ID!]!) { reorderSaker(meetingId: $m, sakIds: $s) { code } }",
                json!({ "m": m2["id"], "s": [c["id"]] }),
            )
            .await;
        assert_eq!(error_code(&bad), Some("VALIDATION"));
        let order = app
            .gql_ok(
                Some(&sec),
                "mutation($m: ID!, $s: [ID!]!) { reorderSaker(meetingId: $m, sakIds: $s) { title position } }",
                json!({ "m": m2["id"], "s": [c["id"], b["id"]] }),
            )
            .await;
        assert_eq!(
            order["reorderSaker"],
            json!([{ "title": "C", "position": 1 }, { "title": "B", "position": 2 }])
        );
        // Numbering the agenda follows the new order.
        let numbered = app
            .gql_ok(
                Some(&sec),
                "mutation($m: ID!) { renumberAgenda(meetingId: $m, start: 20) { code title } }",
                json!({ "m": m2["id"] }),
            )
            .await;
        assert_eq!(
            numbered["renumberAgenda"],
            json!([{ "code": "20/2/2025", "title": "C" }, { "code": "21/2/2025", "title": "B" }])
        );
        let taken = app
            .gql(
                Some(&sec),
                "mutation($m: ID!) { renumberAgenda(meetingId: $m, start: 15) { code } }",
                json!({ "m": m2["id"] }),
            )
            .await;
        assert_eq!(
            error_code(&taken),
            Some("VALIDATION"),
            "15 belongs to møte 1/2025"
        );
        assert_eq!(taken["errors"][0]["extensions"]["field"], "start");
        let after: Vec<Value> = agenda(&app, &sec, "2/2025")
            .await
            .iter()
            .map(|s| s["code"].clone())
            .collect();
        assert_eq!(
            after,
            vec![json!("20/2/2025"), json!("21/2/2025")],
            "a refused renumbering changes nothing"
        );
        // Reordering and renumbering in one call: numbers follow the new order.
        let reorder = "mutation($m: ID!, $s: [ID!]!, $start: Int) { reorderSaker(meetingId: $m, sakIds: $s, renumber: true, start: $start) { code title position } }";
        let both = app
            .gql_ok(
                Some(&sec),
                reorder,
                json!({ "m": m2["id"], "s": [b["id"], c["id"]] }),
            )
            .await;
        assert_eq!(
            both["reorderSaker"],
            json!([
                { "code": "20/2/2025", "title": "B", "position": 1 },
                { "code": "21/2/2025", "title": "C", "position": 2 }
            ])
        );
        let clash = app
            .gql(
                Some(&sec),
                reorder,
                json!({ "m": m2["id"], "s": [c["id"], b["id"]], "start": 15 }),
            )
            .await;
        assert_eq!(error_code(&clash), Some("VALIDATION"), "{clash}");
        assert_eq!(clash["errors"][0]["extensions"]["field"], "start");
        let kept: Vec<(Value, Value)> = agenda(&app, &sec, "2/2025")
            .await
            .iter()
            .map(|s| (s["code"].clone(), s["title"].clone()))
            .collect();
        assert_eq!(
            kept,
            vec![
                (json!("20/2/2025"), json!("B")),
                (json!("21/2/2025"), json!("C"))
            ],
            "a refused renumbering also undoes the reordering"
        );
    }
);

both_backends!(
    sak_numbers_written_in_the_papers_become_links_to_the_saker_they_name,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let m = create_meeting(&app, &sec, "2025-05-21", false).await;
        let first = create_sak(&app, &sec, json!({ "meetingId": m["id"], "number": 25, "title": "Mulig oppdrag om innovative offentlige anskaffelser" })).await["sak"].clone();
        assert_eq!(first["code"], "25/1/2025");
        create_sak(
            &app,
            &sec,
            json!({ "meetingId": m["id"], "title": "Innovative anskaffelser", "background": "Saken er en oppfølging av Sak 25/1/25. Se også sak 8/1/2025." }),
        )
        .await;
        let saker = agenda(&app, &sec, "1/2025").await;
        let refs = &saker[1]["references"];
        assert_eq!(
            refs,
            &json!([
                { "asWritten": "Sak 25/1/25", "kind": "FOLLOW_UP_OF", "sak": { "code": "25/1/2025" } },
                { "asWritten": "sak 8/1/2025", "kind": "SEE_ALSO", "sak": null }
            ])
        );
        let added = app
            .gql_ok(
                Some(&sec),
                "mutation($s: ID!) { addReference(sakId: $s, asWritten: \"sak 12/2//23\", kind: EARLIER_TREATMENT) { asWritten kind sak { code } } }",
                json!({ "s": saker[1]["id"] }),
            )
            .await;
        assert_eq!(added["addReference"]["kind"], "EARLIER_TREATMENT");
        let bad = app
            .gql(
                Some(&sec),
                "mutation($s: ID!) { addReference(sakId: $s, asWritten: \"møte 1-23\", kind: SEE_ALSO) { id } }",
                json!({ "s": saker[1]["id"] }),
            )
            .await;
        assert_eq!(bad["errors"][0]["extensions"]["field"], "asWritten");
    }
);

fn upload_form(sak_id: &str, name: &str, bytes: Vec<u8>) -> reqwest::multipart::Form {
    reqwest::multipart::Form::new()
        .text("sakId", sak_id.to_owned())
        .text("title", "Utkast referat fra møte 2/2025")
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        )
}

both_backends!(
    an_uploaded_file_is_judged_by_its_bytes_and_downloaded_only_by_those_who_may_read_it,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let member = app.user(UserRole::Member, None).await;
        let m = create_meeting(&app, &sec, "2025-05-21", true).await;
        let sak_id = m["saker"][2]["id"].as_str().expect("sak id").to_owned();
        let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n".to_vec();
        // A script named .pdf is refused by its content.
        let res = app
            .client
            .post(app.url("/files"))
            .bearer_auth(&sec)
            .multipart(upload_form(
                &sak_id,
                "referat.pdf",
                b"<html><script>alert(1)</script>".to_vec(),
            ))
            .send()
            .await
            .expect("upload");
        assert_eq!(res.status(), 422);
        let res = app
            .client
            .post(app.url("/files"))
            .bearer_auth(&member)
            .multipart(upload_form(&sak_id, "referat.pdf", pdf.clone()))
            .send()
            .await
            .expect("upload");
        assert_eq!(res.status(), 403, "members do not upload");
        let res = app
            .client
            .post(app.url("/files"))
            .bearer_auth(&sec)
            .multipart(upload_form(&sak_id, "Utkast referat.pdf", pdf.clone()))
            .send()
            .await
            .expect("upload");
        assert_eq!(res.status(), 201);
        let body: Value = res.json().await.expect("JSON");
        assert_eq!(body["file"]["contentType"], "application/pdf");
        assert_eq!(body["file"]["sizeBytes"], pdf.len());
        assert_eq!(body["attachment"]["number"], 1, "the sak's first vedlegg");
        let id = body["attachment"]["id"].as_str().expect("id").to_owned();
        let get = |tok: Option<String>| {
            let (app, id) = (&app, id.clone());
            async move {
                let mut req = app.client.get(app.url(&format!("/files/{id}")));
                if let Some(t) = tok {
                    req = req.bearer_auth(t);
                }
                req.send().await.expect("download")
            }
        };
        // Before the notice only the secretariat may read the papers.
        assert_eq!(get(None).await.status(), 404);
        assert_eq!(get(Some(member.clone())).await.status(), 404);
        let ok = get(Some(sec.clone())).await;
        assert_eq!(ok.status(), 200);
        assert_eq!(ok.headers()["content-type"], "application/pdf");
        assert_eq!(ok.headers()["x-content-type-options"], "nosniff");
        assert_eq!(ok.bytes().await.expect("bytes").to_vec(), pdf);
        app.gql_ok(
            Some(&sec),
            "mutation($id: ID!, $v: Int!) { publishNotice(id: $id, version: $v) { meeting { id } } }",
            json!({ "id": m["id"], "v": m["version"] }),
        )
        .await;
        assert_eq!(get(None).await.status(), 200, "published papers are public");
        let listed = app
            .gql_ok(
                None,
                "query { meeting(code: \"1/2025\") { saker { attachments { title hasFile } } } }",
                json!({}),
            )
            .await;
        assert_eq!(
            listed["meeting"]["saker"][2]["attachments"],
            json!([{ "title": "Utkast referat fra møte 2/2025", "hasFile": true }])
        );
    }
);

/// The files under MOTEBOK_FILES_DIR (which keeps them one directory down).
fn stored_files(app: &TestApp) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(&app.files_dir)
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .map(|f| f.path())
        .collect()
}

async fn upload_pdf(app: &TestApp, sec: &str, sak_id: &str) -> Value {
    let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n".to_vec();
    let res = app
        .client
        .post(app.url("/files"))
        .bearer_auth(sec)
        .multipart(upload_form(sak_id, "Utkast referat.pdf", pdf))
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.expect("JSON")["attachment"].clone()
}

both_backends!(
    a_vedlegg_may_be_only_a_title_and_a_removed_file_leaves_the_files_directory,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let m = create_meeting(&app, &sec, "2025-09-17", true).await;
        let sak_id = m["saker"][2]["id"].as_str().expect("sak id").to_owned();
        let remove = "mutation($id: ID!, $v: Int!) { removeAttachment(id: $id, version: $v) }";

        // "Vedlegg 1: Oversikt …", sent separately: neither a file nor a link.
        let listed = app
            .gql_ok(
                Some(&sec),
                "mutation($s: ID!) { addAttachment(input: { sakId: $s, title: \"Oversikt over utvalgte dokumenter\" }) { number title url hasFile } }",
                json!({ "s": sak_id }),
            )
            .await;
        assert_eq!(
            listed["addAttachment"],
            json!({ "number": 1, "title": "Oversikt over utvalgte dokumenter", "url": null, "hasFile": false })
        );

        // A file no other attachment uses goes with its attachment, once the removal commits.
        let first = upload_pdf(&app, &sec, &sak_id).await;
        assert_eq!(first["number"], 2);
        assert_eq!(stored_files(&app).len(), 1);
        let stale = app
            .gql(Some(&sec), remove, json!({ "id": first["id"], "v": 2 }))
            .await;
        assert_eq!(error_code(&stale), Some("CONFLICT"));
        assert_eq!(
            stored_files(&app).len(),
            1,
            "a refused removal keeps the file"
        );
        app.gql_ok(Some(&sec), remove, json!({ "id": first["id"], "v": 1 }))
            .await;
        assert_eq!(stored_files(&app), Vec::<std::path::PathBuf>::new());
        let db = &app.state.db.read;
        assert_eq!(
            entity::stored_file::Entity::find().count(db).await.ok(),
            Some(0)
        );
        let logged = app
            .gql_ok(
                Some(&sec),
                "query { auditLog(entity: \"stored_file\") { nodes { action oldValue } } }",
                json!({}),
            )
            .await;
        assert_eq!(
            logged["auditLog"]["nodes"][0]["action"], "DELETE",
            "{logged}"
        );

        // A file another attachment still uses stays until the last one is removed.
        let second = upload_pdf(&app, &sec, &sak_id).await;
        let file_id = entity::attachment::Entity::find_by_id(
            second["id"]
                .as_str()
                .and_then(|i| i.parse::<i32>().ok())
                .expect("id"),
        )
        .one(db)
        .await
        .ok()
        .flatten()
        .and_then(|a| a.stored_file_id);
        let now = chrono::Utc::now();
        let twin = entity::attachment::ActiveModel {
            sak_id: Set(sak_id.parse().ok()),
            number: Set(9),
            title: Set("Same file, listed twice".into()),
            stored_file_id: Set(file_id),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&app.state.db.write)
        .await
        .expect("twin");
        app.gql_ok(Some(&sec), remove, json!({ "id": second["id"], "v": 1 }))
            .await;
        assert_eq!(stored_files(&app).len(), 1, "still used by the twin");
        app.gql_ok(
            Some(&sec),
            remove,
            json!({ "id": twin.id.to_string(), "v": 1 }),
        )
        .await;
        assert_eq!(stored_files(&app).len(), 0);
        let left = agenda(&app, &sec, "1/2025").await;
        assert_eq!(
            app.gql_ok(
                Some(&sec),
                "query($id: ID!) { sak(id: $id) { attachments { title hasFile } } }",
                json!({ "id": left[2]["id"] }),
            )
            .await["sak"]["attachments"],
            json!([{ "title": "Oversikt over utvalgte dokumenter", "hasFile": false }])
        );
    }
);

/// Rows in the tables the workflow writes, and the audit log: all must stay as they were.
async fn counts(app: &TestApp) -> Vec<u64> {
    let db = &app.state.db.read;
    vec![
        entity::meeting::Entity::find().count(db).await.unwrap_or(0),
        entity::sak::Entity::find().count(db).await.unwrap_or(0),
        entity::attachment::Entity::find()
            .count(db)
            .await
            .unwrap_or(0),
        entity::attendance::Entity::find()
            .count(db)
            .await
            .unwrap_or(0),
        entity::conflict_of_interest::Entity::find()
            .count(db)
            .await
            .unwrap_or(0),
        entity::minutes_comment::Entity::find()
            .count(db)
            .await
            .unwrap_or(0),
        entity::follow_up::Entity::find()
            .count(db)
            .await
            .unwrap_or(0),
        entity::sak_reference::Entity::find()
            .count(db)
            .await
            .unwrap_or(0),
        entity::sak_presenter::Entity::find()
            .count(db)
            .await
            .unwrap_or(0),
        entity::sak_case_officer::Entity::find()
            .count(db)
            .await
            .unwrap_or(0),
        entity::audit_log::Entity::find()
            .count(db)
            .await
            .unwrap_or(0),
    ]
}

both_backends!(
    bad_input_to_every_workflow_mutation_is_refused_clearly_and_changes_nothing,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let person = app
            .gql_ok(
                Some(&sec),
                "mutation { createPerson(input: { name: \"Guri Rørtveit\" }) { id } }",
                json!({}),
            )
            .await["createPerson"]["id"]
            .as_str()
            .and_then(|id| id.parse().ok());
        let member = app.user(UserRole::Member, person).await;
        let m = create_meeting(&app, &sec, "2025-05-21", true).await;
        let sak = m["saker"][0].clone();
        let (mid, sid) = (m["id"].clone(), sak["id"].clone());
        let cases: Vec<(&str, Value, &str, Option<&str>)> = vec![
            (
                "mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { meeting { id } } }",
                json!({ "i": { "date": "2025-05-21", "format": "PHYSICAL", "number": 1 } }),
                "VALIDATION",
                Some("number"),
            ),
            (
                "mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { meeting { id } } }",
                json!({ "i": { "date": "2025-05-21", "format": "PHYSICAL", "startsAt": "15:00:00", "endsAt": "10:00:00" } }),
                "VALIDATION",
                Some("endsAt"),
            ),
            (
                "mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { meeting { id } } }",
                json!({ "i": { "date": "2025-05-21", "format": "PHYSICAL", "optionalItems": ["EVENTUELT"] } }),
                "VALIDATION",
                Some("optionalItems"),
            ),
            (
                "mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { meeting { id } } }",
                json!({ "i": { "date": "21.05.2025", "format": "PHYSICAL" } }),
                "VALIDATION",
                None,
            ),
            (
                "mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { id } }",
                json!({ "i": { "id": mid, "version": m["version"], "date": "2026-01-10" } }),
                "VALIDATION",
                Some("date"),
            ),
            (
                "mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { id } }",
                json!({ "i": { "id": mid, "version": 99, "room": "Hassel 2" } }),
                "CONFLICT",
                None,
            ),
            (
                "mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { id } }",
                json!({ "i": { "id": "x", "version": 1 } }),
                "VALIDATION",
                Some("id"),
            ),
            (
                "mutation { publishNotice(id: \"999\", version: 1) { meeting { id } } }",
                json!({}),
                "NOT_FOUND",
                None,
            ),
            (
                "mutation($i: CreateSakInput!) { createSak(input: $i) { sak { id } } }",
                json!({ "i": { "meetingId": mid, "title": "  " } }),
                "VALIDATION",
                Some("title"),
            ),
            (
                "mutation($i: CreateSakInput!) { createSak(input: $i) { sak { id } } }",
                json!({ "i": { "meetingId": mid, "title": "x".repeat(301) } }),
                "VALIDATION",
                Some("title"),
            ),
            (
                "mutation($i: CreateSakInput!) { createSak(input: $i) { sak { id } } }",
                json!({ "i": { "meetingId": mid, "title": "Ny", "number": 1 } }),
                "VALIDATION",
                Some("number"),
            ),
            (
                "mutation($i: CreateSakInput!) { createSak(input: $i) { sak { id } } }",
                json!({ "i": { "meetingId": mid, "title": "Ny", "fromPersonId": "424242" } }),
                "VALIDATION",
                Some("fromPersonId"),
            ),
            (
                "mutation($i: CreateSakInput!) { createSak(input: $i) { sak { id } } }",
                json!({ "i": { "meetingId": "424242", "title": "Ny" } }),
                "NOT_FOUND",
                None,
            ),
            (
                "mutation($i: CreateSakInput!) { createSak(input: $i) { sak { id } } }",
                json!({ "i": { "meetingId": mid, "title": "Ny", "approvesMinutesOfMeetingId": mid } }),
                "VALIDATION",
                Some("approvesMinutesOfMeetingId"),
            ),
            (
                "mutation($i: UpdateSakInput!) { updateSak(input: $i) { sak { id } } }",
                json!({ "i": { "id": sid, "version": 7, "title": "Ny tittel" } }),
                "CONFLICT",
                None,
            ),
            (
                "mutation($i: UpdateSakInput!) { updateSak(input: $i) { sak { id } } }",
                json!({ "i": { "id": sid, "version": sak["version"], "title": "" } }),
                "VALIDATION",
                Some("title"),
            ),
            (
                "mutation($i: UpdateSakInput!) { updateSak(input: $i) { sak { id } } }",
                json!({ "i": { "id": sid, "version": sak["version"], "timeStart": "half ten" } }),
                "VALIDATION",
                None,
            ),
            (
                "mutation($s: ID!, $v: Int!) { moveSak(id: $s, version: $v, meetingId: \"424242\") { id } }",
                json!({ "s": sid, "v": sak["version"] }),
                "VALIDATION",
                Some("meetingId"),
            ),
            (
                "mutation($s: ID!, $v: Int!) { renumberSak(id: $s, version: $v, number: 0) { id } }",
                json!({ "s": sid, "v": sak["version"] }),
                "VALIDATION",
                Some("number"),
            ),
            (
                "mutation($m: ID!) { renumberAgenda(meetingId: $m, start: 0) { id } }",
                json!({ "m": mid }),
                "VALIDATION",
                Some("start"),
            ),
            (
                "mutation($m: ID!, $s: [ID!]!) { reorderSaker(meetingId: $m, sakIds: $s, start: 40) { id } }",
                json!({ "m": mid, "s": m["saker"].as_array().map(|s| s.iter().map(|s| s["id"].clone()).collect::<Vec<_>>()) }),
                "VALIDATION",
                Some("start"),
            ),
            (
                "mutation($m: ID!, $s: [ID!]!) { reorderSaker(meetingId: $m, sakIds: $s, renumber: true, start: 0) { id } }",
                json!({ "m": mid, "s": m["saker"].as_array().map(|s| s.iter().map(|s| s["id"].clone()).rev().collect::<Vec<_>>()) }),
                "VALIDATION",
                Some("start"),
            ),
            (
                "mutation($m: ID!) { markMeetingHeld(id: $m, version: 1) { id } }",
                json!({ "m": "møte 1" }),
                "VALIDATION",
                Some("id"),
            ),
            (
                "mutation { cancelMeeting(id: \"424242\", version: 1) { id } }",
                json!({}),
                "NOT_FOUND",
                None,
            ),
            (
                "mutation { startMinutes(meetingId: \"424242\", version: 1) { id } }",
                json!({}),
                "NOT_FOUND",
                None,
            ),
            (
                "mutation { publishMinutes(meetingId: \"0\", version: 1) { id } }",
                json!({}),
                "VALIDATION",
                Some("meetingId"),
            ),
            (
                "mutation { lockMinutes(meetingId: \"424242\", version: 1) { id } }",
                json!({}),
                "NOT_FOUND",
                None,
            ),
            (
                "mutation($m: ID!, $s: ID!) { reorderSaker(meetingId: $m, sakIds: [$s, $s]) { id } }",
                json!({ "m": mid, "s": sid }),
                "VALIDATION",
                Some("sakIds"),
            ),
            (
                "mutation($s: ID!) { setCaseOfficers(sakId: $s, personIds: [\"424242\"]) { id } }",
                json!({ "s": sid }),
                "VALIDATION",
                Some("personIds"),
            ),
            (
                "mutation($i: AddAttachmentInput!) { addAttachment(input: $i) { id } }",
                json!({ "i": { "sakId": sid, "title": "Vedlegg", "url": "javascript:alert(1)" } }),
                "VALIDATION",
                Some("url"),
            ),
            (
                "mutation($i: AddAttachmentInput!) { addAttachment(input: $i) { id } }",
                json!({ "i": { "sakId": sid, "meetingId": mid, "title": "Vedlegg", "url": "https://example.no" } }),
                "VALIDATION",
                Some("sakId"),
            ),
            (
                "mutation($i: AddAttachmentInput!) { addAttachment(input: $i) { id } }",
                json!({ "i": { "sakId": sid, "title": "  " } }),
                "VALIDATION",
                Some("title"),
            ),
            (
                "mutation { updateAttachment(input: { id: \"424242\", version: 1, title: \"x\" }) { id } }",
                json!({}),
                "NOT_FOUND",
                None,
            ),
            (
                "mutation { removeAttachment(id: \"424242\", version: 1) }",
                json!({}),
                "NOT_FOUND",
                None,
            ),
            (
                "mutation($s: ID!) { addReference(sakId: $s, asWritten: \"sak nr\", kind: SEE_ALSO) { id } }",
                json!({ "s": sid }),
                "VALIDATION",
                Some("asWritten"),
            ),
            (
                "mutation { removeReference(id: \"424242\") }",
                json!({}),
                "NOT_FOUND",
                None,
            ),
            (
                "mutation($s: ID!) { addPresenter(sakId: $s) { id } }",
                json!({ "s": sid }),
                "VALIDATION",
                Some("personId"),
            ),
            (
                "mutation { removePresenter(id: \"424242\") }",
                json!({}),
                "NOT_FOUND",
                None,
            ),
            (
                "mutation($s: ID!) { createFollowUp(input: { sakId: $s, description: \"\" }) { id } }",
                json!({ "s": sid }),
                "VALIDATION",
                Some("description"),
            ),
            (
                "mutation { updateFollowUp(input: { id: \"424242\", version: 1 }) { id } }",
                json!({}),
                "NOT_FOUND",
                None,
            ),
            (
                "mutation { closeFollowUp(id: \"424242\", version: 1, status: OPEN) { id } }",
                json!({}),
                "VALIDATION",
                Some("status"),
            ),
            (
                "mutation($m: ID!) { recordAttendance(meetingId: $m, entries: [{ category: MEMBER, status: PRESENT }]) { id } }",
                json!({ "m": mid }),
                "VALIDATION",
                Some("entries.0.personId"),
            ),
            (
                "mutation($m: ID!, $s: ID!) { recordAttendance(meetingId: $m, entries: [{ nameText: \"Gjest\", category: GUEST, status: PRESENT, onlySakId: $s, fromSakId: $s }]) { id } }",
                json!({ "m": mid, "s": sid }),
                "VALIDATION",
                Some("entries.0.onlySakId"),
            ),
            (
                "mutation($m: ID!) { recordAttendance(meetingId: $m, entries: [{ nameText: \"Gjest\", category: GUEST, status: PRESENT, fromSak: \"fra sak 7/1/2025\" }]) { id } }",
                json!({ "m": mid }),
                "VALIDATION",
                Some("entries.0.fromSak"),
            ),
            (
                "mutation($m: ID!) { recordAttendance(meetingId: $m, entries: [{ nameText: \"Gjest\", category: GUEST, status: PRESENT, toSak: \"t.o. sak sju\" }]) { id } }",
                json!({ "m": mid }),
                "VALIDATION",
                Some("entries.0.toSak"),
            ),
            (
                "mutation($m: ID!, $s: ID!) { recordAttendance(meetingId: $m, entries: [{ nameText: \"Gjest\", category: GUEST, status: PRESENT, onlySakId: $s, onlySak: \"sak 1/1/2025\" }]) { id } }",
                json!({ "m": mid, "s": sid }),
                "VALIDATION",
                Some("entries.0.onlySak"),
            ),
            (
                "mutation($s: ID!) { declareInterest(sakId: $s, declaration: \"Styreverv\") { id } }",
                json!({ "s": sid }),
                "VALIDATION",
                Some("personId"),
            ),
            (
                "mutation($s: ID!) { declareInterest(sakId: $s, declaration: \"Styreverv\") { id } }",
                json!({ "s": sid }),
                "NOT_FOUND",
                None,
            ),
            (
                "mutation($s: ID!) { assessHabilitet(sakId: $s, personId: \"1\", outcome: PENDING) { id } }",
                json!({ "s": sid }),
                "VALIDATION",
                Some("outcome"),
            ),
            (
                "mutation($s: ID!) { assessHabilitet(sakId: $s, personId: \"1\", outcome: NOT_INHABIL, leftRoom: true) { id } }",
                json!({ "s": sid }),
                "VALIDATION",
                Some("leftRoom"),
            ),
            (
                "mutation($m: ID!) { sendMinutesForComments(meetingId: $m, version: 1, commentDeadline: \"2025-05-01\", sentOn: \"2025-06-02\") { id } }",
                json!({ "m": mid }),
                "CONFLICT",
                None,
            ),
            (
                "mutation($s: ID!) { approveMinutes(sakId: $s, version: 1) { id } }",
                json!({ "s": sid }),
                "VALIDATION",
                Some("sakId"),
            ),
            (
                "mutation($m: ID!) { reopenMinutes(meetingId: $m, version: 1, reason: \"\") { id } }",
                json!({ "m": mid }),
                "VALIDATION",
                Some("reason"),
            ),
            (
                "mutation($m: ID!) { addMinutesComment(meetingId: $m, text: \"Hei\") { id } }",
                json!({ "m": mid }),
                "NOT_FOUND",
                None,
            ),
            (
                "mutation { setCommentHandled(id: \"424242\", version: 1, handled: true) { id } }",
                json!({}),
                "NOT_FOUND",
                None,
            ),
        ];
        let before = counts(&app).await;
        for (i, (query, vars, code, field)) in cases.iter().enumerate() {
            // Member declarations and comments come from the member; the rest from the secretariat.
            let tok = if (query.contains("declareInterest") && *code == "NOT_FOUND")
                || query.contains("addMinutesComment")
            {
                &member
            } else {
                &sec
            };
            let res = app.gql(Some(tok), query, vars.clone()).await;
            assert_eq!(error_code(&res), Some(*code), "case {i}: {query}\n{res}");
            if let Some(f) = field {
                assert_eq!(
                    res["errors"][0]["extensions"]["field"], *f,
                    "case {i}: {res}"
                );
            }
            assert!(
                res["errors"][0]["message"]
                    .as_str()
                    .is_some_and(|m| !m.is_empty()
                        && !m.contains("SQL")
                        && !m.contains("constraint")),
                "case {i}: {res}"
            );
            assert_eq!(
                counts(&app).await,
                before,
                "case {i} changed something: {query}"
            );
        }
    }
);

both_backends!(
    time_slots_warn_items_under_eventuelt_follow_it_and_a_vedtak_shows_the_group_it_set_up,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let sec = app.secretariat().await;
        let m = app
            .gql_ok(
                Some(&sec),
                "mutation { createMeeting(input: { date: \"2025-05-21\", startsAt: \"10:00:00\", endsAt: \"15:00:00\", format: HYBRID }) { meeting { id } } }",
                json!({}),
            )
            .await["createMeeting"]["meeting"]
            .clone();
        let late = create_sak(&app, &sec, json!({ "meetingId": m["id"], "title": "Geopolitisk situasjon", "timeStart": "14:30:00", "timeEnd": "15:30:00" })).await;
        assert_eq!(late["warnings"][0]["code"], "TIME_SLOT_OUTSIDE_MEETING");
        let overlap = create_sak(&app, &sec, json!({ "meetingId": m["id"], "title": "Prioritering av folkehelsetiltak", "timeStart": "14:00:00", "timeEnd": "14:45:00" })).await;
        assert_eq!(overlap["warnings"][0]["code"], "TIME_SLOT_OVERLAP");
        let fine = create_sak(&app, &sec, json!({ "meetingId": m["id"], "title": "Aktiviteter 2025", "timeStart": "11:00:00", "timeEnd": "11:30:00" })).await;
        assert_eq!(fine["warnings"], json!([]));
        // Added under Eventuelt at the meeting: right after Eventuelt, before the evaluation.
        let extra = create_sak(&app, &sec, json!({ "meetingId": m["id"], "title": "Innspill til Arendalsuka", "addedUnderEventuelt": true })).await;
        let titles: Vec<Value> = agenda(&app, &sec, "1/2025")
            .await
            .iter()
            .map(|s| s["title"].clone())
            .collect();
        let at = |t: &str| titles.iter().position(|x| x == t);
        assert_eq!(
            at("Innspill til Arendalsuka"),
            at("Eventuelt").map(|p| p + 1),
            "{titles:?}"
        );
        assert_eq!(titles.last(), Some(&json!("Evaluering av møtet")));
        // A working group created from the vedtak is linked to the sak, with its members.
        let rortveit = app
            .gql_ok(
                Some(&sec),
                "mutation { createPerson(input: { name: \"Guri Rørtveit\" }) { id } }",
                json!({}),
            )
            .await["createPerson"]["id"]
            .clone();
        app.gql_ok(
            Some(&sec),
            "mutation($s: ID!, $p: ID!) { createWorkingGroup(input: { kind: ARBEIDSGRUPPE, name: \"Arbeidsgruppe for uttalelse om USAs rolle\", establishedBySakId: $s, members: [{ personId: $p, role: LEADER }] }) { id } }",
            json!({ "s": late["sak"]["id"], "p": rortveit }),
        )
        .await;
        let groups = app
            .gql_ok(
                Some(&sec),
                "query($id: ID!) { sak(id: $id) { workingGroups { name leader { person { name } } } } }",
                json!({ "id": late["sak"]["id"] }),
            )
            .await;
        assert_eq!(
            groups["sak"]["workingGroups"],
            json!([{ "name": "Arbeidsgruppe for uttalelse om USAs rolle", "leader": { "person": { "name": "Guri Rørtveit" } } }])
        );
        assert!(extra["sak"]["number"].is_number());
    }
);
