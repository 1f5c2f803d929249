//! Password hashing with argon2id at OWASP's parameters, always off the async runtime.
use std::{
    collections::HashSet,
    sync::{
        LazyLock,
        atomic::{AtomicU64, Ordering},
    },
};

use anyhow::Context;
use argon2::{
    Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version,
    password_hash::{SaltString, rand_core::OsRng},
};
use entity::enums::UserRole;
use tokio::sync::Semaphore;

use crate::error::{AppError, AppResult};

pub const MAX_LEN: usize = 128;

/// The 10 000 most common passwords of at least eight characters, and a few Norwegian ones
/// (see `api/assets/common-passwords.md`).
static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../assets/common-passwords.txt")
        .lines()
        .collect()
});

fn argon2() -> Argon2<'static> {
    // OWASP: m = 19 MiB, t = 2, p = 1.
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Checked against when the e-mail is unknown, so that answer takes as long as a wrong password.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(b"not-a-real-password", &salt)
        .map(|h| h.to_string())
        .unwrap_or_default()
});

/// Each argon2 run holds 19 MiB: a flood of logins must queue, not exhaust memory.
static HASHING: Semaphore = Semaphore::const_new(4);

/// How many argon2 verifications ran against the dummy hash (the tests watch this path).
static DUMMY_VERIFICATIONS: AtomicU64 = AtomicU64::new(0);

pub fn dummy_verifications() -> u64 {
    DUMMY_VERIFICATIONS.load(Ordering::Relaxed)
}

/// Builds the dummy hash at start-up, so the first unknown e-mail is not slower than the rest.
pub async fn warm_up() -> AppResult<()> {
    tokio::task::spawn_blocking(|| LazyLock::force(&DUMMY_HASH).len())
        .await
        .context("warming up the dummy hash")?;
    Ok(())
}

pub fn check_policy(password: &str, role: UserRole) -> AppResult<()> {
    let min = if role == UserRole::Secretariat { 15 } else { 8 };
    let len = password.chars().count();
    if len < min {
        return Err(AppError::validation(
            "password",
            format!("The password must have at least {min} characters"),
        ));
    }
    if len > MAX_LEN {
        return Err(AppError::validation(
            "password",
            format!("The password may have at most {MAX_LEN} characters"),
        ));
    }
    if COMMON.contains(password.to_lowercase().as_str()) {
        return Err(AppError::validation(
            "password",
            "This password is too common",
        ));
    }
    Ok(())
}

pub async fn hash(password: String) -> AppResult<String> {
    let _permit = HASHING.acquire().await.context("hashing queue")?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        argon2()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
    })
    .await
    .context("hashing task")?
    .map_err(AppError::from)
}

/// Verifies `password` against `hash`, or against a dummy hash when there is no user.
pub async fn verify(password: String, hash: Option<String>) -> AppResult<bool> {
    let _permit = HASHING.acquire().await.context("hashing queue")?;
    tokio::task::spawn_blocking(move || {
        let known = hash.is_some();
        let stored = hash.unwrap_or_else(|| DUMMY_HASH.clone());
        let ok = PasswordHash::new(&stored)
            .map(|parsed| {
                if !known {
                    DUMMY_VERIFICATIONS.fetch_add(1, Ordering::Relaxed);
                }
                argon2()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        known && ok
    })
    .await
    .context("verification task")
    .map_err(AppError::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_only_its_own_password() {
        let h = hash("correct horse battery".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            verify("correct horse battery".into(), Some(h.clone()))
                .await
                .unwrap()
        );
        assert!(!verify("wrong horse battery".into(), Some(h)).await.unwrap());
        assert!(!verify("anything".into(), None).await.unwrap());
    }

    #[test]
    fn the_secretariat_needs_longer_passwords() {
        assert!(check_policy("abcdefghij", UserRole::Member).is_ok());
        assert!(check_policy("abcdefghij", UserRole::Secretariat).is_err());
        assert!(check_policy("password1", UserRole::Member).is_err());
        // From deep in the list, and in any case.
        assert!(check_policy("Trustno1", UserRole::Member).is_err());
        assert!(check_policy("felicidade", UserRole::Member).is_err());
        assert!(check_policy("passord123", UserRole::Member).is_err());
        assert!(check_policy("lilla kanel fjord", UserRole::Member).is_ok());
        assert!(check_policy(&"x".repeat(129), UserRole::Member).is_err());
    }
}
