//! Meetings: the meeting page (agenda, attendance, minutes), the meeting's own status
//! workflow (planned → notice published → held, or cancelled) and attendance.
//!
//! Errors: VALIDATION (with `field`) for bad input; NOT_FOUND for what the viewer may not
//! see; CONFLICT for a stale `version` ("… was changed by someone else") and for an illegal
//! transition (message starting "Illegal transition:"). Warnings come back as data.
use std::collections::HashMap;

use async_graphql::{
    ComplexObject, Context, ID, InputObject, MaybeUndefined, Object, SimpleObject,
    connection::Connection,
};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use entity::{attendance, meeting, person, sak};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};

pub use super::saker::{Attachment, Sak};
use super::{
    ContextExt, TotalCount, load_err,
    minutes::MinutesComment,
    opt_id, paginate, parse_id,
    people::Person,
    saker::{FollowUp, FollowUpStatus, StandingKind},
    to_id,
};
use crate::{
    api_enum,
    auth::policy,
    codes::{MeetingCode, SakCode},
    error::{AppError, AppResult},
    loaders::{
        ById, HasMany,
        relations::{
            AttachmentsOfMeeting, AttendanceOfMeeting, CommentsOfMeeting, HabilitetOfSak,
            SakerApprovingMinutesOf, SakerOfMeeting,
        },
    },
    service::{
        self,
        attendance::AttendanceEntry,
        meetings::{MeetingChanges, NewMeeting},
    },
};

api_enum!(
    /// Where the meeting takes place.
    MeetingFormat = "entity::enums::MeetingFormat" {
        /// In a meeting room.
        Physical,
        /// In a room, with some taking part digitally.
        Hybrid,
        /// Digital only.
        Digital,
    }
);

api_enum!(
    /// The meeting's own life cycle.
    MeetingStatus = "entity::enums::MeetingStatus" {
        /// Being prepared; only the secretariat sees it.
        Planned,
        /// Innkalling og saksliste sent: members and the public can read the papers.
        NoticePublished,
        /// The meeting has taken place.
        Held,
        /// Cancelled; kept with its history.
        Cancelled,
    }
);

api_enum!(
    /// The minutes' life cycle.
    MinutesStatus = "entity::enums::MinutesStatus" {
        /// No minutes yet.
        None,
        /// Being written by the secretariat.
        Draft,
        /// Sent to the members with a merknadsfrist.
        SentForComments,
        /// Approved in a later meeting.
        Approved,
        /// Published: the public can read them.
        Published,
    }
);

api_enum!(
    /// In which list of the minutes a person is recorded.
    AttendanceCategory = "entity::enums::AttendanceCategory" {
        /// Rådsmedlem.
        Member,
        /// Møtende vara.
        Substitute,
        /// Observatør.
        Observer,
        /// Til stede fra sekretariatet.
        Secretariat,
        /// Guest or presenter.
        Guest,
    }
);

api_enum!(
    /// Whether and how a person attended.
    AttendanceStatus = "entity::enums::AttendanceStatus" {
        /// In the room.
        Present,
        /// Digitally.
        Digital,
        /// Forfall (sent apologies).
        Absent,
    }
);

/// A rådsmøte.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Meeting {
    /// The meeting's id.
    pub id: ID,
    /// "2/2025": the meeting's number in its year.
    pub code: String,
    /// The year.
    pub year: i32,
    /// The number within the year.
    pub number: i32,
    /// The day of the meeting.
    pub date: NaiveDate,
    /// Start time.
    pub starts_at: Option<NaiveTime>,
    /// End time.
    pub ends_at: Option<NaiveTime>,
    /// Place, e.g. "Forskningsrådets lokaler, Drammensveien 288".
    pub location: Option<String>,
    /// Room, e.g. "møterom Hassel 2".
    pub room: Option<String>,
    /// Physical, hybrid or digital.
    pub format: MeetingFormat,
    /// Planned, notice published, held or cancelled.
    pub status: MeetingStatus,
    /// When innkalling og saksliste was published.
    pub notice_published_at: Option<DateTime<Utc>>,
    /// Where the minutes stand.
    pub minutes_status: MinutesStatus,
    /// When the draft minutes were sent to the members.
    pub minutes_sent_on: Option<NaiveDate>,
    /// Merknadsfrist: the last day for comments on the draft minutes.
    pub comment_deadline: Option<NaiveDate>,
    /// When the minutes were approved.
    pub minutes_approved_at: Option<DateTime<Utc>>,
    /// When the minutes were published.
    pub minutes_published_at: Option<DateTime<Utc>>,
    /// Free note.
    pub note: Option<String>,
    /// The version to send back when editing.
    pub version: i32,
    #[graphql(skip)]
    pub raw: meeting::Model,
}

