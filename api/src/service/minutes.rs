//! The minutes' life cycle: draft (with each forslag til vedtak as the starting vedtak) →
//! sent for comments with a merknadsfrist → approved by the "Godkjenning av referat" sak of a
//! later meeting → published. Approved minutes are locked until reopened. Members comment on
//! the draft until the merknadsfrist (an Oslo calendar day); the secretariat marks comments
//! handled.
//!
//! Illegal transitions are refused with `CONFLICT` and a message starting "Illegal transition:".
use chrono::NaiveDate;
use entity::{
    enums::{MeetingStatus, MinutesStatus, SakStatus, StandingKind},
    meeting, minutes_comment, sak,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::{
    audit, clean_text,
    meetings::{MAX_TEXT, code, ensure_editable, illegal, load, oslo_today},
    now, required_text,
    saker::{agenda, load_with_meeting},
};
use crate::{
    auth::policy::{MemberWrite, Proof, SecretariatWrite},
    error::{AppError, AppResult},
};

fn minutes_word(s: MinutesStatus) -> &'static str {
    match s {
        MinutesStatus::None => "not started",
        MinutesStatus::Draft => "a draft",
        MinutesStatus::SentForComments => "sent for comments",
        MinutesStatus::Approved => "approved",
        MinutesStatus::Published => "published",
    }
}

