//! Working groups and their memberships, kept as history.
use std::collections::HashSet;

use async_graphql::{
    ComplexObject, Context, ID, InputObject, MaybeUndefined, Object, SimpleObject,
    connection::Connection,
};
use chrono::{DateTime, NaiveDate, Utc};
use entity::{person, policy_document, working_group, working_group_member};
use sea_orm::TransactionTrait;

use super::{
    ContextExt, TotalCount,
    consultations::{
        ConsultationRound, PolicyDocument, document_visible, meetings_of_saker,
        visible_document_ids,
    },
    load_err, opt_id, paginate, parse_id, patch_id,
    people::Person,
    saker::{Sak, readable_sak},
    to_id,
};
use crate::{
    api_enum,
    auth::policy,
    error::{AppError, AppResult},
    loaders::{
        ById, HasMany,
        relations::{MembersOfWorkingGroup, RoundsOfWorkingGroup},
    },
    service::{
        consultations::{Visibility, oslo_today},
        working_groups::{
            self as service, GroupFilter, NewMembership, NewWorkingGroup, NewWorkingGroupMember,
            WorkingGroupPatch,
        },
    },
};

api_enum!(
    /// Kinds of working groups.
    WorkingGroupKind = "entity::enums::WorkingGroupKind" {
        /// Arbeidsgruppe: drafts a response, a statement, a plan.
        Arbeidsgruppe,
        /// Referansegruppe: advises the secretariat.
        Referansegruppe,
        /// Planleggingsgruppe: plans an event or a process.
        Planleggingsgruppe,
        /// Programkomité: sets the programme of an event.
        Programkomite,
    }
);

api_enum!(
    /// Where a working group stands.
    WorkingGroupStatus = "entity::enums::WorkingGroupStatus" {
        /// Proposed in a saksfremlegg; names may still be open.
        Proposed,
        /// Set up and at work.
        Active,
        /// Done (has an end date).
        Finished,
    }
);

api_enum!(
    /// A member's role in a working group.
    WorkingGroupRole = "entity::enums::WorkingGroupRole" {
        /// Leads the group.
        Leader,
        /// Member.
        Member,
        /// Secretary (usually from the secretariat).
        Secretary,
    }
);

/// The ids of the groups among `groups` the viewer may see: all for the council, the
/// secretariat and deadline integrations; for the public, those whose founding vedtak is in
/// published minutes.
pub(crate) async fn visible_group_ids(
    ctx: &Context<'_>,
    groups: &[&working_group::Model],
) -> AppResult<HashSet<i32>> {
    if Visibility::of(ctx.viewer()) == Visibility::All {
        return Ok(groups.iter().map(|g| g.id).collect());
    }
    let meetings =
        meetings_of_saker(ctx, groups.iter().filter_map(|g| g.established_by_sak_id)).await?;
    Ok(groups
        .iter()
        .filter(|g| {
            g.established_by_sak_id
                .and_then(|s| meetings.get(&s))
                .is_some_and(|m| policy::can_read_minutes(ctx.viewer(), m))
        })
        .map(|g| g.id)
        .collect())
}

/// Whether the viewer may see a group reached through a link.
pub(crate) async fn group_visible(ctx: &Context<'_>, g: &working_group::Model) -> AppResult<bool> {
    Ok(visible_group_ids(ctx, &[g]).await?.contains(&g.id))
}

/// An arbeidsgruppe, referansegruppe, planleggingsgruppe or programkomité.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct WorkingGroup {
    /// The group's id.
    pub id: ID,
    /// Arbeidsgruppe, referansegruppe …
    pub kind: WorkingGroupKind,
    /// Name, e.g. "Arbeidsgruppen for høringssvar til NOU 2025: 8".
    pub name: String,
    /// Purpose or mandate.
    pub purpose: Option<String>,
    /// Proposed, active or finished.
    pub status: WorkingGroupStatus,
    /// First day, if known.
    pub starts_on: Option<NaiveDate>,
    /// Last day, if known.
    pub ends_on: Option<NaiveDate>,
    /// The version to send back when editing (membership changes bump it too).
    pub version: i32,
    /// When the group or its membership last changed.
    pub updated_at: DateTime<Utc>,
    #[graphql(skip)]
    pub raw: working_group::Model,
}

