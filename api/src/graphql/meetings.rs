//! Meetings and their saker, attachments, attendance and habilitet: the read side.
use async_graphql::{ComplexObject, Context, ID, Object, SimpleObject, connection::Connection};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use entity::{
    attachment, attendance, conflict_of_interest, meeting, person, sak, sak_case_officer,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{ContextExt, TotalCount, load_err, paginate, parse_id, people::Person, to_id};
use crate::{
    api_enum,
    auth::{Viewer, policy},
    codes::{MeetingCode, SakCode},
    error::{AppError, AppResult},
    loaders::{
        ById, HasMany,
        relations::{
            AttachmentsOfSak, AttendanceOfMeeting, CaseOfficersOfSak, HabilitetOfSak,
            SakerOfMeeting,
        },
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
    /// The fixed items of the standing agenda skeleton.
    StandingKind = "entity::enums::StandingKind" {
        /// Godkjenning av innkalling og saksliste.
        ApproveAgenda,
        /// Spørsmål om habilitet.
        Habilitet,
        /// Godkjenning av referat fra forrige møte.
        ApproveMinutes,
        /// Utestående fra forrige referat.
        OutstandingItems,
        /// Status pågående saker.
        OngoingStatus,
        /// Orienteringer.
        Orienteringer,
        /// Oversikt meldinger og strategier.
        PolicyOverview,
        /// Eventuelt.
        Eventuelt,
        /// Evaluering av møtet.
        Evaluation,
    }
);

api_enum!(
    /// Where a sak stands.
    SakStatus = "entity::enums::SakStatus" {
        /// Being prepared.
        Draft,
        /// Saksfremlegg ready.
        Ready,
        /// Treated in the meeting.
        Treated,
        /// Withdrawn from the agenda.
        Withdrawn,
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

api_enum!(
    /// The council's assessment of a declared interest.
    HabilitetOutcome = "entity::enums::HabilitetOutcome" {
        /// Declared, not yet assessed.
        Pending,
        /// Inhabil: takes no part in the sak.
        Inhabil,
        /// An interest declared, but not one that disqualifies.
        NotInhabil,
    }
);

/// The kinds a sak can be (a sak may be more than one, e.g. diskusjonssak/vedtakssak).
#[derive(async_graphql::Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SakType {
    /// Vedtakssak: for decision.
    Vedtak,
    /// Diskusjonssak: for discussion.
    Diskusjon,
    /// Orienteringssak: for information.
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
}

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
        let minutes = policy::can_read_minutes(ctx.viewer(), &self.raw);
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(|s| Sak::new(s, &self.raw, minutes))
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
}

/// A sak on a meeting's agenda, with its saksfremlegg and, once minuted, discussion and vedtak.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Sak {
    /// The sak's id.
    pub id: ID,
    /// "19/2/2026": running number in the year / meeting number / year.
    pub code: String,
    /// The year.
    pub year: i32,
    /// The running number in the year.
    pub number: i32,
    /// Place on the agenda (1 = first).
    pub position: i32,
    /// The title.
    pub title: String,
    /// Vedtakssak, diskusjonssak, orienteringssak, or several.
    pub types: Vec<SakType>,
    /// Which standing agenda item this is, if any.
    pub standing_kind: Option<StandingKind>,
    /// Time slot start.
    pub time_start: Option<NaiveTime>,
    /// Time slot end.
    pub time_end: Option<NaiveTime>,
    /// Til: who the saksfremlegg is addressed to.
    pub to_text: Option<String>,
    /// Fra, as written.
    pub from_text: Option<String>,
    /// Bakgrunn.
    pub background: Option<String>,
    /// Hvorfor saken fremmes til dette møtet.
    pub reason: Option<String>,
    /// Hovedpunkter.
    pub key_points: Option<String>,
    /// Forslag til vedtak.
    pub proposed_vedtak: Option<String>,
    /// The minutes' summary of the discussion (with the minutes).
    pub discussion: Option<String>,
    /// The vedtak (with the minutes).
    pub vedtak: Option<String>,
    /// Draft, ready, treated or withdrawn.
    pub status: SakStatus,
    /// Added under Eventuelt at the meeting.
    pub added_under_eventuelt: bool,
    /// The version to send back when editing.
    pub version: i32,
    #[graphql(skip)]
    pub raw_id: i32,
    #[graphql(skip)]
    pub from_person_id: Option<i32>,
}

impl Sak {
    /// `minutes`: whether the viewer may read the meeting's minutes.
    pub fn new(m: sak::Model, meeting: &meeting::Model, minutes: bool) -> Self {
        Self {
            id: to_id(m.id),
            code: format!("{}/{}/{}", m.number, meeting.number, m.year),
            year: m.year,
            number: m.number,
            position: m.position,
            title: m.title,
            types: SakType::parse_list(&m.types),
            standing_kind: m.standing_kind.map(Into::into),
            time_start: m.time_start,
            time_end: m.time_end,
            to_text: m.to_text,
            from_text: m.from_text,
            background: m.background,
            reason: m.reason,
            key_points: m.key_points,
            proposed_vedtak: m.proposed_vedtak,
            discussion: m.discussion.filter(|_| minutes),
            vedtak: m.vedtak.filter(|_| minutes),
            status: m.status.into(),
            added_under_eventuelt: m.added_under_eventuelt,
            version: m.version,
            raw_id: m.id,
            from_person_id: m.from_person_id,
        }
    }
}

#[ComplexObject]
impl Sak {
    /// Fra: the person the saksfremlegg comes from.
    async fn from(&self, ctx: &Context<'_>) -> AppResult<Option<Person>> {
        let Some(id) = self.from_person_id else {
            return Ok(None);
        };
        let p = ctx
            .loader::<ById<person::Entity>>()
            .load_one(id)
            .await
            .map_err(load_err)?;
        Ok(p.map(|p| Person::new(p, ctx)))
    }

    /// Saksbehandlere, in order.
    async fn case_officers(&self, ctx: &Context<'_>) -> AppResult<Vec<Person>> {
        let links = ctx
            .loader::<HasMany<CaseOfficersOfSak>>()
            .load_one(self.raw_id)
            .await
            .map_err(load_err)?;
        let links: Vec<sak_case_officer::Model> = links.unwrap_or_default();
        let people = ctx
            .loader::<ById<person::Entity>>()
            .load_many(links.iter().map(|l| l.person_id))
            .await
            .map_err(load_err)?;
        Ok(links
            .iter()
            .filter_map(|l| people.get(&l.person_id).cloned())
            .map(|p| Person::new(p, ctx))
            .collect())
    }

    /// Vedlegg, numbered as the papers number them.
    async fn attachments(&self, ctx: &Context<'_>) -> AppResult<Vec<Attachment>> {
        let rows = ctx
            .loader::<HasMany<AttachmentsOfSak>>()
            .load_one(self.raw_id)
            .await
            .map_err(load_err)?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(Attachment::from)
            .collect())
    }

    /// Habilitet records for this sak: the declaration and reason only for the secretariat
    /// and the member concerned.
    async fn habilitet(&self, ctx: &Context<'_>) -> AppResult<Vec<ConflictOfInterest>> {
        let rows = ctx
            .loader::<HasMany<HabilitetOfSak>>()
            .load_one(self.raw_id)
            .await
            .map_err(load_err)?;
        let viewer = ctx.viewer();
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .filter_map(|r| ConflictOfInterest::visible(r, viewer))
            .collect())
    }
}

