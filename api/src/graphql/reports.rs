//! The årsrapport's figures (`annualReport`), and the events and publications it lists.
use async_graphql::{Context, ID, InputObject, Object, SimpleObject, connection::Connection};
use chrono::{NaiveDate, NaiveTime};
use entity::{event, publication};
use sea_orm::TransactionTrait;

use super::{
    ContextExt, TotalCount,
    consultations::{ConsultationKind, PolicyDocumentKind},
    meetings::MeetingFormat,
    paginate, parse_id,
    saker::SakType,
    to_id,
    working_groups::{WorkingGroupKind, WorkingGroupStatus},
};
use crate::{
    api_enum,
    auth::{Viewer, policy},
    error::{AppError, AppResult},
    service::{
        consultations::oslo_today,
        reports::{self as service, EventInput, PublicationInput},
    },
};

api_enum!(
    /// Kinds of events.
    EventKind = "entity::enums::EventKind" {
        /// Arendalsuka.
        Arendalsuka,
        /// Frokostmøte (breakfast meeting).
        Frokostmote,
        /// Seminar, webinar.
        Seminar,
        /// Conference.
        Konferanse,
        /// Anything else (dialogmøter, rundebordsmøter …).
        Annet,
    }
);

api_enum!(
    /// The council's part in an event.
    EventRole = "entity::enums::EventRole" {
        /// Arrangør.
        Organiser,
        /// Medarrangør.
        CoOrganiser,
        /// The council (or its chair) took part.
        Participant,
    }
);

api_enum!(
    /// Kinds of publications.
    PublicationKind = "entity::enums::PublicationKind" {
        /// Kronikk (op-ed).
        Kronikk,
        /// Høringssvar.
        Hoeringssvar,
        /// Innspill.
        Innspill,
        /// Report, e.g. the årsrapport.
        Rapport,
        /// Anything else.
        Annet,
    }
);

api_enum!(
    /// What became of a consultation round in the year.
    ConsultationOutcome = "crate::service::reports::ConsultationOutcome" {
        /// The council sent its høringssvar or innspill.
        Sent,
        /// The council chose not to answer.
        Declined,
        /// Nothing was sent and the deadline passed.
        Missed,
    }
);

/// The annual report is for logged-in users and tokens with `reports:read`.
fn may_read_reports(viewer: &Viewer) -> AppResult<()> {
    if policy::can_read_reports(viewer) {
        return Ok(());
    }
    Err(match viewer.user() {
        None => AppError::Unauthenticated,
        Some(_) => AppError::Forbidden,
    })
}

/// An event the council organised or took part in.
#[derive(SimpleObject)]
pub struct Event {
    /// The event's id.
    pub id: ID,
    /// Title, e.g. "Helsenæring: Hvordan ta sats med fart og kraft?".
    pub title: String,
    /// Arendalsuka, frokostmøte, seminar …
    pub kind: EventKind,
    /// Organiser, co-organiser or participant.
    pub role: EventRole,
    /// The day, if known.
    pub date: Option<NaiveDate>,
    /// Where.
    pub location: Option<String>,
    /// The programme page.
    pub url: Option<String>,
    /// Free description.
    pub description: Option<String>,
    /// The version to send back when editing.
    pub version: i32,
}

impl From<event::Model> for Event {
    fn from(m: event::Model) -> Self {
        Self {
            id: to_id(m.id),
            title: m.title,
            kind: m.kind.into(),
            role: m.role.into(),
            date: m.date,
            location: m.location,
            url: m.url,
            description: m.description,
            version: m.version,
        }
    }
}

/// Something the council published: kronikk, høringssvar, innspill, report.
#[derive(SimpleObject)]
pub struct Publication {
    /// The publication's id.
    pub id: ID,
    /// Title.
    pub title: String,
    /// Kronikk, høringssvar …
    pub kind: PublicationKind,
    /// Where it appeared, e.g. "Khrono".
    pub outlet: Option<String>,
    /// The day it appeared.
    pub published_on: Option<NaiveDate>,
    /// Link to it.
    pub url: Option<String>,
    /// The policy document it answers, if any.
    pub policy_document_id: Option<ID>,
    /// The version to send back when editing.
    pub version: i32,
}

