//! The council: its settings, the sectors of its mandate, its periods, and its composition
//! on a date measured against the sector quotas.
use async_graphql::{
    ComplexObject, Context, Enum, ID, InputObject, MaybeUndefined, Object, SimpleObject,
};
use chrono::{NaiveDate, NaiveTime};
use entity::{council, council_period, person, sector};
use sea_orm::{EntityTrait, QueryOrder, TransactionTrait};

use super::{
    ContextExt, load_err, parse_id,
    people::{Appointment, AppointmentRole, Person},
    to_id,
};
use crate::{
    auth::policy,
    error::AppResult,
    loaders::ById,
    service::{self, council as svc},
};

/// The council's own settings: its names and where and when it usually meets.
#[derive(SimpleObject)]
pub struct CouncilSettings {
    /// Full name, e.g. "HelseOmsorg21-rådet".
    pub name: String,
    /// Short name, e.g. "HO21-rådet" (used in "Til" on saksfremlegg).
    pub short_name: String,
    /// The organisation that hosts the secretariat.
    pub secretariat_organisation: Option<String>,
    /// Where meetings are usually held.
    pub default_location: Option<String>,
    /// The usual meeting room.
    pub default_room: Option<String>,
    /// When meetings usually start.
    pub default_starts_at: Option<NaiveTime>,
    /// When meetings usually end.
    pub default_ends_at: Option<NaiveTime>,
    /// The version to send back when editing.
    pub version: i32,
}

