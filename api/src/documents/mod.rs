//! The council's papers as DOCX and PDF, generated from the data:
//!
//! - `GET /documents/meetings/{year}/{number}/{kind}.{docx|pdf}`, kind `innkalling`,
//!   `saksdokumenter` or `referat`;
//! - `GET /documents/saker/{year}/{number}.{docx|pdf}`: one sak's saksfremlegg;
//! - `GET /documents/oversikt.{docx|pdf}`: oversikt meldinger og strategier;
//! - `GET /documents/annual-report/{year}.{docx|pdf}`: the årsrapport's figures.
//!
//! The same rules as the API: papers only for those who may read the meeting, the referat
//! only per `policy::can_read_minutes`, anything else 404 as if it did not exist. The oversikt
//! follows `can_read_deadlines`, the annual report `can_read_reports`.
pub mod annual;
pub mod docx;
pub mod model;
pub mod norsk;
pub mod overview;
pub mod papers;
pub mod pdf;

use axum::{
    Router,
    extract::{Path, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
    routing::get,
};
use entity::{meeting, sak};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    auth::{Viewer, policy},
    error::{AppError, AppResult},
    service,
    startup::AppState,
};
use model::Doc;
use papers::MeetingPapers;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/documents/meetings/{year}/{number}/{file}",
            get(meeting_document),
        )
        .route("/documents/saker/{year}/{file}", get(sak_document))
        .route("/documents/annual-report/{file}", get(annual_report))
        .route("/documents/{file}", get(overview))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Docx,
    Pdf,
}

impl Format {
    fn content_type(self) -> &'static str {
        match self {
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Pdf => "application/pdf",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Self::Docx => "docx",
            Self::Pdf => "pdf",
        }
    }
}

const MISSING: AppError = AppError::NotFound("The document");

/// "referat.pdf" → ("referat", Pdf); anything else is not a document we make.
fn split_file(file: &str) -> AppResult<(&str, Format)> {
    let (stem, ext) = file.rsplit_once('.').ok_or(MISSING)?;
    let format = match ext {
        "pdf" => Format::Pdf,
        "docx" => Format::Docx,
        _ => return Err(MISSING),
    };
    Ok((stem, format))
}

