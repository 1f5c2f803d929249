//! DOCX through docx-rs: the same blocks as the PDF, as Word paragraphs and tables with real
//! heading styles, so the secretariat can go on editing the file in Word or LibreOffice.
use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, Header, LineSpacing, NumPages, PageMargin, PageNum,
    PageOrientationType, Paragraph, Run, RunFonts, Shading, SpecialIndentType, Style, StyleType,
    Table, TableBorders, TableCell, TableRow, WidthType,
};

use super::model::{Block, Cell, Doc, Flow, Span};

/// A4 in twentieths of a point.
const A4: (u32, u32) = (11906, 16838);
const MARGIN: i32 = 1247;
const LABEL_WIDTH: usize = 2360;
const FONT: &str = "Calibri";

fn run(span: &Span) -> Run {
    let mut r = Run::new().add_text(span.text.clone());
    if span.bold {
        r = r.bold();
    }
    if span.italic {
        r = r.italic();
    }
    r
}

fn paragraph(flow: &Flow) -> Paragraph {
    let mut p = Paragraph::new().line_spacing(LineSpacing::new().after(80));
    if let Flow::Bullet(level, _) = flow {
        let left = 360 * (i32::from(*level) + 1);
        let marker = if *level == 0 { "•" } else { "–" };
        p = p
            .indent(
                Some(left),
                Some(SpecialIndentType::Hanging(300)),
                None,
                None,
            )
            .add_run(Run::new().add_text(marker).add_tab());
    }
    flow.spans().iter().fold(p, |p, s| p.add_run(run(s)))
}

fn cell(flows: &[Flow], width: usize) -> TableCell {
    let c = TableCell::new().width(width, WidthType::Dxa);
    if flows.is_empty() {
        // Word requires a paragraph in every cell.
        return c.add_paragraph(Paragraph::new());
    }
    flows.iter().fold(c, |c, f| c.add_paragraph(paragraph(f)))
}

/// The papers' two-column rows, as one borderless table per run of consecutive rows.
fn labelled_table(rows: &[(&Vec<Span>, &Vec<Flow>)], width: usize) -> Table {
    let body = width.saturating_sub(LABEL_WIDTH);
    let rows = rows
        .iter()
        .map(|(label, flows)| {
            let label = Paragraph::new().add_run(
                Run::new()
                    .add_text(label.iter().map(|s| s.text.as_str()).collect::<String>())
                    .bold(),
            );
            TableRow::new(vec![
                TableCell::new()
                    .width(LABEL_WIDTH, WidthType::Dxa)
                    .add_paragraph(label),
                cell(flows, body),
            ])
        })
        .collect();
    Table::new(rows)
        .set_grid(vec![LABEL_WIDTH, body])
        .width(width, WidthType::Dxa)
        .set_borders(TableBorders::with_empty())
}

fn ruled_table(widths: &[f32], header: &[String], rows: &[Vec<Cell>], width: usize) -> Table {
    let total: f32 = widths.iter().sum::<f32>().max(f32::EPSILON);
    let grid: Vec<usize> = widths
        .iter()
        .map(|w| (w / total * width as f32) as usize)
        .collect();
    let head = TableRow::new(
        header
            .iter()
            .zip(&grid)
            .map(|(h, w)| {
                cell(&[Flow::Para(vec![Span::bold(h.clone())])], *w)
                    .shading(Shading::new().fill("E8E8E8"))
            })
            .collect(),
    );
    let body = rows
        .iter()
        .map(|r| TableRow::new(r.iter().zip(&grid).map(|(c, w)| cell(c, *w)).collect()));
    Table::new(std::iter::once(head).chain(body).collect())
        .set_grid(grid)
        .width(width, WidthType::Dxa)
}

/// Writes `doc` as a .docx file.
pub fn render(doc: &Doc) -> anyhow::Result<Vec<u8>> {
    let (page_w, page_h) = if doc.landscape { (A4.1, A4.0) } else { A4 };
    let width = (page_w as i32 - 2 * MARGIN).max(0) as usize;
    let mut head = Paragraph::new().add_run(
        Run::new()
            .add_text(doc.running_head.clone())
            .size(17)
            .color("5A5A5A"),
    );
    if doc.draft {
        head = head.add_run(Run::new().add_tab().add_text("UTKAST").bold());
    }
    let foot = Paragraph::new()
        .align(AlignmentType::Right)
        .add_run(Run::new().add_text("Side ").size(17))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(" av ").size(17))
        .add_num_pages(NumPages::new());
    let mut d = Docx::new()
        .page_size(page_w, page_h)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN),
        )
        .default_fonts(RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT))
        .default_size(22)
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(34)
                .bold(),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .size(26)
                .bold(),
        )
        .header(Header::new().add_paragraph(head))
        .footer(Footer::new().add_paragraph(foot));
    if doc.landscape {
        d = d.page_orient(PageOrientationType::Landscape);
    }
    let mut pending: Vec<(&Vec<Span>, &Vec<Flow>)> = Vec::new();
    for block in &doc.blocks {
        if let Block::Labelled { label, body } = block {
            pending.push((label, body));
            continue;
        }
        if !pending.is_empty() {
            d = d.add_table(labelled_table(&pending, width));
            pending.clear();
        }
        d = match block {
            Block::Title(t) => d.add_paragraph(
                Paragraph::new()
                    .style("Title")
                    .add_run(Run::new().add_text(t.clone())),
            ),
            Block::Heading(t) => d.add_paragraph(
                Paragraph::new()
                    .style("Heading1")
                    .keep_next(true)
                    .line_spacing(LineSpacing::new().before(200).after(80))
                    .add_run(Run::new().add_text(t.clone())),
            ),
            Block::Flow(f) => d.add_paragraph(paragraph(f)),
            Block::Table {
                widths,
                header,
                rows,
            } => d
                .add_table(ruled_table(widths, header, rows, width))
                .add_paragraph(Paragraph::new()),
            Block::Gap => d.add_paragraph(Paragraph::new()),
            Block::PageBreak => {
                d.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
            }
            Block::Labelled { .. } => d,
        };
    }
    if !pending.is_empty() {
        d = d.add_table(labelled_table(&pending, width));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    d.build()
        .pack(&mut out)
        .map_err(|e| anyhow::anyhow!("writing the DOCX failed: {e}"))?;
    Ok(out.into_inner())
}
