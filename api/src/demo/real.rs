//! Loads the council's real papers (`api/demo/helseomsorg21.json`) through the services.
//!
//! Saker are created in two passes: first every sak with its numbers and people, then the
//! references and the texts. A text often names a later sak ("sees i sammenheng med sak
//! 37/3/2025"); only once every sak exists does such a reference resolve.
use std::collections::HashMap;

use anyhow::{Context, anyhow, bail};
use entity::enums::{ConsultationKind, MeetingStatus, SakStatus};
use sea_orm::DatabaseTransaction;

use super::{
    AccountPeople, AppContext, Summary,
    model::{self, DemoData},
};
use crate::{
    auth::policy::SecretariatWrite,
    codes::{MeetingCode, SakCode},
    service::{
        attendance::{self, AttendanceEntry},
        consultations, council, follow_ups, habilitet,
        meetings::{self, HistoricalState, NewMeeting},
        people, reports,
        saker::{self, NewAttachment, NewPresenter, NewSak, SakChanges, SakType},
        working_groups::{self, NewWorkingGroup, NewWorkingGroupMember},
    },
};

/// Who gets the demo accounts: people the papers name in each role.
const SECRETARIAT_ACCOUNT: &str = "Henrietta Blankson";
const MEMBER_ACCOUNT: &str = "Guri Rørtveit";
const OBSERVER_ACCOUNT: &str = "Hjørdis Møller Sandborg";

/// Names and codes of what has been created, to resolve the file's references.
#[derive(Default)]
struct Ids {
    sectors: HashMap<String, i32>,
    periods: HashMap<String, i32>,
    organisations: HashMap<String, i32>,
    people: HashMap<String, i32>,
    meetings: HashMap<String, i32>,
    /// Sak code → (id, version).
    saker: HashMap<String, (i32, i32)>,
    /// Title and official reference → id.
    documents: HashMap<String, i32>,
    /// (document id, kind) → the round of that kind (the first, if several).
    rounds: HashMap<(i32, ConsultationKind), i32>,
}

fn lookup(map: &HashMap<String, i32>, key: &str, what: &str) -> anyhow::Result<i32> {
    map.get(key)
        .copied()
        .ok_or_else(|| anyhow!("{what} {key:?} is not in the demo data"))
}

impl Ids {
    fn person(&self, name: &str) -> anyhow::Result<i32> {
        lookup(&self.people, name, "person")
    }
    fn organisation(&self, name: &str) -> anyhow::Result<i32> {
        lookup(&self.organisations, name, "organisation")
    }
    fn sak(&self, code: &str) -> anyhow::Result<i32> {
        self.saker
            .get(code)
            .map(|(id, _)| *id)
            .ok_or_else(|| anyhow!("sak {code:?} is not in the demo data"))
    }
    fn meeting(&self, code: &str) -> anyhow::Result<i32> {
        lookup(&self.meetings, code, "meeting")
    }
    fn opt<T>(
        &self,
        key: Option<&str>,
        f: impl Fn(&Self, &str) -> anyhow::Result<T>,
    ) -> anyhow::Result<Option<T>> {
        key.map(|k| f(self, k)).transpose()
    }
}

fn sak_types(types: &[model::SakType]) -> Vec<SakType> {
    types
        .iter()
        .map(|t| match t {
            model::SakType::Vedtak => SakType::Vedtak,
            model::SakType::Diskusjon => SakType::Diskusjon,
            model::SakType::Orientering => SakType::Orientering,
        })
        .collect()
}

/// The papers do not state a sak's status; it follows from the meeting and the minutes.
fn sak_status(meeting: MeetingStatus, s: &model::Sak) -> SakStatus {
    match meeting {
        _ if s.vedtak.is_some() => SakStatus::Treated,
        MeetingStatus::Held => SakStatus::Treated,
        MeetingStatus::NoticePublished => SakStatus::Ready,
        _ => SakStatus::Draft,
    }
}

