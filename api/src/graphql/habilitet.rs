//! Habilitet: members declare interests in saker; the secretariat records the council's
//! assessment per member per sak. Declarations and reasons are seen only by the secretariat
//! and the member concerned; others see the settled outcomes with the minutes.
use async_graphql::{ComplexObject, Context, ID, Object, SimpleObject};
use entity::{conflict_of_interest, person};
use sea_orm::TransactionTrait;

use super::{ContextExt, load_err, parse_id, people::Person, to_id};
use crate::{
    api_enum,
    auth::{
        Viewer,
        policy::{self, HabilitetView},
    },
    error::AppResult,
    loaders::ById,
    service::{self, habilitet::Assessment},
};

api_enum!(
    /// The council's assessment of a declared interest.
    HabilitetOutcome = "entity::enums::HabilitetOutcome" {
        /// Declared, not yet assessed.
        Pending,
        /// Inhabil: takes no part in the sak and counts as absent from it.
        Inhabil,
        /// An interest declared, but not one that disqualifies.
        NotInhabil,
    }
);

/// Habilitet: a member's declared interest in a sak and the council's assessment.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct ConflictOfInterest {
    /// The record's id.
    pub id: ID,
    /// Pending, inhabil or not inhabil.
    pub outcome: HabilitetOutcome,
    /// Whether the member left the room during the sak.
    pub left_room: bool,
    /// The member's own declaration (secretariat and the member only).
    pub declaration: Option<String>,
    /// The reason recorded (secretariat and the member only).
    pub reason: Option<String>,
    /// Who assessed it, e.g. "rådet" (secretariat and the member only).
    pub decided_by: Option<String>,
    /// The version to send back when editing.
    pub version: i32,
    #[graphql(skip)]
    pub person_id: i32,
}

impl ConflictOfInterest {
    /// What `viewer` may see of the record, or nothing. `minutes`: whether the viewer may
    /// read the meeting's minutes, where settled outcomes are stated.
    pub fn visible(m: conflict_of_interest::Model, viewer: &Viewer, minutes: bool) -> Option<Self> {
        let settled = m.outcome != entity::enums::HabilitetOutcome::Pending;
        match policy::habilitet_view(viewer, m.person_id, settled, minutes) {
            HabilitetView::Hidden => None,
            HabilitetView::Outcome => Some(Self::full(m, false)),
            HabilitetView::Full => Some(Self::full(m, true)),
        }
    }

    /// The record a mutation just wrote. Its outcome is the caller's own input; the
    /// declaration and reason go only to whom `policy::habilitet_view` shows the whole record
    /// (that depends on who asks, not on the outcome or the minutes): not to a `write` token
    /// without `read`.
    fn written(m: conflict_of_interest::Model, viewer: &Viewer) -> Self {
        let details =
            policy::habilitet_view(viewer, m.person_id, false, false) == HabilitetView::Full;
        Self::full(m, details)
    }

    fn full(m: conflict_of_interest::Model, details: bool) -> Self {
        Self {
            id: to_id(m.id),
            outcome: m.outcome.into(),
            left_room: m.left_room,
            declaration: m.declaration.filter(|_| details),
            reason: m.reason.filter(|_| details),
            decided_by: m.decided_by.filter(|_| details),
            version: m.version,
            person_id: m.person_id,
        }
    }
}

#[ComplexObject]
impl ConflictOfInterest {
    /// The member concerned.
    async fn person(&self, ctx: &Context<'_>) -> AppResult<Option<Person>> {
        let p = ctx
            .loader::<ById<person::Entity>>()
            .load_one(self.person_id)
            .await
            .map_err(load_err)?;
        Ok(p.map(|p| Person::new(p, ctx)))
    }
}

#[derive(Default)]
pub struct HabilitetMutation;

#[Object]
impl HabilitetMutation {
    /// A member declares an interest in a sak before the meeting (the secretariat may record
    /// it for a member: give `personId`). A sak the member cannot read is NOT_FOUND; after
    /// the meeting, or once assessed, it is a CONFLICT ("Illegal transition: …").
    async fn declare_interest(
        &self,
        ctx: &Context<'_>,
        sak_id: ID,
        declaration: String,
        person_id: Option<ID>,
    ) -> AppResult<ConflictOfInterest> {
        let person = person_id.map(|p| parse_id(&p, "personId")).transpose()?;
        let proof = policy::member_write(ctx.viewer(), person)?;
        let id = parse_id(&sak_id, "sakId")?;
        let txn = ctx.db().write.begin().await?;
        let r = service::habilitet::declare(&txn, &proof, id, declaration).await?;
        txn.commit().await?;
        Ok(ConflictOfInterest::written(r, ctx.viewer()))
    }

    /// Records the council's assessment of a member for a sak: inhabil (and whether they
    /// left the room) or not inhabil, with the reason. `version` is required when the member
    /// had declared (the record exists). Locked minutes are a CONFLICT.
    #[allow(clippy::too_many_arguments)]
    async fn assess_habilitet(
        &self,
        ctx: &Context<'_>,
        sak_id: ID,
        person_id: ID,
        outcome: HabilitetOutcome,
        reason: Option<String>,
        #[graphql(default)] left_room: bool,
        decided_by: Option<String>,
        version: Option<i32>,
    ) -> AppResult<ConflictOfInterest> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let sak = parse_id(&sak_id, "sakId")?;
        let assessment = Assessment {
            person_id: parse_id(&person_id, "personId")?,
            outcome: outcome.into(),
            reason,
            left_room,
            decided_by,
        };
        let txn = ctx.db().write.begin().await?;
        let r = service::habilitet::assess(&txn, &proof, sak, assessment, version).await?;
        txn.commit().await?;
        Ok(ConflictOfInterest::written(r, ctx.viewer()))
    }
}
