//! Meetings: creation with the standing agenda skeleton, editing, the meeting's own status
//! (planned → notice published → held, or cancelled), and historical state for imports.
//!
//! Illegal transitions are refused with `CONFLICT` and a message that starts with
//! "Illegal transition:"; warnings (e.g. short notice) are returned as data.
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use entity::{
    enums::{MeetingFormat, MeetingStatus, MinutesStatus, StandingKind},
    meeting,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionSession, TransactionTrait,
};

use super::{
    audit, clean_text, now,
    saker::{self, NewSak, SakType},
};
use crate::{
    auth::policy::{Proof, SecretariatWrite},
    codes::MeetingCode,
    error::{AppError, AppResult},
};

/// How many times a number allocation is retried when a parallel writer took the number.
pub(crate) const NUMBER_RETRIES: usize = 40;
pub(crate) const MAX_LINE: usize = 300;
pub(crate) const MAX_TEXT: usize = 50_000;

/// Loads a row by id or answers NOT_FOUND (`what`: "The sak").
pub(crate) async fn load<E>(
    what: &'static str,
    db: &impl ConnectionTrait,
    id: i32,
) -> AppResult<E::Model>
where
    E: EntityTrait,
    <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: From<i32>,
{
    E::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound(what))
}

/// The message of a unique-index violation, if that is what `e` is.
pub(crate) fn unique_violation(e: &DbErr) -> Option<String> {
    match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(m)) => Some(m),
        _ => None,
    }
}

/// Refuses a state change with a stable, explained message.
pub(crate) fn illegal(message: impl std::fmt::Display) -> AppError {
    AppError::Conflict(format!("Illegal transition: {message}"))
}

/// Today's date in Oslo: deadlines and notice periods are Norwegian calendar days.
pub fn oslo_today(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&chrono_tz::Europe::Oslo).date_naive()
}

/// Approved or published minutes are locked until the secretariat reopens them.
pub fn minutes_locked(m: &meeting::Model) -> bool {
    matches!(
        m.minutes_status,
        MinutesStatus::Approved | MinutesStatus::Published
    ) && m.minutes_reopened_at.is_none()
}

/// Whether the meeting's agenda, attendance and minutes may still change.
pub(crate) fn ensure_editable(m: &meeting::Model) -> AppResult<()> {
    if m.status == MeetingStatus::Cancelled {
        return Err(AppError::Conflict(format!(
            "Meeting {} is cancelled; its record can no longer change",
            code(m)
        )));
    }
    if minutes_locked(m) {
        return Err(AppError::Conflict(format!(
            "The minutes of meeting {} are approved and locked; reopen them first",
            code(m)
        )));
    }
    Ok(())
}

pub fn code(m: &meeting::Model) -> String {
    MeetingCode {
        number: m.number,
        year: m.year,
    }
    .to_string()
}

/// A new meeting.
#[derive(Clone, Debug)]
pub struct NewMeeting {
    pub date: NaiveDate,
    /// `None`: the next free number of the date's year.
    pub number: Option<i32>,
    pub starts_at: Option<NaiveTime>,
    pub ends_at: Option<NaiveTime>,
    pub location: Option<String>,
    pub room: Option<String>,
    pub format: MeetingFormat,
    pub note: Option<String>,
    /// Start the agenda from the standing skeleton.
    pub skeleton: bool,
    /// Which optional standing items the skeleton gets (outstanding items, ongoing status,
    /// policy overview); the others are always there.
    pub optional_items: Vec<StandingKind>,
    /// The skeleton's first sak number; `None`: after the year's highest.
    pub first_sak_number: Option<i32>,
}

pub(crate) fn check_hours(
    starts_at: Option<NaiveTime>,
    ends_at: Option<NaiveTime>,
    field: &str,
) -> AppResult<()> {
    match (starts_at, ends_at) {
        (Some(s), Some(e)) if e <= s => Err(AppError::validation(
            field,
            "The end time must be after the start time",
        )),
        _ => Ok(()),
    }
}

