//! Synthetic data for benchmarks: `years` of a council's work (six meetings a year, fifteen
//! saker each, about sixty people, attendance and habilitet), generated from a fixed seed
//! so every run produces the same data, and written through the same services as the
//! real papers.
use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use entity::enums::{
    AppointmentRole, AttendanceCategory, AttendanceStatus, ConsultationKind, FollowUpStatus,
    HabilitetOutcome, MeetingFormat, MeetingStatus, MinutesStatus, PolicyDocumentKind,
    ResponseStatus, SakStatus, StandingKind, WorkingGroupKind, WorkingGroupRole,
    WorkingGroupStatus,
};
use rand::{
    Rng, SeedableRng,
    rngs::StdRng,
    seq::{IndexedRandom, SliceRandom},
};
use sea_orm::DatabaseTransaction;

use super::{AccountPeople, AppContext, Summary};
use crate::{
    auth::policy::SecretariatWrite,
    service::{
        attendance::{self, AttendanceEntry},
        consultations, council, follow_ups, habilitet,
        meetings::{self, HistoricalState, NewMeeting},
        people,
        saker::{self, NewSak, SakType},
        working_groups::{self, NewWorkingGroup, NewWorkingGroupMember},
    },
};

const SEED: u64 = 21;
/// The last year generated; fixed so the data does not depend on the clock.
const LAST_YEAR: i32 = 2025;
const MEETING_MONTHS: [u32; 6] = [2, 3, 5, 6, 9, 11];
const OWN_SAKER_PER_MEETING: usize = 6;
const PERIOD_YEARS: i32 = 4;

/// The mandate's composition: 16 seats.
const SECTORS: [(&str, &str, i32); 6] = [
    ("uh", "Universitets- og høgskolesektoren", 2),
    ("spesialist", "Spesialisthelsetjenesten", 2),
    ("kommune", "Kommunesektoren og fastlegene", 3),
    ("institutt", "Instituttsektor", 1),
    ("naering", "Næringslivet", 5),
    ("frivillig", "Frivillig sektor/brukerorganisasjoner", 3),
];

/// Organisations by sector (same order as `SECTORS`).
const SECTOR_ORGANISATIONS: [&[&str]; 6] = [
    &[
        "Universitetet i Oslo",
        "Universitetet i Bergen",
        "NTNU",
        "UiT Norges arktiske universitet",
        "OsloMet",
    ],
    &[
        "Helse Sør-Øst",
        "Helse Vest",
        "Helse Midt-Norge",
        "Helse Nord",
        "St. Olavs hospital",
    ],
    &[
        "KS",
        "Oslo kommune",
        "Bergen kommune",
        "Tromsø kommune",
        "Norsk forening for allmennmedisin",
    ],
    &["Folkehelseinstituttet", "SINTEF", "NORCE"],
    &[
        "Abelia",
        "Legemiddelindustrien",
        "Norway Health Tech",
        "NHO",
        "Medtek Norge",
    ],
    &[
        "Kreftforeningen",
        "Funksjonshemmedes fellesorganisasjon",
        "Nasjonalforeningen for folkehelsen",
        "Mental Helse",
    ],
];
const OBSERVER_ORGANISATIONS: [&str; 3] = [
    "Helse- og omsorgsdepartementet",
    "Kunnskapsdepartementet",
    "Helsedirektoratet",
];
const SECRETARIAT_ORG: &str = "Norges forskningsråd";

const FIRST_NAMES: [&str; 24] = [
    "Anne",
    "Bjørn",
    "Camilla",
    "Dag",
    "Eli",
    "Frode",
    "Gunn",
    "Håkon",
    "Ingrid",
    "Jon",
    "Kari",
    "Lars",
    "Marit",
    "Nils",
    "Oda",
    "Per",
    "Ragnhild",
    "Sindre",
    "Tone",
    "Ulf",
    "Vigdis",
    "Øystein",
    "Åse",
    "Torbjørn",
];
const LAST_NAMES: [&str; 20] = [
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Berg",
    "Haugen",
    "Hagen",
    "Eriksen",
    "Bakken",
    "Solberg",
    "Strand",
    "Dahl",
    "Lie",
    "Moen",
];

