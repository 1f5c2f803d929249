//! The minutes' workflow: start the draft, send it for comments with a merknadsfrist,
//! approve it through a later meeting's "Godkjenning av referat" sak, publish it; reopen
//! and lock approved minutes; members' comments on the draft.
//!
//! An illegal transition is refused with CONFLICT and a message starting
//! "Illegal transition:"; a stale `version` is CONFLICT "… was changed by someone else".
use async_graphql::{ComplexObject, Context, ID, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use entity::{minutes_comment, person};
use sea_orm::TransactionTrait;

use super::{ContextExt, load_err, meetings::Meeting, parse_id, people::Person, to_id};
use crate::{auth::policy, error::AppResult, loaders::ById, service};

/// A member's comment on draft minutes.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct MinutesComment {
    /// The comment's id.
    pub id: ID,
    /// The sak commented on, or null for the minutes as a whole.
    pub sak_id: Option<ID>,
    /// The comment.
    pub text: String,
    /// Whether the secretariat has handled it.
    pub handled: bool,
    /// When it was handled.
    pub handled_at: Option<DateTime<Utc>>,
    /// The secretariat's note on how it was handled.
    pub handled_note: Option<String>,
    /// When it was written.
    pub created_at: DateTime<Utc>,
    /// The version to send back when editing.
    pub version: i32,
    #[graphql(skip)]
    pub person_id: Option<i32>,
}

impl From<minutes_comment::Model> for MinutesComment {
    fn from(m: minutes_comment::Model) -> Self {
        Self {
            id: to_id(m.id),
            sak_id: m.sak_id.map(to_id),
            text: m.text,
            handled: m.handled,
            handled_at: m.handled_at,
            handled_note: m.handled_note,
            created_at: m.created_at,
            version: m.version,
            person_id: m.person_id,
        }
    }
}

#[ComplexObject]
impl MinutesComment {
    /// The member who commented.
    async fn person(&self, ctx: &Context<'_>) -> AppResult<Option<Person>> {
        let Some(id) = self.person_id else {
            return Ok(None);
        };
        let p = ctx
            .loader::<ById<person::Entity>>()
            .load_one(id)
            .await
            .map_err(load_err)?;
        Ok(p.map(|p| Person::new(p, ctx)))
    }
}

#[derive(Default)]
pub struct MinutesMutation;

#[Object]
impl MinutesMutation {
    /// Starts the draft minutes of a held meeting; each sak's vedtak starts as its forslag
    /// til vedtak. Refused (CONFLICT, "Illegal transition: …") unless the meeting is held
    /// and has no minutes yet.
    async fn start_minutes(
        &self,
        ctx: &Context<'_>,
        meeting_id: ID,
        version: i32,
    ) -> AppResult<Meeting> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&meeting_id, "meetingId")?;
        let txn = ctx.db().write.begin().await?;
        let m = service::minutes::start_minutes(&txn, &proof, id, version).await?;
        txn.commit().await?;
        Ok(m.into())
    }

    /// Sends draft minutes to the members with a merknadsfrist (the last day for comments);
    /// `sentOn` defaults to today. Members can then read them. Only draft minutes can be sent.
    async fn send_minutes_for_comments(
        &self,
        ctx: &Context<'_>,
        meeting_id: ID,
        version: i32,
        comment_deadline: NaiveDate,
        sent_on: Option<NaiveDate>,
    ) -> AppResult<Meeting> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&meeting_id, "meetingId")?;
        let txn = ctx.db().write.begin().await?;
        let m = service::minutes::send_for_comments(
            &txn,
            &proof,
            id,
            version,
            comment_deadline,
            sent_on,
        )
        .await?;
        txn.commit().await?;
        Ok(m.into())
    }

    /// Approves minutes sent for comments through the "Godkjenning av referat" sak
    /// (`sakId`) of a later meeting that takes place; `version` is the approved meeting's.
    /// `vedtak` is recorded on the sak (default: its forslag til vedtak). Approved minutes are
    /// locked.
    async fn approve_minutes(
        &self,
        ctx: &Context<'_>,
        sak_id: ID,
        version: i32,
        vedtak: Option<String>,
    ) -> AppResult<Meeting> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&sak_id, "sakId")?;
        let txn = ctx.db().write.begin().await?;
        let m = service::minutes::approve_minutes(&txn, &proof, id, version, vedtak).await?;
        txn.commit().await?;
        Ok(m.into())
    }

    /// Publishes approved minutes: the public can now read them.
    async fn publish_minutes(
        &self,
        ctx: &Context<'_>,
        meeting_id: ID,
        version: i32,
    ) -> AppResult<Meeting> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&meeting_id, "meetingId")?;
        let txn = ctx.db().write.begin().await?;
        let m = service::minutes::publish_minutes(&txn, &proof, id, version).await?;
        txn.commit().await?;
        Ok(m.into())
    }

    /// Reopens approved (or published) minutes for a correction, with the reason; logged.
    async fn reopen_minutes(
        &self,
        ctx: &Context<'_>,
        meeting_id: ID,
        version: i32,
        reason: String,
    ) -> AppResult<Meeting> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&meeting_id, "meetingId")?;
        let txn = ctx.db().write.begin().await?;
        let m = service::minutes::reopen_minutes(&txn, &proof, id, version, reason).await?;
        txn.commit().await?;
        Ok(m.into())
    }

    /// Locks reopened minutes again.
    async fn lock_minutes(
        &self,
        ctx: &Context<'_>,
        meeting_id: ID,
        version: i32,
    ) -> AppResult<Meeting> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&meeting_id, "meetingId")?;
        let txn = ctx.db().write.begin().await?;
        let m = service::minutes::lock_minutes(&txn, &proof, id, version).await?;
        txn.commit().await?;
        Ok(m.into())
    }

    /// A member comments on draft minutes sent for comments, on the whole (`sakId` null) or
    /// on one sak, until the merknadsfrist (inclusive, Oslo time); later is a CONFLICT. An
    /// inhabil member cannot comment on that sak (VALIDATION on `sakId`). The secretariat may
    /// record a comment for a member with `personId`, and with `receivedOn` the day it
    /// arrived by other means.
    async fn add_minutes_comment(
        &self,
        ctx: &Context<'_>,
        meeting_id: ID,
        sak_id: Option<ID>,
        text: String,
        person_id: Option<ID>,
        received_on: Option<NaiveDate>,
    ) -> AppResult<MinutesComment> {
        let person = person_id.map(|p| parse_id(&p, "personId")).transpose()?;
        let proof = policy::member_write(ctx.viewer(), person)?;
        let id = parse_id(&meeting_id, "meetingId")?;
        let sak = sak_id.map(|s| parse_id(&s, "sakId")).transpose()?;
        let txn = ctx.db().write.begin().await?;
        let c = service::minutes::add_comment(&txn, &proof, id, sak, text, received_on).await?;
        txn.commit().await?;
        Ok(c.into())
    }

    /// The secretariat marks a comment handled (or not), with a note.
    async fn set_comment_handled(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        handled: bool,
        note: Option<String>,
    ) -> AppResult<MinutesComment> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let raw = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let c = service::minutes::set_comment_handled(&txn, &proof, raw, version, handled, note)
            .await?;
        txn.commit().await?;
        Ok(c.into())
    }
}
