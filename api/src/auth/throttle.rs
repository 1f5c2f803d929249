//! Failed-login throttling kept in the database, so every API replica sees the same counts.
//! Per address: a hard limit. Per account and address: a growing delay, so an attacker
//! elsewhere cannot lock the real user out.
use chrono::{DateTime, Duration, Utc};
use entity::login_throttle;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};

use crate::error::AppResult;

const WINDOW_MINUTES: i64 = 15;
const MAX_FAILURES_PER_ADDRESS: i32 = 30;
const FREE_FAILURES_PER_ACCOUNT: i32 = 5;
const MAX_ACCOUNT_DELAY_SECONDS: i64 = 15 * 60;

pub fn address_key(ip: &str) -> String {
    format!("ip:{ip}")
}

pub fn account_key(email: &str, ip: &str) -> String {
    format!("acct:{}:{ip}", email.to_lowercase())
}

/// Whether `key` is blocked now.
pub async fn is_blocked(
    db: &impl ConnectionTrait,
    key: &str,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let row = login_throttle::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?;
    Ok(row
        .and_then(|r| r.blocked_until)
        .is_some_and(|until| until > now))
}

pub async fn record_failure(
    db: &impl ConnectionTrait,
    key: &str,
    per_account: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let existing = login_throttle::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?;
    let fresh = existing
        .as_ref()
        .is_none_or(|r| now - r.window_started_at > Duration::minutes(WINDOW_MINUTES));
    let failures = if fresh {
        1
    } else {
        existing.as_ref().map_or(1, |r| r.failures + 1)
    };
    let blocked_until = if per_account {
        (failures > FREE_FAILURES_PER_ACCOUNT).then(|| {
            let exp = (failures - FREE_FAILURES_PER_ACCOUNT).min(12) as u32;
            now + Duration::seconds((1i64 << exp).min(MAX_ACCOUNT_DELAY_SECONDS))
        })
    } else {
        (failures >= MAX_FAILURES_PER_ADDRESS).then(|| now + Duration::minutes(WINDOW_MINUTES))
    };
    let row = login_throttle::ActiveModel {
        key: Set(key.to_owned()),
        window_started_at: Set(if fresh {
            now
        } else {
            existing.as_ref().map_or(now, |r| r.window_started_at)
        }),
        failures: Set(failures),
        blocked_until: Set(blocked_until),
    };
    if existing.is_some() {
        row.update(db).await?;
    } else {
        // Two replicas may race to create the row; losing that race is harmless.
        let _ = login_throttle::Entity::insert(row).exec(db).await;
    }
    Ok(())
}

pub async fn clear(db: &impl ConnectionTrait, key: &str) -> AppResult<()> {
    login_throttle::Entity::delete_by_id(key.to_owned())
        .exec(db)
        .await?;
    Ok(())
}
