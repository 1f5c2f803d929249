//! People, organisations, affiliations and appointments: reads, edits, and a person's
//! attendance history.
use async_graphql::{
    ComplexObject, Context, ID, InputObject, MaybeUndefined, Object, SimpleObject,
    connection::Connection,
};
use chrono::NaiveDate;
use entity::{affiliation, appointment, council_period, meeting, organisation, person, sector};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};

use super::{
    ContextExt, TotalCount,
    council::{CouncilPeriod, Sector},
    load_err,
    meetings::{Attendance, Meeting},
    opt_id, paginate, parse_id, patch_id, to_id,
};
use crate::{
    api_enum,
    auth::policy,
    error::{AppError, AppResult},
    loaders::{
        ById, HasMany,
        relations::{AffiliationsOfPerson, AppointmentsOfPerson, AttendanceOfPerson},
    },
    service::{council as council_svc, people as svc},
};

api_enum!(
    /// The capacity in which a person is appointed.
    AppointmentRole = "entity::enums::AppointmentRole" {
        /// Rådsleder.
        Chair,
        /// Nestleder.
        ViceChair,
        /// Rådsmedlem, appointed personally.
        Member,
        /// Vararepresentant.
        Deputy,
        /// Observatør from a ministry or agency.
        Observer,
        /// Member of the secretariat.
        Secretariat,
    }
);

/// A person: member, observer, secretariat, guest or external.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Person {
    /// The person's id.
    pub id: ID,
    /// Full name as the papers write it.
    pub name: String,
    /// E-mail (shown to logged-in users only).
    pub email: Option<String>,
    /// Phone (shown to logged-in users only).
    pub phone: Option<String>,
    /// Title, e.g. "spesialrådgiver".
    pub title: Option<String>,
    /// The secretariat's internal note (the secretariat only).
    pub note: Option<String>,
    /// The version to send back when editing.
    pub version: i32,
    #[graphql(skip)]
    pub raw_id: i32,
}

impl Person {
    pub fn new(m: person::Model, ctx: &Context<'_>) -> Self {
        let contact = policy::can_read_contact_details(ctx.viewer());
        Self {
            id: to_id(m.id),
            name: m.name,
            email: m.email.filter(|_| contact),
            phone: m.phone.filter(|_| contact),
            title: m.title,
            note: m.note.filter(|_| policy::is_secretariat(ctx.viewer())),
            version: m.version,
            raw_id: m.id,
        }
    }
}

#[ComplexObject]
impl Person {
    /// The organisations the person has represented or worked for, oldest first.
    async fn affiliations(&self, ctx: &Context<'_>) -> AppResult<Vec<Affiliation>> {
        let rows = ctx
            .loader::<HasMany<AffiliationsOfPerson>>()
            .load_one(self.raw_id)
            .await
            .map_err(load_err)?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(Affiliation::from)
            .collect())
    }

    /// The organisation on a date (today if not given).
    async fn organisation(
        &self,
        ctx: &Context<'_>,
        on: Option<NaiveDate>,
    ) -> AppResult<Option<Organisation>> {
        let on = on.unwrap_or_else(|| chrono::Utc::now().date_naive());
        let rows = ctx
            .loader::<HasMany<AffiliationsOfPerson>>()
            .load_one(self.raw_id)
            .await
            .map_err(load_err)?;
        let current = rows
            .unwrap_or_default()
            .into_iter()
            .rfind(|a| a.starts_on.is_none_or(|s| s <= on) && a.ends_on.is_none_or(|e| e >= on));
        let Some(a) = current else { return Ok(None) };
        let org = ctx
            .loader::<ById<organisation::Entity>>()
            .load_one(a.organisation_id)
            .await
            .map_err(load_err)?;
        Ok(org.map(Organisation::from))
    }

    /// The person's attendance at the meetings whose minutes you may read, newest first,
    /// with totals over those meetings.
    async fn attendance(&self, ctx: &Context<'_>) -> AppResult<AttendanceHistory> {
        let rows = ctx
            .loader::<HasMany<AttendanceOfPerson>>()
            .load_one(self.raw_id)
            .await
            .map_err(load_err)?
            .unwrap_or_default();
        let meetings = ctx
            .loader::<ById<meeting::Entity>>()
            .load_many(rows.iter().map(|a| a.meeting_id))
            .await
            .map_err(load_err)?;
        let viewer = ctx.viewer();
        let mut visible: Vec<_> = rows
            .into_iter()
            .filter_map(|a| {
                let m = meetings.get(&a.meeting_id)?;
                policy::can_read_minutes(viewer, m).then(|| (a, m.clone()))
            })
            .collect();
        visible.sort_by_key(|(a, m)| std::cmp::Reverse((m.date, m.id, a.id)));
        let totals = svc::AttendanceTotals::of(visible.iter().map(|(a, _)| a));
        Ok(AttendanceHistory {
            totals: AttendanceTotals::from(totals),
            meetings: visible
                .into_iter()
                .map(|(a, m)| MeetingAttendance {
                    digital: a.status == entity::enums::AttendanceStatus::Digital,
                    partial: svc::is_partial(&a),
                    record: Attendance::from(a),
                    meeting: Meeting::from(m),
                })
                .collect(),
        })
    }

    /// The person's appointments to the council, oldest first.
    async fn appointments(&self, ctx: &Context<'_>) -> AppResult<Vec<Appointment>> {
        let rows = ctx
            .loader::<HasMany<AppointmentsOfPerson>>()
            .load_one(self.raw_id)
            .await
            .map_err(load_err)?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(Appointment::from)
            .collect())
    }
}

