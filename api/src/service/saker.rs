//! Saker: creation with the year's running number, editing of the saksfremlegg and minutes
//! text, moving, renumbering and reordering, case officers, attachments, references and
//! presenters.
use std::collections::HashSet;

use chrono::NaiveTime;
use entity::{
    attachment,
    enums::{ReferenceKind, SakStatus, StandingKind},
    meeting, sak, sak_case_officer, sak_presenter, sak_reference, stored_file,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionSession, TransactionTrait,
    sea_query::{Expr, ExprTrait, OnConflict},
};

use super::{
    audit, clean_text,
    meetings::{
        MAX_LINE, MAX_TEXT, NUMBER_RETRIES, Warning, WarningCode, code as meeting_code,
        ensure_editable, load, unique_violation,
    },
    now, required_text,
};
use crate::{
    auth::policy::{Proof, SecretariatWrite},
    codes::SakCode,
    error::{AppError, AppResult},
};

const MAX_NUMBER: i32 = 9999;
const MAX_URL: usize = 2000;

/// What a sak is for; the papers combine them ("Diskusjonssak/vedtakssak").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SakType {
    Vedtak,
    Diskusjon,
    Orientering,
}

impl SakType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Vedtak => "vedtak",
            Self::Diskusjon => "diskusjon",
            Self::Orientering => "orientering",
        }
    }

    /// Parses the stored comma-separated list; unknown words are dropped.
    pub fn parse_list(stored: &str) -> Vec<Self> {
        stored
            .split(',')
            .filter_map(|s| match s.trim() {
                "vedtak" => Some(Self::Vedtak),
                "diskusjon" => Some(Self::Diskusjon),
                "orientering" => Some(Self::Orientering),
                _ => None,
            })
            .collect()
    }

    /// The stored form: distinct, in the order given.
    pub fn to_stored(types: &[Self]) -> String {
        let mut seen = HashSet::new();
        types
            .iter()
            .filter(|t| seen.insert(**t))
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// A new sak. `Default` gives an empty draft; set at least `meeting_id` and `title`.
#[derive(Clone, Debug, Default)]
pub struct NewSak {
    pub meeting_id: i32,
    /// `None`: the next number after the year's highest.
    pub number: Option<i32>,
    /// Place on the agenda (1 = first); `None`: before Eventuelt and the evaluation (or
    /// right after Eventuelt for an item added under it), else last.
    pub position: Option<i32>,
    pub title: String,
    pub types: Vec<SakType>,
    pub standing_kind: Option<StandingKind>,
    pub approves_minutes_of_meeting_id: Option<i32>,
    pub time_start: Option<NaiveTime>,
    pub time_end: Option<NaiveTime>,
    pub to_text: Option<String>,
    pub from_person_id: Option<i32>,
    pub from_text: Option<String>,
    pub background: Option<String>,
    pub reason: Option<String>,
    pub key_points: Option<String>,
    pub proposed_vedtak: Option<String>,
    pub discussion: Option<String>,
    pub vedtak: Option<String>,
    /// `None`: draft.
    pub status: Option<SakStatus>,
    pub added_under_eventuelt: bool,
}

fn check_number(field: &str, n: i32) -> AppResult<()> {
    if (1..=MAX_NUMBER).contains(&n) {
        Ok(())
    } else {
        Err(AppError::validation(
            field,
            format!("A sak number is 1–{MAX_NUMBER}"),
        ))
    }
}

async fn next_sak_number(db: &impl ConnectionTrait, year: i32) -> AppResult<i32> {
    let max: Option<Option<i32>> = sak::Entity::find()
        .select_only()
        .column_as(sak::Column::Number.max(), "max")
        .filter(sak::Column::Year.eq(year))
        .into_tuple()
        .one(db)
        .await?;
    Ok(max.flatten().unwrap_or(0) + 1)
}

fn taken(number: i32, year: i32) -> AppError {
    AppError::validation(
        "number",
        format!("Sak number {number} is already used in {year}"),
    )
}

/// Loads a meeting and locks its row until the transaction ends (PostgreSQL; SQLite has a
/// single writer anyway), so that agenda changes to one meeting happen one at a time and
/// positions stay distinct.
pub(crate) async fn lock_meeting(
    db: &impl ConnectionTrait,
    id: i32,
) -> AppResult<Option<meeting::Model>> {
    Ok(meeting::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?)
}

/// The meeting's saker in agenda order.
pub(crate) async fn agenda(
    db: &impl ConnectionTrait,
    meeting_id: i32,
) -> AppResult<Vec<sak::Model>> {
    Ok(sak::Entity::find()
        .filter(sak::Column::MeetingId.eq(meeting_id))
        .order_by_asc(sak::Column::Position)
        .order_by_asc(sak::Column::Number)
        .all(db)
        .await?)
}

/// Where a new item goes when no position is given.
fn default_position(agenda: &[sak::Model], under_eventuelt: bool) -> i32 {
    let after = |kind| {
        agenda
            .iter()
            .find(|s| s.standing_kind == Some(kind))
            .map(|s| s.position)
    };
    let closing = agenda
        .iter()
        .find(|s| {
            matches!(
                s.standing_kind,
                Some(StandingKind::Eventuelt | StandingKind::Evaluation)
            )
        })
        .map(|s| s.position);
    let last = agenda.iter().map(|s| s.position).max().unwrap_or(0) + 1;
    if under_eventuelt {
        // Items under Eventuelt follow it, after any added before them.
        if let Some(p) = after(StandingKind::Eventuelt) {
            let mut pos = p + 1;
            while agenda
                .iter()
                .any(|s| s.position == pos && s.added_under_eventuelt)
            {
                pos += 1;
            }
            return pos;
        }
        return after(StandingKind::Evaluation).unwrap_or(last);
    }
    closing.unwrap_or(last)
}

/// Makes room at `position` by moving later items down one place.
async fn open_gap(db: &impl ConnectionTrait, meeting_id: i32, position: i32) -> AppResult<()> {
    sak::Entity::update_many()
        .col_expr(
            sak::Column::Position,
            Expr::col(sak::Column::Position).add(1),
        )
        .filter(sak::Column::MeetingId.eq(meeting_id))
        .filter(sak::Column::Position.gte(position))
        .exec(db)
        .await?;
    Ok(())
}

async fn close_gap(db: &impl ConnectionTrait, meeting_id: i32, position: i32) -> AppResult<()> {
    sak::Entity::update_many()
        .col_expr(
            sak::Column::Position,
            Expr::col(sak::Column::Position).sub(1),
        )
        .filter(sak::Column::MeetingId.eq(meeting_id))
        .filter(sak::Column::Position.gt(position))
        .exec(db)
        .await?;
    Ok(())
}

async fn check_approves(
    db: &impl ConnectionTrait,
    m: &meeting::Model,
    kind: Option<StandingKind>,
    approves: Option<i32>,
) -> AppResult<()> {
    let Some(id) = approves else { return Ok(()) };
    if kind != Some(StandingKind::ApproveMinutes) {
        return Err(AppError::validation(
            "approvesMinutesOfMeetingId",
            "Only a \"Godkjenning av referat\" sak approves minutes",
        ));
    }
    let earlier = meeting::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::validation("approvesMinutesOfMeetingId", "No such meeting"))?;
    if (earlier.date, earlier.number) >= (m.date, m.number) {
        return Err(AppError::validation(
            "approvesMinutesOfMeetingId",
            "Minutes are approved in a later meeting",
        ));
    }
    Ok(())
}

