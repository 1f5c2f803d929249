//! Failed-login throttling kept in the database, so every API replica sees the same counts.
//! Per address: a hard limit (then 429). Per account *and* address: a growing delay, so an
//! attacker elsewhere cannot lock the real user out.
//!
//! An attempt is reserved before the password is checked, with a compare-and-swap on the
//! counter: a burst of parallel guesses cannot all read the same count and slip through.
use chrono::{DateTime, Duration, Utc};
use entity::login_throttle;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TryInsertResult,
    sea_query::{Expr, ExprTrait},
};
use sha2::{Digest, Sha256};

use crate::error::AppResult;

pub const WINDOW_MINUTES: i64 = 15;
pub const MAX_FAILURES_PER_ADDRESS: i32 = 30;
pub const FREE_FAILURES_PER_ACCOUNT: i32 = 5;
const MAX_ACCOUNT_DELAY_SECONDS: i64 = 15 * 60;
/// Losing the compare-and-swap this often in a row means a flood on one key: refuse.
const MAX_RACES: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Every attempt from one address; successful logins are refunded.
    Address,
    /// Attempts on one account from one address; a success clears them.
    Account,
}

impl Rule {
    /// The most attempts a window allows.
    fn max_attempts(self) -> i32 {
        match self {
            Self::Address => MAX_FAILURES_PER_ADDRESS,
            Self::Account => i32::MAX,
        }
    }

    /// After the `n`th attempt on an account, the next waits 2, 4, 8 … seconds.
    fn blocked_until(self, n: i32, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self {
            Self::Address => None,
            Self::Account => (n > FREE_FAILURES_PER_ACCOUNT).then(|| {
                let exp = Ord::min(n - FREE_FAILURES_PER_ACCOUNT, 12) as u32;
                now + Duration::seconds(Ord::min(1i64 << exp, MAX_ACCOUNT_DELAY_SECONDS))
            }),
        }
    }
}

pub fn address_key(ip: &str) -> String {
    format!("ip:{ip}")
}

/// The e-mail is hashed: the table need not hold a list of addresses people typed.
pub fn account_key(email: &str, ip: &str) -> String {
    let digest = Sha256::digest(email.trim().to_lowercase().as_bytes());
    format!("acct:{}:{ip}", &hex::encode(digest)[..32])
}

/// Counts an attempt on `key`; `false` when the key is blocked and the attempt refused.
pub async fn reserve(
    db: &impl ConnectionTrait,
    key: &str,
    rule: Rule,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    for _ in 0..MAX_RACES {
        let Some(row) = login_throttle::Entity::find_by_id(key.to_owned())
            .one(db)
            .await?
        else {
            let first = login_throttle::ActiveModel {
                key: Set(key.to_owned()),
                window_started_at: Set(now),
                failures: Set(1),
                blocked_until: Set(rule.blocked_until(1, now)),
            };
            let inserted = login_throttle::Entity::insert(first)
                .on_conflict_do_nothing_on([login_throttle::Column::Key])
                .exec_without_returning(db)
                .await?;
            if matches!(inserted, TryInsertResult::Inserted(1)) {
                return Ok(true);
            }
            continue;
        };
        if row.blocked_until.is_some_and(|until| until > now) {
            return Ok(false);
        }
        let fresh = now - row.window_started_at >= Duration::minutes(WINDOW_MINUTES);
        let attempts = if fresh { 1 } else { row.failures + 1 };
        if attempts > rule.max_attempts() {
            return Ok(false);
        }
        let window = if fresh { now } else { row.window_started_at };
        let swapped = login_throttle::Entity::update_many()
            .col_expr(login_throttle::Column::Failures, Expr::value(attempts))
            .col_expr(login_throttle::Column::WindowStartedAt, Expr::value(window))
            .col_expr(
                login_throttle::Column::BlockedUntil,
                Expr::value(rule.blocked_until(attempts, now)),
            )
            .filter(login_throttle::Column::Key.eq(key))
            .filter(login_throttle::Column::Failures.eq(row.failures))
            .exec(db)
            .await?;
        if swapped.rows_affected == 1 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Gives back an address's attempt after a successful login.
pub async fn refund(db: &impl ConnectionTrait, key: &str) -> AppResult<()> {
    login_throttle::Entity::update_many()
        .col_expr(
            login_throttle::Column::Failures,
            Expr::col(login_throttle::Column::Failures).sub(1),
        )
        .filter(login_throttle::Column::Key.eq(key))
        .filter(login_throttle::Column::Failures.gt(0))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn clear(db: &impl ConnectionTrait, key: &str) -> AppResult<()> {
    login_throttle::Entity::delete_by_id(key.to_owned())
        .exec(db)
        .await?;
    Ok(())
}

/// Forgets windows that ended long ago, so the table does not grow with every typo.
pub async fn prune(db: &impl ConnectionTrait, now: DateTime<Utc>) -> AppResult<()> {
    let cutoff = now - Duration::days(1);
    login_throttle::Entity::delete_many()
        .filter(login_throttle::Column::WindowStartedAt.lt(cutoff))
        .filter(
            login_throttle::Column::BlockedUntil
                .is_null()
                .or(login_throttle::Column::BlockedUntil.lt(now)),
        )
        .exec(db)
        .await?;
    Ok(())
}
