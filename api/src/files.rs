//! Attachments as files: upload (multipart, secretariat only) and download (only for those
//! who may read the papers or minutes the file belongs to; anyone else gets 404).
use axum::{
    Json, Router,
    extract::{DefaultBodyLimit, Multipart, Path, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use entity::{attachment, stored_file};
use sea_orm::{EntityTrait, TransactionTrait};
use serde_json::json;
use std::path::PathBuf;

use crate::{
    auth::{Viewer, policy},
    error::{AppError, AppResult},
    service::{self, saker::NewAttachment},
    startup::AppState,
};

/// MOTEBOK_FILES_DIR, for GraphQL resolvers that delete a removed file's bytes.
#[derive(Clone, Debug)]
pub struct FilesDir(pub PathBuf);

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/files",
            post(upload).layer(DefaultBodyLimit::max(
                service::files::MAX_FILE_BYTES + 64 * 1024,
            )),
        )
        .route("/files/{id}", get(download))
}

/// The form's fields, read before anything is written.
#[derive(Default)]
struct Form {
    file: Option<(String, Vec<u8>)>,
    sak_id: Option<i32>,
    meeting_id: Option<i32>,
    title: Option<String>,
    number: Option<i32>,
}

fn int_field(name: &str, text: &str) -> AppResult<i32> {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| AppError::validation(name, "Not a positive whole number"))
}

async fn read_form(mut multipart: Multipart) -> AppResult<Form> {
    let bad = |_| AppError::validation("file", "The upload is not a well-formed multipart form");
    let mut form = Form::default();
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "file" => {
                let file_name = field.file_name().unwrap_or("vedlegg").to_owned();
                let bytes = field.bytes().await.map_err(|_| {
                    AppError::validation(
                        "file",
                        format!(
                            "The file could not be read (at most {} MiB)",
                            service::files::MAX_FILE_BYTES / 1024 / 1024
                        ),
                    )
                })?;
                form.file = Some((file_name, bytes.to_vec()));
            }
            "sakId" | "meetingId" | "title" | "number" => {
                let text = field.text().await.map_err(bad)?;
                match name.as_str() {
                    "sakId" => form.sak_id = Some(int_field("sakId", &text)?),
                    "meetingId" => form.meeting_id = Some(int_field("meetingId", &text)?),
                    "number" => form.number = Some(int_field("number", &text)?),
                    _ => form.title = Some(text),
                }
            }
            other => {
                return Err(AppError::validation(
                    other.to_owned(),
                    "Unknown field; send file, sakId or meetingId, title and number",
                ));
            }
        }
    }
    Ok(form)
}

/// POST /files (multipart: `file`, `sakId` or `meetingId`, optional `title` and `number`):
/// stores the file and adds it as a numbered attachment, in one transaction.
async fn upload(
    State(state): State<AppState>,
    viewer: Viewer,
    multipart: Multipart,
) -> AppResult<Response> {
    let proof = policy::secretariat_write(&viewer)?;
    let form = read_form(multipart).await?;
    let (name, bytes) = form
        .file
        .ok_or_else(|| AppError::validation("file", "Attach a file"))?;
    let title = form.title.unwrap_or_else(|| name.clone());
    let txn = state.db.write.begin().await?;
    let stored = service::files::store(&txn, &proof, &state.config.files_dir, name, &bytes).await?;
    let a = service::saker::add_attachment(
        &txn,
        &proof,
        NewAttachment {
            sak_id: form.sak_id,
            meeting_id: form.meeting_id,
            number: form.number,
            title,
            url: None,
            stored_file_id: Some(stored.id),
        },
    )
    .await?;
    txn.commit().await?;
    let body = json!({
        "attachment": { "id": a.id.to_string(), "number": a.number, "title": a.title, "hasFile": true },
        "file": { "sha256": stored.sha256, "sizeBytes": stored.size_bytes, "contentType": stored.content_type },
    });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// GET /files/{attachmentId}: the file, for those who may read what it belongs to.
async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> AppResult<Response> {
    const MISSING: AppError = AppError::NotFound("The file");
    let id: i32 = id.parse().map_err(|_| MISSING)?;
    let db = &state.db.read;
    let a = attachment::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(MISSING)?;
    let m = service::saker::attachment_owner(db, &a).await?;
    // A sak's vedlegg belongs to the papers; a file on the meeting belongs to its minutes.
    let readable = match a.sak_id {
        Some(_) => policy::can_read_meeting(&viewer, &m),
        None => policy::can_read_minutes(&viewer, &m),
    };
    let file_id = a.stored_file_id.filter(|_| readable).ok_or(MISSING)?;
    let f = stored_file::Entity::find_by_id(file_id)
        .one(db)
        .await?
        .ok_or(MISSING)?;
    let bytes = service::files::read(&state.config.files_dir, &f).await?;
    let mut res = bytes.into_response();
    let headers = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&f.content_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&disposition(&f.original_name)) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(res)
}

/// `attachment` with the name percent-encoded (RFC 6266), so no name can break the header.
fn disposition(name: &str) -> String {
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("attachment; filename*=UTF-8''{encoded}")
}
