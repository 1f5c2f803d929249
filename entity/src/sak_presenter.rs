//! Someone who presents a sak at the meeting.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sak_presenter")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub sak_id: i32,
    pub person_id: Option<i32>,
    pub name_text: Option<String>,
    pub note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