/// Creates a sak on a meeting's agenda. Parallel creations in one year get distinct,
/// consecutive numbers: the unique (year, number) index decides, and a writer that lost the
/// race retries from a savepoint.
pub async fn create_sak<C>(db: &C, proof: &SecretariatWrite, new: NewSak) -> AppResult<sak::Model>
where
    C: ConnectionTrait + TransactionTrait,
{
    if let Some(n) = new.number {
        check_number("number", n)?;
    }
    let title = required_text("title", new.title, MAX_LINE)?;
    // "Til" defaults to the council the installation serves, as on the papers.
    let to_text = match clean_text("toText", new.to_text, MAX_LINE)? {
        Some(to) => Some(to),
        None => super::council::get_council(db).await?.map(|c| c.name),
    };
    let from_text = clean_text("fromText", new.from_text, MAX_LINE)?;
    let background = clean_text("background", new.background, MAX_TEXT)?;
    let reason = clean_text("reason", new.reason, MAX_TEXT)?;
    let key_points = clean_text("keyPoints", new.key_points, MAX_TEXT)?;
    let proposed_vedtak = clean_text("proposedVedtak", new.proposed_vedtak, MAX_TEXT)?;
    let discussion = clean_text("discussion", new.discussion, MAX_TEXT)?;
    let vedtak = clean_text("vedtak", new.vedtak, MAX_TEXT)?;
    let m = lock_meeting(db, new.meeting_id)
        .await?
        .ok_or(AppError::NotFound("The meeting"))?;
    ensure_editable(&m)?;
    check_approves(
        db,
        &m,
        new.standing_kind,
        new.approves_minutes_of_meeting_id,
    )
    .await?;
    let current = agenda(db, m.id).await?;
    let position = match new.position {
        Some(p) if p < 1 => {
            return Err(AppError::validation("position", "Positions start at 1"));
        }
        Some(p) => Ord::min(p, current.len() as i32 + 1),
        None => default_position(&current, new.added_under_eventuelt),
    };
    open_gap(db, m.id, position).await?;
    let stamp = now();
    let mut created = None;
    for _ in 0..NUMBER_RETRIES {
        let number = match new.number {
            Some(n) => n,
            None => next_sak_number(db, m.year).await?,
        };
        let row = sak::ActiveModel {
            meeting_id: Set(m.id),
            year: Set(m.year),
            number: Set(number),
            position: Set(position),
            title: Set(title.clone()),
            types: Set(SakType::to_stored(&new.types)),
            standing_kind: Set(new.standing_kind),
            approves_minutes_of_meeting_id: Set(new.approves_minutes_of_meeting_id),
            time_start: Set(new.time_start),
            time_end: Set(new.time_end),
            to_text: Set(to_text.clone()),
            from_person_id: Set(new.from_person_id),
            from_text: Set(from_text.clone()),
            background: Set(background.clone()),
            reason: Set(reason.clone()),
            key_points: Set(key_points.clone()),
            proposed_vedtak: Set(proposed_vedtak.clone()),
            discussion: Set(discussion.clone()),
            vedtak: Set(vedtak.clone()),
            status: Set(new.status.unwrap_or(SakStatus::Draft)),
            added_under_eventuelt: Set(new.added_under_eventuelt),
            version: Set(1),
            created_at: Set(stamp),
            updated_at: Set(stamp),
            ..Default::default()
        };
        let savepoint = db.begin().await?;
        match row.insert(&savepoint).await {
            Ok(s) => {
                savepoint.commit().await?;
                created = Some(s);
                break;
            }
            Err(e) if unique_violation(&e).is_some() => {
                savepoint.rollback().await?;
                if new.number.is_some() {
                    return Err(taken(number, m.year));
                }
            }
            Err(e) => {
                savepoint.rollback().await?;
                return Err(match AppError::from(e) {
                    AppError::Validation { .. } => {
                        AppError::validation("fromPersonId", "No such person")
                    }
                    other => other,
                });
            }
        }
    }
    let s = created
        .ok_or_else(|| AppError::Conflict("Could not allocate a sak number; try again".into()))?;
    audit::record::<sak::Entity, _>(db, proof.actor(), s.id, None, Some(&s)).await?;
    sync_text_references(db, proof, &s).await?;
    Ok(s)
}

