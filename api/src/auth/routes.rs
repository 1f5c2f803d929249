//! /auth/login, /auth/refresh and /auth/logout: outside GraphQL, so aliases and batches
//! cannot multiply password guesses.
use axum::{
    Json, Router,
    extract::{Query, State, rejection::QueryRejection},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::post,
};
use chrono::{DateTime, Duration, Utc};
use entity::{refresh_token, user_account};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait, sea_query::Expr,
};
use serde::{Deserialize, Serialize};

use super::{address::ClientIp, jwt::ACCESS_TTL_SECONDS, password, throttle, tokens};
use crate::{
    error::{AppError, AppResult},
    graphql::enum_name,
    startup::AppState,
};

const COOKIE: &str = "motebok_refresh";
/// A session unused this long ends (the refresh token's idle lifetime).
const REFRESH_IDLE_DAYS: i64 = 14;
/// A session ends this long after its login however often it is refreshed (ASVS 5.0
/// V7.3.2; RFC 9700 § 4.14.2): rotation must not make a stolen session immortal.
const SESSION_MAX_DAYS: i64 = 30;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/auth/login", post(login))
        .route("/auth/refresh", post(refresh))
        .route("/auth/logout", post(logout))
}

#[derive(Deserialize)]
struct LoginRequest {
    email: String,
    password: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SessionUser {
    id: String,
    email: String,
    name: String,
    role: String,
    person_id: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SessionResponse {
    access_token: String,
    token_type: &'static str,
    expires_in: i64,
    user: SessionUser,
}

fn invalid_credentials() -> Response {
    // Byte-identical for an unknown user, a wrong password and a blocked account.
    let body = serde_json::json!({ "error": { "code": "INVALID_CREDENTIALS", "message": "Wrong e-mail or password" } });
    (StatusCode::UNAUTHORIZED, Json(body)).into_response()
}

async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Result<Json<LoginRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, AppError> {
    let Json(req) =
        body.map_err(|_| AppError::validation("body", "Send JSON with email and password"))?;
    if req.email.len() > 254 {
        return Err(AppError::validation("email", "Too long"));
    }
    if req.password.len() > password::MAX_LEN * 4 {
        return Err(AppError::validation("password", "Too long"));
    }
    let ip = ip.to_string();
    let now = Utc::now();
    let db = &state.db.write;
    let ip_key = throttle::address_key(&ip);
    if !throttle::reserve(db, &ip_key, throttle::Rule::Address, now).await? {
        tracing::warn!(
            event = "auth.rate_limited",
            ip,
            "login refused: too many attempts from this address"
        );
        return Err(AppError::RateLimited);
    }
    let email = req.email.trim().to_lowercase();
    let account_key = throttle::account_key(&email, &ip);
    let allowed = throttle::reserve(db, &account_key, throttle::Rule::Account, now).await?;
    let user = user_account::Entity::find()
        .filter(user_account::Column::Email.eq(email))
        .one(&state.db.read)
        .await?;
    // The hash is checked even for a slowed-down account, so its answer takes as long.
    let ok = password::verify(req.password, user.as_ref().map(|u| u.password_hash.clone())).await?;
    let user_id = user.as_ref().map(|u| u.id);
    let Some(user) = user.filter(|u| ok && u.active && allowed) else {
        let reason = match (&user_id, ok, allowed) {
            (None, _, _) => "unknown_account",
            (Some(_), _, false) => "account_slowed",
            (Some(_), false, true) => "wrong_password",
            (Some(_), true, true) => "inactive_account",
        };
        tracing::warn!(
            event = "auth.login_failed",
            ip,
            user_id,
            reason,
            "login failed"
        );
        return Ok(invalid_credentials());
    };
    throttle::clear(db, &account_key).await?;
    throttle::refund(db, &ip_key).await?;
    throttle::prune(db, now).await?;
    let txn = db.begin().await?;
    user_account::Entity::update_many()
        .col_expr(user_account::Column::LastLoginAt, Expr::value(now))
        .filter(user_account::Column::Id.eq(user.id))
        .exec(&txn)
        .await?;
    let family = uuid::Uuid::new_v4().to_string();
    let session_ends = now + Duration::days(SESSION_MAX_DAYS);
    let refresh = store_refresh(&txn, user.id, &family, session_ends, &headers, &ip).await?;
    txn.commit().await?;
    tracing::info!(event = "auth.login", user_id = user.id, ip, "logged in");
    session_response(&state, &user, &refresh)
}

/// A new refresh token, as the secret and when it expires: after the idle lifetime, but
/// never after `session_ends`.
async fn store_refresh(
    db: &impl ConnectionTrait,
    user_id: i32,
    family: &str,
    session_ends: DateTime<Utc>,
    headers: &HeaderMap,
    ip: &str,
) -> AppResult<(String, DateTime<Utc>)> {
    let token = tokens::random_secret();
    let now = Utc::now();
    let expires_at = (now + Duration::days(REFRESH_IDLE_DAYS)).min(session_ends);
    refresh_token::ActiveModel {
        user_id: Set(user_id),
        family_id: Set(family.to_owned()),
        token_hash: Set(tokens::hash(&token)),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
        revoked_at: Set(None),
        user_agent: Set(headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|s| s.chars().take(200).collect())),
        ip: Set(Some(ip.to_owned())),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok((token, expires_at))
}

fn session_response(
    state: &AppState,
    user: &user_account::Model,
    (refresh, expires_at): &(String, DateTime<Utc>),
) -> Result<Response, AppError> {
    let access_token = state.keys.issue(user.id, user.token_version)?;
    let body = SessionResponse {
        access_token,
        token_type: "Bearer",
        expires_in: ACCESS_TTL_SECONDS,
        user: SessionUser {
            id: user.id.to_string(),
            email: user.email.clone(),
            name: user.display_name.clone(),
            role: enum_name(user.role),
            person_id: user.person_id.map(|p| p.to_string()),
        },
    };
    let mut response = Json(body).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        cookie(
            state,
            refresh,
            (*expires_at - Utc::now()).num_seconds().max(0),
        )?,
    );
    Ok(response)
}

fn cookie(state: &AppState, value: &str, max_age: i64) -> AppResult<HeaderValue> {
    let secure = if state.config.is_production() {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{COOKIE}={value}; HttpOnly; SameSite=Strict; Path=/auth; Max-Age={max_age}{secure}"
    ))
    .map_err(|e| AppError::from(anyhow::Error::new(e)))
}

