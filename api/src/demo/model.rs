//! The shape of `api/demo/helseomsorg21.json`. Every struct refuses unknown fields, so the
//! file and the loader cannot drift apart unnoticed. People, organisations, sectors,
//! periods, meetings and saker refer to each other by name or code, as the papers do.
use chrono::{NaiveDate, NaiveTime};
use entity::enums::{
    AppointmentRole, AttendanceCategory, AttendanceStatus, ConsultationKind, EventKind, EventRole,
    FollowUpStatus, HabilitetOutcome, MeetingFormat, MeetingStatus, MinutesStatus,
    PolicyDocumentKind, PublicationKind, ReferenceKind, ResponseStatus, StandingKind,
    WorkingGroupKind, WorkingGroupRole, WorkingGroupStatus,
};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoData {
    /// Where the data departs from or interprets the papers; kept with the data, not loaded.
    #[serde(rename = "_notes")]
    pub notes: Vec<String>,
    pub council: Council,
    pub sectors: Vec<Sector>,
    pub council_periods: Vec<CouncilPeriod>,
    pub organisations: Vec<Organisation>,
    pub people: Vec<Person>,
    pub appointments: Vec<Appointment>,
    pub meetings: Vec<Meeting>,
    pub working_groups: Vec<WorkingGroup>,
    pub policy_documents: Vec<PolicyDocument>,
    pub events: Vec<Event>,
    pub publications: Vec<Publication>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Council {
    pub name: String,
    pub short_name: String,
    pub secretariat_organisation: Option<String>,
    pub default_location: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    pub code: String,
    pub name: String,
    pub quota: i32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CouncilPeriod {
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: String,
    pub short_name: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    pub email: Option<String>,
    pub title: Option<String>,
    pub affiliations: Vec<Affiliation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Affiliation {
    pub organisation: String,
    pub title: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appointment {
    pub person: String,
    pub role: AppointmentRole,
    pub period: Option<String>,
    /// A sector code.
    pub sector: Option<String>,
    pub organisation: Option<String>,
    pub title: Option<String>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// "2/2025".
    pub code: String,
    /// Required by the database; where the papers give none, the note says it is assumed.
    pub date: NaiveDate,
    #[serde(default, with = "hh_mm")]
    pub starts_at: Option<NaiveTime>,
    #[serde(default, with = "hh_mm")]
    pub ends_at: Option<NaiveTime>,
    pub location: Option<String>,
    pub room: Option<String>,
    pub format: MeetingFormat,
    pub note: Option<String>,
    pub status: MeetingStatus,
    pub notice_published_on: Option<NaiveDate>,
    pub minutes: Minutes,
    pub saker: Vec<Sak>,
    pub attendance: Vec<Attendance>,
    pub habilitet: Vec<Habilitet>,
    pub follow_ups: Vec<FollowUp>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Minutes {
    pub status: MinutesStatus,
    pub sent_on: Option<NaiveDate>,
    pub comment_deadline: Option<NaiveDate>,
    /// The meeting whose sak approved these minutes.
    pub approved_by_meeting: Option<String>,
}

/// The kinds of sak, as the saksfremlegg's "Type sak" names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SakType {
    Vedtak,
    Diskusjon,
    Orientering,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sak {
    /// "16/2/2025".
    pub code: String,
    pub title: String,
    pub types: Vec<SakType>,
    pub standing: Option<StandingKind>,
    pub approves_minutes_of: Option<String>,
    #[serde(default, with = "hh_mm")]
    pub time_start: Option<NaiveTime>,
    #[serde(default, with = "hh_mm")]
    pub time_end: Option<NaiveTime>,
    pub to: Option<String>,
    /// A person's name.
    pub from: Option<String>,
    pub case_officers: Vec<String>,
    pub attachments: Vec<Attachment>,
    pub references: Vec<Reference>,
    pub background: Option<String>,
    pub reason: Option<String>,
    pub key_points: Option<String>,
    pub proposed_vedtak: Option<String>,
    pub discussion: Option<String>,
    pub vedtak: Option<String>,
    pub presenters: Vec<Presenter>,
    pub added_under_eventuelt: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    pub number: i32,
    pub title: String,
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// The sak referred to, when it is in the data.
    pub code: Option<String>,
    pub as_written: String,
    pub kind: ReferenceKind,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Presenter {
    pub person: String,
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    pub person: String,
    pub organisation_as_written: Option<String>,
    pub category: AttendanceCategory,
    pub status: AttendanceStatus,
    pub from_sak: Option<String>,
    pub to_sak: Option<String>,
    pub partial_note: Option<String>,
    pub only_sak: Option<String>,
    pub substitute_for: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Habilitet {
    pub sak: String,
    pub person: String,
    pub outcome: HabilitetOutcome,
    pub reason: Option<String>,
    pub left_room: bool,
    /// "rådet".
    pub decided_by: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    pub sak: String,
    pub description: String,
    /// A person's name, or a body such as "sekretariatet".
    pub assignee: String,
    pub due_on: Option<NaiveDate>,
    pub status: FollowUpStatus,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkingGroup {
    pub name: String,
    pub kind: WorkingGroupKind,
    pub purpose: String,
    pub established_by_sak: Option<String>,
    /// A policy document's title or official reference ("NOU 2025: 8").
    pub policy_document: Option<String>,
    /// The kind of the document's consultation round the group answers, if it answers one.
    pub answers: Option<ConsultationKind>,
    pub status: WorkingGroupStatus,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub members: Vec<WorkingGroupMember>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkingGroupMember {
    pub person: Option<String>,
    /// "NN", "en fra LMI": a seat not yet filled by a named person.
    pub placeholder: Option<String>,
    pub role: WorkingGroupRole,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyDocument {
    pub kind: PolicyDocumentKind,
    pub reference: Option<String>,
    pub title: String,
    pub ministry: Option<String>,
    pub url: Option<String>,
    pub summary: Option<String>,
    pub launch_date: Option<NaiveDate>,
    pub launch_text: Option<String>,
    pub follow_up_proposal: Option<String>,
    pub decision: Option<String>,
    pub decided_in_sak: Option<String>,
    pub on_overview: bool,
    pub rounds: Vec<ConsultationRound>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsultationRound {
    pub kind: ConsultationKind,
    pub deadline: Option<NaiveDate>,
    pub deadline_text: Option<String>,
    pub status: ResponseStatus,
    pub sent_on: Option<NaiveDate>,
    pub response_url: Option<String>,
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub title: String,
    pub kind: EventKind,
    pub role: EventRole,
    pub date: Option<NaiveDate>,
    pub location: Option<String>,
    pub url: Option<String>,
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    pub title: String,
    pub kind: PublicationKind,
    pub outlet: Option<String>,
    pub published_on: Option<NaiveDate>,
    pub url: Option<String>,
    /// A policy document's title or official reference.
    pub policy_document: Option<String>,
}

/// Times are written "10:00" in the file, as on the agendas.
mod hh_mm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, de::Error};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|s| NaiveTime::parse_from_str(&s, "%H:%M").map_err(D::Error::custom))
            .transpose()
    }
}

/// The council's papers, embedded so the binary needs no checkout.
pub const HELSEOMSORG21: &str = include_str!("../../demo/helseomsorg21.json");

pub fn parse(json: &str) -> anyhow::Result<DemoData> {
    Ok(serde_json::from_str(json)?)
}
