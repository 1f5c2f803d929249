//! Habilitet (forvaltningsloven § 10): a member declares an interest in a sak before the
//! meeting; the council's assessment per member per sak is recorded with its reason. An
//! inhabil member takes no part in the sak and cannot comment on it in the minutes.
use entity::{conflict_of_interest, enums::HabilitetOutcome, enums::MeetingStatus};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::{
    audit, clean_text,
    meetings::{MAX_LINE, MAX_TEXT, ensure_editable, illegal},
    now, required_text,
    saker::load_with_meeting,
};
use crate::{
    auth::policy::{MemberWrite, Proof, SecretariatWrite},
    error::{AppError, AppResult},
};

/// What the minutes say when no inhabilitet was recorded.
pub const NONE_RECORDED: &str = "Det er ikke knyttet inhabilitet til noen av sakene på rådsmøtet.";

async fn find(
    db: &impl ConnectionTrait,
    sak_id: i32,
    person_id: i32,
) -> AppResult<Option<conflict_of_interest::Model>> {
    Ok(conflict_of_interest::Entity::find()
        .filter(conflict_of_interest::Column::SakId.eq(sak_id))
        .filter(conflict_of_interest::Column::PersonId.eq(person_id))
        .one(db)
        .await?)
}

/// A member declares an interest in a sak (or the secretariat records it for them). A member
/// declares before the meeting, on papers they can read; a later declaration replaces an
/// earlier one until the council has assessed it.
pub async fn declare(
    db: &impl ConnectionTrait,
    proof: &MemberWrite,
    sak_id: i32,
    declaration: String,
) -> AppResult<conflict_of_interest::Model> {
    let declaration = required_text("declaration", declaration, MAX_TEXT)?;
    let (s, m) = load_with_meeting(db, sak_id).await?;
    if !proof.on_behalf {
        // A member cannot see a sak before the notice is out: it must look missing.
        if m.status == MeetingStatus::Planned || m.notice_published_at.is_none() {
            return Err(AppError::NotFound("The sak"));
        }
        if m.status != MeetingStatus::NoticePublished {
            return Err(illegal(
                "interests are declared before the meeting; after it the secretariat records them",
            ));
        }
    }
    ensure_editable(&m)?;
    let stamp = now();
    match find(db, s.id, proof.person_id).await? {
        Some(before) if before.outcome != HabilitetOutcome::Pending => {
            Err(illegal("the council has already assessed this declaration"))
        }
        Some(before) => {
            let a = conflict_of_interest::ActiveModel {
                declaration: Set(Some(declaration)),
                declared_at: Set(Some(stamp)),
                declared_by_user_id: Set(proof.actor().user_id),
                ..Default::default()
            };
            let version = before.version;
            super::update_versioned::<conflict_of_interest::Entity, _>(
                db,
                proof.actor(),
                "The habilitet record",
                (before.id, version),
                a,
                AppError::from,
            )
            .await
        }
        None => {
            let row = conflict_of_interest::ActiveModel {
                sak_id: Set(s.id),
                person_id: Set(proof.person_id),
                declaration: Set(Some(declaration)),
                declared_at: Set(Some(stamp)),
                declared_by_user_id: Set(proof.actor().user_id),
                outcome: Set(HabilitetOutcome::Pending),
                reason: Set(None),
                left_room: Set(false),
                decided_by: Set(None),
                decided_at: Set(None),
                version: Set(1),
                created_at: Set(stamp),
                updated_at: Set(stamp),
                ..Default::default()
            }
            .insert(db)
            .await
            .map_err(|e| match AppError::from(e) {
                AppError::Validation { .. } => AppError::validation("personId", "No such person"),
                other => other,
            })?;
            audit::record::<conflict_of_interest::Entity, _>(
                db,
                proof.actor(),
                row.id,
                None,
                Some(&row),
            )
            .await?;
            Ok(row)
        }
    }
}