const TOPICS: [&str; 30] = [
    "kunstig intelligens i helsetjenesten",
    "sekundærbruk av helsedata",
    "kliniske studier i kommunene",
    "sosial ulikhet i helse",
    "personellsituasjonen i helse- og omsorgstjenesten",
    "helsenæringens eksportmuligheter",
    "psykisk helse blant barn og unge",
    "antimikrobiell resistens",
    "persontilpasset medisin",
    "forebygging og folkehelsearbeid",
    "digital hjemmeoppfølging",
    "kunnskapsberedskap",
    "forskning i primærhelsetjenesten",
    "brukermedvirkning i forskning",
    "innovative anskaffelser",
    "velferdsteknologi i sykehjem",
    "demens og aldring",
    "rusfeltet",
    "tannhelse",
    "samhandling mellom sykehus og kommuner",
    "legemiddelmangel",
    "klimaendringer og helse",
    "global helse",
    "utdanning av helsepersonell",
    "de nasjonale helseregistrene",
    "genteknologi og presisjonsdiagnostikk",
    "rehabilitering",
    "pasientsikkerhet",
    "kreftforskning",
    "helseberedskap",
];

const TEMPLATES: [(&str, &[SakType]); 8] = [
    ("Høringssvar om {}", &[SakType::Vedtak]),
    (
        "Innspill til strategi for {}",
        &[SakType::Diskusjon, SakType::Vedtak],
    ),
    ("Orientering om {}", &[SakType::Orientering]),
    ("Rådets uttalelse om {}", &[SakType::Vedtak]),
    ("Arbeidsgruppe for {}", &[SakType::Vedtak]),
    ("Status for arbeidet med {}", &[SakType::Orientering]),
    ("Diskusjon: {}", &[SakType::Diskusjon]),
    ("Frokostmøte om {}", &[SakType::Diskusjon]),
];

fn date(y: i32, m: u32, d: u32) -> anyhow::Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| anyhow::anyhow!("no date {y}-{m}-{d}"))
}

/// The council meets on the second Wednesday of its months.
fn second_wednesday(year: i32, month: u32) -> anyhow::Result<NaiveDate> {
    let first = date(year, month, 1)?;
    let offset = (7 + Weekday::Wed.num_days_from_monday() as i64
        - first.weekday().num_days_from_monday() as i64)
        % 7;
    Ok(first + Duration::days(offset + 7))
}

fn time(h: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, 0, 0)
}

fn midnight(d: NaiveDate) -> Option<chrono::DateTime<chrono::Utc>> {
    d.and_hms_opt(0, 0, 0).map(|t| t.and_utc())
}

struct Member {
    person_id: i32,
    name: String,
}

/// A council period and who holds its 16 seats.
struct Period {
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    members: Vec<Member>,
}

struct MeetingDone {
    id: i32,
    date: NaiveDate,
}