impl From<publication::Model> for Publication {
    fn from(m: publication::Model) -> Self {
        Self {
            id: to_id(m.id),
            title: m.title,
            kind: m.kind.into(),
            outlet: m.outlet,
            published_on: m.published_on,
            url: m.url,
            policy_document_id: m.policy_document_id.map(to_id),
            version: m.version,
        }
    }
}

/// Present, digital and forfall counts, and the rate.
pub struct Attendance(service::AttendanceCounts);

#[Object(name = "ReportAttendance")]
impl Attendance {
    /// In the room.
    async fn present(&self) -> u32 {
        self.0.present
    }
    /// Digitally (counts as attending).
    async fn digital(&self) -> u32 {
        self.0.digital
    }
    /// Forfall.
    async fn absent(&self) -> u32 {
        self.0.absent
    }
    /// (present + digital) / (present + digital + forfall); null with no rows.
    async fn rate(&self) -> Option<f64> {
        self.0.rate()
    }
}

/// One held meeting's figures.
pub struct ReportMeeting(service::MeetingFigures);

#[Object]
impl ReportMeeting {
    /// The meeting's id.
    async fn meeting_id(&self) -> ID {
        to_id(self.0.meeting_id)
    }
    /// "2/2025".
    async fn code(&self) -> String {
        self.0.code()
    }
    /// The number in the year.
    async fn number(&self) -> i32 {
        self.0.number
    }
    /// The day.
    async fn date(&self) -> NaiveDate {
        self.0.date
    }
    /// Start time.
    async fn starts_at(&self) -> Option<NaiveTime> {
        self.0.starts_at
    }
    /// End time.
    async fn ends_at(&self) -> Option<NaiveTime> {
        self.0.ends_at
    }
    /// Physical, hybrid or digital.
    async fn format(&self) -> MeetingFormat {
        self.0.format.into()
    }
    /// Saker treated (withdrawn ones left out).
    async fn saker(&self) -> u32 {
        self.0.saker
    }
    /// Of those, saker that ended with a substantive vedtak.
    async fn substantive_vedtak(&self) -> u32 {
        self.0.substantive_vedtak
    }
    /// The members' attendance.
    async fn attendance(&self) -> Attendance {
        Attendance(self.0.attendance)
    }
    /// Møtende vara who attended.
    async fn substitutes(&self) -> u32 {
        self.0.substitutes
    }
}

/// Saker with one combination of types.
pub struct SakTypeFigures(service::TypeFigures);

#[Object]
impl SakTypeFigures {
    /// The combination, e.g. [DISKUSJON, VEDTAK]; empty for saker without a type.
    async fn types(&self) -> Vec<SakType> {
        self.0.types.iter().map(|t| (*t).into()).collect()
    }
    /// How many saker.
    async fn saker(&self) -> u32 {
        self.0.saker
    }
    /// How many of them ended with a substantive vedtak.
    async fn substantive_vedtak(&self) -> u32 {
        self.0.substantive_vedtak
    }
}

/// The year's saker.
pub struct ReportSaker(service::SakerFigures);

#[Object]
impl ReportSaker {
    /// Saker treated in held meetings (withdrawn ones left out).
    async fn total(&self) -> u32 {
        self.0.total
    }
    /// Of the total, standing agenda items (godkjenning, habilitet, orienteringer …).
    async fn standing(&self) -> u32 {
        self.0.standing
    }
    /// Saker that ended with a substantive vedtak: not a procedural standing item
    /// (godkjenning av innkalling or referat, habilitet, evaluering), and a vedtak that is
    /// not empty and not a non-decision such as "Intet" or "Tas til orientering".
    async fn substantive_vedtak(&self) -> u32 {
        self.0.substantive_vedtak
    }
    /// By combination of types; the groups add up to the total.
    async fn by_type(&self) -> Vec<SakTypeFigures> {
        self.0.by_type.iter().cloned().map(SakTypeFigures).collect()
    }
}