impl From<working_group::Model> for WorkingGroup {
    fn from(m: working_group::Model) -> Self {
        Self {
            id: to_id(m.id),
            kind: m.kind.into(),
            name: m.name.clone(),
            purpose: m.purpose.clone(),
            status: m.status.into(),
            starts_on: m.starts_on,
            ends_on: m.ends_on,
            version: m.version,
            updated_at: m.updated_at,
            raw: m,
        }
    }
}

#[ComplexObject]
impl WorkingGroup {
    /// The sak whose vedtak set the group up.
    async fn established_by_sak(&self, ctx: &Context<'_>) -> AppResult<Option<Sak>> {
        readable_sak(ctx, self.raw.established_by_sak_id).await
    }

    /// The policy document the group works on.
    async fn policy_document(&self, ctx: &Context<'_>) -> AppResult<Option<PolicyDocument>> {
        let Some(id) = self.raw.policy_document_id else {
            return Ok(None);
        };
        let Some(doc) = ctx
            .loader::<ById<policy_document::Entity>>()
            .load_one(id)
            .await
            .map_err(load_err)?
        else {
            return Ok(None);
        };
        Ok(document_visible(ctx, &doc).await?.then(|| doc.into()))
    }

    /// The consultation rounds the group answers, soonest deadline first.
    async fn consultation_rounds(&self, ctx: &Context<'_>) -> AppResult<Vec<ConsultationRound>> {
        let rows = ctx
            .loader::<HasMany<RoundsOfWorkingGroup>>()
            .load_one(self.raw.id)
            .await
            .map_err(load_err)?
            .unwrap_or_default();
        let docs = ctx
            .loader::<ById<policy_document::Entity>>()
            .load_many(rows.iter().map(|r| r.policy_document_id))
            .await
            .map_err(load_err)?;
        let visible = visible_document_ids(ctx, &docs.values().collect::<Vec<_>>()).await?;
        Ok(rows
            .into_iter()
            .filter(|r| visible.contains(&r.policy_document_id))
            .map(Into::into)
            .collect())
    }

    /// Members, leader first. With `on`, those in the group that day; without, every
    /// membership ever, ended ones included (the group's history).
    async fn members(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only memberships that count on this day.")] on: Option<NaiveDate>,
    ) -> AppResult<Vec<WorkingGroupMember>> {
        let rows = ctx
            .loader::<HasMany<MembersOfWorkingGroup>>()
            .load_one(self.raw.id)
            .await
            .map_err(load_err)?
            .unwrap_or_default();
        Ok(service::members_on(rows, on)
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The leader today, if the group has one.
    async fn leader(&self, ctx: &Context<'_>) -> AppResult<Option<WorkingGroupMember>> {
        let rows = ctx
            .loader::<HasMany<MembersOfWorkingGroup>>()
            .load_one(self.raw.id)
            .await
            .map_err(load_err)?
            .unwrap_or_default();
        Ok(service::members_on(rows, Some(oslo_today()))
            .into_iter()
            .find(|m| m.role == entity::enums::WorkingGroupRole::Leader)
            .map(Into::into))
    }
}

/// A membership of a working group over a period: a person, or a placeholder such as
/// "en fra KS" until a name is known.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct WorkingGroupMember {
    /// The membership's id.
    pub id: ID,
    /// Leader, member or secretary.
    pub role: WorkingGroupRole,
    /// Placeholder text when no person is named ("en fra KS", "NN").
    pub placeholder: Option<String>,
    /// First day in the group, if known.
    pub starts_on: Option<NaiveDate>,
    /// Last day in the group; null while it lasts.
    pub ends_on: Option<NaiveDate>,
    /// Free note.
    pub note: Option<String>,
    #[graphql(skip)]
    pub raw: working_group_member::Model,
}

impl From<working_group_member::Model> for WorkingGroupMember {
    fn from(m: working_group_member::Model) -> Self {
        Self {
            id: to_id(m.id),
            role: m.role.into(),
            placeholder: m.placeholder.clone(),
            starts_on: m.starts_on,
            ends_on: m.ends_on,
            note: m.note.clone(),
            raw: m,
        }
    }
}

impl WorkingGroupMember {
    async fn load_person(&self, ctx: &Context<'_>) -> AppResult<Option<person::Model>> {
        let Some(id) = self.raw.person_id else {
            return Ok(None);
        };
        ctx.loader::<ById<person::Entity>>()
            .load_one(id)
            .await
            .map_err(load_err)
    }
}

#[ComplexObject]
impl WorkingGroupMember {
    /// The person, when named.
    async fn person(&self, ctx: &Context<'_>) -> AppResult<Option<Person>> {
        Ok(self.load_person(ctx).await?.map(|p| Person::new(p, ctx)))
    }

