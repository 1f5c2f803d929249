//! The council's papers from the tables: innkalling og saksliste, saksfremlegg, saksdokumenter
//! and referat, in the layout, order and wording of the papers in the seeds. One meeting's
//! data is read in a fixed number of queries, whatever the number of saker.
use std::collections::HashMap;

use entity::{
    attachment, attendance, conflict_of_interest,
    enums::{
        AttendanceCategory, AttendanceStatus, HabilitetOutcome, MeetingFormat, MeetingStatus,
        MinutesStatus, ReferenceKind, SakStatus,
    },
    meeting, person, sak, sak_case_officer, sak_reference,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{
    model::{Block, Doc, Flow, Span, bold_flows, cell, flows},
    norsk,
};
use crate::{error::AppResult, service::saker::SakType};

/// Everything the papers of one meeting (or one of its saker) say.
pub struct MeetingPapers {
    pub council: String,
    pub meeting: meeting::Model,
    /// In agenda order, withdrawn saker left out.
    pub saker: Vec<sak::Model>,
    officers: HashMap<i32, Vec<i32>>,
    attachments: HashMap<i32, Vec<attachment::Model>>,
    /// Presentations attached to the minutes.
    meeting_attachments: Vec<attachment::Model>,
    references: HashMap<i32, Vec<sak_reference::Model>>,
    attendance: Vec<attendance::Model>,
    /// Settled outcomes only: what the minutes state.
    habilitet: Vec<conflict_of_interest::Model>,
    people: HashMap<i32, person::Model>,
}

impl MeetingPapers {
    /// Reads the meeting's papers; `only_sak` narrows them to one sak's saksfremlegg.
    pub async fn load(
        db: &impl ConnectionTrait,
        meeting: meeting::Model,
        only_sak: Option<i32>,
    ) -> AppResult<Self> {
        let council = crate::service::council::get_council(db)
            .await?
            .map_or_else(|| "Rådet".to_owned(), |c| c.name);
        let mut q = sak::Entity::find()
            .filter(sak::Column::MeetingId.eq(meeting.id))
            .filter(sak::Column::Status.ne(SakStatus::Withdrawn));
        if let Some(id) = only_sak {
            q = q.filter(sak::Column::Id.eq(id));
        }
        let saker = q
            .order_by_asc(sak::Column::Position)
            .order_by_asc(sak::Column::Number)
            .all(db)
            .await?;
        let ids: Vec<i32> = saker.iter().map(|s| s.id).collect();
        let officers_rows = sak_case_officer::Entity::find()
            .filter(sak_case_officer::Column::SakId.is_in(ids.clone()))
            .order_by_asc(sak_case_officer::Column::Position)
            .all(db)
            .await?;
        let attachment_rows = attachment::Entity::find()
            .filter(
                sea_orm::Condition::any()
                    .add(attachment::Column::SakId.is_in(ids.clone()))
                    .add(
                        sea_orm::Condition::all()
                            .add(attachment::Column::MeetingId.eq(meeting.id))
                            .add(attachment::Column::SakId.is_null()),
                    ),
            )
            .order_by_asc(attachment::Column::Number)
            .order_by_asc(attachment::Column::Id)
            .all(db)
            .await?;
        let reference_rows = sak_reference::Entity::find()
            .filter(sak_reference::Column::SakId.is_in(ids.clone()))
            .order_by_asc(sak_reference::Column::Id)
            .all(db)
            .await?;
        let attendance = if only_sak.is_some() {
            Vec::new()
        } else {
            attendance::Entity::find()
                .filter(attendance::Column::MeetingId.eq(meeting.id))
                .order_by_asc(attendance::Column::Position)
                .order_by_asc(attendance::Column::Id)
                .all(db)
                .await?
        };
        let habilitet = conflict_of_interest::Entity::find()
            .filter(conflict_of_interest::Column::SakId.is_in(ids.clone()))
            .filter(conflict_of_interest::Column::Outcome.ne(HabilitetOutcome::Pending))
            .order_by_asc(conflict_of_interest::Column::Id)
            .all(db)
            .await?;
        let person_ids: Vec<i32> = saker
            .iter()
            .filter_map(|s| s.from_person_id)
            .chain(officers_rows.iter().map(|o| o.person_id))
            .chain(attendance.iter().filter_map(|a| a.person_id))
            .chain(attendance.iter().filter_map(|a| a.substitute_for_person_id))
            .chain(habilitet.iter().map(|h| h.person_id))
            .collect();
        let people = person::Entity::find()
            .filter(person::Column::Id.is_in(person_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let mut officers: HashMap<i32, Vec<i32>> = HashMap::new();
        for o in officers_rows {
            officers.entry(o.sak_id).or_default().push(o.person_id);
        }
        let mut attachments: HashMap<i32, Vec<attachment::Model>> = HashMap::new();
        let mut meeting_attachments = Vec::new();
        for a in attachment_rows {
            match a.sak_id {
                Some(s) => attachments.entry(s).or_default().push(a),
                None => meeting_attachments.push(a),
            }
        }
        let mut references: HashMap<i32, Vec<sak_reference::Model>> = HashMap::new();
        for r in reference_rows {
            references.entry(r.sak_id).or_default().push(r);
        }
        Ok(Self {
            council,
            meeting,
            saker,
            officers,
            attachments,
            meeting_attachments,
            references,
            attendance,
            habilitet,
            people,
        })
    }

    pub fn code(&self) -> String {
        format!("{}/{}", self.meeting.number, self.meeting.year)
    }

    pub fn sak_code(&self, s: &sak::Model) -> String {
        format!("{}/{}/{}", s.number, self.meeting.number, s.year)
    }

    fn name(&self, id: i32) -> String {
        self.people
            .get(&id)
            .map_or_else(|| "(ukjent)".to_owned(), |p| p.name.clone())
    }

    fn place(&self) -> String {
        let m = &self.meeting;
        let mut parts: Vec<String> = [m.location.clone(), m.room.clone()]
            .into_iter()
            .flatten()
            .collect();
        match m.format {
            MeetingFormat::Digital => parts.push("digitalt møte".to_owned()),
            MeetingFormat::Hybrid | MeetingFormat::Physical => {}
        }
        if parts.is_empty() {
            "Ikke fastsatt".to_owned()
        } else {
            parts.join(", ")
        }
    }

    fn when(&self) -> String {
        let m = &self.meeting;
        norsk::meeting_when(Some(m.date), m.starts_at, m.ends_at)
    }

    fn date_and_place(&self) -> Vec<Block> {
        vec![
            labelled("Dato", vec![Flow::plain(self.when())]),
            labelled("Sted", vec![Flow::plain(self.place())]),
        ]
    }

    /// An agenda that has not been sent is the secretariat's draft.
    fn agenda_is_draft(&self) -> bool {
        self.meeting.status == MeetingStatus::Planned || self.meeting.notice_published_at.is_none()
    }

    fn agenda_blocks(&self) -> Vec<Block> {
        let mut b = vec![Block::Title(format!(
            "Innkalling og saksliste – møte {}",
            self.code()
        ))];
        b.push(labelled("Til", vec![Flow::plain(self.council.clone())]));
        b.extend(self.date_and_place());
        b.push(Block::Heading("Saksliste".to_owned()));
        let rows = self
            .saker
            .iter()
            .map(|s| {
                let mut title = vec![Flow::plain(s.title.clone())];
                if let Some(t) = type_label(&s.types) {
                    title.push(Flow::Para(vec![Span::italic(t)]));
                }
                vec![
                    cell([format!("Sak {}", self.sak_code(s))]),
                    title,
                    cell([norsk::slot(s.time_start, s.time_end)]),
                ]
            })
            .collect();
        b.push(Block::Table {
            widths: vec![1.5, 5.2, 1.5],
            header: vec!["Sak".into(), "Tittel".into(), "Tid".into()],
            rows,
        });
        b
    }

    fn saksfremlegg_blocks(&self, s: &sak::Model) -> Vec<Block> {
        let mut b = vec![
            Block::Flow(Flow::Para(vec![Span::bold(format!(
                "Saksfremlegg – møte {}",
                self.code()
            ))])),
            Block::Title(format!("Sak {}", self.sak_code(s))),
            Block::Heading(s.title.clone()),
        ];
        if let Some(t) = type_label(&s.types) {
            b.push(labelled("Type sak", vec![Flow::plain(t)]));
        }
        let to = s.to_text.clone().unwrap_or_else(|| self.council.clone());
        b.push(labelled("Til", vec![Flow::plain(to)]));
        let from = s
            .from_person_id
            .map(|id| self.name(id))
            .or_else(|| s.from_text.clone());
        if let Some(from) = from {
            b.push(labelled("Fra", vec![Flow::plain(from)]));
        }
        let officers: Vec<String> = self
            .officers
            .get(&s.id)
            .map(|ids| ids.iter().map(|id| self.name(*id)).collect())
            .unwrap_or_default();
        if !officers.is_empty() {
            b.push(labelled(
                "Saksbehandler",
                vec![Flow::plain(and_list(&officers))],
            ));
        }
        let attachments: Vec<Flow> = self
            .attachments
            .get(&s.id)
            .map(|a| {
                a.iter()
                    .map(|a| Flow::plain(format!("{}. {}", a.number, a.title)))
                    .collect()
            })
            .unwrap_or_default();
        if !attachments.is_empty() {
            b.push(labelled("Vedlegg", attachments));
        }
        let refs = self.references.get(&s.id).map(Vec::as_slice).unwrap_or(&[]);
        for (label, kinds) in [
            (
                "Tidligere behandlet",
                [ReferenceKind::EarlierTreatment, ReferenceKind::FollowUpOf].as_slice(),
            ),
            ("Se også", [ReferenceKind::SeeAlso].as_slice()),
        ] {
            let written: Vec<Flow> = refs
                .iter()
                .filter(|r| kinds.contains(&r.kind))
                .map(|r| Flow::plain(r.as_written.clone()))
                .collect();
            if !written.is_empty() {
                b.push(labelled(label, written));
            }
        }
        b.push(Block::Gap);
        for (label, text) in [
            ("Bakgrunn", &s.background),
            ("Hvorfor saken fremmes til dette møtet", &s.reason),
            ("Hovedpunkter", &s.key_points),
        ] {
            if let Some(t) = text.as_deref().filter(|t| !t.trim().is_empty()) {
                b.push(labelled(label, flows(t)));
            }
        }
        if let Some(t) = s
            .proposed_vedtak
            .as_deref()
            .filter(|t| !t.trim().is_empty())
        {
            b.push(labelled("Forslag til vedtak", bold_flows(t)));
        }
        b
    }

    /// Innkalling og saksliste.
    pub fn innkalling(&self) -> Doc {
        Doc {
            title: format!("Innkalling og saksliste møte {}", self.code()),
            running_head: format!("{}, innkalling møte {}", self.council, self.code()),
            draft: self.agenda_is_draft(),
            landscape: false,
            blocks: self.agenda_blocks(),
        }
    }

    /// Innkalling og saksliste followed by every sak's saksfremlegg, each on its own page.
    pub fn saksdokumenter(&self) -> Doc {
        let mut blocks = self.agenda_blocks();
        for s in &self.saker {
            blocks.push(Block::PageBreak);
            blocks.extend(self.saksfremlegg_blocks(s));
        }
        Doc {
            title: format!("Saksdokumenter møte {}", self.code()),
            running_head: format!("{}, saksdokumenter møte {}", self.council, self.code()),
            draft: self.agenda_is_draft(),
            landscape: false,
            blocks,
        }
    }

    /// One sak's saksfremlegg (the papers were loaded with `only_sak`).
    pub fn saksfremlegg(&self) -> Option<Doc> {
        let s = self.saker.first()?;
        Some(Doc {
            title: format!("Saksfremlegg sak {}", self.sak_code(s)),
            running_head: format!("{}, saksfremlegg møte {}", self.council, self.code()),
            draft: self.agenda_is_draft(),
            landscape: false,
            blocks: self.saksfremlegg_blocks(s),
        })
    }

    /// "Esperanza Diaz, Universitetet i Bergen, digitalt, deler av møtet".
    fn attendee(&self, a: &attendance::Model) -> String {
        let person = a.person_id.and_then(|id| self.people.get(&id));
        let mut parts: Vec<String> = Vec::new();
        parts.push(
            person
                .map(|p| p.name.clone())
                .or_else(|| a.name_text.clone())
                .unwrap_or_default(),
        );
        let affiliation = if a.category == AttendanceCategory::Secretariat {
            person.and_then(|p| p.title.clone())
        } else {
            a.organisation_text.clone()
        };
        parts.extend(affiliation);
        if a.category == AttendanceCategory::Substitute {
            parts.push(match a.substitute_for_person_id {
                Some(id) => format!("vara for {}", self.name(id)),
                None => "møtende vara".to_owned(),
            });
        }
        if a.status == AttendanceStatus::Digital {
            parts.push("digitalt".to_owned());
        }
        parts.extend(a.partial_note.clone());
        let code_of = |id: i32| {
            self.saker
                .iter()
                .find(|s| s.id == id)
                .map(|s| self.sak_code(s))
        };
        if let Some(c) = a.from_sak_id.and_then(code_of) {
            parts.push(format!("fra sak {c}"));
        }
        if let Some(c) = a.to_sak_id.and_then(code_of) {
            parts.push(format!("t.o. sak {c}"));
        }
        if let Some(c) = a.only_sak_id.and_then(code_of) {
            parts.push(format!("sak {c}"));
        }
        parts.retain(|p| !p.trim().is_empty());
        parts.join(", ")
    }

    fn attendance_blocks(&self) -> Vec<Block> {
        use AttendanceCategory as C;
        let list = |pred: &dyn Fn(&attendance::Model) -> bool| -> Vec<Flow> {
            self.attendance
                .iter()
                .filter(|a| pred(a))
                .map(|a| Flow::plain(self.attendee(a)))
                .collect()
        };
        let here = |a: &attendance::Model| a.status != AttendanceStatus::Absent;
        let lists: [(&str, Vec<Flow>, bool); 6] = [
            (
                "Til stede",
                list(&|a| a.category == C::Member && here(a)),
                true,
            ),
            (
                "Møtende vara",
                list(&|a| a.category == C::Substitute && here(a)),
                false,
            ),
            (
                "Observatører",
                list(&|a| a.category == C::Observer && here(a)),
                true,
            ),
            (
                "Forfall",
                list(&|a| a.category != C::Secretariat && !here(a)),
                true,
            ),
            (
                "Til stede fra sekretariatet",
                list(&|a| a.category == C::Secretariat && here(a)),
                true,
            ),
            (
                "Gjester",
                list(&|a| a.category == C::Guest && here(a)),
                false,
            ),
        ];
        lists
            .into_iter()
            .filter(|(_, l, always)| *always || !l.is_empty())
            .map(|(label, l, _)| {
                let body = if l.is_empty() {
                    vec![Flow::plain("Ingen")]
                } else {
                    l
                };
                labelled(label, body)
            })
            .collect()
    }

    /// What the minutes say about habilitet in `sak_id`, one line per member.
    fn habilitet_lines(&self, sak_id: Option<i32>) -> Vec<Flow> {
        self.habilitet
            .iter()
            .filter(|h| sak_id.is_none_or(|id| h.sak_id == id))
            .filter_map(|h| {
                let s = self.saker.iter().find(|s| s.id == h.sak_id)?;
                let who = self.name(h.person_id);
                let code = self.sak_code(s);
                let text = match (h.outcome, h.left_room) {
                    (HabilitetOutcome::Inhabil, true) => format!(
                        "{who} er inhabil i sak {code} og forlot møtet under behandlingen av saken."
                    ),
                    (HabilitetOutcome::Inhabil, false) => {
                        format!("{who} er inhabil i sak {code} og deltok ikke i behandlingen.")
                    }
                    _ => format!(
                        "{who} har særinteresser i sak {code}, men ikke i en form som medfører inhabilitet."
                    ),
                };
                Some(Flow::Para(vec![Span::italic(text)]))
            })
            .collect()
    }

    /// The referat: date and place, the attendance lists, and each sak with its discussion
    /// and vedtak.
    pub fn referat(&self) -> Doc {
        let mut b = vec![Block::Title(format!("Referat møte {}", self.code()))];
        b.extend(self.date_and_place());
        b.push(Block::Gap);
        b.extend(self.attendance_blocks());
        b.push(Block::Gap);
        for s in &self.saker {
            let mut body = vec![Flow::Para(vec![Span::bold(s.title.clone())])];
            if let Some(d) = s.discussion.as_deref() {
                body.extend(flows(d));
            }
            let habilitet = if s.standing_kind == Some(entity::enums::StandingKind::Habilitet) {
                self.habilitet_lines(None)
            } else {
                self.habilitet_lines(Some(s.id))
            };
            body.extend(habilitet);
            b.push(Block::Gap);
            b.push(Block::Labelled {
                label: vec![Span::bold(format!("Sak {}", self.sak_code(s)))],
                body,
            });
            if let Some(v) = s.vedtak.as_deref().filter(|v| !v.trim().is_empty()) {
                b.push(labelled("Vedtak", bold_flows(v)));
            }
        }
        if !self.meeting_attachments.is_empty() {
            b.push(labelled(
                "Vedlagt referatet",
                self.meeting_attachments
                    .iter()
                    .map(|a| Flow::plain(format!("{}. {}", a.number, a.title)))
                    .collect(),
            ));
        }
        let draft = !matches!(
            self.meeting.minutes_status,
            MinutesStatus::Approved | MinutesStatus::Published
        );
        Doc {
            title: format!("Referat møte {}", self.code()),
            running_head: format!("{}, referat møte {}", self.council, self.code()),
            draft,
            landscape: false,
            blocks: b,
        }
    }
}

fn labelled(label: &str, body: Vec<Flow>) -> Block {
    Block::Labelled {
        label: vec![Span::bold(label)],
        body,
    }
}

/// "Karianne Solaas og Henrietta Blankson"; "A, B og C".
fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} og {last}", init.join(", ")),
    }
}

/// "Diskusjonssak/vedtakssak", as the papers combine the types.
pub fn type_label(stored: &str) -> Option<String> {
    let words: Vec<&str> = crate::service::reports::canonical_types(stored)
        .into_iter()
        .map(|t| match t {
            SakType::Vedtak => "vedtakssak",
            SakType::Diskusjon => "diskusjonssak",
            SakType::Orientering => "orienteringssak",
        })
        .collect();
    let joined = words.join("/");
    let mut chars = joined.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_types_read_like_the_papers() {
        assert_eq!(
            and_list(&["Karianne Solaas".into(), "Henrietta Blankson".into()]),
            "Karianne Solaas og Henrietta Blankson"
        );
        assert_eq!(and_list(&["A".into(), "B".into(), "C".into()]), "A, B og C");
        assert_eq!(
            type_label("vedtak,diskusjon").as_deref(),
            Some("Diskusjonssak/vedtakssak")
        );
        assert_eq!(type_label(""), None);
    }
}