/// The council's assessment of one member for one sak.
#[derive(Clone, Debug)]
pub struct Assessment {
    pub person_id: i32,
    /// Inhabil or not inhabil (pending is not an assessment).
    pub outcome: HabilitetOutcome,
    pub reason: Option<String>,
    /// Whether the member left the room during the sak (only when inhabil).
    pub left_room: bool,
    /// Who decided, e.g. "rådet".
    pub decided_by: Option<String>,
}

/// Records the assessment, creating the record when the member declared nothing beforehand.
/// `version` is the record's version when one exists (required then).
pub async fn assess(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    sak_id: i32,
    a: Assessment,
    version: Option<i32>,
) -> AppResult<conflict_of_interest::Model> {
    if a.outcome == HabilitetOutcome::Pending {
        return Err(AppError::validation(
            "outcome",
            "An assessment is inhabil or not inhabil",
        ));
    }
    if a.left_room && a.outcome != HabilitetOutcome::Inhabil {
        return Err(AppError::validation(
            "leftRoom",
            "Only an inhabil member leaves the room",
        ));
    }
    let reason = clean_text("reason", a.reason, MAX_TEXT)?;
    let decided_by = clean_text("decidedBy", a.decided_by, MAX_LINE)?;
    let (s, m) = load_with_meeting(db, sak_id).await?;
    ensure_editable(&m)?;
    let stamp = now();
    match find(db, s.id, a.person_id).await? {
        Some(before) => {
            let version = version.ok_or_else(|| {
                AppError::validation("version", "Send the version of the record you saw")
            })?;
            let changes = conflict_of_interest::ActiveModel {
                outcome: Set(a.outcome),
                reason: Set(reason),
                left_room: Set(a.left_room),
                decided_by: Set(decided_by),
                decided_at: Set(Some(stamp)),
                ..Default::default()
            };
            super::update_versioned::<conflict_of_interest::Entity, _>(
                db,
                proof.actor(),
                "The habilitet record",
                (before.id, version),
                changes,
                AppError::from,
            )
            .await
        }
        None => {
            let row = conflict_of_interest::ActiveModel {
                sak_id: Set(s.id),
                person_id: Set(a.person_id),
                declaration: Set(None),
                declared_at: Set(None),
                declared_by_user_id: Set(None),
                outcome: Set(a.outcome),
                reason: Set(reason),
                left_room: Set(a.left_room),
                decided_by: Set(decided_by),
                decided_at: Set(Some(stamp)),
                version: Set(1),
                created_at: Set(stamp),
                updated_at: Set(stamp),
                ..Default::default()
            }
            .insert(db)
            .await
            .map_err(|e| match AppError::from(e) {
                AppError::Validation { .. } => AppError::validation("personId", "No such person"),
                AppError::Conflict(_) => AppError::stale("The habilitet record"),
                other => other,
            })?;
            audit::record::<conflict_of_interest::Entity, _>(
                db,
                proof.actor(),
                row.id,
                None,
                Some(&row),
            )
            .await?;
            Ok(row)
        }
    }
}

/// Whether the member was found inhabil for the sak.
pub async fn is_inhabil(db: &impl ConnectionTrait, sak_id: i32, person_id: i32) -> AppResult<bool> {
    Ok(find(db, sak_id, person_id)
        .await?
        .is_some_and(|r| r.outcome == HabilitetOutcome::Inhabil))
}

/// The minutes' sentence for one settled record.
pub fn minutes_line(
    name: &str,
    sak_code: &str,
    outcome: HabilitetOutcome,
    left_room: bool,
) -> Option<String> {
    match outcome {
        HabilitetOutcome::Inhabil if left_room => Some(format!(
            "{name} er inhabil for sak {sak_code} og forlater møtet under diskusjonen av saken."
        )),
        HabilitetOutcome::Inhabil => Some(format!("{name} er inhabil for sak {sak_code}.")),
        HabilitetOutcome::NotInhabil => Some(format!(
            "{name} har særinteresser i sak {sak_code}, men ikke i en form som medfører inhabilitet."
        )),
        HabilitetOutcome::Pending => None,
    }
}
