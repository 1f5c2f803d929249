//! Policy documents, consultation rounds, the overview the council reviews, and deadlines.
use async_graphql::{
    ComplexObject, Context, ID, InputObject, MaybeUndefined, Object, SimpleObject,
    connection::Connection,
};
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use entity::{consultation_round, meeting, policy_document, sak, working_group};
use sea_orm::{QuerySelect, TransactionTrait};

use super::{
    ContextExt, MAX_PAGE, TotalCount, load_err, opt_id, paginate, parse_id, patch_id,
    saker::{Sak, readable_sak},
    to_id,
    working_groups::WorkingGroup,
};
use crate::{
    api_enum,
    auth::policy,
    error::{AppError, AppResult},
    loaders::{
        ById, HasMany,
        relations::{GroupsOfPolicyDocument, RoundsOfPolicyDocument},
    },
    service::consultations::{
        self as service, ConsultationRoundPatch, DeadlineFilter, DocumentFilter,
        NewConsultationRound, NewPolicyDocument, PolicyDocumentPatch, Visibility,
    },
};

api_enum!(
    /// Kinds of government documents the council follows.
    PolicyDocumentKind = "entity::enums::PolicyDocumentKind" {
        /// Stortingsmelding (Meld. St.).
        Melding,
        /// Norges offentlige utredninger.
        Nou,
        /// Strategi.
        Strategi,
        /// Handlingsplan.
        Handlingsplan,
        /// Veikart.
        Veikart,
        /// Forskrift.
        Forskrift,
        /// Lovforslag.
        Lovforslag,
        /// Statsbudsjettet.
        Statsbudsjett,
        /// Anything else: reports, utvalg, other organisations' papers.
        Annet,
    }
);

api_enum!(
    /// Kinds of consultation rounds.
    ConsultationKind = "entity::enums::ConsultationKind" {
        /// Innspill to the ministry before the document is launched.
        Innspill,
        /// Høring: the public consultation on a launched document or proposal.
        Hoering,
        /// Høring at Stortinget (the committee's hearing).
        StortingetHearing,
    }
);

api_enum!(
    /// The council's response to a consultation round.
    ResponseStatus = "entity::enums::ResponseStatus" {
        /// Being considered: no decision to answer yet.
        Considering,
        /// A response is being drafted.
        Drafting,
        /// The response was sent.
        Sent,
        /// The council decided not to answer.
        Declined,
        /// Not answered in time ("Ikke levert innspill").
        NotAnswered,
    }
);

/// How precisely a launch is known.
#[derive(async_graphql::Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaunchPrecision {
    /// An exact date.
    Day,
    /// A month ("juni 2019").
    Month,
    /// A season ("våren 2026", "høsten 2025").
    Season,
    /// A half year ("første halvår 2026").
    HalfYear,
    /// A year ("Lansering i løpet av 2025").
    Year,
    /// No date can be read from the text.
    Unknown,
}

impl From<service::LaunchPrecision> for LaunchPrecision {
    fn from(p: service::LaunchPrecision) -> Self {
        use service::LaunchPrecision as P;
        match p {
            P::Day => Self::Day,
            P::Month => Self::Month,
            P::Season => Self::Season,
            P::HalfYear => Self::HalfYear,
            P::Year => Self::Year,
            P::Unknown => Self::Unknown,
        }
    }
}

/// Why a deadline needs attention.
#[derive(async_graphql::Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineFlag {
    /// Shorter than six weeks from the round's opening: less than utredningsinstruksen's
    /// minimum høringsfrist.
    ShortDeadline,
    /// The round is still open and no working group answers it.
    NoWorkingGroup,
}

impl From<service::DeadlineFlag> for DeadlineFlag {
    fn from(f: service::DeadlineFlag) -> Self {
        match f {
            service::DeadlineFlag::ShortDeadline => Self::ShortDeadline,
            service::DeadlineFlag::NoWorkingGroup => Self::NoWorkingGroup,
        }
    }
}

