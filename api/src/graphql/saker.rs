//! Saker: the sak type with its saksfremlegg, minutes text and relations, and the mutations
//! that set the agenda and edit the papers. Every mutation here needs the secretariat.
//!
//! Errors: VALIDATION (with `field`) for bad input, NOT_FOUND for what does not exist,
//! CONFLICT for a stale `version` ("… was changed by someone else") and for changes to a
//! cancelled meeting or to approved minutes that are not reopened.
use async_graphql::{
    ComplexObject, Context, ID, InputObject, MaybeUndefined, Object, SimpleObject,
};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use entity::{
    attachment, follow_up, meeting, person, sak, sak_case_officer, sak_presenter, sak_reference,
};
use sea_orm::TransactionTrait;

use super::{
    ContextExt,
    habilitet::ConflictOfInterest,
    load_err,
    meetings::{Meeting, Warning},
    opt_id, parse_id, patch_id,
    people::Person,
    to_id,
    working_groups::WorkingGroup,
};
use crate::{
    api_enum,
    auth::{Viewer, policy},
    error::{AppError, AppResult},
    files::FilesDir,
    loaders::{
        ById, HasMany,
        relations::{
            AttachmentsOfSak, CaseOfficersOfSak, FollowUpsOfSak, HabilitetOfSak, PresentersOfSak,
            ReferencesOfSak, WorkingGroupsOfSak,
        },
    },
    service::{
        self,
        follow_ups::{FollowUpChanges, NewFollowUp},
        saker::{AttachmentChanges, NewAttachment, NewPresenter, NewSak, SakChanges},
    },
};

api_enum!(
    /// The kinds a sak can be (a sak may be more than one, e.g. diskusjonssak/vedtakssak).
    SakType = "crate::service::saker::SakType" {
        /// Vedtakssak: for decision.
        Vedtak,
        /// Diskusjonssak: for discussion.
        Diskusjon,
        /// Orienteringssak: for information.
        Orientering,
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
        /// Utestående fra forrige referat (optional).
        OutstandingItems,
        /// Status pågående saker (optional).
        OngoingStatus,
        /// Orienteringer.
        Orienteringer,
        /// Oversikt meldinger og strategier (optional).
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
    /// How a sak refers to another.
    ReferenceKind = "entity::enums::ReferenceKind" {
        /// Tidligere behandlet: an earlier treatment of the matter.
        EarlierTreatment,
        /// "Saken er en oppfølging av …".
        FollowUpOf,
        /// "Sees i sammenheng med …" and other mentions.
        SeeAlso,
    }
);

api_enum!(
    /// Where a follow-up item stands.
    FollowUpStatus = "entity::enums::FollowUpStatus" {
        /// Still to do: listed under "Utestående fra forrige referat".
        Open,
        /// Done.
        Done,
        /// Dropped.
        Cancelled,
    }
);

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
    /// Forslag til vedtak (may hold blanks such as "[ ] deltar i arbeidsgruppen …").
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
    pub meeting_id: i32,
    #[graphql(skip)]
    pub from_person_id: Option<i32>,
    #[graphql(skip)]
    pub approves_minutes_of_meeting_id: Option<i32>,
    #[graphql(skip)]
    pub minutes: bool,
}

impl Sak {
    /// The sak as `viewer` may read it: the minutes' parts (vedtak, discussion, habilitet
    /// outcomes) only where `policy::can_read_minutes` allows, also in a mutation's answer,
    /// so a `write` token without `read` learns nothing there that a read would hide.
    pub fn new(m: sak::Model, meeting: &meeting::Model, viewer: &Viewer) -> Self {
        let minutes = policy::can_read_minutes(viewer, meeting);
        Self {
            id: to_id(m.id),
            code: service::saker::sak_code(&m, meeting),
            year: m.year,
            number: m.number,
            position: m.position,
            title: m.title,
            types: service::saker::SakType::parse_list(&m.types)
                .into_iter()
                .map(Into::into)
                .collect(),
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
            meeting_id: m.meeting_id,
            from_person_id: m.from_person_id,
            approves_minutes_of_meeting_id: m.approves_minutes_of_meeting_id,
            minutes,
        }
    }
}

