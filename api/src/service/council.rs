//! The council this installation serves, the sectors of its mandate, its periods, and its
//! composition on a date measured against the sector quotas.
use std::collections::HashMap;

use chrono::{Days, NaiveDate, NaiveTime};
use entity::{appointment, council, council_period, enums::AppointmentRole, sector};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
    sea_query::{Expr, ExprTrait, OnConflict},
};

use super::{audit, clean_text, meetings::load, required_text, unique_as, update_versioned};
use crate::{
    auth::policy::{Proof, SecretariatWrite},
    error::{AppError, AppResult},
};

/// The council table holds one row: the council this installation serves.
pub const COUNCIL_ID: i32 = 1;

/// How far ahead "appointments ending soon" looks.
pub const ENDING_SOON_DAYS: u64 = 90;

/// The council's settings.
#[derive(Clone, Debug)]
pub struct CouncilInput {
    pub name: String,
    pub short_name: String,
    pub secretariat_organisation: Option<String>,
    pub default_location: Option<String>,
    pub default_room: Option<String>,
    pub default_starts_at: Option<NaiveTime>,
    pub default_ends_at: Option<NaiveTime>,
}

impl CouncilInput {
    fn into_active(self) -> AppResult<council::ActiveModel> {
        if let (Some(s), Some(e)) = (self.default_starts_at, self.default_ends_at)
            && e <= s
        {
            return Err(AppError::validation(
                "defaultEndsAt",
                "The meetings must end after they start",
            ));
        }
        Ok(council::ActiveModel {
            name: Set(required_text("name", self.name, 200)?),
            short_name: Set(required_text("shortName", self.short_name, 50)?),
            secretariat_organisation: Set(clean_text(
                "secretariatOrganisation",
                self.secretariat_organisation,
                200,
            )?),
            default_location: Set(clean_text("defaultLocation", self.default_location, 200)?),
            default_room: Set(clean_text("defaultRoom", self.default_room, 100)?),
            default_starts_at: Set(self.default_starts_at),
            default_ends_at: Set(self.default_ends_at),
            ..Default::default()
        })
    }
}

const SETTINGS: [council::Column; 7] = [
    council::Column::Name,
    council::Column::ShortName,
    council::Column::SecretariatOrganisation,
    council::Column::DefaultLocation,
    council::Column::DefaultRoom,
    council::Column::DefaultStartsAt,
    council::Column::DefaultEndsAt,
];

pub async fn get_council(db: &impl ConnectionTrait) -> AppResult<Option<council::Model>> {
    Ok(council::Entity::find_by_id(COUNCIL_ID).one(db).await?)
}

/// Sets the council's settings whatever they were (the demo loader and the command line).
pub async fn upsert_council(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    input: CouncilInput,
) -> AppResult<council::Model> {
    let mut row = input.into_active()?;
    let before = get_council(db).await?;
    let now = super::now();
    row.id = Set(COUNCIL_ID);
    row.version = Set(1);
    row.created_at = Set(now);
    row.updated_at = Set(now);
    // One statement, so two first-time callers cannot create two councils.
    let after = council::Entity::insert(row)
        .on_conflict(
            OnConflict::column(council::Column::Id)
                .update_columns(SETTINGS)
                .update_column(council::Column::UpdatedAt)
                .value(
                    council::Column::Version,
                    Expr::col((council::Entity, council::Column::Version)).add(1),
                )
                .to_owned(),
        )
        .exec_with_returning(db)
        .await?;
    audit::record::<council::Entity, _>(
        db,
        proof.actor(),
        COUNCIL_ID,
        before.as_ref(),
        Some(&after),
    )
    .await?;
    Ok(after)
}

