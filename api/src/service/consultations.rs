//! Policy documents the council follows ("Oversikt meldinger og strategier"), their
//! consultation rounds (innspill, høring, hearing at Stortinget) and the deadlines that
//! integrations read.
use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate};
use entity::{
    consultation_round,
    enums::{ConsultationKind, MeetingStatus, PolicyDocumentKind, ResponseStatus},
    meeting, policy_document, sak,
};
use regex::Regex;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, QuerySelect, QueryTrait, Select, Set,
    sea_query::{Expr, Func, SimpleExpr},
};

use super::{audit, clean_text, required_text, update_versioned};
use crate::{
    auth::{
        Viewer,
        policy::{self, Proof, SecretariatWrite},
    },
    error::{AppError, AppResult},
};

/// Utredningsinstruksen § 3-3: a høringsfrist should be at least three months and is never
/// shorter than six weeks; anything shorter is flagged.
pub const MINIMUM_CONSULTATION_DAYS: i64 = 42;

// ---------------------------------------------------------------------------------------
// Launch: an exact date, or the papers' fuzzy text ("Legges frem våren 2026").

/// How precisely a launch is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaunchPrecision {
    Day,
    Month,
    Season,
    HalfYear,
    Year,
    Unknown,
}

/// A launch as the table writes it, with a date that sorts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Launch {
    /// The last day of the period the text names: a document promised "våren 2026" may
    /// still come on 30 June, so it sorts after every known date of that spring.
    pub sort_date: Option<NaiveDate>,
    pub precision: LaunchPrecision,
    /// "(utsatt)": the ministry has postponed it.
    pub postponed: bool,
}

const MONTHS: [(&str, u32); 21] = [
    ("januar", 1),
    ("februar", 2),
    ("mars", 3),
    ("april", 4),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("desember", 12),
    ("jan", 1),
    ("feb", 2),
    ("apr", 4),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("nov", 11),
    ("des", 12),
];

fn month_number(word: &str) -> Option<u32> {
    MONTHS.iter().find(|(m, _)| *m == word).map(|(_, n)| *n)
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).map(|d| d - Duration::days(1))
}

fn full_year(s: &str) -> Option<i32> {
    let n: i32 = s.parse().ok()?;
    match s.len() {
        2 => Some(2000 + n),
        4 => Some(n),
        _ => None,
    }
}

static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b").unwrap_or_else(|_| unreachable!())
});
static WORD_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})\b").unwrap_or_else(|_| unreachable!())
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([a-zæøå]+)\s+(\d{4})\b").unwrap_or_else(|_| unreachable!()));
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(19\d{2}|20\d{2}|21\d{2})\b").unwrap_or_else(|_| unreachable!())
});

/// The period a season word names, as (first month, last month). Government usage: "våren"
/// is the spring session (January–June), "høsten" the autumn session (August–December).
fn season(word: &str) -> Option<(LaunchPrecision, u32)> {
    let w = word.trim_start_matches("sen").trim_start_matches("tidlig");
    let end_month = match w {
        "våren" | "vår" | "vårparten" => 6,
        "sommeren" | "sommer" => 8,
        "høsten" | "høst" | "høstparten" => 12,
        "vinteren" | "vinter" => 3,
        _ => return None,
    };
    Some((LaunchPrecision::Season, end_month))
}

/// Reads the launch text of the table. Exact dates win over months, months over seasons,
/// seasons over years; text without any date sorts last (`sort_date` is `None`).
pub fn parse_launch(text: &str) -> Launch {
    let lower = text.to_lowercase();
    let postponed = lower.contains("utsatt");
    let found = |sort_date: Option<NaiveDate>, precision| Launch {
        sort_date,
        precision,
        postponed,
    };
    for c in NUMERIC_DATE.captures_iter(&lower) {
        let date = full_year(&c[3])
            .and_then(|y| NaiveDate::from_ymd_opt(y, c[2].parse().ok()?, c[1].parse().ok()?));
        if date.is_some() {
            return found(date, LaunchPrecision::Day);
        }
    }
    for c in WORD_DATE.captures_iter(&lower) {
        let date = month_number(&c[2])
            .and_then(|m| NaiveDate::from_ymd_opt(c[3].parse().ok()?, m, c[1].parse().ok()?));
        if date.is_some() {
            return found(date, LaunchPrecision::Day);
        }
    }
    for c in MONTH_YEAR.captures_iter(&lower) {
        let Ok(year) = c[2].parse::<i32>() else {
            continue;
        };
        if let Some(m) = month_number(&c[1]) {
            return found(last_day_of_month(year, m), LaunchPrecision::Month);
        }
        if let Some((precision, end)) = season(&c[1]) {
            return found(last_day_of_month(year, end), precision);
        }
        if &c[1] == "halvår" {
            let before = lower[..c.get(1).map_or(0, |m| m.start())].trim_end();
            let end = if before.ends_with("første") || before.ends_with("1.") {
                6
            } else {
                12
            };
            return found(last_day_of_month(year, end), LaunchPrecision::HalfYear);
        }
    }
    if let Some(c) = YEAR.captures(&lower)
        && let Ok(year) = c[1].parse::<i32>()
    {
        let half = if lower.contains("første halvår") {
            Some(6)
        } else if lower.contains("andre halvår") {
            Some(12)
        } else {
            None
        };
        return match half {
            Some(end) => found(last_day_of_month(year, end), LaunchPrecision::HalfYear),
            None => found(NaiveDate::from_ymd_opt(year, 12, 31), LaunchPrecision::Year),
        };
    }
    found(None, LaunchPrecision::Unknown)
}