    /// The person's name, or the placeholder.
    async fn display_name(&self, ctx: &Context<'_>) -> AppResult<String> {
        if let Some(p) = &self.raw.placeholder {
            return Ok(p.clone());
        }
        Ok(self
            .load_person(ctx)
            .await?
            .map(|p| p.name)
            .unwrap_or_default())
    }

    /// The group.
    async fn working_group(&self, ctx: &Context<'_>) -> AppResult<Option<WorkingGroup>> {
        let g = ctx
            .loader::<ById<working_group::Entity>>()
            .load_one(self.raw.working_group_id)
            .await
            .map_err(load_err)?;
        match g {
            Some(g) if group_visible(ctx, &g).await? => Ok(Some(g.into())),
            _ => Ok(None),
        }
    }
}

/// A member to add: a person or a placeholder.
#[derive(InputObject)]
pub struct WorkingGroupMemberInput {
    /// The person (council member or external); or give a placeholder.
    pub person_id: Option<ID>,
    /// Placeholder text when no name is known yet ("en fra KS", "NN").
    pub placeholder: Option<String>,
    /// Leader, member or secretary. Default MEMBER.
    #[graphql(default_with = "WorkingGroupRole::Member")]
    pub role: WorkingGroupRole,
    /// First day in the group; defaults to the group's start.
    pub starts_on: Option<NaiveDate>,
    /// Free note.
    pub note: Option<String>,
}

impl WorkingGroupMemberInput {
    fn into_new(self) -> AppResult<NewWorkingGroupMember> {
        Ok(NewWorkingGroupMember {
            person_id: opt_id(self.person_id, "personId")?,
            placeholder: self.placeholder,
            role: self.role.into(),
            starts_on: self.starts_on,
            note: self.note,
        })
    }
}

/// A new working group, as the vedtak sets it up.
#[derive(InputObject)]
pub struct CreateWorkingGroupInput {
    /// Arbeidsgruppe, referansegruppe …
    pub kind: WorkingGroupKind,
    /// Name.
    pub name: String,
    /// Purpose or mandate.
    pub purpose: Option<String>,
    /// The sak whose vedtak set the group up.
    pub established_by_sak_id: Option<ID>,
    /// The policy document the group works on.
    pub policy_document_id: Option<ID>,
    /// The consultation round the group answers.
    pub consultation_round_id: Option<ID>,
    /// Default PROPOSED.
    #[graphql(default_with = "WorkingGroupStatus::Proposed")]
    pub status: WorkingGroupStatus,
    /// First day.
    pub starts_on: Option<NaiveDate>,
    /// Last day.
    pub ends_on: Option<NaiveDate>,
    /// Members, the leader among them (role LEADER). At most 100.
    #[graphql(default)]
    pub members: Vec<WorkingGroupMemberInput>,
}

/// Changes to a group: leave a field out to keep it, send null to clear it.
#[derive(InputObject)]
pub struct UpdateWorkingGroupInput {
    /// The group.
    pub id: ID,
    /// The version you edited.
    pub version: i32,
    /// Arbeidsgruppe, referansegruppe …
    pub kind: Option<WorkingGroupKind>,
    /// Name.
    pub name: Option<String>,
    /// Purpose or mandate.
    pub purpose: MaybeUndefined<String>,
    /// The sak whose vedtak set the group up.
    pub established_by_sak_id: MaybeUndefined<ID>,
    /// The policy document the group works on.
    pub policy_document_id: MaybeUndefined<ID>,
    /// Proposed, active or finished (finished needs an end date).
    pub status: Option<WorkingGroupStatus>,
    /// First day.
    pub starts_on: MaybeUndefined<NaiveDate>,
    /// Last day.
    pub ends_on: MaybeUndefined<NaiveDate>,
}

/// Adds a member to a group.
#[derive(InputObject)]
pub struct AddWorkingGroupMemberInput {
    /// The group.
    pub working_group_id: ID,
    /// The group's version you saw.
    pub version: i32,
    /// The new member.
    pub member: WorkingGroupMemberInput,
}

/// Ends a membership; the row stays as history.
#[derive(InputObject)]
pub struct EndWorkingGroupMembershipInput {
    /// The group.
    pub working_group_id: ID,
    /// The group's version you saw.
    pub version: i32,
    /// The membership.
    pub member_id: ID,
    /// The last day in the group.
    pub ends_on: NaiveDate,
}

/// Replaces a membership from a date: fills in a placeholder, swaps a person, or changes a
/// role. The old row ends the day before; a new one starts on `on`.
#[derive(InputObject)]
pub struct ReplaceWorkingGroupMemberInput {
    /// The group.
    pub working_group_id: ID,
    /// The group's version you saw.
    pub version: i32,
    /// The membership to replace.
    pub member_id: ID,
    /// The first day of the new membership.
    pub on: NaiveDate,
    /// Who (or which role) from that day.
    pub replacement: WorkingGroupMemberInput,
}

#[derive(Default)]
pub struct WorkingGroupsQuery;

#[Object]
impl WorkingGroupsQuery {
    /// Working groups, newest first. Without a login, only groups whose founding vedtak is in
    /// published minutes.
    #[graphql(complexity = "crate::graphql::list_complexity(first, child_complexity)")]
    #[allow(clippy::too_many_arguments)]
    async fn working_groups(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only groups of this kind.")] kind: Option<WorkingGroupKind>,
        #[graphql(desc = "Only groups with one of these statuses.")] status: Option<
            Vec<WorkingGroupStatus>,
        >,
        #[graphql(desc = "Only groups at work on this day (not proposed, within their dates).")]
        active_on: Option<NaiveDate>,
        #[graphql(desc = "Only groups this person is or was a member of.")] person_id: Option<ID>,
        #[graphql(desc = "Only groups working on this policy document.")]
        policy_document_id: Option<ID>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, WorkingGroup, TotalCount>> {
        let status = status.unwrap_or_default();
        if status.len() > 3 {
            return Err(AppError::validation("status", "Too many values"));
        }
        let query = service::groups(
            ctx.viewer(),
            GroupFilter {
                kind: kind.map(Into::into),
                statuses: status.into_iter().map(Into::into).collect(),
                active_on,
                person_id: opt_id(person_id, "personId")?,
                member_on: None,
                policy_document_id: opt_id(policy_document_id, "policyDocumentId")?,
            },
        )?;
        paginate(ctx.db(), query, first, after, WorkingGroup::from).await
    }

    /// One working group.
    async fn working_group(&self, ctx: &Context<'_>, id: ID) -> AppResult<Option<WorkingGroup>> {
        let id = parse_id(&id, "id")?;
        let g = service::find_visible_group(&ctx.db().read, ctx.viewer(), id).await?;
        Ok(g.map(Into::into))
    }

    /// The logged-in member's groups: by default those they are in today and that are not
    /// finished; with `includeEnded`, every group they have been in.
    #[graphql(complexity = "crate::graphql::list_complexity(first, child_complexity)")]
    async fn my_working_groups(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Include finished groups and ended memberships (default false).")]
        include_ended: Option<bool>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, WorkingGroup, TotalCount>> {
        let user = ctx.viewer().user().ok_or(AppError::Unauthenticated)?;
        // An account without a person (a script's) is in no group.
        let person_id = user.person_id.unwrap_or(0);
        let filter = if include_ended.unwrap_or(false) {
            GroupFilter {
                person_id: Some(person_id),
                ..Default::default()
            }
        } else {
            GroupFilter {
                person_id: Some(person_id),
                member_on: Some(oslo_today()),
                statuses: vec![
                    entity::enums::WorkingGroupStatus::Proposed,
                    entity::enums::WorkingGroupStatus::Active,
                ],
                ..Default::default()
            }
        };
        let query = service::groups(ctx.viewer(), filter)?;
        paginate(ctx.db(), query, first, after, WorkingGroup::from).await
    }

    /// A person's working-group memberships over time, oldest first, ended ones included.
    #[graphql(complexity = "100 * child_complexity")]
    async fn working_group_history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The person.")] person_id: ID,
    ) -> AppResult<Vec<WorkingGroupMember>> {
        let person_id = parse_id(&person_id, "personId")?;
        let rows = service::person_history(&ctx.db().read, ctx.viewer(), person_id).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}

#[derive(Default)]
pub struct WorkingGroupsMutation;

#[Object]
impl WorkingGroupsMutation {
    /// Sets up a working group from a vedtak, with its members.
    async fn create_working_group(
        &self,
        ctx: &Context<'_>,
        input: CreateWorkingGroupInput,
    ) -> AppResult<WorkingGroup> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let new = NewWorkingGroup {
            kind: input.kind.into(),
            name: input.name,
            purpose: input.purpose,
            established_by_sak_id: opt_id(input.established_by_sak_id, "establishedBySakId")?,
            policy_document_id: opt_id(input.policy_document_id, "policyDocumentId")?,
            consultation_round_id: opt_id(input.consultation_round_id, "consultationRoundId")?,
            status: input.status.into(),
            starts_on: input.starts_on,
            ends_on: input.ends_on,
            members: input
                .members
                .into_iter()
                .map(WorkingGroupMemberInput::into_new)
                .collect::<AppResult<_>>()?,
        };
        let txn = ctx.db().write.begin().await?;
        let g = service::create_working_group(&txn, &proof, new).await?;
        txn.commit().await?;
        Ok(g.into())
    }

    /// Edits a working group.
    async fn update_working_group(
        &self,
        ctx: &Context<'_>,
        input: UpdateWorkingGroupInput,
    ) -> AppResult<WorkingGroup> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&input.id, "id")?;
        let patch = WorkingGroupPatch {
            kind: input.kind.map(Into::into),
            name: input.name,
            purpose: input.purpose.into(),
            established_by_sak_id: patch_id(input.established_by_sak_id, "establishedBySakId")?,
            policy_document_id: patch_id(input.policy_document_id, "policyDocumentId")?,
            status: input.status.map(Into::into),
            starts_on: input.starts_on.into(),
            ends_on: input.ends_on.into(),
        };
        let txn = ctx.db().write.begin().await?;
        let g = service::update_working_group(&txn, &proof, id, input.version, patch).await?;
        txn.commit().await?;
        Ok(g.into())
    }

