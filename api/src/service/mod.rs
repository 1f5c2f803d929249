//! The rules. Services take `&impl ConnectionTrait` so several calls share one transaction,
//! and write services take a proof from `auth::policy`.
pub mod attendance;
pub mod audit;
pub mod consultations;
pub mod council;
pub mod files;
pub mod follow_ups;
pub mod habilitet;
pub mod meetings;
pub mod minutes;
pub mod people;
pub mod reports;
pub mod saker;
pub mod search;
pub mod users;
pub mod working_groups;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ModelTrait, QueryFilter,
};

use crate::{
    auth::policy::Actor,
    error::{AppError, AppResult},
};

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Optimistic concurrency for any table with `id` and `version` columns: applies `changes`
/// only while the row still has `version` (`UPDATE … WHERE id = ? AND version = ?`), bumps
/// the version (and `updated_at` where there is one) and writes the audit rows. A missing
/// row is `NotFound(what)`; a changed one is CONFLICT and nothing is written. `db_err` maps
/// the UPDATE's own errors (e.g. `unique_as` for a renamed key; else `AppError::from`).
pub async fn update_versioned<E, C>(
    db: &C,
    actor: &Actor,
    what: &'static str,
    (id, version): (i32, i32),
    mut changes: E::ActiveModel,
    db_err: impl Fn(sea_orm::DbErr) -> AppError,
) -> AppResult<E::Model>
where
    E: EntityTrait,
    E::Model: Sync,
    C: ConnectionTrait,
{
    let col = |name: &str| {
        name.parse::<E::Column>()
            .map_err(|_| AppError::from(anyhow::anyhow!("{what} has no column {name}")))
    };
    let (id_col, version_col) = (col("id")?, col("version")?);
    let before = E::find()
        .filter(id_col.eq(id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound(what))?;
    if before.get(version_col) != sea_orm::Value::Int(Some(version)) {
        return Err(AppError::stale(what));
    }
    changes.set(version_col, (version + 1).into());
    if let Ok(updated_at) = col("updated_at") {
        changes.set(updated_at, now().into());
    }
    let after = E::update_many()
        .set(changes)
        .filter(id_col.eq(id))
        .filter(version_col.eq(version))
        .exec_with_returning(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .next()
        .ok_or_else(|| AppError::stale(what))?;
    audit::record::<E, _>(db, actor, id, Some(&before), Some(&after)).await?;
    Ok(after)
}

/// Turns a unique-index violation into a validation error on `field`.
pub fn unique_as(
    field: &'static str,
    message: &'static str,
) -> impl Fn(sea_orm::DbErr) -> AppError {
    move |e| match AppError::from(e) {
        AppError::Conflict(_) => AppError::validation(field, message),
        other => other,
    }
}

/// Trims a text input; empty becomes `None`. Refuses text over `max` characters or with
/// control characters other than line breaks and tabs.
pub fn clean_text(
    field: &str,
    value: Option<String>,
    max: usize,
) -> crate::error::AppResult<Option<String>> {
    let Some(v) = value else { return Ok(None) };
    let v = v.trim();
    // PostgreSQL text cannot hold NUL, and no field means to store other control characters.
    if v.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(crate::error::AppError::validation(
            field,
            "Control characters are not allowed",
        ));
    }
    if v.chars().count() > max {
        return Err(crate::error::AppError::validation(
            field,
            format!("At most {max} characters"),
        ));
    }
    Ok((!v.is_empty()).then(|| v.to_owned()))
}

/// Like `clean_text`, for a field that must have a value.
pub fn required_text(field: &str, value: String, max: usize) -> crate::error::AppResult<String> {
    clean_text(field, Some(value), max)?
        .ok_or_else(|| crate::error::AppError::validation(field, "Required"))
}