/// The launch of a stored document: the exact date when known, else its text.
pub fn launch_of(doc: &policy_document::Model) -> Launch {
    match (doc.launch_date, doc.launch_text.as_deref()) {
        (Some(d), text) => Launch {
            sort_date: Some(d),
            precision: LaunchPrecision::Day,
            postponed: text.is_some_and(|t| t.to_lowercase().contains("utsatt")),
        },
        (None, Some(t)) => parse_launch(t),
        (None, None) => Launch {
            sort_date: None,
            precision: LaunchPrecision::Unknown,
            postponed: false,
        },
    }
}

// ---------------------------------------------------------------------------------------
// Validation shared by the inputs.

/// Dates outside this range are typing errors ("0025" for "2025"), not history.
fn plausible_date(field: &str, d: Option<NaiveDate>) -> AppResult<Option<NaiveDate>> {
    match d {
        Some(d) if !(1990..=2100).contains(&d.year()) => Err(AppError::validation(
            field,
            format!("{d} is not a plausible date (years 1990–2100)"),
        )),
        other => Ok(other),
    }
}

fn clean_url(field: &str, value: Option<String>) -> AppResult<Option<String>> {
    let url = clean_text(field, value, 2000)?;
    match url {
        Some(u) if !(u.starts_with("https://") || u.starts_with("http://")) => Err(
            AppError::validation(field, "A link must start with https:// or http://"),
        ),
        Some(u) if u.chars().any(char::is_whitespace) => {
            Err(AppError::validation(field, "A link cannot contain spaces"))
        }
        other => Ok(other),
    }
}

/// A foreign key that points nowhere becomes an error on the field that named it.
fn fk_field(field: &'static str) -> impl Fn(sea_orm::DbErr) -> AppError {
    move |e| match AppError::from(e) {
        AppError::Validation { .. } => {
            AppError::validation(field, "No such record, or it cannot be linked")
        }
        other => other,
    }
}

// ---------------------------------------------------------------------------------------
// Policy documents.

/// A new row for the overview, or a document kept for the record.
#[derive(Clone, Debug)]
pub struct NewPolicyDocument {
    pub kind: PolicyDocumentKind,
    /// "Meld. St. 21 (2024–2025)", "NOU 2025: 8".
    pub reference: Option<String>,
    pub title: String,
    pub ministry: Option<String>,
    pub url: Option<String>,
    pub summary: Option<String>,
    pub launch_date: Option<NaiveDate>,
    /// As the table writes it: "Legges frem våren 2026", "Lansering i 2025 (utsatt)".
    pub launch_text: Option<String>,
    pub follow_up_proposal: Option<String>,
    pub decision: Option<String>,
    pub decided_in_sak_id: Option<i32>,
    /// On the overview: appended at the bottom, as the secretariat adds rows.
    pub on_overview: bool,
}

struct DocumentFields {
    kind: PolicyDocumentKind,
    reference: Option<String>,
    title: String,
    ministry: Option<String>,
    url: Option<String>,
    summary: Option<String>,
    launch_date: Option<NaiveDate>,
    launch_text: Option<String>,
    follow_up_proposal: Option<String>,
    decision: Option<String>,
    decided_in_sak_id: Option<i32>,
}

impl DocumentFields {
    fn check(self) -> AppResult<Self> {
        Ok(Self {
            kind: self.kind,
            reference: clean_text("reference", self.reference, 200)?,
            title: required_text("title", self.title, 500)?,
            ministry: clean_text("ministry", self.ministry, 200)?,
            url: clean_url("url", self.url)?,
            summary: clean_text("summary", self.summary, 20_000)?,
            launch_date: plausible_date("launchDate", self.launch_date)?,
            launch_text: clean_text("launchText", self.launch_text, 300)?,
            follow_up_proposal: clean_text("followUpProposal", self.follow_up_proposal, 10_000)?,
            decision: clean_text("decision", self.decision, 10_000)?,
            decided_in_sak_id: self.decided_in_sak_id,
        })
    }

    fn sort_date(&self) -> Option<NaiveDate> {
        self.launch_date.or_else(|| {
            self.launch_text
                .as_deref()
                .and_then(|t| parse_launch(t).sort_date)
        })
    }
}

async fn next_overview_position(db: &impl ConnectionTrait) -> AppResult<i32> {
    let max: Option<Option<i32>> = policy_document::Entity::find()
        .select_only()
        .column_as(policy_document::Column::OverviewPosition.max(), "max")
        .into_tuple()
        .one(db)
        .await?;
    Ok(max.flatten().unwrap_or(0) + 1)
}