pub(super) async fn load(
    txn: &DatabaseTransaction,
    proof: &SecretariatWrite,
    years: u32,
) -> anyhow::Result<(Summary, AccountPeople)> {
    let mut rng = StdRng::seed_from_u64(SEED);
    let first_year = LAST_YEAR - years as i32 + 1;
    let mut summary = Summary::default();

    council::upsert_council(
        txn,
        proof,
        council::CouncilInput {
            name: "Syntetisk råd for helseforskning".into(),
            short_name: "Syntetisk råd".into(),
            secretariat_organisation: Some(SECRETARIAT_ORG.into()),
            default_location: Some("Forskningsrådets lokaler, Drammensveien 288".into()),
            default_room: None,
            default_starts_at: time(10),
            default_ends_at: time(15),
        },
    )
    .await
    .app(|| "the council".into())?;

    // Names: every first × last combination, shuffled, taken in order (all distinct).
    let mut names: Vec<String> = FIRST_NAMES
        .iter()
        .flat_map(|f| LAST_NAMES.iter().map(move |l| format!("{f} {l}")))
        .collect();
    names.shuffle(&mut rng);
    let mut names = names.into_iter();
    let mut next_person = async |title: Option<&str>, summary: &mut Summary| {
        let name = names
            .next()
            .ok_or_else(|| anyhow::anyhow!("ran out of synthetic names"))?;
        let p = people::create_person(
            txn,
            proof,
            people::PersonInput {
                name: name.clone(),
                email: None,
                phone: None,
                title: title.map(str::to_owned),
                note: None,
            },
        )
        .await
        .app(|| format!("person {name}"))?;
        summary.people += 1;
        anyhow::Ok(Member {
            person_id: p.id,
            name,
        })
    };

    let mut sector_ids = Vec::new();
    for (i, (code, name, quota)) in SECTORS.iter().enumerate() {
        let s = council::create_sector(
            txn,
            proof,
            council::SectorInput {
                code: (*code).into(),
                name: (*name).into(),
                quota: *quota,
                position: Some(i as i32 + 1),
            },
        )
        .await
        .app(|| format!("sector {code}"))?;
        sector_ids.push(s.id);
    }
    // Seat s of the 16 belongs to the sector whose quota range covers it.
    let seat_sector: Vec<usize> = SECTORS
        .iter()
        .enumerate()
        .flat_map(|(i, (_, _, q))| std::iter::repeat_n(i, *q as usize))
        .collect();

    // Each organisation once, up front; seats and observers then refer to them by name.
    let mut organisations: HashMap<&str, i32> = HashMap::new();
    let all_organisations = SECTOR_ORGANISATIONS
        .iter()
        .flat_map(|orgs| orgs.iter())
        .chain(OBSERVER_ORGANISATIONS.iter())
        .chain(std::iter::once(&SECRETARIAT_ORG));
    for name in all_organisations {
        let o = people::create_organisation(
            txn,
            proof,
            people::OrganisationInput {
                name: (*name).into(),
                short_name: None,
            },
        )
        .await
        .app(|| format!("organisation {name}"))?;
        organisations.insert(name, o.id);
    }
    let org = |name: &str| {
        organisations
            .get(name)
            .copied()
            .ok_or_else(|| anyhow::anyhow!("organisation {name} was not created"))
    };

    // Periods of four years; half the seats are renewed each period.
    let mut periods: Vec<Period> = Vec::new();
    let mut start = first_year;
    while start <= LAST_YEAR {
        let end = start + PERIOD_YEARS - 1;
        let row = council::create_council_period(
            txn,
            proof,
            council::CouncilPeriodInput {
                name: format!("{start}–{end}"),
                starts_on: date(start, 1, 1)?,
                ends_on: Some(date(end, 12, 31)?),
            },
        )
        .await
        .app(|| format!("period {start}"))?;
        let mut members = Vec::with_capacity(seat_sector.len());
        for (seat, sector) in seat_sector.iter().enumerate() {
            let continuing = periods.last().filter(|_| seat % 2 == 0);
            let member = match continuing {
                Some(prev) => Member {
                    person_id: prev.members[seat].person_id,
                    name: prev.members[seat].name.clone(),
                },
                None => next_person(None, &mut summary).await?,
            };
            let orgs = SECTOR_ORGANISATIONS[*sector];
            let organisation_id = org(orgs[seat % orgs.len()])?;
            if continuing.is_none() {
                people::add_affiliation(
                    txn,
                    proof,
                    people::AffiliationInput {
                        person_id: member.person_id,
                        organisation_id,
                        title: None,
                        starts_on: None,
                        ends_on: None,
                    },
                )
                .await
                .app(|| format!("affiliation of {}", member.name))?;
            }
            people::create_appointment(
                txn,
                proof,
                people::AppointmentInput {
                    person_id: member.person_id,
                    role: if seat == 0 {
                        AppointmentRole::Chair
                    } else {
                        AppointmentRole::Member
                    },
                    sector_id: Some(sector_ids[*sector]),
                    organisation_id: Some(organisation_id),
                    council_period_id: Some(row.id),
                    title: None,
                    starts_on: None,
                    ends_on: None,
                    note: None,
                },
            )
            .await
            .app(|| format!("appointment of {}", member.name))?;
            members.push(member);
        }
        periods.push(Period {
            starts_on: row.starts_on,
            ends_on: row.ends_on.unwrap_or(row.starts_on),
            members,
        });
        start = end + 1;
    }

    let mut observers = Vec::new();
    for i in 0..8 {
        let m = next_person(Some("seniorrådgiver"), &mut summary).await?;
        let organisation_id = org(OBSERVER_ORGANISATIONS[i % OBSERVER_ORGANISATIONS.len()])?;
        people::create_appointment(
            txn,
            proof,
            people::AppointmentInput {
                person_id: m.person_id,
                role: AppointmentRole::Observer,
                sector_id: None,
                organisation_id: Some(organisation_id),
                council_period_id: None,
                title: None,
                starts_on: None,
                ends_on: None,
                note: None,
            },
        )
        .await
        .app(|| format!("observer {}", m.name))?;
        observers.push(m);
    }
    let secretariat_org = org(SECRETARIAT_ORG)?;
    let mut secretariat = Vec::new();
    for i in 0..8 {
        let title = match i {
            0 => "avdelingsdirektør",
            1..=4 => "spesialrådgiver",
            _ => "rådgiver",
        };
        let m = next_person(Some(title), &mut summary).await?;
        people::create_appointment(
            txn,
            proof,
            people::AppointmentInput {
                person_id: m.person_id,
                role: AppointmentRole::Secretariat,
                sector_id: None,
                organisation_id: Some(secretariat_org),
                council_period_id: None,
                title: Some(title.into()),
                starts_on: None,
                ends_on: None,
                note: None,
            },
        )
        .await
        .app(|| format!("secretariat {}", m.name))?;
        secretariat.push(m);
    }
    let mut guests = Vec::new();
    for _ in 0..12 {
        guests.push(next_person(Some("professor"), &mut summary).await?);
    }

    let mut done: Vec<MeetingDone> = Vec::new();
    for year in first_year..=LAST_YEAR {
        let mut year_groups = 0;
        for (i, month) in MEETING_MONTHS.iter().enumerate() {
            let day = second_wednesday(year, *month)?;
            let period = periods
                .iter()
                .find(|p| p.starts_on <= day && day <= p.ends_on)
                .ok_or_else(|| anyhow::anyhow!("no period covers {day}"))?;
            let m = meetings::create_meeting(
                txn,
                proof,
                NewMeeting {
                    date: day,
                    number: Some(i as i32 + 1),
                    starts_at: time(10),
                    ends_at: time(15),
                    location: Some("Forskningsrådets lokaler, Drammensveien 288".into()),
                    room: None,
                    format: if rng.random_bool(0.3) {
                        MeetingFormat::Hybrid
                    } else {
                        MeetingFormat::Physical
                    },
                    note: None,
                    skeleton: true,
                    optional_items: vec![
                        StandingKind::OutstandingItems,
                        StandingKind::OngoingStatus,
                        StandingKind::PolicyOverview,
                    ],
                    first_sak_number: None,
                },
            )
            .await
            .app(|| format!("meeting {}/{year}", i + 1))?;
            summary.meetings += 1;
            let head = &secretariat[0];
            let mut own = Vec::new();
            for _ in 0..OWN_SAKER_PER_MEETING {
                let topic = TOPICS.choose(&mut rng).copied().unwrap_or(TOPICS[0]);
                let (template, types) = TEMPLATES.choose(&mut rng).copied().unwrap_or(TEMPLATES[0]);
                let title = template.replace("{}", topic);
                let s = saker::create_sak(
                    txn,
                    proof,
                    NewSak {
                        meeting_id: m.id,
                        title: title.clone(),
                        types: types.to_vec(),
                        to_text: Some(saker::DEFAULT_TO.into()),
                        from_person_id: Some(head.person_id),
                        background: Some(format!(
                            "Rådet har tidligere drøftet {topic}. Sekretariatet har samlet status og aktuelle dokumenter."
                        )),
                        reason: Some(format!("Rådet bes om å drøfte {topic} og gi sine råd.")),
                        key_points: Some(format!(
                            "• Kunnskapsstatus for {topic}\n• Hva rådet kan bidra med\n• Forslag til videre oppfølging"
                        )),
                        proposed_vedtak: Some("Rådet tar saken til orientering og ber sekretariatet følge opp innspillene fra møtet.".into()),
                        discussion: Some(format!(
                            "Rådet diskuterte {topic}. Flere medlemmer pekte på behovet for bedre samordning og mer forskning."
                        )),
                        vedtak: Some("Rådet ber sekretariatet følge opp innspillene fra møtet.".into()),
                        status: Some(SakStatus::Treated),
                        ..NewSak::default()
                    },
                )
                .await
                .app(|| format!("sak «{title}»"))?;
                let how_many = rng.random_range(1..=2);
                let officers: Vec<i32> = secretariat[1..]
                    .choose_multiple(&mut rng, how_many)
                    .map(|p| p.person_id)
                    .collect();
                saker::set_case_officers(txn, proof, s.id, &officers)
                    .await
                    .app(|| format!("case officers of «{title}»"))?;
                own.push((s, topic, template));
            }
            // Numbers in agenda order, as the council numbers its saker.
            let agenda = saker::renumber_agenda(txn, proof, m.id, None)
                .await
                .app(|| format!("numbering meeting {}/{year}", i + 1))?;
            summary.saker += agenda.len();
            let own_ids: Vec<i32> = own.iter().map(|(s, _, _)| s.id).collect();

            // Attendance: the period's members, some observers, the secretariat, a guest.
            let mut entries = Vec::new();
            for member in &period.members {
                let roll: f64 = rng.random();
                let status = if roll < 0.1 {
                    AttendanceStatus::Absent
                } else if roll < 0.2 {
                    AttendanceStatus::Digital
                } else {
                    AttendanceStatus::Present
                };
                let late = status != AttendanceStatus::Absent && rng.random_bool(0.05);
                entries.push(AttendanceEntry {
                    person_id: Some(member.person_id),
                    name_text: None,
                    organisation_text: None,
                    category: AttendanceCategory::Member,
                    status,
                    from_sak_id: late.then(|| own_ids[0]),
                    to_sak_id: None,
                    partial_note: None,
                    only_sak_id: None,
                    substitute_for_person_id: None,
                    note: None,
                });
            }
            for o in observers.choose_multiple(&mut rng, 4) {
                entries.push(AttendanceEntry {
                    person_id: Some(o.person_id),
                    name_text: None,
                    organisation_text: None,
                    category: AttendanceCategory::Observer,
                    status: if rng.random_bool(0.3) {
                        AttendanceStatus::Digital
                    } else {
                        AttendanceStatus::Present
                    },
                    from_sak_id: None,
                    to_sak_id: None,
                    partial_note: rng.random_bool(0.2).then(|| "deler av møtet".to_owned()),
                    only_sak_id: None,
                    substitute_for_person_id: None,
                    note: None,
                });
            }
            for s in secretariat.iter().take(4) {
                entries.push(AttendanceEntry {
                    person_id: Some(s.person_id),
                    name_text: None,
                    organisation_text: Some(SECRETARIAT_ORG.into()),
                    category: AttendanceCategory::Secretariat,
                    status: AttendanceStatus::Present,
                    from_sak_id: None,
                    to_sak_id: None,
                    partial_note: None,
                    only_sak_id: None,
                    substitute_for_person_id: None,
                    note: None,
                });
            }
            if let Some(guest) = guests.choose(&mut rng) {
                let sak_id = own_ids[rng.random_range(0..own_ids.len())];
                saker::add_presenter(
                    txn,
                    proof,
                    sak_id,
                    saker::NewPresenter {
                        person_id: Some(guest.person_id),
                        name_text: None,
                        note: Some("la frem hovedresultatene".into()),
                    },
                )
                .await
                .app(|| format!("presenter {}", guest.name))?;
                entries.push(AttendanceEntry {
                    person_id: Some(guest.person_id),
                    name_text: None,
                    organisation_text: None,
                    category: AttendanceCategory::Guest,
                    status: AttendanceStatus::Present,
                    from_sak_id: None,
                    to_sak_id: None,
                    partial_note: None,
                    only_sak_id: Some(sak_id),
                    substitute_for_person_id: None,
                    note: None,
                });
            }
            summary.attendance += entries.len();
            attendance::record_attendance(txn, proof, m.id, entries)
                .await
                .app(|| format!("attendance of meeting {}/{year}", i + 1))?;

            // Habilitet: now and then a member declares an interest in one of the saker.
            if rng.random_bool(0.4) {
                let member = period
                    .members
                    .choose(&mut rng)
                    .ok_or_else(|| anyhow::anyhow!("a period without members"))?;
                let inhabil = rng.random_bool(0.3);
                habilitet::assess(
                    txn,
                    proof,
                    own_ids[rng.random_range(0..own_ids.len())],
                    habilitet::Assessment {
                        person_id: member.person_id,
                        outcome: if inhabil {
                            HabilitetOutcome::Inhabil
                        } else {
                            HabilitetOutcome::NotInhabil
                        },
                        reason: Some(if inhabil {
                            format!("{} er styremedlem i en virksomhet som berøres direkte av saken.", member.name)
                        } else {
                            format!("{} har særinteresser i saken, men ikke i en form som medfører inhabilitet.", member.name)
                        }),
                        left_room: inhabil,
                        decided_by: Some("rådet".into()),
                    },
                    None,
                )
                .await
                .app(|| format!("habilitet in meeting {}/{year}", i + 1))?;
            }

            let (first_own, topic, _) = &own[0];
            follow_ups::create(
                txn,
                proof,
                follow_ups::NewFollowUp {
                    sak_id: first_own.id,
                    description: format!("Følge opp innspillene om {topic}."),
                    assignee_person_id: None,
                    assignee_text: Some("sekretariatet".into()),
                    due_on: Some(day + Duration::days(60)),
                    status: Some(if year < LAST_YEAR {
                        FollowUpStatus::Done
                    } else {
                        FollowUpStatus::Open
                    }),
                },
            )
            .await
            .app(|| format!("follow-up in meeting {}/{year}", i + 1))?;

            // Twice a year a høring arrives and a working group answers it.
            if let Some((sak, topic, _)) = own
                .iter()
                .find(|(_, _, t)| t.starts_with("Arbeidsgruppe") || t.starts_with("Høringssvar"))
                .filter(|_| year_groups < 2)
            {
                year_groups += 1;
                let doc = consultations::create_policy_document(
                    txn,
                    proof,
                    consultations::NewPolicyDocument {
                        kind: PolicyDocumentKind::Strategi,
                        reference: None,
                        title: format!("Nasjonal strategi for {topic} ({year})"),
                        ministry: Some(OBSERVER_ORGANISATIONS[0].into()),
                        url: None,
                        summary: None,
                        launch_date: Some(day - Duration::days(30)),
                        launch_text: None,
                        follow_up_proposal: Some(
                            "Sekretariatet foreslår at rådet avgir høringssvar.".into(),
                        ),
                        decision: None,
                        decided_in_sak_id: Some(sak.id),
                        on_overview: year == LAST_YEAR,
                    },
                )
                .await
                .app(|| format!("policy document in {year}"))?;
                summary.policy_documents += 1;
                let round = consultations::add_consultation_round(
                    txn,
                    proof,
                    consultations::NewConsultationRound {
                        policy_document_id: doc.id,
                        kind: ConsultationKind::Hoering,
                        opens_on: Some(day - Duration::days(30)),
                        deadline: Some(day + Duration::days(60)),
                        deadline_text: None,
                        response_status: if year < LAST_YEAR {
                            ResponseStatus::Sent
                        } else {
                            ResponseStatus::Drafting
                        },
                        sent_on: (year < LAST_YEAR).then(|| day + Duration::days(55)),
                        response_url: None,
                        note: None,
                        working_group_id: None,
                    },
                )
                .await
                .app(|| format!("høring in {year}"))?;
                let members = period
                    .members
                    .choose_multiple(&mut rng, 3)
                    .enumerate()
                    .map(|(k, p)| NewWorkingGroupMember {
                        person_id: Some(p.person_id),
                        placeholder: None,
                        role: if k == 0 {
                            WorkingGroupRole::Leader
                        } else {
                            WorkingGroupRole::Member
                        },
                        starts_on: None,
                        note: None,
                    })
                    .collect();
                working_groups::create_working_group(
                    txn,
                    proof,
                    NewWorkingGroup {
                        kind: WorkingGroupKind::Arbeidsgruppe,
                        name: format!("Arbeidsgruppe for høringssvar om {topic} ({year})"),
                        purpose: Some(format!("Utarbeide rådets høringssvar om {topic}.")),
                        established_by_sak_id: Some(sak.id),
                        policy_document_id: Some(doc.id),
                        consultation_round_id: Some(round.id),
                        status: if year < LAST_YEAR {
                            WorkingGroupStatus::Finished
                        } else {
                            WorkingGroupStatus::Active
                        },
                        starts_on: Some(day),
                        ends_on: (year < LAST_YEAR).then(|| day + Duration::days(60)),
                        members,
                    },
                )
                .await
                .app(|| format!("working group in {year}"))?;
                summary.working_groups += 1;
            }
            done.push(MeetingDone {
                id: m.id,
                date: day,
            });
        }
    }

    // Minutes: each approved (and published) by the next meeting; the last still a draft.
    for (i, m) in done.iter().enumerate() {
        let next = done.get(i + 1);
        meetings::set_historical_state(
            txn,
            proof,
            m.id,
            HistoricalState {
                status: MeetingStatus::Held,
                notice_published_at: midnight(m.date - Duration::days(14)),
                minutes_status: if next.is_some() {
                    MinutesStatus::Published
                } else {
                    MinutesStatus::Draft
                },
                minutes_sent_on: next.map(|_| m.date + Duration::days(10)),
                comment_deadline: next.map(|_| m.date + Duration::days(20)),
                minutes_approved_in_meeting_id: next.map(|n| n.id),
                minutes_approved_at: next.and_then(|n| midnight(n.date)),
                minutes_published_at: next.and_then(|n| midnight(n.date + Duration::days(7))),
            },
        )
        .await
        .app(|| format!("state of meeting {}", m.date))?;
    }

    let last = periods
        .last()
        .ok_or_else(|| anyhow::anyhow!("no council period generated"))?;
    let accounts = AccountPeople {
        secretariat: secretariat[0].person_id,
        member: last.members[1].person_id,
        observer: observers[0].person_id,
    };
    Ok((summary, accounts))
}
