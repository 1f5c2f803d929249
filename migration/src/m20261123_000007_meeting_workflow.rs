//! The meeting workflow: approved minutes are locked, and the secretariat may reopen them for
//! a correction (the meeting keeps when and why until they are locked again); the audit log
//! gets the indexes its filters (entity, actor, period) need.
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
        manager
            .alter_table(
                Table::alter()
                    .table(Meeting::Table)
                    .add_column(timestamp_with_time_zone_null(Meeting::MinutesReopenedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Meeting::Table)
                    .add_column(text_null(Meeting::MinutesReopenReason))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in audit_indexes() {
            let mut index = Index::create();
            index.name(name).table(AuditLog::Table);
            for c in cols {
                index.col(c);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, _) in audit_indexes() {
            manager
                .drop_index(Index::drop().name(name).table(AuditLog::Table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Meeting::Table)
                    .drop_column(Meeting::MinutesReopenReason)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Meeting::Table)
                    .drop_column(Meeting::MinutesReopenedAt)
                    .to_owned(),
            )
            .await
    }
}

fn audit_indexes() -> [(&'static str, Vec<AuditLog>); 3] {
    [
        (
            "ix_audit_log_entity_entity_id",
            vec![AuditLog::Entity, AuditLog::EntityId],
        ),
        ("ix_audit_log_actor_user_id", vec![AuditLog::ActorUserId]),
        ("ix_audit_log_at", vec![AuditLog::At]),
    ]
}

#[derive(DeriveIden)]
enum Meeting {
    Table,
    MinutesReopenedAt,
    MinutesReopenReason,
}

#[derive(DeriveIden, Clone, Copy)]
enum AuditLog {
    Table,
    Entity,
    EntityId,
    ActorUserId,
    At,
}
