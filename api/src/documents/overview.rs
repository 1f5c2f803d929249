//! "Oversikt meldinger og strategier": the table the council reviews at every meeting
//! (vedlegg 1 to the standing sak), with its five columns.
use std::collections::HashMap;

use chrono::NaiveDate;
use entity::{
    consultation_round,
    enums::{ConsultationKind, ResponseStatus},
    policy_document,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::{
    model::{Block, Cell, Doc, Flow, Span, cell},
    norsk,
};
use crate::{
    error::AppResult,
    service::consultations::{self, Visibility},
};

/// One round as the table's cells write it: "Innspill, 15.3.2024", "Høringsfrist 22.12.2025".
fn round_text(r: &consultation_round::Model) -> String {
    let what = match r.kind {
        ConsultationKind::Innspill => "Innspill",
        ConsultationKind::Hoering => "Høringssvar",
        ConsultationKind::StortingetHearing => "Høringssvar til Stortinget",
    };
    let deadline = || {
        r.deadline_text.clone().or_else(|| {
            r.deadline.map(|d| match r.kind {
                ConsultationKind::Innspill => {
                    format!("Frist for innspill {}", norsk::short_date(d))
                }
                _ => format!("Høringsfrist {}", norsk::short_date(d)),
            })
        })
    };
    match r.response_status {
        ResponseStatus::Sent => match r.sent_on {
            Some(d) => format!("{what}, {}", norsk::short_date(d)),
            None => format!("{what} sendt"),
        },
        ResponseStatus::NotAnswered => match r.kind {
            ConsultationKind::Innspill => "Ikke levert innspill".to_owned(),
            _ => "Ikke levert høringssvar".to_owned(),
        },
        ResponseStatus::Declined => "Rådet svarer ikke".to_owned(),
        ResponseStatus::Considering | ResponseStatus::Drafting => {
            deadline().unwrap_or_else(|| "Frist ikke kjent".to_owned())
        }
    }
}

fn document_cell(d: &policy_document::Model) -> Cell {
    let mut c = Vec::new();
    if let Some(r) = &d.reference {
        c.push(Flow::Para(vec![Span::bold(r.clone())]));
    }
    c.push(Flow::plain(d.title.clone()));
    c
}

/// The oversikt as it stands on `today`: the rows of the API's `overview`, in its order.
/// The route admits only viewers who may read every deadline, hence `Visibility::All`.
pub async fn load(db: &impl ConnectionTrait, council: &str, today: NaiveDate) -> AppResult<Doc> {
    let docs = consultations::overview_documents(db, Visibility::All).await?;
    let rounds = consultation_round::Entity::find()
        .filter(
            consultation_round::Column::PolicyDocumentId
                .is_in(docs.iter().map(|d| d.id).collect::<Vec<_>>()),
        )
        .all(db)
        .await?;
    let mut by_doc: HashMap<i32, Vec<consultation_round::Model>> = HashMap::new();
    for r in rounds {
        by_doc.entry(r.policy_document_id).or_default().push(r);
    }
    let rows = docs
        .iter()
        .map(|d| {
            let (innspill, hoering) =
                consultations::overview_columns(by_doc.remove(&d.id).unwrap_or_default());
            let column = |rounds: Vec<consultation_round::Model>| -> Cell {
                cell(rounds.iter().map(round_text))
            };
            let launch = d
                .launch_text
                .clone()
                .or_else(|| d.launch_date.map(norsk::short_date));
            let mut follow_up: Cell = d
                .follow_up_proposal
                .iter()
                .map(|t| Flow::plain(t.clone()))
                .collect();
            if let Some(decision) = &d.decision {
                follow_up.push(Flow::Para(vec![Span::bold(decision.clone())]));
            }
            vec![
                document_cell(d),
                column(innspill),
                cell(launch),
                column(hoering),
                follow_up,
            ]
        })
        .collect();
    Ok(Doc {
        title: "Oversikt meldinger og strategier".to_owned(),
        running_head: format!("{council}, oversikt meldinger og strategier"),
        draft: false,
        landscape: true,
        blocks: vec![
            Block::Title("Oversikt meldinger og strategier".to_owned()),
            Block::Flow(Flow::plain(format!("Per {}", norsk::date(today)))),
            Block::Table {
                widths: vec![3.2, 1.6, 1.6, 1.8, 3.4],
                header: vec![
                    "Melding/strategi/NOU".into(),
                    "Innspill".into(),
                    "Lansering".into(),
                    "Høring".into(),
                    format!("Forslag videre oppfølging fra {council}"),
                ],
                rows,
            },
        ],
    })
}