/// One member's attendance over the year's held meetings.
pub struct MemberAttendance(service::MemberAttendance);

#[Object]
impl MemberAttendance {
    /// The member's person id.
    async fn person_id(&self) -> ID {
        to_id(self.0.person_id)
    }
    /// The member's name.
    async fn name(&self) -> String {
        self.0.name.clone()
    }
    /// Present, digital, forfall and rate.
    async fn attendance(&self) -> Attendance {
        Attendance(self.0.counts)
    }
}

/// A høringssvar or innspill sent in the year, or a round left unanswered.
pub struct ReportConsultation(service::ConsultationFigure);

#[Object]
impl ReportConsultation {
    /// The consultation round's id.
    async fn round_id(&self) -> ID {
        to_id(self.0.round_id)
    }
    /// The policy document's id.
    async fn policy_document_id(&self) -> ID {
        to_id(self.0.policy_document_id)
    }
    /// The document's kind.
    async fn document_kind(&self) -> PolicyDocumentKind {
        self.0.document_kind.into()
    }
    /// The document: reference and title.
    async fn document(&self) -> String {
        self.0.document.clone()
    }
    /// Innspill, høring or hearing at Stortinget.
    async fn kind(&self) -> ConsultationKind {
        self.0.kind.into()
    }
    /// Sent, declined or missed.
    async fn outcome(&self) -> ConsultationOutcome {
        self.0.outcome.into()
    }
    /// The deadline, if known.
    async fn deadline(&self) -> Option<NaiveDate> {
        self.0.deadline
    }
    /// When the answer was sent.
    async fn sent_on(&self) -> Option<NaiveDate> {
        self.0.sent_on
    }
    /// The published answer.
    async fn response_url(&self) -> Option<String> {
        self.0.response_url.clone()
    }
}

/// A working group and what it did in the year.
pub struct ReportWorkingGroup(service::WorkingGroupFigure);

#[Object]
impl ReportWorkingGroup {
    /// The group's id.
    async fn working_group_id(&self) -> ID {
        to_id(self.0.working_group_id)
    }
    /// Name.
    async fn name(&self) -> String {
        self.0.name.clone()
    }
    /// Arbeidsgruppe, referansegruppe …
    async fn kind(&self) -> WorkingGroupKind {
        self.0.kind.into()
    }
    /// Status today.
    async fn status(&self) -> WorkingGroupStatus {
        self.0.status.into()
    }
    /// Start: its own date, else the day of the meeting whose sak set it up.
    async fn starts_on(&self) -> Option<NaiveDate> {
        self.0.starts_on
    }
    /// End, if set.
    async fn ends_on(&self) -> Option<NaiveDate> {
        self.0.ends_on
    }
    /// Set up this year.
    async fn set_up(&self) -> bool {
        self.0.set_up
    }
    /// At work during the year.
    async fn active(&self) -> bool {
        self.0.active
    }
    /// Finished this year.
    async fn finished(&self) -> bool {
        self.0.finished
    }
}

/// Follow-up items ("Rådet ber sekretariatet følge opp …").
#[derive(SimpleObject)]
pub struct ReportFollowUps {
    /// Opened by a sak of the year.
    pub opened: u32,
    /// Done during the year.
    pub closed: u32,
    /// Cancelled during the year.
    pub cancelled: u32,
    /// Opened by then and still open when the year ended.
    pub open_at_year_end: u32,
}

/// The årsrapport's figures for one year. How each figure is counted is written on its
/// field; the same figures come as CSV from `/reports/{year}/{table}.csv` and as a
/// document from `/documents/annual-report/{year}.pdf`.
pub struct AnnualReport(service::AnnualReport);