/// When a document is (to be) launched: an exact date or the table's own words.
#[derive(SimpleObject, Clone)]
pub struct Launch {
    /// The exact date, when known.
    pub date: Option<NaiveDate>,
    /// As the table writes it: "Legges frem våren 2026", "Lansering i 2025 (utsatt)".
    pub text: Option<String>,
    /// The date the launch sorts by: the exact date, or the last day of the period the text
    /// names (spring 2026 → 2026-06-30), so a known date inside the period sorts first.
    pub sort_date: Option<NaiveDate>,
    /// How precisely the launch is known.
    pub precision: LaunchPrecision,
    /// The text says the launch is postponed ("utsatt").
    pub postponed: bool,
}

impl Launch {
    fn of(doc: &policy_document::Model) -> Self {
        let l = service::launch_of(doc);
        Self {
            date: doc.launch_date,
            text: doc.launch_text.clone(),
            sort_date: doc.launch_sort_date.or(l.sort_date),
            precision: l.precision.into(),
            postponed: l.postponed,
        }
    }
}

/// A government document the council follows: a melding, NOU, strategi, høring …
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct PolicyDocument {
    /// The document's id.
    pub id: ID,
    /// Melding, NOU, strategi …
    pub kind: PolicyDocumentKind,
    /// The official reference: "Meld. St. 21 (2024–2025)", "NOU 2025: 8".
    pub reference: Option<String>,
    /// The title.
    pub title: String,
    /// The ministry or agency responsible.
    pub ministry: Option<String>,
    /// Link to the document or the page about it.
    pub url: Option<String>,
    /// What it is about, and why the council follows it.
    pub summary: Option<String>,
    /// When it is (to be) launched.
    pub launch: Launch,
    /// The secretariat's proposal for follow-up ("Forslag videre oppfølging").
    pub follow_up_proposal: Option<String>,
    /// The council's decision on the follow-up.
    pub decision: Option<String>,
    /// Whether the document is on the overview the council reviews.
    pub on_overview: bool,
    /// Its row on the overview (1 = top); null when off the overview.
    pub overview_position: Option<i32>,
    /// The version to send back when editing.
    pub version: i32,
    /// When the document was last changed.
    pub updated_at: DateTime<Utc>,
    #[graphql(skip)]
    pub raw: policy_document::Model,
}

impl From<policy_document::Model> for PolicyDocument {
    fn from(m: policy_document::Model) -> Self {
        Self {
            id: to_id(m.id),
            kind: m.kind.into(),
            reference: m.reference.clone(),
            title: m.title.clone(),
            ministry: m.ministry.clone(),
            url: m.url.clone(),
            summary: m.summary.clone(),
            launch: Launch::of(&m),
            follow_up_proposal: m.follow_up_proposal.clone(),
            decision: m.decision.clone(),
            on_overview: m.on_overview,
            overview_position: m.overview_position,
            version: m.version,
            updated_at: m.updated_at,
            raw: m,
        }
    }
}