pub async fn create_policy_document(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    input: NewPolicyDocument,
) -> AppResult<policy_document::Model> {
    let f = DocumentFields {
        kind: input.kind,
        reference: input.reference,
        title: input.title,
        ministry: input.ministry,
        url: input.url,
        summary: input.summary,
        launch_date: input.launch_date,
        launch_text: input.launch_text,
        follow_up_proposal: input.follow_up_proposal,
        decision: input.decision,
        decided_in_sak_id: input.decided_in_sak_id,
    }
    .check()?;
    let position = if input.on_overview {
        Some(next_overview_position(db).await?)
    } else {
        None
    };
    let now = super::now();
    let doc = policy_document::ActiveModel {
        kind: Set(f.kind),
        launch_sort_date: Set(f.sort_date()),
        reference: Set(f.reference),
        title: Set(f.title),
        ministry: Set(f.ministry),
        url: Set(f.url),
        summary: Set(f.summary),
        launch_date: Set(f.launch_date),
        launch_text: Set(f.launch_text),
        follow_up_proposal: Set(f.follow_up_proposal),
        decision: Set(f.decision),
        decided_in_sak_id: Set(f.decided_in_sak_id),
        on_overview: Set(input.on_overview),
        overview_position: Set(position),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(fk_field("decidedInSakId"))?;
    audit::record::<policy_document::Entity, _>(db, proof.actor(), doc.id, None, Some(&doc))
        .await?;
    Ok(doc)
}

/// Changes to a document; `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Clone, Debug, Default)]
pub struct PolicyDocumentPatch {
    pub kind: Option<PolicyDocumentKind>,
    pub reference: Option<Option<String>>,
    pub title: Option<String>,
    pub ministry: Option<Option<String>>,
    pub url: Option<Option<String>>,
    pub summary: Option<Option<String>>,
    pub launch_date: Option<Option<NaiveDate>>,
    pub launch_text: Option<Option<String>>,
    pub follow_up_proposal: Option<Option<String>>,
    pub decision: Option<Option<String>>,
    pub decided_in_sak_id: Option<Option<i32>>,
}

async fn find_document(db: &impl ConnectionTrait, id: i32) -> AppResult<policy_document::Model> {
    policy_document::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Policy document"))
}

/// Writes `changed` if nobody saved in between; audits the difference.
async fn save_document(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    expected_version: i32,
    changed: policy_document::ActiveModel,
) -> AppResult<policy_document::Model> {
    update_versioned::<policy_document::Entity, _>(
        db,
        proof.actor(),
        "Policy document",
        (id, expected_version),
        changed,
        fk_field("decidedInSakId"),
    )
    .await
}

pub async fn update_policy_document(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    expected_version: i32,
    patch: PolicyDocumentPatch,
) -> AppResult<policy_document::Model> {
    let before = find_document(db, id).await?;
    let f = DocumentFields {
        kind: patch.kind.unwrap_or(before.kind),
        reference: patch.reference.unwrap_or(before.reference.clone()),
        title: patch.title.unwrap_or(before.title.clone()),
        ministry: patch.ministry.unwrap_or(before.ministry.clone()),
        url: patch.url.unwrap_or(before.url.clone()),
        summary: patch.summary.unwrap_or(before.summary.clone()),
        launch_date: patch.launch_date.unwrap_or(before.launch_date),
        launch_text: patch.launch_text.unwrap_or(before.launch_text.clone()),
        follow_up_proposal: patch
            .follow_up_proposal
            .unwrap_or(before.follow_up_proposal.clone()),
        decision: patch.decision.unwrap_or(before.decision.clone()),
        decided_in_sak_id: patch.decided_in_sak_id.unwrap_or(before.decided_in_sak_id),
    }
    .check()?;
    let changed = policy_document::ActiveModel {
        kind: Set(f.kind),
        launch_sort_date: Set(f.sort_date()),
        reference: Set(f.reference),
        title: Set(f.title),
        ministry: Set(f.ministry),
        url: Set(f.url),
        summary: Set(f.summary),
        launch_date: Set(f.launch_date),
        launch_text: Set(f.launch_text),
        follow_up_proposal: Set(f.follow_up_proposal),
        decision: Set(f.decision),
        decided_in_sak_id: Set(f.decided_in_sak_id),
        ..Default::default()
    };
    save_document(db, proof, before.id, expected_version, changed).await
}

/// Takes a document off the overview (it stays, with its rounds) or puts it back at the
/// bottom, where the secretariat adds new rows.
pub async fn set_on_overview(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    expected_version: i32,
    on_overview: bool,
) -> AppResult<policy_document::Model> {
    let before = find_document(db, id).await?;
    if before.on_overview == on_overview {
        if before.version != expected_version {
            return Err(AppError::stale("The policy document"));
        }
        return Ok(before);
    }
    let position = if on_overview {
        Some(next_overview_position(db).await?)
    } else {
        None
    };
    let changed = policy_document::ActiveModel {
        on_overview: Set(on_overview),
        overview_position: Set(position),
        ..Default::default()
    };
    save_document(db, proof, before.id, expected_version, changed).await
}

/// Moves a row of the overview to `position` (1 = top); the rows between shift by one.
pub async fn move_on_overview(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    expected_version: i32,
    position: i32,
) -> AppResult<policy_document::Model> {
    let before = find_document(db, id).await?;
    if !before.on_overview {
        return Err(AppError::validation(
            "id",
            "The document is not on the overview; put it back first",
        ));
    }
    let mut rows = overview_documents(db, Visibility::All).await?;
    if position < 1 || position as usize > rows.len() {
        return Err(AppError::validation(
            "position",
            format!("Position must be between 1 and {}", rows.len()),
        ));
    }
    rows.retain(|d| d.id != id);
    rows.insert(position as usize - 1, before.clone());
    let mut moved = None;
    for (i, doc) in rows.into_iter().enumerate() {
        let want = i as i32 + 1;
        if doc.id == id {
            let changed = policy_document::ActiveModel {
                overview_position: Set(Some(want)),
                ..Default::default()
            };
            moved = Some(save_document(db, proof, before.id, expected_version, changed).await?);
        } else if doc.overview_position != Some(want) {
            // Neighbours only shift; their content is untouched, so their version is not
            // bumped and nobody editing them gets a false conflict.
            let mut active = doc.clone().into_active_model();
            active.overview_position = Set(Some(want));
            let after = active.update(db).await?;
            audit::record::<policy_document::Entity, _>(
                db,
                proof.actor(),
                doc.id,
                Some(&doc),
                Some(&after),
            )
            .await?;
        }
    }
    moved.ok_or(AppError::NotFound("Policy document"))
}

/// The documents on the overview in the table's order.
pub async fn overview_documents(
    db: &impl ConnectionTrait,
    visibility: Visibility,
) -> AppResult<Vec<policy_document::Model>> {
    Ok(policy_document::Entity::find()
        .filter(visible_documents(visibility))
        .filter(policy_document::Column::OnOverview.eq(true))
        .order_by_asc(policy_document::Column::OverviewPosition)
        .order_by_asc(policy_document::Column::Id)
        .all(db)
        .await?)
}

// ---------------------------------------------------------------------------------------
// Who may see which documents.

/// What a viewer may see of policy documents and deadlines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// The council, the secretariat and `deadlines:read` integrations: everything.
    All,
    /// Without a token: what the published papers show.
    Public,
}

