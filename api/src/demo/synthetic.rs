//! Synthetic data for benchmarks: `years` of a council's work (six meetings a year, fifteen
//! saker each, about sixty people, attendance and habilitet), generated from a fixed seed
//! so every run produces the same data, and written through the same services as the
//! real papers.
use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use entity::enums::{
    AppointmentRole, AttendanceCategory, AttendanceStatus, ConsultationKind, EventKind, EventRole,
    FollowUpStatus, HabilitetOutcome, MeetingFormat, MeetingStatus, MinutesStatus,
    PolicyDocumentKind, PublicationKind, ResponseStatus, SakStatus, StandingKind, WorkingGroupKind,
    WorkingGroupRole, WorkingGroupStatus,
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
        people, reports,
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
const LOCATION: &str = "Forskningsrådets lokaler, Drammensveien 288";
const FOLLOW_UP_VEDTAK: &str = "Rådet ber sekretariatet følge opp innspillene fra møtet.";

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

#[derive(Clone)]
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

/// Everyone the generated meetings draw on.
struct Cast {
    periods: Vec<Period>,
    observers: Vec<Member>,
    /// The head of the secretariat first ("Fra" on every sak).
    secretariat: Vec<Member>,
    guests: Vec<Member>,
}

/// A sak of the meeting's own (not a standing item), with what it is about.
struct OwnSak {
    id: i32,
    topic: &'static str,
    template: &'static str,
}

struct Generator<'a> {
    txn: &'a DatabaseTransaction,
    proof: &'a SecretariatWrite,
    rng: StdRng,
    names: std::vec::IntoIter<String>,
    organisations: HashMap<&'static str, i32>,
    summary: Summary,
}

pub(super) async fn load(
    txn: &DatabaseTransaction,
    proof: &SecretariatWrite,
    years: u32,
) -> anyhow::Result<(Summary, AccountPeople)> {
    let mut rng = StdRng::seed_from_u64(SEED);
    // Every first × last name combination, shuffled and taken in order: all distinct.
    let mut names: Vec<String> = FIRST_NAMES
        .iter()
        .flat_map(|f| LAST_NAMES.iter().map(move |l| format!("{f} {l}")))
        .collect();
    names.shuffle(&mut rng);
    let mut g = Generator {
        txn,
        proof,
        rng,
        names: names.into_iter(),
        organisations: HashMap::new(),
        summary: Summary::default(),
    };
    let first_year = LAST_YEAR - years as i32 + 1;
    g.council().await?;
    let cast = g.cast(first_year).await?;
    let mut held = Vec::new();
    for year in first_year..=LAST_YEAR {
        let mut hearings = 0;
        for (i, month) in MEETING_MONTHS.iter().enumerate() {
            let day = second_wednesday(year, *month)?;
            let (meeting_id, own) = g.meeting(&cast, day, i as i32 + 1).await?;
            // Twice a year a høring arrives and a working group answers it.
            let hearing_sak = own.iter().find(|s| {
                s.template.starts_with("Arbeidsgruppe") || s.template.starts_with("Høringssvar")
            });
            if let Some(sak) = hearing_sak.filter(|_| hearings < 2) {
                hearings += 1;
                g.hearing(&cast, sak, day).await?;
            }
            held.push((meeting_id, day));
        }
        g.year_events(year).await?;
    }
    g.minutes(&held).await?;
    let last = cast
        .periods
        .last()
        .ok_or_else(|| anyhow::anyhow!("no council period generated"))?;
    let first = |list: &[Member]| {
        list.first()
            .map(|m| m.person_id)
            .ok_or_else(|| anyhow::anyhow!("an empty list of people"))
    };
    let accounts = AccountPeople {
        secretariat: first(&cast.secretariat)?,
        // Seat 0 is the chair; the member account is an ordinary member.
        member: first(last.members.get(1..).unwrap_or_default())?,
        observer: first(&cast.observers)?,
    };
    Ok((g.summary, accounts))
}

