//! Consultation rounds learn when they opened (to measure the høringsfrist) and whether the
//! ministry withdrew them (a cancelled calendar event); deadlines get an index for the feeds.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one ALTER option per statement.
        manager
            .alter_table(
                Table::alter()
                    .table(ConsultationRound::Table)
                    .add_column(date_null(ConsultationRound::OpensOn))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(ConsultationRound::Table)
                    .add_column(boolean(ConsultationRound::Withdrawn).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_consultation_round_deadline")
                    .table(ConsultationRound::Table)
                    .col(ConsultationRound::Deadline)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_working_group_member_person_dates")
                    .table(WorkingGroupMember::Table)
                    .col(WorkingGroupMember::PersonId)
                    .col(WorkingGroupMember::StartsOn)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_working_group_member_person_dates")
                    .table(WorkingGroupMember::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ix_consultation_round_deadline")
                    .table(ConsultationRound::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(ConsultationRound::Table)
                    .drop_column(ConsultationRound::Withdrawn)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(ConsultationRound::Table)
                    .drop_column(ConsultationRound::OpensOn)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}

#[derive(DeriveIden)]
enum ConsultationRound {
    Table,
    OpensOn,
    Withdrawn,
    Deadline,
}

#[derive(DeriveIden)]
enum WorkingGroupMember {
    Table,
    PersonId,
    StartsOn,
}
