//! The council, people, organisations, accounts, sectors and appointments.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    // DDL is transactional on both backends: a failing migration leaves the schema as it was.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Council::Table)
                    .col(pk_auto(Council::Id))
                    .col(string(Council::Name))
                    .col(string(Council::ShortName))
                    .col(string_null(Council::SecretariatOrganisation))
                    .col(string_null(Council::DefaultLocation))
                    .col(string_null(Council::DefaultRoom))
                    .col(time_null(Council::DefaultStartsAt))
                    .col(time_null(Council::DefaultEndsAt))
                    .col(integer(Council::Version).default(1))
                    .col(timestamp_with_time_zone(Council::CreatedAt))
                    .col(timestamp_with_time_zone(Council::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Organisation::Table)
                    .col(pk_auto(Organisation::Id))
                    .col(string_uniq(Organisation::Name))
                    .col(string_null(Organisation::ShortName))
                    .col(timestamp_with_time_zone(Organisation::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Person::Table)
                    .col(pk_auto(Person::Id))
                    .col(string(Person::Name))
                    .col(string_null(Person::Email).unique_key())
                    .col(string_null(Person::Phone))
                    .col(string_null(Person::Title))
                    .col(text_null(Person::Note))
                    .col(integer(Person::Version).default(1))
                    .col(timestamp_with_time_zone(Person::CreatedAt))
                    .col(timestamp_with_time_zone(Person::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Affiliation::Table)
                    .col(pk_auto(Affiliation::Id))
                    .col(integer(Affiliation::PersonId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_affiliation_person_id")
                            .from(Affiliation::Table, Affiliation::PersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .col(integer(Affiliation::OrganisationId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_affiliation_organisation_id")
                            .from(Affiliation::Table, Affiliation::OrganisationId)
                            .to(Organisation::Table, Organisation::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .col(string_null(Affiliation::Title))
                    .col(date_null(Affiliation::StartsOn))
                    .col(date_null(Affiliation::EndsOn))
                    .col(timestamp_with_time_zone(Affiliation::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_affiliation_person_id")
                    .table(Affiliation::Table)
                    .col(Affiliation::PersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_affiliation_organisation_id")
                    .table(Affiliation::Table)
                    .col(Affiliation::OrganisationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(UserAccount::Table)
                    .col(pk_auto(UserAccount::Id))
                    .col(integer_null(UserAccount::PersonId).unique_key())
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_user_account_person_id")
                            .from(UserAccount::Table, UserAccount::PersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(string_uniq(UserAccount::Email))
                    .col(string(UserAccount::DisplayName))
                    .col(string(UserAccount::PasswordHash))
                    .col(string_len(UserAccount::Role, 32).check(
                        Expr::col(UserAccount::Role).is_in(["secretariat", "member", "observer"]),
                    ))
                    .col(boolean(UserAccount::Active).default(true))
                    .col(integer(UserAccount::TokenVersion).default(0))
                    .col(timestamp_with_time_zone_null(UserAccount::LastLoginAt))
                    .col(integer(UserAccount::Version).default(1))
                    .col(timestamp_with_time_zone(UserAccount::CreatedAt))
                    .col(timestamp_with_time_zone(UserAccount::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Sector::Table)
                    .col(pk_auto(Sector::Id))
                    .col(string_uniq(Sector::Code))
                    .col(string(Sector::Name))
                    .col(integer(Sector::Quota))
                    .col(integer(Sector::Position).default(0))
                    .check(Expr::cust("quota >= 0"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CouncilPeriod::Table)
                    .col(pk_auto(CouncilPeriod::Id))
                    .col(string_uniq(CouncilPeriod::Name))
                    .col(date(CouncilPeriod::StartsOn))
                    .col(date_null(CouncilPeriod::EndsOn))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Appointment::Table)
                    .col(pk_auto(Appointment::Id))
                    .col(integer(Appointment::PersonId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_appointment_person_id")
                            .from(Appointment::Table, Appointment::PersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .col(integer_null(Appointment::CouncilPeriodId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_appointment_council_period_id")
                            .from(Appointment::Table, Appointment::CouncilPeriodId)
                            .to(CouncilPeriod::Table, CouncilPeriod::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(string_len(Appointment::Role, 32).check(
                        Expr::col(Appointment::Role).is_in([
                            "chair",
                            "vice_chair",
                            "member",
                            "deputy",
                            "observer",
                            "secretariat",
                        ]),
                    ))
                    .col(integer_null(Appointment::SectorId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_appointment_sector_id")
                            .from(Appointment::Table, Appointment::SectorId)
                            .to(Sector::Table, Sector::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .col(integer_null(Appointment::OrganisationId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_appointment_organisation_id")
                            .from(Appointment::Table, Appointment::OrganisationId)
                            .to(Organisation::Table, Organisation::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(string_null(Appointment::Title))
                    .col(date_null(Appointment::StartsOn))
                    .col(date_null(Appointment::EndsOn))
                    .col(text_null(Appointment::Note))
                    .col(integer(Appointment::Version).default(1))
                    .col(timestamp_with_time_zone(Appointment::CreatedAt))
                    .col(timestamp_with_time_zone(Appointment::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_appointment_person_id")
                    .table(Appointment::Table)
                    .col(Appointment::PersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_appointment_council_period_id")
                    .table(Appointment::Table)
                    .col(Appointment::CouncilPeriodId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_appointment_sector_id")
                    .table(Appointment::Table)
                    .col(Appointment::SectorId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_appointment_organisation_id")
                    .table(Appointment::Table)
                    .col(Appointment::OrganisationId)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Appointment::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(CouncilPeriod::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Sector::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(UserAccount::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Affiliation::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Person::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Organisation::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Council::Table).to_owned())
            .await?;
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Council {
    Table,
    Id,
    Name,
    ShortName,
    SecretariatOrganisation,
    DefaultLocation,
    DefaultRoom,
    DefaultStartsAt,
    DefaultEndsAt,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
    Name,
    ShortName,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
    Name,
    Email,
    Phone,
    Title,
    Note,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Affiliation {
    Table,
    Id,
    PersonId,
    OrganisationId,
    Title,
    StartsOn,
    EndsOn,
    CreatedAt,
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
    PersonId,
    Email,
    DisplayName,
    PasswordHash,
    Role,
    Active,
    TokenVersion,
    LastLoginAt,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Sector {
    Table,
    Id,
    Code,
    Name,
    Quota,
    Position,
}

#[derive(DeriveIden)]
enum CouncilPeriod {
    Table,
    Id,
    Name,
    StartsOn,
    EndsOn,
}

#[derive(DeriveIden)]
enum Appointment {
    Table,
    Id,
    PersonId,
    CouncilPeriodId,
    Role,
    SectorId,
    OrganisationId,
    Title,
    StartsOn,
    EndsOn,
    Note,
    Version,
    CreatedAt,
    UpdatedAt,
}