#[Object]
impl AnnualReport {
    /// The year.
    async fn year(&self) -> i32 {
        self.0.year
    }
    /// How many meetings were held (status held).
    async fn meetings_held(&self) -> usize {
        self.0.meetings.len()
    }
    /// How many of the year's meetings were cancelled.
    async fn meetings_cancelled(&self) -> u32 {
        self.0.meetings_cancelled
    }
    /// The held meetings, by date, with their saker and attendance.
    async fn meetings(&self) -> Vec<ReportMeeting> {
        self.0.meetings.iter().cloned().map(ReportMeeting).collect()
    }
    /// The saker of the held meetings.
    async fn saker(&self) -> ReportSaker {
        ReportSaker(self.0.saker.clone())
    }
    /// All members' attendance together (the members' list of each held meeting).
    async fn attendance(&self) -> Attendance {
        Attendance(self.0.attendance)
    }
    /// Each member's attendance, by name.
    async fn attendance_by_member(&self) -> Vec<MemberAttendance> {
        self.0
            .attendance_by_member
            .iter()
            .cloned()
            .map(MemberAttendance)
            .collect()
    }
    /// Høringssvar and innspill sent in the year (by date sent), and rounds with a deadline
    /// in the year that were declined or missed.
    async fn consultations(&self) -> Vec<ReportConsultation> {
        self.0
            .consultations
            .iter()
            .cloned()
            .map(ReportConsultation)
            .collect()
    }
    /// How many høringssvar and innspill were sent.
    async fn consultations_sent(&self) -> u32 {
        self.0
            .consultations_with(service::ConsultationOutcome::Sent)
    }
    /// How many rounds were missed (deadline passed, nothing sent).
    async fn consultations_missed(&self) -> u32 {
        self.0
            .consultations_with(service::ConsultationOutcome::Missed)
    }
    /// Working groups set up, at work or finished in the year (proposed ones left out).
    async fn working_groups(&self) -> Vec<ReportWorkingGroup> {
        self.0
            .working_groups
            .iter()
            .cloned()
            .map(ReportWorkingGroup)
            .collect()
    }
    /// Events dated in the year.
    async fn events(&self) -> Vec<Event> {
        self.0.events.iter().cloned().map(Event::from).collect()
    }
    /// Publications that appeared in the year.
    async fn publications(&self) -> Vec<Publication> {
        self.0
            .publications
            .iter()
            .cloned()
            .map(Publication::from)
            .collect()
    }
    /// Follow-up items opened and closed.
    async fn follow_ups(&self) -> ReportFollowUps {
        let f = self.0.follow_ups;
        ReportFollowUps {
            opened: f.opened,
            closed: f.closed,
            cancelled: f.cancelled,
            open_at_year_end: f.open_at_year_end,
        }
    }
}

#[derive(Default)]
pub struct ReportsQuery;

#[Object]
impl ReportsQuery {
    /// The årsrapport's figures for `year`: logged-in users and API tokens with the scope
    /// `reports:read`.
    #[graphql(complexity = "20 * child_complexity")]
    async fn annual_report(&self, ctx: &Context<'_>, year: i32) -> AppResult<AnnualReport> {
        may_read_reports(ctx.viewer())?;
        let r = service::annual_report(&ctx.db().read, year, oslo_today()).await?;
        Ok(AnnualReport(r))
    }