/// Changes to a sak; `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Clone, Debug, Default)]
pub struct SakChanges {
    pub title: Option<String>,
    pub types: Option<Vec<SakType>>,
    pub standing_kind: Option<Option<StandingKind>>,
    pub approves_minutes_of_meeting_id: Option<Option<i32>>,
    pub time_start: Option<Option<NaiveTime>>,
    pub time_end: Option<Option<NaiveTime>>,
    pub to_text: Option<Option<String>>,
    pub from_person_id: Option<Option<i32>>,
    pub from_text: Option<Option<String>>,
    pub background: Option<Option<String>>,
    pub reason: Option<Option<String>>,
    pub key_points: Option<Option<String>>,
    pub proposed_vedtak: Option<Option<String>>,
    pub discussion: Option<Option<String>>,
    pub vedtak: Option<Option<String>>,
    pub status: Option<SakStatus>,
    pub added_under_eventuelt: Option<bool>,
}

/// Loads a sak and its meeting.
pub(crate) async fn load_with_meeting(
    db: &impl ConnectionTrait,
    sak_id: i32,
) -> AppResult<(sak::Model, meeting::Model)> {
    let s = load::<sak::Entity>("The sak", db, sak_id).await?;
    let m = load::<meeting::Entity>("The meeting", db, s.meeting_id).await?;
    Ok((s, m))
}

/// Edits a sak's saksfremlegg or minutes text, with optimistic concurrency on `version`.
pub async fn update_sak(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    sak_id: i32,
    version: i32,
    c: SakChanges,
) -> AppResult<sak::Model> {
    let (before, m) = load_with_meeting(db, sak_id).await?;
    ensure_editable(&m)?;
    let mut a: sak::ActiveModel = Default::default();
    if let Some(v) = c.title {
        a.title = Set(required_text("title", v, MAX_LINE)?);
    }
    if let Some(v) = c.types {
        a.types = Set(SakType::to_stored(&v));
    }
    let kind = c.standing_kind.unwrap_or(before.standing_kind);
    let approves = c
        .approves_minutes_of_meeting_id
        .unwrap_or(before.approves_minutes_of_meeting_id);
    if c.standing_kind.is_some() || c.approves_minutes_of_meeting_id.is_some() {
        check_approves(db, &m, kind, approves).await?;
        a.standing_kind = Set(kind);
        a.approves_minutes_of_meeting_id = Set(approves);
    }
    if let Some(v) = c.time_start {
        a.time_start = Set(v);
    }
    if let Some(v) = c.time_end {
        a.time_end = Set(v);
    }
    if let Some(v) = c.from_person_id {
        a.from_person_id = Set(v);
    }
    macro_rules! text {
        ($field:ident, $name:literal, $max:expr) => {
            if let Some(v) = c.$field {
                a.$field = Set(clean_text($name, v, $max)?);
            }
        };
    }
    text!(to_text, "toText", MAX_LINE);
    text!(from_text, "fromText", MAX_LINE);
    text!(background, "background", MAX_TEXT);
    text!(reason, "reason", MAX_TEXT);
    text!(key_points, "keyPoints", MAX_TEXT);
    text!(proposed_vedtak, "proposedVedtak", MAX_TEXT);
    text!(discussion, "discussion", MAX_TEXT);
    text!(vedtak, "vedtak", MAX_TEXT);
    if let Some(v) = c.status {
        a.status = Set(v);
    }
    if let Some(v) = c.added_under_eventuelt {
        a.added_under_eventuelt = Set(v);
    }
    let after = super::update_versioned::<sak::Entity, _>(
        db,
        proof.actor(),
        "The sak",
        (before.id, version),
        a,
        AppError::from,
    )
    .await
    .map_err(|e| match e {
        AppError::Validation { field, .. } if field == "id" => {
            AppError::validation("fromPersonId", "No such person")
        }
        other => other,
    })?;
    sync_text_references(db, proof, &after).await?;
    Ok(after)
}