/// An organisation people represent or work for.
#[derive(SimpleObject)]
pub struct Organisation {
    /// The organisation's id.
    pub id: ID,
    /// Full name.
    pub name: String,
    /// Short form, e.g. "UiO".
    pub short_name: Option<String>,
    /// The version to send back when editing.
    pub version: i32,
}

impl From<organisation::Model> for Organisation {
    fn from(m: organisation::Model) -> Self {
        Self {
            id: to_id(m.id),
            name: m.name,
            short_name: m.short_name,
            version: m.version,
        }
    }
}

/// A person's organisation over a period.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Affiliation {
    /// The affiliation's id.
    pub id: ID,
    /// Title at the organisation.
    pub title: Option<String>,
    /// From (inclusive); null if not known.
    pub starts_on: Option<NaiveDate>,
    /// To (inclusive); null while it lasts.
    pub ends_on: Option<NaiveDate>,
    #[graphql(skip)]
    pub organisation_id: i32,
}

impl From<affiliation::Model> for Affiliation {
    fn from(m: affiliation::Model) -> Self {
        Self {
            id: to_id(m.id),
            title: m.title,
            starts_on: m.starts_on,
            ends_on: m.ends_on,
            organisation_id: m.organisation_id,
        }
    }
}

#[ComplexObject]
impl Affiliation {
    /// The organisation.
    async fn organisation(&self, ctx: &Context<'_>) -> AppResult<Option<Organisation>> {
        let org = ctx
            .loader::<ById<organisation::Entity>>()
            .load_one(self.organisation_id)
            .await
            .map_err(load_err)?;
        Ok(org.map(Organisation::from))
    }
}

/// An appointment to the council.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Appointment {
    /// The appointment's id.
    pub id: ID,
    /// Chair, vice chair, member, deputy, observer or secretariat.
    pub role: AppointmentRole,
    /// Title in this capacity, e.g. "avdelingsdirektør".
    pub title: Option<String>,
    /// From (inclusive).
    pub starts_on: Option<NaiveDate>,
    /// To (inclusive); null while it lasts.
    pub ends_on: Option<NaiveDate>,
    /// Free note.
    pub note: Option<String>,
    /// The version to send back when editing.
    pub version: i32,
    #[graphql(skip)]
    pub person_id: i32,
    #[graphql(skip)]
    pub sector_id: Option<i32>,
    #[graphql(skip)]
    pub organisation_id: Option<i32>,
    #[graphql(skip)]
    pub council_period_id: Option<i32>,
}

impl From<appointment::Model> for Appointment {
    fn from(m: appointment::Model) -> Self {
        Self {
            id: to_id(m.id),
            role: m.role.into(),
            title: m.title,
            starts_on: m.starts_on,
            ends_on: m.ends_on,
            note: m.note,
            version: m.version,
            person_id: m.person_id,
            sector_id: m.sector_id,
            organisation_id: m.organisation_id,
            council_period_id: m.council_period_id,
        }
    }
}