impl Visibility {
    pub fn of(viewer: &Viewer) -> Self {
        if policy::can_read_deadlines(viewer) {
            Self::All
        } else {
            Self::Public
        }
    }
}

/// Public documents are those presented in a sak whose meeting papers are published: the
/// overview is vedlegg 1 of that sak. This is `policy::can_read_meeting` for the public,
/// written as SQL so lists and counts can filter on it.
pub fn public_document_condition() -> SimpleExpr {
    let published_meetings = meeting::Entity::find()
        .select_only()
        .column(meeting::Column::Id)
        .filter(meeting::Column::Status.ne(MeetingStatus::Planned))
        .filter(meeting::Column::NoticePublishedAt.is_not_null())
        .into_query();
    let saker = sak::Entity::find()
        .select_only()
        .column(sak::Column::Id)
        .filter(sak::Column::MeetingId.in_subquery(published_meetings))
        .into_query();
    policy_document::Column::DecidedInSakId.in_subquery(saker)
}

fn visible_documents(visibility: Visibility) -> Condition {
    match visibility {
        Visibility::All => Condition::all(),
        Visibility::Public => Condition::all().add(public_document_condition()),
    }
}

/// One document, if the viewer may see it.
pub async fn find_visible_document(
    db: &impl ConnectionTrait,
    visibility: Visibility,
    id: i32,
) -> AppResult<Option<policy_document::Model>> {
    Ok(policy_document::Entity::find_by_id(id)
        .filter(visible_documents(visibility))
        .one(db)
        .await?)
}

/// Filters for the list of documents.
#[derive(Clone, Debug, Default)]
pub struct DocumentFilter {
    pub kind: Option<PolicyDocumentKind>,
    pub ministry: Option<String>,
    pub on_overview: Option<bool>,
    pub launched_from: Option<NaiveDate>,
    pub launched_to: Option<NaiveDate>,
}

fn lower_eq(col: impl sea_orm::ColumnTrait, value: &str) -> SimpleExpr {
    use sea_orm::sea_query::ExprTrait;
    Expr::expr(Func::lower(Expr::col(col))).eq(value.trim().to_lowercase())
}

/// Documents, newest launch first (unknown launches last), then by title.
pub fn documents(
    visibility: Visibility,
    filter: DocumentFilter,
) -> AppResult<Select<policy_document::Entity>> {
    use policy_document::Column as C;
    use sea_orm::sea_query::ExprTrait;
    let mut cond = visible_documents(visibility);
    if let Some(k) = filter.kind {
        cond = cond.add(C::Kind.eq(k));
    }
    if let Some(m) = clean_text("ministry", filter.ministry, 200)? {
        cond = cond.add(lower_eq(C::Ministry, &m));
    }
    if let Some(o) = filter.on_overview {
        cond = cond.add(C::OnOverview.eq(o));
    }
    if let Some(d) = plausible_date("launchedFrom", filter.launched_from)? {
        cond = cond.add(C::LaunchSortDate.gte(d));
    }
    if let Some(d) = plausible_date("launchedTo", filter.launched_to)? {
        cond = cond.add(C::LaunchSortDate.lte(d));
    }
    // NULLs sort differently on the two databases; an explicit flag keeps them last on both.
    Ok(policy_document::Entity::find()
        .filter(cond)
        .order_by_asc(Expr::col(C::LaunchSortDate).is_null())
        .order_by_desc(C::LaunchSortDate)
        .order_by_asc(C::Title)
        .order_by_asc(C::Id))
}

// ---------------------------------------------------------------------------------------
// Consultation rounds.

/// A round of input on a document.
#[derive(Clone, Debug)]
pub struct NewConsultationRound {
    pub policy_document_id: i32,
    pub kind: ConsultationKind,
    pub opens_on: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    /// As the papers write it: "Høringsfrist 22.12.2025".
    pub deadline_text: Option<String>,
    pub response_status: ResponseStatus,
    pub sent_on: Option<NaiveDate>,
    pub response_url: Option<String>,
    pub note: Option<String>,
    /// The working group that answers.
    pub working_group_id: Option<i32>,
}