async fn person_by_id(ctx: &Context<'_>, id: Option<i32>) -> AppResult<Option<Person>> {
    let Some(id) = id else { return Ok(None) };
    let p = ctx
        .loader::<ById<person::Entity>>()
        .load_one(id)
        .await
        .map_err(load_err)?;
    Ok(p.map(|p| Person::new(p, ctx)))
}

/// A meeting the viewer may read.
async fn readable_meeting(ctx: &Context<'_>, id: Option<i32>) -> AppResult<Option<Meeting>> {
    let Some(id) = id else { return Ok(None) };
    let m = ctx
        .loader::<ById<meeting::Entity>>()
        .load_one(id)
        .await
        .map_err(load_err)?;
    Ok(m.filter(|m| policy::can_read_meeting(ctx.viewer(), m))
        .map(Meeting::from))
}

#[ComplexObject]
impl Sak {
    /// The meeting whose agenda holds the sak.
    async fn meeting(&self, ctx: &Context<'_>) -> AppResult<Option<Meeting>> {
        readable_meeting(ctx, Some(self.meeting_id)).await
    }

    /// For "Godkjenning av referat": the meeting whose minutes this sak approves.
    async fn approves_minutes_of(&self, ctx: &Context<'_>) -> AppResult<Option<Meeting>> {
        readable_meeting(ctx, self.approves_minutes_of_meeting_id).await
    }

    /// Fra: the person the saksfremlegg comes from.
    async fn from(&self, ctx: &Context<'_>) -> AppResult<Option<Person>> {
        person_by_id(ctx, self.from_person_id).await
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
    /// and the member concerned; others see settled outcomes once they can read the minutes.
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
            .filter_map(|r| ConflictOfInterest::visible(r, viewer, self.minutes))
            .collect())
    }

    /// Members found inhabil for this sak: they count as absent from it (with the minutes).
    async fn inhabil_members(&self, ctx: &Context<'_>) -> AppResult<Vec<Person>> {
        if !self.minutes {
            return Ok(Vec::new());
        }
        let rows = ctx
            .loader::<HasMany<HabilitetOfSak>>()
            .load_one(self.raw_id)
            .await
            .map_err(load_err)?
            .unwrap_or_default();
        let ids: Vec<i32> = rows
            .iter()
            .filter(|r| r.outcome == entity::enums::HabilitetOutcome::Inhabil)
            .map(|r| r.person_id)
            .collect();
        let people = ctx
            .loader::<ById<person::Entity>>()
            .load_many(ids.iter().copied())
            .await
            .map_err(load_err)?;
        Ok(ids
            .iter()
            .filter_map(|id| people.get(id).cloned())
            .map(|p| Person::new(p, ctx))
            .collect())
    }

    /// The vedtak's separate decisions (its paragraphs), with the minutes.
    async fn decisions(&self) -> Vec<String> {
        self.vedtak
            .as_deref()
            .map(|v| {
                v.split("\n\n")
                    .map(str::trim)
                    .filter(|d| !d.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// References to other saker, as written and linked where the sak exists.
    async fn references(&self, ctx: &Context<'_>) -> AppResult<Vec<SakReference>> {
        let rows = ctx
            .loader::<HasMany<ReferencesOfSak>>()
            .load_one(self.raw_id)
            .await
            .map_err(load_err)?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(SakReference::from)
            .collect())
    }

    /// Who presents the sak at the meeting.
    async fn presenters(&self, ctx: &Context<'_>) -> AppResult<Vec<Presenter>> {
        let rows = ctx
            .loader::<HasMany<PresentersOfSak>>()
            .load_one(self.raw_id)
            .await
            .map_err(load_err)?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(Presenter::from)
            .collect())
    }

    /// Follow-up items the vedtak created (with the minutes).
    async fn follow_ups(&self, ctx: &Context<'_>) -> AppResult<Vec<FollowUp>> {
        if !self.minutes {
            return Ok(Vec::new());
        }
        let rows = ctx
            .loader::<HasMany<FollowUpsOfSak>>()
            .load_one(self.raw_id)
            .await
            .map_err(load_err)?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(FollowUp::from)
            .collect())
    }
    /// Working groups the vedtak set up (with the minutes, or for those who follow the
    /// council's deadlines).
    async fn working_groups(&self, ctx: &Context<'_>) -> AppResult<Vec<WorkingGroup>> {
        if !(self.minutes || policy::can_read_deadlines(ctx.viewer())) {
            return Ok(Vec::new());
        }
        let rows = ctx
            .loader::<HasMany<WorkingGroupsOfSak>>()
            .load_one(self.raw_id)
            .await
            .map_err(load_err)?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(WorkingGroup::from)
            .collect())
    }
}

