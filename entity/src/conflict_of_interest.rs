//! Habilitet: a member's declared interest in a sak and the council's assessment.
use crate::enums::HabilitetOutcome;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "conflict_of_interest")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub sak_id: i32,
    pub person_id: i32,
    #[sea_orm(column_type = "Text")]
    pub declaration: Option<String>,
    pub declared_at: Option<DateTimeUtc>,
    pub declared_by_user_id: Option<i32>,
    pub outcome: HabilitetOutcome,
    #[sea_orm(column_type = "Text")]
    pub reason: Option<String>,
    pub left_room: bool,
    pub decided_by: Option<String>,
    pub decided_at: Option<DateTimeUtc>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