/// The meetings of the saker with these ids, by sak id, in two batched loads.
pub(crate) async fn meetings_of_saker(
    ctx: &Context<'_>,
    sak_ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, meeting::Model>> {
    let saker = ctx
        .loader::<ById<sak::Entity>>()
        .load_many(sak_ids)
        .await
        .map_err(load_err)?;
    let meetings = ctx
        .loader::<ById<meeting::Entity>>()
        .load_many(saker.values().map(|s| s.meeting_id))
        .await
        .map_err(load_err)?;
    Ok(saker
        .into_iter()
        .filter_map(|(id, s)| meetings.get(&s.meeting_id).map(|m| (id, m.clone())))
        .collect())
}

/// The ids of the documents among `docs` the viewer may see: all for the council and
/// deadline integrations, else those treated in a sak whose meeting papers are public.
pub(crate) async fn visible_document_ids(
    ctx: &Context<'_>,
    docs: &[&policy_document::Model],
) -> AppResult<HashSet<i32>> {
    if Visibility::of(ctx.viewer()) == Visibility::All {
        return Ok(docs.iter().map(|d| d.id).collect());
    }
    let meetings = meetings_of_saker(ctx, docs.iter().filter_map(|d| d.decided_in_sak_id)).await?;
    Ok(docs
        .iter()
        .filter(|d| {
            d.decided_in_sak_id
                .and_then(|s| meetings.get(&s))
                .is_some_and(|m| policy::can_read_meeting(ctx.viewer(), m))
        })
        .map(|d| d.id)
        .collect())
}

/// Whether the viewer may see a document reached through a link.
pub(crate) async fn document_visible(
    ctx: &Context<'_>,
    doc: &policy_document::Model,
) -> AppResult<bool> {
    Ok(visible_document_ids(ctx, &[doc]).await?.contains(&doc.id))
}

#[ComplexObject]
impl PolicyDocument {
    /// The consultation rounds: innspill, then høring, then Stortinget; by date within each.
    async fn consultation_rounds(&self, ctx: &Context<'_>) -> AppResult<Vec<ConsultationRound>> {
        Ok(rounds_of(ctx, self.raw.id)
            .await?
            .into_iter()
            .map(ConsultationRound::from)
            .collect())
    }

    /// The sak in which the council treated the document and decided its follow-up.
    async fn decided_in_sak(&self, ctx: &Context<'_>) -> AppResult<Option<Sak>> {
        readable_sak(ctx, self.raw.decided_in_sak_id).await
    }

    /// Working groups linked to the document.
    async fn working_groups(&self, ctx: &Context<'_>) -> AppResult<Vec<WorkingGroup>> {
        let rows = ctx
            .loader::<HasMany<GroupsOfPolicyDocument>>()
            .load_one(self.raw.id)
            .await
            .map_err(load_err)?
            .unwrap_or_default();
        let visible =
            super::working_groups::visible_group_ids(ctx, &rows.iter().collect::<Vec<_>>()).await?;
        Ok(rows
            .into_iter()
            .filter(|g| visible.contains(&g.id))
            .map(WorkingGroup::from)
            .collect())
    }
}

async fn rounds_of(ctx: &Context<'_>, doc_id: i32) -> AppResult<Vec<consultation_round::Model>> {
    let mut rows = ctx
        .loader::<HasMany<RoundsOfPolicyDocument>>()
        .load_one(doc_id)
        .await
        .map_err(load_err)?
        .unwrap_or_default();
    service::sort_rounds(&mut rows);
    Ok(rows)
}

/// A round of input on a policy document, with its deadline and the council's response.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct ConsultationRound {
    /// The round's id.
    pub id: ID,
    /// Innspill, høring or hearing at Stortinget.
    pub kind: ConsultationKind,
    /// When the round opened (høringen sendt ut), if known.
    pub opens_on: Option<NaiveDate>,
    /// The deadline (høringsfrist).
    pub deadline: Option<NaiveDate>,
    /// The deadline as the papers write it: "Høringsfrist 22.12.2025".
    pub deadline_text: Option<String>,
    /// Where the council's response stands.
    pub response_status: ResponseStatus,
    /// When the response was sent.
    pub sent_on: Option<NaiveDate>,
    /// Link to the response as published.
    pub response_url: Option<String>,
    /// Free note, e.g. "Ikke levert uttalelse til fristen 6.1.2025".
    pub note: Option<String>,
    /// The ministry withdrew the round.
    pub withdrawn: bool,
    /// Still to be answered: considering or drafting, and not withdrawn.
    pub open: bool,
    /// The version to send back when editing.
    pub version: i32,
    /// When the round was last changed.
    pub updated_at: DateTime<Utc>,
    #[graphql(skip)]
    pub raw: consultation_round::Model,
}