impl From<council::Model> for CouncilSettings {
    fn from(m: council::Model) -> Self {
        Self {
            name: m.name,
            short_name: m.short_name,
            secretariat_organisation: m.secretariat_organisation,
            default_location: m.default_location,
            default_room: m.default_room,
            default_starts_at: m.default_starts_at,
            default_ends_at: m.default_ends_at,
            version: m.version,
        }
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
    /// Place in the mandate's order.
    pub position: i32,
    /// The version to send back when editing.
    pub version: i32,
}

impl From<sector::Model> for Sector {
    fn from(m: sector::Model) -> Self {
        Self {
            id: to_id(m.id),
            code: m.code,
            name: m.name,
            quota: m.quota,
            position: m.position,
            version: m.version,
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
    /// Last day, if set (otherwise the day before the next period starts).
    pub ends_on: Option<NaiveDate>,
    /// The version to send back when editing.
    pub version: i32,
}

impl From<council_period::Model> for CouncilPeriod {
    fn from(m: council_period::Model) -> Self {
        Self {
            id: to_id(m.id),
            name: m.name,
            starts_on: m.starts_on,
            ends_on: m.ends_on,
            version: m.version,
        }
    }
}

/// How a sector's members compare with its quota.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuotaStatus {
    /// Fewer members than the quota: seats are empty.
    Under,
    /// Exactly the quota.
    Full,
    /// More members than the quota.
    Over,
}

/// Someone holding an appointment on the composition's date.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Seat {
    /// The appointment.
    pub appointment: Appointment,
    /// The capacity.
    pub role: AppointmentRole,
    /// Rådsleder.
    pub is_chair: bool,
    /// Nestleder.
    pub is_vice_chair: bool,
    /// The first day, the period's start when the appointment gives none.
    pub starts_on: Option<NaiveDate>,
    /// The last day, the period's end when the appointment gives none.
    pub ends_on: Option<NaiveDate>,
    #[graphql(skip)]
    pub person_id: i32,
}

impl From<svc::Seat> for Seat {
    fn from(s: svc::Seat) -> Self {
        let role = s.appointment.role;
        Self {
            role: role.into(),
            is_chair: role == entity::enums::AppointmentRole::Chair,
            is_vice_chair: role == entity::enums::AppointmentRole::ViceChair,
            starts_on: s.starts_on,
            ends_on: s.ends_on,
            person_id: s.appointment.person_id,
            appointment: Appointment::from(s.appointment),
        }
    }
}

#[ComplexObject]
impl Seat {
    /// The person holding the seat.
    async fn person(&self, ctx: &Context<'_>) -> AppResult<Option<Person>> {
        let p = ctx
            .loader::<ById<person::Entity>>()
            .load_one(self.person_id)
            .await
            .map_err(load_err)?;
        Ok(p.map(|p| Person::new(p, ctx)))
    }
}

/// One sector of the mandate on the date.
#[derive(SimpleObject)]
pub struct SectorComposition {
    /// The sector.
    pub sector: Sector,
    /// The mandate's number of members for the sector.
    pub quota: i32,
    /// How many sit for it on the date (chair and vice chair included).
    pub filled: i32,
    /// Filled minus quota: negative when seats are empty, positive when over.
    pub difference: i32,
    /// Under, full or over the quota.
    pub status: QuotaStatus,
    /// The members, chair and vice chair first.
    pub members: Vec<Seat>,
}

impl From<svc::SectorSeats> for SectorComposition {
    fn from(s: svc::SectorSeats) -> Self {
        let (filled, difference) = (s.filled(), s.difference());
        Self {
            quota: s.sector.quota,
            filled,
            difference,
            status: match difference {
                d if d < 0 => QuotaStatus::Under,
                0 => QuotaStatus::Full,
                _ => QuotaStatus::Over,
            },
            sector: Sector::from(s.sector),
            members: s.members.into_iter().map(Seat::from).collect(),
        }
    }
}

/// The council on a date: its settings and its composition against the mandate's quotas.
#[derive(SimpleObject)]
pub struct Council {
    /// The date the composition is for.
    pub date: NaiveDate,
    /// The council's settings; null until they are set up.
    pub settings: Option<CouncilSettings>,
    /// The mandate's sectors in order, each with its members and quota.
    pub sectors: Vec<SectorComposition>,
    /// Chair, vice chair and members whose appointment names no sector.
    pub members_without_sector: Vec<Seat>,
    /// Rådsleder on the date.
    pub chair: Option<Seat>,
    /// Nestleder on the date.
    pub vice_chair: Option<Seat>,
    /// Chair, vice chair and members on the date.
    pub member_count: i32,
    /// The sum of the sector quotas.
    pub quota_total: i32,
    /// Vararepresentanter on the date.
    pub deputies: Vec<Seat>,
    /// Observatører on the date.
    pub observers: Vec<Seat>,
    /// The secretariat on the date.
    pub secretariat: Vec<Seat>,
    /// Appointments running on the date that end within 90 days, soonest first.
    pub ending_soon: Vec<Seat>,
}

impl Council {
    fn new(settings: Option<council::Model>, c: svc::Composition) -> Self {
        use entity::enums::AppointmentRole as R;
        let find_role = |role: R| {
            c.sectors
                .iter()
                .flat_map(|s| s.members.iter())
                .chain(c.without_sector.iter())
                .find(|s| s.appointment.role == role)
                .cloned()
                .map(Seat::from)
        };
        let (chair, vice_chair) = (find_role(R::Chair), find_role(R::ViceChair));
        let seated: usize =
            c.sectors.iter().map(|s| s.members.len()).sum::<usize>() + c.without_sector.len();
        Self {
            date: c.date,
            settings: settings.map(CouncilSettings::from),
            chair,
            vice_chair,
            member_count: i32::try_from(seated).unwrap_or(i32::MAX),
            quota_total: c.sectors.iter().map(|s| s.sector.quota).sum(),
            sectors: c.sectors.into_iter().map(SectorComposition::from).collect(),
            members_without_sector: c.without_sector.into_iter().map(Seat::from).collect(),
            deputies: c.deputies.into_iter().map(Seat::from).collect(),
            observers: c.observers.into_iter().map(Seat::from).collect(),
            secretariat: c.secretariat.into_iter().map(Seat::from).collect(),
            ending_soon: c.ending_soon.into_iter().map(Seat::from).collect(),
        }
    }
}

/// The council's settings.
#[derive(InputObject)]
pub struct CouncilInput {
    /// The version you saw; null when setting the council up for the first time.
    pub version: Option<i32>,
    /// Full name.
    pub name: String,
    /// Short name.
    pub short_name: String,
    /// The organisation that hosts the secretariat.
    pub secretariat_organisation: Option<String>,
    /// Where meetings are usually held.
    pub default_location: Option<String>,
    /// The usual meeting room.
    pub default_room: Option<String>,
    /// When meetings usually start.
    pub default_starts_at: Option<NaiveTime>,
    /// When meetings usually end.
    pub default_ends_at: Option<NaiveTime>,
}

/// A sector of the mandate.
#[derive(InputObject)]
pub struct SectorInput {
    /// Short, stable code (letters a–z, digits, '-', '_'), e.g. "uh".
    pub code: String,
    /// Name.
    pub name: String,
    /// The mandate's number of members for the sector (0–100).
    pub quota: i32,
    /// Place in the mandate's order; left out, a new sector goes last.
    pub position: Option<i32>,
}

impl From<SectorInput> for svc::SectorInput {
    fn from(i: SectorInput) -> Self {
        Self {
            code: i.code,
            name: i.name,
            quota: i.quota,
            position: i.position,
        }
    }
}

/// Changes to a sector: leave a field out to keep it.
#[derive(InputObject)]
pub struct UpdateSectorInput {
    /// The sector.
    pub id: ID,
    /// The version you saw; a stale version is a CONFLICT and nothing changes.
    pub version: i32,
    /// Short, stable code.
    pub code: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// The mandate's number of members for the sector (0–100).
    pub quota: Option<i32>,
    /// Place in the mandate's order.
    pub position: Option<i32>,
}

/// Changes to a council period: leave a field out to keep it, send null to clear it.
#[derive(InputObject)]
pub struct UpdateCouncilPeriodInput {
    /// The period.
    pub id: ID,
    /// The version you saw; a stale version is a CONFLICT and nothing changes.
    pub version: i32,
    /// Name.
    pub name: Option<String>,
    /// First day.
    pub starts_on: Option<NaiveDate>,
    /// Last day.
    pub ends_on: MaybeUndefined<NaiveDate>,
}

/// A rådsperiode.
#[derive(InputObject)]
pub struct CouncilPeriodInput {
    /// Name, e.g. "2024–2028".
    pub name: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day, if known.
    pub ends_on: Option<NaiveDate>,
}

impl From<CouncilPeriodInput> for svc::CouncilPeriodInput {
    fn from(i: CouncilPeriodInput) -> Self {
        Self {
            name: i.name,
            starts_on: i.starts_on,
            ends_on: i.ends_on,
        }
    }
}

#[derive(Default)]
pub struct CouncilQuery;

#[Object]
impl CouncilQuery {
    /// The council on a date (today in Oslo if not given): its settings, and its composition
    /// against the mandate's sector quotas — which sectors are under or over, and whose
    /// appointment ends within 90 days.
    async fn council(&self, ctx: &Context<'_>, date: Option<NaiveDate>) -> AppResult<Council> {
        let date = date.unwrap_or_else(|| service::meetings::oslo_today(service::now()));
        let db = &ctx.db().read;
        let settings = svc::get_council(db).await?;
        let composition = svc::composition(db, date).await?;
        Ok(Council::new(settings, composition))
    }