/// Saves the settings as the secretariat saw them: `version` None means "there was no
/// council yet" (someone else setting it up first is a CONFLICT), Some is an edit.
pub async fn update_council(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    version: Option<i32>,
    input: CouncilInput,
) -> AppResult<council::Model> {
    let mut row = input.into_active()?;
    let Some(version) = version else {
        let now = super::now();
        row.id = Set(COUNCIL_ID);
        row.version = Set(1);
        row.created_at = Set(now);
        row.updated_at = Set(now);
        let created = row.insert(db).await.map_err(|e| match AppError::from(e) {
            AppError::Conflict(_) => AppError::stale("The council"),
            other => other,
        })?;
        audit::record::<council::Entity, _>(db, proof.actor(), COUNCIL_ID, None, Some(&created))
            .await?;
        return Ok(created);
    };
    update_versioned::<council::Entity, _>(
        db,
        proof.actor(),
        "The council",
        (COUNCIL_ID, version),
        row,
        AppError::from,
    )
    .await
}

/// A sector of the mandate.
#[derive(Clone, Debug)]
pub struct SectorInput {
    /// Short, stable code such as "uh".
    pub code: String,
    pub name: String,
    pub quota: i32,
    /// Place in the mandate's order; None puts a new sector last.
    pub position: Option<i32>,
}

pub(crate) fn parse_sector_code(code: &str) -> AppResult<String> {
    let c = code.trim().to_lowercase();
    let ok = !c.is_empty()
        && c.len() <= 32
        && c.chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-' || ch == '_');
    if ok {
        Ok(c)
    } else {
        Err(AppError::validation(
            "code",
            "Use 1–32 letters a–z, digits, '-' or '_'",
        ))
    }
}

impl SectorInput {
    fn validate(self) -> AppResult<(String, String, i32, Option<i32>)> {
        let code = parse_sector_code(&self.code)?;
        let name = required_text("name", self.name, 200)?;
        if !(0..=100).contains(&self.quota) {
            return Err(AppError::validation("quota", "Between 0 and 100"));
        }
        if self.position.is_some_and(|p| !(0..=1000).contains(&p)) {
            return Err(AppError::validation("position", "Between 0 and 1000"));
        }
        Ok((code, name, self.quota, self.position))
    }
}

