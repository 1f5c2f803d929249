//! `GET /meeting/{year}/{number}`: the meeting page as `{"data":{"meeting":…}}`, built by
//! one SQL statement. DATABASE_URL and BIND (default 127.0.0.1:8091) from the environment.
use axum::{
    Router,
    extract::{Path, State},
    http::{StatusCode, header},
    response::IntoResponse,
    routing::get,
};
use sqlx::postgres::{PgPool, PgPoolOptions};

/// The statement lives beside the bench scripts so a reader sees exactly what is compared.
const PAGE_SQL: &str = include_str!("../../meeting_page.sql");

async fn meeting(
    State(pool): State<PgPool>,
    Path((year, number)): Path<(i32, i32)>,
) -> impl IntoResponse {
    match sqlx::query_scalar::<_, String>(PAGE_SQL)
        .bind(year)
        .bind(number)
        .fetch_one(&pool)
        .await
    {
        Ok(body) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        ),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(header::CONTENT_TYPE, "text/plain")],
            e.to_string(),
        ),
    }
}

#[tokio::main]
async fn main() {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let bind = std::env::var("BIND").unwrap_or_else(|_| "127.0.0.1:8091".into());
    // As many connections as motebok's PostgreSQL pool, so neither waits on a smaller one.
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .connect(&url)
        .await
        .expect("connecting to PostgreSQL");
    let app = Router::new()
        .route("/meeting/{year}/{number}", get(meeting))
        .with_state(pool);
    let listener = tokio::net::TcpListener::bind(&bind).await.expect("bind");
    axum::serve(listener, app).await.expect("serve");
}