pub(super) async fn load(
    txn: &DatabaseTransaction,
    proof: &SecretariatWrite,
) -> anyhow::Result<(Summary, AccountPeople)> {
    let data = model::parse(model::HELSEOMSORG21).context("reading the demo data file")?;
    let mut ids = Ids::default();
    council_and_people(txn, proof, &data, &mut ids).await?;
    meetings_and_saker(txn, proof, &data, &mut ids).await?;
    minutes_records(txn, proof, &data, &ids).await?;
    policy_and_groups(txn, proof, &data, &mut ids).await?;
    events_and_publications(txn, proof, &data, &ids).await?;
    meeting_states(txn, proof, &data, &ids).await?;
    let summary = Summary {
        meetings: data.meetings.len(),
        saker: ids.saker.len(),
        people: ids.people.len(),
        attendance: data.meetings.iter().map(|m| m.attendance.len()).sum(),
        working_groups: data.working_groups.len(),
        policy_documents: data.policy_documents.len(),
    };
    let accounts = AccountPeople {
        secretariat: ids.person(SECRETARIAT_ACCOUNT)?,
        member: ids.person(MEMBER_ACCOUNT)?,
        observer: ids.person(OBSERVER_ACCOUNT)?,
    };
    Ok((summary, accounts))
}

async fn council_and_people(
    txn: &DatabaseTransaction,
    proof: &SecretariatWrite,
    data: &DemoData,
    ids: &mut Ids,
) -> anyhow::Result<()> {
    let c = &data.council;
    council::upsert_council(
        txn,
        proof,
        council::CouncilInput {
            name: c.name.clone(),
            short_name: c.short_name.clone(),
            secretariat_organisation: c.secretariat_organisation.clone(),
            default_location: c.default_location.clone(),
            default_room: None,
            default_starts_at: None,
            default_ends_at: None,
        },
    )
    .await
    .app(|| "the council".into())?;
    for (i, s) in data.sectors.iter().enumerate() {
        let row = council::create_sector(
            txn,
            proof,
            council::SectorInput {
                code: s.code.clone(),
                name: s.name.clone(),
                quota: s.quota,
                position: Some(i as i32 + 1),
            },
        )
        .await
        .app(|| format!("sector {}", s.code))?;
        ids.sectors.insert(s.code.clone(), row.id);
    }
    for p in &data.council_periods {
        let row = council::create_council_period(
            txn,
            proof,
            council::CouncilPeriodInput {
                name: p.name.clone(),
                starts_on: p.starts_on,
                ends_on: p.ends_on,
            },
        )
        .await
        .app(|| format!("council period {}", p.name))?;
        ids.periods.insert(p.name.clone(), row.id);
    }
    for o in &data.organisations {
        let row = people::create_organisation(
            txn,
            proof,
            people::OrganisationInput {
                name: o.name.clone(),
                short_name: o.short_name.clone(),
            },
        )
        .await
        .app(|| format!("organisation {}", o.name))?;
        ids.organisations.insert(o.name.clone(), row.id);
    }
    for p in &data.people {
        let row = people::create_person(
            txn,
            proof,
            people::PersonInput {
                name: p.name.clone(),
                email: p.email.clone(),
                phone: None,
                title: p.title.clone(),
                note: None,
            },
        )
        .await
        .app(|| format!("person {}", p.name))?;
        if ids.people.insert(p.name.clone(), row.id).is_some() {
            bail!("person {:?} is listed twice in the demo data", p.name);
        }
        for a in &p.affiliations {
            people::add_affiliation(
                txn,
                proof,
                people::AffiliationInput {
                    person_id: row.id,
                    organisation_id: ids.organisation(&a.organisation)?,
                    title: a.title.clone(),
                    starts_on: a.from,
                    ends_on: a.to,
                },
            )
            .await
            .app(|| format!("{} at {}", p.name, a.organisation))?;
        }
    }
    for a in &data.appointments {
        people::create_appointment(
            txn,
            proof,
            people::AppointmentInput {
                person_id: ids.person(&a.person)?,
                role: a.role,
                sector_id: ids.opt(a.sector.as_deref(), |ids, k| {
                    lookup(&ids.sectors, k, "sector")
                })?,
                organisation_id: ids.opt(a.organisation.as_deref(), Ids::organisation)?,
                council_period_id: ids.opt(a.period.as_deref(), |ids, k| {
                    lookup(&ids.periods, k, "council period")
                })?,
                title: a.title.clone(),
                starts_on: a.starts_on,
                ends_on: a.ends_on,
                note: a.note.clone(),
            },
        )
        .await
        .app(|| format!("appointment of {}", a.person))?;
    }
    Ok(())
}