impl From<consultation_round::Model> for ConsultationRound {
    fn from(m: consultation_round::Model) -> Self {
        Self {
            id: to_id(m.id),
            kind: m.kind.into(),
            opens_on: m.opens_on,
            deadline: m.deadline,
            deadline_text: m.deadline_text.clone(),
            response_status: m.response_status.into(),
            sent_on: m.sent_on,
            response_url: m.response_url.clone(),
            note: m.note.clone(),
            withdrawn: m.withdrawn,
            open: service::is_open(&m),
            version: m.version,
            updated_at: m.updated_at,
            raw: m,
        }
    }
}

impl ConsultationRound {
    async fn document(&self, ctx: &Context<'_>) -> AppResult<Option<policy_document::Model>> {
        ctx.loader::<ById<policy_document::Entity>>()
            .load_one(self.raw.policy_document_id)
            .await
            .map_err(load_err)
    }
}

#[ComplexObject]
impl ConsultationRound {
    /// The document the round is about.
    async fn policy_document(&self, ctx: &Context<'_>) -> AppResult<Option<PolicyDocument>> {
        let Some(doc) = self.document(ctx).await? else {
            return Ok(None);
        };
        if !document_visible(ctx, &doc).await? {
            return Ok(None);
        }
        Ok(Some(doc.into()))
    }

    /// Days from the round's opening (or, for a høring, the document's launch) to the
    /// deadline; null when the opening is not known.
    async fn consultation_days(&self, ctx: &Context<'_>) -> AppResult<Option<i64>> {
        let doc = self.document(ctx).await?;
        Ok(service::consultation_days(&self.raw, doc.as_ref()))
    }

