//! The audit log through the API: the secretariat reads who changed what, when, filtered by
//! entity, actor and period.
use async_graphql::{Context, ID, Object, SimpleObject, connection::Connection};
use chrono::{DateTime, Utc};
use entity::audit_log;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{ContextExt, TotalCount, paginate, parse_id, to_id};
use crate::{
    api_enum,
    auth::policy,
    error::{AppError, AppResult},
};

api_enum!(
    /// What kind of change a log row records.
    AuditAction = "entity::enums::AuditAction" {
        /// A record was created.
        Create,
        /// A field changed.
        Update,
        /// A record was deleted.
        Delete,
    }
);

/// One changed field (Noark 5's change log): who, when, what, old and new value.
#[derive(SimpleObject)]
pub struct AuditEntry {
    /// The row's id.
    pub id: ID,
    /// When (UTC).
    pub at: DateTime<Utc>,
    /// The user account that made the change, if a user did.
    pub actor_user_id: Option<ID>,
    /// Who, as a name ("Ole Johan Borge", or "demo" for a script).
    pub actor_label: String,
    /// The table changed, e.g. "sak", "meeting".
    pub entity: String,
    /// The record's id.
    pub entity_id: ID,
    /// Create, update or delete.
    pub action: AuditAction,
    /// The field, e.g. "vedtak".
    pub field: Option<String>,
    /// The value before.
    pub old_value: Option<String>,
    /// The value after.
    pub new_value: Option<String>,
}

impl From<audit_log::Model> for AuditEntry {
    fn from(m: audit_log::Model) -> Self {
        Self {
            id: to_id(m.id),
            at: m.at,
            actor_user_id: m.actor_user_id.map(to_id),
            actor_label: m.actor_label,
            entity: m.entity,
            entity_id: to_id(m.entity_id),
            action: m.action.into(),
            field: m.field,
            old_value: m.old_value,
            new_value: m.new_value,
        }
    }
}

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// The audit log, newest first (secretariat only). Filter by entity ("sak") and record
    /// id, by the acting user, and by period (`from` inclusive, `to` exclusive).
    #[graphql(complexity = "crate::graphql::list_complexity(first, child_complexity)")]
    #[allow(clippy::too_many_arguments)]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        #[graphql(validator(max_length = 64))] entity: Option<String>,
        entity_id: Option<ID>,
        actor_user_id: Option<ID>,
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, AuditEntry, TotalCount>> {
        policy::require_secretariat_read(ctx.viewer())?;
        if entity_id.is_some() && entity.is_none() {
            return Err(AppError::validation(
                "entityId",
                "Say which entity the id belongs to",
            ));
        }
        if let (Some(f), Some(t)) = (from, to)
            && t <= f
        {
            return Err(AppError::validation(
                "to",
                "The period ends before it starts",
            ));
        }
        let mut q = audit_log::Entity::find()
            .order_by_desc(audit_log::Column::At)
            .order_by_desc(audit_log::Column::Id);
        if let Some(e) = entity {
            q = q.filter(audit_log::Column::Entity.eq(e));
        }
        if let Some(id) = entity_id {
            q = q.filter(audit_log::Column::EntityId.eq(parse_id(&id, "entityId")?));
        }
        if let Some(id) = actor_user_id {
            q = q.filter(audit_log::Column::ActorUserId.eq(parse_id(&id, "actorUserId")?));
        }
        if let Some(f) = from {
            q = q.filter(audit_log::Column::At.gte(f));
        }
        if let Some(t) = to {
            q = q.filter(audit_log::Column::At.lt(t));
        }
        paginate(ctx.db(), q, first, after, AuditEntry::from).await
    }
}