/// A numbered vedlegg: a file or a link.
#[derive(SimpleObject)]
pub struct Attachment {
    /// The attachment's id.
    pub id: ID,
    /// The number the papers give it ("1. Utkast referat …").
    pub number: i32,
    /// The title.
    pub title: String,
    /// An external link, if it is one.
    pub url: Option<String>,
    /// Whether a file is stored for it.
    pub has_file: bool,
    /// The version to send back when editing.
    pub version: i32,
}

impl From<attachment::Model> for Attachment {
    fn from(m: attachment::Model) -> Self {
        Self {
            id: to_id(m.id),
            number: m.number,
            title: m.title,
            url: m.url,
            has_file: m.stored_file_id.is_some(),
            version: m.version,
        }
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

/// Habilitet: a member's declared interest in a sak and the council's assessment.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct ConflictOfInterest {
    /// The record's id.
    pub id: ID,
    /// Pending, inhabil or not inhabil.
    pub outcome: HabilitetOutcome,
    /// Whether the member left the room during the sak.
    pub left_room: bool,
    /// The member's own declaration (secretariat and the member only).
    pub declaration: Option<String>,
    /// The reason recorded (secretariat and the member only).
    pub reason: Option<String>,
    /// Who assessed it, e.g. "rådet".
    pub decided_by: Option<String>,
    /// The version to send back when editing.
    pub version: i32,
    #[graphql(skip)]
    pub person_id: i32,
}

impl ConflictOfInterest {
    /// What `viewer` may see of the record, or nothing.
    pub fn visible(m: conflict_of_interest::Model, viewer: &Viewer) -> Option<Self> {
        let details = policy::can_read_habilitet_details(viewer, m.person_id);
        // Others see only settled outcomes, as the minutes state them.
        if !details && m.outcome == entity::enums::HabilitetOutcome::Pending {
            return None;
        }
        Some(Self {
            id: to_id(m.id),
            outcome: m.outcome.into(),
            left_room: m.left_room,
            declaration: m.declaration.filter(|_| details),
            reason: m.reason.filter(|_| details),
            decided_by: m.decided_by,
            version: m.version,
            person_id: m.person_id,
        })
    }
}

#[ComplexObject]
impl ConflictOfInterest {
    /// The member concerned.
    async fn person(&self, ctx: &Context<'_>) -> AppResult<Option<Person>> {
        let p = ctx
            .loader::<ById<person::Entity>>()
            .load_one(self.person_id)
            .await
            .map_err(load_err)?;
        Ok(p.map(|p| Person::new(p, ctx)))
    }
}

#[derive(Default)]
pub struct MeetingsQuery;

#[Object]
impl MeetingsQuery {
    /// Meetings, newest first; filter by year and status. The public and members see only
    /// meetings whose notice is published.
    #[graphql(complexity = "first.unwrap_or(50) as usize * child_complexity")]
    async fn meetings(
        &self,
        ctx: &Context<'_>,
        year: Option<i32>,
        status: Option<MeetingStatus>,
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
        if !policy::is_secretariat(ctx.viewer()) {
            q = q
                .filter(meeting::Column::NoticePublishedAt.is_not_null())
                .filter(meeting::Column::Status.ne(entity::enums::MeetingStatus::Planned));
        }
        paginate(ctx.db(), q, first, after, Meeting::from).await
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
        let Some(m) = ctx
            .loader::<ById<meeting::Entity>>()
            .load_one(s.meeting_id)
            .await
            .map_err(load_err)?
        else {
            return Ok(None);
        };
        if !policy::can_read_meeting(ctx.viewer(), &m) {
            return Ok(None);
        }
        Ok(Some(Sak::new(
            s,
            &m,
            policy::can_read_minutes(ctx.viewer(), &m),
        )))
    }
}