async fn meetings_and_saker(
    txn: &DatabaseTransaction,
    proof: &SecretariatWrite,
    data: &DemoData,
    ids: &mut Ids,
) -> anyhow::Result<()> {
    for m in &data.meetings {
        let code = MeetingCode::parse(&m.code).app(|| format!("meeting {}", m.code))?;
        let row = meetings::create_meeting(
            txn,
            proof,
            NewMeeting {
                date: m.date,
                number: Some(code.number),
                starts_at: m.starts_at,
                ends_at: m.ends_at,
                location: m.location.clone(),
                room: m.room.clone(),
                format: m.format,
                note: m.note.clone(),
                skeleton: false,
                optional_items: Vec::new(),
                first_sak_number: None,
            },
        )
        .await
        .app(|| format!("meeting {}", m.code))?;
        if row.year != code.year {
            bail!("meeting {} is dated {}, in another year", m.code, m.date);
        }
        ids.meetings.insert(m.code.clone(), row.id);
    }
    // Pass 1: every sak with its number, place, people and attachments.
    for m in &data.meetings {
        let meeting_id = ids.meeting(&m.code)?;
        for (i, s) in m.saker.iter().enumerate() {
            let code = SakCode::parse(&s.code).app(|| format!("sak {}", s.code))?;
            if format!("{}/{}", code.meeting, code.year) != m.code {
                bail!("sak {} is listed under meeting {}", s.code, m.code);
            }
            let from_person_id = ids.opt(s.from.as_deref(), Ids::person)?;
            let row = saker::create_sak(
                txn,
                proof,
                NewSak {
                    meeting_id,
                    number: Some(code.number),
                    position: Some(i as i32 + 1),
                    title: s.title.clone(),
                    types: sak_types(&s.types),
                    standing_kind: s.standing,
                    approves_minutes_of_meeting_id: ids
                        .opt(s.approves_minutes_of.as_deref(), Ids::meeting)?,
                    time_start: s.time_start,
                    time_end: s.time_end,
                    to_text: s.to.clone(),
                    from_person_id,
                    from_text: None,
                    status: Some(sak_status(m.status, s)),
                    added_under_eventuelt: s.added_under_eventuelt,
                    ..NewSak::default()
                },
            )
            .await
            .app(|| format!("sak {}", s.code))?;
            ids.saker.insert(s.code.clone(), (row.id, row.version));
            let officers = s
                .case_officers
                .iter()
                .map(|n| ids.person(n))
                .collect::<anyhow::Result<Vec<_>>>()?;
            saker::set_case_officers(txn, proof, row.id, &officers)
                .await
                .app(|| format!("case officers of sak {}", s.code))?;
            for a in &s.attachments {
                add_attachment(txn, proof, row.id, a)
                    .await
                    .with_context(|| format!("vedlegg {} of sak {}", a.number, s.code))?;
            }
            for p in &s.presenters {
                saker::add_presenter(
                    txn,
                    proof,
                    row.id,
                    NewPresenter {
                        person_id: Some(ids.person(&p.person)?),
                        name_text: None,
                        note: Some(p.note.clone()),
                    },
                )
                .await
                .app(|| format!("presenter of sak {}", s.code))?;
            }
        }
    }
    // Pass 2: references as the papers list them, then the texts (whose sak numbers the
    // service links as further references).
    for m in &data.meetings {
        for s in &m.saker {
            let (sak_id, version) = ids
                .saker
                .get(&s.code)
                .copied()
                .ok_or_else(|| anyhow!("sak {} was not created", s.code))?;
            for r in &s.references {
                // 1/2020 writes "Sak 8/2020" without the meeting; the service wants a full
                // number, which the file gives as the resolved code.
                let written = match (SakCode::parse(&r.as_written), &r.code) {
                    (Ok(_), _) => r.as_written.clone(),
                    (Err(_), Some(code)) => code.clone(),
                    (Err(e), None) => bail!("reference {:?} in sak {}: {e}", r.as_written, s.code),
                };
                saker::add_reference(txn, proof, sak_id, written, r.kind)
                    .await
                    .app(|| format!("reference {:?} in sak {}", r.as_written, s.code))?;
            }
            let updated = saker::update_sak(
                txn,
                proof,
                sak_id,
                version,
                SakChanges {
                    background: Some(s.background.clone()),
                    reason: Some(s.reason.clone()),
                    key_points: Some(s.key_points.clone()),
                    proposed_vedtak: Some(s.proposed_vedtak.clone()),
                    discussion: Some(s.discussion.clone()),
                    vedtak: Some(s.vedtak.clone()),
                    ..SakChanges::default()
                },
            )
            .await
            .app(|| format!("texts of sak {}", s.code))?;
            ids.saker
                .insert(s.code.clone(), (updated.id, updated.version));
        }
    }
    Ok(())
}

