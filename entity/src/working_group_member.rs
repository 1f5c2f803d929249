//! A membership of a working group, kept as history.
use crate::enums::WorkingGroupRole;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "working_group_member")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub working_group_id: i32,
    pub person_id: Option<i32>,
    pub placeholder: Option<String>,
    pub role: WorkingGroupRole,
    pub starts_on: Option<Date>,
    pub ends_on: Option<Date>,
    pub note: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
