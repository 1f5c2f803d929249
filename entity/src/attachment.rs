//! A numbered vedlegg of a sak, or a presentation attached to the minutes: a file or a link.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attachment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub sak_id: Option<i32>,
    pub meeting_id: Option<i32>,
    pub number: i32,
    pub title: String,
    pub url: Option<String>,
    pub stored_file_id: Option<i32>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