struct RoundFields {
    kind: ConsultationKind,
    opens_on: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
    deadline_text: Option<String>,
    response_status: ResponseStatus,
    sent_on: Option<NaiveDate>,
    response_url: Option<String>,
    note: Option<String>,
    working_group_id: Option<i32>,
}

impl RoundFields {
    fn check(self) -> AppResult<Self> {
        let opens_on = plausible_date("opensOn", self.opens_on)?;
        let deadline = plausible_date("deadline", self.deadline)?;
        let sent_on = plausible_date("sentOn", self.sent_on)?;
        if let (Some(o), Some(d)) = (opens_on, deadline)
            && d < o
        {
            return Err(AppError::validation(
                "deadline",
                format!("The deadline {d} is before the round opened ({o})"),
            ));
        }
        if sent_on.is_some() && self.response_status != ResponseStatus::Sent {
            return Err(AppError::validation(
                "sentOn",
                "Only a response that was sent has a date sent; set the status to SENT",
            ));
        }
        Ok(Self {
            kind: self.kind,
            opens_on,
            deadline,
            deadline_text: clean_text("deadlineText", self.deadline_text, 300)?,
            response_status: self.response_status,
            sent_on,
            response_url: clean_url("responseUrl", self.response_url)?,
            note: clean_text("note", self.note, 10_000)?,
            working_group_id: self.working_group_id,
        })
    }
}

fn round_fk_error(e: sea_orm::DbErr) -> AppError {
    fk_field("workingGroupId")(e)
}

pub async fn add_consultation_round(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    input: NewConsultationRound,
) -> AppResult<consultation_round::Model> {
    let f = RoundFields {
        kind: input.kind,
        opens_on: input.opens_on,
        deadline: input.deadline,
        deadline_text: input.deadline_text,
        response_status: input.response_status,
        sent_on: input.sent_on,
        response_url: input.response_url,
        note: input.note,
        working_group_id: input.working_group_id,
    }
    .check()?;
    // The document must exist; its id is a path parameter, so a miss is NOT_FOUND.
    find_document(db, input.policy_document_id).await?;
    let now = super::now();
    let round = consultation_round::ActiveModel {
        policy_document_id: Set(input.policy_document_id),
        kind: Set(f.kind),
        opens_on: Set(f.opens_on),
        deadline: Set(f.deadline),
        deadline_text: Set(f.deadline_text),
        response_status: Set(f.response_status),
        sent_on: Set(f.sent_on),
        response_url: Set(f.response_url),
        note: Set(f.note),
        working_group_id: Set(f.working_group_id),
        withdrawn: Set(false),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(round_fk_error)?;
    audit::record::<consultation_round::Entity, _>(db, proof.actor(), round.id, None, Some(&round))
        .await?;
    Ok(round)
}

/// Changes to a round; `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Clone, Debug, Default)]
pub struct ConsultationRoundPatch {
    pub kind: Option<ConsultationKind>,
    pub opens_on: Option<Option<NaiveDate>>,
    pub deadline: Option<Option<NaiveDate>>,
    pub deadline_text: Option<Option<String>>,
    pub response_status: Option<ResponseStatus>,
    pub sent_on: Option<Option<NaiveDate>>,
    pub response_url: Option<Option<String>>,
    pub note: Option<Option<String>>,
    pub working_group_id: Option<Option<i32>>,
    /// The ministry withdrew the round (or un-withdrew it).
    pub withdrawn: Option<bool>,
}

pub async fn find_round(
    db: &impl ConnectionTrait,
    id: i32,
) -> AppResult<consultation_round::Model> {
    consultation_round::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Consultation round"))
}

pub async fn update_consultation_round(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    expected_version: i32,
    patch: ConsultationRoundPatch,
) -> AppResult<consultation_round::Model> {
    let before = find_round(db, id).await?;
    let f = RoundFields {
        kind: patch.kind.unwrap_or(before.kind),
        opens_on: patch.opens_on.unwrap_or(before.opens_on),
        deadline: patch.deadline.unwrap_or(before.deadline),
        deadline_text: patch.deadline_text.unwrap_or(before.deadline_text.clone()),
        response_status: patch.response_status.unwrap_or(before.response_status),
        sent_on: patch.sent_on.unwrap_or(before.sent_on),
        response_url: patch.response_url.unwrap_or(before.response_url.clone()),
        note: patch.note.unwrap_or(before.note.clone()),
        working_group_id: patch.working_group_id.unwrap_or(before.working_group_id),
    }
    .check()?;
    let changed = consultation_round::ActiveModel {
        kind: Set(f.kind),
        opens_on: Set(f.opens_on),
        deadline: Set(f.deadline),
        deadline_text: Set(f.deadline_text),
        response_status: Set(f.response_status),
        sent_on: Set(f.sent_on),
        response_url: Set(f.response_url),
        note: Set(f.note),
        working_group_id: Set(f.working_group_id),
        withdrawn: Set(patch.withdrawn.unwrap_or(before.withdrawn)),
        ..Default::default()
    };
    save_round(db, proof, before.id, expected_version, changed).await
}

/// Writes `changed` if nobody saved in between; audits the difference.
pub(crate) async fn save_round(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    expected_version: i32,
    changed: consultation_round::ActiveModel,
) -> AppResult<consultation_round::Model> {
    update_versioned::<consultation_round::Entity, _>(
        db,
        proof.actor(),
        "Consultation round",
        (id, expected_version),
        changed,
        round_fk_error,
    )
    .await
}

/// The order rounds are read in: innspill before launch, then høring, then Stortinget;
/// within a kind by date.
pub fn sort_rounds(rounds: &mut [consultation_round::Model]) {
    fn rank(k: ConsultationKind) -> u8 {
        match k {
            ConsultationKind::Innspill => 0,
            ConsultationKind::Hoering => 1,
            ConsultationKind::StortingetHearing => 2,
        }
    }
    rounds.sort_by_key(|r| (rank(r.kind), r.deadline.or(r.sent_on), r.id));
}

/// A document's rounds as the overview's two columns show them, each in reading order:
/// innspill, and høring (with hearings at Stortinget). The API's `overview` and the paper
/// both use this, so they cannot disagree.
pub fn overview_columns(
    mut rounds: Vec<consultation_round::Model>,
) -> (
    Vec<consultation_round::Model>,
    Vec<consultation_round::Model>,
) {
    sort_rounds(&mut rounds);
    rounds
        .into_iter()
        .partition(|r| r.kind == ConsultationKind::Innspill)
}

// ---------------------------------------------------------------------------------------
// Deadlines.

/// What a deadline is flagged for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineFlag {
    /// Shorter than the six weeks utredningsinstruksen sets as the minimum.
    ShortDeadline,
    /// Still open and no working group answers it.
    NoWorkingGroup,
}