#[ComplexObject]
impl Appointment {
    /// The person appointed.
    async fn person(&self, ctx: &Context<'_>) -> AppResult<Option<Person>> {
        let p = ctx
            .loader::<ById<person::Entity>>()
            .load_one(self.person_id)
            .await
            .map_err(load_err)?;
        Ok(p.map(|p| Person::new(p, ctx)))
    }
    /// The sector a member sits for.
    async fn sector(&self, ctx: &Context<'_>) -> AppResult<Option<Sector>> {
        let Some(id) = self.sector_id else {
            return Ok(None);
        };
        Ok(ctx
            .loader::<ById<sector::Entity>>()
            .load_one(id)
            .await
            .map_err(load_err)?
            .map(Sector::from))
    }
    /// The organisation the person represents in this appointment.
    async fn organisation(&self, ctx: &Context<'_>) -> AppResult<Option<Organisation>> {
        let Some(id) = self.organisation_id else {
            return Ok(None);
        };
        Ok(ctx
            .loader::<ById<organisation::Entity>>()
            .load_one(id)
            .await
            .map_err(load_err)?
            .map(Organisation::from))
    }
    /// The council period.
    async fn council_period(&self, ctx: &Context<'_>) -> AppResult<Option<CouncilPeriod>> {
        let Some(id) = self.council_period_id else {
            return Ok(None);
        };
        Ok(ctx
            .loader::<ById<council_period::Entity>>()
            .load_one(id)
            .await
            .map_err(load_err)?
            .map(CouncilPeriod::from))
    }
}

/// Attendance totals over the meetings counted.
#[derive(SimpleObject)]
pub struct AttendanceTotals {
    /// Meetings with a record of the person.
    pub meetings: i32,
    /// In the room.
    pub present: i32,
    /// Took part digitally.
    pub digital: i32,
    /// Forfall (sent apologies).
    pub absent: i32,
    /// There for part of the meeting only.
    pub partial: i32,
}

impl From<svc::AttendanceTotals> for AttendanceTotals {
    fn from(t: svc::AttendanceTotals) -> Self {
        Self {
            meetings: t.meetings,
            present: t.present,
            digital: t.digital,
            absent: t.absent,
            partial: t.partial,
        }
    }
}

/// A person's attendance at one meeting, as its minutes record it.
#[derive(SimpleObject)]
pub struct MeetingAttendance {
    /// The meeting.
    pub meeting: Meeting,
    /// The record in the minutes: list, status and notes.
    pub record: Attendance,
    /// Took part digitally.
    pub digital: bool,
    /// There for part of the meeting only ("fra sak 7/1/2025", "deler av møtet").
    pub partial: bool,
}

/// A person's attendance history.
#[derive(SimpleObject)]
pub struct AttendanceHistory {
    /// Totals over the meetings listed.
    pub totals: AttendanceTotals,
    /// Meeting by meeting, newest first.
    pub meetings: Vec<MeetingAttendance>,
}

/// An organisation's name.
#[derive(InputObject)]
pub struct OrganisationInput {
    /// Full name, e.g. "Universitetet i Oslo".
    pub name: String,
    /// Short form, e.g. "UiO".
    pub short_name: Option<String>,
}

/// Changes to an organisation: leave a field out to keep it, send null to clear it.
#[derive(InputObject)]
pub struct UpdateOrganisationInput {
    /// The organisation.
    pub id: ID,
    /// The version you saw; a stale version is a CONFLICT and nothing changes.
    pub version: i32,
    /// Full name.
    pub name: Option<String>,
    /// Short form.
    pub short_name: MaybeUndefined<String>,
}

impl From<OrganisationInput> for svc::OrganisationInput {
    fn from(i: OrganisationInput) -> Self {
        Self {
            name: i.name,
            short_name: i.short_name,
        }
    }
}

/// A new person's details.
#[derive(InputObject)]
pub struct PersonInput {
    /// Full name as the papers write it.
    pub name: String,
    /// E-mail; unique among people.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Title, e.g. "spesialrådgiver".
    pub title: Option<String>,
    /// The secretariat's internal note.
    pub note: Option<String>,
}

