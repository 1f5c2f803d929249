//! SECURITY.md item 18: one matrix of who sees what. Roles (the public, observer, member,
//! secretariat, and the member's API tokens by scope) × objects × the meeting's state, over
//! lists, single reads, nested fields, counts, search, exports and feeds. Where a cell says
//! hidden, the answer must be exactly the answer for something that does not exist.
use chrono::{Duration, Utc};
use entity::{
    attachment, conflict_of_interest,
    enums::{HabilitetOutcome, MeetingStatus, MinutesStatus, UserRole},
    meeting, minutes_comment,
};
use motebok_tests::{Backend, TestApp, both_backends};
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};

use crate::{
    policy_fixtures::{add_round, api_token, create_document, day, person},
    rows::{self, SakText},
};

/// The roles, in the matrix's column order. The tokens belong to the member; only a `read`
/// token reads with the member's role, the others read as the public plus their scope.
const ROLES: [&str; 8] = [
    "public",
    "observer",
    "member",
    "secretariat",
    "token read",
    "token deadlines:read",
    "token reports:read",
    "token write",
];

/// The states, in the order of each cell's five characters.
const STATES: [(&str, MeetingStatus, MinutesStatus); 5] = [
    ("planned", MeetingStatus::Planned, MinutesStatus::None),
    (
        "notice",
        MeetingStatus::NoticePublished,
        MinutesStatus::None,
    ),
    (
        "comments",
        MeetingStatus::Held,
        MinutesStatus::SentForComments,
    ),
    ("approved", MeetingStatus::Held, MinutesStatus::Approved),
    ("published", MeetingStatus::Held, MinutesStatus::Published),
];

/// What is checked, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Check {
    MeetingInList,
    MeetingByCode,
    MeetingById,
    MeetingInFeed,
    PapersExport,
    SakByCode,
    SakById,
    SakInMeeting,
    SakExport,
    SearchSakTitle,
    SakAttachment,
    MinutesVedtak,
    MinutesDiscussion,
    MinutesAttachment,
    MinutesExport,
    MinutesHabilitet,
    InhabilMembers,
    SearchVedtak,
    Comment,
    HabilitetOutcome,
    HabilitetReason,
    OwnDeclaration,
    GroupInList,
    GroupById,
    GroupInFeed,
    GroupSak,
    DocumentInList,
    DocumentById,
    DocumentInFeed,
    DocumentSak,
    SearchDocument,
}