/// Days from the round's opening to its deadline: the opening date when recorded, else,
/// for a høring, the document's launch (a NOU goes on høring when it is handed over).
pub fn consultation_days(
    round: &consultation_round::Model,
    doc: Option<&policy_document::Model>,
) -> Option<i64> {
    let deadline = round.deadline?;
    let opened = round.opens_on.or_else(|| {
        (round.kind == ConsultationKind::Hoering)
            .then(|| doc.and_then(|d| d.launch_date))
            .flatten()
            .filter(|l| *l <= deadline)
    })?;
    Some((deadline - opened).num_days())
}

pub fn is_open(round: &consultation_round::Model) -> bool {
    !round.withdrawn
        && matches!(
            round.response_status,
            ResponseStatus::Considering | ResponseStatus::Drafting
        )
}

pub fn deadline_flags(
    round: &consultation_round::Model,
    doc: Option<&policy_document::Model>,
) -> Vec<DeadlineFlag> {
    let mut flags = Vec::new();
    if consultation_days(round, doc).is_some_and(|d| d < MINIMUM_CONSULTATION_DAYS) {
        flags.push(DeadlineFlag::ShortDeadline);
    }
    if round.deadline.is_some() && round.working_group_id.is_none() && is_open(round) {
        flags.push(DeadlineFlag::NoWorkingGroup);
    }
    flags
}

/// Filters for the deadline lists.
#[derive(Clone, Debug, Default)]
pub struct DeadlineFilter {
    pub statuses: Vec<ResponseStatus>,
    pub kinds: Vec<ConsultationKind>,
    pub ministry: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub working_group_id: Option<i32>,
    pub include_withdrawn: bool,
    /// Only rounds of documents on the overview.
    pub on_overview: Option<bool>,
}

/// Rounds with a deadline, soonest first.
pub fn deadlines(
    visibility: Visibility,
    filter: DeadlineFilter,
) -> AppResult<Select<consultation_round::Entity>> {
    use consultation_round::Column as C;
    let from = plausible_date("from", filter.from)?;
    let to = plausible_date("to", filter.to)?;
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        return Err(AppError::validation("to", "to is before from"));
    }
    let mut cond = Condition::all().add(C::Deadline.is_not_null());
    if !filter.statuses.is_empty() {
        cond = cond.add(C::ResponseStatus.is_in(filter.statuses));
    }
    if !filter.kinds.is_empty() {
        cond = cond.add(C::Kind.is_in(filter.kinds));
    }
    if let Some(f) = from {
        cond = cond.add(C::Deadline.gte(f));
    }
    if let Some(t) = to {
        cond = cond.add(C::Deadline.lte(t));
    }
    if let Some(g) = filter.working_group_id {
        cond = cond.add(C::WorkingGroupId.eq(g));
    }
    if !filter.include_withdrawn {
        cond = cond.add(C::Withdrawn.eq(false));
    }
    let mut docs = visible_documents(visibility);
    if let Some(m) = clean_text("ministry", filter.ministry, 200)? {
        docs = docs.add(lower_eq(policy_document::Column::Ministry, &m));
    }
    if let Some(o) = filter.on_overview {
        docs = docs.add(policy_document::Column::OnOverview.eq(o));
    }
    if !docs.is_empty() {
        let ids = policy_document::Entity::find()
            .select_only()
            .column(policy_document::Column::Id)
            .filter(docs)
            .into_query();
        cond = cond.add(C::PolicyDocumentId.in_subquery(ids));
    }
    Ok(consultation_round::Entity::find()
        .filter(cond)
        .order_by_asc(C::Deadline)
        .order_by_asc(C::Id))
}

/// Today in Norway (the council's deadlines are Norwegian calendar days).
pub fn oslo_today() -> NaiveDate {
    super::meetings::oslo_today(super::now())
}