/// Moves a sak to another meeting (at `position`, or where new items go). Within a year it
/// keeps its number N (its code's M changes); into another year it gets that year's next
/// number.
pub async fn move_sak<C>(
    db: &C,
    proof: &SecretariatWrite,
    sak_id: i32,
    version: i32,
    to_meeting_id: i32,
    position: Option<i32>,
) -> AppResult<sak::Model>
where
    C: ConnectionTrait + TransactionTrait,
{
    let (before, from) = load_with_meeting(db, sak_id).await?;
    ensure_editable(&from)?;
    if before.version != version {
        return Err(AppError::stale("The sak"));
    }
    if before.standing_kind.is_some() {
        return Err(AppError::validation(
            "meetingId",
            "A standing agenda item stays with its meeting",
        ));
    }
    // Both agendas change: lock them in id order, so two moves cannot deadlock.
    let (first, second) = if from.id < to_meeting_id {
        (from.id, to_meeting_id)
    } else {
        (to_meeting_id, from.id)
    };
    lock_meeting(db, first).await?;
    lock_meeting(db, second).await?;
    // Read again under the locks: the agenda may have moved while we waited.
    let before = load::<sak::Entity>("The sak", db, sak_id).await?;
    let to = meeting::Entity::find_by_id(to_meeting_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::validation("meetingId", "No such meeting"))?;
    if to.id == from.id {
        return Err(AppError::validation(
            "meetingId",
            "The sak is already on this meeting's agenda",
        ));
    }
    ensure_editable(&to)?;
    close_gap(db, from.id, before.position).await?;
    let target = agenda(db, to.id).await?;
    let pos = match position {
        Some(p) if p < 1 => return Err(AppError::validation("position", "Positions start at 1")),
        Some(p) => Ord::min(p, target.len() as i32 + 1),
        None => default_position(&target, before.added_under_eventuelt),
    };
    open_gap(db, to.id, pos).await?;
    let mut number = before.number;
    for _ in 0..NUMBER_RETRIES {
        if to.year != from.year {
            number = next_sak_number(db, to.year).await?;
        }
        let a = sak::ActiveModel {
            meeting_id: Set(to.id),
            year: Set(to.year),
            number: Set(number),
            position: Set(pos),
            ..Default::default()
        };
        let savepoint = db.begin().await?;
        match super::update_versioned::<sak::Entity, _>(
            &savepoint,
            proof.actor(),
            "The sak",
            (before.id, version),
            a,
            AppError::from,
        )
        .await
        {
            Ok(s) => {
                savepoint.commit().await?;
                return Ok(s);
            }
            Err(AppError::Conflict(_)) if to.year != from.year => savepoint.rollback().await?,
            Err(e) => {
                savepoint.rollback().await?;
                return Err(e);
            }
        }
    }
    Err(AppError::Conflict(
        "Could not allocate a sak number; try again".into(),
    ))
}

/// Corrects a sak's number by hand; the year's numbers stay unique.
pub async fn renumber_sak(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    sak_id: i32,
    version: i32,
    number: i32,
) -> AppResult<sak::Model> {
    check_number("number", number)?;
    let (before, m) = load_with_meeting(db, sak_id).await?;
    ensure_editable(&m)?;
    let a = sak::ActiveModel {
        number: Set(number),
        ..Default::default()
    };
    match super::update_versioned::<sak::Entity, _>(
        db,
        proof.actor(),
        "The sak",
        (before.id, version),
        a,
        AppError::from,
    )
    .await
    {
        Err(AppError::Conflict(msg)) if msg.starts_with("A record") => {
            Err(taken(number, before.year))
        }
        other => other,
    }
}