/// Changes to a person: leave a field out to keep it, send null to clear it.
#[derive(InputObject)]
pub struct UpdatePersonInput {
    /// The person.
    pub id: ID,
    /// The version you saw; a stale version is a CONFLICT and nothing changes.
    pub version: i32,
    /// Full name.
    pub name: Option<String>,
    /// E-mail; unique among people.
    pub email: MaybeUndefined<String>,
    /// Phone.
    pub phone: MaybeUndefined<String>,
    /// Title.
    pub title: MaybeUndefined<String>,
    /// The secretariat's internal note.
    pub note: MaybeUndefined<String>,
}

impl From<PersonInput> for svc::PersonInput {
    fn from(i: PersonInput) -> Self {
        Self {
            name: i.name,
            email: i.email,
            phone: i.phone,
            title: i.title,
            note: i.note,
        }
    }
}

/// A period of a person's history at an organisation.
#[derive(InputObject)]
pub struct AffiliationInput {
    /// The person.
    pub person_id: ID,
    /// The organisation.
    pub organisation_id: ID,
    /// Title there.
    pub title: Option<String>,
    /// From (inclusive); null if not known.
    pub starts_on: Option<NaiveDate>,
    /// To (inclusive); null while it lasts.
    pub ends_on: Option<NaiveDate>,
}

impl TryFrom<AffiliationInput> for svc::AffiliationInput {
    type Error = AppError;
    fn try_from(i: AffiliationInput) -> AppResult<Self> {
        Ok(Self {
            person_id: parse_id(&i.person_id, "personId")?,
            organisation_id: parse_id(&i.organisation_id, "organisationId")?,
            title: i.title,
            starts_on: i.starts_on,
            ends_on: i.ends_on,
        })
    }
}

/// A person's move to another organisation.
#[derive(InputObject)]
pub struct OrganisationChangeInput {
    /// The person.
    pub person_id: ID,
    /// The new organisation.
    pub organisation_id: ID,
    /// Title at the new organisation.
    pub title: Option<String>,
    /// The first day at the new organisation; the current affiliation ends the day before.
    pub from: NaiveDate,
}

impl TryFrom<OrganisationChangeInput> for svc::OrganisationChange {
    type Error = AppError;
    fn try_from(i: OrganisationChangeInput) -> AppResult<Self> {
        Ok(Self {
            person_id: parse_id(&i.person_id, "personId")?,
            organisation_id: parse_id(&i.organisation_id, "organisationId")?,
            title: i.title,
            from: i.from,
        })
    }
}

/// A new appointment.
#[derive(InputObject)]
pub struct AppointmentInput {
    /// The person appointed.
    pub person_id: ID,
    /// Chair, vice chair, member, deputy, observer or secretariat.
    pub role: AppointmentRole,
    /// The sector a chair, vice chair, member or deputy sits for.
    pub sector_id: Option<ID>,
    /// The organisation the person represents.
    pub organisation_id: Option<ID>,
    /// The council period.
    pub council_period_id: Option<ID>,
    /// Title in this capacity, e.g. "avdelingsdirektør".
    pub title: Option<String>,
    /// From (inclusive); null: from the period's start.
    pub starts_on: Option<NaiveDate>,
    /// To (inclusive); null: to the period's end, or while it lasts.
    pub ends_on: Option<NaiveDate>,
    /// Free note.
    pub note: Option<String>,
}

/// Changes to an appointment: leave a field out to keep it, send null to clear it.
#[derive(InputObject)]
pub struct UpdateAppointmentInput {
    /// The appointment.
    pub id: ID,
    /// The version you saw; a stale version is a CONFLICT and nothing changes.
    pub version: i32,
    /// The capacity.
    pub role: Option<AppointmentRole>,
    /// The sector a chair, vice chair, member or deputy sits for.
    pub sector_id: MaybeUndefined<ID>,
    /// The organisation the person represents.
    pub organisation_id: MaybeUndefined<ID>,
    /// The council period.
    pub council_period_id: MaybeUndefined<ID>,
    /// Title in this capacity.
    pub title: MaybeUndefined<String>,
    /// From (inclusive).
    pub starts_on: MaybeUndefined<NaiveDate>,
    /// To (inclusive).
    pub ends_on: MaybeUndefined<NaiveDate>,
    /// Free note.
    pub note: MaybeUndefined<String>,
}