    /// What needs attention: a deadline shorter than six weeks, no working group answering.
    async fn flags(&self, ctx: &Context<'_>) -> AppResult<Vec<DeadlineFlag>> {
        let doc = self.document(ctx).await?;
        Ok(service::deadline_flags(&self.raw, doc.as_ref())
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The working group that answers the round.
    async fn working_group(&self, ctx: &Context<'_>) -> AppResult<Option<WorkingGroup>> {
        let Some(id) = self.raw.working_group_id else {
            return Ok(None);
        };
        let Some(g) = ctx
            .loader::<ById<working_group::Entity>>()
            .load_one(id)
            .await
            .map_err(load_err)?
        else {
            return Ok(None);
        };
        if !super::working_groups::group_visible(ctx, &g).await? {
            return Ok(None);
        }
        Ok(Some(g.into()))
    }
}

/// One row of "Oversikt meldinger og strategier", with the table's columns.
#[derive(SimpleObject)]
pub struct OverviewRow {
    /// The row number (1 = top).
    pub position: i32,
    /// Melding/strategi/NOU: the document.
    pub document: PolicyDocument,
    /// Innspill fra HO21-rådet: the rounds of input before launch.
    pub innspill: Vec<ConsultationRound>,
    /// Lansering.
    pub launch: Launch,
    /// Høring: the høring and any hearing at Stortinget, with the council's response.
    pub hoering: Vec<ConsultationRound>,
    /// Forslag videre oppfølging: the secretariat's proposal.
    pub follow_up_proposal: Option<String>,
}

/// A new policy document.
#[derive(InputObject)]
pub struct CreatePolicyDocumentInput {
    /// Melding, NOU, strategi …
    pub kind: PolicyDocumentKind,
    /// The official reference: "Meld. St. 21 (2024–2025)".
    pub reference: Option<String>,
    /// The title.
    pub title: String,
    /// The ministry or agency responsible.
    pub ministry: Option<String>,
    /// Link (https://…).
    pub url: Option<String>,
    /// What it is about.
    pub summary: Option<String>,
    /// The exact launch date, when known.
    pub launch_date: Option<NaiveDate>,
    /// The launch as the table writes it; a fuzzy text still sorts ("våren 2026").
    pub launch_text: Option<String>,
    /// The secretariat's proposal for follow-up.
    pub follow_up_proposal: Option<String>,
    /// The council's decision on the follow-up.
    pub decision: Option<String>,
    /// The sak in which the document is treated.
    pub decided_in_sak_id: Option<ID>,
    /// Put it on the overview (at the bottom). Default true.
    #[graphql(default = true)]
    pub on_overview: bool,
}

/// Changes to a policy document: leave a field out to keep it, send null to clear it.
#[derive(InputObject)]
pub struct UpdatePolicyDocumentInput {
    /// The document.
    pub id: ID,
    /// The version you edited.
    pub version: i32,
    /// Melding, NOU, strategi …
    pub kind: Option<PolicyDocumentKind>,
    /// The official reference.
    pub reference: MaybeUndefined<String>,
    /// The title.
    pub title: Option<String>,
    /// The ministry or agency responsible.
    pub ministry: MaybeUndefined<String>,
    /// Link (https://…).
    pub url: MaybeUndefined<String>,
    /// What it is about.
    pub summary: MaybeUndefined<String>,
    /// The exact launch date.
    pub launch_date: MaybeUndefined<NaiveDate>,
    /// The launch as the table writes it.
    pub launch_text: MaybeUndefined<String>,
    /// The secretariat's proposal for follow-up.
    pub follow_up_proposal: MaybeUndefined<String>,
    /// The council's decision on the follow-up.
    pub decision: MaybeUndefined<String>,
    /// The sak in which the document was treated.
    pub decided_in_sak_id: MaybeUndefined<ID>,
}

/// A new consultation round on a document.
#[derive(InputObject)]
pub struct AddConsultationRoundInput {
    /// The document.
    pub policy_document_id: ID,
    /// Innspill, høring or hearing at Stortinget.
    pub kind: ConsultationKind,
    /// When the round opened.
    pub opens_on: Option<NaiveDate>,
    /// The deadline.
    pub deadline: Option<NaiveDate>,
    /// The deadline as the papers write it.
    pub deadline_text: Option<String>,
    /// Where the council's response stands. Default CONSIDERING.
    #[graphql(default_with = "ResponseStatus::Considering")]
    pub response_status: ResponseStatus,
    /// When the response was sent (only with status SENT).
    pub sent_on: Option<NaiveDate>,
    /// Link to the response (https://…).
    pub response_url: Option<String>,
    /// Free note.
    pub note: Option<String>,
    /// The working group that answers.
    pub working_group_id: Option<ID>,
}

/// Changes to a consultation round: leave a field out to keep it, send null to clear it.
#[derive(InputObject)]
pub struct UpdateConsultationRoundInput {
    /// The round.
    pub id: ID,
    /// The version you edited.
    pub version: i32,
    /// Innspill, høring or hearing at Stortinget.
    pub kind: Option<ConsultationKind>,
    /// When the round opened.
    pub opens_on: MaybeUndefined<NaiveDate>,
    /// The deadline.
    pub deadline: MaybeUndefined<NaiveDate>,
    /// The deadline as the papers write it.
    pub deadline_text: MaybeUndefined<String>,
    /// Where the council's response stands.
    pub response_status: Option<ResponseStatus>,
    /// When the response was sent (only with status SENT).
    pub sent_on: MaybeUndefined<NaiveDate>,
    /// Link to the response.
    pub response_url: MaybeUndefined<String>,
    /// Free note.
    pub note: MaybeUndefined<String>,
    /// The working group that answers; null to unassign.
    pub working_group_id: MaybeUndefined<ID>,
    /// The ministry withdrew the round.
    pub withdrawn: Option<bool>,
}

/// The longest window `upcomingDeadlines` looks ahead.
/// The overview's rows as the complexity limit counts them. The table in the papers has 18
/// (sak 34/3/2025) and documents without follow-up leave it; counting 100 refused the
/// whole table the web page and the paper show.
const OVERVIEW_ROWS: usize = 25;
const MAX_DAYS_AHEAD: i32 = 366;
const DEFAULT_DAYS_AHEAD: i32 = service::MINIMUM_CONSULTATION_DAYS as i32;

#[derive(Default)]
pub struct ConsultationsQuery;

#[Object]
impl ConsultationsQuery {
    /// Policy documents, newest launch first (unknown launches last), then by title.
    /// Without a login or a deadlines token, only documents treated in published papers.
    #[graphql(complexity = "crate::graphql::list_complexity(first, child_complexity)")]
    #[allow(clippy::too_many_arguments)]
    async fn policy_documents(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only documents of this kind.")] kind: Option<PolicyDocumentKind>,
        #[graphql(desc = "Only documents of this ministry (case-insensitive).")] ministry: Option<
            String,
        >,
        #[graphql(desc = "Only documents on (true) or off (false) the overview.")]
        on_overview: Option<bool>,
        #[graphql(desc = "Launch (sort date) on or after this day.")] launched_from: Option<
            NaiveDate,
        >,
        #[graphql(desc = "Launch (sort date) on or before this day.")] launched_to: Option<
            NaiveDate,
        >,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, PolicyDocument, TotalCount>> {
        let query = service::documents(
            Visibility::of(ctx.viewer()),
            DocumentFilter {
                kind: kind.map(Into::into),
                ministry,
                on_overview,
                launched_from,
                launched_to,
            },
        )?;
        paginate(ctx.db(), query, first, after, PolicyDocument::from).await
    }

    /// One policy document.
    async fn policy_document(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> AppResult<Option<PolicyDocument>> {
        let id = parse_id(&id, "id")?;
        let doc = service::find_visible_document(&ctx.db().read, Visibility::of(ctx.viewer()), id)
            .await?;
        Ok(doc.map(Into::into))
    }

    /// "Oversikt meldinger og strategier" exactly as the council reviews it: one row per
    /// document on the overview, in the secretariat's order. The papers' table is not sorted
    /// by date: rows stay where they are from meeting to meeting and new ones are added at the
    /// bottom, so members find last meeting's rows where they left them. That order is
    /// `overviewPosition`; the secretariat can move a row with
    /// `movePolicyDocumentOnOverview`.
    #[graphql(complexity = "OVERVIEW_ROWS * child_complexity")]
    async fn overview(&self, ctx: &Context<'_>) -> AppResult<Vec<OverviewRow>> {
        let docs =
            service::overview_documents(&ctx.db().read, Visibility::of(ctx.viewer())).await?;
        let rounds = ctx
            .loader::<HasMany<RoundsOfPolicyDocument>>()
            .load_many(docs.iter().map(|d| d.id))
            .await
            .map_err(load_err)?;
        Ok(docs
            .into_iter()
            .enumerate()
            .map(|(i, doc)| {
                let (innspill, hoering) =
                    service::overview_columns(rounds.get(&doc.id).cloned().unwrap_or_default());
                OverviewRow {
                    position: i as i32 + 1,
                    launch: Launch::of(&doc),
                    follow_up_proposal: doc.follow_up_proposal.clone(),
                    document: doc.into(),
                    innspill: innspill.into_iter().map(Into::into).collect(),
                    hoering: hoering.into_iter().map(Into::into).collect(),
                }
            })
            .collect())
    }

    /// Deadlines from `from` (today in Norway if not given) and `days` ahead (default 42, at
    /// most 366), soonest first; withdrawn rounds are left out. At most 100 rounds.
    /// Integrations use an API token with the `deadlines:read` scope; without one, only
    /// deadlines of documents treated in published papers.
    #[graphql(complexity = "100 * child_complexity")]
    async fn upcoming_deadlines(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The first day; today in Norway if not given.")] from: Option<NaiveDate>,
        #[graphql(
            desc = "How many days ahead (0–366); default 42, the six weeks of the shortest høringsfrist."
        )]
        days: Option<i32>,
    ) -> AppResult<Vec<ConsultationRound>> {
        let days = days.unwrap_or(DEFAULT_DAYS_AHEAD);
        if !(0..=MAX_DAYS_AHEAD).contains(&days) {
            return Err(AppError::validation(
                "days",
                format!("days must be between 0 and {MAX_DAYS_AHEAD}"),
            ));
        }
        let from = from.unwrap_or_else(service::oslo_today);
        let query = service::deadlines(
            Visibility::of(ctx.viewer()),
            DeadlineFilter {
                from: Some(from),
                to: from.checked_add_days(chrono::Days::new(days as u64)),
                ..Default::default()
            },
        )?;
        let rows = query.limit(MAX_PAGE as u64).all(&ctx.db().read).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Consultation rounds with a deadline, soonest first, filtered for integrations.
    /// Same visibility as `upcomingDeadlines`.
    #[graphql(complexity = "crate::graphql::list_complexity(first, child_complexity)")]
    #[allow(clippy::too_many_arguments)]
    async fn deadlines(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only these response statuses.")] status: Option<Vec<ResponseStatus>>,
        #[graphql(desc = "Only these kinds of round.")] kind: Option<Vec<ConsultationKind>>,
        #[graphql(desc = "Only documents of this ministry (case-insensitive).")] ministry: Option<
            String,
        >,
        #[graphql(desc = "Deadlines on or after this day.")] from: Option<NaiveDate>,
        #[graphql(desc = "Deadlines on or before this day.")] to: Option<NaiveDate>,
        #[graphql(desc = "Only rounds this working group answers.")] working_group_id: Option<ID>,
        #[graphql(desc = "Only documents on (true) or off (false) the overview.")]
        on_overview: Option<bool>,
        #[graphql(desc = "Include rounds the ministry withdrew (default false).")]
        include_withdrawn: Option<bool>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, ConsultationRound, TotalCount>> {
        let (status, kind) = (status.unwrap_or_default(), kind.unwrap_or_default());
        if status.len() > 5 || kind.len() > 3 {
            return Err(AppError::validation("status", "Too many values"));
        }
        let query = service::deadlines(
            Visibility::of(ctx.viewer()),
            DeadlineFilter {
                statuses: status.into_iter().map(Into::into).collect(),
                kinds: kind.into_iter().map(Into::into).collect(),
                ministry,
                from,
                to,
                working_group_id: opt_id(working_group_id, "workingGroupId")?,
                include_withdrawn: include_withdrawn.unwrap_or(false),
                on_overview,
            },
        )?;
        paginate(ctx.db(), query, first, after, ConsultationRound::from).await
    }

    /// One consultation round.
    async fn consultation_round(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> AppResult<Option<ConsultationRound>> {
        let id = parse_id(&id, "id")?;
        let db = &ctx.db().read;
        let Ok(round) = service::find_round(db, id).await else {
            return Ok(None);
        };
        let visible = service::find_visible_document(
            db,
            Visibility::of(ctx.viewer()),
            round.policy_document_id,
        )
        .await?;
        Ok(visible.map(|_| round.into()))
    }
}

#[derive(Default)]
pub struct ConsultationsMutation;

#[Object]
impl ConsultationsMutation {
    /// Adds a policy document (by default at the bottom of the overview).
    async fn create_policy_document(
        &self,
        ctx: &Context<'_>,
        input: CreatePolicyDocumentInput,
    ) -> AppResult<PolicyDocument> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let new = NewPolicyDocument {
            kind: input.kind.into(),
            reference: input.reference,
            title: input.title,
            ministry: input.ministry,
            url: input.url,
            summary: input.summary,
            launch_date: input.launch_date,
            launch_text: input.launch_text,
            follow_up_proposal: input.follow_up_proposal,
            decision: input.decision,
            decided_in_sak_id: opt_id(input.decided_in_sak_id, "decidedInSakId")?,
            on_overview: input.on_overview,
        };
        let txn = ctx.db().write.begin().await?;
        let doc = service::create_policy_document(&txn, &proof, new).await?;
        txn.commit().await?;
        Ok(doc.into())
    }

    /// Edits a policy document.
    async fn update_policy_document(
        &self,
        ctx: &Context<'_>,
        input: UpdatePolicyDocumentInput,
    ) -> AppResult<PolicyDocument> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&input.id, "id")?;
        let patch = PolicyDocumentPatch {
            kind: input.kind.map(Into::into),
            reference: input.reference.into(),
            title: input.title,
            ministry: input.ministry.into(),
            url: input.url.into(),
            summary: input.summary.into(),
            launch_date: input.launch_date.into(),
            launch_text: input.launch_text.into(),
            follow_up_proposal: input.follow_up_proposal.into(),
            decision: input.decision.into(),
            decided_in_sak_id: patch_id(input.decided_in_sak_id, "decidedInSakId")?,
        };
        let txn = ctx.db().write.begin().await?;
        let doc = service::update_policy_document(&txn, &proof, id, input.version, patch).await?;
        txn.commit().await?;
        Ok(doc.into())
    }

    /// Takes a document off the overview without deleting it (false), or puts it back at
    /// the bottom (true).
    async fn set_policy_document_on_overview(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        on_overview: bool,
    ) -> AppResult<PolicyDocument> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let doc = service::set_on_overview(&txn, &proof, id, version, on_overview).await?;
        txn.commit().await?;
        Ok(doc.into())
    }

    /// Moves a row of the overview to `position` (1 = top).
    async fn move_policy_document_on_overview(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        position: i32,
    ) -> AppResult<PolicyDocument> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let doc = service::move_on_overview(&txn, &proof, id, version, position).await?;
        txn.commit().await?;
        Ok(doc.into())
    }