fn refresh_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_owned())
}

/// The refresh and logout endpoints act on a cookie, so they only answer our own pages.
fn check_origin(state: &AppState, headers: &HeaderMap) -> AppResult<()> {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else {
        return Ok(());
    };
    let same_host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|host| {
            origin
                .split_once("://")
                .is_some_and(|(_, rest)| rest == host)
        });
    if same_host || state.config.web_origins.iter().any(|o| o == origin) {
        Ok(())
    } else {
        tracing::warn!(
            event = "auth.origin_refused",
            origin,
            "refused cross-origin cookie request"
        );
        Err(AppError::Forbidden)
    }
}

async fn refresh(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    check_origin(&state, &headers)?;
    let token = refresh_cookie(&headers).ok_or(AppError::Unauthenticated)?;
    let now = Utc::now();
    let txn = state.db.write.begin().await?;
    let row = refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(tokens::hash(&token)))
        .one(&txn)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    // Claim the token in one statement: of two requests racing with one token, only one
    // gets a successor; the other is treated as the reuse it looks like.
    let claimed = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::UsedAt, Expr::value(now))
        .filter(refresh_token::Column::Id.eq(row.id))
        .filter(refresh_token::Column::UsedAt.is_null())
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected
        == 1;
    if !claimed {
        // A used token came back: someone has a copy. End the whole family.
        revoke_family(&txn, &row.family_id, now).await?;
        txn.commit().await?;
        tracing::warn!(
            event = "auth.refresh_reuse",
            user_id = row.user_id,
            ip = %ip,
            "refresh token reused; family revoked"
        );
        return Err(AppError::Unauthenticated);
    }
    if row.expires_at <= now {
        return Err(AppError::Unauthenticated);
    }
    // The family's first token marks the login; rows are never deleted, only revoked.
    let login_at = refresh_token::Entity::find()
        .filter(refresh_token::Column::FamilyId.eq(&row.family_id))
        .order_by_asc(refresh_token::Column::CreatedAt)
        .one(&txn)
        .await?
        .map_or(row.created_at, |first| first.created_at);
    let session_ends = login_at + Duration::days(SESSION_MAX_DAYS);
    if session_ends <= now {
        txn.commit().await?;
        tracing::info!(
            event = "auth.session_expired",
            user_id = row.user_id,
            ip = %ip,
            "refresh refused: the session reached its absolute lifetime"
        );
        return Err(AppError::Unauthenticated);
    }
    let user = user_account::Entity::find_by_id(row.user_id)
        .one(&txn)
        .await?
        .filter(|u| u.active)
        .ok_or(AppError::Unauthenticated)?;
    let next = store_refresh(
        &txn,
        user.id,
        &row.family_id,
        session_ends,
        &headers,
        &ip.to_string(),
    )
    .await?;
    txn.commit().await?;
    session_response(&state, &user, &next)
}

async fn revoke_family(
    db: &impl ConnectionTrait,
    family: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(now))
        .filter(refresh_token::Column::FamilyId.eq(family))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

#[derive(Deserialize)]
struct LogoutQuery {
    #[serde(default)]
    everywhere: bool,
}

/// Ends the session the cookie belongs to; `?everywhere=true` ends every session of its
/// user and, by bumping the token version, every access token already handed out.
async fn logout(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    query: Result<Query<LogoutQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    check_origin(&state, &headers)?;
    let Query(q) =
        query.map_err(|_| AppError::validation("everywhere", "Use everywhere=true or false"))?;
    let now = Utc::now();
    if let Some(token) = refresh_cookie(&headers) {
        let txn = state.db.write.begin().await?;
        if let Some(row) = refresh_token::Entity::find()
            .filter(refresh_token::Column::TokenHash.eq(tokens::hash(&token)))
            .one(&txn)
            .await?
        {
            // A stale copy may end its own family (reuse would anyway), but only a live
            // token may log its user out everywhere.
            let live = row.used_at.is_none() && row.revoked_at.is_none() && row.expires_at > now;
            let everywhere = q.everywhere && live;
            if everywhere {
                crate::service::users::end_sessions(&txn, row.user_id).await?;
            } else {
                revoke_family(&txn, &row.family_id, now).await?;
            }
            tracing::info!(
                event = "auth.logout",
                user_id = row.user_id,
                ip = %ip,
                everywhere,
                "logged out; refresh tokens revoked"
            );
        }
        txn.commit().await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, cookie(&state, "", 0)?);
    Ok(response)
}