impl Generator<'_> {
    async fn council(&mut self) -> anyhow::Result<()> {
        council::upsert_council(
            self.txn,
            self.proof,
            council::CouncilInput {
                name: "Syntetisk råd for helseforskning".into(),
                short_name: "Syntetisk råd".into(),
                secretariat_organisation: Some(SECRETARIAT_ORG.into()),
                default_location: Some(LOCATION.into()),
                default_room: None,
                default_starts_at: time(10),
                default_ends_at: time(15),
            },
        )
        .await
        .app(|| "the council".into())?;
        let all = SECTOR_ORGANISATIONS
            .iter()
            .flat_map(|orgs| orgs.iter())
            .chain(OBSERVER_ORGANISATIONS.iter())
            .chain(std::iter::once(&SECRETARIAT_ORG));
        for name in all {
            let o = people::create_organisation(
                self.txn,
                self.proof,
                people::OrganisationInput {
                    name: (*name).into(),
                    short_name: None,
                },
            )
            .await
            .app(|| format!("organisation {name}"))?;
            self.organisations.insert(name, o.id);
        }
        Ok(())
    }

    fn organisation(&self, name: &str) -> anyhow::Result<i32> {
        self.organisations
            .get(name)
            .copied()
            .ok_or_else(|| anyhow::anyhow!("organisation {name} was not created"))
    }

    async fn person(&mut self, title: Option<&str>) -> anyhow::Result<Member> {
        let name = self
            .names
            .next()
            .ok_or_else(|| anyhow::anyhow!("ran out of synthetic names"))?;
        let p = people::create_person(
            self.txn,
            self.proof,
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
        self.summary.people += 1;
        Ok(Member {
            person_id: p.id,
            name,
        })
    }

    async fn appoint(
        &self,
        who: &Member,
        role: AppointmentRole,
        organisation_id: i32,
        sector_id: Option<i32>,
        period_id: Option<i32>,
        title: Option<&str>,
    ) -> anyhow::Result<()> {
        people::create_appointment(
            self.txn,
            self.proof,
            people::AppointmentInput {
                person_id: who.person_id,
                role,
                sector_id,
                organisation_id: Some(organisation_id),
                council_period_id: period_id,
                title: title.map(str::to_owned),
                starts_on: None,
                ends_on: None,
                note: None,
            },
        )
        .await
        .app(|| format!("appointment of {}", who.name))?;
        Ok(())
    }

    /// Sectors, four-year periods with 16 seats (half renewed each period), observers, the
    /// secretariat and guests.
    async fn cast(&mut self, first_year: i32) -> anyhow::Result<Cast> {
        let mut sector_ids = Vec::new();
        for (i, (code, name, quota)) in SECTORS.iter().enumerate() {
            let s = council::create_sector(
                self.txn,
                self.proof,
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
        // Seat s belongs to the sector whose share of the 16 seats covers it.
        let seat_sector: Vec<usize> = SECTORS
            .iter()
            .enumerate()
            .flat_map(|(i, (_, _, q))| std::iter::repeat_n(i, *q as usize))
            .collect();
        let mut periods: Vec<Period> = Vec::new();
        let mut start = first_year;
        while start <= LAST_YEAR {
            let end = start + PERIOD_YEARS - 1;
            let period = council::create_council_period(
                self.txn,
                self.proof,
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
                let orgs = SECTOR_ORGANISATIONS[*sector];
                let organisation_id = self.organisation(orgs[seat % orgs.len()])?;
                let continuing = periods
                    .last()
                    .filter(|_| seat % 2 == 0)
                    .and_then(|prev| prev.members.get(seat))
                    .cloned();
                let member = match continuing {
                    Some(m) => m,
                    None => {
                        let m = self.person(None).await?;
                        people::add_affiliation(
                            self.txn,
                            self.proof,
                            people::AffiliationInput {
                                person_id: m.person_id,
                                organisation_id,
                                title: None,
                                starts_on: None,
                                ends_on: None,
                            },
                        )
                        .await
                        .app(|| format!("affiliation of {}", m.name))?;
                        m
                    }
                };
                let role = if seat == 0 {
                    AppointmentRole::Chair
                } else {
                    AppointmentRole::Member
                };
                let sector_id = sector_ids.get(*sector).copied();
                self.appoint(
                    &member,
                    role,
                    organisation_id,
                    sector_id,
                    Some(period.id),
                    None,
                )
                .await?;
                members.push(member);
            }
            periods.push(Period {
                starts_on: period.starts_on,
                ends_on: period.ends_on.unwrap_or(period.starts_on),
                members,
            });
            start = end + 1;
        }
        let mut observers = Vec::new();
        for i in 0..8 {
            let m = self.person(Some("seniorrådgiver")).await?;
            let org =
                self.organisation(OBSERVER_ORGANISATIONS[i % OBSERVER_ORGANISATIONS.len()])?;
            self.appoint(&m, AppointmentRole::Observer, org, None, None, None)
                .await?;
            observers.push(m);
        }
        let secretariat_org = self.organisation(SECRETARIAT_ORG)?;
        let mut secretariat = Vec::new();
        for i in 0..8 {
            let title = match i {
                0 => "avdelingsdirektør",
                1..=4 => "spesialrådgiver",
                _ => "rådgiver",
            };
            let m = self.person(Some(title)).await?;
            let role = AppointmentRole::Secretariat;
            self.appoint(&m, role, secretariat_org, None, None, Some(title))
                .await?;
            secretariat.push(m);
        }
        let mut guests = Vec::new();
        for _ in 0..12 {
            guests.push(self.person(Some("professor")).await?);
        }
        Ok(Cast {
            periods,
            observers,
            secretariat,
            guests,
        })
    }

    /// A meeting from the standing skeleton, its own saker, attendance, now and then a
    /// habilitet assessment, and a follow-up item.
    async fn meeting(
        &mut self,
        cast: &Cast,
        day: NaiveDate,
        number: i32,
    ) -> anyhow::Result<(i32, Vec<OwnSak>)> {
        let code = format!("{number}/{}", day.year());
        let period = cast
            .periods
            .iter()
            .find(|p| p.starts_on <= day && day <= p.ends_on)
            .ok_or_else(|| anyhow::anyhow!("no period covers {day}"))?;
        let format = if self.rng.random_bool(0.3) {
            MeetingFormat::Hybrid
        } else {
            MeetingFormat::Physical
        };
        let m = meetings::create_meeting(
            self.txn,
            self.proof,
            NewMeeting {
                date: day,
                number: Some(number),
                starts_at: time(10),
                ends_at: time(15),
                location: Some(LOCATION.into()),
                room: None,
                format,
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
        .app(|| format!("meeting {code}"))?;
        self.summary.meetings += 1;
        let mut own = Vec::with_capacity(OWN_SAKER_PER_MEETING);
        for _ in 0..OWN_SAKER_PER_MEETING {
            own.push(self.own_sak(cast, m.id).await?);
        }
        // Numbers in agenda order, as the council numbers its saker.
        let agenda = saker::renumber_agenda(self.txn, self.proof, m.id, None)
            .await
            .app(|| format!("numbering meeting {code}"))?;
        self.summary.saker += agenda.len();
        self.attendance(cast, period, m.id, &own).await?;
        if self.rng.random_bool(0.4) {
            self.habilitet(period, &own).await?;
        }
        if let Some(first) = own.first() {
            let done = day.year() < LAST_YEAR;
            follow_ups::create(
                self.txn,
                self.proof,
                follow_ups::NewFollowUp {
                    sak_id: first.id,
                    description: format!("Følge opp innspillene om {}.", first.topic),
                    assignee_person_id: None,
                    assignee_text: Some("sekretariatet".into()),
                    due_on: Some(day + Duration::days(60)),
                    status: Some(if done {
                        FollowUpStatus::Done
                    } else {
                        FollowUpStatus::Open
                    }),
                },
            )
            .await
            .app(|| format!("follow-up in meeting {code}"))?;
        }
        Ok((m.id, own))
    }

    async fn own_sak(&mut self, cast: &Cast, meeting_id: i32) -> anyhow::Result<OwnSak> {
        let topic = TOPICS.choose(&mut self.rng).copied().unwrap_or(TOPICS[0]);
        let (template, types) = TEMPLATES
            .choose(&mut self.rng)
            .copied()
            .unwrap_or(TEMPLATES[0]);
        let title = template.replace("{}", topic);
        let head = cast.secretariat.first().map(|p| p.person_id);
        let s = saker::create_sak(
            self.txn,
            self.proof,
            NewSak {
                meeting_id,
                title: title.clone(),
                types: types.to_vec(),
                to_text: None,
                from_person_id: head,
                background: Some(format!(
                    "Rådet har tidligere drøftet {topic}. \
                     Sekretariatet har samlet status og aktuelle dokumenter."
                )),
                reason: Some(format!("Rådet bes om å drøfte {topic} og gi sine råd.")),
                key_points: Some(format!(
                    "• Kunnskapsstatus for {topic}\n• Hva rådet kan bidra med\n\
                     • Forslag til videre oppfølging"
                )),
                proposed_vedtak: Some(FOLLOW_UP_VEDTAK.into()),
                discussion: Some(format!(
                    "Rådet diskuterte {topic}. Flere medlemmer pekte på behovet for bedre \
                     samordning og mer forskning."
                )),
                vedtak: Some(FOLLOW_UP_VEDTAK.into()),
                status: Some(SakStatus::Treated),
                ..NewSak::default()
            },
        )
        .await
        .app(|| format!("sak «{title}»"))?;
        let how_many = self.rng.random_range(1..=2);
        let officers: Vec<i32> = cast
            .secretariat
            .get(1..)
            .unwrap_or_default()
            .choose_multiple(&mut self.rng, how_many)
            .map(|p| p.person_id)
            .collect();
        saker::set_case_officers(self.txn, self.proof, s.id, &officers)
            .await
            .app(|| format!("case officers of «{title}»"))?;
        Ok(OwnSak {
            id: s.id,
            topic,
            template,
        })
    }

    /// The period's members (some digital, some with forfall, a few arriving late), four
    /// observers, the secretariat, and a guest who presents one sak.
    async fn attendance(
        &mut self,
        cast: &Cast,
        period: &Period,
        meeting_id: i32,
        own: &[OwnSak],
    ) -> anyhow::Result<()> {
        let entry = |person_id, category, status| AttendanceEntry {
            person_id: Some(person_id),
            name_text: None,
            organisation_text: None,
            category,
            status,
            from_sak_id: None,
            to_sak_id: None,
            partial_note: None,
            only_sak_id: None,
            substitute_for_person_id: None,
            note: None,
        };
        let mut entries = Vec::new();
        for member in &period.members {
            let roll: f64 = self.rng.random();
            let status = if roll < 0.1 {
                AttendanceStatus::Absent
            } else if roll < 0.2 {
                AttendanceStatus::Digital
            } else {
                AttendanceStatus::Present
            };
            let late = status != AttendanceStatus::Absent && self.rng.random_bool(0.05);
            entries.push(AttendanceEntry {
                from_sak_id: own.first().map(|s| s.id).filter(|_| late),
                ..entry(member.person_id, AttendanceCategory::Member, status)
            });
        }
        for o in cast.observers.choose_multiple(&mut self.rng, 4) {
            let status = if self.rng.random_bool(0.3) {
                AttendanceStatus::Digital
            } else {
                AttendanceStatus::Present
            };
            let partial = self.rng.random_bool(0.2);
            entries.push(AttendanceEntry {
                partial_note: partial.then(|| "deler av møtet".to_owned()),
                ..entry(o.person_id, AttendanceCategory::Observer, status)
            });
        }
        for s in cast.secretariat.iter().take(4) {
            entries.push(AttendanceEntry {
                organisation_text: Some(SECRETARIAT_ORG.into()),
                ..entry(
                    s.person_id,
                    AttendanceCategory::Secretariat,
                    AttendanceStatus::Present,
                )
            });
        }
        if let (Some(guest), Some(sak)) =
            (cast.guests.choose(&mut self.rng), own.choose(&mut self.rng))
        {
            saker::add_presenter(
                self.txn,
                self.proof,
                sak.id,
                saker::NewPresenter {
                    person_id: Some(guest.person_id),
                    name_text: None,
                    note: Some("la frem hovedresultatene".into()),
                },
            )
            .await
            .app(|| format!("presenter {}", guest.name))?;
            entries.push(AttendanceEntry {
                only_sak_id: Some(sak.id),
                ..entry(
                    guest.person_id,
                    AttendanceCategory::Guest,
                    AttendanceStatus::Present,
                )
            });
        }
        self.summary.attendance += entries.len();
        attendance::record_attendance(self.txn, self.proof, meeting_id, entries)
            .await
            .app(|| format!("attendance of meeting {meeting_id}"))?;
        Ok(())
    }

    /// A member's interest in one of the saker: mostly declared but not disqualifying.
    async fn habilitet(&mut self, period: &Period, own: &[OwnSak]) -> anyhow::Result<()> {
        let (Some(member), Some(sak)) = (
            period.members.choose(&mut self.rng),
            own.choose(&mut self.rng),
        ) else {
            return Ok(());
        };
        let inhabil = self.rng.random_bool(0.3);
        let (outcome, reason) = if inhabil {
            (
                HabilitetOutcome::Inhabil,
                format!(
                    "{} er styremedlem i en virksomhet som berøres direkte av saken.",
                    member.name
                ),
            )
        } else {
            (
                HabilitetOutcome::NotInhabil,
                format!(
                    "{} har særinteresser i saken, men ikke i en form som medfører inhabilitet.",
                    member.name
                ),
            )
        };
        habilitet::assess(
            self.txn,
            self.proof,
            sak.id,
            habilitet::Assessment {
                person_id: member.person_id,
                outcome,
                reason: Some(reason),
                left_room: inhabil,
                decided_by: Some("rådet".into()),
            },
            None,
        )
        .await
        .app(|| format!("habilitet of {}", member.name))?;
        Ok(())
    }

    /// A strategy on høring, decided on in `sak`, and the working group that answers it.
    async fn hearing(&mut self, cast: &Cast, sak: &OwnSak, day: NaiveDate) -> anyhow::Result<()> {
        let year = day.year();
        let done = year < LAST_YEAR;
        let topic = sak.topic;
        let doc = consultations::create_policy_document(
            self.txn,
            self.proof,
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
                on_overview: !done,
            },
        )
        .await
        .app(|| format!("policy document in {year}"))?;
        self.summary.policy_documents += 1;
        let round = consultations::add_consultation_round(
            self.txn,
            self.proof,
            consultations::NewConsultationRound {
                policy_document_id: doc.id,
                kind: ConsultationKind::Hoering,
                opens_on: Some(day - Duration::days(30)),
                deadline: Some(day + Duration::days(60)),
                deadline_text: None,
                response_status: if done {
                    ResponseStatus::Sent
                } else {
                    ResponseStatus::Drafting
                },
                sent_on: done.then(|| day + Duration::days(55)),
                response_url: None,
                note: None,
                working_group_id: None,
            },
        )
        .await
        .app(|| format!("høring in {year}"))?;
        let period = cast
            .periods
            .iter()
            .find(|p| p.starts_on <= day && day <= p.ends_on)
            .ok_or_else(|| anyhow::anyhow!("no period covers {day}"))?;
        let members = period
            .members
            .choose_multiple(&mut self.rng, 3)
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
            self.txn,
            self.proof,
            NewWorkingGroup {
                kind: WorkingGroupKind::Arbeidsgruppe,
                name: format!("Arbeidsgruppe for høringssvar om {topic} ({year})"),
                purpose: Some(format!("Utarbeide rådets høringssvar om {topic}.")),
                established_by_sak_id: Some(sak.id),
                policy_document_id: Some(doc.id),
                consultation_round_id: Some(round.id),
                status: if done {
                    WorkingGroupStatus::Finished
                } else {
                    WorkingGroupStatus::Active
                },
                starts_on: Some(day),
                ends_on: done.then(|| day + Duration::days(60)),
                members,
            },
        )
        .await
        .app(|| format!("working group in {year}"))?;
        self.summary.working_groups += 1;
        Ok(())
    }

    /// What the annual report counts besides meetings: Arendalsuka, a frokostmøte, a kronikk.
    async fn year_events(&mut self, year: i32) -> anyhow::Result<()> {
        let topic = TOPICS.choose(&mut self.rng).copied().unwrap_or(TOPICS[0]);
        let events = [
            (
                format!("Arendalsuka {year}: Hvordan styrke forskningen på {topic}?"),
                EventKind::Arendalsuka,
                EventRole::CoOrganiser,
                date(year, 8, 14)?,
                "Arendal",
            ),
            (
                format!("Frokostmøte om {topic}"),
                EventKind::Frokostmote,
                EventRole::Organiser,
                date(year, 11, 6)?,
                "Deichman Bjørvika",
            ),
        ];
        for (title, kind, role, day, location) in events {
            reports::create_event(
                self.txn,
                self.proof,
                reports::EventInput {
                    title: title.clone(),
                    kind,
                    role,
                    date: Some(day),
                    location: Some(location.into()),
                    url: None,
                    description: None,
                },
            )
            .await
            .app(|| format!("event {title}"))?;
        }
        let title = format!("Kunnskap om {topic} må bli en del av beslutningene");
        reports::create_publication(
            self.txn,
            self.proof,
            reports::PublicationInput {
                title: title.clone(),
                kind: PublicationKind::Kronikk,
                outlet: Some("Dagens Medisin".into()),
                published_on: Some(date(year, 10, 2)?),
                url: None,
                policy_document_id: None,
            },
        )
        .await
        .app(|| format!("publication {title}"))?;
        Ok(())
    }

    /// Each meeting's minutes approved by the next meeting and published a week later; the
    /// last meeting's minutes are still a draft. Last, because approval locks a meeting.
    async fn minutes(&self, held: &[(i32, NaiveDate)]) -> anyhow::Result<()> {
        for (i, (id, day)) in held.iter().enumerate() {
            let next = held.get(i + 1);
            meetings::set_historical_state(
                self.txn,
                self.proof,
                *id,
                HistoricalState {
                    status: MeetingStatus::Held,
                    notice_published_at: midnight(*day - Duration::days(14)),
                    minutes_status: if next.is_some() {
                        MinutesStatus::Published
                    } else {
                        MinutesStatus::Draft
                    },
                    minutes_sent_on: next.map(|_| *day + Duration::days(10)),
                    comment_deadline: next.map(|_| *day + Duration::days(20)),
                    minutes_approved_in_meeting_id: next.map(|(n, _)| *n),
                    minutes_approved_at: next.and_then(|(_, d)| midnight(*d)),
                    minutes_published_at: next.and_then(|(_, d)| midnight(*d + Duration::days(7))),
                },
            )
            .await
            .app(|| format!("state of the meeting on {day}"))?;
        }
        Ok(())
    }
}