// ---------------------------------------------------------------------------------------
// Search: two sources for `service::search`, built like its saker source.

#[derive(sea_orm::FromQueryResult)]
struct TextHitRow {
    id: i32,
    rank: f64,
    title: Option<String>,
    f1: Option<String>,
    f2: Option<String>,
    f3: Option<String>,
}

const PG_DOCUMENT_SEARCH: &str = r#"
SELECT h.id, h.rank,
    ts_headline('norwegian', h.heading, h.q, $4) AS title,
    ts_headline('norwegian', coalesce(h.summary, ''), h.q, $5) AS f1,
    ts_headline('norwegian', coalesce(h.follow_up_proposal, ''), h.q, $5) AS f2,
    ts_headline('norwegian', coalesce(h.decision, ''), h.q, $5) AS f3
FROM (
    SELECT d.id, coalesce(d.reference || ' ', '') || d.title AS heading, d.summary,
        d.follow_up_proposal, d.decision, w.q, ts_rank(d.search_text, w.q)::float8 AS rank
    FROM policy_document d
    CROSS JOIN (SELECT websearch_to_tsquery('norwegian', $1) AS q) w
    WHERE d.id IN (SELECT value::int FROM json_array_elements_text($2::json))
        AND d.search_text @@ w.q
    ORDER BY rank DESC, d.id DESC
    LIMIT $3
) h
ORDER BY h.rank DESC, h.id DESC
"#;

const PG_ROUND_SEARCH: &str = r#"
SELECT h.id, h.rank, h.title,
    ts_headline('norwegian', coalesce(h.deadline_text, ''), h.q, $5) AS f1,
    ts_headline('norwegian', coalesce(h.note, ''), h.q, $5) AS f2,
    NULL AS f3
FROM (
    SELECT r.id, d.title, r.deadline_text, r.note, w.q,
        ts_rank(r.search_text, w.q)::float8 AS rank
    FROM consultation_round r
    JOIN policy_document d ON d.id = r.policy_document_id
    CROSS JOIN (SELECT websearch_to_tsquery('norwegian', $1) AS q) w
    WHERE r.policy_document_id IN (SELECT value::int FROM json_array_elements_text($2::json))
        AND r.search_text @@ w.q
    ORDER BY rank DESC, r.id DESC
    LIMIT $3
) h
ORDER BY h.rank DESC, h.id DESC
"#;

// Weights: title and reference count most, the secretariat's texts next, the rest least.
const SQLITE_DOCUMENT_SEARCH: &str = r#"
SELECT d.id AS id, -bm25(policy_document_fts, 10.0, 10.0, 2.0, 2.0, 2.0, 1.0, 1.0) AS rank,
    highlight(policy_document_fts, 0, ?2, ?3) AS title,
    snippet(policy_document_fts, 2, ?2, ?3, '…', 24) AS f1,
    snippet(policy_document_fts, 3, ?2, ?3, '…', 24) AS f2,
    snippet(policy_document_fts, 4, ?2, ?3, '…', 24) AS f3
FROM policy_document_fts JOIN policy_document d ON d.id = policy_document_fts.rowid
WHERE policy_document_fts MATCH ?1 AND d.id IN (SELECT value FROM json_each(?4))
ORDER BY rank DESC, d.id DESC
LIMIT ?5
"#;

const SQLITE_ROUND_SEARCH: &str = r#"
SELECT r.id AS id, -bm25(consultation_round_fts, 2.0, 2.0) AS rank, d.title AS title,
    snippet(consultation_round_fts, 0, ?2, ?3, '…', 24) AS f1,
    snippet(consultation_round_fts, 1, ?2, ?3, '…', 24) AS f2,
    NULL AS f3
FROM consultation_round_fts
JOIN consultation_round r ON r.id = consultation_round_fts.rowid
JOIN policy_document d ON d.id = r.policy_document_id
WHERE consultation_round_fts MATCH ?1
    AND r.policy_document_id IN (SELECT value FROM json_each(?4))
ORDER BY rank DESC, r.id DESC
LIMIT ?5
"#;

fn search_statement(
    backend: sea_orm::DatabaseBackend,
    pg: &str,
    sqlite: &str,
    q: &super::search::SearchQuery,
    document_ids: &[i32],
) -> Option<sea_orm::Statement> {
    use super::search::{MARK_END, MARK_START};
    use sea_orm::{DatabaseBackend, Statement, Value};
    // The ids go in as one JSON array parameter, so the statement's text never varies.
    let ids = serde_json::Value::from(document_ids.to_vec()).to_string();
    let limit = i64::try_from(q.window()).unwrap_or(i64::MAX);
    let mark = |c: char| Value::from(c.to_string());
    match backend {
        DatabaseBackend::Postgres => Some(Statement::from_sql_and_values(
            backend,
            pg,
            [
                q.text.clone().into(),
                ids.into(),
                limit.into(),
                format!("HighlightAll=true, StartSel={MARK_START}, StopSel={MARK_END}").into(),
                format!(
                    "StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, \
                     MaxFragments=2, FragmentDelimiter=\" … \""
                )
                .into(),
            ],
        )),
        _ => Some(Statement::from_sql_and_values(
            backend,
            sqlite,
            [
                q.fts5.clone()?.into(),
                mark(MARK_START),
                mark(MARK_END),
                ids.into(),
                limit.into(),
            ],
        )),
    }
}

