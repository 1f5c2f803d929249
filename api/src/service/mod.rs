//! The rules. Services take `&impl ConnectionTrait` so several calls share one transaction,
//! and write services take a proof from `auth::policy`.
pub mod audit;
pub mod users;

use chrono::{DateTime, Utc};

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Trims a text input; empty becomes `None`. Refuses text over `max` characters.
pub fn clean_text(
    field: &str,
    value: Option<String>,
    max: usize,
) -> crate::error::AppResult<Option<String>> {
    let Some(v) = value else { return Ok(None) };
    let v = v.trim();
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
