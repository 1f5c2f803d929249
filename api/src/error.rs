//! One error type for the whole API. Each variant has a stable code that clients branch on;
//! internal errors are logged with their cause chain and reach the client only as INTERNAL.
use async_graphql::ErrorExtensions;
use axum::{
    Json,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use sea_orm::{DbErr, RuntimeErr, SqlErr, sqlx};
use std::sync::Arc;

/// Clone because async-graphql clones a field's error; the internal cause is shared.
#[derive(Clone, Debug, thiserror::Error)]
pub enum AppError {
    #[error("You must log in to do this")]
    Unauthenticated,
    #[error("You do not have access to this")]
    Forbidden,
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("{message}")]
    Validation { field: String, message: String },
    #[error("{0}")]
    Conflict(String),
    #[error("Too many attempts; try again later")]
    RateLimited,
    #[error("Internal error")]
    Internal(Arc<anyhow::Error>),
}

pub type AppResult<T> = Result<T, AppError>;

const FOREIGN_KEY_MESSAGE: &str = "A referenced record does not exist or is still in use";

impl AppError {
    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Validation {
            field: field.into(),
            message: message.into(),
        }
    }

    /// Someone else saved first.
    pub fn stale(what: &str) -> Self {
        Self::Conflict(format!(
            "{what} was changed by someone else; reload and try again"
        ))
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated => "UNAUTHENTICATED",
            Self::Forbidden => "FORBIDDEN",
            Self::NotFound(_) => "NOT_FOUND",
            Self::Validation { .. } => "VALIDATION",
            Self::Conflict(_) => "CONFLICT",
            Self::RateLimited => "RATE_LIMITED",
            Self::Internal(_) => "INTERNAL",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Self::Unauthenticated => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn log_if_internal(&self) {
        if let Self::Internal(e) = self {
            tracing::error!(error = format!("{e:#}"), "internal error");
        }
    }
}

impl From<anyhow::Error> for AppError {
    fn from(e: anyhow::Error) -> Self {
        Self::Internal(Arc::new(e))
    }
}

/// SQLite refuses an `ON DELETE RESTRICT` with SQLITE_CONSTRAINT_TRIGGER (extended code
/// 1811), which sea-orm does not classify; PostgreSQL says 23503 like any foreign key.
fn is_sqlite_restrict(e: &DbErr) -> bool {
    let (DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e))) = e else {
        return false;
    };
    matches!(e.as_ref(), sqlx::Error::Database(d)
        if d.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some()
            && d.code().as_deref() == Some("1811")
            && d.message().starts_with("FOREIGN KEY constraint failed"))
}

impl From<DbErr> for AppError {
    fn from(e: DbErr) -> Self {
        if is_sqlite_restrict(&e) {
            return Self::validation("id", FOREIGN_KEY_MESSAGE);
        }
        match e.sql_err() {
            // The unique indexes are the source of truth for duplicates; callers that know
            // which index was hit map this to a field error themselves.
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                Self::Conflict("A record with the same key already exists".into())
            }
            Some(SqlErr::ForeignKeyConstraintViolation(_)) => {
                Self::validation("id", FOREIGN_KEY_MESSAGE)
            }
            _ => Self::Internal(Arc::new(anyhow::Error::new(e))),
        }
    }
}

impl ErrorExtensions for AppError {
    fn extend(&self) -> async_graphql::Error {
        self.log_if_internal();
        async_graphql::Error::new(self.to_string()).extend_with(|_, ext| {
            ext.set("code", self.code());
            if let Self::Validation { field, .. } = self {
                ext.set("field", field.as_str());
            }
        })
    }
}

impl From<AppError> for async_graphql::Error {
    fn from(e: AppError) -> Self {
        e.extend()
    }
}

/// For the plain HTTP endpoints (auth, documents, feeds).
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        self.log_if_internal();
        let body =
            serde_json::json!({ "error": { "code": self.code(), "message": self.to_string() } });
        (self.status(), Json(body)).into_response()
    }
}
