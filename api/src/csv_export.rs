//! CSV exports of the annual report's tables, for spreadsheets:
//! `GET /reports/{year}/{table}.csv` with `table` one of `meetings`, `saker-by-type`,
//! `attendance-by-member`, `consultations`, `working-groups`, `events`, `publications`,
//! `follow-ups` (the same tables as the report document, from the same figures).
//! RFC 4180, UTF-8, a header row; needs what `annualReport` needs (`reports:read`).
use crate::{
    auth::{Viewer, policy},
    documents::{annual, content_disposition},
    error::{AppError, AppResult},
    service,
    startup::AppState,
};
use axum::{
    Router,
    extract::{Path, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
    routing::get,
};

pub fn router() -> Router<AppState> {
    Router::new().route("/reports/{year}/{file}", get(table))
}

/// Spreadsheets run a cell that starts like a formula; such cells get a leading
/// apostrophe (OWASP, "CSV injection").
fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

pub fn write_csv(header: &[&str], rows: &[Vec<String>]) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header)?;
    for row in rows {
        w.write_record(row.iter().map(|c| defuse(c)))?;
    }
    Ok(w.into_inner()?)
}

async fn table(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((year, file)): Path<(String, String)>,
) -> AppResult<Response> {
    if !policy::can_read_reports(&viewer) {
        return Err(match viewer.user() {
            None => AppError::Unauthenticated,
            Some(_) => AppError::Forbidden,
        });
    }
    const MISSING: AppError = AppError::NotFound("The table");
    let slug = file.strip_suffix(".csv").ok_or(MISSING)?;
    let year: i32 = year
        .parse()
        .map_err(|_| AppError::validation("year", "Not a year"))?;
    let today = service::consultations::oslo_today();
    let report = service::reports::annual_report(&state.db.read, year, today).await?;
    let t = annual::tables(&report)
        .into_iter()
        .find(|t| t.slug == slug)
        .ok_or(MISSING)?;
    let body = write_csv(&t.header, &t.rows)?;
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8; header=present"),
    );
    if let Ok(v) = HeaderValue::from_str(&content_disposition(
        "attachment",
        &format!("{year}-{slug}.csv"),
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        let out = write_csv(
            &["Navn", "Merknad"],
            &[vec!["Øivind, Enger".into(), "=HYPERLINK(\"x\")".into()]],
        )
        .unwrap_or_default();
        assert_eq!(
            String::from_utf8(out).unwrap_or_default(),
            "Navn,Merknad\n\"Øivind, Enger\",\"'=HYPERLINK(\"\"x\"\")\"\n"
        );
    }
}
