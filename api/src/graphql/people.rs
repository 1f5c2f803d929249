//! People, organisations, sectors, council periods and appointments.
use async_graphql::{ComplexObject, Context, ID, Object, SimpleObject, connection::Connection};
use chrono::NaiveDate;
use entity::{affiliation, appointment, council_period, organisation, person, sector};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::{ContextExt, TotalCount, load_err, paginate, parse_id, to_id};
use crate::{
    api_enum,
    auth::policy,
    error::{AppError, AppResult},
    loaders::{
        ById, HasMany,
        relations::{AffiliationsOfPerson, AppointmentsOfPerson},
    },
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
            .filter(|a| a.starts_on.is_none_or(|s| s <= on) && a.ends_on.is_none_or(|e| e >= on))
            .last();
        let Some(a) = current else { return Ok(None) };
        let org = ctx
            .loader::<ById<organisation::Entity>>()
            .load_one(a.organisation_id)
            .await
            .map_err(load_err)?;
        Ok(org.map(Organisation::from))
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
}

impl From<organisation::Model> for Organisation {
    fn from(m: organisation::Model) -> Self {
        Self {
            id: to_id(m.id),
            name: m.name,
            short_name: m.short_name,
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

/// A sector of the mandate's composition, with its quota of members.
#[derive(SimpleObject)]
pub struct Sector {
    /// The sector's id.
    pub id: ID,
    /// Short code, e.g. "uh".
    pub code: String,
    /// Name, e.g. "Universitets- og høgskolesektoren".
    pub name: String,
    /// How many members the mandate gives the sector.
    pub quota: i32,
}

impl From<sector::Model> for Sector {
    fn from(m: sector::Model) -> Self {
        Self {
            id: to_id(m.id),
            code: m.code,
            name: m.name,
            quota: m.quota,
        }
    }
}

/// A rådsperiode.
#[derive(SimpleObject)]
pub struct CouncilPeriod {
    /// The period's id.
    pub id: ID,
    /// Name, e.g. "2020–2024".
    pub name: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day, if set.
    pub ends_on: Option<NaiveDate>,
}

impl From<council_period::Model> for CouncilPeriod {
    fn from(m: council_period::Model) -> Self {
        Self {
            id: to_id(m.id),
            name: m.name,
            starts_on: m.starts_on,
            ends_on: m.ends_on,
        }
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

#[derive(Default)]
pub struct PeopleQuery;

#[Object]
impl PeopleQuery {
    /// People, by name. Filter by appointment role, sector code, or appointed on a date.
    #[graphql(complexity = "first.unwrap_or(50) as usize * child_complexity")]
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
        if role.is_some() || sector.is_some() || active_on.is_some() {
            let mut cond = Condition::all();
            if let Some(r) = role {
                cond =
                    cond.add(appointment::Column::Role.eq(entity::enums::AppointmentRole::from(r)));
            }
            if let Some(code) = sector {
                let sector = sector::Entity::find()
                    .filter(sector::Column::Code.eq(code))
                    .one(&ctx.db().read)
                    .await?
                    .ok_or_else(|| AppError::validation("sector", "Unknown sector code"))?;
                cond = cond.add(appointment::Column::SectorId.eq(sector.id));
            }
            if let Some(d) = active_on {
                cond = cond
                    .add(
                        Condition::any()
                            .add(appointment::Column::StartsOn.is_null())
                            .add(appointment::Column::StartsOn.lte(d)),
                    )
                    .add(
                        Condition::any()
                            .add(appointment::Column::EndsOn.is_null())
                            .add(appointment::Column::EndsOn.gte(d)),
                    );
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

    /// The sectors of the mandate, in order.
    async fn sectors(&self, ctx: &Context<'_>) -> AppResult<Vec<Sector>> {
        let rows = sector::Entity::find()
            .order_by_asc(sector::Column::Position)
            .all(&ctx.db().read)
            .await?;
        Ok(rows.into_iter().map(Sector::from).collect())
    }

    /// The council periods, newest first.
    async fn council_periods(&self, ctx: &Context<'_>) -> AppResult<Vec<CouncilPeriod>> {
        let rows = council_period::Entity::find()
            .order_by_desc(council_period::Column::StartsOn)
            .all(&ctx.db().read)
            .await?;
        Ok(rows.into_iter().map(CouncilPeriod::from).collect())
    }
}

#[derive(Default)]
pub struct PeopleMutation;

#[Object]
impl PeopleMutation {
    /// Placeholder removed once people editing lands.
    async fn noop(&self) -> bool {
        true
    }
}