pub async fn create_sector(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    input: SectorInput,
) -> AppResult<sector::Model> {
    let (code, name, quota, position) = input.validate()?;
    let position = match position {
        Some(p) => p,
        None => {
            let last: Option<i32> = sector::Entity::find()
                .select_only()
                .column_as(sector::Column::Position.max(), "max")
                .into_tuple()
                .one(db)
                .await?
                .flatten();
            last.map_or(1, |p| p + 1)
        }
    };
    let row = sector::ActiveModel {
        code: Set(code),
        name: Set(name),
        quota: Set(quota),
        position: Set(position),
        version: Set(1),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(unique_as("code", "Another sector has this code"))?;
    audit::record::<sector::Entity, _>(db, proof.actor(), row.id, None, Some(&row)).await?;
    Ok(row)
}

/// Changes to a sector: None keeps a field.
#[derive(Clone, Debug, Default)]
pub struct SectorPatch {
    pub code: Option<String>,
    pub name: Option<String>,
    pub quota: Option<i32>,
    pub position: Option<i32>,
}

pub async fn update_sector(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
    patch: SectorPatch,
) -> AppResult<sector::Model> {
    let current = load::<sector::Entity>("Sector", db, id).await?;
    let (code, name, quota, position) = SectorInput {
        code: patch.code.unwrap_or(current.code),
        name: patch.name.unwrap_or(current.name),
        quota: patch.quota.unwrap_or(current.quota),
        position: Some(patch.position.unwrap_or(current.position)),
    }
    .validate()?;
    let changes = sector::ActiveModel {
        code: Set(code),
        name: Set(name),
        quota: Set(quota),
        position: position.map_or(sea_orm::ActiveValue::NotSet, Set),
        ..Default::default()
    };
    update_versioned::<sector::Entity, _>(
        db,
        proof.actor(),
        "Sector",
        (id, version),
        changes,
        unique_as("code", "Another sector has this code"),
    )
    .await
}

/// A rådsperiode.
#[derive(Clone, Debug)]
pub struct CouncilPeriodInput {
    /// E.g. "2020–2024".
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

impl CouncilPeriodInput {
    fn into_active(self) -> AppResult<council_period::ActiveModel> {
        if self.ends_on.is_some_and(|e| e < self.starts_on) {
            return Err(AppError::validation(
                "endsOn",
                "The period cannot end before it starts",
            ));
        }
        Ok(council_period::ActiveModel {
            name: Set(required_text("name", self.name, 100)?),
            starts_on: Set(self.starts_on),
            ends_on: Set(self.ends_on),
            ..Default::default()
        })
    }
}

pub async fn create_council_period(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    input: CouncilPeriodInput,
) -> AppResult<council_period::Model> {
    let mut row = input.into_active()?;
    row.version = Set(1);
    let row = row
        .insert(db)
        .await
        .map_err(unique_as("name", "Another council period has this name"))?;
    audit::record::<council_period::Entity, _>(db, proof.actor(), row.id, None, Some(&row)).await?;
    Ok(row)
}

/// Changes to a council period: None keeps a field, `Some(None)` clears the end.
#[derive(Clone, Debug, Default)]
pub struct CouncilPeriodPatch {
    pub name: Option<String>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<Option<NaiveDate>>,
}

pub async fn update_council_period(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
    patch: CouncilPeriodPatch,
) -> AppResult<council_period::Model> {
    let current = load::<council_period::Entity>("Council period", db, id).await?;
    let changes = CouncilPeriodInput {
        name: patch.name.unwrap_or(current.name),
        starts_on: patch.starts_on.unwrap_or(current.starts_on),
        ends_on: patch.ends_on.unwrap_or(current.ends_on),
    }
    .into_active()?;
    update_versioned::<council_period::Entity, _>(
        db,
        proof.actor(),
        "Council period",
        (id, version),
        changes,
        unique_as("name", "Another council period has this name"),
    )
    .await
}

/// The first and last day of a period; a period without an end lasts until the day before
/// the next one starts (rådsperioder follow each other).
fn period_bounds(
    periods: &[council_period::Model],
) -> HashMap<i32, (NaiveDate, Option<NaiveDate>)> {
    let mut sorted: Vec<&council_period::Model> = periods.iter().collect();
    sorted.sort_by_key(|p| (p.starts_on, p.id));
    sorted
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let next_start = sorted.get(i + 1).map(|n| n.starts_on);
            let end = p
                .ends_on
                .or_else(|| next_start.and_then(|s| s.checked_sub_days(Days::new(1))));
            (p.id, (p.starts_on, end))
        })
        .collect()
}

/// An appointment with the dates it actually runs, its own dates falling back on its period's.
#[derive(Clone, Debug)]
pub struct Seat {
    pub appointment: appointment::Model,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
}

impl Seat {
    fn new(a: appointment::Model, bounds: &HashMap<i32, (NaiveDate, Option<NaiveDate>)>) -> Self {
        let period = a.council_period_id.and_then(|id| bounds.get(&id));
        Self {
            starts_on: a.starts_on.or(period.map(|p| p.0)),
            ends_on: a.ends_on.or(period.and_then(|p| p.1)),
            appointment: a,
        }
    }

    fn active_on(&self, d: NaiveDate) -> bool {
        self.starts_on.is_none_or(|s| s <= d) && self.ends_on.is_none_or(|e| e >= d)
    }

    /// Whether this appointment gives a seat counted against a sector's quota.
    pub fn counts_for_quota(&self) -> bool {
        matches!(
            self.appointment.role,
            AppointmentRole::Chair | AppointmentRole::ViceChair | AppointmentRole::Member
        )
    }
}

/// One sector of the mandate on a date.
#[derive(Clone, Debug)]
pub struct SectorSeats {
    pub sector: sector::Model,
    /// Chair, vice chair and members sitting for the sector.
    pub members: Vec<Seat>,
}

impl SectorSeats {
    pub fn filled(&self) -> i32 {
        i32::try_from(self.members.len()).unwrap_or(i32::MAX)
    }
    /// Negative when seats are empty, positive when the sector has more than its quota.
    pub fn difference(&self) -> i32 {
        self.filled() - self.sector.quota
    }
}

