//! Attendance: the minutes' four lists (til stede, observatører, forfall, sekretariatet) and
//! guests, recorded for the whole meeting in one call.
use std::collections::HashSet;

use entity::{
    attendance,
    enums::{AttendanceCategory, AttendanceStatus},
    meeting, sak,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::{
    audit, clean_text,
    meetings::{MAX_LINE, ensure_editable, load},
    now,
};
use crate::{
    auth::policy::{Proof, SecretariatWrite},
    codes::SakCode,
    error::{AppError, AppResult},
};

const MAX_ENTRIES: usize = 200;

/// One line of the attendance lists.
#[derive(Clone, Debug)]
pub struct AttendanceEntry {
    /// A registered person, or…
    pub person_id: Option<i32>,
    /// …a name as written (a guest who is not registered).
    pub name_text: Option<String>,
    /// The organisation as the minutes write it.
    pub organisation_text: Option<String>,
    pub category: AttendanceCategory,
    pub status: AttendanceStatus,
    /// Present from this sak ("fra sak 7/1/2025").
    pub from_sak_id: Option<i32>,
    /// Present up to and including this sak ("t.o. sak 9/1/2026").
    pub to_sak_id: Option<i32>,
    /// "deler av møtet" and the like.
    pub partial_note: Option<String>,
    /// Present for this sak only (a guest).
    pub only_sak_id: Option<i32>,
    /// For a substitute (møtende vara): the member they stand in for.
    pub substitute_for_person_id: Option<i32>,
    pub note: Option<String>,
}

/// Resolves a sak written as the minutes write partial presence ("fra sak 7/1/2025",
/// "t.o. sak 9/1/2026", "sak 21/2/2025", "7/1/25") to the id of that sak of the meeting. The
/// running number and year identify a sak; a number not on this meeting's agenda is refused.
pub async fn sak_of_meeting(
    db: &impl ConnectionTrait,
    meeting_id: i32,
    field: &str,
    written: &str,
) -> AppResult<i32> {
    let code =
        SakCode::parse(without_prefix(written, &["fra", "t.o.", "til og med"])).map_err(|_| {
            AppError::validation(field, format!("{written:?} is not a sak such as 7/1/2025"))
        })?;
    sak::Entity::find()
        .filter(sak::Column::MeetingId.eq(meeting_id))
        .filter(sak::Column::Year.eq(code.year))
        .filter(sak::Column::Number.eq(code.number))
        .one(db)
        .await?
        .map(|s| s.id)
        .ok_or_else(|| {
            AppError::validation(field, format!("Sak {code} is not on this meeting's agenda"))
        })
}

/// `s` without one leading word of `words` (ASCII, any case).
fn without_prefix<'a>(s: &'a str, words: &[&str]) -> &'a str {
    let t = s.trim();
    words
        .iter()
        .find_map(|w| {
            t.get(..w.len())
                .filter(|head| head.eq_ignore_ascii_case(w))
                .map(|_| t[w.len()..].trim_start())
        })
        .unwrap_or(t)
}

/// Replaces the meeting's attendance lists with `entries`, in their order.
pub async fn record_attendance(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    meeting_id: i32,
    entries: Vec<AttendanceEntry>,
) -> AppResult<Vec<attendance::Model>> {
    if entries.len() > MAX_ENTRIES {
        return Err(AppError::validation(
            "entries",
            format!("At most {MAX_ENTRIES} entries"),
        ));
    }
    let m = load::<meeting::Entity>("The meeting", db, meeting_id).await?;
    ensure_editable(&m)?;
    let sak_ids: HashSet<i32> = sak::Entity::find()
        .filter(sak::Column::MeetingId.eq(meeting_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let mut people = HashSet::new();
    let mut rows = Vec::with_capacity(entries.len());
    let stamp = now();
    for (i, e) in entries.into_iter().enumerate() {
        let field = |f: &str| format!("entries.{i}.{f}");
        let name_text = clean_text(&field("nameText"), e.name_text, MAX_LINE)?;
        if e.person_id.is_none() && name_text.is_none() {
            return Err(AppError::validation(
                field("personId"),
                "Give the person or their name",
            ));
        }
        if let Some(p) = e.person_id
            && !people.insert(p)
        {
            return Err(AppError::validation(
                field("personId"),
                "This person is already on the list",
            ));
        }
        for (name, id) in [
            ("fromSakId", e.from_sak_id),
            ("toSakId", e.to_sak_id),
            ("onlySakId", e.only_sak_id),
        ] {
            if id.is_some_and(|id| !sak_ids.contains(&id)) {
                return Err(AppError::validation(
                    field(name),
                    "Not a sak of this meeting",
                ));
            }
        }
        if e.only_sak_id.is_some() && (e.from_sak_id.is_some() || e.to_sak_id.is_some()) {
            return Err(AppError::validation(
                field("onlySakId"),
                "Present for one sak, or from/to a sak, not both",
            ));
        }
        if e.substitute_for_person_id.is_some() && e.category != AttendanceCategory::Substitute {
            return Err(AppError::validation(
                field("substituteForPersonId"),
                "Only a substitute stands in for a member",
            ));
        }
        rows.push(attendance::ActiveModel {
            meeting_id: Set(meeting_id),
            person_id: Set(e.person_id),
            name_text: Set(name_text),
            organisation_text: Set(clean_text(
                &field("organisationText"),
                e.organisation_text,
                MAX_LINE,
            )?),
            category: Set(e.category),
            status: Set(e.status),
            from_sak_id: Set(e.from_sak_id),
            to_sak_id: Set(e.to_sak_id),
            partial_note: Set(clean_text(&field("partialNote"), e.partial_note, MAX_LINE)?),
            only_sak_id: Set(e.only_sak_id),
            substitute_for_person_id: Set(e.substitute_for_person_id),
            note: Set(clean_text(&field("note"), e.note, MAX_LINE)?),
            position: Set(i as i32 + 1),
            version: Set(1),
            created_at: Set(stamp),
            updated_at: Set(stamp),
            ..Default::default()
        });
    }
    let old = attendance::Entity::find()
        .filter(attendance::Column::MeetingId.eq(meeting_id))
        .all(db)
        .await?;
    attendance::Entity::delete_many()
        .filter(attendance::Column::MeetingId.eq(meeting_id))
        .exec(db)
        .await?;
    for o in &old {
        audit::record::<attendance::Entity, _>(db, proof.actor(), o.id, Some(o), None).await?;
    }
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let saved = row.insert(db).await.map_err(|e| match AppError::from(e) {
            AppError::Validation { .. } => {
                AppError::validation("entries", "A person on the list does not exist")
            }
            other => other,
        })?;
        audit::record::<attendance::Entity, _>(db, proof.actor(), saved.id, None, Some(&saved))
            .await?;
        out.push(saved);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::without_prefix;

    #[test]
    fn the_words_before_a_partial_presence_sak_are_dropped() {
        let words = ["fra", "t.o.", "til og med"];
        assert_eq!(without_prefix("fra sak 7/1/2025", &words), "sak 7/1/2025");
        assert_eq!(without_prefix("T.o. sak 9/1/2026", &words), "sak 9/1/2026");
        assert_eq!(without_prefix(" 21/2/2025", &words), "21/2/2025");
        // Not on a character boundary: left as it is rather than split.
        assert_eq!(without_prefix("f\u{212A}x", &words), "f\u{212A}x");
    }
}