/// Numbers the meeting's saker in agenda order from `start` (default: the lowest number
/// they have now): "numbers are assigned when the agenda is set".
pub async fn renumber_agenda(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    meeting_id: i32,
    start: Option<i32>,
) -> AppResult<Vec<sak::Model>> {
    let m = lock_meeting(db, meeting_id)
        .await?
        .ok_or(AppError::NotFound("The meeting"))?;
    ensure_editable(&m)?;
    let saker = agenda(db, meeting_id).await?;
    let Some(lowest) = saker.iter().map(|s| s.number).min() else {
        return Ok(saker);
    };
    let start = start.unwrap_or(lowest);
    check_number("start", start)?;
    check_number("start", start + saker.len() as i32 - 1)?;
    // Out of the way first, so that swapping numbers within the meeting cannot collide.
    const PARK: i32 = 1_000_000;
    sak::Entity::update_many()
        .col_expr(
            sak::Column::Number,
            Expr::col(sak::Column::Number).add(PARK),
        )
        .filter(sak::Column::MeetingId.eq(meeting_id))
        .exec(db)
        .await?;
    let mut out = Vec::with_capacity(saker.len());
    for (i, before) in saker.into_iter().enumerate() {
        let number = start + i as i32;
        let res = sak::Entity::update_many()
            .col_expr(sak::Column::Number, Expr::value(number))
            .col_expr(sak::Column::Version, Expr::col(sak::Column::Version).add(1))
            .col_expr(sak::Column::UpdatedAt, Expr::value(now()))
            .filter(sak::Column::Id.eq(before.id))
            .exec(db)
            .await;
        if let Err(e) = res {
            return Err(match unique_violation(&e) {
                Some(_) => AppError::validation(
                    "start",
                    format!(
                        "Sak number {number} is already used in {} by another meeting",
                        m.year
                    ),
                ),
                None => e.into(),
            });
        }
        let after = load::<sak::Entity>("The sak", db, before.id).await?;
        audit::record::<sak::Entity, _>(db, proof.actor(), after.id, Some(&before), Some(&after))
            .await?;
        out.push(after);
    }
    Ok(out)
}

/// Sets the agenda order: `sak_ids` must be exactly the meeting's saker.
pub async fn reorder_saker(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    meeting_id: i32,
    sak_ids: &[i32],
) -> AppResult<Vec<sak::Model>> {
    let m = lock_meeting(db, meeting_id)
        .await?
        .ok_or(AppError::NotFound("The meeting"))?;
    ensure_editable(&m)?;
    let saker = agenda(db, meeting_id).await?;
    let given: HashSet<i32> = sak_ids.iter().copied().collect();
    let have: HashSet<i32> = saker.iter().map(|s| s.id).collect();
    if given.len() != sak_ids.len() || given != have {
        return Err(AppError::validation(
            "sakIds",
            "Give every sak of the meeting exactly once",
        ));
    }
    let mut out = Vec::with_capacity(saker.len());
    for (i, id) in sak_ids.iter().enumerate() {
        let Some(before) = saker.iter().find(|s| s.id == *id) else {
            continue;
        };
        let position = i as i32 + 1;
        if before.position == position {
            out.push(before.clone());
            continue;
        }
        sak::Entity::update_many()
            .col_expr(sak::Column::Position, Expr::value(position))
            .col_expr(sak::Column::UpdatedAt, Expr::value(now()))
            .filter(sak::Column::Id.eq(*id))
            .exec(db)
            .await?;
        let after = sak::Model {
            position,
            ..before.clone()
        };
        audit::record::<sak::Entity, _>(db, proof.actor(), *id, Some(before), Some(&after)).await?;
        out.push(after);
    }
    Ok(out)
}

/// Replaces the saksbehandlere, in the order given.
pub async fn set_case_officers(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    sak_id: i32,
    person_ids: &[i32],
) -> AppResult<Vec<sak_case_officer::Model>> {
    let (_, m) = load_with_meeting(db, sak_id).await?;
    ensure_editable(&m)?;
    if person_ids.len() > 20 {
        return Err(AppError::validation(
            "personIds",
            "At most 20 case officers",
        ));
    }
    let distinct: HashSet<i32> = person_ids.iter().copied().collect();
    if distinct.len() != person_ids.len() {
        return Err(AppError::validation(
            "personIds",
            "A person is listed twice",
        ));
    }
    let old = sak_case_officer::Entity::find()
        .filter(sak_case_officer::Column::SakId.eq(sak_id))
        .all(db)
        .await?;
    sak_case_officer::Entity::delete_many()
        .filter(sak_case_officer::Column::SakId.eq(sak_id))
        .exec(db)
        .await?;
    for o in &old {
        audit::record::<sak_case_officer::Entity, _>(db, proof.actor(), sak_id, Some(o), None)
            .await?;
    }
    let mut out = Vec::with_capacity(person_ids.len());
    for (i, person_id) in person_ids.iter().enumerate() {
        let row = sak_case_officer::ActiveModel {
            sak_id: Set(sak_id),
            person_id: Set(*person_id),
            position: Set(i as i32 + 1),
        }
        .insert(db)
        .await
        .map_err(|e| match AppError::from(e) {
            AppError::Validation { .. } => AppError::validation("personIds", "No such person"),
            other => other,
        })?;
        audit::record::<sak_case_officer::Entity, _>(db, proof.actor(), sak_id, None, Some(&row))
            .await?;
        out.push(row);
    }
    Ok(out)
}