/// A numbered vedlegg of a sak, or a presentation attached to the minutes: a file or a link.
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
    /// Whether a file is stored for it (download it from /files/{id}).
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

/// A reference from a sak to another, as written in the papers.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct SakReference {
    /// The reference's id.
    pub id: ID,
    /// As written: "sak 25/2/2025", "Sak 16/2/25".
    pub as_written: String,
    /// Earlier treatment, follow-up of, or see also.
    pub kind: ReferenceKind,
    #[graphql(skip)]
    pub referenced_sak_id: Option<i32>,
}

impl From<sak_reference::Model> for SakReference {
    fn from(m: sak_reference::Model) -> Self {
        Self {
            id: to_id(m.id),
            as_written: m.as_written,
            kind: m.kind.into(),
            referenced_sak_id: m.referenced_sak_id,
        }
    }
}

#[ComplexObject]
impl SakReference {
    /// The sak referred to, when it is in Møtebok and the viewer may see it.
    async fn sak(&self, ctx: &Context<'_>) -> AppResult<Option<Sak>> {
        readable_sak(ctx, self.referenced_sak_id).await
    }
}

/// A sak by id, when the viewer may read its meeting.
pub(crate) async fn readable_sak(ctx: &Context<'_>, id: Option<i32>) -> AppResult<Option<Sak>> {
    let Some(id) = id else { return Ok(None) };
    let Some(s) = ctx
        .loader::<ById<sak::Entity>>()
        .load_one(id)
        .await
        .map_err(load_err)?
    else {
        return Ok(None);
    };
    if_readable(ctx, s).await
}

/// The sak as the viewer may see it: `None` when they may not read its meeting.
pub(super) async fn if_readable(ctx: &Context<'_>, s: sak::Model) -> AppResult<Option<Sak>> {
    let m = ctx
        .loader::<ById<meeting::Entity>>()
        .load_one(s.meeting_id)
        .await
        .map_err(load_err)?;
    let viewer = ctx.viewer();
    Ok(m.filter(|m| policy::can_read_meeting(viewer, m))
        .map(|m| Sak::new(s, &m, viewer)))
}

/// Someone who presents a sak: a registered person or a name as written.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Presenter {
    /// The row's id.
    pub id: ID,
    /// The name as written, for someone not registered.
    pub name_text: Option<String>,
    /// E.g. "Leder av den nasjonale komiteen …; la frem hovedresultatene".
    pub note: Option<String>,
    #[graphql(skip)]
    pub person_id: Option<i32>,
}

impl From<sak_presenter::Model> for Presenter {
    fn from(m: sak_presenter::Model) -> Self {
        Self {
            id: to_id(m.id),
            name_text: m.name_text,
            note: m.note,
            person_id: m.person_id,
        }
    }
}

#[ComplexObject]
impl Presenter {
    /// The person, if registered.
    async fn person(&self, ctx: &Context<'_>) -> AppResult<Option<Person>> {
        person_by_id(ctx, self.person_id).await
    }
}

/// A follow-up item created by a vedtak.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct FollowUp {
    /// The item's id.
    pub id: ID,
    /// What is to be done.
    pub description: String,
    /// Who, as written ("sekretariatet", "arbeidsgruppen").
    pub assignee_text: Option<String>,
    /// When it is due.
    pub due_on: Option<NaiveDate>,
    /// Open, done or cancelled.
    pub status: FollowUpStatus,
    /// When it was closed.
    pub closed_at: Option<DateTime<Utc>>,
    /// How it was closed.
    pub closed_note: Option<String>,
    /// The version to send back when editing.
    pub version: i32,
    #[graphql(skip)]
    pub assignee_person_id: Option<i32>,
    #[graphql(skip)]
    pub sak_id: i32,
}

