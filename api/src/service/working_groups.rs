//! Working groups (arbeidsgruppe, referansegruppe, planleggingsgruppe, programkomité) set up
//! by a vedtak, and their memberships. Membership is history: a change ends the old row and
//! adds a new one, so "who was in the group on that date" always has an answer.
use chrono::{Duration, NaiveDate};
use entity::{
    consultation_round,
    enums::{MinutesStatus, WorkingGroupKind, WorkingGroupRole, WorkingGroupStatus},
    meeting, sak, working_group, working_group_member,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait, Select, Set, sea_query::SimpleExpr,
};

use super::{audit, clean_text, consultations, required_text};
use crate::{
    auth::{
        Viewer,
        policy::{self, Proof, SecretariatWrite},
    },
    error::{AppError, AppResult},
};

/// A member: a person, or an unnamed placeholder ("en fra KS", "NN", "[ ]").
#[derive(Clone, Debug)]
pub struct NewWorkingGroupMember {
    pub person_id: Option<i32>,
    pub placeholder: Option<String>,
    pub role: WorkingGroupRole,
    /// Defaults to the group's start.
    pub starts_on: Option<NaiveDate>,
    pub note: Option<String>,
}

/// A group as the vedtak sets it up.
#[derive(Clone, Debug)]
pub struct NewWorkingGroup {
    pub kind: WorkingGroupKind,
    pub name: String,
    /// Purpose or mandate.
    pub purpose: Option<String>,
    /// The sak whose vedtak set the group up.
    pub established_by_sak_id: Option<i32>,
    pub policy_document_id: Option<i32>,
    /// The consultation round the group answers; the round is linked to the group.
    pub consultation_round_id: Option<i32>,
    pub status: WorkingGroupStatus,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    /// Members, the leader among them (role `Leader`).
    pub members: Vec<NewWorkingGroupMember>,
}

/// A member added to an existing group.
#[derive(Clone, Debug)]
pub struct NewMembership {
    pub working_group_id: i32,
    /// The group's version as the client saw it; `None` for the demo loader and scripts
    /// that build a group in one transaction.
    pub expected_version: Option<i32>,
    pub member: NewWorkingGroupMember,
}

fn fk_field(field: &'static str) -> impl Fn(sea_orm::DbErr) -> AppError {
    move |e| match AppError::from(e) {
        AppError::Validation { .. } => {
            AppError::validation(field, "No such record, or it cannot be linked")
        }
        other => other,
    }
}

fn check_dates(
    start_field: &str,
    starts_on: Option<NaiveDate>,
    end_field: &str,
    ends_on: Option<NaiveDate>,
) -> AppResult<()> {
    for (field, d) in [(start_field, starts_on), (end_field, ends_on)] {
        if let Some(d) = d
            && !(1990..=2100).contains(&chrono::Datelike::year(&d))
        {
            return Err(AppError::validation(
                field,
                format!("{d} is not a plausible date (years 1990–2100)"),
            ));
        }
    }
    match (starts_on, ends_on) {
        (Some(s), Some(e)) if e < s => Err(AppError::validation(
            end_field,
            format!("Ends ({e}) before it starts ({s})"),
        )),
        _ => Ok(()),
    }
}

struct GroupFields {
    kind: WorkingGroupKind,
    name: String,
    purpose: Option<String>,
    established_by_sak_id: Option<i32>,
    policy_document_id: Option<i32>,
    status: WorkingGroupStatus,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
}

impl GroupFields {
    fn check(self) -> AppResult<Self> {
        check_dates("startsOn", self.starts_on, "endsOn", self.ends_on)?;
        // "Active on a date" reads the dates; a finished group without an end would count
        // as active for ever.
        if self.status == WorkingGroupStatus::Finished && self.ends_on.is_none() {
            return Err(AppError::validation(
                "endsOn",
                "A finished group needs the date it ended",
            ));
        }
        Ok(Self {
            kind: self.kind,
            name: required_text("name", self.name, 300)?,
            purpose: clean_text("purpose", self.purpose, 20_000)?,
            established_by_sak_id: self.established_by_sak_id,
            policy_document_id: self.policy_document_id,
            status: self.status,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
        })
    }
}