/// A vedlegg of a sak, or a presentation attached to a meeting's minutes: a link, a file, or
/// only its title.
#[derive(Clone, Debug, Default)]
pub struct NewAttachment {
    /// Exactly one of `sak_id` and `meeting_id`.
    pub sak_id: Option<i32>,
    pub meeting_id: Option<i32>,
    /// The number the papers give it; `None`: the next.
    pub number: Option<i32>,
    pub title: String,
    /// At most one of `url` and `stored_file_id`; with neither, the attachment is a title
    /// only, as the papers list vedlegg sent separately ("Vedlegg 1: Oversikt …").
    pub url: Option<String>,
    pub stored_file_id: Option<i32>,
}

pub(crate) fn check_url(field: &str, url: Option<String>) -> AppResult<Option<String>> {
    let Some(u) = clean_text(field, url, MAX_URL)? else {
        return Ok(None);
    };
    let lower = u.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://"))
        || u.chars().any(char::is_whitespace)
    {
        return Err(AppError::validation(
            field,
            "A link must be an http(s) address",
        ));
    }
    Ok(Some(u))
}

/// The meeting an attachment belongs to (directly, or through its sak).
pub(crate) async fn attachment_meeting(
    db: &impl ConnectionTrait,
    sak_id: Option<i32>,
    meeting_id: Option<i32>,
) -> AppResult<meeting::Model> {
    match (sak_id, meeting_id) {
        (Some(s), None) => Ok(load_with_meeting(db, s).await?.1),
        (None, Some(m)) => load::<meeting::Entity>("The meeting", db, m).await,
        _ => Err(AppError::validation(
            "sakId",
            "Give either a sak or a meeting",
        )),
    }
}

/// The meeting whose papers or minutes hold the attachment.
pub async fn attachment_owner(
    db: &impl ConnectionTrait,
    a: &attachment::Model,
) -> AppResult<meeting::Model> {
    match a.sak_id {
        Some(s) => Ok(load_with_meeting(db, s).await?.1),
        None => attachment_meeting(db, None, a.meeting_id).await,
    }
}

pub async fn add_attachment(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    new: NewAttachment,
) -> AppResult<attachment::Model> {
    let title = required_text("title", new.title, MAX_LINE)?;
    let url = check_url("url", new.url)?;
    if url.is_some() && new.stored_file_id.is_some() {
        return Err(AppError::validation(
            "url",
            "An attachment is either a link or a file, not both",
        ));
    }
    if let Some(n) = new.number {
        check_number("number", n)?;
    }
    let m = attachment_meeting(db, new.sak_id, new.meeting_id).await?;
    ensure_editable(&m)?;
    let number = match new.number {
        Some(n) => n,
        None => {
            let mut q = attachment::Entity::find()
                .select_only()
                .column_as(attachment::Column::Number.max(), "max");
            q = match new.sak_id {
                Some(s) => q.filter(attachment::Column::SakId.eq(s)),
                None => q
                    .filter(attachment::Column::MeetingId.eq(m.id))
                    .filter(attachment::Column::SakId.is_null()),
            };
            let max: Option<Option<i32>> = q.into_tuple().one(db).await?;
            max.flatten().unwrap_or(0) + 1
        }
    };
    let stamp = now();
    let row = attachment::ActiveModel {
        sak_id: Set(new.sak_id),
        meeting_id: Set(new.sak_id.is_none().then_some(m.id)),
        number: Set(number),
        title: Set(title),
        url: Set(url),
        stored_file_id: Set(new.stored_file_id),
        version: Set(1),
        created_at: Set(stamp),
        updated_at: Set(stamp),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| match AppError::from(e) {
        AppError::Validation { .. } => AppError::validation("storedFileId", "No such file"),
        other => other,
    })?;
    audit::record::<attachment::Entity, _>(db, proof.actor(), row.id, None, Some(&row)).await?;
    Ok(row)
}

/// Changes to an attachment's number, title or link.
#[derive(Clone, Debug, Default)]
pub struct AttachmentChanges {
    pub number: Option<i32>,
    pub title: Option<String>,
    pub url: Option<String>,
}

pub async fn update_attachment(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
    c: AttachmentChanges,
) -> AppResult<attachment::Model> {
    let before = load::<attachment::Entity>("The attachment", db, id).await?;
    let m = attachment_owner(db, &before).await?;
    ensure_editable(&m)?;
    let mut a: attachment::ActiveModel = Default::default();
    if let Some(n) = c.number {
        check_number("number", n)?;
        a.number = Set(n);
    }
    if let Some(t) = c.title {
        a.title = Set(required_text("title", t, MAX_LINE)?);
    }
    if c.url.is_some() {
        if before.stored_file_id.is_some() {
            return Err(AppError::validation("url", "This attachment is a file"));
        }
        a.url = Set(check_url("url", c.url)?);
    }
    super::update_versioned::<attachment::Entity, _>(
        db,
        proof.actor(),
        "The attachment",
        (before.id, version),
        a,
        AppError::from,
    )
    .await
}