impl From<follow_up::Model> for FollowUp {
    fn from(m: follow_up::Model) -> Self {
        Self {
            id: to_id(m.id),
            description: m.description,
            assignee_text: m.assignee_text,
            due_on: m.due_on,
            status: m.status.into(),
            closed_at: m.closed_at,
            closed_note: m.closed_note,
            version: m.version,
            assignee_person_id: m.assignee_person_id,
            sak_id: m.sak_id,
        }
    }
}

#[ComplexObject]
impl FollowUp {
    /// The person assigned, if registered.
    async fn assignee(&self, ctx: &Context<'_>) -> AppResult<Option<Person>> {
        person_by_id(ctx, self.assignee_person_id).await
    }

    /// The sak whose vedtak created the item.
    async fn sak_id(&self) -> ID {
        to_id(self.sak_id)
    }

    /// That sak, when the viewer may read its meeting.
    async fn sak(&self, ctx: &Context<'_>) -> AppResult<Option<Sak>> {
        readable_sak(ctx, Some(self.sak_id)).await
    }
}

/// A sak and what the web app should point out about it (e.g. overlapping time slots).
#[derive(SimpleObject)]
pub struct SakPayload {
    /// The sak as saved.
    pub sak: Sak,
    /// Warnings: the change went through, but look at these.
    pub warnings: Vec<Warning>,
}

/// A new sak on a meeting's agenda.
#[derive(InputObject)]
pub struct CreateSakInput {
    /// The meeting.
    pub meeting_id: ID,
    /// The running number; leave out for the next after the year's highest.
    pub number: Option<i32>,
    /// Place on the agenda; leave out to put it before Eventuelt (or, when added under
    /// Eventuelt, right after it).
    pub position: Option<i32>,
    /// The title.
    pub title: String,
    /// Vedtak, diskusjon, orientering (one or more).
    #[graphql(default, validator(max_items = 3))]
    pub types: Vec<SakType>,
    /// A standing agenda item's kind.
    pub standing_kind: Option<StandingKind>,
    /// For "Godkjenning av referat": the earlier meeting whose minutes it approves.
    pub approves_minutes_of_meeting_id: Option<ID>,
    /// Time slot start ("10:30:00").
    pub time_start: Option<NaiveTime>,
    /// Time slot end.
    pub time_end: Option<NaiveTime>,
    /// Til (default: the council's name).
    pub to_text: Option<String>,
    /// Fra: a registered person.
    pub from_person_id: Option<ID>,
    /// Fra, as written.
    pub from_text: Option<String>,
    /// Bakgrunn.
    pub background: Option<String>,
    /// Hvorfor saken fremmes.
    pub reason: Option<String>,
    /// Hovedpunkter.
    pub key_points: Option<String>,
    /// Forslag til vedtak.
    pub proposed_vedtak: Option<String>,
    /// Discussion, for the minutes.
    pub discussion: Option<String>,
    /// Vedtak, for the minutes.
    pub vedtak: Option<String>,
    /// Status (default draft).
    pub status: Option<SakStatus>,
    /// Added under Eventuelt at the meeting.
    #[graphql(default)]
    pub added_under_eventuelt: bool,
}

impl TryFrom<CreateSakInput> for NewSak {
    type Error = crate::error::AppError;
    fn try_from(i: CreateSakInput) -> AppResult<Self> {
        Ok(Self {
            meeting_id: parse_id(&i.meeting_id, "meetingId")?,
            number: i.number,
            position: i.position,
            title: i.title,
            types: i.types.into_iter().map(Into::into).collect(),
            standing_kind: i.standing_kind.map(Into::into),
            approves_minutes_of_meeting_id: opt_id(
                i.approves_minutes_of_meeting_id,
                "approvesMinutesOfMeetingId",
            )?,
            time_start: i.time_start,
            time_end: i.time_end,
            to_text: i.to_text,
            from_person_id: opt_id(i.from_person_id, "fromPersonId")?,
            from_text: i.from_text,
            background: i.background,
            reason: i.reason,
            key_points: i.key_points,
            proposed_vedtak: i.proposed_vedtak,
            discussion: i.discussion,
            vedtak: i.vedtak,
            status: i.status.map(Into::into),
            added_under_eventuelt: i.added_under_eventuelt,
        })
    }
}