impl From<meeting::Model> for Meeting {
    fn from(m: meeting::Model) -> Self {
        Self {
            id: to_id(m.id),
            code: format!("{}/{}", m.number, m.year),
            year: m.year,
            number: m.number,
            date: m.date,
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            location: m.location.clone(),
            room: m.room.clone(),
            format: m.format.into(),
            status: m.status.into(),
            notice_published_at: m.notice_published_at,
            minutes_status: m.minutes_status.into(),
            minutes_sent_on: m.minutes_sent_on,
            comment_deadline: m.comment_deadline,
            minutes_approved_at: m.minutes_approved_at,
            minutes_published_at: m.minutes_published_at,
            note: m.note.clone(),
            version: m.version,
            raw: m,
        }
    }
}

#[ComplexObject]
impl Meeting {
    /// The agenda: the meeting's saker in order.
    async fn saker(&self, ctx: &Context<'_>) -> AppResult<Vec<Sak>> {
        let rows = ctx
            .loader::<HasMany<SakerOfMeeting>>()
            .load_one(self.raw.id)
            .await
            .map_err(load_err)?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(|s| Sak::new(s, &self.raw, ctx.viewer()))
            .collect())
    }

    /// Who attended, in the minutes' order (visible with the minutes).
    async fn attendance(&self, ctx: &Context<'_>) -> AppResult<Vec<Attendance>> {
        if !policy::can_read_minutes(ctx.viewer(), &self.raw) {
            return Ok(Vec::new());
        }
        let rows = ctx
            .loader::<HasMany<AttendanceOfMeeting>>()
            .load_one(self.raw.id)
            .await
            .map_err(load_err)?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(Attendance::from)
            .collect())
    }

    /// Presentations and other files attached to the minutes (visible with the minutes).
    async fn attachments(&self, ctx: &Context<'_>) -> AppResult<Vec<Attachment>> {
        if !policy::can_read_minutes(ctx.viewer(), &self.raw) {
            return Ok(Vec::new());
        }
        let rows = ctx
            .loader::<HasMany<AttachmentsOfMeeting>>()
            .load_one(self.raw.id)
            .await
            .map_err(load_err)?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .filter(|a| a.sak_id.is_none())
            .map(Attachment::from)
            .collect())
    }

    /// What the minutes say about habilitet: one line per member found inhabil (or with an
    /// interest that does not disqualify), or "Det er ikke knyttet inhabilitet til noen av
    /// sakene på rådsmøtet." (empty without the minutes).
    async fn habilitet_statement(&self, ctx: &Context<'_>) -> AppResult<Vec<String>> {
        if !policy::can_read_minutes(ctx.viewer(), &self.raw) {
            return Ok(Vec::new());
        }
        let saker = ctx
            .loader::<HasMany<SakerOfMeeting>>()
            .load_one(self.raw.id)
            .await
            .map_err(load_err)?
            .unwrap_or_default();
        let records = ctx
            .loader::<HasMany<HabilitetOfSak>>()
            .load_many(saker.iter().map(|s| s.id))
            .await
            .map_err(load_err)?;
        let people = ctx
            .loader::<ById<person::Entity>>()
            .load_many(records.values().flatten().map(|r| r.person_id))
            .await
            .map_err(load_err)?;
        let lines: Vec<String> = saker
            .iter()
            .flat_map(|s| {
                records.get(&s.id).into_iter().flatten().filter_map(|r| {
                    let name = people.get(&r.person_id).map(|p| p.name.as_str())?;
                    let code = service::saker::sak_code(s, &self.raw);
                    service::habilitet::minutes_line(name, &code, r.outcome, r.left_room)
                })
            })
            .collect();
        if lines.is_empty() {
            return Ok(vec![service::habilitet::NONE_RECORDED.to_owned()]);
        }
        Ok(lines)
    }

    /// Comments on the draft minutes (the secretariat, and members once the draft is out).
    async fn comments(&self, ctx: &Context<'_>) -> AppResult<Vec<MinutesComment>> {
        if !policy::can_read_minutes_comments(ctx.viewer(), &self.raw) {
            return Ok(Vec::new());
        }
        let rows = ctx
            .loader::<HasMany<CommentsOfMeeting>>()
            .load_one(self.raw.id)
            .await
            .map_err(load_err)?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(MinutesComment::from)
            .collect())
    }

    /// The meeting whose "Godkjenning av referat" sak approved these minutes.
    async fn minutes_approved_in(&self, ctx: &Context<'_>) -> AppResult<Option<Meeting>> {
        let Some(id) = self.raw.minutes_approved_in_meeting_id else {
            return Ok(None);
        };
        let m = ctx
            .loader::<ById<meeting::Entity>>()
            .load_one(id)
            .await
            .map_err(load_err)?;
        Ok(m.filter(|m| policy::can_read_meeting(ctx.viewer(), m))
            .map(Meeting::from))
    }

    /// The "Godkjenning av referat" sak of a later meeting that approves (or is to approve)
    /// these minutes, when the viewer may read that meeting.
    async fn approval_sak(&self, ctx: &Context<'_>) -> AppResult<Option<Sak>> {
        let Some(s) = ctx
            .loader::<HasMany<SakerApprovingMinutesOf>>()
            .load_one(self.raw.id)
            .await
            .map_err(load_err)?
            .and_then(|saker| saker.into_iter().next())
        else {
            return Ok(None);
        };
        super::saker::if_readable(ctx, s).await
    }

    /// Whether approved minutes are locked against changes (until reopened).
    async fn minutes_locked(&self) -> bool {
        service::meetings::minutes_locked(&self.raw)
    }

    /// When approved minutes were reopened for a correction (secretariat only).
    async fn minutes_reopened_at(&self, ctx: &Context<'_>) -> Option<DateTime<Utc>> {
        self.raw
            .minutes_reopened_at
            .filter(|_| policy::is_secretariat(ctx.viewer()))
    }

    /// Why they were reopened (secretariat only).
    async fn minutes_reopen_reason(&self, ctx: &Context<'_>) -> Option<String> {
        self.raw
            .minutes_reopen_reason
            .clone()
            .filter(|_| policy::is_secretariat(ctx.viewer()))
    }

    /// Open follow-up items from earlier meetings' vedtak, for "Utestående fra forrige
    /// referat": those whose minutes the viewer may read.
    async fn outstanding_follow_ups(&self, ctx: &Context<'_>) -> AppResult<Vec<FollowUp>> {
        if !policy::can_read_meeting(ctx.viewer(), &self.raw) {
            return Ok(Vec::new());
        }
        let items = service::follow_ups::outstanding_before(&ctx.db().read, &self.raw).await?;
        let saker = ctx
            .loader::<ById<sak::Entity>>()
            .load_many(items.iter().map(|f| f.sak_id))
            .await
            .map_err(load_err)?;
        let meetings = ctx
            .loader::<ById<meeting::Entity>>()
            .load_many(saker.values().map(|s| s.meeting_id))
            .await
            .map_err(load_err)?;
        let viewer = ctx.viewer();
        let readable: HashMap<i32, bool> = meetings
            .iter()
            .map(|(id, m)| (*id, policy::can_read_minutes(viewer, m)))
            .collect();
        Ok(items
            .into_iter()
            .filter(|f| {
                saker
                    .get(&f.sak_id)
                    .and_then(|s| readable.get(&s.meeting_id))
                    .copied()
                    .unwrap_or(false)
            })
            .map(FollowUp::from)
            .collect())
    }
}

