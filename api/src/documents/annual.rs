//! The annual report's figures as tables: one list of tables feeds both the document
//! (`/documents/annual-report/{year}.pdf`) and the CSV exports (`/reports/{year}/{table}.csv`),
//! so the two always agree.
use entity::enums::{
    ConsultationKind, EventKind, EventRole, MeetingFormat, PublicationKind, WorkingGroupKind,
    WorkingGroupStatus,
};

use super::{
    model::{Block, Doc, Flow, Span, cell},
    norsk,
};
use crate::service::reports::{AnnualReport, AttendanceCounts, ConsultationOutcome};

/// One table of the report.
pub struct ReportTable {
    /// The name in the CSV URL.
    pub slug: &'static str,
    pub title: &'static str,
    pub widths: Vec<f32>,
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

fn yes(b: bool) -> String {
    if b { "ja" } else { "nei" }.to_owned()
}

fn percent(c: &AttendanceCounts) -> String {
    c.rate()
        .map(|r| format!("{:.0}", r * 100.0))
        .unwrap_or_default()
}

fn opt<T>(v: Option<T>, f: impl Fn(T) -> String) -> String {
    v.map(f).unwrap_or_default()
}

fn format_label(f: MeetingFormat) -> &'static str {
    match f {
        MeetingFormat::Physical => "fysisk",
        MeetingFormat::Hybrid => "hybrid",
        MeetingFormat::Digital => "digitalt",
    }
}

fn consultation_label(k: ConsultationKind) -> &'static str {
    match k {
        ConsultationKind::Innspill => "innspill",
        ConsultationKind::Hoering => "høring",
        ConsultationKind::StortingetHearing => "høring på Stortinget",
    }
}

fn outcome_label(o: ConsultationOutcome) -> &'static str {
    match o {
        ConsultationOutcome::Sent => "sendt",
        ConsultationOutcome::Declined => "avstått",
        ConsultationOutcome::Missed => "ikke besvart",
    }
}

fn group_kind(k: WorkingGroupKind) -> &'static str {
    match k {
        WorkingGroupKind::Arbeidsgruppe => "arbeidsgruppe",
        WorkingGroupKind::Referansegruppe => "referansegruppe",
        WorkingGroupKind::Planleggingsgruppe => "planleggingsgruppe",
        WorkingGroupKind::Programkomite => "programkomité",
    }
}

fn group_status(s: WorkingGroupStatus) -> &'static str {
    match s {
        WorkingGroupStatus::Proposed => "foreslått",
        WorkingGroupStatus::Active => "aktiv",
        WorkingGroupStatus::Finished => "avsluttet",
    }
}

fn event_kind(k: EventKind) -> &'static str {
    match k {
        EventKind::Arendalsuka => "Arendalsuka",
        EventKind::Frokostmote => "frokostmøte",
        EventKind::Seminar => "seminar",
        EventKind::Konferanse => "konferanse",
        EventKind::Annet => "annet",
    }
}

fn event_role(r: EventRole) -> &'static str {
    match r {
        EventRole::Organiser => "arrangør",
        EventRole::CoOrganiser => "medarrangør",
        EventRole::Participant => "deltaker",
    }
}

fn publication_kind(k: PublicationKind) -> &'static str {
    match k {
        PublicationKind::Kronikk => "kronikk",
        PublicationKind::Hoeringssvar => "høringssvar",
        PublicationKind::Innspill => "innspill",
        PublicationKind::Rapport => "rapport",
        PublicationKind::Annet => "annet",
    }
}