    /// Adds a member to a working group.
    async fn add_working_group_member(
        &self,
        ctx: &Context<'_>,
        input: AddWorkingGroupMemberInput,
    ) -> AppResult<WorkingGroupMember> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let new = NewMembership {
            working_group_id: parse_id(&input.working_group_id, "workingGroupId")?,
            expected_version: Some(input.version),
            member: input.member.into_new()?,
        };
        let txn = ctx.db().write.begin().await?;
        let m = service::add_working_group_member(&txn, &proof, new).await?;
        txn.commit().await?;
        Ok(m.into())
    }

    /// Ends a membership on a date; it stays in the group's history.
    async fn end_working_group_membership(
        &self,
        ctx: &Context<'_>,
        input: EndWorkingGroupMembershipInput,
    ) -> AppResult<WorkingGroupMember> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let group = parse_id(&input.working_group_id, "workingGroupId")?;
        let member = parse_id(&input.member_id, "memberId")?;
        let txn = ctx.db().write.begin().await?;
        let m = service::end_working_group_member(
            &txn,
            &proof,
            group,
            Some(input.version),
            member,
            input.ends_on,
        )
        .await?;
        txn.commit().await?;
        Ok(m.into())
    }

    /// Replaces a membership from a date (fills in a placeholder, swaps a person, changes a
    /// role); returns the new membership.
    async fn replace_working_group_member(
        &self,
        ctx: &Context<'_>,
        input: ReplaceWorkingGroupMemberInput,
    ) -> AppResult<WorkingGroupMember> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let group = parse_id(&input.working_group_id, "workingGroupId")?;
        let member = parse_id(&input.member_id, "memberId")?;
        let replacement = input.replacement.into_new()?;
        let txn = ctx.db().write.begin().await?;
        let m = service::replace_working_group_member(
            &txn,
            &proof,
            group,
            Some(input.version),
            member,
            input.on,
            replacement,
        )
        .await?;
        txn.commit().await?;
        Ok(m.into())
    }
}