impl TryFrom<AppointmentInput> for svc::AppointmentInput {
    type Error = AppError;
    fn try_from(i: AppointmentInput) -> AppResult<Self> {
        Ok(Self {
            person_id: parse_id(&i.person_id, "personId")?,
            role: i.role.into(),
            sector_id: opt_id(i.sector_id, "sectorId")?,
            organisation_id: opt_id(i.organisation_id, "organisationId")?,
            council_period_id: opt_id(i.council_period_id, "councilPeriodId")?,
            title: i.title,
            starts_on: i.starts_on,
            ends_on: i.ends_on,
            note: i.note,
        })
    }
}

#[derive(Default)]
pub struct PeopleQuery;

#[Object]
impl PeopleQuery {
    /// People, by name. Filter by appointment role, sector code, or appointed on a date.
    #[graphql(complexity = "crate::graphql::list_complexity(first, child_complexity)")]
    async fn people(
        &self,
        ctx: &Context<'_>,
        role: Option<AppointmentRole>,
        sector: Option<String>,
        active_on: Option<NaiveDate>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Person, TotalCount>> {
        let mut query = person::Entity::find()
            .order_by_asc(person::Column::Name)
            .order_by_asc(person::Column::Id);
        let role = role.map(entity::enums::AppointmentRole::from);
        let sector_id = match sector {
            Some(code) => {
                let unknown = || AppError::validation("sector", "Unknown sector code");
                // Malformed codes (e.g. with NUL, which PostgreSQL refuses) never reach the query.
                let code =
                    crate::service::council::parse_sector_code(&code).map_err(|_| unknown())?;
                Some(
                    sector::Entity::find()
                        .filter(sector::Column::Code.eq(code))
                        .one(&ctx.db().read)
                        .await?
                        .ok_or_else(unknown)?
                        .id,
                )
            }
            None => None,
        };
        let matches = |a: &appointment::Model| {
            role.is_none_or(|r| a.role == r) && sector_id.is_none_or(|s| a.sector_id == Some(s))
        };
        if let Some(date) = active_on {
            // Appointments without dates run for their period: the council service knows how.
            let ids: Vec<i32> = council_svc::appointments_on(&ctx.db().read, date)
                .await?
                .into_iter()
                .filter(|s| matches(&s.appointment))
                .map(|s| s.appointment.person_id)
                .collect();
            query = query.filter(person::Column::Id.is_in(ids));
        } else if role.is_some() || sector_id.is_some() {
            let mut cond = Condition::all();
            if let Some(r) = role {
                cond = cond.add(appointment::Column::Role.eq(r));
            }
            if let Some(s) = sector_id {
                cond = cond.add(appointment::Column::SectorId.eq(s));
            }
            let ids = appointment::Entity::find()
                .select_only()
                .column(appointment::Column::PersonId)
                .filter(cond);
            query =
                query.filter(person::Column::Id.in_subquery(sea_orm::QueryTrait::into_query(ids)));
        }
        paginate(ctx.db(), query, first, after, |m| Person::new(m, ctx)).await
    }

    /// One person.
    async fn person(&self, ctx: &Context<'_>, id: ID) -> AppResult<Option<Person>> {
        let id = parse_id(&id, "id")?;
        Ok(person::Entity::find_by_id(id)
            .one(&ctx.db().read)
            .await?
            .map(|p| Person::new(p, ctx)))
    }

    /// Organisations, by name.
    #[graphql(complexity = "crate::graphql::list_complexity(first, child_complexity)")]
    async fn organisations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, Organisation, TotalCount>> {
        let query = organisation::Entity::find()
            .order_by_asc(organisation::Column::Name)
            .order_by_asc(organisation::Column::Id);
        paginate(ctx.db(), query, first, after, Organisation::from).await
    }
}

#[derive(Default)]
pub struct PeopleMutation;

#[Object]
impl PeopleMutation {
    /// Finds the organisation with exactly this name, or creates it (secretariat).
    async fn create_organisation(
        &self,
        ctx: &Context<'_>,
        input: OrganisationInput,
    ) -> AppResult<Organisation> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let txn = ctx.db().write.begin().await?;
        let row = svc::create_organisation(&txn, &proof, input.into()).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Renames an organisation (secretariat).
    async fn update_organisation(
        &self,
        ctx: &Context<'_>,
        input: UpdateOrganisationInput,
    ) -> AppResult<Organisation> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&input.id, "id")?;
        let patch = svc::OrganisationPatch {
            name: input.name,
            short_name: input.short_name.into(),
        };
        let txn = ctx.db().write.begin().await?;
        let row = svc::update_organisation(&txn, &proof, id, input.version, patch).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Registers a person (secretariat); with `organisationId`, also where they work.
    async fn create_person(
        &self,
        ctx: &Context<'_>,
        input: PersonInput,
        organisation_id: Option<ID>,
    ) -> AppResult<Person> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let organisation_id = opt_id(organisation_id, "organisationId")?;
        let txn = ctx.db().write.begin().await?;
        let row = svc::create_person(&txn, &proof, input.into()).await?;
        if let Some(organisation_id) = organisation_id {
            let affiliation = svc::AffiliationInput {
                person_id: row.id,
                organisation_id,
                title: row.title.clone(),
                starts_on: None,
                ends_on: None,
            };
            svc::add_affiliation(&txn, &proof, affiliation).await?;
        }
        txn.commit().await?;
        Ok(Person::new(row, ctx))
    }

    /// Edits a person's details (secretariat).
    async fn update_person(
        &self,
        ctx: &Context<'_>,
        input: UpdatePersonInput,
    ) -> AppResult<Person> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&input.id, "id")?;
        let patch = svc::PersonPatch {
            name: input.name,
            email: input.email.into(),
            phone: input.phone.into(),
            title: input.title.into(),
            note: input.note.into(),
        };
        let txn = ctx.db().write.begin().await?;
        let row = svc::update_person(&txn, &proof, id, input.version, patch).await?;
        txn.commit().await?;
        Ok(Person::new(row, ctx))
    }

    /// Records a period of a person's history at an organisation as given (secretariat).
    async fn add_affiliation(
        &self,
        ctx: &Context<'_>,
        input: AffiliationInput,
    ) -> AppResult<Affiliation> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let input = input.try_into()?;
        let txn = ctx.db().write.begin().await?;
        let row = svc::add_affiliation(&txn, &proof, input).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Ends an affiliation on a date (secretariat).
    async fn end_affiliation(
        &self,
        ctx: &Context<'_>,
        id: ID,
        ends_on: NaiveDate,
    ) -> AppResult<Affiliation> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let row = svc::end_affiliation(&txn, &proof, id, ends_on).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Moves a person to another organisation from a date, keeping the history: the
    /// current affiliation ends the day before (secretariat).
    async fn change_organisation(
        &self,
        ctx: &Context<'_>,
        input: OrganisationChangeInput,
    ) -> AppResult<Affiliation> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let input = input.try_into()?;
        let txn = ctx.db().write.begin().await?;
        let row = svc::change_organisation(&txn, &proof, input).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Appoints a person: member, chair, observer, secretariat … (secretariat).
    async fn create_appointment(
        &self,
        ctx: &Context<'_>,
        input: AppointmentInput,
    ) -> AppResult<Appointment> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let input = input.try_into()?;
        let txn = ctx.db().write.begin().await?;
        let row = svc::create_appointment(&txn, &proof, input).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Edits an appointment (secretariat).
    async fn update_appointment(
        &self,
        ctx: &Context<'_>,
        input: UpdateAppointmentInput,
    ) -> AppResult<Appointment> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&input.id, "id")?;
        let patch = svc::AppointmentPatch {
            role: input.role.map(Into::into),
            sector_id: patch_id(input.sector_id, "sectorId")?,
            organisation_id: patch_id(input.organisation_id, "organisationId")?,
            council_period_id: patch_id(input.council_period_id, "councilPeriodId")?,
            title: input.title.into(),
            starts_on: input.starts_on.into(),
            ends_on: input.ends_on.into(),
            note: input.note.into(),
        };
        let txn = ctx.db().write.begin().await?;
        let row = svc::update_appointment(&txn, &proof, id, input.version, patch).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Ends an appointment on a date (secretariat).
    async fn end_appointment(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        ends_on: NaiveDate,
    ) -> AppResult<Appointment> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let row = svc::end_appointment(&txn, &proof, id, version, ends_on).await?;
        txn.commit().await?;
        Ok(row.into())
    }
}