/// THE RULES. One row per object and path; one cell per role (columns as in `ROLES`);
/// each cell's characters are the states planned, notice, comments, approved, published:
/// `x` visible, `.` answers as if it did not exist.
#[rustfmt::skip]
const MATRIX: &[(Check, [&str; 8])] = &[
    //                            public   observer member   secr.    read     deadl.   reports  write
    // Meeting: notice, agenda, papers (everyone once the notice is published).
    (Check::MeetingInList,     [".xxxx", ".xxxx", ".xxxx", "xxxxx", ".xxxx", ".xxxx", ".xxxx", ".xxxx"]),
    (Check::MeetingByCode,     [".xxxx", ".xxxx", ".xxxx", "xxxxx", ".xxxx", ".xxxx", ".xxxx", ".xxxx"]),
    (Check::MeetingById,       [".xxxx", ".xxxx", ".xxxx", "xxxxx", ".xxxx", ".xxxx", ".xxxx", ".xxxx"]),
    (Check::MeetingInFeed,     [".xxxx", ".xxxx", ".xxxx", "xxxxx", ".xxxx", ".xxxx", ".xxxx", ".xxxx"]),
    (Check::PapersExport,      [".xxxx", ".xxxx", ".xxxx", "xxxxx", ".xxxx", ".xxxx", ".xxxx", ".xxxx"]),
    // Sak and its saksfremlegg.
    (Check::SakByCode,         [".xxxx", ".xxxx", ".xxxx", "xxxxx", ".xxxx", ".xxxx", ".xxxx", ".xxxx"]),
    (Check::SakById,           [".xxxx", ".xxxx", ".xxxx", "xxxxx", ".xxxx", ".xxxx", ".xxxx", ".xxxx"]),
    (Check::SakInMeeting,      [".xxxx", ".xxxx", ".xxxx", "xxxxx", ".xxxx", ".xxxx", ".xxxx", ".xxxx"]),
    (Check::SakExport,         [".xxxx", ".xxxx", ".xxxx", "xxxxx", ".xxxx", ".xxxx", ".xxxx", ".xxxx"]),
    (Check::SearchSakTitle,    [".xxxx", ".xxxx", ".xxxx", "xxxxx", ".xxxx", ".xxxx", ".xxxx", ".xxxx"]),
    // Attachment to a sak (a saksdokument): with the papers.
    (Check::SakAttachment,     [".xxxx", ".xxxx", ".xxxx", "xxxxx", ".xxxx", ".xxxx", ".xxxx", ".xxxx"]),
    // Minutes: public once published, observers once approved, members once sent for comments.
    (Check::MinutesVedtak,     ["....x", "...xx", "..xxx", "xxxxx", "..xxx", "....x", "....x", "....x"]),
    (Check::MinutesDiscussion, ["....x", "...xx", "..xxx", "xxxxx", "..xxx", "....x", "....x", "....x"]),
    (Check::MinutesAttachment, ["....x", "...xx", "..xxx", "xxxxx", "..xxx", "....x", "....x", "....x"]),
    (Check::MinutesExport,     ["....x", "...xx", "..xxx", "xxxxx", "..xxx", "....x", "....x", "....x"]),
    (Check::MinutesHabilitet,  ["....x", "...xx", "..xxx", "xxxxx", "..xxx", "....x", "....x", "....x"]),
    (Check::InhabilMembers,    ["....x", "...xx", "..xxx", "xxxxx", "..xxx", "....x", "....x", "....x"]),
    (Check::SearchVedtak,      ["....x", "...xx", "..xxx", "xxxxx", "..xxx", "....x", "....x", "....x"]),
    // Comments on draft minutes: the secretariat, and members once the draft is out.
    (Check::Comment,           [".....", ".....", "..xxx", "xxxxx", "..xxx", ".....", ".....", "....."]),
    // Habilitet (item 19): another member's settled outcome with the minutes; the reason
    // and declaration only for the secretariat; one's own declaration, pending, for oneself.
    (Check::HabilitetOutcome,  ["....x", "...xx", "..xxx", "xxxxx", "..xxx", "....x", "....x", "....x"]),
    (Check::HabilitetReason,   [".....", ".....", ".....", "xxxxx", ".....", ".....", ".....", "....."]),
    (Check::OwnDeclaration,    [".....", ".....", ".xxxx", "xxxxx", ".xxxx", ".....", ".....", "....."]),
    // Working group set up by the sak: public with the published minutes; any login or a
    // deadlines token sees all groups (schema: `workingGroups`).
    (Check::GroupInList,       ["....x", "xxxxx", "xxxxx", "xxxxx", "xxxxx", "xxxxx", "....x", "....x"]),
    (Check::GroupById,         ["....x", "xxxxx", "xxxxx", "xxxxx", "xxxxx", "xxxxx", "....x", "....x"]),
    // The sak behind a group or document: only where the sak itself may be seen.
    (Check::GroupSak,          ["....x", ".xxxx", ".xxxx", "xxxxx", ".xxxx", ".xxxx", "....x", "....x"]),
    (Check::GroupInFeed,       ["....x", "xxxxx", "xxxxx", "xxxxx", "xxxxx", "xxxxx", "....x", "....x"]),
    // Policy document treated in the sak: public with the published papers; any login or a
    // deadlines token sees all (schema: `policyDocuments`, `upcomingDeadlines`).
    (Check::DocumentInList,    [".xxxx", "xxxxx", "xxxxx", "xxxxx", "xxxxx", "xxxxx", ".xxxx", ".xxxx"]),
    (Check::DocumentById,      [".xxxx", "xxxxx", "xxxxx", "xxxxx", "xxxxx", "xxxxx", ".xxxx", ".xxxx"]),
    (Check::DocumentSak,       [".xxxx", ".xxxx", ".xxxx", "xxxxx", ".xxxx", ".xxxx", ".xxxx", ".xxxx"]),
    (Check::DocumentInFeed,    [".xxxx", "xxxxx", "xxxxx", "xxxxx", "xxxxx", "xxxxx", ".xxxx", ".xxxx"]),
    (Check::SearchDocument,    [".xxxx", "xxxxx", "xxxxx", "xxxxx", "xxxxx", "xxxxx", ".xxxx", ".xxxx"]),
];