/// Removes an attachment from the papers. When no other attachment refers to its uploaded
/// file, the file's row goes too (audited) and is returned: the caller deletes its bytes once
/// the transaction has committed, so a rollback never leaves a row without bytes. (Every
/// upload has its own storage key, so another row with the same checksum has its own bytes.)
pub async fn remove_attachment(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
) -> AppResult<Option<stored_file::Model>> {
    let before = load::<attachment::Entity>("The attachment", db, id).await?;
    let m = attachment_owner(db, &before).await?;
    ensure_editable(&m)?;
    let res = attachment::Entity::delete_many()
        .filter(attachment::Column::Id.eq(id))
        .filter(attachment::Column::Version.eq(version))
        .exec(db)
        .await?;
    if res.rows_affected == 0 {
        return Err(AppError::stale("The attachment"));
    }
    audit::record::<attachment::Entity, _>(db, proof.actor(), id, Some(&before), None).await?;
    let Some(file_id) = before.stored_file_id else {
        return Ok(None);
    };
    let still_used = attachment::Entity::find()
        .filter(attachment::Column::StoredFileId.eq(file_id))
        .count(db)
        .await?
        > 0;
    if still_used {
        return Ok(None);
    }
    let Some(file) = stored_file::Entity::find_by_id(file_id).one(db).await? else {
        return Ok(None);
    };
    stored_file::Entity::delete_by_id(file_id).exec(db).await?;
    audit::record::<stored_file::Entity, _>(db, proof.actor(), file_id, Some(&file), None).await?;
    Ok(Some(file))
}

/// Resolves a written sak number ("sak 25/2/2025", "Sak 16/2/25") to the sak, if it exists.
/// The running number and year identify a sak; the meeting number may have changed since.
pub(crate) async fn resolve_code(
    db: &impl ConnectionTrait,
    code: SakCode,
) -> AppResult<Option<sak::Model>> {
    Ok(sak::Entity::find()
        .filter(sak::Column::Year.eq(code.year))
        .filter(sak::Column::Number.eq(code.number))
        .one(db)
        .await?)
}

/// Records a reference to another sak as written, linked when that sak exists.
pub async fn add_reference(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    sak_id: i32,
    as_written: String,
    kind: ReferenceKind,
) -> AppResult<sak_reference::Model> {
    let as_written = required_text("asWritten", as_written, MAX_LINE)?;
    let code = SakCode::parse(&as_written).map_err(|_| {
        AppError::validation(
            "asWritten",
            format!("{as_written:?} is not a sak number such as 25/2/2025"),
        )
    })?;
    let (s, m) = load_with_meeting(db, sak_id).await?;
    ensure_editable(&m)?;
    let target = resolve_code(db, code).await?.filter(|t| t.id != s.id);
    let row = sak_reference::ActiveModel {
        sak_id: Set(sak_id),
        referenced_sak_id: Set(target.map(|t| t.id)),
        as_written: Set(as_written),
        kind: Set(kind),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| match unique_violation(&e) {
        Some(_) => AppError::validation("asWritten", "This reference is already recorded"),
        None => e.into(),
    })?;
    audit::record::<sak_reference::Entity, _>(db, proof.actor(), row.id, None, Some(&row)).await?;
    Ok(row)
}

pub async fn remove_reference(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
) -> AppResult<()> {
    let before = sak_reference::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("The reference"))?;
    let (_, m) = load_with_meeting(db, before.sak_id).await?;
    ensure_editable(&m)?;
    sak_reference::Entity::delete_by_id(id).exec(db).await?;
    audit::record::<sak_reference::Entity, _>(db, proof.actor(), id, Some(&before), None).await
}

/// The sak numbers written in a text, as written: "Sak 25/2/2025", "sak 16/2/25", "sak 12/2//23".
pub fn written_references(text: &str) -> Vec<(String, SakCode)> {
    static RE: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\bsak(?:ene)?\s+(?:nr\.?\s*)?\d{1,4}\s*/\s*\d{1,2}\s*//?\s*(?:\d{4}|\d{2})\b",
        )
        .ok()
    });
    let Some(re) = RE.as_ref() else {
        return Vec::new();
    };
    re.find_iter(text)
        .filter_map(|m| {
            let written = m.as_str().to_owned();
            SakCode::parse(&written).ok().map(|c| (written, c))
        })
        .collect()
}