fn number(s: &str) -> AppResult<i32> {
    s.parse::<i32>()
        .ok()
        .filter(|n| (1..=9999).contains(n))
        .ok_or(MISSING)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MeetingKind {
    Innkalling,
    Saksdokumenter,
    Referat,
}

impl MeetingKind {
    fn parse(s: &str) -> AppResult<Self> {
        match s {
            "innkalling" => Ok(Self::Innkalling),
            "saksdokumenter" => Ok(Self::Saksdokumenter),
            "referat" => Ok(Self::Referat),
            _ => Err(MISSING),
        }
    }
}

async fn find_meeting(state: &AppState, year: i32, number: i32) -> AppResult<meeting::Model> {
    meeting::Entity::find()
        .filter(meeting::Column::Year.eq(year))
        .filter(meeting::Column::Number.eq(number))
        .one(&state.db.read)
        .await?
        .ok_or(MISSING)
}

async fn meeting_document(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((year, num, file)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let (stem, format) = split_file(&file)?;
    let kind = MeetingKind::parse(stem)?;
    let m = find_meeting(&state, number(&year)?, number(&num)?).await?;
    let readable = match kind {
        MeetingKind::Referat => policy::can_read_minutes(&viewer, &m),
        _ => policy::can_read_meeting(&viewer, &m),
    };
    if !readable {
        return Err(MISSING);
    }
    let papers = MeetingPapers::load(&state.db.read, m, None).await?;
    let (doc, name) = match kind {
        MeetingKind::Innkalling => (papers.innkalling(), "Innkalling og saksliste møte"),
        MeetingKind::Saksdokumenter => (papers.saksdokumenter(), "Saksdokumenter møte"),
        MeetingKind::Referat => (papers.referat(), "Referat møte"),
    };
    let file_name = format!("{name} {}-{}", papers.meeting.number, papers.meeting.year);
    respond(doc, format, &file_name, &viewer).await
}

async fn sak_document(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((year, file)): Path<(String, String)>,
) -> AppResult<Response> {
    let (stem, format) = split_file(&file)?;
    let s = sak::Entity::find()
        .filter(sak::Column::Year.eq(number(&year)?))
        .filter(sak::Column::Number.eq(number(stem)?))
        .one(&state.db.read)
        .await?
        .ok_or(MISSING)?;
    let m = meeting::Entity::find_by_id(s.meeting_id)
        .one(&state.db.read)
        .await?
        .filter(|m| policy::can_read_meeting(&viewer, m))
        .ok_or(MISSING)?;
    let papers = MeetingPapers::load(&state.db.read, m, Some(s.id)).await?;
    let doc = papers.saksfremlegg().ok_or(MISSING)?;
    let file_name = format!(
        "Saksfremlegg sak {}-{}-{}",
        s.number, papers.meeting.number, s.year
    );
    respond(doc, format, &file_name, &viewer).await
}

/// Reports and the oversikt are for logged-in users and tokens with the scope.
fn gate(viewer: &Viewer, allowed: bool) -> AppResult<()> {
    match (allowed, viewer.user()) {
        (true, _) => Ok(()),
        (false, None) => Err(AppError::Unauthenticated),
        (false, Some(_)) => Err(AppError::Forbidden),
    }
}

async fn council_name(state: &AppState) -> AppResult<String> {
    Ok(service::council::get_council(&state.db.read)
        .await?
        .map_or_else(|| "Rådet".to_owned(), |c| c.name))
}

fn today() -> chrono::NaiveDate {
    service::consultations::oslo_today()
}

async fn overview(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(file): Path<String>,
) -> AppResult<Response> {
    let (stem, format) = split_file(&file)?;
    if stem != "oversikt" {
        return Err(MISSING);
    }
    gate(&viewer, policy::can_read_deadlines(&viewer))?;
    let council = council_name(&state).await?;
    let today = today();
    let doc = overview::load(&state.db.read, &council, today).await?;
    let name = format!("Oversikt meldinger og strategier {today}");
    respond(doc, format, &name, &viewer).await
}

async fn annual_report(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(file): Path<String>,
) -> AppResult<Response> {
    let (stem, format) = split_file(&file)?;
    gate(&viewer, policy::can_read_reports(&viewer))?;
    let year = number(stem)?;
    let report = service::reports::annual_report(&state.db.read, year, today()).await?;
    let doc = annual::document(&report, &council_name(&state).await?);
    respond(
        doc,
        format,
        &format!("Årsrapport {year} nøkkeltall"),
        &viewer,
    )
    .await
}

/// Renders off the async runtime (PDF layout and font subsetting are CPU work).
pub async fn render(doc: Doc, format: Format) -> AppResult<Vec<u8>> {
    let bytes = tokio::task::spawn_blocking(move || match format {
        Format::Pdf => pdf::render(&doc),
        Format::Docx => docx::render(&doc),
    })
    .await
    .map_err(|e| anyhow::anyhow!("rendering stopped: {e}"))??;
    Ok(bytes)
}

async fn respond(doc: Doc, format: Format, name: &str, viewer: &Viewer) -> AppResult<Response> {
    let bytes = render(doc, format).await?;
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    let disposition = if format == Format::Pdf {
        "inline"
    } else {
        "attachment"
    };
    if let Ok(v) = HeaderValue::from_str(&content_disposition(
        disposition,
        &format!("{name}.{}", format.extension()),
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    // What the public gets is published and the same for everyone; the rest is private.
    let cache = if viewer.user().is_none() {
        "public, max-age=300"
    } else {
        "private, no-store"
    };
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(header::VARY, HeaderValue::from_static("Authorization"));
    Ok(res)
}

/// RFC 6266: an ASCII fallback name ("Arsrapport 2025 nokkeltall.pdf") and the real one
/// percent-encoded, so no name can break the header.
pub fn content_disposition(kind: &str, name: &str) -> String {
    let ascii: String = name
        .chars()
        .flat_map(|c| match c {
            'æ' => "ae".chars().collect::<Vec<_>>(),
            'Æ' => "Ae".chars().collect(),
            'ø' | 'ö' => vec!['o'],
            'Ø' | 'Ö' => vec!['O'],
            'å' | 'ä' | 'á' => vec!['a'],
            'Å' | 'Ä' => vec!['A'],
            'é' | 'è' => vec!['e'],
            c if c.is_ascii_alphanumeric() || " .-_".contains(c) => vec![c],
            _ => vec!['_'],
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("{kind}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_survive_the_header_in_both_forms() {
        assert_eq!(
            content_disposition("inline", "Årsrapport 2025 nøkkeltall.pdf"),
            "inline; filename=\"Arsrapport 2025 nokkeltall.pdf\"; filename*=UTF-8''%C3%85rsrapport%202025%20n%C3%B8kkeltall.pdf"
        );
        assert!(split_file("referat.exe").is_err());
        assert_eq!(
            split_file("referat.pdf").ok(),
            Some(("referat", Format::Pdf))
        );
    }
}
