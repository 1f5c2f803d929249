//! PDF: a small layout engine (greedy line breaking, the papers' two-column rows, ruled
//! tables, page breaks, running head and page numbers) over krilla, which embeds subsets
//! of the fonts and writes a ToUnicode map, so the text extracts with æøå intact.
//! Glyphs are placed with the fonts' own advances (read with skrifa), so what is measured
//! is exactly what is drawn.
use std::sync::LazyLock;

use anyhow::{Context, anyhow};
use krilla::{
    Document,
    color::luma,
    geom::{PathBuilder, Point, Rect},
    metadata::Metadata,
    num::NormalizedF32,
    page::PageSettings,
    paint::Fill,
    text::{Font, GlyphId, KrillaGlyph},
};
use skrifa::{
    FontRef, MetadataProvider,
    charmap::Charmap,
    instance::{LocationRef, Size},
    metrics::GlyphMetrics,
};

use super::model::{Block, Cell, Doc, Flow, Span};

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/Carlito-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/Carlito-Bold.ttf");
static ITALIC: &[u8] = include_bytes!("../../assets/fonts/Carlito-Italic.ttf");

const A4: (f32, f32) = (595.28, 841.89);
const MARGIN_X: f32 = 62.0;
const MARGIN_TOP: f32 = 64.0;
const MARGIN_BOTTOM: f32 = 62.0;
const BODY: f32 = 11.0;
const TABLE: f32 = 9.5;
const SMALL: f32 = 8.5;
const LEADING: f32 = 1.28;
/// Width of the label column in the papers' two-column rows.
const LABEL_WIDTH: f32 = 118.0;
const CELL_PAD: f32 = 4.0;
const GRAY_TEXT: u8 = 90;
const GRAY_RULE: u8 = 150;
const GRAY_FILL: u8 = 232;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Face {
    Regular,
    Bold,
    Italic,
}

impl Face {
    fn of(span: &Span) -> Self {
        match (span.bold, span.italic) {
            (true, _) => Self::Bold,
            (false, true) => Self::Italic,
            _ => Self::Regular,
        }
    }
}

struct FaceData {
    pdf: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    upem: f32,
}

impl FaceData {
    fn load(bytes: &'static [u8]) -> Option<Self> {
        let font = FontRef::new(bytes).ok()?;
        Some(Self {
            pdf: Font::new(bytes.into(), 0)?,
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            upem: f32::from(
                font.metrics(Size::unscaled(), LocationRef::default())
                    .units_per_em,
            ),
        })
    }

    /// Advance of `c` in ems.
    fn advance(&self, c: char) -> (u32, f32) {
        let gid = self.charmap.map(c).unwrap_or_default();
        let adv = self.metrics.advance_width(gid).unwrap_or(0.0) / self.upem;
        (gid.to_u32(), adv)
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c).1).sum::<f32>() * size
    }

    fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(i, c)| {
                let (gid, adv) = self.advance(c);
                KrillaGlyph::new(
                    GlyphId::new(gid),
                    adv,
                    0.0,
                    0.0,
                    0.0,
                    i..i + c.len_utf8(),
                    None,
                )
            })
            .collect()
    }
}

struct Fonts {
    regular: FaceData,
    bold: FaceData,
    italic: FaceData,
}

impl Fonts {
    fn get(&self, face: Face) -> &FaceData {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
            Face::Italic => &self.italic,
        }
    }
}

static FONTS: LazyLock<Option<Fonts>> = LazyLock::new(|| {
    Some(Fonts {
        regular: FaceData::load(REGULAR)?,
        bold: FaceData::load(BOLD)?,
        italic: FaceData::load(ITALIC)?,
    })
});

/// Something to draw, in points from the page's top left corner.
enum Item {
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        face: Face,
        gray: u8,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        gray: u8,
    },
}

struct Run {
    x: f32,
    face: Face,
    text: String,
}

/// One laid-out line of a column; `spacer` lines are gaps, dropped at the top of a page.
struct Line {
    height: f32,
    size: f32,
    runs: Vec<Run>,
    spacer: bool,
}

