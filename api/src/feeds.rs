//! Calendar and JSON feeds of consultation deadlines and meetings, for calendar apps and
//! simple scripts: `GET /feeds/deadlines.ics` and `GET /feeds/deadlines.json`.
//!
//! Who sees what:
//! - Calendar apps cannot send headers, so these two routes (and only these) take an API
//!   token as `?token=…`. It must be a token whose only scope is `deadlines:read`: a link
//!   that sits in someone's calendar settings must not carry more power than that. A bad,
//!   revoked or expired token is 401 and the body says nothing else.
//! - A script may instead send `Authorization: Bearer …`, like any other API call.
//! - Without either, the feed is public: the deadlines of documents treated in published
//!   meeting papers (the overview is a saksdokument; see
//!   `service::consultations::public_document_condition`) and the meetings whose notice is
//!   published. Working groups are named only where the viewer may see them.
//!
//! Every entry has a stable UID (`consultation-round-<id>@…`, `meeting-<id>@…`) and a
//! SEQUENCE taken from the rows' versions, so a calendar replaces an event when it changes.
use axum::{
    Json, Router,
    extract::{Query, State},
    http::{HeaderMap, HeaderValue, header},
    response::{IntoResponse, Response},
    routing::get,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use entity::{
    consultation_round,
    enums::{ConsultationKind, MeetingStatus, ResponseStatus},
    meeting, policy_document, working_group,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use crate::{
    auth::{
        Viewer, policy,
        tokens::{API_TOKEN_PREFIX, Scope},
        viewer,
    },
    error::{AppError, AppResult},
    graphql::{
        consultations::{ConsultationKind as ApiKind, DeadlineFlag, ResponseStatus as ApiStatus},
        meetings::MeetingStatus as ApiMeetingStatus,
    },
    service::{
        consultations::{self, DeadlineFilter, Visibility},
        working_groups,
    },
    startup::AppState,
};

/// The domain part of every UID: fixed, so UIDs survive a move to another host.
const UID_DOMAIN: &str = "motebok.helseomsorg21.no";
/// How far back the feeds reach; older entries have done their work in any calendar.
const DAYS_BACK: i64 = 400;
/// A hard cap on each kind of entry.
const MAX_ENTRIES: u64 = 2000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/feeds/deadlines.ics", get(ics))
        .route("/feeds/deadlines.json", get(json))
}

#[derive(Deserialize)]
pub struct FeedParams {
    token: Option<String>,
}

/// The viewer of a feed request: the URL's feed token, else the Authorization header.
async fn feed_viewer(
    state: &AppState,
    headers: &HeaderMap,
    params: &FeedParams,
) -> AppResult<Viewer> {
    let Some(token) = params.token.as_deref() else {
        return viewer::from_headers(state, headers).await;
    };
    let token = token.trim();
    if !token.starts_with(API_TOKEN_PREFIX) || token.len() > 200 {
        tracing::warn!(
            event = "auth.token_rejected",
            kind = "feed_token",
            "rejected feed token"
        );
        return Err(AppError::Unauthenticated);
    }
    let viewer = Viewer::from_token(state, token).await.inspect_err(|_| {
        tracing::warn!(
            event = "auth.token_rejected",
            kind = "feed_token",
            "rejected feed token"
        );
    })?;
    let scopes = viewer
        .user()
        .and_then(|u| u.scopes.as_deref())
        .unwrap_or(&[]);
    if scopes != [Scope::DeadlinesRead] {
        tracing::warn!(
            event = "auth.denied",
            kind = "feed_token",
            "feed token with other scopes"
        );
        return Err(AppError::Forbidden);
    }
    Ok(viewer)
}

/// One deadline of the feed, with what the viewer may see around it.
struct DeadlineEntry {
    round: consultation_round::Model,
    doc: policy_document::Model,
    group: Option<working_group::Model>,
}

impl DeadlineEntry {
    fn uid(&self) -> String {
        format!("consultation-round-{}@{UID_DOMAIN}", self.round.id)
    }

    /// Both rows' versions only grow, so their sum does too whenever either changes.
    fn sequence(&self) -> i32 {
        (self.round.version - 1) + (self.doc.version - 1)
    }

    fn last_modified(&self) -> DateTime<Utc> {
        self.round.updated_at.max(self.doc.updated_at)
    }

    fn summary(&self) -> String {
        let what = match self.round.kind {
            ConsultationKind::Innspill => "Innspillsfrist",
            ConsultationKind::Hoering => "Høringsfrist",
            ConsultationKind::StortingetHearing => "Høringsfrist Stortinget",
        };
        match &self.doc.reference {
            Some(r) => format!("{what}: {r} {}", self.doc.title),
            None => format!("{what}: {}", self.doc.title),
        }
    }

    fn flags(&self) -> Vec<consultations::DeadlineFlag> {
        consultations::deadline_flags(&self.round, Some(&self.doc))
    }

    fn description(&self) -> String {
        let status = match self.round.response_status {
            ResponseStatus::Considering => "Rådet vurderer om det skal svare",
            ResponseStatus::Drafting => "Svar under arbeid",
            ResponseStatus::Sent => "Svar sendt",
            ResponseStatus::Declined => "Rådet svarer ikke",
            ResponseStatus::NotAnswered => "Ikke besvart innen fristen",
        };
        let mut lines = vec![status.to_owned()];
        if let Some(g) = &self.group {
            lines.push(format!("Svares av: {}", g.name));
        }
        for flag in self.flags() {
            lines.push(
                match flag {
                    consultations::DeadlineFlag::ShortDeadline => {
                        "Kort frist: under seks uker (utredningsinstruksen)"
                    }
                    consultations::DeadlineFlag::NoWorkingGroup => {
                        "Ingen arbeidsgruppe svarer ennå"
                    }
                }
                .to_owned(),
            );
        }
        if let Some(t) = &self.round.deadline_text {
            lines.push(t.clone());
        }
        if let Some(u) = &self.doc.url {
            lines.push(u.clone());
        }
        lines.join("\n")
    }
}

struct Feed {
    /// The council's name, for the calendar's title.
    council: Option<String>,
    generated_at: DateTime<Utc>,
    deadlines: Vec<DeadlineEntry>,
    meetings: Vec<meeting::Model>,
}

async fn collect(state: &AppState, viewer: &Viewer) -> AppResult<Feed> {
    let db = &state.db.read;
    let visibility = Visibility::of(viewer);
    let since = consultations::oslo_today() - Duration::days(DAYS_BACK);
    let rounds = consultations::deadlines(
        visibility,
        DeadlineFilter {
            from: Some(since),
            // Withdrawn rounds stay in the feed, cancelled, so calendars drop them.
            include_withdrawn: true,
            ..Default::default()
        },
    )?
    .limit(MAX_ENTRIES)
    .all(db)
    .await?;
    let doc_ids: Vec<i32> = rounds.iter().map(|r| r.policy_document_id).collect();
    let docs: HashMap<i32, policy_document::Model> = policy_document::Entity::find()
        .filter(policy_document::Column::Id.is_in(doc_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let group_ids: Vec<i32> = rounds.iter().filter_map(|r| r.working_group_id).collect();
    let groups: HashMap<i32, working_group::Model> = working_group::Entity::find()
        .filter(working_group::Column::Id.is_in(group_ids))
        .filter(working_groups::visible_groups(viewer))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g))
        .collect();
    let deadlines = rounds
        .into_iter()
        .filter_map(|round| {
            let doc = docs.get(&round.policy_document_id)?.clone();
            let group = round.working_group_id.and_then(|g| groups.get(&g).cloned());
            Some(DeadlineEntry { round, doc, group })
        })
        .collect();
    let meetings = meeting::Entity::find()
        .filter(meeting::Column::Date.gte(since))
        .order_by_asc(meeting::Column::Date)
        .order_by_asc(meeting::Column::Id)
        .limit(MAX_ENTRIES)
        .all(db)
        .await?
        .into_iter()
        .filter(|m| policy::can_read_meeting(viewer, m))
        .collect();
    Ok(Feed {
        council: crate::service::council::get_council(db)
            .await?
            .map(|c| c.name),
        generated_at: crate::service::now(),
        deadlines,
        meetings,
    })
}

async fn ics(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(params): Query<FeedParams>,
) -> Result<Response, AppError> {
    let viewer = feed_viewer(&state, &headers, &params).await?;
    let feed = collect(&state, &viewer).await?;
    let body = render_ics(&feed);
    let mut res = body.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    res.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("inline; filename=\"frister.ics\""),
    );
    Ok(res)
}