/// Changes to a sak: leave a field out to keep it, send null to clear it.
#[derive(InputObject)]
pub struct UpdateSakInput {
    /// The sak.
    pub id: ID,
    /// The version you saw; a stale version is a CONFLICT and nothing changes.
    pub version: i32,
    /// The title.
    pub title: Option<String>,
    /// Vedtak, diskusjon, orientering.
    #[graphql(validator(max_items = 3))]
    pub types: Option<Vec<SakType>>,
    /// A standing agenda item's kind.
    pub standing_kind: MaybeUndefined<StandingKind>,
    /// For "Godkjenning av referat": the meeting whose minutes it approves.
    pub approves_minutes_of_meeting_id: MaybeUndefined<ID>,
    /// Time slot start.
    pub time_start: MaybeUndefined<NaiveTime>,
    /// Time slot end.
    pub time_end: MaybeUndefined<NaiveTime>,
    /// Til.
    pub to_text: MaybeUndefined<String>,
    /// Fra: a registered person.
    pub from_person_id: MaybeUndefined<ID>,
    /// Fra, as written.
    pub from_text: MaybeUndefined<String>,
    /// Bakgrunn.
    pub background: MaybeUndefined<String>,
    /// Hvorfor saken fremmes.
    pub reason: MaybeUndefined<String>,
    /// Hovedpunkter.
    pub key_points: MaybeUndefined<String>,
    /// Forslag til vedtak.
    pub proposed_vedtak: MaybeUndefined<String>,
    /// The minutes' discussion.
    pub discussion: MaybeUndefined<String>,
    /// The vedtak (several decisions as paragraphs).
    pub vedtak: MaybeUndefined<String>,
    /// Draft, ready, treated or withdrawn.
    pub status: Option<SakStatus>,
    /// Added under Eventuelt.
    pub added_under_eventuelt: Option<bool>,
}

impl TryFrom<UpdateSakInput> for SakChanges {
    type Error = crate::error::AppError;
    fn try_from(i: UpdateSakInput) -> AppResult<Self> {
        Ok(Self {
            title: i.title,
            types: i.types.map(|t| t.into_iter().map(Into::into).collect()),
            standing_kind: Option::<Option<StandingKind>>::from(i.standing_kind)
                .map(|k| k.map(Into::into)),
            approves_minutes_of_meeting_id: patch_id(
                i.approves_minutes_of_meeting_id,
                "approvesMinutesOfMeetingId",
            )?,
            time_start: i.time_start.into(),
            time_end: i.time_end.into(),
            to_text: i.to_text.into(),
            from_person_id: patch_id(i.from_person_id, "fromPersonId")?,
            from_text: i.from_text.into(),
            background: i.background.into(),
            reason: i.reason.into(),
            key_points: i.key_points.into(),
            proposed_vedtak: i.proposed_vedtak.into(),
            discussion: i.discussion.into(),
            vedtak: i.vedtak.into(),
            status: i.status.map(Into::into),
            added_under_eventuelt: i.added_under_eventuelt,
        })
    }
}

/// A vedlegg (on a sak) or a presentation (on a meeting's minutes), as a link or as a title
/// only (a vedlegg the papers list but send separately). Files are uploaded with POST /files.
#[derive(InputObject)]
pub struct AddAttachmentInput {
    /// The sak (give this or `meetingId`).
    pub sak_id: Option<ID>,
    /// The meeting, for an attachment to its minutes.
    pub meeting_id: Option<ID>,
    /// The number the papers give it; leave out for the next.
    pub number: Option<i32>,
    /// The title.
    pub title: String,
    /// The link (http or https); leave out for a title-only vedlegg.
    pub url: Option<String>,
}

/// Changes to an attachment.
#[derive(InputObject)]
pub struct UpdateAttachmentInput {
    /// The attachment.
    pub id: ID,
    /// The version you saw.
    pub version: i32,
    /// The number.
    pub number: Option<i32>,
    /// The title.
    pub title: Option<String>,
    /// The link (only for a link).
    pub url: Option<String>,
}

