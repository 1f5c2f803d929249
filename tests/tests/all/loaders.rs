//! The meeting page costs a fixed, small number of SQL statements however many saker the
//! meeting has: relations go through per-request DataLoaders that batch each level.
use chrono::{NaiveDate, Utc};
use entity::{
    attachment, attendance, conflict_of_interest,
    enums::{
        AttendanceCategory, AttendanceStatus, HabilitetOutcome, MeetingFormat, MeetingStatus,
        MinutesStatus, SakStatus,
    },
    meeting, person, sak, sak_case_officer,
};
use motebok_tests::{Backend, TestApp, both_backends};
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};

const MEETING_PAGE: &str = r#"
query Page($code: String!) {
  meeting(code: $code) {
    id code date status minutesStatus location
    saker {
      id code title types status proposedVedtak vedtak
      from { id name }
      caseOfficers { id name title }
      attachments { id number title url hasFile }
      habilitet { id outcome reason leftRoom person { id name } }
    }
    attendance { id category status partialNote person { id name } }
  }
}"#;

async fn person(app: &TestApp, name: String) -> i32 {
    let now = Utc::now();
    person::ActiveModel {
        name: Set(name),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.state.db.write)
    .await
    .expect("person")
    .id
}

/// Møte `number`/2025 with `saker` saker (two case officers and two vedlegg each, habilitet
/// on every third) and 30 attendance rows, written straight into the tables.
async fn meeting_page_data(app: &TestApp, number: i32, saker: usize) -> String {
    let db = &app.state.db.write;
    let now = Utc::now();
    let mut officers = Vec::new();
    for i in 0..4 {
        officers.push(person(app, format!("Saksbehandler {number}-{i}")).await);
    }
    let mut members = Vec::new();
    for i in 0..30 {
        members.push(person(app, format!("Medlem {number}-{i}")).await);
    }
    let m = meeting::ActiveModel {
        year: Set(2025),
        number: Set(number),
        date: Set(NaiveDate::from_ymd_opt(2025, 5, 21).expect("date")),
        location: Set(Some("Forskningsrådets lokaler, Drammensveien 288".into())),
        format: Set(MeetingFormat::Physical),
        status: Set(MeetingStatus::Held),
        notice_published_at: Set(Some(now)),
        minutes_status: Set(MinutesStatus::Draft),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("meeting");
    for i in 0..saker {
        let s = sak::ActiveModel {
            meeting_id: Set(m.id),
            year: Set(2025),
            number: Set(number * 100 + i as i32),
            position: Set(i as i32 + 1),
            title: Set(format!("Sak {i}")),
            types: Set("vedtak".into()),
            from_person_id: Set(Some(officers[0])),
            proposed_vedtak: Set(Some("Rådet tar saken til orientering.".into())),
            status: Set(SakStatus::Ready),
            added_under_eventuelt: Set(false),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("sak");
        for (pos, officer) in [officers[1 + i % 3], officers[(2 + i) % 3 + 1]]
            .into_iter()
            .enumerate()
        {
            sak_case_officer::ActiveModel {
                sak_id: Set(s.id),
                person_id: Set(officer),
                position: Set(pos as i32 + 1),
            }
            .insert(db)
            .await
            .expect("case officer");
        }
        for n in 1..=2 {
            attachment::ActiveModel {
                sak_id: Set(Some(s.id)),
                number: Set(n),
                title: Set(format!("Vedlegg {n} til sak {i}")),
                url: Set(Some("https://www.regjeringen.no/".into())),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("attachment");
        }
        if i % 3 == 0 {
            conflict_of_interest::ActiveModel {
                sak_id: Set(s.id),
                person_id: Set(members[i % members.len()]),
                declaration: Set(Some("Styremedlem i søkerinstitusjonen".into())),
                outcome: Set(HabilitetOutcome::Inhabil),
                reason: Set(Some("forvaltningsloven § 6".into())),
                left_room: Set(true),
                decided_by: Set(Some("rådet".into())),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("habilitet");
        }
    }
    for (i, member) in members.iter().enumerate() {
        attendance::ActiveModel {
            meeting_id: Set(m.id),
            person_id: Set(Some(*member)),
            category: Set(AttendanceCategory::Member),
            status: Set(if i % 5 == 0 {
                AttendanceStatus::Absent
            } else {
                AttendanceStatus::Present
            }),
            position: Set(i as i32 + 1),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("attendance");
    }
    format!("{number}/2025")
}

/// Runs the page query and returns (statements it cost, the meeting).
async fn load_page(app: &TestApp, token: &str, code: &str) -> (u64, Value) {
    let before = app.state.db.statement_count();
    let data = app
        .gql_ok(Some(token), MEETING_PAGE, json!({ "code": code }))
        .await;
    let after = app.state.db.statement_count();
    (after - before, data["meeting"].clone())
}

both_backends!(
    the_meeting_page_costs_at_most_eight_statements_whatever_the_number_of_saker,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let small = meeting_page_data(&app, 1, 3).await;
        let large = meeting_page_data(&app, 2, 15).await;

        let (small_cost, small_page) = load_page(&app, &token, &small).await;
        let (large_cost, large_page) = load_page(&app, &token, &large).await;

        // The page is complete: every relation was loaded, not skipped.
        let saker = large_page["saker"].as_array().expect("saker");
        assert_eq!(saker.len(), 15);
        assert_eq!(small_page["saker"].as_array().map(Vec::len), Some(3));
        assert!(
            saker
                .iter()
                .all(|s| s["caseOfficers"].as_array().map(Vec::len) == Some(2))
        );
        assert!(
            saker
                .iter()
                .all(|s| s["attachments"].as_array().map(Vec::len) == Some(2))
        );
        assert!(saker.iter().all(|s| s["from"]["name"].is_string()));
        assert_eq!(saker[0]["habilitet"][0]["person"]["name"], "Medlem 2-0");
        assert_eq!(large_page["attendance"].as_array().map(Vec::len), Some(30));
        assert!(
            large_page["attendance"]
                .as_array()
                .is_some_and(|a| a.iter().all(|row| row["person"]["name"].is_string()))
        );
        // One statement is the token's user lookup; the rest is the page.
        assert!(
            large_cost <= 8,
            "the 15-sak page cost {large_cost} statements"
        );
        assert_eq!(
            small_cost, large_cost,
            "3 saker cost {small_cost} statements, 15 saker {large_cost}"
        );
    }
);

both_backends!(
    the_meeting_page_costs_the_same_number_of_statements_every_time,
    |backend: Backend| async move {
        let app = TestApp::spawn(backend).await;
        let token = app.secretariat().await;
        let code = meeting_page_data(&app, 3, 12).await;

        let mut costs = Vec::new();
        for _ in 0..10 {
            costs.push(load_page(&app, &token, &code).await.0);
        }

        // Batches that split on timing would show up as a varying count.
        assert!(
            costs.iter().all(|c| *c == costs[0]),
            "costs varied: {costs:?}"
        );
    }
);
