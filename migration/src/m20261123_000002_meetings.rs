//! Meetings, saker, attachments, attendance, habilitet, comments and follow-up.
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
                    .table(Meeting::Table)
                    .col(pk_auto(Meeting::Id))
                    .col(integer(Meeting::Year))
                    .col(integer(Meeting::Number))
                    .col(date(Meeting::Date))
                    .col(time_null(Meeting::StartsAt))
                    .col(time_null(Meeting::EndsAt))
                    .col(string_null(Meeting::Location))
                    .col(string_null(Meeting::Room))
                    .col(
                        string_len(Meeting::Format, 32).check(
                            Expr::col(Meeting::Format).is_in(["physical", "hybrid", "digital"]),
                        ),
                    )
                    .col(
                        string_len(Meeting::Status, 32).check(Expr::col(Meeting::Status).is_in([
                            "planned",
                            "notice_published",
                            "held",
                            "cancelled",
                        ])),
                    )
                    .col(timestamp_with_time_zone_null(Meeting::NoticePublishedAt))
                    .col(string_len(Meeting::MinutesStatus, 32).check(
                        Expr::col(Meeting::MinutesStatus).is_in([
                            "none",
                            "draft",
                            "sent_for_comments",
                            "approved",
                            "published",
                        ]),
                    ))
                    .col(date_null(Meeting::MinutesSentOn))
                    .col(date_null(Meeting::CommentDeadline))
                    .col(timestamp_with_time_zone_null(Meeting::MinutesApprovedAt))
                    .col(integer_null(Meeting::MinutesApprovedInMeetingId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_meeting_minutes_approved_in_meeting_id")
                            .from(Meeting::Table, Meeting::MinutesApprovedInMeetingId)
                            .to(Meeting::Table, Meeting::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(timestamp_with_time_zone_null(Meeting::MinutesPublishedAt))
                    .col(text_null(Meeting::Note))
                    .col(integer(Meeting::Version).default(1))
                    .col(timestamp_with_time_zone(Meeting::CreatedAt))
                    .col(timestamp_with_time_zone(Meeting::UpdatedAt))
                    .check(Expr::cust("number > 0"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_meeting_year_number")
                    .table(Meeting::Table)
                    .col(Meeting::Year)
                    .col(Meeting::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_meeting_minutes_approved_in_meeting_id")
                    .table(Meeting::Table)
                    .col(Meeting::MinutesApprovedInMeetingId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Sak::Table)
                    .col(pk_auto(Sak::Id))
                    .col(integer(Sak::MeetingId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sak_meeting_id")
                            .from(Sak::Table, Sak::MeetingId)
                            .to(Meeting::Table, Meeting::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .col(integer(Sak::Year))
                    .col(integer(Sak::Number))
                    .col(integer(Sak::Position))
                    .col(string(Sak::Title))
                    .col(string(Sak::Types))
                    .col(string_len_null(Sak::StandingKind, 32).check(
                        Expr::col(Sak::StandingKind).is_in([
                            "approve_agenda",
                            "habilitet",
                            "approve_minutes",
                            "outstanding_items",
                            "ongoing_status",
                            "orienteringer",
                            "policy_overview",
                            "eventuelt",
                            "evaluation",
                        ]),
                    ))
                    .col(integer_null(Sak::ApprovesMinutesOfMeetingId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sak_approves_minutes_of_meeting_id")
                            .from(Sak::Table, Sak::ApprovesMinutesOfMeetingId)
                            .to(Meeting::Table, Meeting::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(time_null(Sak::TimeStart))
                    .col(time_null(Sak::TimeEnd))
                    .col(string_null(Sak::ToText))
                    .col(integer_null(Sak::FromPersonId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sak_from_person_id")
                            .from(Sak::Table, Sak::FromPersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(string_null(Sak::FromText))
                    .col(text_null(Sak::Background))
                    .col(text_null(Sak::Reason))
                    .col(text_null(Sak::KeyPoints))
                    .col(text_null(Sak::ProposedVedtak))
                    .col(text_null(Sak::Discussion))
                    .col(text_null(Sak::Vedtak))
                    .col(
                        string_len(Sak::Status, 32).check(Expr::col(Sak::Status).is_in([
                            "draft",
                            "ready",
                            "treated",
                            "withdrawn",
                        ])),
                    )
                    .col(boolean(Sak::AddedUnderEventuelt).default(false))
                    .col(integer(Sak::Version).default(1))
                    .col(timestamp_with_time_zone(Sak::CreatedAt))
                    .col(timestamp_with_time_zone(Sak::UpdatedAt))
                    .check(Expr::cust("number > 0"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_sak_year_number")
                    .table(Sak::Table)
                    .col(Sak::Year)
                    .col(Sak::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sak_meeting_id")
                    .table(Sak::Table)
                    .col(Sak::MeetingId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sak_approves_minutes_of_meeting_id")
                    .table(Sak::Table)
                    .col(Sak::ApprovesMinutesOfMeetingId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sak_from_person_id")
                    .table(Sak::Table)
                    .col(Sak::FromPersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SakCaseOfficer::Table)
                    .col(integer(SakCaseOfficer::SakId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sak_case_officer_sak_id")
                            .from(SakCaseOfficer::Table, SakCaseOfficer::SakId)
                            .to(Sak::Table, Sak::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .col(integer(SakCaseOfficer::PersonId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sak_case_officer_person_id")
                            .from(SakCaseOfficer::Table, SakCaseOfficer::PersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .col(integer(SakCaseOfficer::Position))
                    .primary_key(
                        Index::create()
                            .col(SakCaseOfficer::SakId)
                            .col(SakCaseOfficer::PersonId),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sak_case_officer_person_id")
                    .table(SakCaseOfficer::Table)
                    .col(SakCaseOfficer::PersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SakReference::Table)
                    .col(pk_auto(SakReference::Id))
                    .col(integer(SakReference::SakId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sak_reference_sak_id")
                            .from(SakReference::Table, SakReference::SakId)
                            .to(Sak::Table, Sak::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .col(integer_null(SakReference::ReferencedSakId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sak_reference_referenced_sak_id")
                            .from(SakReference::Table, SakReference::ReferencedSakId)
                            .to(Sak::Table, Sak::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(string(SakReference::AsWritten))
                    .col(string_len(SakReference::Kind, 32).check(
                        Expr::col(SakReference::Kind).is_in([
                            "earlier_treatment",
                            "follow_up_of",
                            "see_also",
                        ]),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_sak_reference_sak_id_as_written")
                    .table(SakReference::Table)
                    .col(SakReference::SakId)
                    .col(SakReference::AsWritten)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sak_reference_referenced_sak_id")
                    .table(SakReference::Table)
                    .col(SakReference::ReferencedSakId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SakPresenter::Table)
                    .col(pk_auto(SakPresenter::Id))
                    .col(integer(SakPresenter::SakId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sak_presenter_sak_id")
                            .from(SakPresenter::Table, SakPresenter::SakId)
                            .to(Sak::Table, Sak::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .col(integer_null(SakPresenter::PersonId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sak_presenter_person_id")
                            .from(SakPresenter::Table, SakPresenter::PersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .col(string_null(SakPresenter::NameText))
                    .col(string_null(SakPresenter::Note))
                    .check(Expr::cust("person_id IS NOT NULL OR name_text IS NOT NULL"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sak_presenter_sak_id")
                    .table(SakPresenter::Table)
                    .col(SakPresenter::SakId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sak_presenter_person_id")
                    .table(SakPresenter::Table)
                    .col(SakPresenter::PersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StoredFile::Table)
                    .col(pk_auto(StoredFile::Id))
                    .col(string(StoredFile::Sha256))
                    .col(big_integer(StoredFile::SizeBytes))
                    .col(string(StoredFile::ContentType))
                    .col(string(StoredFile::OriginalName))
                    .col(string_uniq(StoredFile::StorageKey))
                    .col(integer_null(StoredFile::UploadedByUserId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_stored_file_uploaded_by_user_id")
                            .from(StoredFile::Table, StoredFile::UploadedByUserId)
                            .to(UserAccount::Table, UserAccount::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(timestamp_with_time_zone(StoredFile::CreatedAt))
                    .check(Expr::cust("size_bytes >= 0"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_stored_file_uploaded_by_user_id")
                    .table(StoredFile::Table)
                    .col(StoredFile::UploadedByUserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Attachment::Table)
                    .col(pk_auto(Attachment::Id))
                    .col(integer_null(Attachment::SakId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attachment_sak_id")
                            .from(Attachment::Table, Attachment::SakId)
                            .to(Sak::Table, Sak::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .col(integer_null(Attachment::MeetingId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attachment_meeting_id")
                            .from(Attachment::Table, Attachment::MeetingId)
                            .to(Meeting::Table, Meeting::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .col(integer(Attachment::Number))
                    .col(string(Attachment::Title))
                    .col(string_null(Attachment::Url))
                    .col(integer_null(Attachment::StoredFileId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attachment_stored_file_id")
                            .from(Attachment::Table, Attachment::StoredFileId)
                            .to(StoredFile::Table, StoredFile::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .col(integer(Attachment::Version).default(1))
                    .col(timestamp_with_time_zone(Attachment::CreatedAt))
                    .col(timestamp_with_time_zone(Attachment::UpdatedAt))
                    .check(Expr::cust("sak_id IS NOT NULL OR meeting_id IS NOT NULL"))
                    .check(Expr::cust(
                        "url IS NOT NULL OR stored_file_id IS NOT NULL OR title <> ''",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_attachment_sak_id")
                    .table(Attachment::Table)
                    .col(Attachment::SakId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_attachment_meeting_id")
                    .table(Attachment::Table)
                    .col(Attachment::MeetingId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_attachment_stored_file_id")
                    .table(Attachment::Table)
                    .col(Attachment::StoredFileId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Attendance::Table)
                    .col(pk_auto(Attendance::Id))
                    .col(integer(Attendance::MeetingId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attendance_meeting_id")
                            .from(Attendance::Table, Attendance::MeetingId)
                            .to(Meeting::Table, Meeting::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .col(integer_null(Attendance::PersonId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attendance_person_id")
                            .from(Attendance::Table, Attendance::PersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .col(string_null(Attendance::NameText))
                    .col(string_null(Attendance::OrganisationText))
                    .col(string_len(Attendance::Category, 32).check(
                        Expr::col(Attendance::Category).is_in([
                            "member",
                            "substitute",
                            "observer",
                            "secretariat",
                            "guest",
                        ]),
                    ))
                    .col(string_len(Attendance::Status, 32).check(
                        Expr::col(Attendance::Status).is_in(["present", "digital", "absent"]),
                    ))
                    .col(integer_null(Attendance::FromSakId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attendance_from_sak_id")
                            .from(Attendance::Table, Attendance::FromSakId)
                            .to(Sak::Table, Sak::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(integer_null(Attendance::ToSakId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attendance_to_sak_id")
                            .from(Attendance::Table, Attendance::ToSakId)
                            .to(Sak::Table, Sak::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(string_null(Attendance::PartialNote))
                    .col(integer_null(Attendance::OnlySakId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attendance_only_sak_id")
                            .from(Attendance::Table, Attendance::OnlySakId)
                            .to(Sak::Table, Sak::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(integer_null(Attendance::SubstituteForPersonId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attendance_substitute_for_person_id")
                            .from(Attendance::Table, Attendance::SubstituteForPersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(string_null(Attendance::Note))
                    .col(integer(Attendance::Position).default(0))
                    .col(integer(Attendance::Version).default(1))
                    .col(timestamp_with_time_zone(Attendance::CreatedAt))
                    .col(timestamp_with_time_zone(Attendance::UpdatedAt))
                    .check(Expr::cust("person_id IS NOT NULL OR name_text IS NOT NULL"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_attendance_meeting_id_person_id")
                    .table(Attendance::Table)
                    .col(Attendance::MeetingId)
                    .col(Attendance::PersonId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_attendance_person_id")
                    .table(Attendance::Table)
                    .col(Attendance::PersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_attendance_from_sak_id")
                    .table(Attendance::Table)
                    .col(Attendance::FromSakId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_attendance_to_sak_id")
                    .table(Attendance::Table)
                    .col(Attendance::ToSakId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_attendance_only_sak_id")
                    .table(Attendance::Table)
                    .col(Attendance::OnlySakId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_attendance_substitute_for_person_id")
                    .table(Attendance::Table)
                    .col(Attendance::SubstituteForPersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ConflictOfInterest::Table)
                    .col(pk_auto(ConflictOfInterest::Id))
                    .col(integer(ConflictOfInterest::SakId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_conflict_of_interest_sak_id")
                            .from(ConflictOfInterest::Table, ConflictOfInterest::SakId)
                            .to(Sak::Table, Sak::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .col(integer(ConflictOfInterest::PersonId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_conflict_of_interest_person_id")
                            .from(ConflictOfInterest::Table, ConflictOfInterest::PersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .col(text_null(ConflictOfInterest::Declaration))
                    .col(timestamp_with_time_zone_null(
                        ConflictOfInterest::DeclaredAt,
                    ))
                    .col(integer_null(ConflictOfInterest::DeclaredByUserId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_conflict_of_interest_declared_by_user_id")
                            .from(
                                ConflictOfInterest::Table,
                                ConflictOfInterest::DeclaredByUserId,
                            )
                            .to(UserAccount::Table, UserAccount::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(string_len(ConflictOfInterest::Outcome, 32).check(
                        Expr::col(ConflictOfInterest::Outcome).is_in([
                            "pending",
                            "inhabil",
                            "not_inhabil",
                        ]),
                    ))
                    .col(text_null(ConflictOfInterest::Reason))
                    .col(boolean(ConflictOfInterest::LeftRoom).default(false))
                    .col(string_null(ConflictOfInterest::DecidedBy))
                    .col(timestamp_with_time_zone_null(ConflictOfInterest::DecidedAt))
                    .col(integer(ConflictOfInterest::Version).default(1))
                    .col(timestamp_with_time_zone(ConflictOfInterest::CreatedAt))
                    .col(timestamp_with_time_zone(ConflictOfInterest::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_conflict_of_interest_sak_id_person_id")
                    .table(ConflictOfInterest::Table)
                    .col(ConflictOfInterest::SakId)
                    .col(ConflictOfInterest::PersonId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_conflict_of_interest_person_id")
                    .table(ConflictOfInterest::Table)
                    .col(ConflictOfInterest::PersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_conflict_of_interest_declared_by_user_id")
                    .table(ConflictOfInterest::Table)
                    .col(ConflictOfInterest::DeclaredByUserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MinutesComment::Table)
                    .col(pk_auto(MinutesComment::Id))
                    .col(integer(MinutesComment::MeetingId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_minutes_comment_meeting_id")
                            .from(MinutesComment::Table, MinutesComment::MeetingId)
                            .to(Meeting::Table, Meeting::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .col(integer_null(MinutesComment::SakId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_minutes_comment_sak_id")
                            .from(MinutesComment::Table, MinutesComment::SakId)
                            .to(Sak::Table, Sak::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .col(integer_null(MinutesComment::PersonId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_minutes_comment_person_id")
                            .from(MinutesComment::Table, MinutesComment::PersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(integer(MinutesComment::AuthorUserId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_minutes_comment_author_user_id")
                            .from(MinutesComment::Table, MinutesComment::AuthorUserId)
                            .to(UserAccount::Table, UserAccount::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .col(text(MinutesComment::Text))
                    .col(boolean(MinutesComment::Handled).default(false))
                    .col(timestamp_with_time_zone_null(MinutesComment::HandledAt))
                    .col(integer_null(MinutesComment::HandledByUserId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_minutes_comment_handled_by_user_id")
                            .from(MinutesComment::Table, MinutesComment::HandledByUserId)
                            .to(UserAccount::Table, UserAccount::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(text_null(MinutesComment::HandledNote))
                    .col(integer(MinutesComment::Version).default(1))
                    .col(timestamp_with_time_zone(MinutesComment::CreatedAt))
                    .col(timestamp_with_time_zone(MinutesComment::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_minutes_comment_meeting_id")
                    .table(MinutesComment::Table)
                    .col(MinutesComment::MeetingId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_minutes_comment_sak_id")
                    .table(MinutesComment::Table)
                    .col(MinutesComment::SakId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_minutes_comment_person_id")
                    .table(MinutesComment::Table)
                    .col(MinutesComment::PersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_minutes_comment_author_user_id")
                    .table(MinutesComment::Table)
                    .col(MinutesComment::AuthorUserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_minutes_comment_handled_by_user_id")
                    .table(MinutesComment::Table)
                    .col(MinutesComment::HandledByUserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(FollowUp::Table)
                    .col(pk_auto(FollowUp::Id))
                    .col(integer(FollowUp::SakId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_follow_up_sak_id")
                            .from(FollowUp::Table, FollowUp::SakId)
                            .to(Sak::Table, Sak::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .col(text(FollowUp::Description))
                    .col(integer_null(FollowUp::AssigneePersonId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_follow_up_assignee_person_id")
                            .from(FollowUp::Table, FollowUp::AssigneePersonId)
                            .to(Person::Table, Person::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .col(string_null(FollowUp::AssigneeText))
                    .col(date_null(FollowUp::DueOn))
                    .col(
                        string_len(FollowUp::Status, 32).check(
                            Expr::col(FollowUp::Status).is_in(["open", "done", "cancelled"]),
                        ),
                    )
                    .col(timestamp_with_time_zone_null(FollowUp::ClosedAt))
                    .col(text_null(FollowUp::ClosedNote))
                    .col(integer(FollowUp::Version).default(1))
                    .col(timestamp_with_time_zone(FollowUp::CreatedAt))
                    .col(timestamp_with_time_zone(FollowUp::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_follow_up_sak_id")
                    .table(FollowUp::Table)
                    .col(FollowUp::SakId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_follow_up_assignee_person_id")
                    .table(FollowUp::Table)
                    .col(FollowUp::AssigneePersonId)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FollowUp::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(MinutesComment::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ConflictOfInterest::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Attendance::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Attachment::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(StoredFile::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(SakPresenter::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(SakReference::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(SakCaseOfficer::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Sak::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Meeting::Table).to_owned())
            .await?;
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Meeting {
    Table,
    Id,
    Year,
    Number,
    Date,
    StartsAt,
    EndsAt,
    Location,
    Room,
    Format,
    Status,
    NoticePublishedAt,
    MinutesStatus,
    MinutesSentOn,
    CommentDeadline,
    MinutesApprovedAt,
    MinutesApprovedInMeetingId,
    MinutesPublishedAt,
    Note,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Sak {
    Table,
    Id,
    MeetingId,
    Year,
    Number,
    Position,
    Title,
    Types,
    StandingKind,
    ApprovesMinutesOfMeetingId,
    TimeStart,
    TimeEnd,
    ToText,
    FromPersonId,
    FromText,
    Background,
    Reason,
    KeyPoints,
    ProposedVedtak,
    Discussion,
    Vedtak,
    Status,
    AddedUnderEventuelt,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SakCaseOfficer {
    Table,
    SakId,
    PersonId,
    Position,
}

#[derive(DeriveIden)]
enum SakReference {
    Table,
    Id,
    SakId,
    ReferencedSakId,
    AsWritten,
    Kind,
}

#[derive(DeriveIden)]
enum SakPresenter {
    Table,
    Id,
    SakId,
    PersonId,
    NameText,
    Note,
}

#[derive(DeriveIden)]
enum StoredFile {
    Table,
    Id,
    Sha256,
    SizeBytes,
    ContentType,
    OriginalName,
    StorageKey,
    UploadedByUserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Attachment {
    Table,
    Id,
    SakId,
    MeetingId,
    Number,
    Title,
    Url,
    StoredFileId,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Attendance {
    Table,
    Id,
    MeetingId,
    PersonId,
    NameText,
    OrganisationText,
    Category,
    Status,
    FromSakId,
    ToSakId,
    PartialNote,
    OnlySakId,
    SubstituteForPersonId,
    Note,
    Position,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ConflictOfInterest {
    Table,
    Id,
    SakId,
    PersonId,
    Declaration,
    DeclaredAt,
    DeclaredByUserId,
    Outcome,
    Reason,
    LeftRoom,
    DecidedBy,
    DecidedAt,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum MinutesComment {
    Table,
    Id,
    MeetingId,
    SakId,
    PersonId,
    AuthorUserId,
    Text,
    Handled,
    HandledAt,
    HandledByUserId,
    HandledNote,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum FollowUp {
    Table,
    Id,
    SakId,
    Description,
    AssigneePersonId,
    AssigneeText,
    DueOn,
    Status,
    ClosedAt,
    ClosedNote,
    Version,
    CreatedAt,
    UpdatedAt,
}