fn check_date(date: NaiveDate) -> AppResult<()> {
    if !(1990..=2200).contains(&date.year()) {
        return Err(AppError::validation("date", "The year must be 1990–2200"));
    }
    Ok(())
}

/// Creates a meeting (and its skeleton) with the next free number of its year, or `number`.
/// Parallel creations in one year get distinct numbers: the unique index decides, and a
/// losing writer retries from a savepoint.
pub async fn create_meeting<C>(
    db: &C,
    proof: &SecretariatWrite,
    new: NewMeeting,
) -> AppResult<meeting::Model>
where
    C: ConnectionTrait + TransactionTrait,
{
    check_date(new.date)?;
    check_hours(new.starts_at, new.ends_at, "endsAt")?;
    if new.number.is_some_and(|n| !(1..=99).contains(&n)) {
        return Err(AppError::validation("number", "The number must be 1–99"));
    }
    if new
        .first_sak_number
        .is_some_and(|n| !(1..=9999).contains(&n))
    {
        return Err(AppError::validation(
            "firstSakNumber",
            "The number must be 1–9999",
        ));
    }
    if let Some(bad) = new.optional_items.iter().find(|k| {
        !matches!(
            k,
            StandingKind::OutstandingItems
                | StandingKind::OngoingStatus
                | StandingKind::PolicyOverview
        )
    }) {
        return Err(AppError::validation(
            "optionalItems",
            format!("{bad:?} is always part of the skeleton, not an optional item"),
        ));
    }
    let location = clean_text("location", new.location, MAX_LINE)?;
    let room = clean_text("room", new.room, MAX_LINE)?;
    let note = clean_text("note", new.note, MAX_TEXT)?;
    let year = new.date.year();
    let stamp = now();
    let mut created = None;
    for _ in 0..NUMBER_RETRIES {
        let number = match new.number {
            Some(n) => n,
            None => next_meeting_number(db, year).await?,
        };
        let row = meeting::ActiveModel {
            year: Set(year),
            number: Set(number),
            date: Set(new.date),
            starts_at: Set(new.starts_at),
            ends_at: Set(new.ends_at),
            location: Set(location.clone()),
            room: Set(room.clone()),
            format: Set(new.format),
            status: Set(MeetingStatus::Planned),
            notice_published_at: Set(None),
            minutes_status: Set(MinutesStatus::None),
            minutes_sent_on: Set(None),
            comment_deadline: Set(None),
            minutes_approved_at: Set(None),
            minutes_approved_in_meeting_id: Set(None),
            minutes_published_at: Set(None),
            minutes_reopened_at: Set(None),
            note: Set(note.clone()),
            version: Set(1),
            created_at: Set(stamp),
            updated_at: Set(stamp),
            ..Default::default()
        };
        let savepoint = db.begin().await?;
        match row.insert(&savepoint).await {
            Ok(m) => {
                savepoint.commit().await?;
                created = Some(m);
                break;
            }
            Err(e) if unique_violation(&e).is_some() => {
                savepoint.rollback().await?;
                if new.number.is_some() {
                    return Err(AppError::validation(
                        "number",
                        format!("Meeting {number}/{year} already exists"),
                    ));
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    let m = created.ok_or_else(|| {
        AppError::Conflict("Could not allocate a meeting number; try again".into())
    })?;
    audit::record::<meeting::Entity, _>(db, proof.actor(), m.id, None, Some(&m)).await?;
    if new.skeleton {
        create_skeleton(db, proof, &m, &new.optional_items, new.first_sak_number).await?;
    }
    Ok(m)
}

async fn next_meeting_number(db: &impl ConnectionTrait, year: i32) -> AppResult<i32> {
    let max: Option<Option<i32>> = meeting::Entity::find()
        .select_only()
        .column_as(meeting::Column::Number.max(), "max")
        .filter(meeting::Column::Year.eq(year))
        .into_tuple()
        .one(db)
        .await?;
    Ok(max.flatten().unwrap_or(0) + 1)
}

/// A standing item of the skeleton, with the wording the papers use.
struct Standing {
    kind: StandingKind,
    title: &'static str,
    types: &'static [SakType],
    background: Option<&'static str>,
    reason: Option<&'static str>,
    proposed: Option<&'static str>,
}

const fn standing(
    kind: StandingKind,
    title: &'static str,
    types: &'static [SakType],
    reason: Option<&'static str>,
    proposed: Option<&'static str>,
) -> Standing {
    Standing {
        kind,
        title,
        types,
        background: None,
        reason,
        proposed,
    }
}

/// The order of the papers of 2025 (møte 2/2025 and 3/2025): the opening items, the
/// orientations and the policy overview, then the meeting's own saker, then Eventuelt and
/// the evaluation. New saker go in before Eventuelt.
const SKELETON: &[Standing] = &[
    standing(
        StandingKind::ApproveAgenda,
        "Godkjenning av innkalling og saksliste",
        &[SakType::Vedtak],
        Some("Innkalling og saksliste legges frem for godkjenning."),
        Some("Innkalling og saksliste godkjennes."),
    ),
    Standing {
        kind: StandingKind::Habilitet,
        title: "Spørsmål om habilitet",
        types: &[SakType::Vedtak],
        background: Some(
            "Habilitetsvurderinger og -avklaringer er et punkt på agendaen i alle rådsmøtene. I hvert enkelt tilfelle/sak skal både de skjønnsmessige og de automatiske habilitetsbestemmelser vurderes. Vurderingene av eventuell inhabilitet blant medlemmene og håndteringen av denne skal protokollføres.",
        ),
        reason: Some("Rådet bes om å vurdere sin habilitet for sakene i møtet."),
        proposed: Some("Det er ikke knyttet inhabilitet til noen av sakene på rådsmøtet."),
    },
    standing(
        StandingKind::ApproveMinutes,
        "Godkjenning av referat fra forrige møte",
        &[SakType::Vedtak],
        Some("Referatet legges frem for godkjenning."),
        Some("Referatet godkjennes."),
    ),
    standing(
        StandingKind::OutstandingItems,
        "Utestående fra forrige referat",
        &[SakType::Orientering],
        None,
        Some("Tas til orientering."),
    ),
    standing(
        StandingKind::OngoingStatus,
        "Status pågående saker",
        &[SakType::Orientering],
        None,
        Some("Tas til orientering."),
    ),
    standing(
        StandingKind::Orienteringer,
        "Orienteringer",
        &[SakType::Orientering],
        None,
        Some("Tas til orientering."),
    ),
    standing(
        StandingKind::PolicyOverview,
        "Oversikt meldinger og strategier",
        &[SakType::Diskusjon],
        None,
        Some("Oversikten oppdateres med de innspill som kommer i møtet."),
    ),
    standing(
        StandingKind::Eventuelt,
        "Eventuelt",
        &[],
        None,
        Some("Intet"),
    ),
    standing(
        StandingKind::Evaluation,
        "Evaluering av møtet",
        &[],
        None,
        Some("Intet"),
    ),
];

fn is_optional(kind: StandingKind) -> bool {
    matches!(
        kind,
        StandingKind::OutstandingItems | StandingKind::OngoingStatus | StandingKind::PolicyOverview
    )
}

/// The latest earlier meeting that was not cancelled: the one whose minutes this approves.
pub(crate) async fn previous_meeting(
    db: &impl ConnectionTrait,
    m: &meeting::Model,
) -> AppResult<Option<meeting::Model>> {
    Ok(meeting::Entity::find()
        .filter(meeting::Column::Id.ne(m.id))
        .filter(meeting::Column::Status.ne(MeetingStatus::Cancelled))
        .filter(
            sea_orm::Condition::any()
                .add(meeting::Column::Date.lt(m.date))
                .add(
                    sea_orm::Condition::all()
                        .add(meeting::Column::Date.eq(m.date))
                        .add(meeting::Column::Number.lt(m.number))
                        .add(meeting::Column::Year.eq(m.year)),
                ),
        )
        .order_by_desc(meeting::Column::Date)
        .order_by_desc(meeting::Column::Number)
        .one(db)
        .await?)
}

async fn create_skeleton<C>(
    db: &C,
    proof: &SecretariatWrite,
    m: &meeting::Model,
    optional: &[StandingKind],
    first_number: Option<i32>,
) -> AppResult<()>
where
    C: ConnectionTrait + TransactionTrait,
{
    let previous = previous_meeting(db, m).await?;
    let items = SKELETON
        .iter()
        .filter(|s| !is_optional(s.kind) || optional.contains(&s.kind));
    for (i, item) in items.enumerate() {
        let (title, approves) = match (item.kind, &previous) {
            (StandingKind::ApproveMinutes, Some(p)) => (
                format!("Godkjenning av referat fra møte {}", code(p)),
                Some(p.id),
            ),
            _ => (item.title.to_owned(), None),
        };
        let number = first_number.map(|n| n + i as i32);
        saker::create_sak(
            db,
            proof,
            NewSak {
                meeting_id: m.id,
                number,
                position: Some(i as i32 + 1),
                title,
                types: item.types.to_vec(),
                standing_kind: Some(item.kind),
                approves_minutes_of_meeting_id: approves,
                to_text: None,
                background: item.background.map(str::to_owned),
                reason: item.reason.map(str::to_owned),
                proposed_vedtak: item.proposed.map(str::to_owned),
                ..NewSak::default()
            },
        )
        .await
        .map_err(|e| match e {
            AppError::Validation { message, .. } if number.is_some() => {
                AppError::validation("firstSakNumber", message)
            }
            other => other,
        })?;
    }
    Ok(())
}

/// Changes to a meeting's practical details; `None` leaves a field as it is, `Some(None)`
/// clears it.
#[derive(Clone, Debug, Default)]
pub struct MeetingChanges {
    pub date: Option<NaiveDate>,
    pub starts_at: Option<Option<NaiveTime>>,
    pub ends_at: Option<Option<NaiveTime>>,
    pub location: Option<Option<String>>,
    pub room: Option<Option<String>>,
    pub format: Option<MeetingFormat>,
    pub note: Option<Option<String>>,
}

pub async fn update_meeting(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
    changes: MeetingChanges,
) -> AppResult<meeting::Model> {
    let before = load::<meeting::Entity>("The meeting", db, id).await?;
    if before.status == MeetingStatus::Cancelled {
        return Err(AppError::Conflict(format!(
            "Meeting {} is cancelled; its record can no longer change",
            code(&before)
        )));
    }
    let mut a: meeting::ActiveModel = Default::default();
    if let Some(d) = changes.date {
        check_date(d)?;
        if d.year() != before.year {
            return Err(AppError::validation(
                "date",
                "A meeting cannot move to another year: its number belongs to the year",
            ));
        }
        a.date = Set(d);
    }
    let starts = changes.starts_at.unwrap_or(before.starts_at);
    let ends = changes.ends_at.unwrap_or(before.ends_at);
    check_hours(starts, ends, "endsAt")?;
    if let Some(v) = changes.starts_at {
        a.starts_at = Set(v);
    }
    if let Some(v) = changes.ends_at {
        a.ends_at = Set(v);
    }
    if let Some(v) = changes.location {
        a.location = Set(clean_text("location", v, MAX_LINE)?);
    }
    if let Some(v) = changes.room {
        a.room = Set(clean_text("room", v, MAX_LINE)?);
    }
    if let Some(v) = changes.format {
        a.format = Set(v);
    }
    if let Some(v) = changes.note {
        a.note = Set(clean_text("note", v, MAX_TEXT)?);
    }
    super::update_versioned::<meeting::Entity, _>(
        db,
        proof.actor(),
        "The meeting",
        (before.id, version),
        a,
        AppError::from,
    )
    .await
}

/// The days of notice the council's rules ask for (innkalling at least a week before).
pub const NOTICE_DAYS: i64 = 7;

/// A warning the web app shows; the action went through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub code: WarningCode,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningCode {
    ShortNotice,
    TimeSlotOverlap,
    TimeSlotOutsideMeeting,
}

/// Planned → notice published. Members and the public can then read the papers. Publishing
/// fewer than seven days before the meeting (in Oslo) is allowed, with a warning.
pub async fn publish_notice(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
) -> AppResult<(meeting::Model, Vec<Warning>)> {
    let before = load::<meeting::Entity>("The meeting", db, id).await?;
    if before.status != MeetingStatus::Planned {
        return Err(illegal(format!(
            "the notice can only be published for a planned meeting; meeting {} is {}",
            code(&before),
            status_word(before.status)
        )));
    }
    let stamp = now();
    let today = oslo_today(stamp);
    let days = (before.date - today).num_days();
    let mut warnings = Vec::new();
    if days < NOTICE_DAYS {
        warnings.push(Warning {
            code: WarningCode::ShortNotice,
            message: if days < 0 {
                format!(
                    "The meeting was {} days ago; the notice should go out at least {NOTICE_DAYS} days before",
                    -days
                )
            } else {
                format!(
                    "The meeting is in {days} days; the notice should go out at least {NOTICE_DAYS} days before"
                )
            },
        });
    }
    let a = meeting::ActiveModel {
        status: Set(MeetingStatus::NoticePublished),
        notice_published_at: Set(Some(stamp)),
        ..Default::default()
    };
    let after = super::update_versioned::<meeting::Entity, _>(
        db,
        proof.actor(),
        "The meeting",
        (before.id, version),
        a,
        AppError::from,
    )
    .await?;
    Ok((after, warnings))
}

/// Notice published → held. Not before the meeting's day.
pub async fn mark_held(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
) -> AppResult<meeting::Model> {
    let before = load::<meeting::Entity>("The meeting", db, id).await?;
    if before.status != MeetingStatus::NoticePublished {
        return Err(illegal(format!(
            "only a meeting whose notice is published can be marked as held; meeting {} is {}",
            code(&before),
            status_word(before.status)
        )));
    }
    if oslo_today(now()) < before.date {
        return Err(illegal(format!(
            "meeting {} is on {}; it cannot be held before that day",
            code(&before),
            before.date
        )));
    }
    let a = meeting::ActiveModel {
        status: Set(MeetingStatus::Held),
        ..Default::default()
    };
    super::update_versioned::<meeting::Entity, _>(
        db,
        proof.actor(),
        "The meeting",
        (before.id, version),
        a,
        AppError::from,
    )
    .await
}

/// Planned or notice published → cancelled. The meeting and its saker stay as history.
pub async fn cancel_meeting(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
) -> AppResult<meeting::Model> {
    let before = load::<meeting::Entity>("The meeting", db, id).await?;
    if !matches!(
        before.status,
        MeetingStatus::Planned | MeetingStatus::NoticePublished
    ) {
        return Err(illegal(format!(
            "only a meeting not yet held can be cancelled; meeting {} is {}",
            code(&before),
            status_word(before.status)
        )));
    }
    let a = meeting::ActiveModel {
        status: Set(MeetingStatus::Cancelled),
        ..Default::default()
    };
    super::update_versioned::<meeting::Entity, _>(
        db,
        proof.actor(),
        "The meeting",
        (before.id, version),
        a,
        AppError::from,
    )
    .await
}

pub(crate) fn status_word(s: MeetingStatus) -> &'static str {
    match s {
        MeetingStatus::Planned => "planned",
        MeetingStatus::NoticePublished => "notice published",
        MeetingStatus::Held => "held",
        MeetingStatus::Cancelled => "cancelled",
    }
}

/// A meeting's state as the papers record it, for importing history.
#[derive(Clone, Debug)]
pub struct HistoricalState {
    pub status: MeetingStatus,
    /// When absent for a meeting past `planned`, the meeting's day (00:00 UTC) is used, so
    /// that its papers are readable by those who may read published papers.
    pub notice_published_at: Option<DateTime<Utc>>,
    pub minutes_status: MinutesStatus,
    pub minutes_sent_on: Option<NaiveDate>,
    pub comment_deadline: Option<NaiveDate>,
    /// The meeting whose "Godkjenning av referat" sak approved these minutes.
    pub minutes_approved_in_meeting_id: Option<i32>,
    pub minutes_approved_at: Option<DateTime<Utc>>,
    pub minutes_published_at: Option<DateTime<Utc>>,
}

/// Sets a meeting's state directly, skipping the workflow: for loading the council's history.
/// Audited like every other write.
pub async fn set_historical_state(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    meeting_id: i32,
    state: HistoricalState,
) -> AppResult<meeting::Model> {
    let before = load::<meeting::Entity>("The meeting", db, meeting_id).await?;
    let has_minutes_text = !matches!(state.minutes_status, MinutesStatus::None);
    if has_minutes_text && state.status != MeetingStatus::Held {
        return Err(AppError::validation(
            "minutesStatus",
            "Only a held meeting has minutes",
        ));
    }
    let approved = matches!(
        state.minutes_status,
        MinutesStatus::Approved | MinutesStatus::Published
    );
    if !approved
        && (state.minutes_approved_in_meeting_id.is_some() || state.minutes_approved_at.is_some())
    {
        return Err(AppError::validation(
            "minutesApprovedInMeetingId",
            "Only approved minutes have an approval",
        ));
    }
    if state.minutes_approved_in_meeting_id == Some(meeting_id) {
        return Err(AppError::validation(
            "minutesApprovedInMeetingId",
            "A meeting cannot approve its own minutes",
        ));
    }
    let notice = match (state.status, state.notice_published_at) {
        (MeetingStatus::Planned, _) => None,
        (_, Some(t)) => Some(t),
        (_, None) => before.date.and_hms_opt(0, 0, 0).map(|d| d.and_utc()),
    };
    let published_at = match state.minutes_status {
        MinutesStatus::Published => state.minutes_published_at.or(Some(now())),
        _ => None,
    };
    let a = meeting::ActiveModel {
        status: Set(state.status),
        notice_published_at: Set(notice),
        minutes_status: Set(state.minutes_status),
        minutes_sent_on: Set(state.minutes_sent_on),
        comment_deadline: Set(state.comment_deadline),
        minutes_approved_in_meeting_id: Set(state.minutes_approved_in_meeting_id),
        minutes_approved_at: Set(state.minutes_approved_at),
        minutes_published_at: Set(published_at),
        minutes_reopened_at: Set(None),
        ..Default::default()
    };
    let version = before.version;
    super::update_versioned::<meeting::Entity, _>(
        db,
        proof.actor(),
        "The meeting",
        (before.id, version),
        a,
        AppError::from,
    )
    .await
}

/// Finds a meeting by its code ("2/2025").
pub async fn find_by_code(
    db: &impl ConnectionTrait,
    code: MeetingCode,
) -> AppResult<Option<meeting::Model>> {
    Ok(meeting::Entity::find()
        .filter(meeting::Column::Year.eq(code.year))
        .filter(meeting::Column::Number.eq(code.number))
        .one(db)
        .await?)
}
