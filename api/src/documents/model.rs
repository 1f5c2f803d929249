//! The papers as a small tree of blocks, written once and rendered twice: to DOCX
//! (`docx.rs`) and to PDF (`pdf.rs`). The content builders never see a file format.

/// A run of text in one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }

    pub fn bold(text: impl Into<String>) -> Self {
        Self {
            bold: true,
            ..Self::plain(text)
        }
    }

    pub fn italic(text: impl Into<String>) -> Self {
        Self {
            italic: true,
            ..Self::plain(text)
        }
    }
}

/// Text that flows within a column: a paragraph or a bullet line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flow {
    Para(Vec<Span>),
    /// Level 0 is "•", level 1 an indented "–".
    Bullet(u8, Vec<Span>),
}

impl Flow {
    pub fn plain(text: impl Into<String>) -> Self {
        Self::Para(vec![Span::plain(text)])
    }

    pub fn spans(&self) -> &[Span] {
        match self {
            Self::Para(s) | Self::Bullet(_, s) => s,
        }
    }
}

/// One cell of a table: a few paragraphs.
pub type Cell = Vec<Flow>;

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// The document's title, e.g. "Referat møte 2/2025".
    Title(String),
    Heading(String),
    Flow(Flow),
    /// A row of the papers' two-column layout: "Til | HelseOmsorg21-rådet",
    /// "Sak 21/2/2025 | discussion …", "Vedtak | …".
    Labelled {
        label: Vec<Span>,
        body: Vec<Flow>,
    },
    /// A ruled table; `widths` are relative column widths.
    Table {
        widths: Vec<f32>,
        header: Vec<String>,
        rows: Vec<Vec<Cell>>,
    },
    /// A small vertical gap.
    Gap,
    PageBreak,
}

/// A whole document.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    /// The title in the file's metadata.
    pub title: String,
    /// The line at the top of every page ("HelseOmsorg21-rådet, referat møte 2/2025").
    pub running_head: String,
    /// Marks every page "UTKAST" (draft minutes, an agenda not yet sent).
    pub draft: bool,
    /// Wide tables (the oversikt) are set on landscape pages.
    pub landscape: bool,
    pub blocks: Vec<Block>,
}

/// Free text as the secretariat writes it: one paragraph per line, blank lines ignored,
/// lines starting with "•", "-", "*" or "o " as bullets ("o " and indented ones one level in).
pub fn flows(text: &str) -> Vec<Flow> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let indented = line.starts_with("  ") || line.starts_with('\t');
            let t = line.trim();
            let bullet = ["• ", "- ", "* ", "– "]
                .iter()
                .find_map(|p| t.strip_prefix(p))
                .map(|rest| (u8::from(indented), rest))
                .or_else(|| t.strip_prefix("o ").map(|rest| (1, rest)));
            match bullet {
                Some((level, rest)) => Flow::Bullet(level, vec![Span::plain(rest.trim())]),
                None => Flow::plain(t),
            }
        })
        .collect()
}

/// Like `flows`, with every span bold (vedtak and forslag til vedtak, as the papers set them).
pub fn bold_flows(text: &str) -> Vec<Flow> {
    flows(text)
        .into_iter()
        .map(|f| match f {
            Flow::Para(s) => Flow::Para(s.into_iter().map(|s| Span::bold(s.text)).collect()),
            Flow::Bullet(l, s) => {
                Flow::Bullet(l, s.into_iter().map(|s| Span::bold(s.text)).collect())
            }
        })
        .collect()
}

/// A table cell of plain lines.
pub fn cell(lines: impl IntoIterator<Item = impl Into<String>>) -> Cell {
    lines.into_iter().map(Flow::plain).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_and_paragraphs_are_told_apart() {
        let f = flows(
            "Det ble orientert om:\n\n• Første punkt\n  - underpunkt\no annet underpunkt\nSiste.",
        );
        assert_eq!(
            f,
            vec![
                Flow::plain("Det ble orientert om:"),
                Flow::Bullet(0, vec![Span::plain("Første punkt")]),
                Flow::Bullet(1, vec![Span::plain("underpunkt")]),
                Flow::Bullet(1, vec![Span::plain("annet underpunkt")]),
                Flow::plain("Siste."),
            ]
        );
    }
}
