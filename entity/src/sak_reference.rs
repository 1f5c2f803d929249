//! A reference from one sak to another, as written and as resolved.
use crate::enums::ReferenceKind;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sak_reference")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub sak_id: i32,
    pub referenced_sak_id: Option<i32>,
    pub as_written: String,
    pub kind: ReferenceKind,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