/// The council on a date.
#[derive(Clone, Debug)]
pub struct Composition {
    pub date: NaiveDate,
    pub sectors: Vec<SectorSeats>,
    /// Chair, vice chair and members whose appointment names no sector.
    pub without_sector: Vec<Seat>,
    pub deputies: Vec<Seat>,
    pub observers: Vec<Seat>,
    pub secretariat: Vec<Seat>,
    /// Every appointment on the date that ends within `ENDING_SOON_DAYS`, soonest first.
    pub ending_soon: Vec<Seat>,
}

/// Every appointment running on `date`, its own dates falling back on its period's.
pub async fn appointments_on(db: &impl ConnectionTrait, date: NaiveDate) -> AppResult<Vec<Seat>> {
    let periods = council_period::Entity::find().all(db).await?;
    let bounds = period_bounds(&periods);
    // Rows that start after the date cannot be running; their period may still end them.
    let rows = appointment::Entity::find()
        .filter(
            Condition::any()
                .add(appointment::Column::StartsOn.is_null())
                .add(appointment::Column::StartsOn.lte(date)),
        )
        .filter(
            Condition::any()
                .add(appointment::Column::EndsOn.is_null())
                .add(appointment::Column::EndsOn.gte(date)),
        )
        .order_by_asc(appointment::Column::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|a| Seat::new(a, &bounds))
        .filter(|s| s.active_on(date))
        .collect())
}

/// The composition on `date`. Someone with several appointments running on the date (a
/// new appointment recorded beside an open-ended old one) holds the most recent one.
pub async fn composition(db: &impl ConnectionTrait, date: NaiveDate) -> AppResult<Composition> {
    let sectors = sector::Entity::find()
        .order_by_asc(sector::Column::Position)
        .order_by_asc(sector::Column::Id)
        .all(db)
        .await?;
    let mut current: HashMap<(i32, bool), Seat> = HashMap::new();
    for seat in appointments_on(db, date).await? {
        // Seats on the council and places beside it (observer, secretariat) are kept apart.
        let key = (
            seat.appointment.person_id,
            matches!(
                seat.appointment.role,
                AppointmentRole::Observer | AppointmentRole::Secretariat
            ),
        );
        let newer = current.get(&key).is_none_or(|held| {
            (seat.starts_on, seat.appointment.id) > (held.starts_on, held.appointment.id)
        });
        if newer {
            current.insert(key, seat);
        }
    }
    let mut seats: Vec<Seat> = current.into_values().collect();
    seats.sort_by_key(|s| (role_rank(s.appointment.role), s.appointment.id));
    let limit = date.checked_add_days(Days::new(ENDING_SOON_DAYS));
    let mut ending_soon: Vec<Seat> = seats
        .iter()
        .filter(|s| s.ends_on.is_some_and(|e| limit.is_none_or(|l| e <= l)))
        .cloned()
        .collect();
    ending_soon.sort_by_key(|s| (s.ends_on, s.appointment.id));
    let mut by_sector: HashMap<i32, Vec<Seat>> = HashMap::new();
    let (mut without_sector, mut deputies, mut observers, mut secretariat) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for seat in seats {
        match (seat.appointment.role, seat.appointment.sector_id) {
            (AppointmentRole::Observer, _) => observers.push(seat),
            (AppointmentRole::Secretariat, _) => secretariat.push(seat),
            (AppointmentRole::Deputy, _) => deputies.push(seat),
            (_, Some(sector_id)) => by_sector.entry(sector_id).or_default().push(seat),
            (_, None) => without_sector.push(seat),
        }
    }
    let sectors = sectors
        .into_iter()
        .map(|sector| SectorSeats {
            members: by_sector.remove(&sector.id).unwrap_or_default(),
            sector,
        })
        .collect();
    Ok(Composition {
        date,
        sectors,
        without_sector,
        deputies,
        observers,
        secretariat,
        ending_soon,
    })
}

fn role_rank(role: AppointmentRole) -> u8 {
    match role {
        AppointmentRole::Chair => 0,
        AppointmentRole::ViceChair => 1,
        AppointmentRole::Member => 2,
        AppointmentRole::Deputy => 3,
        AppointmentRole::Observer => 4,
        AppointmentRole::Secretariat => 5,
    }
}
