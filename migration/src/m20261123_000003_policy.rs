//! Policy documents, consultation rounds, working groups, events and publications.
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
                    .table(PolicyDocument::Table)
                    .col(pk_auto(PolicyDocument::Id))
                    .col(string_len(PolicyDocument::Kind, 32).check(
                        Expr::col(PolicyDocument::Kind).is_in([
                            "melding",
                            "nou",
                            "strategi",
                            "handlingsplan",
                            "veikart",
                            "forskrift",
                            "lovforslag",
                            "statsbudsjett",
                            "annet",
                        ]),
                    ))
                    .col(string_null(PolicyDocument::Reference))
                    .col(string(PolicyDocument::Title))
                    .col(string_null(PolicyDocument::Ministry))
                    .col(string_null(PolicyDocument::Url))
                    .col(text_null(PolicyDocument::Summary))
                    .col(date_null(PolicyDocument::LaunchDate))
                    .col(string_null(PolicyDocument::LaunchText))
                    .col(date_null(PolicyDocument::LaunchSortDate))
                    .col(text_null(PolicyDocument::FollowUpProposal))
                    .col(text_null(PolicyDocument::Decision))
                    .col(integer_null(PolicyDocument::DecidedInSakId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_policy_document_decided_in_sak_id")
                            .from(PolicyDocument::Table, PolicyDocument::DecidedInSakId)
                            .to(Sak::Table, Sak::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(boolean(PolicyDocument::OnOverview).default(true))
                    .col(integer_null(PolicyDocument::OverviewPosition))
                    .col(integer(PolicyDocument::Version).default(1))
                    .col(timestamp_with_time_zone(PolicyDocument::CreatedAt))
                    .col(timestamp_with_time_zone(PolicyDocument::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_policy_document_decided_in_sak_id")
                    .table(PolicyDocument::Table)
                    .col(PolicyDocument::DecidedInSakId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(WorkingGroup::Table)
                    .col(pk_auto(WorkingGroup::Id))
                    .col(string_len(WorkingGroup::Kind, 32).check(
                        Expr::col(WorkingGroup::Kind).is_in([
                            "arbeidsgruppe",
                            "referansegruppe",
                            "planleggingsgruppe",
                            "programkomite",
                        ]),
                    ))
                    .col(string(WorkingGroup::Name))
                    .col(text_null(WorkingGroup::Purpose))
                    .col(integer_null(WorkingGroup::EstablishedBySakId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_working_group_established_by_sak_id")
                            .from(WorkingGroup::Table, WorkingGroup::EstablishedBySakId)
                            .to(Sak::Table, Sak::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(integer_null(WorkingGroup::PolicyDocumentId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_working_group_policy_document_id")
                            .from(WorkingGroup::Table, WorkingGroup::PolicyDocumentId)
                            .to(PolicyDocument::Table, PolicyDocument::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(string_len(WorkingGroup::Status, 32).check(
                        Expr::col(WorkingGroup::Status).is_in(["proposed", "active", "finished"]),
                    ))
                    .col(date_null(WorkingGroup::StartsOn))
                    .col(date_null(WorkingGroup::EndsOn))
                    .col(integer(WorkingGroup::Version).default(1))
                    .col(timestamp_with_time_zone(WorkingGroup::CreatedAt))
                    .col(timestamp_with_time_zone(WorkingGroup::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_working_group_established_by_sak_id")
                    .table(WorkingGroup::Table)
                    .col(WorkingGroup::EstablishedBySakId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_working_group_policy_document_id")
                    .table(WorkingGroup::Table)
                    .col(WorkingGroup::PolicyDocumentId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(WorkingGroupMember::Table)
                    .col(pk_auto(WorkingGroupMember::Id))
                    .col(integer(WorkingGroupMember::WorkingGroupId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_working_group_member_working_group_id")
                            .from(
                                WorkingGroupMember::Table,
                                WorkingGroupMember::WorkingGroupId,
                            )
                            .to(WorkingGroup::Table, WorkingGroup::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .col(integer_null(WorkingGroupMember::PersonId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_working_group_member_person_id")
                            .from(WorkingGroupMember::Table, WorkingGroupMember::PersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .col(string_null(WorkingGroupMember::Placeholder))
                    .col(string_len(WorkingGroupMember::Role, 32).check(
                        Expr::col(WorkingGroupMember::Role).is_in([
                            "leader",
                            "member",
                            "secretary",
                        ]),
                    ))
                    .col(date_null(WorkingGroupMember::StartsOn))
                    .col(date_null(WorkingGroupMember::EndsOn))
                    .col(string_null(WorkingGroupMember::Note))
                    .col(timestamp_with_time_zone(WorkingGroupMember::CreatedAt))
                    .check(Expr::cust(
                        "person_id IS NOT NULL OR placeholder IS NOT NULL",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_working_group_member_working_group_id")
                    .table(WorkingGroupMember::Table)
                    .col(WorkingGroupMember::WorkingGroupId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_working_group_member_person_id")
                    .table(WorkingGroupMember::Table)
                    .col(WorkingGroupMember::PersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ConsultationRound::Table)
                    .col(pk_auto(ConsultationRound::Id))
                    .col(integer(ConsultationRound::PolicyDocumentId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_consultation_round_policy_document_id")
                            .from(
                                ConsultationRound::Table,
                                ConsultationRound::PolicyDocumentId,
                            )
                            .to(PolicyDocument::Table, PolicyDocument::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .col(string_len(ConsultationRound::Kind, 32).check(
                        Expr::col(ConsultationRound::Kind).is_in([
                            "innspill",
                            "hoering",
                            "stortinget_hearing",
                        ]),
                    ))
                    .col(date_null(ConsultationRound::Deadline))
                    .col(string_null(ConsultationRound::DeadlineText))
                    .col(string_len(ConsultationRound::ResponseStatus, 32).check(
                        Expr::col(ConsultationRound::ResponseStatus).is_in([
                            "considering",
                            "drafting",
                            "sent",
                            "declined",
                            "not_answered",
                        ]),
                    ))
                    .col(date_null(ConsultationRound::SentOn))
                    .col(string_null(ConsultationRound::ResponseUrl))
                    .col(text_null(ConsultationRound::Note))
                    .col(integer_null(ConsultationRound::WorkingGroupId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_consultation_round_working_group_id")
                            .from(ConsultationRound::Table, ConsultationRound::WorkingGroupId)
                            .to(WorkingGroup::Table, WorkingGroup::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(integer(ConsultationRound::Version).default(1))
                    .col(timestamp_with_time_zone(ConsultationRound::CreatedAt))
                    .col(timestamp_with_time_zone(ConsultationRound::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_consultation_round_policy_document_id")
                    .table(ConsultationRound::Table)
                    .col(ConsultationRound::PolicyDocumentId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_consultation_round_working_group_id")
                    .table(ConsultationRound::Table)
                    .col(ConsultationRound::WorkingGroupId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Event::Table)
                    .col(pk_auto(Event::Id))
                    .col(string(Event::Title))
                    .col(
                        string_len(Event::Kind, 32).check(Expr::col(Event::Kind).is_in([
                            "arendalsuka",
                            "frokostmote",
                            "seminar",
                            "konferanse",
                            "annet",
                        ])),
                    )
                    .col(
                        string_len(Event::Role, 32).check(Expr::col(Event::Role).is_in([
                            "organiser",
                            "co_organiser",
                            "participant",
                        ])),
                    )
                    .col(date_null(Event::Date))
                    .col(string_null(Event::Location))
                    .col(string_null(Event::Url))
                    .col(text_null(Event::Description))
                    .col(integer(Event::Version).default(1))
                    .col(timestamp_with_time_zone(Event::CreatedAt))
                    .col(timestamp_with_time_zone(Event::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Publication::Table)
                    .col(pk_auto(Publication::Id))
                    .col(string(Publication::Title))
                    .col(string_len(Publication::Kind, 32).check(
                        Expr::col(Publication::Kind).is_in([
                            "kronikk",
                            "hoeringssvar",
                            "innspill",
                            "rapport",
                            "annet",
                        ]),
                    ))
                    .col(string_null(Publication::Outlet))
                    .col(date_null(Publication::PublishedOn))
                    .col(string_null(Publication::Url))
                    .col(integer_null(Publication::PolicyDocumentId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_publication_policy_document_id")
                            .from(Publication::Table, Publication::PolicyDocumentId)
                            .to(PolicyDocument::Table, PolicyDocument::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(integer(Publication::Version).default(1))
                    .col(timestamp_with_time_zone(Publication::CreatedAt))
                    .col(timestamp_with_time_zone(Publication::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_publication_policy_document_id")
                    .table(Publication::Table)
                    .col(Publication::PolicyDocumentId)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Publication::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Event::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ConsultationRound::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(WorkingGroupMember::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(WorkingGroup::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(PolicyDocument::Table).to_owned())
            .await?;
        Ok(())
    }
}

#[derive(DeriveIden)]
enum PolicyDocument {
    Table,
    Id,
    Kind,
    Reference,
    Title,
    Ministry,
    Url,
    Summary,
    LaunchDate,
    LaunchText,
    LaunchSortDate,
    FollowUpProposal,
    Decision,
    DecidedInSakId,
    OnOverview,
    OverviewPosition,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Sak {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum WorkingGroup {
    Table,
    Id,
    Kind,
    Name,
    Purpose,
    EstablishedBySakId,
    PolicyDocumentId,
    Status,
    StartsOn,
    EndsOn,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum WorkingGroupMember {
    Table,
    Id,
    WorkingGroupId,
    PersonId,
    Placeholder,
    Role,
    StartsOn,
    EndsOn,
    Note,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ConsultationRound {
    Table,
    Id,
    PolicyDocumentId,
    Kind,
    Deadline,
    DeadlineText,
    ResponseStatus,
    SentOn,
    ResponseUrl,
    Note,
    WorkingGroupId,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Event {
    Table,
    Id,
    Title,
    Kind,
    Role,
    Date,
    Location,
    Url,
    Description,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Publication {
    Table,
    Id,
    Title,
    Kind,
    Outlet,
    PublishedOn,
    Url,
    PolicyDocumentId,
    Version,
    CreatedAt,
    UpdatedAt,
}
