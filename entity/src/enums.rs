//! The closed vocabularies of the domain, stored as text (the migrations add CHECK constraints).
use sea_orm::entity::prelude::*;

/// What a user account may do.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum UserRole {
    #[sea_orm(string_value = "secretariat")]
    Secretariat,
    #[sea_orm(string_value = "member")]
    Member,
    #[sea_orm(string_value = "observer")]
    Observer,
}

/// The capacity in which a person is appointed.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum AppointmentRole {
    #[sea_orm(string_value = "chair")]
    Chair,
    #[sea_orm(string_value = "vice_chair")]
    ViceChair,
    #[sea_orm(string_value = "member")]
    Member,
    #[sea_orm(string_value = "deputy")]
    Deputy,
    #[sea_orm(string_value = "observer")]
    Observer,
    #[sea_orm(string_value = "secretariat")]
    Secretariat,
}

/// Where the meeting takes place.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum MeetingFormat {
    #[sea_orm(string_value = "physical")]
    Physical,
    #[sea_orm(string_value = "hybrid")]
    Hybrid,
    #[sea_orm(string_value = "digital")]
    Digital,
}

/// The meeting's own life cycle.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    #[sea_orm(string_value = "planned")]
    Planned,
    #[sea_orm(string_value = "notice_published")]
    NoticePublished,
    #[sea_orm(string_value = "held")]
    Held,
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
}

/// The minutes' life cycle, from draft to publication.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum MinutesStatus {
    #[sea_orm(string_value = "none")]
    None,
    #[sea_orm(string_value = "draft")]
    Draft,
    #[sea_orm(string_value = "sent_for_comments")]
    SentForComments,
    #[sea_orm(string_value = "approved")]
    Approved,
    #[sea_orm(string_value = "published")]
    Published,
}

/// The fixed items of the standing agenda skeleton.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum StandingKind {
    #[sea_orm(string_value = "approve_agenda")]
    ApproveAgenda,
    #[sea_orm(string_value = "habilitet")]
    Habilitet,
    #[sea_orm(string_value = "approve_minutes")]
    ApproveMinutes,
    #[sea_orm(string_value = "outstanding_items")]
    OutstandingItems,
    #[sea_orm(string_value = "ongoing_status")]
    OngoingStatus,
    #[sea_orm(string_value = "orienteringer")]
    Orienteringer,
    #[sea_orm(string_value = "policy_overview")]
    PolicyOverview,
    #[sea_orm(string_value = "eventuelt")]
    Eventuelt,
    #[sea_orm(string_value = "evaluation")]
    Evaluation,
}

/// Where a sak stands.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum SakStatus {
    #[sea_orm(string_value = "draft")]
    Draft,
    #[sea_orm(string_value = "ready")]
    Ready,
    #[sea_orm(string_value = "treated")]
    Treated,
    #[sea_orm(string_value = "withdrawn")]
    Withdrawn,
}

/// How one sak refers to another.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum ReferenceKind {
    #[sea_orm(string_value = "earlier_treatment")]
    EarlierTreatment,
    #[sea_orm(string_value = "follow_up_of")]
    FollowUpOf,
    #[sea_orm(string_value = "see_also")]
    SeeAlso,
}

/// In which list of the minutes a person is recorded.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum AttendanceCategory {
    #[sea_orm(string_value = "member")]
    Member,
    #[sea_orm(string_value = "substitute")]
    Substitute,
    #[sea_orm(string_value = "observer")]
    Observer,
    #[sea_orm(string_value = "secretariat")]
    Secretariat,
    #[sea_orm(string_value = "guest")]
    Guest,
}

/// Whether and how a person attended.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum AttendanceStatus {
    #[sea_orm(string_value = "present")]
    Present,
    #[sea_orm(string_value = "digital")]
    Digital,
    #[sea_orm(string_value = "absent")]
    Absent,
}

