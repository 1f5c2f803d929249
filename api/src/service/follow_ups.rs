//! Follow-up items from a vedtak ("Rådet ber sekretariatet følge opp …"): assigned, due and
//! closed. The open ones are what "Utestående fra forrige referat" reviews.
use chrono::NaiveDate;
use entity::{enums::FollowUpStatus, follow_up, meeting, sak};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QueryOrder,
    QuerySelect, RelationDef, Select, Set,
};

use super::{
    audit, clean_text,
    meetings::{MAX_LINE, MAX_TEXT, illegal, load},
    now, required_text,
};
use crate::{
    auth::policy::{Proof, SecretariatWrite},
    error::{AppError, AppResult},
};

#[derive(Clone, Debug, Default)]
pub struct NewFollowUp {
    pub sak_id: i32,
    pub description: String,
    /// A registered person, or…
    pub assignee_person_id: Option<i32>,
    /// …who as written ("sekretariatet", "arbeidsgruppen").
    pub assignee_text: Option<String>,
    pub due_on: Option<NaiveDate>,
    /// `None`: open. Imports may record items already done.
    pub status: Option<FollowUpStatus>,
}

pub async fn create(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    new: NewFollowUp,
) -> AppResult<follow_up::Model> {
    let description = required_text("description", new.description, MAX_TEXT)?;
    let assignee_text = clean_text("assigneeText", new.assignee_text, MAX_LINE)?;
    load::<sak::Entity>("The sak", db, new.sak_id).await?;
    let stamp = now();
    let status = new.status.unwrap_or(FollowUpStatus::Open);
    let row = follow_up::ActiveModel {
        sak_id: Set(new.sak_id),
        description: Set(description),
        assignee_person_id: Set(new.assignee_person_id),
        assignee_text: Set(assignee_text),
        due_on: Set(new.due_on),
        status: Set(status),
        closed_at: Set((status != FollowUpStatus::Open).then_some(stamp)),
        closed_note: Set(None),
        version: Set(1),
        created_at: Set(stamp),
        updated_at: Set(stamp),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| match AppError::from(e) {
        AppError::Validation { .. } => AppError::validation("assigneePersonId", "No such person"),
        other => other,
    })?;
    audit::record::<follow_up::Entity, _>(db, proof.actor(), row.id, None, Some(&row)).await?;
    Ok(row)
}

/// Changes to an item; `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Clone, Debug, Default)]
pub struct FollowUpChanges {
    pub description: Option<String>,
    pub assignee_person_id: Option<Option<i32>>,
    pub assignee_text: Option<Option<String>>,
    pub due_on: Option<Option<NaiveDate>>,
}

pub async fn update(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
    c: FollowUpChanges,
) -> AppResult<follow_up::Model> {
    let before = load::<follow_up::Entity>("The follow-up item", db, id).await?;
    let mut a: follow_up::ActiveModel = Default::default();
    if let Some(v) = c.description {
        a.description = Set(required_text("description", v, MAX_TEXT)?);
    }
    if let Some(v) = c.assignee_person_id {
        a.assignee_person_id = Set(v);
    }
    if let Some(v) = c.assignee_text {
        a.assignee_text = Set(clean_text("assigneeText", v, MAX_LINE)?);
    }
    if let Some(v) = c.due_on {
        a.due_on = Set(v);
    }
    super::update_versioned::<follow_up::Entity, _>(
        db,
        proof.actor(),
        "The follow-up item",
        (before.id, version),
        a,
        AppError::from,
    )
    .await
    .map_err(|e| match e {
        AppError::Validation { field, .. } if field == "id" => {
            AppError::validation("assigneePersonId", "No such person")
        }
        other => other,
    })
}

/// Open → done or cancelled, with a note.
pub async fn close(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
    status: FollowUpStatus,
    note: Option<String>,
) -> AppResult<follow_up::Model> {
    if status == FollowUpStatus::Open {
        return Err(AppError::validation("status", "Close as done or cancelled"));
    }
    let note = clean_text("note", note, MAX_TEXT)?;
    let before = load::<follow_up::Entity>("The follow-up item", db, id).await?;
    if before.status != FollowUpStatus::Open {
        return Err(illegal("the follow-up item is already closed"));
    }
    let a = follow_up::ActiveModel {
        status: Set(status),
        closed_at: Set(Some(now())),
        closed_note: Set(note),
        ..Default::default()
    };
    super::update_versioned::<follow_up::Entity, _>(
        db,
        proof.actor(),
        "The follow-up item",
        (before.id, version),
        a,
        AppError::from,
    )
    .await
}

// The entities declare no relations; the join is spelled out here.
fn sak_of_follow_up() -> RelationDef {
    follow_up::Entity::belongs_to(sak::Entity)
        .from(follow_up::Column::SakId)
        .to(sak::Column::Id)
        .into()
}

fn sak_meeting() -> RelationDef {
    sak::Entity::belongs_to(meeting::Entity)
        .from(sak::Column::MeetingId)
        .to(meeting::Column::Id)
        .into()
}

/// Follow-up items in the order of the meetings and saker that created them, optionally
/// only those with `status`: the secretariat's list.
pub fn in_meeting_order(status: Option<FollowUpStatus>) -> Select<follow_up::Entity> {
    let q = follow_up::Entity::find()
        .join(JoinType::InnerJoin, sak_of_follow_up())
        .join(JoinType::InnerJoin, sak_meeting())
        .order_by_asc(meeting::Column::Date)
        .order_by_asc(sak::Column::Number)
        .order_by_asc(follow_up::Column::Id);
    match status {
        Some(s) => q.filter(follow_up::Column::Status.eq(s)),
        None => q,
    }
}

/// Open items from saker of meetings before `m`: "Utestående fra forrige referat".
pub async fn outstanding_before(
    db: &impl ConnectionTrait,
    m: &meeting::Model,
) -> AppResult<Vec<follow_up::Model>> {
    Ok(in_meeting_order(Some(FollowUpStatus::Open))
        .filter(meeting::Column::Date.lt(m.date))
        .all(db)
        .await?)
}
