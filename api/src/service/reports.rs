//! The årsrapport's figures for a year, and the events and publications it lists.
//!
//! The definitions (each figure is derivable from the rows, and a test recomputes them):
//! - **Meetings held**: meetings of the year with status `held`, by date. Cancelled ones are
//!   only counted.
//! - **Saker**: the saker of the held meetings, withdrawn ones left out. Grouped by their
//!   exact combination of types ("diskusjon,vedtak" is one group), so the groups add up to
//!   the total; saker without a type form the empty group.
//! - **Substantive vedtak** ([`is_substantive`]): the sak is not a procedural standing item
//!   (godkjenning av innkalling, habilitet, godkjenning av referat, evaluering), and its
//!   vedtak, trimmed, lower-cased, without trailing full stops and with runs of blanks made
//!   one, is not empty and is none of the non-decisions in [`NON_DECISIONS`] ("Intet",
//!   "Tas til orientering." …). A vedtak that says more ("Tas til orientering. Rådet ber
//!   sekretariatet …") is substantive.
//! - **Attendance**: rows of the held meetings' minutes in the members' list (category
//!   `member`). Present and digital both count as attending, partial attendance included;
//!   the rate is attending / (attending + forfall). Møtende vara are counted apart.
//! - **Høringssvar and innspill**: consultation rounds *sent* in the year (by `sent_on`),
//!   and rounds whose deadline fell in the year without an answer: *declined* when the
//!   council chose not to answer, *missed* when nothing was sent and the deadline has
//!   passed. A round marked not answered without a deadline counts in the year its
//!   document was launched.
//! - **Working groups**: a group starts on `starts_on`, else on the date of the meeting whose
//!   sak set it up. *Set up* in the year it starts; *finished* in the year of `ends_on`;
//!   *active* when it started by the end of the year (or the start is unknown) and either
//!   ended within or after the year or, with no end date, still has status `active`.
//!   Proposed groups are not counted.
//! - **Events and publications**: dated within the year.
//! - **Follow-up items**: *opened* by a sak of the year; *closed* (done) and *cancelled* by
//!   their `closed_at` in the year (UTC); *open at year end*: opened by a sak of the year
//!   or earlier and not closed before the year ended.
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeZone, Utc};
use entity::{
    consultation_round,
    enums::{
        AttendanceCategory, AttendanceStatus, ConsultationKind, EventKind, EventRole,
        FollowUpStatus, MeetingFormat, MeetingStatus, PolicyDocumentKind, PublicationKind,
        ResponseStatus, SakStatus, StandingKind, WorkingGroupKind, WorkingGroupStatus,
    },
    event, follow_up, meeting, person, policy_document, publication, sak, working_group,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, JoinType, ModelTrait,
    QueryFilter, QueryOrder, QuerySelect, RelationDef, Set,
    sea_query::{Expr, ExprTrait},
};

use super::{audit, clean_text, required_text, saker::SakType, update_versioned};
use crate::{
    auth::policy::{Actor, Proof, SecretariatWrite},
    error::{AppError, AppResult},
};

/// Vedtak that decide nothing, in normalised form (see [`normalise_vedtak`]).
pub const NON_DECISIONS: &[&str] = &[
    "intet",
    "ingen",
    "ingen vedtak",
    "-",
    "–",
    "tas til orientering",
    "saken tas til orientering",
    "tatt til orientering",
    "tas til etterretning",
    "orienteringen tas til orientering",
    "rådet tar saken til orientering",
    "rådet tok saken til orientering",
    "rådet tar orienteringen til orientering",
];

/// Standing items whose vedtak is procedure, never a substantive decision.
const PROCEDURAL: [StandingKind; 4] = [
    StandingKind::ApproveAgenda,
    StandingKind::Habilitet,
    StandingKind::ApproveMinutes,
    StandingKind::Evaluation,
];

/// Trimmed, lower-cased, trailing full stops dropped, blanks collapsed.
pub fn normalise_vedtak(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.trim_end_matches(['.', '!']).trim().to_lowercase()
}

/// Whether a sak ended with a substantive vedtak (the module documentation has the rule).
pub fn is_substantive(standing: Option<StandingKind>, vedtak: Option<&str>) -> bool {
    if standing.is_some_and(|k| PROCEDURAL.contains(&k)) {
        return false;
    }
    let Some(v) = vedtak.map(normalise_vedtak) else {
        return false;
    };
    !v.is_empty() && !NON_DECISIONS.contains(&v.as_str())
}

