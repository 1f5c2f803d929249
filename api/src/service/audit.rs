//! The audit log, in the spirit of Noark 5's change log: one row per changed field, written
//! in the same transaction as the change.
use entity::{audit_log, enums::AuditAction};
use sea_orm::{ConnectionTrait, EntityTrait, Iterable, ModelTrait, Set, Value};

use crate::{auth::policy::Actor, error::AppResult};

fn render(v: Value) -> Option<String> {
    match v {
        Value::String(Some(s)) => Some(s.to_string()),
        Value::Bool(Some(b)) => Some(b.to_string()),
        Value::Int(Some(i)) => Some(i.to_string()),
        Value::BigInt(Some(i)) => Some(i.to_string()),
        Value::ChronoDate(Some(d)) => Some(d.to_string()),
        Value::ChronoTime(Some(t)) => Some(t.format("%H:%M").to_string()),
        Value::ChronoDateTimeUtc(Some(t)) => Some(t.to_rfc3339()),
        // Our tables hold only the types above; anything else is a NULL of one of them.
        _ => None,
    }
}

/// Records the difference between `before` and `after` (either may be absent).
pub async fn record<E, C>(
    db: &C,
    actor: &Actor,
    entity_id: i32,
    before: Option<&E::Model>,
    after: Option<&E::Model>,
) -> AppResult<()>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let action = match (before, after) {
        (None, Some(_)) => AuditAction::Create,
        (Some(_), None) => AuditAction::Delete,
        _ => AuditAction::Update,
    };
    let now = super::now();
    let entity = E::default().table_name().to_owned();
    let rows: Vec<audit_log::ActiveModel> = E::Column::iter()
        .filter_map(|col| {
            let field = sea_orm::IdenStatic::as_str(&col);
            // Bookkeeping columns change on every write and say nothing.
            if matches!(
                field,
                "version" | "updated_at" | "created_at" | "password_hash" | "token_hash"
            ) {
                return None;
            }
            let old = before.and_then(|m| render(m.get(col)));
            let new = after.and_then(|m| render(m.get(col)));
            (old != new).then(|| audit_log::ActiveModel {
                at: Set(now),
                actor_user_id: Set(actor.user_id),
                actor_label: Set(actor.label.clone()),
                request_id: Set(None),
                entity: Set(entity.clone()),
                entity_id: Set(entity_id),
                action: Set(action),
                field: Set(Some(field.to_owned())),
                old_value: Set(old),
                new_value: Set(new),
                ..Default::default()
            })
        })
        .collect();
    if !rows.is_empty() {
        audit_log::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(())
}