/// One person's attendance at a meeting.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Attendance {
    /// The row's id.
    pub id: ID,
    /// The name, for a guest who is not registered as a person.
    pub name_text: Option<String>,
    /// The organisation as the minutes write it.
    pub organisation_text: Option<String>,
    /// Which list of the minutes.
    pub category: AttendanceCategory,
    /// Present, digital or forfall.
    pub status: AttendanceStatus,
    /// "deler av møtet" and the like.
    pub partial_note: Option<String>,
    /// Free note.
    pub note: Option<String>,
    /// The version to send back when editing.
    pub version: i32,
    #[graphql(skip)]
    pub person_id: Option<i32>,
    #[graphql(skip)]
    pub from_sak_id: Option<i32>,
    #[graphql(skip)]
    pub to_sak_id: Option<i32>,
    #[graphql(skip)]
    pub only_sak_id: Option<i32>,
}

impl From<attendance::Model> for Attendance {
    fn from(m: attendance::Model) -> Self {
        Self {
            id: to_id(m.id),
            name_text: m.name_text,
            organisation_text: m.organisation_text,
            category: m.category.into(),
            status: m.status.into(),
            partial_note: m.partial_note,
            note: m.note,
            version: m.version,
            person_id: m.person_id,
            from_sak_id: m.from_sak_id,
            to_sak_id: m.to_sak_id,
            only_sak_id: m.only_sak_id,
        }
    }
}