/// A vedlegg the papers list: a link, or only its title when the demo has no file for it.
async fn add_attachment(
    txn: &DatabaseTransaction,
    proof: &SecretariatWrite,
    sak_id: i32,
    a: &model::Attachment,
) -> anyhow::Result<()> {
    saker::add_attachment(
        txn,
        proof,
        NewAttachment {
            sak_id: Some(sak_id),
            meeting_id: None,
            number: Some(a.number),
            title: a.title.clone(),
            url: a.url.clone(),
            stored_file_id: None,
        },
    )
    .await
    .app(|| "attachment".into())?;
    Ok(())
}

async fn minutes_records(
    txn: &DatabaseTransaction,
    proof: &SecretariatWrite,
    data: &DemoData,
    ids: &Ids,
) -> anyhow::Result<()> {
    for m in &data.meetings {
        let meeting_id = ids.meeting(&m.code)?;
        if !m.attendance.is_empty() {
            let entries = m
                .attendance
                .iter()
                .map(|a| {
                    Ok(AttendanceEntry {
                        person_id: Some(ids.person(&a.person)?),
                        name_text: None,
                        organisation_text: a.organisation_as_written.clone(),
                        category: a.category,
                        status: a.status,
                        from_sak_id: ids.opt(a.from_sak.as_deref(), Ids::sak)?,
                        to_sak_id: ids.opt(a.to_sak.as_deref(), Ids::sak)?,
                        partial_note: a.partial_note.clone(),
                        only_sak_id: ids.opt(a.only_sak.as_deref(), Ids::sak)?,
                        substitute_for_person_id: ids
                            .opt(a.substitute_for.as_deref(), Ids::person)?,
                        note: a.note.clone(),
                    })
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            attendance::record_attendance(txn, proof, meeting_id, entries)
                .await
                .app(|| format!("attendance of meeting {}", m.code))?;
        }
        for h in &m.habilitet {
            habilitet::assess(
                txn,
                proof,
                ids.sak(&h.sak)?,
                habilitet::Assessment {
                    person_id: ids.person(&h.person)?,
                    outcome: h.outcome,
                    reason: h.reason.clone(),
                    left_room: h.left_room,
                    decided_by: h.decided_by.clone(),
                },
                None,
            )
            .await
            .app(|| format!("habilitet of {} in sak {}", h.person, h.sak))?;
        }
        for f in &m.follow_ups {
            let person = ids.people.get(&f.assignee).copied();
            follow_ups::create(
                txn,
                proof,
                follow_ups::NewFollowUp {
                    sak_id: ids.sak(&f.sak)?,
                    description: f.description.clone(),
                    assignee_person_id: person,
                    // Bodies such as "sekretariatet" or "rådet" are kept as written.
                    assignee_text: person.is_none().then(|| f.assignee.clone()),
                    due_on: f.due_on,
                    status: Some(f.status),
                },
            )
            .await
            .app(|| format!("follow-up of sak {}", f.sak))?;
        }
    }
    Ok(())
}

async fn policy_and_groups(
    txn: &DatabaseTransaction,
    proof: &SecretariatWrite,
    data: &DemoData,
    ids: &mut Ids,
) -> anyhow::Result<()> {
    for d in &data.policy_documents {
        let doc = consultations::create_policy_document(
            txn,
            proof,
            consultations::NewPolicyDocument {
                kind: d.kind,
                reference: d.reference.clone(),
                title: d.title.clone(),
                ministry: d.ministry.clone(),
                url: d.url.clone(),
                summary: d.summary.clone(),
                launch_date: d.launch_date,
                launch_text: d.launch_text.clone(),
                follow_up_proposal: d.follow_up_proposal.clone(),
                decision: d.decision.clone(),
                decided_in_sak_id: ids.opt(d.decided_in_sak.as_deref(), Ids::sak)?,
                on_overview: d.on_overview,
            },
        )
        .await
        .app(|| format!("policy document {}", d.title))?;
        for key in std::iter::once(&d.title).chain(d.reference.as_ref()) {
            if ids.documents.insert(key.clone(), doc.id).is_some() {
                bail!("policy document {key:?} is named twice in the demo data");
            }
        }
        for r in &d.rounds {
            let round = consultations::add_consultation_round(
                txn,
                proof,
                consultations::NewConsultationRound {
                    policy_document_id: doc.id,
                    kind: r.kind,
                    opens_on: None,
                    deadline: r.deadline,
                    deadline_text: r.deadline_text.clone(),
                    response_status: r.status,
                    sent_on: r.sent_on,
                    response_url: r.response_url.clone(),
                    note: Some(r.note.clone()),
                    working_group_id: None,
                },
            )
            .await
            .app(|| format!("consultation round of {}", d.title))?;
            ids.rounds.entry((doc.id, r.kind)).or_insert(round.id);
        }
    }
    for g in &data.working_groups {
        let document = ids.opt(g.policy_document.as_deref(), |ids, k| {
            lookup(&ids.documents, k, "policy document")
        })?;
        let round = match (document, g.answers) {
            (Some(doc), Some(kind)) => {
                Some(ids.rounds.get(&(doc, kind)).copied().ok_or_else(|| {
                    anyhow!(
                        "working group {:?} answers a {kind:?} round that is not in the data",
                        g.name
                    )
                })?)
            }
            (None, Some(_)) => bail!("working group {:?} answers a round of no document", g.name),
            _ => None,
        };
        let members = g
            .members
            .iter()
            .map(|m| {
                Ok(NewWorkingGroupMember {
                    person_id: ids.opt(m.person.as_deref(), Ids::person)?,
                    placeholder: m.placeholder.clone(),
                    role: m.role,
                    starts_on: None,
                    note: m.note.clone(),
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        working_groups::create_working_group(
            txn,
            proof,
            NewWorkingGroup {
                kind: g.kind,
                name: g.name.clone(),
                purpose: Some(g.purpose.clone()),
                established_by_sak_id: ids.opt(g.established_by_sak.as_deref(), Ids::sak)?,
                policy_document_id: document,
                consultation_round_id: round,
                status: g.status,
                starts_on: g.starts_on,
                ends_on: g.ends_on,
                members,
            },
        )
        .await
        .app(|| format!("working group {}", g.name))?;
    }
    Ok(())
}

async fn events_and_publications(
    txn: &DatabaseTransaction,
    proof: &SecretariatWrite,
    data: &DemoData,
    ids: &Ids,
) -> anyhow::Result<()> {
    for e in &data.events {
        reports::create_event(
            txn,
            proof,
            reports::EventInput {
                title: e.title.clone(),
                kind: e.kind,
                role: e.role,
                date: e.date,
                location: e.location.clone(),
                url: e.url.clone(),
                description: Some(e.description.clone()),
            },
        )
        .await
        .app(|| format!("event {}", e.title))?;
    }
    for p in &data.publications {
        reports::create_publication(
            txn,
            proof,
            reports::PublicationInput {
                title: p.title.clone(),
                kind: p.kind,
                outlet: p.outlet.clone(),
                published_on: p.published_on,
                url: p.url.clone(),
                policy_document_id: ids.opt(p.policy_document.as_deref(), |ids, k| {
                    lookup(&ids.documents, k, "policy document")
                })?,
            },
        )
        .await
        .app(|| format!("publication {}", p.title))?;
    }
    Ok(())
}

/// Last: approved minutes lock their meeting against further changes.
async fn meeting_states(
    txn: &DatabaseTransaction,
    proof: &SecretariatWrite,
    data: &DemoData,
    ids: &Ids,
) -> anyhow::Result<()> {
    let dates: HashMap<&str, chrono::NaiveDate> = data
        .meetings
        .iter()
        .map(|m| (m.code.as_str(), m.date))
        .collect();
    for m in &data.meetings {
        let approved_by = m.minutes.approved_by_meeting.as_deref();
        meetings::set_historical_state(
            txn,
            proof,
            ids.meeting(&m.code)?,
            HistoricalState {
                status: m.status,
                notice_published_at: m
                    .notice_published_on
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
                    .map(|t| t.and_utc()),
                minutes_status: m.minutes.status,
                minutes_sent_on: m.minutes.sent_on,
                comment_deadline: m.minutes.comment_deadline,
                minutes_approved_in_meeting_id: ids.opt(approved_by, Ids::meeting)?,
                // Approved at the approving meeting; the papers give no time of day.
                minutes_approved_at: approved_by
                    .and_then(|c| dates.get(c))
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
                    .map(|t| t.and_utc()),
                minutes_published_at: None,
            },
        )
        .await
        .app(|| format!("state of meeting {}", m.code))?;
    }
    Ok(())
}
