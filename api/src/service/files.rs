//! Uploaded files: the bytes live under MOTEBOK_FILES_DIR, named by a random key; the
//! metadata (sha256, size, content type sniffed from the bytes, never from the name) lives in
//! `stored_file`. A file whose bytes no longer match their checksum is refused on download.
use std::path::{Path, PathBuf};

use anyhow::Context;
use entity::stored_file;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use sha2::{Digest, Sha256};

use super::{audit, now, required_text};
use crate::{
    auth::policy::{Proof, SecretariatWrite},
    error::{AppError, AppResult},
};

/// The largest file accepted.
pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;

/// What the council's papers are made of: PDFs, office documents, images and plain text.
const ALLOWED: &[&str] = &[
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
];

/// The content type, judged by the bytes alone. Text is accepted when it is UTF-8 without
/// control characters other than whitespace.
pub fn sniff(bytes: &[u8]) -> AppResult<&'static str> {
    if bytes.is_empty() {
        return Err(AppError::validation("file", "The file is empty"));
    }
    if let Some(t) = infer::get(bytes) {
        return ALLOWED
            .iter()
            .find(|a| **a == t.mime_type())
            .copied()
            .ok_or_else(|| {
                AppError::validation(
                    "file",
                    format!("Files of type {} are not accepted", t.mime_type()),
                )
            });
    }
    let text = std::str::from_utf8(bytes).is_ok_and(|s| {
        !s.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    });
    let markup = bytes.iter().take(512).find(|b| !b.is_ascii_whitespace()) == Some(&b'<');
    if text && !markup {
        return Ok("text/plain; charset=utf-8");
    }
    Err(AppError::validation(
        "file",
        "Not a PDF, office document, image or plain text",
    ))
}

fn path_of(dir: &Path, key: &str) -> PathBuf {
    dir.join(&key[..2]).join(key)
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Writes the bytes (to a temporary name, then renamed, so a crash leaves no half file) and
/// records them. The caller's transaction decides whether the row stays; the bytes of a
/// rolled-back upload are an unreferenced file, never a broken reference.
pub async fn store(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    files_dir: &Path,
    original_name: String,
    bytes: &[u8],
) -> AppResult<stored_file::Model> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(AppError::validation(
            "file",
            format!("At most {} MiB", MAX_FILE_BYTES / 1024 / 1024),
        ));
    }
    let original_name = required_text("file", original_name, 255)?;
    let content_type = sniff(bytes)?;
    let sha256 = sha256_hex(bytes);
    let key = uuid::Uuid::new_v4().simple().to_string();
    let path = path_of(files_dir, &key);
    write_atomically(&path, bytes)
        .await
        .with_context(|| format!("storing {}", path.display()))?;
    let row = stored_file::ActiveModel {
        sha256: Set(sha256),
        size_bytes: Set(bytes.len() as i64),
        content_type: Set(content_type.to_owned()),
        original_name: Set(original_name),
        storage_key: Set(key),
        uploaded_by_user_id: Set(proof.actor().user_id),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await;
    let row = match row {
        Ok(r) => r,
        Err(e) => {
            let _ = tokio::fs::remove_file(&path).await;
            return Err(e.into());
        }
    };
    audit::record::<stored_file::Entity, _>(db, proof.actor(), row.id, None, Some(&row)).await?;
    Ok(row)
}

async fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = path.parent().context("no parent directory")?;
    tokio::fs::create_dir_all(dir).await?;
    let tmp = path.with_extension("partial");
    tokio::fs::write(&tmp, bytes).await?;
    let file = tokio::fs::File::open(&tmp).await?;
    file.sync_all().await?;
    tokio::fs::rename(&tmp, path).await?;
    Ok(())
}

/// The stored bytes, checked against their checksum.
pub async fn read(files_dir: &Path, f: &stored_file::Model) -> AppResult<Vec<u8>> {
    let path = path_of(files_dir, &f.storage_key);
    let bytes = tokio::fs::read(&path)
        .await
        .with_context(|| format!("reading {}", path.display()))?;
    if sha256_hex(&bytes) != f.sha256 {
        return Err(anyhow::anyhow!("stored file {} fails its checksum", f.id).into());
    }
    Ok(bytes)
}

/// Deletes the bytes of a file whose row is gone, after the transaction that removed the row
/// has committed. A failure is logged, not returned: the removal itself has happened.
pub async fn discard(files_dir: &Path, f: &stored_file::Model) {
    let path = path_of(files_dir, &f.storage_key);
    if let Err(e) = tokio::fs::remove_file(&path).await {
        tracing::warn!(error = %e, path = %path.display(), "could not delete a removed file");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_type_comes_from_the_bytes_not_the_name() {
        assert_eq!(sniff(b"%PDF-1.7\n1 0 obj").ok(), Some("application/pdf"));
        assert_eq!(
            sniff("Referat fra møte 2/2025\n".as_bytes()).ok(),
            Some("text/plain; charset=utf-8")
        );
        assert!(sniff(b"<html><script>alert(1)</script></html>").is_err());
        assert!(sniff(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00").is_err());
        assert!(sniff(b"").is_err());
        assert!(sniff(&[0u8, 1, 2, 3, 255, 254]).is_err());
    }
}
