//! A member's comment on draft minutes.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "minutes_comment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub meeting_id: i32,
    pub sak_id: Option<i32>,
    pub person_id: Option<i32>,
    pub author_user_id: i32,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    pub handled: bool,
    pub handled_at: Option<DateTimeUtc>,
    pub handled_by_user_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub handled_note: Option<String>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