/// The CSV exports of the annual report: who may fetch them (any login, or `reports:read`).
const REPORTS_CSV: [bool; 8] = [false, true, true, true, true, false, true, false];

/// One meeting of the world, in one state, with everything hanging off it.
struct Objects {
    meeting_id: String,
    meeting_code: String,
    year: i32,
    number: i32,
    sak_id: String,
    sak_code: String,
    sak_number: i32,
    /// A word only in this sak's title, one only in its vedtak, one only in the document.
    title_word: String,
    vedtak_word: String,
    document_word: String,
    group_id: String,
    group_name: String,
    document_id: String,
    document_title: String,
}

struct World {
    app: TestApp,
    /// The token of each role, `None` for the public.
    tokens: Vec<Option<String>>,
    other_person: String,
    own_person: String,
    objects: Vec<Objects>,
}

fn gid(id: i32) -> String {
    id.to_string()
}

async fn build(backend: Backend) -> World {
    let app = TestApp::spawn(backend).await;
    let sec = app.secretariat().await;
    let own_person = person(&app, &sec, "Medlem Eigen").await;
    let other_person = person(&app, &sec, "Medlem Annan").await;
    let member = app.user(UserRole::Member, own_person.parse().ok()).await;
    let observer = app.user(UserRole::Observer, None).await;
    let member_user: i32 = app.gql_ok(Some(&member), "{ me { id } }", json!({})).await["me"]["id"]
        .as_str()
        .and_then(|id| id.parse().ok())
        .expect("member's user id");
    let mut tokens = vec![
        None,
        Some(observer),
        Some(member.clone()),
        Some(sec.clone()),
    ];
    for scope in ["read", "deadlines:read", "reports:read", "write"] {
        tokens.push(Some(api_token(&app, &member, &[scope]).await.0));
    }
    let today = Utc::now().date_naive();
    let mut objects = Vec::new();
    for (i, (label, status, minutes)) in STATES.iter().enumerate() {
        let n = i as i32 + 1;
        let date = today - Duration::days(30 - i64::from(n));
        let m = rows::meeting(&app, n, date, *status, *minutes).await;
        let title_word = format!("tittel{label}");
        let vedtak_word = format!("vedtak{label}");
        let document_word = format!("melding{label}");
        // `SakText` holds `&'static str`; five short strings live as long as the test.
        let s = rows::sak(
            &app,
            &m,
            n,
            SakText {
                title: format!("Sak om {title_word}").leak(),
                discussion: Some("Rådet drøftet saken."),
                vedtak: Some(format!("Rådet vedtok {vedtak_word}.").leak()),
                ..Default::default()
            },
        )
        .await;
        insert_rows(&app, &m, s.id, member_user, &own_person, &other_person).await;
        let document_title = format!("Stortingsmelding om {document_word}");
        let doc = create_document(
            &app,
            &sec,
            json!({ "kind": "MELDING", "title": document_title, "decidedInSakId": gid(s.id) }),
        )
        .await;
        let round = add_round(
            &app,
            &sec,
            json!({ "policyDocumentId": doc["id"], "kind": "HOERING", "deadline": day(10) }),
        )
        .await;
        let group_name = format!("Arbeidsgruppe {label}");
        let group = app
            .gql_ok(
                Some(&sec),
                "mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }",
                json!({ "input": { "kind": "ARBEIDSGRUPPE", "name": group_name,
                    "establishedBySakId": gid(s.id), "consultationRoundId": round["id"] } }),
            )
            .await;
        objects.push(Objects {
            meeting_id: gid(m.id),
            meeting_code: format!("{}/{}", m.number, m.year),
            year: m.year,
            number: m.number,
            sak_id: gid(s.id),
            sak_code: format!("{}/{}/{}", s.number, m.number, m.year),
            sak_number: s.number,
            title_word,
            vedtak_word,
            document_word,
            group_id: group["createWorkingGroup"]["id"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            group_name,
            document_id: doc["id"].as_str().unwrap_or_default().to_owned(),
            document_title,
        });
    }
    World {
        app,
        tokens,
        other_person,
        own_person,
        objects,
    }
}

/// The rows no API call may add in every state (locked minutes refuse new attachments,
/// comments and assessments): a minutes attachment, a sak attachment, a comment, another
/// member's settled habilitet and one's own pending declaration.
async fn insert_rows(
    app: &TestApp,
    m: &meeting::Model,
    sak_id: i32,
    author: i32,
    own: &str,
    other: &str,
) {
    let now = Utc::now();
    let db = &app.state.db.write;
    for (number, meeting_id, sak) in [(1, Some(m.id), None), (2, None, Some(sak_id))] {
        attachment::ActiveModel {
            meeting_id: Set(meeting_id),
            sak_id: Set(sak),
            number: Set(number),
            title: Set(format!("Vedlegg {number}")),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("attachment");
    }
    minutes_comment::ActiveModel {
        meeting_id: Set(m.id),
        sak_id: Set(Some(sak_id)),
        person_id: Set(own.parse().ok()),
        author_user_id: Set(author),
        text: Set("Merknad til referatet".into()),
        handled: Set(false),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("comment");
    for (person, outcome, reason) in [
        (
            other,
            HabilitetOutcome::Inhabil,
            Some("Styreverv i søkerorganisasjonen"),
        ),
        (own, HabilitetOutcome::Pending, None),
    ] {
        conflict_of_interest::ActiveModel {
            sak_id: Set(sak_id),
            person_id: Set(person.parse().expect("person id")),
            declaration: Set(Some("Jeg sitter i styret".into())),
            outcome: Set(outcome),
            reason: Set(reason.map(str::to_owned)),
            left_room: Set(false),
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

/// (status, body) of a GET, with the role's token as a Bearer header.
async fn get(app: &TestApp, token: Option<&str>, path: &str) -> (u16, Vec<u8>) {
    let mut req = app.client.get(app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send().await.expect("request");
    let status = res.status().as_u16();
    (status, res.bytes().await.expect("body").to_vec())
}

const MEETING: &str = "query($c: String!) { meeting(code: $c) { code
  saker { id } attachments { title } comments { text } habilitetStatement } }";
const SAK: &str = "query($c: String!) { sak(code: $c) { code discussion vedtak
  attachments { title } habilitet { reason declaration person { id } } inhabilMembers { id } } }";
const SEARCH: &str =
    "query($t: String!) { search(text: $t, first: 50) { sak { code } policyDocument { id } } }";
const GROUP: &str =
    "query($id: ID!) { workingGroup(id: $id) { id name establishedBySak { code } } }";
const DOCUMENT: &str =
    "query($id: ID!) { policyDocument(id: $id) { id title decidedInSak { code } } }";
const LISTS: &str = "{ meetings(first: 50) { totalCount nodes { code } }
  workingGroups(first: 50) { totalCount nodes { id } }
  policyDocuments(first: 50) { totalCount nodes { id } } }";

/// The answers several checks share, fetched once per role and meeting.
struct Seen {
    lists: Value,
    feed: Value,
    meeting: Value,
    sak: Value,
}

impl World {
    async fn seen(&self, token: Option<&str>, o: &Objects) -> Seen {
        let app = &self.app;
        Seen {
            lists: app.gql(token, LISTS, json!({})).await,
            feed: serde_json::from_slice(&get(app, token, "/feeds/deadlines.json").await.1)
                .unwrap_or(Value::Null),
            meeting: app
                .gql(token, MEETING, json!({ "c": o.meeting_code }))
                .await,
            sak: app.gql(token, SAK, json!({ "c": o.sak_code })).await,
        }
    }

    /// Whether the role sees the object under `check`. A single read counts as hidden only
    /// when its whole answer equals the one for a missing object; an export that is not 200
    /// must answer exactly like a missing paper (else this panics). Lists, nested fields,
    /// search and feeds: hidden means absent.
    async fn visible(&self, token: Option<&str>, o: &Objects, seen: &Seen, check: Check) -> bool {
        let app = &self.app;
        let listed = |list: &Value, key: &str, want: &str| {
            list.as_array()
                .is_some_and(|a| a.iter().any(|n| n[key].as_str() == Some(want)))
        };
        let habilitet_of = |person: &str| {
            seen.sak["data"]["sak"]["habilitet"]
                .as_array()
                .and_then(|a| {
                    a.iter()
                        .find(|h| h["person"]["id"].as_str() == Some(person))
                        .cloned()
                })
        };
        let search = |text: String| async move {
            let res = app.gql(token, SEARCH, json!({ "t": text })).await;
            res["data"]["search"].clone()
        };
        match check {
            Check::MeetingInList => listed(
                &seen.lists["data"]["meetings"]["nodes"],
                "code",
                &o.meeting_code,
            ),
            Check::MeetingByCode => {
                single_read(app, token, MEETING, "c", &o.meeting_code, "99/1999").await
            }
            Check::MeetingById => {
                let by_id = "query($id: ID!) { meeting(id: $id) { code } }";
                single_read(app, token, by_id, "id", &o.meeting_id, "999999").await
            }
            Check::MeetingInFeed => listed(&seen.feed["meetings"], "code", &o.meeting_code),
            Check::PapersExport => {
                let path =
                    |n: i32| format!("/documents/meetings/{}/{n}/saksdokumenter.docx", o.year);
                export(app, token, &path(o.number), &path(999)).await
            }
            Check::SakByCode => single_read(app, token, SAK, "c", &o.sak_code, "99/99/1999").await,
            Check::SakById => {
                let by_id = "query($id: ID!) { sak(id: $id) { code meeting { code } } }";
                single_read(app, token, by_id, "id", &o.sak_id, "999999").await
            }
            Check::SakInMeeting => {
                listed(&seen.meeting["data"]["meeting"]["saker"], "id", &o.sak_id)
            }
            Check::SakExport => {
                let path = |n: i32| format!("/documents/saker/{}/{n}.docx", o.year);
                export(app, token, &path(o.sak_number), &path(999)).await
            }
            Check::SearchSakTitle => has_sak(&search(o.title_word.clone()).await, &o.sak_code),
            Check::SakAttachment => listed(
                &seen.sak["data"]["sak"]["attachments"],
                "title",
                "Vedlegg 2",
            ),
            Check::MinutesVedtak => seen.sak["data"]["sak"]["vedtak"].is_string(),
            Check::MinutesDiscussion => seen.sak["data"]["sak"]["discussion"].is_string(),
            Check::MinutesAttachment => listed(
                &seen.meeting["data"]["meeting"]["attachments"],
                "title",
                "Vedlegg 1",
            ),
            Check::MinutesExport => {
                let path = |n: i32| format!("/documents/meetings/{}/{n}/referat.docx", o.year);
                export(app, token, &path(o.number), &path(999)).await
            }
            Check::MinutesHabilitet => seen.meeting["data"]["meeting"]["habilitetStatement"]
                .as_array()
                .is_some_and(|a| !a.is_empty()),
            Check::InhabilMembers => listed(
                &seen.sak["data"]["sak"]["inhabilMembers"],
                "id",
                &self.other_person,
            ),
            Check::SearchVedtak => has_sak(&search(o.vedtak_word.clone()).await, &o.sak_code),
            Check::Comment => seen.meeting["data"]["meeting"]["comments"]
                .as_array()
                .is_some_and(|a| !a.is_empty()),
            Check::HabilitetOutcome => habilitet_of(&self.other_person).is_some(),
            Check::HabilitetReason => habilitet_of(&self.other_person)
                .is_some_and(|h| h["reason"].is_string() || h["declaration"].is_string()),
            Check::OwnDeclaration => habilitet_of(&self.own_person).is_some(),
            Check::GroupInList => listed(
                &seen.lists["data"]["workingGroups"]["nodes"],
                "id",
                &o.group_id,
            ),
            Check::GroupById => single_read(app, token, GROUP, "id", &o.group_id, "999999").await,
            Check::GroupInFeed => seen.feed["deadlines"].to_string().contains(&o.group_name),
            Check::GroupSak => {
                let hit = app.gql(token, GROUP, json!({ "id": o.group_id })).await;
                hit["data"]["workingGroup"]["establishedBySak"]["code"] == o.sak_code.as_str()
            }
            Check::DocumentInList => listed(
                &seen.lists["data"]["policyDocuments"]["nodes"],
                "id",
                &o.document_id,
            ),
            Check::DocumentById => {
                single_read(app, token, DOCUMENT, "id", &o.document_id, "999999").await
            }
            Check::DocumentSak => {
                let hit = app
                    .gql(token, DOCUMENT, json!({ "id": o.document_id }))
                    .await;
                hit["data"]["policyDocument"]["decidedInSak"]["code"] == o.sak_code.as_str()
            }
            Check::DocumentInFeed => seen.feed["deadlines"]
                .to_string()
                .contains(&o.document_title),
            Check::SearchDocument => search(o.document_word.clone())
                .await
                .as_array()
                .is_some_and(|a| {
                    a.iter()
                        .any(|h| h["policyDocument"]["id"] == o.document_id.as_str())
                }),
        }
    }
}

/// A single read is visible when it answers something other than the answer for a missing
/// object; hidden means it answers exactly that, errors and all.
async fn single_read(
    app: &TestApp,
    token: Option<&str>,
    query: &str,
    var: &str,
    key: &str,
    missing: &str,
) -> bool {
    app.gql(token, query, json!({ var: key })).await
        != app.gql(token, query, json!({ var: missing })).await
}

fn has_sak(hits: &Value, code: &str) -> bool {
    hits.as_array()
        .is_some_and(|a| a.iter().any(|h| h["sak"]["code"] == code))
}

/// An export: 200 when visible; otherwise the same status and body as a missing one.
async fn export(app: &TestApp, token: Option<&str>, path: &str, missing: &str) -> bool {
    let hit = get(app, token, path).await;
    if hit.0 == 200 {
        return true;
    }
    let gone = get(app, token, missing).await;
    assert_eq!(
        (hit.0, String::from_utf8_lossy(&hit.1)),
        (gone.0, String::from_utf8_lossy(&gone.1)),
        "{path}: a hidden paper must answer like a missing one"
    );
    false
}

both_backends!(
    each_role_sees_each_object_in_each_state_as_the_matrix_says,
    |backend: Backend| async move {
        let world = build(backend).await;
        let mut wrong = Vec::new();
        for (r, role) in ROLES.iter().enumerate() {
            let token = world.tokens[r].as_deref();
            for (s, o) in world.objects.iter().enumerate() {
                let seen = world.seen(token, o).await;
                for (check, cells) in MATRIX {
                    let want = cells[r].as_bytes()[s] == b'x';
                    let got = world.visible(token, o, &seen, *check).await;
                    if want != got {
                        wrong.push(format!(
                            "{role} × {check:?} × {}: expected {}, got {}",
                            STATES[s].0,
                            if want { "visible" } else { "hidden" },
                            if got { "visible" } else { "hidden" },
                        ));
                    }
                }
            }
            // Counts leak too: each totalCount counts only what the role may see.
            let lists = world.app.gql(token, LISTS, json!({})).await;
            for (list, check) in [
                ("meetings", Check::MeetingInList),
                ("workingGroups", Check::GroupInList),
                ("policyDocuments", Check::DocumentInList),
            ] {
                let want = cells_of(check)[r].matches('x').count() as i64;
                let got = &lists["data"][list]["totalCount"];
                if got.as_i64() != Some(want) {
                    wrong.push(format!(
                        "{role} × {list}.totalCount: expected {want}, got {got}"
                    ));
                }
            }
            let csv = get(
                &world.app,
                token,
                &format!("/reports/{}/meetings.csv", world.objects[0].year),
            )
            .await;
            if (csv.0 == 200) != REPORTS_CSV[r] {
                wrong.push(format!("{role} × /reports CSV: status {}", csv.0));
            }
        }
        assert!(
            wrong.is_empty(),
            "cells that break the rules:\n{}",
            wrong.join("\n")
        );
    }
);

fn cells_of(check: Check) -> [&'static str; 8] {
    MATRIX
        .iter()
        .find(|(c, _)| *c == check)
        .map(|(_, cells)| *cells)
        .unwrap_or(["....."; 8])
}