/// Held meeting, no minutes → draft. Every sak without a vedtak starts from its forslag til
/// vedtak.
pub async fn start_minutes(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    meeting_id: i32,
    version: i32,
) -> AppResult<meeting::Model> {
    let before = load::<meeting::Entity>("The meeting", db, meeting_id).await?;
    if before.status != MeetingStatus::Held || before.minutes_status != MinutesStatus::None {
        return Err(illegal(format!(
            "minutes are started once for a held meeting; meeting {} is {} and its minutes are {}",
            code(&before),
            super::meetings::status_word(before.status),
            minutes_word(before.minutes_status)
        )));
    }
    let a = meeting::ActiveModel {
        minutes_status: Set(MinutesStatus::Draft),
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
    for s in agenda(db, meeting_id).await? {
        if s.vedtak.is_some() || s.proposed_vedtak.is_none() {
            continue;
        }
        let changes = sak::ActiveModel {
            vedtak: Set(s.proposed_vedtak.clone()),
            ..Default::default()
        };
        let v = s.version;
        super::update_versioned::<sak::Entity, _>(
            db,
            proof.actor(),
            "The sak",
            (s.id, v),
            changes,
            AppError::from,
        )
        .await?;
    }
    Ok(after)
}

/// Draft → sent for comments, with the merknadsfrist (the last day for comments).
pub async fn send_for_comments(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    meeting_id: i32,
    version: i32,
    comment_deadline: NaiveDate,
    sent_on: Option<NaiveDate>,
) -> AppResult<meeting::Model> {
    let before = load::<meeting::Entity>("The meeting", db, meeting_id).await?;
    if before.minutes_status != MinutesStatus::Draft {
        return Err(illegal(format!(
            "only draft minutes can be sent for comments; the minutes of meeting {} are {}",
            code(&before),
            minutes_word(before.minutes_status)
        )));
    }
    let sent_on = sent_on.unwrap_or_else(|| oslo_today(now()));
    if sent_on < before.date {
        return Err(AppError::validation(
            "sentOn",
            "The minutes are sent after the meeting",
        ));
    }
    if comment_deadline < sent_on {
        return Err(AppError::validation(
            "commentDeadline",
            "The merknadsfrist cannot be before the minutes are sent",
        ));
    }
    let a = meeting::ActiveModel {
        minutes_status: Set(MinutesStatus::SentForComments),
        minutes_sent_on: Set(Some(sent_on)),
        comment_deadline: Set(Some(comment_deadline)),
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

/// Approves a meeting's minutes through the "Godkjenning av referat" sak of a later meeting.
/// `version` is the approved meeting's; `vedtak` is the sak's vedtak (default: what it has,
/// or its forslag til vedtak).
pub async fn approve_minutes(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    approving_sak_id: i32,
    version: i32,
    vedtak: Option<String>,
) -> AppResult<meeting::Model> {
    let vedtak = clean_text("vedtak", vedtak, MAX_TEXT)?;
    let (s, approving) = load_with_meeting(db, approving_sak_id).await?;
    let target_id = match (s.standing_kind, s.approves_minutes_of_meeting_id) {
        (Some(StandingKind::ApproveMinutes), Some(id)) => id,
        _ => {
            return Err(AppError::validation(
                "sakId",
                "Minutes are approved through a \"Godkjenning av referat\" sak linked to the meeting",
            ));
        }
    };
    if !matches!(
        approving.status,
        MeetingStatus::NoticePublished | MeetingStatus::Held
    ) {
        return Err(illegal(format!(
            "minutes are approved at a meeting; meeting {} is {}",
            code(&approving),
            super::meetings::status_word(approving.status)
        )));
    }
    ensure_editable(&approving)?;
    let before = load::<meeting::Entity>("The meeting", db, target_id).await?;
    if before.minutes_status != MinutesStatus::SentForComments {
        return Err(illegal(format!(
            "only minutes sent for comments can be approved; the minutes of meeting {} are {}",
            code(&before),
            minutes_word(before.minutes_status)
        )));
    }
    let stamp = now();
    let a = meeting::ActiveModel {
        minutes_status: Set(MinutesStatus::Approved),
        minutes_approved_at: Set(Some(stamp)),
        minutes_approved_in_meeting_id: Set(Some(approving.id)),
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
    let decided = vedtak
        .or_else(|| s.vedtak.clone())
        .or_else(|| s.proposed_vedtak.clone());
    let changes = sak::ActiveModel {
        vedtak: Set(decided),
        status: Set(SakStatus::Treated),
        ..Default::default()
    };
    let v = s.version;
    super::update_versioned::<sak::Entity, _>(
        db,
        proof.actor(),
        "The sak",
        (s.id, v),
        changes,
        AppError::from,
    )
    .await?;
    Ok(after)
}

/// Approved → published: the public can now read the minutes.
pub async fn publish_minutes(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    meeting_id: i32,
    version: i32,
) -> AppResult<meeting::Model> {
    let before = load::<meeting::Entity>("The meeting", db, meeting_id).await?;
    if before.minutes_status != MinutesStatus::Approved {
        return Err(illegal(format!(
            "only approved minutes can be published; the minutes of meeting {} are {}",
            code(&before),
            minutes_word(before.minutes_status)
        )));
    }
    if before.minutes_reopened_at.is_some() {
        return Err(illegal(
            "the minutes are reopened; lock them before publishing",
        ));
    }
    let a = meeting::ActiveModel {
        minutes_status: Set(MinutesStatus::Published),
        minutes_published_at: Set(Some(now())),
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

/// Unlocks approved (or published) minutes for a correction; when and why is kept on the
/// meeting and in the audit log.
pub async fn reopen_minutes(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    meeting_id: i32,
    version: i32,
    reason: String,
) -> AppResult<meeting::Model> {
    let reason = required_text("reason", reason, MAX_TEXT)?;
    let before = load::<meeting::Entity>("The meeting", db, meeting_id).await?;
    if !matches!(
        before.minutes_status,
        MinutesStatus::Approved | MinutesStatus::Published
    ) || before.minutes_reopened_at.is_some()
    {
        return Err(illegal(format!(
            "only locked approved minutes can be reopened; the minutes of meeting {} are {}{}",
            code(&before),
            minutes_word(before.minutes_status),
            if before.minutes_reopened_at.is_some() {
                " and already reopened"
            } else {
                ""
            }
        )));
    }
    let a = meeting::ActiveModel {
        minutes_reopened_at: Set(Some(now())),
        minutes_reopen_reason: Set(Some(reason)),
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

/// Locks reopened minutes again.
pub async fn lock_minutes(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    meeting_id: i32,
    version: i32,
) -> AppResult<meeting::Model> {
    let before = load::<meeting::Entity>("The meeting", db, meeting_id).await?;
    if before.minutes_reopened_at.is_none() {
        return Err(illegal(format!(
            "the minutes of meeting {} are not reopened",
            code(&before)
        )));
    }
    let a = meeting::ActiveModel {
        minutes_reopened_at: Set(None),
        minutes_reopen_reason: Set(None),
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

const MAX_COMMENT: usize = 10_000;

/// A member comments on draft minutes sent for comments, on the whole or on one sak, until
/// the merknadsfrist (inclusive, an Oslo calendar day). An inhabil member cannot comment on
/// that sak. `received_on`: when the secretariat records a comment that reached it by other
/// means, the day it arrived (default today); members always comment today.
pub async fn add_comment(
    db: &impl ConnectionTrait,
    proof: &MemberWrite,
    meeting_id: i32,
    sak_id: Option<i32>,
    text: String,
    received_on: Option<NaiveDate>,
) -> AppResult<minutes_comment::Model> {
    let text = required_text("text", text, MAX_COMMENT)?;
    let author = proof.actor().user_id.ok_or(AppError::Forbidden)?;
    let today = oslo_today(now());
    let received = match received_on {
        Some(_) if !proof.on_behalf => {
            return Err(AppError::validation(
                "receivedOn",
                "Only the secretariat records when a comment was received",
            ));
        }
        Some(d) if d > today => {
            return Err(AppError::validation(
                "receivedOn",
                "A comment cannot be received in the future",
            ));
        }
        Some(d) => d,
        None => today,
    };
    let m = load::<meeting::Entity>("The meeting", db, meeting_id).await?;
    let visible_to_members = matches!(
        m.minutes_status,
        MinutesStatus::SentForComments | MinutesStatus::Approved | MinutesStatus::Published
    ) && m.notice_published_at.is_some();
    if !proof.on_behalf && !visible_to_members {
        return Err(AppError::NotFound("The meeting"));
    }
    if m.minutes_status != MinutesStatus::SentForComments {
        return Err(illegal(format!(
            "comments are taken while the minutes are out for comments; the minutes of meeting {} are {}",
            code(&m),
            minutes_word(m.minutes_status)
        )));
    }
    if m.minutes_sent_on.is_some_and(|sent| received < sent) {
        return Err(AppError::validation(
            "receivedOn",
            "The minutes had not been sent out yet",
        ));
    }
    if let Some(deadline) = m.comment_deadline
        && received > deadline
    {
        return Err(AppError::Conflict(format!(
            "The merknadsfrist ({deadline}) has passed; comments are no longer taken"
        )));
    }
    if let Some(s) = sak_id {
        let sak = sak::Entity::find_by_id(s)
            .one(db)
            .await?
            .filter(|x| x.meeting_id == meeting_id)
            .ok_or_else(|| AppError::validation("sakId", "Not a sak of this meeting"))?;
        if super::habilitet::is_inhabil(db, sak.id, proof.person_id).await? {
            return Err(AppError::validation(
                "sakId",
                format!(
                    "Inhabil for sak {}/{}: no part in the sak, and no comments on it",
                    sak.number,
                    code(&m)
                ),
            ));
        }
    }
    let stamp = now();
    let row = minutes_comment::ActiveModel {
        meeting_id: Set(meeting_id),
        sak_id: Set(sak_id),
        person_id: Set(Some(proof.person_id)),
        author_user_id: Set(author),
        text: Set(text),
        handled: Set(false),
        handled_at: Set(None),
        handled_by_user_id: Set(None),
        handled_note: Set(None),
        version: Set(1),
        created_at: Set(stamp),
        updated_at: Set(stamp),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit::record::<minutes_comment::Entity, _>(db, proof.actor(), row.id, None, Some(&row))
        .await?;
    Ok(row)
}

/// The secretariat marks a comment handled (worked in, or answered), or not.
pub async fn set_comment_handled(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    comment_id: i32,
    version: i32,
    handled: bool,
    note: Option<String>,
) -> AppResult<minutes_comment::Model> {
    let note = clean_text("note", note, MAX_TEXT)?;
    let before = load::<minutes_comment::Entity>("The comment", db, comment_id).await?;
    let a = minutes_comment::ActiveModel {
        handled: Set(handled),
        handled_at: Set(handled.then(now)),
        handled_by_user_id: Set(if handled { proof.actor().user_id } else { None }),
        handled_note: Set(note),
        ..Default::default()
    };
    super::update_versioned::<minutes_comment::Entity, _>(
        db,
        proof.actor(),
        "The comment",
        (before.id, version),
        a,
        AppError::from,
    )
    .await
}

/// Comments of a meeting for the viewer: all for the secretariat, a member's own otherwise.
pub async fn comments_of(
    db: &impl ConnectionTrait,
    meeting_id: i32,
    person_id: Option<i32>,
) -> AppResult<Vec<minutes_comment::Model>> {
    let mut q =
        minutes_comment::Entity::find().filter(minutes_comment::Column::MeetingId.eq(meeting_id));
    if let Some(p) = person_id {
        q = q.filter(minutes_comment::Column::PersonId.eq(p));
    }
    Ok(
        sea_orm::QueryOrder::order_by_asc(q, minutes_comment::Column::CreatedAt)
            .all(db)
            .await?,
    )
}