async fn json(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(params): Query<FeedParams>,
) -> Result<Response, AppError> {
    let viewer = feed_viewer(&state, &headers, &params).await?;
    let feed = collect(&state, &viewer).await?;
    Ok(Json(JsonFeed::from(&feed)).into_response())
}

// ---------------------------------------------------------------------------------------
// iCalendar (RFC 5545).

/// Escapes a TEXT value (RFC 5545 § 3.3.11).
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded at 75 octets without splitting a UTF-8 character
/// (RFC 5545 § 3.1); continuation lines start with a space.
fn push_line(out: &mut String, line: &str) {
    let mut limit = 75;
    let mut rest = line;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space counts towards the next line's 75.
        limit = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

fn utc_stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn date_value(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// Europe/Oslo as the EU rules have it since 1996.
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Oslo",
    "X-LIC-LOCATION:Europe/Oslo",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

fn meeting_uid(m: &meeting::Model) -> String {
    format!("meeting-{}@{UID_DOMAIN}", m.id)
}

fn meeting_location(m: &meeting::Model) -> Option<String> {
    match (&m.location, &m.room) {
        (Some(l), Some(r)) => Some(format!("{l}, {r}")),
        (Some(l), None) => Some(l.clone()),
        (None, Some(r)) => Some(r.clone()),
        (None, None) => None,
    }
}

fn render_ics(feed: &Feed) -> String {
    let mut out = String::new();
    let line = |out: &mut String, s: &str| push_line(out, s);
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Møtebok//Møtebok//NO",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-TIMEZONE:Europe/Oslo",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
    ] {
        line(&mut out, l);
    }
    let title = match &feed.council {
        Some(name) => format!("X-WR-CALNAME:{}: frister og møter", escape_text(name)),
        None => "X-WR-CALNAME:Frister og møter".to_owned(),
    };
    line(&mut out, &title);
    for l in VTIMEZONE {
        line(&mut out, l);
    }
    let stamp = utc_stamp(feed.generated_at);
    for e in &feed.deadlines {
        let Some(day) = e.round.deadline else {
            continue;
        };
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", e.uid()));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(
            &mut out,
            &format!("LAST-MODIFIED:{}", utc_stamp(e.last_modified())),
        );
        line(&mut out, &format!("SEQUENCE:{}", e.sequence()));
        line(&mut out, &format!("DTSTART;VALUE=DATE:{}", date_value(day)));
        line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", date_value(day + Duration::days(1))),
        );
        line(&mut out, &format!("SUMMARY:{}", escape_text(&e.summary())));
        line(
            &mut out,
            &format!("DESCRIPTION:{}", escape_text(&e.description())),
        );
        if let Some(u) = &e.doc.url {
            line(&mut out, &format!("URL:{u}"));
        }
        line(&mut out, "CATEGORIES:Frist");
        line(&mut out, "TRANSP:TRANSPARENT");
        let status = if e.round.withdrawn {
            "CANCELLED"
        } else {
            "CONFIRMED"
        };
        line(&mut out, &format!("STATUS:{status}"));
        line(&mut out, "END:VEVENT");
    }
    for m in &feed.meetings {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", meeting_uid(m)));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(
            &mut out,
            &format!("LAST-MODIFIED:{}", utc_stamp(m.updated_at)),
        );
        line(&mut out, &format!("SEQUENCE:{}", m.version - 1));
        match m.starts_at {
            Some(start) => {
                let at = |t: chrono::NaiveTime| m.date.and_time(t).format("%Y%m%dT%H%M%S");
                line(&mut out, &format!("DTSTART;TZID=Europe/Oslo:{}", at(start)));
                if let Some(end) = m.ends_at.filter(|e| *e > start) {
                    line(&mut out, &format!("DTEND;TZID=Europe/Oslo:{}", at(end)));
                }
            }
            None => {
                line(
                    &mut out,
                    &format!("DTSTART;VALUE=DATE:{}", date_value(m.date)),
                );
                line(
                    &mut out,
                    &format!(
                        "DTEND;VALUE=DATE:{}",
                        date_value(m.date + Duration::days(1))
                    ),
                );
            }
        }
        line(
            &mut out,
            &format!(
                "SUMMARY:{}",
                escape_text(&format!("Rådsmøte {}/{}", m.number, m.year))
            ),
        );
        if let Some(l) = meeting_location(m) {
            line(&mut out, &format!("LOCATION:{}", escape_text(&l)));
        }
        line(&mut out, "CATEGORIES:Rådsmøte");
        let status = if m.status == MeetingStatus::Cancelled {
            "CANCELLED"
        } else {
            "CONFIRMED"
        };
        line(&mut out, &format!("STATUS:{status}"));
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