/// A new follow-up item from a vedtak.
#[derive(InputObject)]
pub struct CreateFollowUpInput {
    /// The sak whose vedtak creates it.
    pub sak_id: ID,
    /// What is to be done.
    pub description: String,
    /// A registered person responsible.
    pub assignee_person_id: Option<ID>,
    /// Who, as written ("sekretariatet").
    pub assignee_text: Option<String>,
    /// When it is due.
    pub due_on: Option<NaiveDate>,
}

/// Changes to a follow-up item: leave a field out to keep it, send null to clear it.
#[derive(InputObject)]
pub struct UpdateFollowUpInput {
    /// The item.
    pub id: ID,
    /// The version you saw.
    pub version: i32,
    /// What is to be done.
    pub description: Option<String>,
    /// A registered person responsible.
    pub assignee_person_id: MaybeUndefined<ID>,
    /// Who, as written.
    pub assignee_text: MaybeUndefined<String>,
    /// When it is due.
    pub due_on: MaybeUndefined<NaiveDate>,
}

/// The sak after a write, as the caller may read it.
async fn sak_out(
    db: &impl sea_orm::ConnectionTrait,
    viewer: &Viewer,
    s: sak::Model,
) -> AppResult<Sak> {
    let m = service::meetings::load::<meeting::Entity>("The meeting", db, s.meeting_id).await?;
    Ok(Sak::new(s, &m, viewer))
}

#[derive(Default)]
pub struct SakerMutation;

#[Object]
impl SakerMutation {
    /// Adds a sak to a meeting's agenda with the year's next number (or the one given:
    /// a number already used in the year is a VALIDATION error on `number`). Warnings point
    /// out time slots that overlap or fall outside the meeting's hours.
    async fn create_sak(&self, ctx: &Context<'_>, input: CreateSakInput) -> AppResult<SakPayload> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let new = NewSak::try_from(input)?;
        let txn = ctx.db().write.begin().await?;
        let s = service::saker::create_sak(&txn, &proof, new).await?;
        let warnings = service::saker::time_slot_warnings(&txn, &s).await?;
        let sak = sak_out(&txn, ctx.viewer(), s).await?;
        txn.commit().await?;
        Ok(SakPayload {
            sak,
            warnings: warnings.into_iter().map(Into::into).collect(),
        })
    }

    /// Edits a sak's saksfremlegg or minutes text. A stale `version` is a CONFLICT and
    /// nothing changes; so is any change once the minutes are approved (until reopened).
    async fn update_sak(&self, ctx: &Context<'_>, input: UpdateSakInput) -> AppResult<SakPayload> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&input.id, "id")?;
        let version = input.version;
        let changes = SakChanges::try_from(input)?;
        let txn = ctx.db().write.begin().await?;
        let s = service::saker::update_sak(&txn, &proof, id, version, changes).await?;
        let warnings = service::saker::time_slot_warnings(&txn, &s).await?;
        let sak = sak_out(&txn, ctx.viewer(), s).await?;
        txn.commit().await?;
        Ok(SakPayload {
            sak,
            warnings: warnings.into_iter().map(Into::into).collect(),
        })
    }