/// A sak's types in one order whatever order they were stored in, the papers' own
/// ("Diskusjonssak/vedtakssak").
pub fn canonical_types(stored: &str) -> Vec<SakType> {
    let mut types = SakType::parse_list(stored);
    types.sort_by_key(|t| match t {
        SakType::Diskusjon => 0,
        SakType::Vedtak => 1,
        SakType::Orientering => 2,
    });
    types
}

/// Present, digital and forfall counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AttendanceCounts {
    pub present: u32,
    pub digital: u32,
    pub absent: u32,
}

impl AttendanceCounts {
    fn add(&mut self, status: AttendanceStatus, n: u32) {
        match status {
            AttendanceStatus::Present => self.present += n,
            AttendanceStatus::Digital => self.digital += n,
            AttendanceStatus::Absent => self.absent += n,
        }
    }

    pub fn attended(&self) -> u32 {
        self.present + self.digital
    }

    /// Attending / (attending + forfall); `None` with no rows.
    pub fn rate(&self) -> Option<f64> {
        let all = self.attended() + self.absent;
        (all > 0).then(|| f64::from(self.attended()) / f64::from(all))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct MeetingFigures {
    pub meeting_id: i32,
    pub number: i32,
    pub year: i32,
    pub date: NaiveDate,
    pub starts_at: Option<NaiveTime>,
    pub ends_at: Option<NaiveTime>,
    pub format: MeetingFormat,
    pub saker: u32,
    pub substantive_vedtak: u32,
    /// The members' list.
    pub attendance: AttendanceCounts,
    /// Møtende vara who attended.
    pub substitutes: u32,
}

impl MeetingFigures {
    pub fn code(&self) -> String {
        format!("{}/{}", self.number, self.year)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeFigures {
    pub types: Vec<SakType>,
    pub saker: u32,
    pub substantive_vedtak: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SakerFigures {
    pub total: u32,
    /// Of the total, standing agenda items (godkjenning, habilitet, orienteringer …).
    pub standing: u32,
    pub substantive_vedtak: u32,
    pub by_type: Vec<TypeFigures>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MemberAttendance {
    pub person_id: i32,
    pub name: String,
    pub counts: AttendanceCounts,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsultationOutcome {
    Sent,
    Declined,
    Missed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConsultationFigure {
    pub round_id: i32,
    pub policy_document_id: i32,
    pub document_kind: PolicyDocumentKind,
    /// "Meld. St. 21 (2024–2025) Helse for alle …".
    pub document: String,
    pub kind: ConsultationKind,
    pub outcome: ConsultationOutcome,
    pub deadline: Option<NaiveDate>,
    pub sent_on: Option<NaiveDate>,
    pub response_url: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WorkingGroupFigure {
    pub working_group_id: i32,
    pub name: String,
    pub kind: WorkingGroupKind,
    pub status: WorkingGroupStatus,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub set_up: bool,
    pub active: bool,
    pub finished: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FollowUpFigures {
    pub opened: u32,
    pub closed: u32,
    pub cancelled: u32,
    pub open_at_year_end: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AnnualReport {
    pub year: i32,
    pub meetings: Vec<MeetingFigures>,
    pub meetings_cancelled: u32,
    pub saker: SakerFigures,
    /// All members' rows together.
    pub attendance: AttendanceCounts,
    pub attendance_by_member: Vec<MemberAttendance>,
    pub consultations: Vec<ConsultationFigure>,
    pub working_groups: Vec<WorkingGroupFigure>,
    pub events: Vec<event::Model>,
    pub publications: Vec<publication::Model>,
    pub follow_ups: FollowUpFigures,
}

impl AnnualReport {
    pub fn consultations_with(&self, outcome: ConsultationOutcome) -> u32 {
        self.consultations
            .iter()
            .filter(|c| c.outcome == outcome)
            .count() as u32
    }
}

pub const FIRST_YEAR: i32 = 1990;
pub const LAST_YEAR: i32 = 2200;

fn year_bounds(year: i32) -> AppResult<(NaiveDate, NaiveDate)> {
    let bad = || {
        AppError::validation(
            "year",
            format!("Give a year from {FIRST_YEAR} to {LAST_YEAR}"),
        )
    };
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(bad());
    }
    let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(bad)?;
    let last = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(bad)?;
    Ok((first, last))
}

fn utc_start(d: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN))
}

fn joined<A: EntityTrait, B: EntityTrait>(from: A::Column, to: B::Column) -> RelationDef {
    A::belongs_to(B::default()).from(from).to(to).into()
}

/// COUNT of a column, qualified by its table (joined queries share column names).
fn count_of<E: EntityTrait>(col: E::Column) -> Expr {
    ExprTrait::count(Expr::col((E::default(), col)))
}

/// The figures for `year`, in nine bounded queries whatever the amount of data: the meetings
/// of the year first, then everything else concurrently.
pub async fn annual_report(
    db: &impl ConnectionTrait,
    year: i32,
    today: NaiveDate,
) -> AppResult<AnnualReport> {
    let (first, last) = year_bounds(year)?;
    let meetings = meeting::Entity::find()
        .filter(meeting::Column::Year.eq(year))
        .order_by_asc(meeting::Column::Date)
        .order_by_asc(meeting::Column::Number)
        .all(db)
        .await?;
    let held: Vec<&meeting::Model> = meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Held)
        .collect();
    let held_ids: Vec<i32> = held.iter().map(|m| m.id).collect();
    let (saker, by_meeting, by_member, consultations, groups, events, publications, follow_ups) = futures::try_join!(
        saker_rows(db, &held_ids),
        attendance_by_meeting(db, &held_ids),
        attendance_by_member(db, &held_ids),
        consultations(db, first, last, today),
        working_groups(db, first, last),
        events_between(db, first, last),
        publications_between(db, first, last),
        follow_up_figures(db, year),
    )?;

    let mut figures: Vec<MeetingFigures> = held
        .iter()
        .map(|m| MeetingFigures {
            meeting_id: m.id,
            number: m.number,
            year: m.year,
            date: m.date,
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            format: m.format,
            saker: 0,
            substantive_vedtak: 0,
            attendance: AttendanceCounts::default(),
            substitutes: 0,
        })
        .collect();
    let index: HashMap<i32, usize> = figures
        .iter()
        .enumerate()
        .map(|(i, f)| (f.meeting_id, i))
        .collect();

    let mut totals = SakerFigures::default();
    let mut groups_by_type: BTreeMap<String, TypeFigures> = BTreeMap::new();
    for (meeting_id, types, standing, vedtak) in saker {
        let substantive = is_substantive(standing, vedtak.as_deref());
        let n = u32::from(substantive);
        if let Some(f) = index.get(&meeting_id).and_then(|i| figures.get_mut(*i)) {
            f.saker += 1;
            f.substantive_vedtak += n;
        }
        totals.total += 1;
        totals.standing += u32::from(standing.is_some());
        totals.substantive_vedtak += n;
        let parsed = canonical_types(&types);
        let g = groups_by_type
            .entry(SakType::to_stored(&parsed))
            .or_insert_with(|| TypeFigures {
                types: parsed,
                saker: 0,
                substantive_vedtak: 0,
            });
        g.saker += 1;
        g.substantive_vedtak += n;
    }
    totals.by_type = groups_by_type.into_values().collect();

    let mut overall = AttendanceCounts::default();
    for (meeting_id, category, status, n) in by_meeting {
        let n = u32::try_from(n).unwrap_or(0);
        let Some(f) = index.get(&meeting_id).and_then(|i| figures.get_mut(*i)) else {
            continue;
        };
        match category {
            AttendanceCategory::Member => {
                f.attendance.add(status, n);
                overall.add(status, n);
            }
            AttendanceCategory::Substitute if status != AttendanceStatus::Absent => {
                f.substitutes += n;
            }
            _ => {}
        }
    }

    Ok(AnnualReport {
        year,
        meetings_cancelled: meetings
            .iter()
            .filter(|m| m.status == MeetingStatus::Cancelled)
            .count() as u32,
        meetings: figures,
        saker: totals,
        attendance: overall,
        attendance_by_member: by_member,
        consultations,
        working_groups: groups,
        events,
        publications,
        follow_ups,
    })
}

type SakRow = (i32, String, Option<StandingKind>, Option<String>);

async fn saker_rows(db: &impl ConnectionTrait, held: &[i32]) -> AppResult<Vec<SakRow>> {
    Ok(sak::Entity::find()
        .select_only()
        .columns([
            sak::Column::MeetingId,
            sak::Column::Types,
            sak::Column::StandingKind,
            sak::Column::Vedtak,
        ])
        .filter(sak::Column::MeetingId.is_in(held.iter().copied()))
        .filter(sak::Column::Status.ne(SakStatus::Withdrawn))
        .into_tuple()
        .all(db)
        .await?)
}

async fn attendance_by_meeting(
    db: &impl ConnectionTrait,
    held: &[i32],
) -> AppResult<Vec<(i32, AttendanceCategory, AttendanceStatus, i64)>> {
    use entity::attendance::Column as A;
    Ok(entity::attendance::Entity::find()
        .select_only()
        .columns([A::MeetingId, A::Category, A::Status])
        .column_as(count_of::<entity::attendance::Entity>(A::Id), "n")
        .filter(A::MeetingId.is_in(held.iter().copied()))
        .filter(A::Category.is_in([AttendanceCategory::Member, AttendanceCategory::Substitute]))
        .group_by(A::MeetingId)
        .group_by(A::Category)
        .group_by(A::Status)
        .into_tuple()
        .all(db)
        .await?)
}

async fn attendance_by_member(
    db: &impl ConnectionTrait,
    held: &[i32],
) -> AppResult<Vec<MemberAttendance>> {
    use entity::attendance::{Column as A, Entity};
    let rows: Vec<(i32, String, AttendanceStatus, i64)> = Entity::find()
        .select_only()
        .column(A::PersonId)
        .column(person::Column::Name)
        .column(A::Status)
        .column_as(count_of::<entity::attendance::Entity>(A::Id), "n")
        .join(
            JoinType::InnerJoin,
            joined::<Entity, person::Entity>(A::PersonId, person::Column::Id),
        )
        .filter(A::MeetingId.is_in(held.iter().copied()))
        .filter(A::Category.eq(AttendanceCategory::Member))
        .group_by(A::PersonId)
        .group_by(person::Column::Name)
        .group_by(A::Status)
        .into_tuple()
        .all(db)
        .await?;
    let mut by_person: BTreeMap<(String, i32), AttendanceCounts> = BTreeMap::new();
    for (person_id, name, status, n) in rows {
        by_person
            .entry((name, person_id))
            .or_default()
            .add(status, u32::try_from(n).unwrap_or(0));
    }
    Ok(by_person
        .into_iter()
        .map(|((name, person_id), counts)| MemberAttendance {
            person_id,
            name,
            counts,
        })
        .collect())
}

type RoundRow = (
    i32,
    i32,
    ConsultationKind,
    ResponseStatus,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<String>,
    PolicyDocumentKind,
    Option<String>,
    String,
);

async fn consultations(
    db: &impl ConnectionTrait,
    first: NaiveDate,
    last: NaiveDate,
    today: NaiveDate,
) -> AppResult<Vec<ConsultationFigure>> {
    use consultation_round::Column as R;
    use policy_document::Column as P;
    let in_year = |c: R| c.between(first, last);
    let rows: Vec<RoundRow> = consultation_round::Entity::find()
        .select_only()
        .columns([
            R::Id,
            R::PolicyDocumentId,
            R::Kind,
            R::ResponseStatus,
            R::Deadline,
            R::SentOn,
            R::ResponseUrl,
        ])
        .columns([P::Kind, P::Reference, P::Title])
        .join(
            JoinType::InnerJoin,
            joined::<consultation_round::Entity, policy_document::Entity>(
                R::PolicyDocumentId,
                P::Id,
            ),
        )
        .filter(
            Condition::any()
                .add(
                    Condition::all()
                        .add(R::ResponseStatus.eq(ResponseStatus::Sent))
                        .add(in_year(R::SentOn)),
                )
                .add(
                    Condition::all()
                        .add(R::ResponseStatus.ne(ResponseStatus::Sent))
                        .add(in_year(R::Deadline)),
                )
                .add(
                    Condition::all()
                        .add(R::ResponseStatus.eq(ResponseStatus::NotAnswered))
                        .add(R::Deadline.is_null())
                        .add(P::LaunchDate.between(first, last)),
                ),
        )
        .order_by_asc(R::SentOn)
        .order_by_asc(R::Deadline)
        .order_by_asc(R::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(id, doc_id, kind, status, deadline, sent_on, url, doc_kind, reference, title)| {
                let outcome = match status {
                    ResponseStatus::Sent => ConsultationOutcome::Sent,
                    ResponseStatus::Declined => ConsultationOutcome::Declined,
                    ResponseStatus::NotAnswered => ConsultationOutcome::Missed,
                    // Still being worked on: missed only once the deadline has passed.
                    ResponseStatus::Considering | ResponseStatus::Drafting => {
                        if deadline.is_some_and(|d| d < today) {
                            ConsultationOutcome::Missed
                        } else {
                            return None;
                        }
                    }
                };
                Some(ConsultationFigure {
                    round_id: id,
                    policy_document_id: doc_id,
                    document_kind: doc_kind,
                    document: match reference {
                        Some(r) => format!("{r} {title}"),
                        None => title,
                    },
                    kind,
                    outcome,
                    deadline,
                    sent_on,
                    response_url: url,
                })
            },
        )
        .collect())
}

/// A group with the day of the meeting whose sak set it up.
type GroupRow = (
    i32,
    String,
    WorkingGroupKind,
    WorkingGroupStatus,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

async fn working_groups(
    db: &impl ConnectionTrait,
    first: NaiveDate,
    last: NaiveDate,
) -> AppResult<Vec<WorkingGroupFigure>> {
    use working_group::Column as W;
    let rows: Vec<GroupRow> = working_group::Entity::find()
        .select_only()
        .columns([W::Id, W::Name, W::Kind, W::Status, W::StartsOn, W::EndsOn])
        .column(meeting::Column::Date)
        .join(
            JoinType::LeftJoin,
            joined::<working_group::Entity, sak::Entity>(W::EstablishedBySakId, sak::Column::Id),
        )
        .join(
            JoinType::LeftJoin,
            joined::<sak::Entity, meeting::Entity>(sak::Column::MeetingId, meeting::Column::Id),
        )
        .filter(W::Status.ne(WorkingGroupStatus::Proposed))
        // Groups that ended before the year say nothing about it.
        .filter(
            Condition::any()
                .add(W::EndsOn.is_null())
                .add(W::EndsOn.gte(first)),
        )
        .order_by_asc(W::Name)
        .order_by_asc(W::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, name, kind, status, starts_on, ends_on, sak_date)| {
            let start = starts_on.or(sak_date);
            let set_up = start.is_some_and(|s| s >= first && s <= last);
            let finished = ends_on.is_some_and(|e| e >= first && e <= last);
            let started = start.is_none_or(|s| s <= last);
            let active = started
                && match ends_on {
                    Some(e) => e >= first,
                    None => status == WorkingGroupStatus::Active,
                };
            (set_up || active || finished).then_some(WorkingGroupFigure {
                working_group_id: id,
                name,
                kind,
                status,
                starts_on: start,
                ends_on,
                set_up,
                active,
                finished,
            })
        })
        .collect())
}

async fn events_between(
    db: &impl ConnectionTrait,
    first: NaiveDate,
    last: NaiveDate,
) -> AppResult<Vec<event::Model>> {
    Ok(event::Entity::find()
        .filter(event::Column::Date.between(first, last))
        .order_by_asc(event::Column::Date)
        .order_by_asc(event::Column::Id)
        .all(db)
        .await?)
}

async fn publications_between(
    db: &impl ConnectionTrait,
    first: NaiveDate,
    last: NaiveDate,
) -> AppResult<Vec<publication::Model>> {
    Ok(publication::Entity::find()
        .filter(publication::Column::PublishedOn.between(first, last))
        .order_by_asc(publication::Column::PublishedOn)
        .order_by_asc(publication::Column::Id)
        .all(db)
        .await?)
}

async fn follow_up_figures(db: &impl ConnectionTrait, year: i32) -> AppResult<FollowUpFigures> {
    use follow_up::Column as F;
    let (first, _) = year_bounds(year)?;
    let (next, _) = year_bounds(year + 1).unwrap_or((first, first));
    let (start, end) = (utc_start(first), utc_start(next));
    let rows: Vec<(i32, FollowUpStatus, Option<DateTime<Utc>>)> = follow_up::Entity::find()
        .select_only()
        .column(sak::Column::Year)
        .columns([F::Status, F::ClosedAt])
        .join(
            JoinType::InnerJoin,
            joined::<follow_up::Entity, sak::Entity>(F::SakId, sak::Column::Id),
        )
        .filter(sak::Column::Year.lte(year))
        // Items closed before the year began play no part in it.
        .filter(
            Condition::any()
                .add(F::ClosedAt.is_null())
                .add(F::ClosedAt.gte(start)),
        )
        .into_tuple()
        .all(db)
        .await?;
    let mut f = FollowUpFigures::default();
    for (sak_year, status, closed_at) in rows {
        let closed_in_year = closed_at.is_some_and(|t| t >= start && t < end);
        f.opened += u32::from(sak_year == year);
        f.closed += u32::from(closed_in_year && status == FollowUpStatus::Done);
        f.cancelled += u32::from(closed_in_year && status == FollowUpStatus::Cancelled);
        let open_at_end = match closed_at {
            Some(t) => t >= end,
            None => status == FollowUpStatus::Open,
        };
        f.open_at_year_end += u32::from(open_at_end);
    }
    Ok(f)
}

// ---- Events and publications -------------------------------------------------------

fn checked_url(field: &str, url: Option<String>) -> AppResult<Option<String>> {
    let url = clean_text(field, url, 500)?;
    if let Some(u) = &url
        && (!(u.starts_with("https://") || u.starts_with("http://"))
            || u.chars().any(char::is_whitespace))
    {
        return Err(AppError::validation(
            field,
            "Give a web address starting with https://",
        ));
    }
    Ok(url)
}

fn checked_date(field: &str, d: Option<NaiveDate>) -> AppResult<Option<NaiveDate>> {
    match d {
        Some(d) if !(FIRST_YEAR..=LAST_YEAR).contains(&d.year()) => Err(AppError::validation(
            field,
            format!("Give a date from {FIRST_YEAR} to {LAST_YEAR}"),
        )),
        other => Ok(other),
    }
}

/// An event as the secretariat records it.
#[derive(Clone, Debug)]
pub struct EventInput {
    pub title: String,
    pub kind: EventKind,
    pub role: EventRole,
    pub date: Option<NaiveDate>,
    pub location: Option<String>,
    pub url: Option<String>,
    pub description: Option<String>,
}

impl EventInput {
    fn into_active(self) -> AppResult<event::ActiveModel> {
        Ok(event::ActiveModel {
            title: Set(required_text("title", self.title, 300)?),
            kind: Set(self.kind),
            role: Set(self.role),
            date: Set(checked_date("date", self.date)?),
            location: Set(clean_text("location", self.location, 200)?),
            url: Set(checked_url("url", self.url)?),
            description: Set(clean_text("description", self.description, 5000)?),
            ..Default::default()
        })
    }
}

/// A publication as the secretariat records it.
#[derive(Clone, Debug)]
pub struct PublicationInput {
    pub title: String,
    pub kind: PublicationKind,
    pub outlet: Option<String>,
    pub published_on: Option<NaiveDate>,
    pub url: Option<String>,
    pub policy_document_id: Option<i32>,
}

impl PublicationInput {
    fn into_active(self) -> AppResult<publication::ActiveModel> {
        Ok(publication::ActiveModel {
            title: Set(required_text("title", self.title, 300)?),
            kind: Set(self.kind),
            outlet: Set(clean_text("outlet", self.outlet, 200)?),
            published_on: Set(checked_date("publishedOn", self.published_on)?),
            url: Set(checked_url("url", self.url)?),
            policy_document_id: Set(self.policy_document_id),
            ..Default::default()
        })
    }
}

fn policy_document_error(e: sea_orm::DbErr) -> AppError {
    match AppError::from(e) {
        AppError::Validation { .. } => {
            AppError::validation("policyDocumentId", "No such policy document")
        }
        other => other,
    }
}

pub async fn create_event(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    input: EventInput,
) -> AppResult<event::Model> {
    let now = super::now();
    let mut row = input.into_active()?;
    row.version = Set(1);
    row.created_at = Set(now);
    row.updated_at = Set(now);
    let row = row.insert(db).await?;
    audit::record::<event::Entity, _>(db, proof.actor(), row.id, None, Some(&row)).await?;
    Ok(row)
}

pub async fn update_event(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id_version: (i32, i32),
    input: EventInput,
) -> AppResult<event::Model> {
    let changes = input.into_active()?;
    update_versioned::<event::Entity, _>(
        db,
        proof.actor(),
        "The event",
        id_version,
        changes,
        AppError::from,
    )
    .await
}

pub async fn create_publication(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    input: PublicationInput,
) -> AppResult<publication::Model> {
    let now = super::now();
    let mut row = input.into_active()?;
    row.version = Set(1);
    row.created_at = Set(now);
    row.updated_at = Set(now);
    let row = row.insert(db).await.map_err(policy_document_error)?;
    audit::record::<publication::Entity, _>(db, proof.actor(), row.id, None, Some(&row)).await?;
    Ok(row)
}

pub async fn update_publication(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id_version: (i32, i32),
    input: PublicationInput,
) -> AppResult<publication::Model> {
    let changes = input.into_active()?;
    update_versioned::<publication::Entity, _>(
        db,
        proof.actor(),
        "The publication",
        id_version,
        changes,
        policy_document_error,
    )
    .await
}

/// Deletes a row of a table with `id` and `version` columns while it still has `version`
/// (`DELETE … WHERE id = ? AND version = ?`), with its audit rows.
async fn delete_versioned<E>(
    db: &impl ConnectionTrait,
    actor: &Actor,
    what: &'static str,
    (id, version): (i32, i32),
) -> AppResult<E::Model>
where
    E: EntityTrait,
    E::Model: Sync,
{
    let col = |name: &str| {
        name.parse::<E::Column>()
            .map_err(|_| AppError::from(anyhow::anyhow!("{what} has no column {name}")))
    };
    let (id_col, version_col) = (col("id")?, col("version")?);
    let before = E::find()
        .filter(id_col.eq(id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound(what))?;
    if before.get(version_col) != sea_orm::Value::Int(Some(version)) {
        return Err(AppError::stale(what));
    }
    let deleted = E::delete_many()
        .filter(id_col.eq(id))
        .filter(version_col.eq(version))
        .exec(db)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(AppError::stale(what));
    }
    audit::record::<E, _>(db, actor, id, Some(&before), None).await?;
    Ok(before)
}

pub async fn delete_event(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id_version: (i32, i32),
) -> AppResult<event::Model> {
    delete_versioned::<event::Entity>(db, proof.actor(), "The event", id_version).await
}

pub async fn delete_publication(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id_version: (i32, i32),
) -> AppResult<publication::Model> {
    delete_versioned::<publication::Entity>(db, proof.actor(), "The publication", id_version).await
}

/// Events, newest first (undated last); `year` keeps those dated in that year.
pub fn events_query(year: Option<i32>) -> AppResult<sea_orm::Select<event::Entity>> {
    let mut q = event::Entity::find()
        .order_by(
            Expr::col(event::Column::Date).is_null(),
            sea_orm::Order::Asc,
        )
        .order_by_desc(event::Column::Date)
        .order_by_desc(event::Column::Id);
    if let Some(y) = year {
        let (first, last) = year_bounds(y)?;
        q = q.filter(event::Column::Date.between(first, last));
    }
    Ok(q)
}

/// Publications, newest first (undated last); `year` keeps those published in that year.
pub fn publications_query(year: Option<i32>) -> AppResult<sea_orm::Select<publication::Entity>> {
    let mut q = publication::Entity::find()
        .order_by(
            Expr::col(publication::Column::PublishedOn).is_null(),
            sea_orm::Order::Asc,
        )
        .order_by_desc(publication::Column::PublishedOn)
        .order_by_desc(publication::Column::Id);
    if let Some(y) = year {
        let (first, last) = year_bounds(y)?;
        q = q.filter(publication::Column::PublishedOn.between(first, last));
    }
    Ok(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_decisions_are_substantive() {
        assert!(!is_substantive(None, Some("Tas til orientering.")));
        assert!(!is_substantive(None, Some("  Intet. ")));
        assert!(!is_substantive(None, Some("TAS   TIL ORIENTERING")));
        assert!(!is_substantive(None, None));
        assert!(!is_substantive(None, Some("")));
        assert!(!is_substantive(
            Some(StandingKind::ApproveAgenda),
            Some("Innkalling og saksliste godkjennes.")
        ));
        assert!(is_substantive(
            None,
            Some("Rådet ber sekretariatet følge opp saken i tråd med diskusjonen på møtet.")
        ));
        assert!(is_substantive(
            Some(StandingKind::Orienteringer),
            Some("Tas til orientering. Rådet ber sekretariatet skrive et innspill.")
        ));
        assert!(!is_substantive(
            Some(StandingKind::Eventuelt),
            Some("Intet.")
        ));
    }

    #[test]
    fn the_attendance_rate_counts_digital_as_attending() {
        let c = AttendanceCounts {
            present: 10,
            digital: 2,
            absent: 4,
        };
        assert_eq!(c.rate(), Some(0.75));
        assert_eq!(AttendanceCounts::default().rate(), None);
    }
}
