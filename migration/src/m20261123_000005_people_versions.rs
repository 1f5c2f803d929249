//! Version columns for organisations, sectors and council periods, so their edits use
//! optimistic concurrency like everything else.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one change per ALTER TABLE.
        for table in tables() {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(integer(Versioned::Version).default(1))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in tables() {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .drop_column(Versioned::Version)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

fn tables() -> [Versioned; 3] {
    [
        Versioned::Organisation,
        Versioned::Sector,
        Versioned::CouncilPeriod,
    ]
}

#[derive(DeriveIden, Clone, Copy)]
enum Versioned {
    Organisation,
    Sector,
    CouncilPeriod,
    Version,
}