    /// Moves a sak to another meeting's agenda. Within the year it keeps its running number
    /// (its code's meeting number changes); into another year it gets that year's next.
    async fn move_sak(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        meeting_id: ID,
        position: Option<i32>,
    ) -> AppResult<Sak> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let to = parse_id(&meeting_id, "meetingId")?;
        let txn = ctx.db().write.begin().await?;
        let s = service::saker::move_sak(&txn, &proof, id, version, to, position).await?;
        let sak = sak_out(&txn, ctx.viewer(), s).await?;
        txn.commit().await?;
        Ok(sak)
    }

    /// Corrects a sak's running number by hand; a number already used in the year is a
    /// VALIDATION error on `number`.
    async fn renumber_sak(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        number: i32,
    ) -> AppResult<Sak> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let s = service::saker::renumber_sak(&txn, &proof, id, version, number).await?;
        let sak = sak_out(&txn, ctx.viewer(), s).await?;
        txn.commit().await?;
        Ok(sak)
    }

    /// Numbers a meeting's saker in agenda order from `start` (default: their lowest
    /// number now). Numbers used by another meeting are a VALIDATION error on `start`.
    async fn renumber_agenda(
        &self,
        ctx: &Context<'_>,
        meeting_id: ID,
        start: Option<i32>,
    ) -> AppResult<Vec<Sak>> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&meeting_id, "meetingId")?;
        let txn = ctx.db().write.begin().await?;
        let saker = service::saker::renumber_agenda(&txn, &proof, id, start).await?;
        let m = service::meetings::load::<meeting::Entity>("The meeting", &txn, id).await?;
        txn.commit().await?;
        Ok(saker
            .into_iter()
            .map(|s| Sak::new(s, &m, ctx.viewer()))
            .collect())
    }

    /// Sets the agenda's order: give every sak of the meeting exactly once. With `renumber`,
    /// the saker are also numbered in the new order from `start` (default: their lowest
    /// number now), in the same transaction: either both happen or neither.
    async fn reorder_saker(
        &self,
        ctx: &Context<'_>,
        meeting_id: ID,
        #[graphql(validator(max_items = 200))] sak_ids: Vec<ID>,
        #[graphql(default = false)] renumber: bool,
        start: Option<i32>,
    ) -> AppResult<Vec<Sak>> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&meeting_id, "meetingId")?;
        let ids = sak_ids
            .iter()
            .map(|s| parse_id(s, "sakIds"))
            .collect::<AppResult<Vec<_>>>()?;
        if start.is_some() && !renumber {
            return Err(AppError::validation(
                "start",
                "A start number only applies with renumber: true",
            ));
        }
        let txn = ctx.db().write.begin().await?;
        let mut saker = service::saker::reorder_saker(&txn, &proof, id, &ids).await?;
        if renumber {
            saker = service::saker::renumber_agenda(&txn, &proof, id, start).await?;
        }
        let m = service::meetings::load::<meeting::Entity>("The meeting", &txn, id).await?;
        txn.commit().await?;
        Ok(saker
            .into_iter()
            .map(|s| Sak::new(s, &m, ctx.viewer()))
            .collect())
    }

    /// Replaces the saksbehandlere of a sak, in the order given.
    async fn set_case_officers(
        &self,
        ctx: &Context<'_>,
        sak_id: ID,
        #[graphql(validator(max_items = 20))] person_ids: Vec<ID>,
    ) -> AppResult<Sak> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&sak_id, "sakId")?;
        let people = person_ids
            .iter()
            .map(|p| parse_id(p, "personIds"))
            .collect::<AppResult<Vec<_>>>()?;
        let txn = ctx.db().write.begin().await?;
        service::saker::set_case_officers(&txn, &proof, id, &people).await?;
        let s = service::meetings::load::<sak::Entity>("The sak", &txn, id).await?;
        let sak = sak_out(&txn, ctx.viewer(), s).await?;
        txn.commit().await?;
        Ok(sak)
    }

    /// Adds a link, or a title only, as a numbered vedlegg of a sak or to a meeting's
    /// minutes.
    async fn add_attachment(
        &self,
        ctx: &Context<'_>,
        input: AddAttachmentInput,
    ) -> AppResult<Attachment> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let new = NewAttachment {
            sak_id: opt_id(input.sak_id, "sakId")?,
            meeting_id: opt_id(input.meeting_id, "meetingId")?,
            number: input.number,
            title: input.title,
            url: input.url,
            stored_file_id: None,
        };
        let txn = ctx.db().write.begin().await?;
        let a = service::saker::add_attachment(&txn, &proof, new).await?;
        txn.commit().await?;
        Ok(a.into())
    }

    /// Renumbers, retitles or relinks an attachment.
    async fn update_attachment(
        &self,
        ctx: &Context<'_>,
        input: UpdateAttachmentInput,
    ) -> AppResult<Attachment> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&input.id, "id")?;
        let changes = AttachmentChanges {
            number: input.number,
            title: input.title,
            url: input.url,
        };
        let txn = ctx.db().write.begin().await?;
        let a = service::saker::update_attachment(&txn, &proof, id, input.version, changes).await?;
        txn.commit().await?;
        Ok(a.into())
    }

    /// Removes an attachment from the papers; an uploaded file no other attachment uses is
    /// deleted with it (its metadata stays in the audit log).
    async fn remove_attachment(&self, ctx: &Context<'_>, id: ID, version: i32) -> AppResult<ID> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let raw = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let unused = service::saker::remove_attachment(&txn, &proof, raw, version).await?;
        txn.commit().await?;
        if let Some(f) = unused {
            service::files::discard(&ctx.data_unchecked::<FilesDir>().0, &f).await;
        }
        Ok(id)
    }

    /// Records a reference to another sak as written ("sak 25/2/2025", "Sak 16/2/25"),
    /// linked when that sak exists. References written in a sak's texts are linked
    /// automatically when the sak is saved.
    async fn add_reference(
        &self,
        ctx: &Context<'_>,
        sak_id: ID,
        as_written: String,
        kind: ReferenceKind,
    ) -> AppResult<SakReference> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&sak_id, "sakId")?;
        let txn = ctx.db().write.begin().await?;
        let r = service::saker::add_reference(&txn, &proof, id, as_written, kind.into()).await?;
        txn.commit().await?;
        Ok(r.into())
    }

    /// Removes a reference.
    async fn remove_reference(&self, ctx: &Context<'_>, id: ID) -> AppResult<ID> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let raw = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        service::saker::remove_reference(&txn, &proof, raw).await?;
        txn.commit().await?;
        Ok(id)
    }

    /// Adds someone who presents the sak (a registered person, or a name as written).
    async fn add_presenter(
        &self,
        ctx: &Context<'_>,
        sak_id: ID,
        person_id: Option<ID>,
        name_text: Option<String>,
        note: Option<String>,
    ) -> AppResult<Presenter> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&sak_id, "sakId")?;
        let new = NewPresenter {
            person_id: opt_id(person_id, "personId")?,
            name_text,
            note,
        };
        let txn = ctx.db().write.begin().await?;
        let p = service::saker::add_presenter(&txn, &proof, id, new).await?;
        txn.commit().await?;
        Ok(p.into())
    }

    /// Removes a presenter.
    async fn remove_presenter(&self, ctx: &Context<'_>, id: ID) -> AppResult<ID> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let raw = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        service::saker::remove_presenter(&txn, &proof, raw).await?;
        txn.commit().await?;
        Ok(id)
    }

    /// Creates a follow-up item from a sak's vedtak.
    async fn create_follow_up(
        &self,
        ctx: &Context<'_>,
        input: CreateFollowUpInput,
    ) -> AppResult<FollowUp> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let new = NewFollowUp {
            sak_id: parse_id(&input.sak_id, "sakId")?,
            description: input.description,
            assignee_person_id: opt_id(input.assignee_person_id, "assigneePersonId")?,
            assignee_text: input.assignee_text,
            due_on: input.due_on,
            status: None,
        };
        let txn = ctx.db().write.begin().await?;
        let f = service::follow_ups::create(&txn, &proof, new).await?;
        txn.commit().await?;
        Ok(f.into())
    }

    /// Edits a follow-up item.
    async fn update_follow_up(
        &self,
        ctx: &Context<'_>,
        input: UpdateFollowUpInput,
    ) -> AppResult<FollowUp> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&input.id, "id")?;
        let changes = FollowUpChanges {
            description: input.description,
            assignee_person_id: patch_id(input.assignee_person_id, "assigneePersonId")?,
            assignee_text: input.assignee_text.into(),
            due_on: input.due_on.into(),
        };
        let txn = ctx.db().write.begin().await?;
        let f = service::follow_ups::update(&txn, &proof, id, input.version, changes).await?;
        txn.commit().await?;
        Ok(f.into())
    }

    /// Closes an open follow-up item as done or cancelled. Closing a closed item is a
    /// CONFLICT ("Illegal transition: …").
    async fn close_follow_up(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        status: FollowUpStatus,
        note: Option<String>,
    ) -> AppResult<FollowUp> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let raw = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let f = service::follow_ups::close(&txn, &proof, raw, version, status.into(), note).await?;
        txn.commit().await?;
        Ok(f.into())
    }
}