/// Links the sak numbers written in a sak's texts ("Saken er en oppfølging av Sak 25/2/2025")
/// as references, once per sak referred to.
async fn sync_text_references(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    s: &sak::Model,
) -> AppResult<()> {
    let texts = [
        &s.background,
        &s.reason,
        &s.key_points,
        &s.proposed_vedtak,
        &s.discussion,
        &s.vedtak,
    ];
    let mut found: Vec<(String, SakCode, ReferenceKind)> = Vec::new();
    for text in texts.into_iter().flatten() {
        for (written, code) in written_references(text) {
            if (code.year, code.number) == (s.year, s.number)
                || found
                    .iter()
                    .any(|(_, c, _)| (c.year, c.number) == (code.year, code.number))
            {
                continue;
            }
            let lower = text.to_lowercase();
            let follow_up = lower
                .find(&written.to_lowercase())
                .is_some_and(|at| lower[..at].trim_end().ends_with("oppfølging av"));
            let kind = if follow_up {
                ReferenceKind::FollowUpOf
            } else {
                ReferenceKind::SeeAlso
            };
            found.push((written, code, kind));
        }
    }
    if found.is_empty() {
        return Ok(());
    }
    let existing = sak_reference::Entity::find()
        .filter(sak_reference::Column::SakId.eq(s.id))
        .all(db)
        .await?;
    let known: HashSet<(i32, i32)> = existing
        .iter()
        .filter_map(|r| SakCode::parse(&r.as_written).ok())
        .map(|c| (c.year, c.number))
        .collect();
    for (written, code, kind) in found {
        if known.contains(&(code.year, code.number)) {
            continue;
        }
        let target = resolve_code(db, code).await?;
        let res = sak_reference::Entity::insert(sak_reference::ActiveModel {
            sak_id: Set(s.id),
            referenced_sak_id: Set(target.map(|t| t.id)),
            as_written: Set(written),
            kind: Set(kind),
            ..Default::default()
        })
        .on_conflict(
            OnConflict::columns([
                sak_reference::Column::SakId,
                sak_reference::Column::AsWritten,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_with_returning(db)
        .await;
        match res {
            Ok(row) => {
                audit::record::<sak_reference::Entity, _>(
                    db,
                    proof.actor(),
                    row.id,
                    None,
                    Some(&row),
                )
                .await?;
            }
            Err(sea_orm::DbErr::RecordNotInserted) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// Someone who presents a sak: a registered person or a name as written.
#[derive(Clone, Debug, Default)]
pub struct NewPresenter {
    pub person_id: Option<i32>,
    pub name_text: Option<String>,
    pub note: Option<String>,
}

pub async fn add_presenter(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    sak_id: i32,
    new: NewPresenter,
) -> AppResult<sak_presenter::Model> {
    let name_text = clean_text("nameText", new.name_text, MAX_LINE)?;
    let note = clean_text("note", new.note, MAX_LINE)?;
    if new.person_id.is_none() && name_text.is_none() {
        return Err(AppError::validation(
            "personId",
            "Give the person or their name",
        ));
    }
    let (_, m) = load_with_meeting(db, sak_id).await?;
    ensure_editable(&m)?;
    let row = sak_presenter::ActiveModel {
        sak_id: Set(sak_id),
        person_id: Set(new.person_id),
        name_text: Set(name_text),
        note: Set(note),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| match AppError::from(e) {
        AppError::Validation { .. } => AppError::validation("personId", "No such person"),
        other => other,
    })?;
    audit::record::<sak_presenter::Entity, _>(db, proof.actor(), row.id, None, Some(&row)).await?;
    Ok(row)
}

pub async fn remove_presenter(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
) -> AppResult<()> {
    let before = sak_presenter::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("The presenter"))?;
    let (_, m) = load_with_meeting(db, before.sak_id).await?;
    ensure_editable(&m)?;
    sak_presenter::Entity::delete_by_id(id).exec(db).await?;
    audit::record::<sak_presenter::Entity, _>(db, proof.actor(), id, Some(&before), None).await
}

/// Time-slot warnings for one sak: reversed, outside the meeting's hours, or overlapping
/// another item's slot.
pub async fn time_slot_warnings(
    db: &impl ConnectionTrait,
    s: &sak::Model,
) -> AppResult<Vec<Warning>> {
    let (Some(start), Some(end)) = (s.time_start, s.time_end) else {
        return Ok(Vec::new());
    };
    let m = load::<meeting::Entity>("The meeting", db, s.meeting_id).await?;
    let mut out = Vec::new();
    if end <= start {
        out.push(Warning {
            code: WarningCode::TimeSlotOutsideMeeting,
            message: format!(
                "The time slot ends ({}) before it starts ({})",
                end.format("%H:%M"),
                start.format("%H:%M")
            ),
        });
        return Ok(out);
    }
    if m.starts_at.is_some_and(|ms| start < ms) || m.ends_at.is_some_and(|me| end > me) {
        out.push(Warning {
            code: WarningCode::TimeSlotOutsideMeeting,
            message: format!(
                "The time slot {}–{} is outside the meeting's hours",
                start.format("%H:%M"),
                end.format("%H:%M")
            ),
        });
    }
    for other in agenda(db, m.id).await? {
        if other.id == s.id {
            continue;
        }
        if let (Some(os), Some(oe)) = (other.time_start, other.time_end)
            && os < oe
            && start < oe
            && os < end
        {
            out.push(Warning {
                code: WarningCode::TimeSlotOverlap,
                message: format!(
                    "The time slot overlaps sak {}/{}/{} ({}–{})",
                    other.number,
                    m.number,
                    other.year,
                    os.format("%H:%M"),
                    oe.format("%H:%M")
                ),
            });
        }
    }
    Ok(out)
}

/// "N/M/YYYY" for a sak on a meeting.
pub fn sak_code(s: &sak::Model, m: &meeting::Model) -> String {
    format!("{}/{}", s.number, meeting_code(m))
}