/// The council's assessment of a declared interest.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum HabilitetOutcome {
    #[sea_orm(string_value = "pending")]
    Pending,
    #[sea_orm(string_value = "inhabil")]
    Inhabil,
    #[sea_orm(string_value = "not_inhabil")]
    NotInhabil,
}

/// State of a follow-up item.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum FollowUpStatus {
    #[sea_orm(string_value = "open")]
    Open,
    #[sea_orm(string_value = "done")]
    Done,
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
}

/// Kinds of government documents the council follows.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum PolicyDocumentKind {
    #[sea_orm(string_value = "melding")]
    Melding,
    #[sea_orm(string_value = "nou")]
    Nou,
    #[sea_orm(string_value = "strategi")]
    Strategi,
    #[sea_orm(string_value = "handlingsplan")]
    Handlingsplan,
    #[sea_orm(string_value = "veikart")]
    Veikart,
    #[sea_orm(string_value = "forskrift")]
    Forskrift,
    #[sea_orm(string_value = "lovforslag")]
    Lovforslag,
    #[sea_orm(string_value = "statsbudsjett")]
    Statsbudsjett,
    #[sea_orm(string_value = "annet")]
    Annet,
}

/// Kinds of consultation rounds.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum ConsultationKind {
    #[sea_orm(string_value = "innspill")]
    Innspill,
    #[sea_orm(string_value = "hoering")]
    Hoering,
    #[sea_orm(string_value = "stortinget_hearing")]
    StortingetHearing,
}

/// The council's response to a consultation round.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum ResponseStatus {
    #[sea_orm(string_value = "considering")]
    Considering,
    #[sea_orm(string_value = "drafting")]
    Drafting,
    #[sea_orm(string_value = "sent")]
    Sent,
    #[sea_orm(string_value = "declined")]
    Declined,
    #[sea_orm(string_value = "not_answered")]
    NotAnswered,
}

/// Kinds of working groups.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum WorkingGroupKind {
    #[sea_orm(string_value = "arbeidsgruppe")]
    Arbeidsgruppe,
    #[sea_orm(string_value = "referansegruppe")]
    Referansegruppe,
    #[sea_orm(string_value = "planleggingsgruppe")]
    Planleggingsgruppe,
    #[sea_orm(string_value = "programkomite")]
    Programkomite,
}

/// Life cycle of a working group.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum WorkingGroupStatus {
    #[sea_orm(string_value = "proposed")]
    Proposed,
    #[sea_orm(string_value = "active")]
    Active,
    #[sea_orm(string_value = "finished")]
    Finished,
}

/// A member's role in a working group.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum WorkingGroupRole {
    #[sea_orm(string_value = "leader")]
    Leader,
    #[sea_orm(string_value = "member")]
    Member,
    #[sea_orm(string_value = "secretary")]
    Secretary,
}

/// Kinds of events.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    #[sea_orm(string_value = "arendalsuka")]
    Arendalsuka,
    #[sea_orm(string_value = "frokostmote")]
    Frokostmote,
    #[sea_orm(string_value = "seminar")]
    Seminar,
    #[sea_orm(string_value = "konferanse")]
    Konferanse,
    #[sea_orm(string_value = "annet")]
    Annet,
}

/// The council's role in an event.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum EventRole {
    #[sea_orm(string_value = "organiser")]
    Organiser,
    #[sea_orm(string_value = "co_organiser")]
    CoOrganiser,
    #[sea_orm(string_value = "participant")]
    Participant,
}

/// Kinds of publications.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum PublicationKind {
    #[sea_orm(string_value = "kronikk")]
    Kronikk,
    #[sea_orm(string_value = "hoeringssvar")]
    Hoeringssvar,
    #[sea_orm(string_value = "innspill")]
    Innspill,
    #[sea_orm(string_value = "rapport")]
    Rapport,
    #[sea_orm(string_value = "annet")]
    Annet,
}

/// What happened to a record.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    #[sea_orm(string_value = "create")]
    Create,
    #[sea_orm(string_value = "update")]
    Update,
    #[sea_orm(string_value = "delete")]
    Delete,
}