    /// Adds a consultation round (innspill, høring, hearing at Stortinget) to a document.
    async fn add_consultation_round(
        &self,
        ctx: &Context<'_>,
        input: AddConsultationRoundInput,
    ) -> AppResult<ConsultationRound> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let new = NewConsultationRound {
            policy_document_id: parse_id(&input.policy_document_id, "policyDocumentId")?,
            kind: input.kind.into(),
            opens_on: input.opens_on,
            deadline: input.deadline,
            deadline_text: input.deadline_text,
            response_status: input.response_status.into(),
            sent_on: input.sent_on,
            response_url: input.response_url,
            note: input.note,
            working_group_id: opt_id(input.working_group_id, "workingGroupId")?,
        };
        let txn = ctx.db().write.begin().await?;
        let round = service::add_consultation_round(&txn, &proof, new).await?;
        txn.commit().await?;
        Ok(round.into())
    }

    /// Edits a consultation round: its deadline, the council's response, who answers, or
    /// that the ministry withdrew it.
    async fn update_consultation_round(
        &self,
        ctx: &Context<'_>,
        input: UpdateConsultationRoundInput,
    ) -> AppResult<ConsultationRound> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&input.id, "id")?;
        let patch = ConsultationRoundPatch {
            kind: input.kind.map(Into::into),
            opens_on: input.opens_on.into(),
            deadline: input.deadline.into(),
            deadline_text: input.deadline_text.into(),
            response_status: input.response_status.map(Into::into),
            sent_on: input.sent_on.into(),
            response_url: input.response_url.into(),
            note: input.note.into(),
            working_group_id: patch_id(input.working_group_id, "workingGroupId")?,
            withdrawn: input.withdrawn,
        };
        let txn = ctx.db().write.begin().await?;
        let round =
            service::update_consultation_round(&txn, &proof, id, input.version, patch).await?;
        txn.commit().await?;
        Ok(round.into())
    }
}