    /// The council's settings alone (its names, where and when it usually meets), without
    /// the composition `council` computes: for the app's frame on every page. Null until
    /// they are set up; everyone may read them, as in `council`.
    async fn council_settings(&self, ctx: &Context<'_>) -> AppResult<Option<CouncilSettings>> {
        let settings = svc::get_council(&ctx.db().read).await?;
        Ok(settings.map(CouncilSettings::from))
    }

    /// The sectors of the mandate, in order.
    async fn sectors(&self, ctx: &Context<'_>) -> AppResult<Vec<Sector>> {
        let rows = sector::Entity::find()
            .order_by_asc(sector::Column::Position)
            .order_by_asc(sector::Column::Id)
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
pub struct CouncilMutation;

#[Object]
impl CouncilMutation {
    /// Sets up or edits the council's settings (secretariat).
    async fn save_council(
        &self,
        ctx: &Context<'_>,
        input: CouncilInput,
    ) -> AppResult<CouncilSettings> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let version = input.version;
        let input = svc::CouncilInput {
            name: input.name,
            short_name: input.short_name,
            secretariat_organisation: input.secretariat_organisation,
            default_location: input.default_location,
            default_room: input.default_room,
            default_starts_at: input.default_starts_at,
            default_ends_at: input.default_ends_at,
        };
        let txn = ctx.db().write.begin().await?;
        let row = svc::update_council(&txn, &proof, version, input).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Adds a sector to the mandate (secretariat).
    async fn create_sector(&self, ctx: &Context<'_>, input: SectorInput) -> AppResult<Sector> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let txn = ctx.db().write.begin().await?;
        let row = svc::create_sector(&txn, &proof, input.into()).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Edits a sector: its code, name, quota and place (secretariat).
    async fn update_sector(
        &self,
        ctx: &Context<'_>,
        input: UpdateSectorInput,
    ) -> AppResult<Sector> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&input.id, "id")?;
        let patch = svc::SectorPatch {
            code: input.code,
            name: input.name,
            quota: input.quota,
            position: input.position,
        };
        let txn = ctx.db().write.begin().await?;
        let row = svc::update_sector(&txn, &proof, id, input.version, patch).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Adds a council period (secretariat).
    async fn create_council_period(
        &self,
        ctx: &Context<'_>,
        input: CouncilPeriodInput,
    ) -> AppResult<CouncilPeriod> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let txn = ctx.db().write.begin().await?;
        let row = svc::create_council_period(&txn, &proof, input.into()).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Edits a council period (secretariat).
    async fn update_council_period(
        &self,
        ctx: &Context<'_>,
        input: UpdateCouncilPeriodInput,
    ) -> AppResult<CouncilPeriod> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&input.id, "id")?;
        let patch = svc::CouncilPeriodPatch {
            name: input.name,
            starts_on: input.starts_on,
            ends_on: input.ends_on.into(),
        };
        let txn = ctx.db().write.begin().await?;
        let row = svc::update_council_period(&txn, &proof, id, input.version, patch).await?;
        txn.commit().await?;
        Ok(row.into())
    }
}
