//! People, organisations, affiliations (a person's organisation over time) and appointments.
use chrono::{Days, NaiveDate};
use entity::{
    affiliation, appointment, attendance, council_period,
    enums::{AppointmentRole, AttendanceStatus},
    organisation, person, sector,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

use super::{
    audit, clean_text, meetings::load, required_text, unique_as, update_versioned,
    users::parse_email,
};
use crate::{
    auth::policy::{Proof, SecretariatWrite},
    error::{AppError, AppResult},
};

/// Whether a row with this id exists (for naming the bad field before the foreign key would).
async fn exists<E>(db: &impl ConnectionTrait, id: i32) -> AppResult<bool>
where
    E: EntityTrait,
    E::Model: Sync,
    <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: From<i32>,
{
    Ok(E::find_by_id(id).count(db).await? > 0)
}

async fn require<E>(db: &impl ConnectionTrait, id: Option<i32>, field: &str) -> AppResult<()>
where
    E: EntityTrait,
    E::Model: Sync,
    <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: From<i32>,
{
    match id {
        Some(id) if !exists::<E>(db, id).await? => {
            Err(AppError::validation(field, "No such record"))
        }
        _ => Ok(()),
    }
}

fn check_range(starts_on: Option<NaiveDate>, ends_on: Option<NaiveDate>) -> AppResult<()> {
    match (starts_on, ends_on) {
        (Some(s), Some(e)) if e < s => Err(AppError::validation(
            "endsOn",
            "The end cannot come before the start",
        )),
        _ => Ok(()),
    }
}

// ---------------------------------------------------------------------------------------
// Organisations

#[derive(Clone, Debug)]
pub struct OrganisationInput {
    pub name: String,
    /// "UiO", "HOD".
    pub short_name: Option<String>,
}

impl OrganisationInput {
    fn validate(self) -> AppResult<(String, Option<String>)> {
        Ok((
            required_text("name", self.name, 200)?,
            clean_text("shortName", self.short_name, 50)?,
        ))
    }
}

/// Finds the organisation with this exact name or creates it. The unique index decides
/// (`ON CONFLICT DO NOTHING`), so two callers at once get the same row. An existing
/// organisation is returned as it is.
pub async fn create_organisation(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    input: OrganisationInput,
) -> AppResult<organisation::Model> {
    let (name, short_name) = input.validate()?;
    let row = organisation::ActiveModel {
        name: Set(name.clone()),
        short_name: Set(short_name),
        version: Set(1),
        created_at: Set(super::now()),
        ..Default::default()
    };
    // RETURNING gives no row on a conflict, so the row is read back by its name either way.
    let inserted = organisation::Entity::insert(row)
        .on_conflict_do_nothing_on([organisation::Column::Name])
        .exec_without_returning(db)
        .await?;
    let row = organisation::Entity::find()
        .filter(organisation::Column::Name.eq(name))
        .one(db)
        .await?
        .ok_or_else(|| AppError::from(anyhow::anyhow!("organisation missing after insert")))?;
    if matches!(inserted, sea_orm::TryInsertResult::Inserted(1)) {
        audit::record::<organisation::Entity, _>(db, proof.actor(), row.id, None, Some(&row))
            .await?;
    }
    Ok(row)
}

/// Changes to an organisation: None keeps a field, `Some(None)` clears it.
#[derive(Clone, Debug, Default)]
pub struct OrganisationPatch {
    pub name: Option<String>,
    pub short_name: Option<Option<String>>,
}

pub async fn update_organisation(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
    patch: OrganisationPatch,
) -> AppResult<organisation::Model> {
    let current = load::<organisation::Entity>("Organisation", db, id).await?;
    let (name, short_name) = OrganisationInput {
        name: patch.name.unwrap_or(current.name),
        short_name: patch.short_name.unwrap_or(current.short_name),
    }
    .validate()?;
    let changes = organisation::ActiveModel {
        name: Set(name),
        short_name: Set(short_name),
        ..Default::default()
    };
    update_versioned::<organisation::Entity, _>(
        db,
        proof.actor(),
        "Organisation",
        (id, version),
        changes,
        unique_as("name", "Another organisation has this name"),
    )
    .await
}

// ---------------------------------------------------------------------------------------
// People

#[derive(Clone, Debug)]
pub struct PersonInput {
    /// Full name as the papers write it.
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// "spesialrådgiver".
    pub title: Option<String>,
    /// Internal note (the secretariat's).
    pub note: Option<String>,
}

fn parse_phone(phone: Option<String>) -> AppResult<Option<String>> {
    let Some(p) = clean_text("phone", phone, 40)? else {
        return Ok(None);
    };
    let digits = p.chars().filter(char::is_ascii_digit).count();
    let allowed = p
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.'));
    if allowed && digits >= 3 {
        Ok(Some(p))
    } else {
        Err(AppError::validation("phone", "Not a valid phone number"))
    }
}

impl PersonInput {
    fn into_active(self) -> AppResult<person::ActiveModel> {
        let email = match clean_text("email", self.email, 254)? {
            Some(e) => Some(parse_email(&e)?),
            None => None,
        };
        Ok(person::ActiveModel {
            name: Set(required_text("name", self.name, 200)?),
            email: Set(email),
            phone: Set(parse_phone(self.phone)?),
            title: Set(clean_text("title", self.title, 200)?),
            note: Set(clean_text("note", self.note, 5000)?),
            ..Default::default()
        })
    }
}

const EMAIL_TAKEN: &str = "Another person has this e-mail address";

pub async fn create_person(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    input: PersonInput,
) -> AppResult<person::Model> {
    let mut row = input.into_active()?;
    let now = super::now();
    row.version = Set(1);
    row.created_at = Set(now);
    row.updated_at = Set(now);
    let row = row
        .insert(db)
        .await
        .map_err(unique_as("email", EMAIL_TAKEN))?;
    audit::record::<person::Entity, _>(db, proof.actor(), row.id, None, Some(&row)).await?;
    Ok(row)
}

/// Changes to a person: None keeps a field, `Some(None)` clears it.
#[derive(Clone, Debug, Default)]
pub struct PersonPatch {
    pub name: Option<String>,
    pub email: Option<Option<String>>,
    pub phone: Option<Option<String>>,
    pub title: Option<Option<String>>,
    pub note: Option<Option<String>>,
}

/// Edits a person if nobody changed them since `version`.
pub async fn update_person(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
    patch: PersonPatch,
) -> AppResult<person::Model> {
    let current = load::<person::Entity>("Person", db, id).await?;
    let input = PersonInput {
        name: patch.name.unwrap_or(current.name),
        email: patch.email.unwrap_or(current.email),
        phone: patch.phone.unwrap_or(current.phone),
        title: patch.title.unwrap_or(current.title),
        note: patch.note.unwrap_or(current.note),
    };
    update_versioned::<person::Entity, _>(
        db,
        proof.actor(),
        "Person",
        (id, version),
        input.into_active()?,
        unique_as("email", EMAIL_TAKEN),
    )
    .await
}

// ---------------------------------------------------------------------------------------
// Affiliations

/// A period of a person's history at an organisation, as the papers record it.
#[derive(Clone, Debug)]
pub struct AffiliationInput {
    pub person_id: i32,
    pub organisation_id: i32,
    pub title: Option<String>,
    /// Null when not known.
    pub starts_on: Option<NaiveDate>,
    /// Null while it lasts.
    pub ends_on: Option<NaiveDate>,
}

/// Records an affiliation as given, beside the others (history loaded from the papers).
pub async fn add_affiliation(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    input: AffiliationInput,
) -> AppResult<affiliation::Model> {
    let title = clean_text("title", input.title, 200)?;
    check_range(input.starts_on, input.ends_on)?;
    require::<person::Entity>(db, Some(input.person_id), "personId").await?;
    require::<organisation::Entity>(db, Some(input.organisation_id), "organisationId").await?;
    let row = affiliation::ActiveModel {
        person_id: Set(input.person_id),
        organisation_id: Set(input.organisation_id),
        title: Set(title),
        starts_on: Set(input.starts_on),
        ends_on: Set(input.ends_on),
        created_at: Set(super::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit::record::<affiliation::Entity, _>(db, proof.actor(), row.id, None, Some(&row)).await?;
    Ok(row)
}

/// Ends an affiliation on `ends_on` (inclusive); also corrects an earlier end date.
pub async fn end_affiliation(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    ends_on: NaiveDate,
) -> AppResult<affiliation::Model> {
    let before = load::<affiliation::Entity>("Affiliation", db, id).await?;
    check_range(before.starts_on, Some(ends_on))?;
    let mut row: affiliation::ActiveModel = before.clone().into();
    row.ends_on = Set(Some(ends_on));
    let after = row.update(db).await?;
    audit::record::<affiliation::Entity, _>(db, proof.actor(), id, Some(&before), Some(&after))
        .await?;
    Ok(after)
}

/// A person moves to another organisation from a date.
#[derive(Clone, Debug)]
pub struct OrganisationChange {
    pub person_id: i32,
    pub organisation_id: i32,
    pub title: Option<String>,
    /// The first day at the new organisation.
    pub from: NaiveDate,
}

/// Keeps the history: every affiliation still running on `from` ends the day before, and a
/// new one starts on `from`. Moving to the organisation the person is already at changes nothing.
pub async fn change_organisation(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    change: OrganisationChange,
) -> AppResult<affiliation::Model> {
    let title = clean_text("title", change.title, 200)?;
    if !exists::<person::Entity>(db, change.person_id).await? {
        return Err(AppError::NotFound("Person"));
    }
    require::<organisation::Entity>(db, Some(change.organisation_id), "organisationId").await?;
    let running = affiliation::Entity::find()
        .filter(affiliation::Column::PersonId.eq(change.person_id))
        .filter(
            Condition::any()
                .add(affiliation::Column::EndsOn.is_null())
                .add(affiliation::Column::EndsOn.gte(change.from)),
        )
        .order_by_asc(affiliation::Column::Id)
        .all(db)
        .await?;
    if let Some(same) = running.iter().find(|a| {
        a.organisation_id == change.organisation_id && a.starts_on.is_none_or(|s| s <= change.from)
    }) && running.len() == 1
    {
        return Ok(same.clone());
    }
    if running
        .iter()
        .any(|a| a.starts_on.is_some_and(|s| s >= change.from))
    {
        return Err(AppError::validation(
            "from",
            "The person's current affiliation starts on or after this date",
        ));
    }
    let day_before = change
        .from
        .checked_sub_days(Days::new(1))
        .ok_or_else(|| AppError::validation("from", "Not a usable date"))?;
    for before in running {
        let mut row: affiliation::ActiveModel = before.clone().into();
        row.ends_on = Set(Some(day_before));
        let after = row.update(db).await?;
        audit::record::<affiliation::Entity, _>(
            db,
            proof.actor(),
            after.id,
            Some(&before),
            Some(&after),
        )
        .await?;
    }
    add_affiliation(
        db,
        proof,
        AffiliationInput {
            person_id: change.person_id,
            organisation_id: change.organisation_id,
            title,
            starts_on: Some(change.from),
            ends_on: None,
        },
    )
    .await
}

// ---------------------------------------------------------------------------------------
// Appointments

#[derive(Clone, Debug)]
pub struct AppointmentInput {
    pub person_id: i32,
    pub role: AppointmentRole,
    /// The sector a chair, vice chair, member or deputy sits for.
    pub sector_id: Option<i32>,
    /// The organisation represented.
    pub organisation_id: Option<i32>,
    pub council_period_id: Option<i32>,
    /// Title in this capacity, e.g. "avdelingsdirektør".
    pub title: Option<String>,
    /// Null: from the period's start (or not known).
    pub starts_on: Option<NaiveDate>,
    /// Null: to the period's end (or while it lasts).
    pub ends_on: Option<NaiveDate>,
    pub note: Option<String>,
}

impl AppointmentInput {
    async fn into_active(self, db: &impl ConnectionTrait) -> AppResult<appointment::ActiveModel> {
        let title = clean_text("title", self.title, 200)?;
        let note = clean_text("note", self.note, 5000)?;
        check_range(self.starts_on, self.ends_on)?;
        if self.sector_id.is_some()
            && matches!(
                self.role,
                AppointmentRole::Observer | AppointmentRole::Secretariat
            )
        {
            return Err(AppError::validation(
                "sectorId",
                "Only the council's members sit for a sector",
            ));
        }
        require::<person::Entity>(db, Some(self.person_id), "personId").await?;
        require::<sector::Entity>(db, self.sector_id, "sectorId").await?;
        require::<organisation::Entity>(db, self.organisation_id, "organisationId").await?;
        require::<council_period::Entity>(db, self.council_period_id, "councilPeriodId").await?;
        Ok(appointment::ActiveModel {
            person_id: Set(self.person_id),
            council_period_id: Set(self.council_period_id),
            role: Set(self.role),
            sector_id: Set(self.sector_id),
            organisation_id: Set(self.organisation_id),
            title: Set(title),
            starts_on: Set(self.starts_on),
            ends_on: Set(self.ends_on),
            note: Set(note),
            ..Default::default()
        })
    }
}

pub async fn create_appointment(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    input: AppointmentInput,
) -> AppResult<appointment::Model> {
    let mut row = input.into_active(db).await?;
    let now = super::now();
    row.version = Set(1);
    row.created_at = Set(now);
    row.updated_at = Set(now);
    let row = row.insert(db).await?;
    audit::record::<appointment::Entity, _>(db, proof.actor(), row.id, None, Some(&row)).await?;
    Ok(row)
}

/// Changes to an appointment (the person stays): None keeps a field, `Some(None)` clears it.
#[derive(Clone, Debug, Default)]
pub struct AppointmentPatch {
    pub role: Option<AppointmentRole>,
    pub sector_id: Option<Option<i32>>,
    pub organisation_id: Option<Option<i32>>,
    pub council_period_id: Option<Option<i32>>,
    pub title: Option<Option<String>>,
    pub starts_on: Option<Option<NaiveDate>>,
    pub ends_on: Option<Option<NaiveDate>>,
    pub note: Option<Option<String>>,
}

/// Edits an appointment; the result is checked as a whole (dates, sector for the role).
pub async fn update_appointment(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
    patch: AppointmentPatch,
) -> AppResult<appointment::Model> {
    let current = load::<appointment::Entity>("Appointment", db, id).await?;
    let input = AppointmentInput {
        person_id: current.person_id,
        role: patch.role.unwrap_or(current.role),
        sector_id: patch.sector_id.unwrap_or(current.sector_id),
        organisation_id: patch.organisation_id.unwrap_or(current.organisation_id),
        council_period_id: patch.council_period_id.unwrap_or(current.council_period_id),
        title: patch.title.unwrap_or(current.title),
        starts_on: patch.starts_on.unwrap_or(current.starts_on),
        ends_on: patch.ends_on.unwrap_or(current.ends_on),
        note: patch.note.unwrap_or(current.note),
    };
    let changes = input.into_active(db).await?;
    update_versioned::<appointment::Entity, _>(
        db,
        proof.actor(),
        "Appointment",
        (id, version),
        changes,
        AppError::from,
    )
    .await
}

/// Ends an appointment on `ends_on` (inclusive).
pub async fn end_appointment(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
    ends_on: NaiveDate,
) -> AppResult<appointment::Model> {
    let current = load::<appointment::Entity>("Appointment", db, id).await?;
    check_range(current.starts_on, Some(ends_on))?;
    let changes = appointment::ActiveModel {
        ends_on: Set(Some(ends_on)),
        ..Default::default()
    };
    update_versioned::<appointment::Entity, _>(
        db,
        proof.actor(),
        "Appointment",
        (id, version),
        changes,
        AppError::from,
    )
    .await
}

// ---------------------------------------------------------------------------------------
// Attendance history

/// How a person attended the meetings counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AttendanceTotals {
    /// Meetings with a record of the person.
    pub meetings: i32,
    /// In the room.
    pub present: i32,
    /// Took part digitally.
    pub digital: i32,
    /// Forfall.
    pub absent: i32,
    /// Present or digital for part of the meeting only.
    pub partial: i32,
}

/// Whether the record says the person was there for only part of the meeting.
pub fn is_partial(a: &attendance::Model) -> bool {
    a.status != AttendanceStatus::Absent
        && (a.from_sak_id.is_some()
            || a.to_sak_id.is_some()
            || a.only_sak_id.is_some()
            || a.partial_note.is_some())
}

impl AttendanceTotals {
    pub fn of<'a>(rows: impl IntoIterator<Item = &'a attendance::Model>) -> Self {
        rows.into_iter().fold(Self::default(), |mut t, a| {
            t.meetings += 1;
            match a.status {
                AttendanceStatus::Present => t.present += 1,
                AttendanceStatus::Digital => t.digital += 1,
                AttendanceStatus::Absent => t.absent += 1,
            }
            t.partial += i32::from(is_partial(a));
            t
        })
    }
}
