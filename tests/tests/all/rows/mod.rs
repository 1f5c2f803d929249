//! Meetings, saker and attendance written straight into the tables, for the people and
//! search tests (they test reads, not the meeting workflow).
use chrono::{Datelike, NaiveDate, Utc};
use entity::{
    attendance,
    enums::{
        AttendanceCategory, AttendanceStatus, MeetingFormat, MeetingStatus, MinutesStatus,
        SakStatus,
    },
    meeting, sak,
};
use motebok_tests::TestApp;
use sea_orm::{ActiveModelTrait, EntityTrait, PaginatorTrait, Set};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
}

/// Møte `number`/`year` on `date`; its notice is published unless it is planned.
pub async fn meeting(
    app: &TestApp,
    number: i32,
    date: NaiveDate,
    status: MeetingStatus,
    minutes: MinutesStatus,
) -> meeting::Model {
    let now = Utc::now();
    meeting::ActiveModel {
        year: Set(date.year()),
        number: Set(number),
        date: Set(date),
        format: Set(MeetingFormat::Physical),
        status: Set(status),
        notice_published_at: Set((status != MeetingStatus::Planned).then_some(now)),
        minutes_status: Set(minutes),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.state.db.write)
    .await
    .expect("meeting")
}

/// The searchable text of a sak.
#[derive(Clone, Debug, Default)]
pub struct SakText {
    pub title: &'static str,
    pub background: Option<&'static str>,
    pub key_points: Option<&'static str>,
    pub proposed_vedtak: Option<&'static str>,
    pub discussion: Option<&'static str>,
    pub vedtak: Option<&'static str>,
}

pub async fn sak(app: &TestApp, m: &meeting::Model, number: i32, text: SakText) -> sak::Model {
    let now = Utc::now();
    let owned = |s: Option<&str>| s.map(str::to_owned);
    sak::ActiveModel {
        meeting_id: Set(m.id),
        year: Set(m.year),
        number: Set(number),
        position: Set(number),
        title: Set(text.title.to_owned()),
        types: Set("vedtak".into()),
        background: Set(owned(text.background)),
        key_points: Set(owned(text.key_points)),
        proposed_vedtak: Set(owned(text.proposed_vedtak)),
        discussion: Set(owned(text.discussion)),
        vedtak: Set(owned(text.vedtak)),
        status: Set(SakStatus::Ready),
        added_under_eventuelt: Set(false),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.state.db.write)
    .await
    .expect("sak")
}

/// A member's line in a meeting's attendance lists.
pub async fn attendance(
    app: &TestApp,
    meeting_id: i32,
    person_id: i32,
    status: AttendanceStatus,
    partial_note: Option<&str>,
) -> attendance::Model {
    let now = Utc::now();
    attendance::ActiveModel {
        meeting_id: Set(meeting_id),
        person_id: Set(Some(person_id)),
        category: Set(AttendanceCategory::Member),
        status: Set(status),
        partial_note: Set(partial_note.map(str::to_owned)),
        position: Set(1),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.state.db.write)
    .await
    .expect("attendance")
}

/// How many rows a table has.
pub async fn count<E: EntityTrait>(app: &TestApp) -> u64
where
    E::Model: Sync,
{
    E::find().count(&app.state.db.read).await.expect("count")
}
