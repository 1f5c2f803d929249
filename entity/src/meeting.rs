//! A rådsmøte, numbered per year (møte 2/2025).
use crate::enums::{MeetingFormat, MeetingStatus, MinutesStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meeting")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub year: i32,
    pub number: i32,
    pub date: Date,
    pub starts_at: Option<Time>,
    pub ends_at: Option<Time>,
    pub location: Option<String>,
    pub room: Option<String>,
    pub format: MeetingFormat,
    pub status: MeetingStatus,
    pub notice_published_at: Option<DateTimeUtc>,
    pub minutes_status: MinutesStatus,
    pub minutes_sent_on: Option<Date>,
    pub comment_deadline: Option<Date>,
    pub minutes_approved_at: Option<DateTimeUtc>,
    pub minutes_approved_in_meeting_id: Option<i32>,
    pub minutes_published_at: Option<DateTimeUtc>,
    pub minutes_reopened_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text")]
    pub minutes_reopen_reason: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub note: Option<String>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