    /// Events, newest first; `year` keeps those dated in that year.
    #[graphql(complexity = "crate::graphql::list_complexity(first, child_complexity)")]
    async fn events(
        &self,
        ctx: &Context<'_>,
        year: Option<i32>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Event, TotalCount>> {
        may_read_reports(ctx.viewer())?;
        paginate(
            ctx.db(),
            service::events_query(year)?,
            first,
            after,
            Event::from,
        )
        .await
    }

    /// Publications, newest first; `year` keeps those that appeared in that year.
    #[graphql(complexity = "crate::graphql::list_complexity(first, child_complexity)")]
    async fn publications(
        &self,
        ctx: &Context<'_>,
        year: Option<i32>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Publication, TotalCount>> {
        may_read_reports(ctx.viewer())?;
        paginate(
            ctx.db(),
            service::publications_query(year)?,
            first,
            after,
            Publication::from,
        )
        .await
    }
}

/// An event to record.
#[derive(InputObject)]
pub struct EventData {
    /// Title (required, at most 300 characters).
    pub title: String,
    /// Kind.
    pub kind: EventKind,
    /// The council's part.
    pub role: EventRole,
    /// The day.
    pub date: Option<NaiveDate>,
    /// Where (at most 200 characters).
    pub location: Option<String>,
    /// Programme page, https://… (at most 500 characters).
    pub url: Option<String>,
    /// Description (at most 5000 characters).
    pub description: Option<String>,
}

impl From<EventData> for EventInput {
    fn from(d: EventData) -> Self {
        Self {
            title: d.title,
            kind: d.kind.into(),
            role: d.role.into(),
            date: d.date,
            location: d.location,
            url: d.url,
            description: d.description,
        }
    }
}

/// A publication to record.
#[derive(InputObject)]
pub struct PublicationData {
    /// Title (required, at most 300 characters).
    pub title: String,
    /// Kind.
    pub kind: PublicationKind,
    /// Where it appeared (at most 200 characters).
    pub outlet: Option<String>,
    /// The day it appeared.
    pub published_on: Option<NaiveDate>,
    /// Link, https://… (at most 500 characters).
    pub url: Option<String>,
    /// The policy document it answers.
    pub policy_document_id: Option<ID>,
}

impl TryFrom<PublicationData> for PublicationInput {
    type Error = AppError;
    fn try_from(d: PublicationData) -> AppResult<Self> {
        Ok(Self {
            title: d.title,
            kind: d.kind.into(),
            outlet: d.outlet,
            published_on: d.published_on,
            url: d.url,
            policy_document_id: d
                .policy_document_id
                .map(|id| parse_id(&id, "policyDocumentId"))
                .transpose()?,
        })
    }
}

#[derive(Default)]
pub struct ReportsMutation;

#[Object]
impl ReportsMutation {
    /// Records an event (secretariat).
    async fn create_event(&self, ctx: &Context<'_>, input: EventData) -> AppResult<Event> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let txn = ctx.db().write.begin().await?;
        let row = service::create_event(&txn, &proof, input.into()).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Changes an event; `version` is the one you saw (CONFLICT if it changed since).
    async fn update_event(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        input: EventData,
    ) -> AppResult<Event> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let row = service::update_event(&txn, &proof, (id, version), input.into()).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Deletes an event; returns its id.
    async fn delete_event(&self, ctx: &Context<'_>, id: ID, version: i32) -> AppResult<ID> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let row = service::delete_event(&txn, &proof, (id, version)).await?;
        txn.commit().await?;
        Ok(to_id(row.id))
    }

    /// Records a publication (secretariat).
    async fn create_publication(
        &self,
        ctx: &Context<'_>,
        input: PublicationData,
    ) -> AppResult<Publication> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let input = input.try_into()?;
        let txn = ctx.db().write.begin().await?;
        let row = service::create_publication(&txn, &proof, input).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Changes a publication; `version` is the one you saw (CONFLICT if it changed since).
    async fn update_publication(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        input: PublicationData,
    ) -> AppResult<Publication> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let input = input.try_into()?;
        let txn = ctx.db().write.begin().await?;
        let row = service::update_publication(&txn, &proof, (id, version), input).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Deletes a publication; returns its id.
    async fn delete_publication(&self, ctx: &Context<'_>, id: ID, version: i32) -> AppResult<ID> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let row = service::delete_publication(&txn, &proof, (id, version)).await?;
        txn.commit().await?;
        Ok(to_id(row.id))
    }
}