// ---------------------------------------------------------------------------------------
// JSON: the same entries, with the API's enum names.

fn api_name<T: async_graphql::InputType>(value: T) -> String {
    match value.to_value() {
        async_graphql::Value::Enum(n) => n.to_string(),
        _ => String::new(),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonFeed {
    generated_at: DateTime<Utc>,
    timezone: &'static str,
    deadlines: Vec<JsonDeadline>,
    meetings: Vec<JsonMeeting>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonDocument {
    id: i32,
    reference: Option<String>,
    title: String,
    ministry: Option<String>,
    url: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonGroup {
    id: i32,
    name: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonDeadline {
    uid: String,
    id: i32,
    sequence: i32,
    kind: String,
    summary: String,
    deadline: Option<NaiveDate>,
    deadline_text: Option<String>,
    opens_on: Option<NaiveDate>,
    consultation_days: Option<i64>,
    flags: Vec<String>,
    response_status: String,
    sent_on: Option<NaiveDate>,
    response_url: Option<String>,
    withdrawn: bool,
    updated_at: DateTime<Utc>,
    document: JsonDocument,
    working_group: Option<JsonGroup>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonMeeting {
    uid: String,
    id: i32,
    sequence: i32,
    code: String,
    date: NaiveDate,
    starts_at: Option<chrono::NaiveTime>,
    ends_at: Option<chrono::NaiveTime>,
    location: Option<String>,
    status: String,
    cancelled: bool,
    updated_at: DateTime<Utc>,
}

impl From<&Feed> for JsonFeed {
    fn from(feed: &Feed) -> Self {
        Self {
            generated_at: feed.generated_at,
            timezone: "Europe/Oslo",
            deadlines: feed
                .deadlines
                .iter()
                .map(|e| JsonDeadline {
                    uid: e.uid(),
                    id: e.round.id,
                    sequence: e.sequence(),
                    kind: api_name(ApiKind::from(e.round.kind)),
                    summary: e.summary(),
                    deadline: e.round.deadline,
                    deadline_text: e.round.deadline_text.clone(),
                    opens_on: e.round.opens_on,
                    consultation_days: consultations::consultation_days(&e.round, Some(&e.doc)),
                    flags: e
                        .flags()
                        .into_iter()
                        .map(|f| api_name(DeadlineFlag::from(f)))
                        .collect(),
                    response_status: api_name(ApiStatus::from(e.round.response_status)),
                    sent_on: e.round.sent_on,
                    response_url: e.round.response_url.clone(),
                    withdrawn: e.round.withdrawn,
                    updated_at: e.last_modified(),
                    document: JsonDocument {
                        id: e.doc.id,
                        reference: e.doc.reference.clone(),
                        title: e.doc.title.clone(),
                        ministry: e.doc.ministry.clone(),
                        url: e.doc.url.clone(),
                    },
                    working_group: e.group.as_ref().map(|g| JsonGroup {
                        id: g.id,
                        name: g.name.clone(),
                    }),
                })
                .collect(),
            meetings: feed
                .meetings
                .iter()
                .map(|m| JsonMeeting {
                    uid: meeting_uid(m),
                    id: m.id,
                    sequence: m.version - 1,
                    code: format!("{}/{}", m.number, m.year),
                    date: m.date,
                    starts_at: m.starts_at,
                    ends_at: m.ends_at,
                    location: meeting_location(m),
                    status: api_name(ApiMeetingStatus::from(m.status)),
                    cancelled: m.status == MeetingStatus::Cancelled,
                    updated_at: m.updated_at,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_escape_commas_semicolons_backslashes_and_newlines() {
        assert_eq!(escape_text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "Høringsfrist æøå ".repeat(20));
        push_line(&mut out, &long);
        assert!(out.ends_with("\r\n"));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
    }
}
