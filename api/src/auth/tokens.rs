//! Opaque secrets: refresh tokens and API tokens. Only their SHA-256 is stored.
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::error::{AppError, AppResult};

pub const API_TOKEN_PREFIX: &str = "mbk_";
/// An API token's lifetime when its maker names none, and the longest allowed.
pub const API_TOKEN_DEFAULT_DAYS: i64 = 90;
pub const API_TOKEN_MAX_DAYS: i64 = 366;

/// 256 random bits, URL-safe.
pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub fn new_api_token() -> String {
    format!("{API_TOKEN_PREFIX}{}", random_secret())
}

/// What an API token may be used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Read,
    DeadlinesRead,
    ReportsRead,
    Write,
}

impl Scope {
    pub const ALL: [Scope; 4] = [
        Scope::Read,
        Scope::DeadlinesRead,
        Scope::ReportsRead,
        Scope::Write,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::DeadlinesRead => "deadlines:read",
            Self::ReportsRead => "reports:read",
            Self::Write => "write",
        }
    }

    pub fn parse(s: &str) -> AppResult<Self> {
        Self::ALL
            .into_iter()
            .find(|scope| scope.as_str() == s.trim())
            .ok_or_else(|| {
                AppError::validation(
                    "scopes",
                    format!("Unknown scope {s:?}; use read, deadlines:read, reports:read or write"),
                )
            })
    }

    /// Stored lists were validated on the way in; anything unknown is dropped.
    pub fn parse_list(stored: &str) -> Vec<Self> {
        stored
            .split(',')
            .filter_map(|s| Self::parse(s).ok())
            .collect()
    }
}