async fn search_source(
    db: &sea_orm::DatabaseConnection,
    viewer: &Viewer,
    q: &super::search::SearchQuery,
    kind: super::search::HitKind,
    (pg, sqlite): (&str, &str),
) -> AppResult<Vec<super::search::Hit>> {
    use sea_orm::FromQueryResult;
    let ids: Vec<i32> = policy_document::Entity::find()
        .select_only()
        .column(policy_document::Column::Id)
        .filter(visible_documents(Visibility::of(viewer)))
        .into_tuple()
        .all(db)
        .await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let Some(stmt) = search_statement(db.get_database_backend(), pg, sqlite, q, &ids) else {
        return Ok(Vec::new());
    };
    let rows = TextHitRow::find_by_statement(stmt).all(db).await?;
    Ok(rows
        .into_iter()
        .map(|r| super::search::Hit {
            kind,
            id: r.id,
            rank: r.rank,
            title: super::search::to_html(r.title.as_deref().unwrap_or_default()),
            snippet: super::search::to_html(&super::search::best_snippet(&[r.f1, r.f2, r.f3])),
        })
        .collect())
}

/// Policy documents the viewer may see, by title, reference, summary, follow-up and decision.
pub async fn search_documents(
    db: &sea_orm::DatabaseConnection,
    viewer: &Viewer,
    q: &super::search::SearchQuery,
) -> AppResult<Vec<super::search::Hit>> {
    let sql = (PG_DOCUMENT_SEARCH, SQLITE_DOCUMENT_SEARCH);
    search_source(db, viewer, q, super::search::HitKind::PolicyDocument, sql).await
}

/// Consultation rounds of documents the viewer may see, by deadline text and note.
pub async fn search_rounds(
    db: &sea_orm::DatabaseConnection,
    viewer: &Viewer,
    q: &super::search::SearchQuery,
) -> AppResult<Vec<super::search::Hit>> {
    let sql = (PG_ROUND_SEARCH, SQLITE_ROUND_SEARCH);
    search_source(
        db,
        viewer,
        q,
        super::search::HitKind::ConsultationRound,
        sql,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    /// Every launch text of the overview in sak 34/3/2025 (vedlegg 1) and the older tables.
    #[test]
    fn the_launch_texts_of_the_papers_parse_to_dates_that_sort() {
        use LaunchPrecision::*;
        let cases = [
            ("28.8.2025", d(2025, 8, 28), Day, false),
            ("Lansering i løpet av 2025", d(2025, 12, 31), Year, false),
            ("Lansering i 2025 (utsatt)", d(2025, 12, 31), Year, true),
            ("Legges frem våren 2025", d(2025, 6, 30), Season, false),
            ("Legges frem våren 2026", d(2026, 6, 30), Season, false),
            ("høsten 2025", d(2025, 12, 31), Season, false),
            (
                "Rapport senest innen sommeren 2026",
                d(2026, 8, 31),
                Season,
                false,
            ),
            ("Utgitt 2.6.2025", d(2025, 6, 2), Day, false),
            (
                "NOU-en skal leveres innen 1 november 2026",
                d(2026, 11, 1),
                Day,
                false,
            ),
            ("legges frem 7. oktober 2025", d(2025, 10, 7), Day, false),
            ("2. februar 2023", d(2023, 2, 2), Day, false),
            ("senhøsten 2023", d(2023, 12, 31), Season, false),
            ("juni 2019", d(2019, 6, 30), Month, false),
            ("februar 2019", d(2019, 2, 28), Month, false),
            ("2017, oppdatert 2019", d(2017, 12, 31), Year, false),
            (
                "planen skal legges fram i 2020",
                d(2020, 12, 31),
                Year,
                false,
            ),
            ("første halvår 2026", d(2026, 6, 30), HalfYear, false),
            ("Rapporter: 15.02.2024", d(2024, 2, 15), Day, false),
            ("snart", None, Unknown, false),
        ];
        for (text, sort, precision, postponed) in cases {
            let l = parse_launch(text);
            assert_eq!(l.sort_date, sort, "{text}");
            assert_eq!(l.precision, precision, "{text}");
            assert_eq!(l.postponed, postponed, "{text}");
        }
    }

    /// Every launch text in the council's papers (the demo data holds them all) gives a date
    /// to sort by, and one that agrees with the exact date where the papers give both.
    #[test]
    fn every_launch_text_in_the_papers_sorts() {
        let data: serde_json::Value =
            serde_json::from_str(include_str!("../../demo/helseomsorg21.json")).unwrap_or_default();
        let docs = data["policy_documents"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(docs.len() > 40);
        for doc in docs {
            let Some(text) = doc["launch_text"].as_str() else {
                continue;
            };
            let launch = parse_launch(text);
            assert!(launch.sort_date.is_some(), "{text:?} does not sort");
            if let Some(exact) = doc["launch_date"].as_str() {
                assert_eq!(
                    launch.sort_date.map(|d| d.to_string()).as_deref(),
                    Some(exact),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn a_fuzzy_launch_sorts_after_the_exact_dates_in_its_period() {
        let spring = parse_launch("Legges frem våren 2026").sort_date;
        assert!(d(2026, 5, 20) < spring && spring < d(2026, 9, 1));
    }

    #[test]
    fn an_impossible_date_falls_back_to_the_year() {
        let l = parse_launch("31.2.2025");
        assert_eq!(l.precision, LaunchPrecision::Year);
    }
}