/// The report's tables, in the document's order.
pub fn tables(r: &AnnualReport) -> Vec<ReportTable> {
    vec![
        ReportTable {
            slug: "meetings",
            title: "Møter",
            widths: vec![1.0, 1.6, 1.0, 1.0, 0.8, 1.2, 0.9, 0.9, 0.9, 1.0, 0.9],
            header: vec![
                "Møte",
                "Dato",
                "Tid",
                "Format",
                "Saker",
                "Substansielle vedtak",
                "Til stede",
                "Digitalt",
                "Forfall",
                "Oppmøte (%)",
                "Møtende vara",
            ],
            rows: r
                .meetings
                .iter()
                .map(|m| {
                    vec![
                        m.code(),
                        m.date.to_string(),
                        norsk::slot(m.starts_at, m.ends_at),
                        format_label(m.format).to_owned(),
                        m.saker.to_string(),
                        m.substantive_vedtak.to_string(),
                        m.attendance.present.to_string(),
                        m.attendance.digital.to_string(),
                        m.attendance.absent.to_string(),
                        percent(&m.attendance),
                        m.substitutes.to_string(),
                    ]
                })
                .collect(),
        },
        ReportTable {
            slug: "saker-by-type",
            title: "Saker etter type",
            widths: vec![3.0, 1.0, 1.5],
            header: vec!["Type", "Saker", "Substansielle vedtak"],
            rows: r
                .saker
                .by_type
                .iter()
                .map(|t| {
                    vec![
                        super::papers::type_label(&crate::service::saker::SakType::to_stored(
                            &t.types,
                        ))
                        .unwrap_or_else(|| "Uten type".to_owned()),
                        t.saker.to_string(),
                        t.substantive_vedtak.to_string(),
                    ]
                })
                .collect(),
        },
        ReportTable {
            slug: "attendance-by-member",
            title: "Oppmøte per medlem",
            widths: vec![3.0, 1.0, 1.0, 1.0, 1.2],
            header: vec!["Medlem", "Til stede", "Digitalt", "Forfall", "Oppmøte (%)"],
            rows: r
                .attendance_by_member
                .iter()
                .map(|m| {
                    vec![
                        m.name.clone(),
                        m.counts.present.to_string(),
                        m.counts.digital.to_string(),
                        m.counts.absent.to_string(),
                        percent(&m.counts),
                    ]
                })
                .collect(),
        },
        ReportTable {
            slug: "consultations",
            title: "Høringssvar og innspill",
            widths: vec![3.4, 1.4, 1.1, 1.1, 1.1, 2.6],
            header: vec!["Dokument", "Runde", "Utfall", "Frist", "Sendt", "Lenke"],
            rows: r
                .consultations
                .iter()
                .map(|c| {
                    vec![
                        c.document.clone(),
                        consultation_label(c.kind).to_owned(),
                        outcome_label(c.outcome).to_owned(),
                        opt(c.deadline, |d| d.to_string()),
                        opt(c.sent_on, |d| d.to_string()),
                        c.response_url.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        },
        ReportTable {
            slug: "working-groups",
            title: "Arbeidsgrupper",
            widths: vec![3.4, 1.4, 1.0, 1.1, 1.1, 0.9, 0.8, 0.9],
            header: vec![
                "Gruppe",
                "Type",
                "Status",
                "Start",
                "Slutt",
                "Opprettet",
                "Aktiv",
                "Avsluttet",
            ],
            rows: r
                .working_groups
                .iter()
                .map(|g| {
                    vec![
                        g.name.clone(),
                        group_kind(g.kind).to_owned(),
                        group_status(g.status).to_owned(),
                        opt(g.starts_on, |d| d.to_string()),
                        opt(g.ends_on, |d| d.to_string()),
                        yes(g.set_up),
                        yes(g.active),
                        yes(g.finished),
                    ]
                })
                .collect(),
        },
        ReportTable {
            slug: "events",
            title: "Arrangementer",
            widths: vec![3.4, 1.2, 1.2, 1.1, 1.6, 2.0],
            header: vec![
                "Arrangement",
                "Type",
                "Rådets rolle",
                "Dato",
                "Sted",
                "Lenke",
            ],
            rows: r
                .events
                .iter()
                .map(|e| {
                    vec![
                        e.title.clone(),
                        event_kind(e.kind).to_owned(),
                        event_role(e.role).to_owned(),
                        opt(e.date, |d| d.to_string()),
                        e.location.clone().unwrap_or_default(),
                        e.url.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        },
        ReportTable {
            slug: "publications",
            title: "Publikasjoner",
            widths: vec![3.4, 1.2, 1.4, 1.1, 2.6],
            header: vec!["Tittel", "Type", "Kanal", "Dato", "Lenke"],
            rows: r
                .publications
                .iter()
                .map(|p| {
                    vec![
                        p.title.clone(),
                        publication_kind(p.kind).to_owned(),
                        p.outlet.clone().unwrap_or_default(),
                        opt(p.published_on, |d| d.to_string()),
                        p.url.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        },
        ReportTable {
            slug: "follow-ups",
            title: "Oppfølgingspunkter",
            widths: vec![1.0, 1.0, 1.0, 1.4],
            header: vec!["Åpnet", "Lukket", "Avlyst", "Åpne ved årsslutt"],
            rows: vec![vec![
                r.follow_ups.opened.to_string(),
                r.follow_ups.closed.to_string(),
                r.follow_ups.cancelled.to_string(),
                r.follow_ups.open_at_year_end.to_string(),
            ]],
        },
    ]
}

/// The figures as a document: a summary, then every table.
pub fn document(r: &AnnualReport, council: &str) -> Doc {
    let summary = [
        ("Møter avholdt", r.meetings.len().to_string()),
        ("Møter avlyst", r.meetings_cancelled.to_string()),
        ("Saker behandlet", r.saker.total.to_string()),
        ("Herav faste punkter", r.saker.standing.to_string()),
        (
            "Substansielle vedtak",
            r.saker.substantive_vedtak.to_string(),
        ),
        (
            "Oppmøte, medlemmer",
            r.attendance
                .rate()
                .map_or_else(|| "–".to_owned(), |x| format!("{:.0} %", x * 100.0)),
        ),
        (
            "Høringssvar og innspill sendt",
            r.consultations_with(ConsultationOutcome::Sent).to_string(),
        ),
        (
            "Ikke besvart",
            r.consultations_with(ConsultationOutcome::Missed)
                .to_string(),
        ),
        (
            "Arbeidsgrupper opprettet / aktive / avsluttet",
            format!(
                "{} / {} / {}",
                r.working_groups.iter().filter(|g| g.set_up).count(),
                r.working_groups.iter().filter(|g| g.active).count(),
                r.working_groups.iter().filter(|g| g.finished).count()
            ),
        ),
        ("Arrangementer", r.events.len().to_string()),
        ("Publikasjoner", r.publications.len().to_string()),
    ];
    let mut blocks = vec![
        Block::Title(format!("Årsrapport {} – nøkkeltall", r.year)),
        Block::Flow(Flow::Para(vec![Span::italic(
            "Tallene er hentet fra Møtebok. Substansielle vedtak: vedtak som ikke er «Intet» eller «Tas til orientering», i andre saker enn godkjenning av innkalling og referat, habilitet og evaluering.",
        )])),
        Block::Table {
            widths: vec![3.0, 1.5],
            header: vec!["Nøkkeltall".into(), r.year.to_string()],
            rows: summary
                .into_iter()
                .map(|(k, v)| vec![cell([k]), cell([v])])
                .collect(),
        },
    ];
    for t in tables(r) {
        blocks.push(Block::Heading(t.title.to_owned()));
        if t.rows.is_empty() {
            blocks.push(Block::Flow(Flow::plain("Ingen i år.")));
            continue;
        }
        blocks.push(Block::Table {
            widths: t.widths,
            header: t.header.iter().map(|h| (*h).to_owned()).collect(),
            rows: t
                .rows
                .into_iter()
                .map(|row| row.into_iter().map(|c| cell([c])).collect())
                .collect(),
        });
    }
    Doc {
        title: format!("Årsrapport {} – nøkkeltall", r.year),
        running_head: format!("{council}, årsrapport {}", r.year),
        draft: false,
        landscape: true,
        blocks,
    }
}