impl Line {
    fn spacer(height: f32) -> Self {
        Self {
            height,
            size: 0.0,
            runs: Vec::new(),
            spacer: true,
        }
    }
}

struct Word {
    text: String,
    face: Face,
    space_before: bool,
}

fn words(spans: &[Span]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut pending_space = false;
    for span in spans {
        let face = Face::of(span);
        let text = span.text.replace(['\n', '\t', '\r'], " ");
        for (i, piece) in text.split(' ').enumerate() {
            if i > 0 {
                pending_space = true;
            }
            if piece.is_empty() {
                continue;
            }
            out.push(Word {
                text: piece.to_owned(),
                face,
                space_before: pending_space,
            });
            pending_space = false;
        }
    }
    out
}

/// Greedy line breaking; a word wider than the column (a long URL) is broken between letters.
fn wrap(fonts: &Fonts, spans: &[Span], width: f32, size: f32) -> Vec<Vec<Run>> {
    let mut lines = Vec::new();
    let mut cur: Vec<Run> = Vec::new();
    let mut x = 0.0;
    for w in words(spans) {
        let face = fonts.get(w.face);
        let mut rest = w.text.as_str();
        let mut space = w.space_before;
        while !rest.is_empty() {
            let sp = if space && !cur.is_empty() {
                face.width(" ", size)
            } else {
                0.0
            };
            let ww = face.width(rest, size);
            if !cur.is_empty() && x + sp + ww > width {
                lines.push(std::mem::take(&mut cur));
                x = 0.0;
                continue;
            }
            // Alone on the line and still too wide: take as many letters as fit.
            let piece = if ww > width {
                let mut used = 0.0;
                let end = rest
                    .char_indices()
                    .find(|(_, c)| {
                        used += face.width(c.encode_utf8(&mut [0; 4]), size);
                        used > width
                    })
                    .map_or(rest.len(), |(i, _)| {
                        i.max(rest.chars().next().map_or(1, char::len_utf8))
                    });
                &rest[..end]
            } else {
                rest
            };
            let pw = face.width(piece, size);
            match cur.last_mut() {
                Some(last) if last.face == w.face && sp > 0.0 => {
                    last.text.push(' ');
                    last.text.push_str(piece);
                }
                _ => cur.push(Run {
                    x: x + sp,
                    face: w.face,
                    text: piece.to_owned(),
                }),
            }
            x += sp + pw;
            rest = &rest[piece.len()..];
            space = false;
            if !rest.is_empty() {
                lines.push(std::mem::take(&mut cur));
                x = 0.0;
            }
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

fn lay_spans(fonts: &Fonts, spans: &[Span], width: f32, size: f32) -> Vec<Line> {
    wrap(fonts, spans, width, size)
        .into_iter()
        .map(|runs| Line {
            height: size * LEADING,
            size,
            runs,
            spacer: false,
        })
        .collect()
}

/// Paragraphs and bullets in a column of `width`, with a small gap between paragraphs.
fn lay_flows(fonts: &Fonts, flows: &[Flow], width: f32, size: f32) -> Vec<Line> {
    let mut out = Vec::new();
    for (i, f) in flows.iter().enumerate() {
        if i > 0 {
            out.push(Line::spacer(size * 0.4));
        }
        let (indent, marker) = match f {
            Flow::Para(_) => (0.0, None),
            Flow::Bullet(0, _) => (size * 1.3, Some("•")),
            Flow::Bullet(_, _) => (size * 2.6, Some("–")),
        };
        let mut lines = lay_spans(fonts, f.spans(), width - indent, size);
        for l in &mut lines {
            for r in &mut l.runs {
                r.x += indent;
            }
        }
        if let (Some(m), Some(first)) = (marker, lines.first_mut()) {
            first.runs.insert(
                0,
                Run {
                    x: indent - size * 0.9,
                    face: Face::Regular,
                    text: m.to_owned(),
                },
            );
        }
        out.extend(lines);
    }
    out
}

/// A column of a row: where it starts and what it holds.
struct Column {
    x: f32,
    lines: Vec<Line>,
}

struct Pager<'f> {
    fonts: &'f Fonts,
    width: f32,
    height: f32,
    pages: Vec<Vec<Item>>,
    y: f32,
}

impl<'f> Pager<'f> {
    fn new(fonts: &'f Fonts, landscape: bool) -> Self {
        let (width, height) = if landscape { (A4.1, A4.0) } else { A4 };
        Self {
            fonts,
            width,
            height,
            pages: vec![Vec::new()],
            y: MARGIN_TOP,
        }
    }

    fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN_X
    }

    fn bottom(&self) -> f32 {
        self.height - MARGIN_BOTTOM
    }

    fn at_top(&self) -> bool {
        self.y <= MARGIN_TOP + 0.01
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN_TOP;
    }

    /// Starts a new page unless `h` points still fit (or the page is empty anyway).
    fn ensure(&mut self, h: f32) {
        if self.y + h > self.bottom() && !self.at_top() {
            self.new_page();
        }
    }

    fn gap(&mut self, h: f32) {
        if !self.at_top() {
            self.y += h;
        }
    }

    fn push(&mut self, item: Item) {
        if let Some(p) = self.pages.last_mut() {
            p.push(item);
        }
    }

    fn draw_line(&mut self, x0: f32, top: f32, line: &Line, gray: u8) {
        for r in &line.runs {
            self.push(Item::Text {
                x: x0 + r.x,
                baseline: top + line.size * 0.92,
                size: line.size,
                face: r.face,
                gray,
                text: r.text.clone(),
            });
        }
    }

    /// Places columns side by side, breaking pages as needed; each page's slice is
    /// passed to `slice` as (top, bottom) so tables can rule it.
    fn place_columns(
        &mut self,
        cols: &[Column],
        pad: f32,
        mut slice: impl FnMut(&mut Self, f32, f32, usize),
    ) {
        let mut next = vec![0usize; cols.len()];
        loop {
            let start = self.y;
            let mark = self.pages.last().map_or(0, Vec::len);
            let mut ys = vec![start + pad; cols.len()];
            for (c, col) in cols.iter().enumerate() {
                while let Some(line) = col.lines.get(next[c]) {
                    let first_on_page = ys[c] <= start + pad + 0.01;
                    if line.spacer && first_on_page {
                        next[c] += 1;
                        continue;
                    }
                    if ys[c] + line.height + pad > self.bottom()
                        && !(first_on_page && self.at_top())
                    {
                        break;
                    }
                    self.draw_line(col.x, ys[c], line, 0);
                    ys[c] += line.height;
                    next[c] += 1;
                }
            }
            let end = ys.iter().copied().fold(start, f32::max) + pad;
            slice(self, start, end, mark);
            self.y = end;
            if cols.iter().zip(&next).all(|(col, n)| *n >= col.lines.len()) {
                return;
            }
            self.new_page();
        }
    }

    fn flows(&mut self, flows: &[Flow]) {
        let lines = lay_flows(self.fonts, flows, self.content_width(), BODY);
        let col = Column { x: MARGIN_X, lines };
        self.place_columns(&[col], 0.0, |_, _, _, _| {});
    }

    fn heading(&mut self, text: &str, size: f32) {
        let lines = lay_spans(self.fonts, &[Span::bold(text)], self.content_width(), size);
        let h: f32 = lines.iter().map(|l| l.height).sum();
        // Keep a heading with the first lines of what follows.
        self.ensure(h + 3.0 * BODY * LEADING);
        self.gap(size * 0.5);
        let col = Column { x: MARGIN_X, lines };
        self.place_columns(&[col], 0.0, |_, _, _, _| {});
        self.y += size * 0.35;
    }

    fn labelled(&mut self, label: &[Span], body: &[Flow]) {
        let body_x = MARGIN_X + LABEL_WIDTH;
        let body_w = self.content_width() - LABEL_WIDTH;
        let label_lines = lay_spans(self.fonts, label, LABEL_WIDTH - 10.0, BODY);
        let body_lines = lay_flows(self.fonts, body, body_w, BODY);
        let first: f32 = body_lines.iter().take(2).map(|l| l.height).sum();
        let lab: f32 = label_lines.iter().map(|l| l.height).sum();
        self.ensure(first.max(lab));
        let cols = [
            Column {
                x: MARGIN_X,
                lines: label_lines,
            },
            Column {
                x: body_x,
                lines: body_lines,
            },
        ];
        self.place_columns(&cols, 0.0, |_, _, _, _| {});
        self.y += BODY * 0.55;
    }

    fn table(&mut self, widths: &[f32], header: &[String], rows: &[Vec<Cell>]) {
        let total: f32 = widths.iter().sum::<f32>().max(f32::EPSILON);
        let cw = self.content_width();
        let xs: Vec<(f32, f32)> = widths
            .iter()
            .scan(MARGIN_X, |x, w| {
                let width = w / total * cw;
                let start = *x;
                *x += width;
                Some((start, width))
            })
            .collect();
        let columns = |cells: Vec<Vec<Flow>>| -> Vec<Column> {
            xs.iter()
                .zip(cells)
                .map(|(&(x, w), cell)| Column {
                    x: x + CELL_PAD,
                    lines: lay_flows(self.fonts, &cell, w - 2.0 * CELL_PAD, TABLE),
                })
                .collect()
        };
        let header_cells: Vec<Vec<Flow>> = header
            .iter()
            .map(|h| vec![Flow::Para(vec![Span::bold(h.clone())])])
            .collect();
        let header_cols = columns(header_cells);
        let header_h = row_height(&header_cols) + 2.0 * CELL_PAD;
        let rule = |p: &mut Self, top: f32, bottom: f32, mark: usize, shaded: bool| {
            let left = MARGIN_X;
            let right = MARGIN_X + cw;
            let mut items = Vec::new();
            if shaded {
                items.push(Item::Rect {
                    x: left,
                    y: top,
                    w: right - left,
                    h: bottom - top,
                    gray: GRAY_FILL,
                });
            }
            for y in [top, bottom] {
                items.push(Item::Rect {
                    x: left,
                    y: y - 0.25,
                    w: right - left,
                    h: 0.5,
                    gray: GRAY_RULE,
                });
            }
            for x in xs.iter().map(|(x, _)| *x).chain([right]) {
                items.push(Item::Rect {
                    x: x - 0.25,
                    y: top,
                    w: 0.5,
                    h: bottom - top,
                    gray: GRAY_RULE,
                });
            }
            if let Some(page) = p.pages.last_mut() {
                let at = mark.min(page.len());
                page.splice(at..at, items);
            }
        };
        let place_header = |p: &mut Self| {
            p.place_columns(&header_cols, CELL_PAD, |p, t, b, m| rule(p, t, b, m, true));
        };
        self.ensure(header_h + 2.0 * TABLE * LEADING + 2.0 * CELL_PAD);
        place_header(self);
        for row in rows {
            let cols = columns(row.clone());
            let h = row_height(&cols) + 2.0 * CELL_PAD;
            let fresh = self.bottom() - MARGIN_TOP - header_h;
            if self.y + h > self.bottom() && h <= fresh {
                self.new_page();
                place_header(self);
            }
            // A row taller than a page runs over without the header repeated.
            self.place_columns(&cols, CELL_PAD, |p, t, b, m| rule(p, t, b, m, false));
        }
        self.y += BODY * 0.8;
    }
}

fn row_height(cols: &[Column]) -> f32 {
    cols.iter()
        .map(|c| c.lines.iter().map(|l| l.height).sum::<f32>())
        .fold(0.0, f32::max)
}

/// Lays out `doc` and writes the PDF.
pub fn render(doc: &Doc) -> anyhow::Result<Vec<u8>> {
    let fonts = FONTS
        .as_ref()
        .ok_or_else(|| anyhow!("the bundled fonts could not be read"))?;
    let mut p = Pager::new(fonts, doc.landscape);
    for block in &doc.blocks {
        match block {
            Block::Title(t) => {
                p.heading(t, 17.0);
                p.y += 4.0;
            }
            Block::Heading(t) => p.heading(t, 13.0),
            Block::Flow(f) => {
                p.flows(std::slice::from_ref(f));
                p.y += BODY * 0.4;
            }
            Block::Labelled { label, body } => p.labelled(label, body),
            Block::Table {
                widths,
                header,
                rows,
            } => p.table(widths, header, rows),
            Block::Gap => p.gap(BODY * 0.6),
            Block::PageBreak => {
                if !p.at_top() {
                    p.new_page();
                }
            }
        }
    }
    furnish(&mut p, doc);
    write(fonts, doc, p)
}

/// The running head, the draft mark and "Side n av N" on every page.
fn furnish(p: &mut Pager<'_>, doc: &Doc) {
    let n = p.pages.len();
    let right = p.width - MARGIN_X;
    let regular = p.fonts.get(Face::Regular);
    let bold = p.fonts.get(Face::Bold);
    for (i, page) in p.pages.iter_mut().enumerate() {
        page.push(Item::Text {
            x: MARGIN_X,
            baseline: 36.0,
            size: SMALL,
            face: Face::Regular,
            gray: GRAY_TEXT,
            text: doc.running_head.clone(),
        });
        if doc.draft {
            let mark = "UTKAST";
            page.push(Item::Text {
                x: right - bold.width(mark, SMALL + 1.0),
                baseline: 36.0,
                size: SMALL + 1.0,
                face: Face::Bold,
                gray: 0,
                text: mark.to_owned(),
            });
        }
        page.push(Item::Rect {
            x: MARGIN_X,
            y: 42.0,
            w: right - MARGIN_X,
            h: 0.5,
            gray: GRAY_RULE,
        });
        let folio = format!("Side {} av {n}", i + 1);
        page.push(Item::Text {
            x: right - regular.width(&folio, SMALL),
            baseline: p.height - 34.0,
            size: SMALL,
            face: Face::Regular,
            gray: GRAY_TEXT,
            text: folio,
        });
    }
}

fn write(fonts: &Fonts, doc: &Doc, p: Pager<'_>) -> anyhow::Result<Vec<u8>> {
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .language("nb-NO".to_owned())
            .creator("Møtebok".to_owned()),
    );
    let settings = PageSettings::from_wh(p.width, p.height).context("page size")?;
    for items in &p.pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for item in items {
            match item {
                Item::Text {
                    x,
                    baseline,
                    size,
                    face,
                    gray,
                    text,
                } => {
                    let f = fonts.get(*face);
                    surface.set_fill(Some(fill(*gray)));
                    surface.draw_glyphs(
                        Point::from_xy(*x, *baseline),
                        &f.glyphs(text),
                        f.pdf.clone(),
                        text,
                        *size,
                        false,
                    );
                }
                Item::Rect { x, y, w, h, gray } => {
                    let mut pb = PathBuilder::new();
                    if let Some(r) = Rect::from_xywh(*x, *y, w.max(0.01), h.max(0.01)) {
                        pb.push_rect(r);
                    }
                    if let Some(path) = pb.finish() {
                        surface.set_fill(Some(fill(*gray)));
                        surface.draw_path(&path);
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| anyhow!("writing the PDF failed: {e:?}"))
}

fn fill(gray: u8) -> Fill {
    Fill {
        paint: luma::Color::new(gray).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_break_and_lines_stay_within_the_column() {
        let fonts = FONTS.as_ref().unwrap_or_else(|| panic!("fonts"));
        let text = "Se https://www.helsedirektoratet.no/rapporter/rapport-om-store-sprakmodeller-i-helse-og-omsorgstjenesten-risikoer-og-tilpasninger-til-norske-forhold for detaljer om æøå.";
        let lines = wrap(fonts, &[Span::plain(text)], 200.0, BODY);
        assert!(lines.len() > 3);
        for l in &lines {
            for r in l {
                let w = fonts.get(r.face).width(&r.text, BODY);
                assert!(r.x + w <= 200.5, "{} overflows: {}", r.text, r.x + w);
            }
        }
        let joined: String = lines
            .iter()
            .flat_map(|l| l.iter().map(|r| r.text.as_str()))
            .collect::<Vec<_>>()
            .join("");
        assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
    }
}