#[ComplexObject]
impl Attendance {
    /// The person, if registered.
    async fn person(&self, ctx: &Context<'_>) -> AppResult<Option<Person>> {
        let Some(id) = self.person_id else {
            return Ok(None);
        };
        let p = ctx
            .loader::<ById<person::Entity>>()
            .load_one(id)
            .await
            .map_err(load_err)?;
        Ok(p.map(|p| Person::new(p, ctx)))
    }
    /// Present from this sak ("fra sak 7/1/2025").
    async fn from_sak_id(&self) -> Option<ID> {
        self.from_sak_id.map(to_id)
    }
    /// Present up to and including this sak ("t.o. sak 9/1/2026").
    async fn to_sak_id(&self) -> Option<ID> {
        self.to_sak_id.map(to_id)
    }
    /// Present for this sak only (a guest).
    async fn only_sak_id(&self) -> Option<ID> {
        self.only_sak_id.map(to_id)
    }
}

#[derive(Default)]
pub struct MeetingsQuery;

#[Object]
impl MeetingsQuery {
    /// Meetings, newest first; filter by year, status and where the minutes stand. The
    /// public and members see only meetings whose notice is published.
    #[graphql(complexity = "crate::graphql::list_complexity(first, child_complexity)")]
    async fn meetings(
        &self,
        ctx: &Context<'_>,
        year: Option<i32>,
        status: Option<MeetingStatus>,
        minutes_status: Option<MinutesStatus>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Meeting, TotalCount>> {
        let mut q = meeting::Entity::find()
            .order_by_desc(meeting::Column::Date)
            .order_by_desc(meeting::Column::Id);
        if let Some(y) = year {
            q = q.filter(meeting::Column::Year.eq(y));
        }
        if let Some(s) = status {
            q = q.filter(meeting::Column::Status.eq(entity::enums::MeetingStatus::from(s)));
        }
        if let Some(s) = minutes_status {
            q = q.filter(meeting::Column::MinutesStatus.eq(entity::enums::MinutesStatus::from(s)));
        }
        if !policy::is_secretariat(ctx.viewer()) {
            q = q
                .filter(meeting::Column::NoticePublishedAt.is_not_null())
                .filter(meeting::Column::Status.ne(entity::enums::MeetingStatus::Planned));
        }
        paginate(ctx.db(), q, first, after, Meeting::from).await
    }

    /// Follow-up items from vedtak, in meeting and sak order; filter by status (OPEN for
    /// what is outstanding). The secretariat's list: others are FORBIDDEN.
    #[graphql(complexity = "crate::graphql::list_complexity(first, child_complexity)")]
    async fn follow_ups(
        &self,
        ctx: &Context<'_>,
        status: Option<FollowUpStatus>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, FollowUp, TotalCount>> {
        policy::require_secretariat_read(ctx.viewer())?;
        let q = service::follow_ups::in_meeting_order(status.map(Into::into));
        paginate(ctx.db(), q, first, after, FollowUp::from).await
    }

    /// One meeting, by id or by code ("2/2025").
    async fn meeting(
        &self,
        ctx: &Context<'_>,
        id: Option<ID>,
        code: Option<String>,
    ) -> AppResult<Option<Meeting>> {
        let q = match (id, code) {
            (Some(id), None) => meeting::Entity::find_by_id(parse_id(&id, "id")?),
            (None, Some(code)) => {
                let c = MeetingCode::parse(&code)?;
                meeting::Entity::find()
                    .filter(meeting::Column::Year.eq(c.year))
                    .filter(meeting::Column::Number.eq(c.number))
            }
            _ => return Err(AppError::validation("id", "Give either id or code")),
        };
        let m = q.one(&ctx.db().read).await?;
        Ok(m.filter(|m| policy::can_read_meeting(ctx.viewer(), m))
            .map(Meeting::from))
    }

    /// One sak, by id or by code ("19/2/2026"; the short forms "19/2/26" and "12/2//23" work too).
    async fn sak(
        &self,
        ctx: &Context<'_>,
        id: Option<ID>,
        code: Option<String>,
    ) -> AppResult<Option<Sak>> {
        let db = &ctx.db().read;
        let found = match (id, code) {
            (Some(id), None) => {
                sak::Entity::find_by_id(parse_id(&id, "id")?)
                    .one(db)
                    .await?
            }
            (None, Some(code)) => {
                let c = SakCode::parse(&code)?;
                sak::Entity::find()
                    .filter(sak::Column::Year.eq(c.year))
                    .filter(sak::Column::Number.eq(c.number))
                    .one(db)
                    .await?
            }
            _ => return Err(AppError::validation("id", "Give either id or code")),
        };
        let Some(s) = found else { return Ok(None) };
        super::saker::if_readable(ctx, s).await
    }
}

/// What a warning is about.
#[derive(async_graphql::Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "crate::service::meetings::WarningCode")]
pub enum WarningCode {
    /// The notice went out less than seven days before the meeting.
    ShortNotice,
    /// A time slot overlaps another item's.
    TimeSlotOverlap,
    /// A time slot falls outside the meeting's hours (or ends before it starts).
    TimeSlotOutsideMeeting,
}

/// Something the web app should point out; the change went through.
#[derive(SimpleObject)]
pub struct Warning {
    /// What it is about.
    pub code: WarningCode,
    /// A sentence to show.
    pub message: String,
}

impl From<service::meetings::Warning> for Warning {
    fn from(w: service::meetings::Warning) -> Self {
        Self {
            code: w.code.into(),
            message: w.message,
        }
    }
}

/// A meeting after a change, with warnings to show.
#[derive(SimpleObject)]
pub struct MeetingPayload {
    /// The meeting as saved.
    pub meeting: Meeting,
    /// Warnings, e.g. a notice published less than a week before the meeting.
    pub warnings: Vec<Warning>,
}

/// A new meeting.
#[derive(InputObject)]
pub struct CreateMeetingInput {
    /// The day; the meeting gets the next number of its year.
    pub date: NaiveDate,
    /// The number in the year, if it must be a particular one.
    pub number: Option<i32>,
    /// Start time ("10:00:00").
    pub starts_at: Option<NaiveTime>,
    /// End time.
    pub ends_at: Option<NaiveTime>,
    /// Place, e.g. "Forskningsrådets lokaler, Drammensveien 288".
    pub location: Option<String>,
    /// Room, e.g. "møterom Hassel 2".
    pub room: Option<String>,
    /// Physical, hybrid or digital.
    pub format: MeetingFormat,
    /// Free note.
    pub note: Option<String>,
    /// Start the agenda from the standing skeleton (default true).
    #[graphql(default = true)]
    pub skeleton: bool,
    /// Optional standing items to include: OUTSTANDING_ITEMS, ONGOING_STATUS, POLICY_OVERVIEW.
    #[graphql(default, validator(max_items = 3))]
    pub optional_items: Vec<StandingKind>,
    /// The skeleton's first sak number (default: after the year's highest).
    pub first_sak_number: Option<i32>,
}

/// Changes to a meeting's details: leave a field out to keep it, send null to clear it.
#[derive(InputObject)]
pub struct UpdateMeetingInput {
    /// The meeting.
    pub id: ID,
    /// The version you saw; a stale version is a CONFLICT and nothing changes.
    pub version: i32,
    /// The day (within the same year).
    pub date: Option<NaiveDate>,
    /// Start time.
    pub starts_at: MaybeUndefined<NaiveTime>,
    /// End time.
    pub ends_at: MaybeUndefined<NaiveTime>,
    /// Place.
    pub location: MaybeUndefined<String>,
    /// Room.
    pub room: MaybeUndefined<String>,
    /// Physical, hybrid or digital.
    pub format: Option<MeetingFormat>,
    /// Free note.
    pub note: MaybeUndefined<String>,
}

/// One line of the attendance lists.
#[derive(InputObject)]
pub struct AttendanceInput {
    /// A registered person (or give `nameText`).
    pub person_id: Option<ID>,
    /// The name as written, for a guest who is not registered.
    pub name_text: Option<String>,
    /// The organisation as the minutes write it.
    pub organisation_text: Option<String>,
    /// Member, substitute, observer, secretariat or guest.
    pub category: AttendanceCategory,
    /// Present, digital or forfall.
    pub status: AttendanceStatus,
    /// Present from this sak ("fra sak 7/1/2025").
    pub from_sak_id: Option<ID>,
    /// Present from this sak, as written: "fra sak 7/1/2025", "7/1/2025" (instead of
    /// `fromSakId`).
    pub from_sak: Option<String>,
    /// Present up to and including this sak ("t.o. sak 9/1/2026").
    pub to_sak_id: Option<ID>,
    /// Present up to and including this sak, as written: "t.o. sak 9/1/2026" (instead of
    /// `toSakId`).
    pub to_sak: Option<String>,
    /// "deler av møtet" and the like.
    pub partial_note: Option<String>,
    /// Present for this sak only (a guest, or a case officer: "sak 21/2/2025").
    pub only_sak_id: Option<ID>,
    /// Present for this sak only, as written: "sak 21/2/2025" (instead of `onlySakId`).
    pub only_sak: Option<String>,
    /// For a substitute: the member they stand in for.
    pub substitute_for_person_id: Option<ID>,
    /// Free note, e.g. "spesialrådgiver".
    pub note: Option<String>,
}

/// A sak given by id or as written, resolved to a sak of the meeting.
async fn sak_given(
    db: &impl sea_orm::ConnectionTrait,
    meeting_id: i32,
    (id_field, id): (String, Option<ID>),
    (code_field, written): (String, Option<String>),
) -> AppResult<Option<i32>> {
    match (id, written) {
        (Some(_), Some(_)) => Err(AppError::validation(
            code_field,
            format!("Give the sak by id or as written, not both (see {id_field})"),
        )),
        (id, None) => opt_id(id, &id_field),
        (None, Some(w)) => service::attendance::sak_of_meeting(db, meeting_id, &code_field, &w)
            .await
            .map(Some),
    }
}

impl AttendanceInput {
    async fn into_entry(
        self,
        db: &impl sea_orm::ConnectionTrait,
        meeting_id: i32,
        i: usize,
    ) -> AppResult<AttendanceEntry> {
        let f = |name: &str| format!("entries.{i}.{name}");
        let (m, from, to, only) = (meeting_id, self.from_sak, self.to_sak, self.only_sak);
        let from_sak_id = sak_given(
            db,
            m,
            (f("fromSakId"), self.from_sak_id),
            (f("fromSak"), from),
        )
        .await?;
        let to_sak_id = sak_given(db, m, (f("toSakId"), self.to_sak_id), (f("toSak"), to)).await?;
        let only_sak_id = sak_given(
            db,
            m,
            (f("onlySakId"), self.only_sak_id),
            (f("onlySak"), only),
        )
        .await?;
        Ok(AttendanceEntry {
            person_id: opt_id(self.person_id, &f("personId"))?,
            name_text: self.name_text,
            organisation_text: self.organisation_text,
            category: self.category.into(),
            status: self.status.into(),
            from_sak_id,
            to_sak_id,
            partial_note: self.partial_note,
            only_sak_id,
            substitute_for_person_id: opt_id(
                self.substitute_for_person_id,
                &f("substituteForPersonId"),
            )?,
            note: self.note,
        })
    }
}

#[derive(Default)]
pub struct MeetingsMutation;

#[Object]
impl MeetingsMutation {
    /// Creates a meeting with the next number of its year and, by default, the standing
    /// agenda skeleton (its "Godkjenning av referat" linked to the previous meeting), with sak
    /// numbers after the year's highest. A number already used is a VALIDATION error.
    async fn create_meeting(
        &self,
        ctx: &Context<'_>,
        input: CreateMeetingInput,
    ) -> AppResult<MeetingPayload> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let new = NewMeeting {
            date: input.date,
            number: input.number,
            starts_at: input.starts_at,
            ends_at: input.ends_at,
            location: input.location,
            room: input.room,
            format: input.format.into(),
            note: input.note,
            skeleton: input.skeleton,
            optional_items: input.optional_items.into_iter().map(Into::into).collect(),
            first_sak_number: input.first_sak_number,
        };
        let txn = ctx.db().write.begin().await?;
        let m = service::meetings::create_meeting(&txn, &proof, new).await?;
        txn.commit().await?;
        Ok(MeetingPayload {
            meeting: m.into(),
            warnings: Vec::new(),
        })
    }

    /// Edits a meeting's date (within its year), hours, place, format or note.
    async fn update_meeting(
        &self,
        ctx: &Context<'_>,
        input: UpdateMeetingInput,
    ) -> AppResult<Meeting> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&input.id, "id")?;
        let changes = MeetingChanges {
            date: input.date,
            starts_at: input.starts_at.into(),
            ends_at: input.ends_at.into(),
            location: input.location.into(),
            room: input.room.into(),
            format: input.format.map(Into::into),
            note: input.note.into(),
        };
        let txn = ctx.db().write.begin().await?;
        let m = service::meetings::update_meeting(&txn, &proof, id, input.version, changes).await?;
        txn.commit().await?;
        Ok(m.into())
    }

    /// Publishes innkalling og saksliste of a planned meeting: members and the public can
    /// then read its papers. Less than seven days before the meeting it is still published,
    /// with a SHORT_NOTICE warning. Any other status: CONFLICT "Illegal transition: …".
    async fn publish_notice(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
    ) -> AppResult<MeetingPayload> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let (m, warnings) = service::meetings::publish_notice(&txn, &proof, id, version).await?;
        txn.commit().await?;
        Ok(MeetingPayload {
            meeting: m.into(),
            warnings: warnings.into_iter().map(Into::into).collect(),
        })
    }

    /// Marks a meeting whose notice is published as held (not before its day). Otherwise
    /// CONFLICT "Illegal transition: …".
    async fn mark_meeting_held(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
    ) -> AppResult<Meeting> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let m = service::meetings::mark_held(&txn, &proof, id, version).await?;
        txn.commit().await?;
        Ok(m.into())
    }

    /// Cancels a meeting not yet held; it keeps its agenda and history but can no longer
    /// change. A held or cancelled meeting: CONFLICT "Illegal transition: …".
    async fn cancel_meeting(&self, ctx: &Context<'_>, id: ID, version: i32) -> AppResult<Meeting> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let m = service::meetings::cancel_meeting(&txn, &proof, id, version).await?;
        txn.commit().await?;
        Ok(m.into())
    }

    /// Records the meeting's attendance lists in one call, replacing what was there: members,
    /// substitutes, observers, secretariat and guests, present, digital or forfall, partial
    /// or for one sak only. Errors name the entry (`entries.3.personId`).
    async fn record_attendance(
        &self,
        ctx: &Context<'_>,
        meeting_id: ID,
        #[graphql(validator(max_items = 200))] entries: Vec<AttendanceInput>,
    ) -> AppResult<Vec<Attendance>> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&meeting_id, "meetingId")?;
        let txn = ctx.db().write.begin().await?;
        let mut resolved = Vec::with_capacity(entries.len());
        for (i, e) in entries.into_iter().enumerate() {
            resolved.push(e.into_entry(&txn, id, i).await?);
        }
        let rows = service::attendance::record_attendance(&txn, &proof, id, resolved).await?;
        txn.commit().await?;
        Ok(rows.into_iter().map(Attendance::from).collect())
    }
}
