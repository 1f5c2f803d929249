//! API tokens made before every token expired (`expires_at` NULL) would work forever. Each
//! gets the lifetime a token made without a chosen expiry gets today, counted from its
//! creation: 90 days (`auth::tokens::API_TOKEN_DEFAULT_DAYS`), so the older ones stop at once
//! and the recent ones keep working as long as a new one would. Revoking them all instead
//! would also cut off recent scripts, and `revoked_at` would claim that someone revoked them.
use sea_orm_migration::{prelude::*, sea_orm::prelude::ChronoDateTimeUtc};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Frozen here: the constant in the API may change later, this migration may not.
const LIFETIME_DAYS: i64 = 90;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let endless = Query::select()
            .columns([ApiToken::Id, ApiToken::CreatedAt])
            .from(ApiToken::Table)
            .and_where(Expr::col(ApiToken::ExpiresAt).is_null())
            .to_owned();
        // Computed here, not in SQL: date arithmetic and SQLite's stored text format differ
        // between the databases, and the driver writes the value as it writes every other.
        for row in db.query_all(&endless).await? {
            let id: i32 = row.try_get("", "id")?;
            let created: ChronoDateTimeUtc = row.try_get("", "created_at")?;
            let expires = created + chrono::Duration::days(LIFETIME_DAYS);
            let update = Query::update()
                .table(ApiToken::Table)
                .value(ApiToken::ExpiresAt, expires)
                .and_where(Expr::col(ApiToken::Id).eq(id))
                .to_owned();
            db.execute(&update).await?;
        }
        Ok(())
    }

    /// Nothing to undo in the schema. Which tokens had no expiry is not kept, and giving
    /// them back eternal life would undo the point; the older code reads these expiries
    /// as it reads any other.
    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}

#[derive(DeriveIden)]
enum ApiToken {
    Table,
    Id,
    CreatedAt,
    ExpiresAt,
}
