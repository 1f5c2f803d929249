//! Who is asking: resolved once per request from the Authorization header.
use axum::{
    extract::FromRequestParts,
    http::{HeaderMap, request::Parts},
};
use chrono::Utc;
use entity::{api_token, enums::UserRole, user_account};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::tokens::{self, Scope};
use crate::{
    error::{AppError, AppResult},
    startup::AppState,
};

/// How often `api_token.last_used_at` is written, at most.
const LAST_USED_RESOLUTION_SECONDS: i64 = 60;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub user_id: i32,
    pub person_id: Option<i32>,
    pub role: UserRole,
    pub name: String,
    pub email: String,
    /// `Some` when the request came with an API token: only these scopes apply.
    pub scopes: Option<Vec<Scope>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Viewer {
    Public,
    User(User),
}

impl Viewer {
    pub fn user(&self) -> Option<&User> {
        match self {
            Self::Public => None,
            Self::User(u) => Some(u),
        }
    }

    pub fn role(&self) -> Option<UserRole> {
        self.user().map(|u| u.role)
    }

    pub fn person_id(&self) -> Option<i32> {
        self.user().and_then(|u| u.person_id)
    }

    /// A logged-in user has every scope; an API token only those it was given.
    pub fn has_scope(&self, scope: Scope) -> bool {
        match self {
            Self::Public => false,
            Self::User(User { scopes: None, .. }) => true,
            Self::User(User {
                scopes: Some(s), ..
            }) => s.contains(&scope),
        }
    }

    /// The role that governs what this request may read.
    pub fn read_role(&self) -> Option<UserRole> {
        if self.has_scope(Scope::Read) {
            self.role()
        } else {
            None
        }
    }

    pub async fn from_token(state: &AppState, token: &str) -> AppResult<Self> {
        if token.starts_with(tokens::API_TOKEN_PREFIX) {
            return Self::from_api_token(state, token).await;
        }
        let claims = state.keys.verify(token).ok_or(AppError::Unauthenticated)?;
        let user_id: i32 = claims.sub.parse().map_err(|_| AppError::Unauthenticated)?;
        let user = user_account::Entity::find_by_id(user_id)
            .one(&state.db.read)
            .await?
            .filter(|u| u.active && u.token_version == claims.ver)
            .ok_or(AppError::Unauthenticated)?;
        Ok(Self::User(User {
            user_id: user.id,
            person_id: user.person_id,
            role: user.role,
            name: user.display_name,
            email: user.email,
            scopes: None,
        }))
    }

    async fn from_api_token(state: &AppState, token: &str) -> AppResult<Self> {
        let now = Utc::now();
        let row = api_token::Entity::find()
            .filter(api_token::Column::TokenHash.eq(tokens::hash(token)))
            .one(&state.db.read)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let user = user_account::Entity::find_by_id(row.user_id)
            .one(&state.db.read)
            .await?;
        let usable = row.revoked_at.is_none()
            // Every token expires: a NULL left from before m20261123_000010 counts as expired.
            && row.expires_at.is_some_and(|e| e > now)
            && user.as_ref().is_some_and(|u| u.active);
        let Some(user) = user.filter(|_| usable) else {
            return Err(AppError::Unauthenticated);
        };
        if row
            .last_used_at
            .is_none_or(|t| (now - t).num_seconds() > LAST_USED_RESOLUTION_SECONDS)
        {
            let mut active: api_token::ActiveModel = row.clone().into();
            active.last_used_at = Set(Some(now));
            active.update(&state.db.write).await?;
        }
        Ok(Self::User(User {
            user_id: user.id,
            person_id: user.person_id,
            role: user.role,
            name: user.display_name,
            email: user.email,
            scopes: Some(Scope::parse_list(&row.scopes)),
        }))
    }
}

/// The viewer for a request's headers: public without a token, an error for a bad one.
pub async fn from_headers(state: &AppState, headers: &HeaderMap) -> AppResult<Viewer> {
    let Some(header) = headers.get(axum::http::header::AUTHORIZATION) else {
        return Ok(Viewer::Public);
    };
    // The scheme is case-insensitive (RFC 9110); the token itself is never logged.
    let token = header
        .to_str()
        .ok()
        .and_then(|h| h.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .filter(|t| !t.is_empty() && t.len() <= 4096);
    let Some(token) = token else {
        tracing::warn!(
            event = "auth.token_rejected",
            reason = "malformed",
            "rejected Authorization header"
        );
        return Err(AppError::Unauthenticated);
    };
    let viewer = Viewer::from_token(state, token).await;
    match &viewer {
        Err(AppError::Unauthenticated) => {
            let kind = if token.starts_with(tokens::API_TOKEN_PREFIX) {
                "api_token"
            } else {
                "access_token"
            };
            tracing::warn!(event = "auth.token_rejected", kind, "rejected bearer token");
        }
        // The request's span names the actor from here on (see `startup::with_layers`).
        Ok(Viewer::User(u)) => {
            tracing::Span::current().record("user_id", u.user_id);
        }
        _ => {}
    }
    viewer
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        from_headers(state, &parts.headers).await
    }
}