fn fk_error(e: sea_orm::DbErr) -> AppError {
    // The group row has two optional links; the message names both.
    match AppError::from(e) {
        AppError::Validation { .. } => AppError::validation(
            "establishedBySakId",
            "The sak or policy document linked does not exist",
        ),
        other => other,
    }
}

pub async fn create_working_group(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    input: NewWorkingGroup,
) -> AppResult<working_group::Model> {
    let f = GroupFields {
        kind: input.kind,
        name: input.name,
        purpose: input.purpose,
        established_by_sak_id: input.established_by_sak_id,
        policy_document_id: input.policy_document_id,
        status: input.status,
        starts_on: input.starts_on,
        ends_on: input.ends_on,
    }
    .check()?;
    if input.members.len() > 100 {
        return Err(AppError::validation("members", "At most 100 members"));
    }
    let now = super::now();
    let group = working_group::ActiveModel {
        kind: Set(f.kind),
        name: Set(f.name),
        purpose: Set(f.purpose),
        established_by_sak_id: Set(f.established_by_sak_id),
        policy_document_id: Set(f.policy_document_id),
        status: Set(f.status),
        starts_on: Set(f.starts_on),
        ends_on: Set(f.ends_on),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(fk_error)?;
    audit::record::<working_group::Entity, _>(db, proof.actor(), group.id, None, Some(&group))
        .await?;
    let mut current = Vec::new();
    for m in input.members {
        let row = insert_member(db, proof, &group, &current, m).await?;
        current.push(row);
    }
    if let Some(round_id) = input.consultation_round_id {
        link_round(db, proof, round_id, Some(group.id)).await?;
    }
    Ok(group)
}

/// Makes `group_id` the group that answers the round.
async fn link_round(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    round_id: i32,
    group_id: Option<i32>,
) -> AppResult<consultation_round::Model> {
    let round = consultations::find_round(db, round_id)
        .await
        .map_err(|_| AppError::validation("consultationRoundId", "No such consultation round"))?;
    let changed = consultation_round::ActiveModel {
        working_group_id: Set(group_id),
        ..Default::default()
    };
    consultations::save_round(db, proof, round.id, round.version, changed).await
}

fn is_current(m: &working_group_member::Model, on: NaiveDate) -> bool {
    m.starts_on.is_none_or(|s| s <= on) && m.ends_on.is_none_or(|e| e >= on)
}

/// Memberships that have not ended (an end in the future still counts).
fn open_members(
    rows: &[working_group_member::Model],
    on: NaiveDate,
) -> impl Iterator<Item = &working_group_member::Model> {
    rows.iter()
        .filter(move |m| m.ends_on.is_none_or(|e| e >= on))
}

async fn insert_member(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    group: &working_group::Model,
    existing: &[working_group_member::Model],
    m: NewWorkingGroupMember,
) -> AppResult<working_group_member::Model> {
    let placeholder = clean_text("placeholder", m.placeholder, 200)?;
    let note = clean_text("note", m.note, 1000)?;
    if m.person_id.is_some() == placeholder.is_some() {
        return Err(AppError::validation(
            "personId",
            "Give either a person or a placeholder such as \"en fra KS\"",
        ));
    }
    let starts_on = m.starts_on.or(group.starts_on);
    check_dates("startsOn", starts_on, "endsOn", None)?;
    let from = starts_on.unwrap_or(NaiveDate::MIN);
    if let Some(p) = m.person_id
        && open_members(existing, from).any(|e| e.person_id == Some(p))
    {
        return Err(AppError::validation(
            "personId",
            "The person is already a member; change the membership instead",
        ));
    }
    if m.role == WorkingGroupRole::Leader
        && open_members(existing, from).any(|e| e.role == WorkingGroupRole::Leader)
    {
        return Err(AppError::validation(
            "role",
            "The group already has a leader; end or change that membership first",
        ));
    }
    let row = working_group_member::ActiveModel {
        working_group_id: Set(group.id),
        person_id: Set(m.person_id),
        placeholder: Set(placeholder),
        role: Set(m.role),
        starts_on: Set(starts_on),
        ends_on: Set(None),
        note: Set(note),
        created_at: Set(super::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(fk_field("personId"))?;
    audit::record::<working_group_member::Entity, _>(db, proof.actor(), row.id, None, Some(&row))
        .await?;
    Ok(row)
}

async fn find_group(db: &impl ConnectionTrait, id: i32) -> AppResult<working_group::Model> {
    working_group::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Working group"))
}

async fn members_of(
    db: &impl ConnectionTrait,
    group_id: i32,
) -> AppResult<Vec<working_group_member::Model>> {
    Ok(working_group_member::Entity::find()
        .filter(working_group_member::Column::WorkingGroupId.eq(group_id))
        .order_by_asc(working_group_member::Column::Id)
        .all(db)
        .await?)
}

/// Every membership change bumps the group's version: two people changing the same group
/// at once cannot both win, and the group's feed entry moves on.
async fn bump_group(
    db: &impl ConnectionTrait,
    group: &working_group::Model,
    expected_version: Option<i32>,
) -> AppResult<()> {
    let version = expected_version.unwrap_or(group.version);
    let res = working_group::Entity::update_many()
        .col_expr(
            working_group::Column::Version,
            sea_orm::sea_query::Expr::value(version + 1),
        )
        .col_expr(
            working_group::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(super::now()),
        )
        .filter(working_group::Column::Id.eq(group.id))
        .filter(working_group::Column::Version.eq(version))
        .exec(db)
        .await?;
    if res.rows_affected == 0 {
        return Err(AppError::stale("The working group"));
    }
    Ok(())
}

pub async fn add_working_group_member(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    input: NewMembership,
) -> AppResult<working_group_member::Model> {
    let group = find_group(db, input.working_group_id).await?;
    bump_group(db, &group, input.expected_version).await?;
    let existing = members_of(db, group.id).await?;
    insert_member(db, proof, &group, &existing, input.member).await
}

/// Ends a membership on `ends_on` (the last day in the group).
pub async fn end_working_group_member(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    working_group_id: i32,
    expected_version: Option<i32>,
    member_id: i32,
    ends_on: NaiveDate,
) -> AppResult<working_group_member::Model> {
    let group = find_group(db, working_group_id).await?;
    bump_group(db, &group, expected_version).await?;
    let before = working_group_member::Entity::find_by_id(member_id)
        .filter(working_group_member::Column::WorkingGroupId.eq(group.id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Membership"))?;
    if before.ends_on.is_some() {
        return Err(AppError::validation(
            "memberId",
            "The membership has already ended",
        ));
    }
    check_dates("startsOn", before.starts_on, "endsOn", Some(ends_on))?;
    let mut active: working_group_member::ActiveModel = before.clone().into();
    active.ends_on = Set(Some(ends_on));
    let after = active.update(db).await?;
    audit::record::<working_group_member::Entity, _>(
        db,
        proof.actor(),
        after.id,
        Some(&before),
        Some(&after),
    )
    .await?;
    Ok(after)
}

/// Replaces a membership from `on`: the old row ends the day before, a new row starts on
/// `on`. Filling in a placeholder, swapping a person and changing a role all go this way.
pub async fn replace_working_group_member(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    working_group_id: i32,
    expected_version: Option<i32>,
    member_id: i32,
    on: NaiveDate,
    replacement: NewWorkingGroupMember,
) -> AppResult<working_group_member::Model> {
    let old = end_working_group_member(
        db,
        proof,
        working_group_id,
        expected_version,
        member_id,
        on - Duration::days(1),
    )
    .await
    .map_err(|e| match e {
        AppError::Validation { field, message } if field == "endsOn" => AppError::validation(
            "on",
            format!("Must be after the membership started: {message}"),
        ),
        other => other,
    })?;
    let group = find_group(db, working_group_id).await?;
    let existing = members_of(db, group.id).await?;
    let member = NewWorkingGroupMember {
        starts_on: Some(on),
        note: replacement.note.or(old.note),
        ..replacement
    };
    insert_member(db, proof, &group, &existing, member).await
}

/// Changes to a group; `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Clone, Debug, Default)]
pub struct WorkingGroupPatch {
    pub kind: Option<WorkingGroupKind>,
    pub name: Option<String>,
    pub purpose: Option<Option<String>>,
    pub established_by_sak_id: Option<Option<i32>>,
    pub policy_document_id: Option<Option<i32>>,
    pub status: Option<WorkingGroupStatus>,
    pub starts_on: Option<Option<NaiveDate>>,
    pub ends_on: Option<Option<NaiveDate>>,
}

pub async fn update_working_group(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    expected_version: i32,
    patch: WorkingGroupPatch,
) -> AppResult<working_group::Model> {
    let before = find_group(db, id).await?;
    let f = GroupFields {
        kind: patch.kind.unwrap_or(before.kind),
        name: patch.name.unwrap_or(before.name.clone()),
        purpose: patch.purpose.unwrap_or(before.purpose.clone()),
        established_by_sak_id: patch
            .established_by_sak_id
            .unwrap_or(before.established_by_sak_id),
        policy_document_id: patch
            .policy_document_id
            .unwrap_or(before.policy_document_id),
        status: patch.status.unwrap_or(before.status),
        starts_on: patch.starts_on.unwrap_or(before.starts_on),
        ends_on: patch.ends_on.unwrap_or(before.ends_on),
    }
    .check()?;
    let changed = working_group::ActiveModel {
        kind: Set(f.kind),
        name: Set(f.name),
        purpose: Set(f.purpose),
        established_by_sak_id: Set(f.established_by_sak_id),
        policy_document_id: Set(f.policy_document_id),
        status: Set(f.status),
        starts_on: Set(f.starts_on),
        ends_on: Set(f.ends_on),
        ..Default::default()
    };
    super::update_versioned::<working_group::Entity, _>(
        db,
        proof.actor(),
        "Working group",
        (id, expected_version),
        changed,
        fk_error,
    )
    .await
}

// ---------------------------------------------------------------------------------------
// Reads.

/// Groups are public once the vedtak that set them up is in published minutes; this is
/// `policy::can_read_minutes` for the public, as SQL for lists.
pub fn public_group_condition() -> SimpleExpr {
    let published = meeting::Entity::find()
        .select_only()
        .column(meeting::Column::Id)
        .filter(meeting::Column::MinutesStatus.eq(MinutesStatus::Published))
        .filter(meeting::Column::NoticePublishedAt.is_not_null())
        .filter(meeting::Column::Status.ne(entity::enums::MeetingStatus::Planned))
        .into_query();
    let saker = sak::Entity::find()
        .select_only()
        .column(sak::Column::Id)
        .filter(sak::Column::MeetingId.in_subquery(published))
        .into_query();
    working_group::Column::EstablishedBySakId.in_subquery(saker)
}

/// The condition for the groups a viewer may see.
pub fn visible_groups(viewer: &Viewer) -> Condition {
    if policy::can_read_deadlines(viewer) {
        Condition::all()
    } else {
        Condition::all().add(public_group_condition())
    }
}

/// Filters for the list of groups.
#[derive(Clone, Debug, Default)]
pub struct GroupFilter {
    pub kind: Option<WorkingGroupKind>,
    /// Any of these statuses (all when empty).
    pub statuses: Vec<WorkingGroupStatus>,
    /// Groups at work on this date (proposed groups are not at work yet).
    pub active_on: Option<NaiveDate>,
    /// Groups where this person has (had) a membership.
    pub person_id: Option<i32>,
    /// With `person_id`: only memberships that count on this date.
    pub member_on: Option<NaiveDate>,
    pub policy_document_id: Option<i32>,
}

/// Rows whose `[starts, ends]` (inclusive, open when null) contains `d`.
fn covers(starts: impl ColumnTrait, ends: impl ColumnTrait, d: NaiveDate) -> Condition {
    Condition::all()
        .add(Condition::any().add(starts.is_null()).add(starts.lte(d)))
        .add(Condition::any().add(ends.is_null()).add(ends.gte(d)))
}

/// Groups, newest first.
pub fn groups(viewer: &Viewer, filter: GroupFilter) -> AppResult<Select<working_group::Entity>> {
    use working_group::Column as C;
    let mut cond = visible_groups(viewer);
    if let Some(k) = filter.kind {
        cond = cond.add(C::Kind.eq(k));
    }
    if !filter.statuses.is_empty() {
        cond = cond.add(C::Status.is_in(filter.statuses));
    }
    if let Some(d) = filter.active_on {
        check_dates("activeOn", Some(d), "activeOn", None)?;
        cond = cond
            .add(C::Status.ne(WorkingGroupStatus::Proposed))
            .add(covers(C::StartsOn, C::EndsOn, d));
    }
    if let Some(p) = filter.policy_document_id {
        cond = cond.add(C::PolicyDocumentId.eq(p));
    }
    if let Some(p) = filter.person_id {
        use working_group_member::Column as M;
        let mut members = Condition::all().add(M::PersonId.eq(p));
        if let Some(d) = filter.member_on {
            members = members.add(covers(M::StartsOn, M::EndsOn, d));
        }
        let ids = working_group_member::Entity::find()
            .select_only()
            .column(M::WorkingGroupId)
            .filter(members)
            .into_query();
        cond = cond.add(C::Id.in_subquery(ids));
    }
    Ok(working_group::Entity::find()
        .filter(cond)
        .order_by_desc(C::Id))
}

/// One group, if the viewer may see it.
pub async fn find_visible_group(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: i32,
) -> AppResult<Option<working_group::Model>> {
    Ok(working_group::Entity::find_by_id(id)
        .filter(visible_groups(viewer))
        .one(db)
        .await?)
}

/// A person's memberships over time, oldest first, in the groups the viewer may see.
pub async fn person_history(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    person_id: i32,
) -> AppResult<Vec<working_group_member::Model>> {
    let groups = working_group::Entity::find()
        .select_only()
        .column(working_group::Column::Id)
        .filter(visible_groups(viewer))
        .into_query();
    let mut rows = working_group_member::Entity::find()
        .filter(working_group_member::Column::PersonId.eq(person_id))
        .filter(working_group_member::Column::WorkingGroupId.in_subquery(groups))
        .order_by_asc(working_group_member::Column::Id)
        .all(db)
        .await?;
    // Unknown starts come first: they are the oldest rows, entered from the papers.
    rows.sort_by_key(|m| (m.starts_on, m.id));
    Ok(rows)
}

/// The memberships that count on `on`, in the order the vedtak named them (leader first).
pub fn members_on(
    rows: Vec<working_group_member::Model>,
    on: Option<NaiveDate>,
) -> Vec<working_group_member::Model> {
    let mut out: Vec<_> = match on {
        Some(d) => rows.into_iter().filter(|m| is_current(m, d)).collect(),
        None => rows,
    };
    out.sort_by_key(|m| (m.role != WorkingGroupRole::Leader, m.starts_on, m.id));
    out
}
