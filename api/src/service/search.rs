//! Full-text search over the council's papers, ranked, with highlighted snippets.
//!
//! Each source (saker, policy documents, consultation rounds, people, organisations) is one
//! function in `SOURCES`: it decides what the viewer may see, searches its own index and
//! returns `Hit`s, which are merged by rank. PostgreSQL uses the `norwegian` text search configuration
//! (`websearch_to_tsquery`, `ts_rank`, `ts_headline`); SQLite uses FTS5 (`bm25`,
//! `snippet`), with the query's words lightly stemmed and matched as prefixes. The
//! migration `m20261123_000008_search` builds both indexes. Names of people and
//! organisations are matched word by word in Rust, where lower-casing knows "Ø" on both
//! databases (SQLite's `lower` knows only ASCII).
use futures::future::BoxFuture;
use sea_orm::{
    DatabaseBackend, DatabaseConnection, EntityTrait, FromQueryResult, QuerySelect, Statement,
    Value,
};

use entity::{meeting, organisation, person};

use crate::{
    auth::{Viewer, policy},
    error::{AppError, AppResult},
};

pub const MAX_TEXT: usize = 200;
pub const MAX_RESULTS: usize = 50;
pub const DEFAULT_RESULTS: usize = 20;
/// How deep `after` may page: each source fetches up to the page's end, so this bounds the work.
pub const MAX_DEPTH: usize = 200;
/// Name hits rank above every text hit: someone who types a name wants the person.
const NAME_RANK: f64 = 1_000.0;

// Highlight markers from Unicode's private use area: they cannot occur in the papers, so the
// text can be HTML-escaped first and the markers turned into <mark> after.
pub(crate) const MARK_START: char = '\u{E000}';
pub(crate) const MARK_END: char = '\u{E001}';

/// What a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitKind {
    Sak,
    PolicyDocument,
    ConsultationRound,
    Person,
    Organisation,
}

/// One search result. `title` and `snippet` are HTML: escaped text with `<mark>` around
/// the words that matched.
#[derive(Clone, Debug)]
pub struct Hit {
    pub kind: HitKind,
    pub id: i32,
    /// Higher is better; comparable only within one search.
    pub rank: f64,
    pub title: String,
    pub snippet: String,
}

/// A search the user asked for, checked and parsed.
#[derive(Clone, Debug)]
pub struct SearchQuery {
    /// As typed (PostgreSQL's `websearch_to_tsquery` parses it itself).
    pub text: String,
    /// The same in FTS5's query language, or None when nothing in it can match.
    pub fts5: Option<String>,
    pub limit: usize,
    /// How many of the best hits come before this page.
    pub offset: usize,
}

impl SearchQuery {
    /// `offset` comes from the caller's `after` cursor; pages end at `MAX_DEPTH` hits.
    pub fn parse(text: &str, first: Option<i32>, offset: usize) -> AppResult<Self> {
        // Trimmed, length-capped and free of control characters (PostgreSQL refuses NUL).
        let text = super::clean_text("text", Some(text.to_owned()), MAX_TEXT)?
            .ok_or_else(|| AppError::validation("text", "Say what to search for"))?;
        let text = text.as_str();
        let limit = match first {
            None => DEFAULT_RESULTS,
            Some(n) if (1..=MAX_RESULTS as i32).contains(&n) => n as usize,
            Some(_) => {
                return Err(AppError::validation(
                    "first",
                    format!("first must be between 1 and {MAX_RESULTS}"),
                ));
            }
        };
        if offset >= MAX_DEPTH {
            return Err(AppError::validation(
                "after",
                format!("Only the best {MAX_DEPTH} hits can be paged through"),
            ));
        }
        Ok(Self {
            text: text.to_owned(),
            fts5: to_fts5(text),
            limit,
            offset,
        })
    }

    /// How many hits each source must return for this page: all the pages up to its end.
    pub fn window(&self) -> usize {
        (self.offset + self.limit).min(MAX_DEPTH)
    }
}

type Source = for<'a> fn(
    &'a DatabaseConnection,
    &'a Viewer,
    &'a SearchQuery,
) -> BoxFuture<'a, AppResult<Vec<Hit>>>;

/// Every searchable source. Add one by writing a function like `saker` and listing it here.
const SOURCES: &[Source] = &[
    |db, viewer, q| Box::pin(saker(db, viewer, q)),
    |db, viewer, q| Box::pin(super::consultations::search_documents(db, viewer, q)),
    |db, viewer, q| Box::pin(super::consultations::search_rounds(db, viewer, q)),
    // Everyone may read people's and organisations' names (see `people`), nothing else of them.
    |db, _, q| Box::pin(names::<person::Entity>(db, q, HitKind::Person, PERSON_NAME)),
    |db, _, q| {
        Box::pin(names::<organisation::Entity>(
            db,
            q,
            HitKind::Organisation,
            ORG_NAME,
        ))
    },
];

/// Searches every source the viewer may read; the page of `query.limit` hits after the
/// `query.offset` best, best first.
pub async fn search(
    db: &DatabaseConnection,
    viewer: &Viewer,
    query: &SearchQuery,
) -> AppResult<Vec<Hit>> {
    let mut hits = Vec::new();
    for source in SOURCES {
        hits.extend(source(db, viewer, query).await?);
    }
    // Ties are broken by kind too: the order must not change between pages.
    hits.sort_by(|a, b| {
        b.rank
            .total_cmp(&a.rank)
            .then(b.id.cmp(&a.id))
            .then((a.kind as u8).cmp(&(b.kind as u8)))
    });
    Ok(hits
        .into_iter()
        .skip(query.offset)
        .take(query.limit)
        .collect())
}

// ---------------------------------------------------------------------------------------
// Saker

#[derive(FromQueryResult)]
struct SakRow {
    id: i32,
    rank: f64,
    title: Option<String>,
    f1: Option<String>,
    f2: Option<String>,
    f3: Option<String>,
    f4: Option<String>,
    f5: Option<String>,
    f6: Option<String>,
}

/// Saker of meetings the viewer may read. Discussion and vedtak are searched (and shown)
/// only where the viewer may read the minutes: the two groups of meetings are searched
/// apart, so text the viewer may not read neither matches nor appears in a snippet.
async fn saker(db: &DatabaseConnection, viewer: &Viewer, q: &SearchQuery) -> AppResult<Vec<Hit>> {
    let meetings = meeting::Entity::find().all(db).await?;
    let (mut papers, mut minutes) = (Vec::new(), Vec::new());
    for m in &meetings {
        if policy::can_read_minutes(viewer, m) {
            minutes.push(m.id);
        } else if policy::can_read_meeting(viewer, m) {
            papers.push(m.id);
        }
    }
    let mut hits = Vec::new();
    for (ids, with_minutes) in [(papers, false), (minutes, true)] {
        if ids.is_empty() {
            continue;
        }
        let Some(stmt) = sak_statement(db.get_database_backend(), q, &ids, with_minutes) else {
            continue;
        };
        let rows = SakRow::find_by_statement(stmt).all(db).await?;
        hits.extend(rows.into_iter().map(|r| {
            let fields = [r.f1, r.f2, r.f3, r.f4, r.f5, r.f6];
            Hit {
                kind: HitKind::Sak,
                id: r.id,
                rank: r.rank,
                title: to_html(r.title.as_deref().unwrap_or_default()),
                snippet: to_html(&best_snippet(&fields)),
            }
        }));
    }
    Ok(hits)
}

const PG_SAK_SEARCH: &str = r#"
SELECT h.id, h.rank,
    ts_headline('norwegian', h.title, h.q, $5) AS title,
    ts_headline('norwegian', h.background, h.q, $6) AS f1,
    ts_headline('norwegian', h.reason, h.q, $6) AS f2,
    ts_headline('norwegian', h.key_points, h.q, $6) AS f3,
    ts_headline('norwegian', h.proposed_vedtak, h.q, $6) AS f4,
    CASE WHEN $3 THEN ts_headline('norwegian', h.discussion, h.q, $6) END AS f5,
    CASE WHEN $3 THEN ts_headline('norwegian', h.vedtak, h.q, $6) END AS f6
FROM (
    SELECT s.id, s.title, s.background, s.reason, s.key_points, s.proposed_vedtak,
        s.discussion, s.vedtak, w.q,
        (ts_rank(s.search_papers, w.q)
            + CASE WHEN $3 THEN ts_rank(s.search_minutes, w.q) ELSE 0 END)::float8 AS rank
    FROM sak s
    CROSS JOIN (SELECT websearch_to_tsquery('norwegian', $1) AS q) w
    WHERE s.meeting_id IN (SELECT value::int FROM json_array_elements_text($2::json))
        AND (s.search_papers @@ w.q OR ($3 AND s.search_minutes @@ w.q))
    ORDER BY rank DESC, s.id DESC
    LIMIT $4
) h
ORDER BY h.rank DESC, h.id DESC
"#;

// Column weights for bm25: the title counts most, the minutes' vedtak as much as the papers.
const SQLITE_SAK_SEARCH_PAPERS: &str = r#"
SELECT s.id AS id, -bm25(sak_fts, 10.0, 2.0, 2.0, 2.0, 2.0, 0.0, 0.0) AS rank,
    highlight(sak_fts, 0, ?2, ?3) AS title,
    snippet(sak_fts, 1, ?2, ?3, '…', 24) AS f1,
    snippet(sak_fts, 2, ?2, ?3, '…', 24) AS f2,
    snippet(sak_fts, 3, ?2, ?3, '…', 24) AS f3,
    snippet(sak_fts, 4, ?2, ?3, '…', 24) AS f4,
    NULL AS f5,
    NULL AS f6
FROM sak_fts JOIN sak s ON s.id = sak_fts.rowid
WHERE sak_fts MATCH ?1 AND s.meeting_id IN (SELECT value FROM json_each(?4))
ORDER BY rank DESC, s.id DESC
LIMIT ?5
"#;

const SQLITE_SAK_SEARCH_MINUTES: &str = r#"
SELECT s.id AS id, -bm25(sak_fts, 10.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0) AS rank,
    highlight(sak_fts, 0, ?2, ?3) AS title,
    snippet(sak_fts, 1, ?2, ?3, '…', 24) AS f1,
    snippet(sak_fts, 2, ?2, ?3, '…', 24) AS f2,
    snippet(sak_fts, 3, ?2, ?3, '…', 24) AS f3,
    snippet(sak_fts, 4, ?2, ?3, '…', 24) AS f4,
    snippet(sak_fts, 5, ?2, ?3, '…', 24) AS f5,
    snippet(sak_fts, 6, ?2, ?3, '…', 24) AS f6
FROM sak_fts JOIN sak s ON s.id = sak_fts.rowid
WHERE sak_fts MATCH ?1 AND s.meeting_id IN (SELECT value FROM json_each(?4))
ORDER BY rank DESC, s.id DESC
LIMIT ?5
"#;

/// The FTS5 column filter that keeps a match inside the title and the saksfremlegg.
const SQLITE_PAPERS_COLUMNS: &str = "{title background reason key_points proposed_vedtak}";

fn sak_statement(
    backend: DatabaseBackend,
    q: &SearchQuery,
    meeting_ids: &[i32],
    with_minutes: bool,
) -> Option<Statement> {
    // The ids go in as one JSON array parameter, so the statement's text never varies.
    let ids = serde_json::Value::from(meeting_ids.to_vec()).to_string();
    let limit = i64::try_from(q.window()).unwrap_or(i64::MAX);
    let mark = |c: char| Value::from(c.to_string());
    match backend {
        DatabaseBackend::Postgres => {
            let title_opts =
                format!("HighlightAll=true, StartSel={MARK_START}, StopSel={MARK_END}");
            let body_opts = format!(
                "StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, \
                 MaxFragments=2, FragmentDelimiter=\" … \""
            );
            Some(Statement::from_sql_and_values(
                backend,
                PG_SAK_SEARCH,
                [
                    q.text.clone().into(),
                    ids.into(),
                    with_minutes.into(),
                    limit.into(),
                    title_opts.into(),
                    body_opts.into(),
                ],
            ))
        }
        _ => {
            let expr = q.fts5.as_ref()?;
            let (sql, matching) = if with_minutes {
                (SQLITE_SAK_SEARCH_MINUTES, expr.clone())
            } else {
                (
                    SQLITE_SAK_SEARCH_PAPERS,
                    format!("{SQLITE_PAPERS_COLUMNS} : ({expr})"),
                )
            };
            Some(Statement::from_sql_and_values(
                backend,
                sql,
                [
                    matching.into(),
                    mark(MARK_START),
                    mark(MARK_END),
                    ids.into(),
                    limit.into(),
                ],
            ))
        }
    }
}

// ---------------------------------------------------------------------------------------
// Names of people and organisations

const PERSON_NAME: [person::Column; 3] = [
    person::Column::Id,
    person::Column::Name,
    person::Column::Title,
];
const ORG_NAME: [organisation::Column; 3] = [
    organisation::Column::Id,
    organisation::Column::Name,
    organisation::Column::ShortName,
];

/// Rows of `E` whose name (or detail) matches; `columns` are its id, name and detail (a
/// person's title, an organisation's short name).
async fn names<E: EntityTrait>(
    db: &DatabaseConnection,
    q: &SearchQuery,
    kind: HitKind,
    columns: [E::Column; 3],
) -> AppResult<Vec<Hit>> {
    let rows: Vec<(i32, String, Option<String>)> = E::find()
        .select_only()
        .columns(columns)
        .into_tuple()
        .all(db)
        .await?;
    Ok(name_hits(kind, q, rows))
}

/// Rows `(id, name, detail)` whose name (or detail, e.g. "KS") matches, the best
/// `q.window()`; `detail` is the snippet.
fn name_hits(kind: HitKind, q: &SearchQuery, rows: Vec<(i32, String, Option<String>)>) -> Vec<Hit> {
    let query = NameQuery::new(&q.text);
    let mut hits: Vec<Hit> = rows
        .into_iter()
        .filter_map(|(id, name, detail)| {
            let (score, title) = query.score(&name).or_else(|| {
                detail
                    .as_deref()
                    .and_then(|d| query.score(d))
                    .map(|(score, _)| (score / 2.0, name.clone()))
            })?;
            Some(Hit {
                kind,
                id,
                rank: NAME_RANK + score,
                title: to_html(&title),
                snippet: to_html(detail.as_deref().unwrap_or_default()),
            })
        })
        .collect();
    hits.sort_by(|a, b| b.rank.total_cmp(&a.rank).then(b.id.cmp(&a.id)));
    hits.truncate(q.window());
    hits
}

/// The query read for names: groups of words joined by OR, each word a prefix of a word
/// of the name; excluded words must not start any word of it.
struct NameQuery {
    groups: Vec<Vec<String>>,
    excluded: Vec<String>,
}

impl NameQuery {
    fn new(text: &str) -> Self {
        let mut groups: Vec<Vec<String>> = vec![Vec::new()];
        let mut excluded = Vec::new();
        for token in tokens(text) {
            match token {
                Token::Word(w) => groups
                    .last_mut()
                    .into_iter()
                    .for_each(|g| g.push(w.clone())),
                Token::Phrase(ws) => groups
                    .last_mut()
                    .into_iter()
                    .for_each(|g| g.extend(ws.clone())),
                Token::Not(w) => excluded.push(w),
                Token::Or => groups.push(Vec::new()),
            }
        }
        groups.retain(|g| !g.is_empty());
        Self { groups, excluded }
    }

    /// How much of the name the best matching group covers (1.0 = all of it), and the name
    /// with the matched beginnings marked; None when it does not match.
    fn score(&self, name: &str) -> Option<(f64, String)> {
        let lower = |w: &str| w.to_lowercase();
        let spans = word_spans(name);
        if self
            .excluded
            .iter()
            .any(|x| spans.iter().any(|(_, w)| lower(w).starts_with(x.as_str())))
        {
            return None;
        }
        let letters: usize = spans.iter().map(|(_, w)| w.chars().count()).sum();
        let best = self
            .groups
            .iter()
            .filter_map(|group| {
                let mut marks = Vec::new();
                for term in group {
                    let (start, w) = spans
                        .iter()
                        .find(|(_, w)| lower(w).starts_with(term.as_str()))?;
                    // A term is a prefix in lower case; mark as many characters of the original.
                    let end = w
                        .char_indices()
                        .nth(term.chars().count())
                        .map_or(w.len(), |(i, _)| i);
                    marks.push((*start, start + end, term.chars().count()));
                }
                Some(marks)
            })
            .max_by_key(|marks| marks.iter().map(|m| m.2).sum::<usize>())?;
        let covered: usize = best.iter().map(|m| m.2).sum();
        let mut marked = String::with_capacity(name.len() + 8);
        let mut at = 0;
        let mut sorted = best;
        sorted.sort_unstable();
        sorted.dedup_by_key(|m| m.0);
        for (start, end, _) in sorted {
            if start < at {
                continue;
            }
            marked.push_str(&name[at..start]);
            marked.push(MARK_START);
            marked.push_str(&name[start..end]);
            marked.push(MARK_END);
            at = end;
        }
        marked.push_str(&name[at..]);
        Some(((covered as f64 / letters.max(1) as f64).min(1.0), marked))
    }
}

/// The words of `text` with their byte offsets, so marks can go into the original text.
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// The field excerpt with the most highlighted words; the first non-empty one when only
/// the title matched.
pub(crate) fn best_snippet(fields: &[Option<String>]) -> String {
    let present = || fields.iter().flatten().filter(|f| !f.trim().is_empty());
    present()
        .enumerate()
        .map(|(i, f)| (f.matches(MARK_START).count(), std::cmp::Reverse(i), f))
        .filter(|(marks, _, _)| *marks > 0)
        .max()
        .map(|(_, _, f)| f.clone())
        .or_else(|| present().next().cloned())
        .unwrap_or_default()
}

/// Escapes the text for HTML and turns the highlight markers into `<mark>`.
pub(crate) fn to_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            MARK_START => out.push_str("<mark>"),
            MARK_END => out.push_str("</mark>"),
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// The query in FTS5's language

#[derive(Debug, PartialEq, Eq)]
enum Token {
    Word(String),
    Phrase(Vec<String>),
    Not(String),
    Or,
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Reads the query as a web search box does: words (all must match), "quoted phrases",
/// -excluded words and OR between alternatives.
fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        if let Some(after) = rest.strip_prefix('"') {
            let (inside, next) = after.split_once('"').unwrap_or((after, ""));
            let ws = words(inside);
            if !ws.is_empty() {
                out.push(Token::Phrase(ws));
            }
            rest = next;
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (chunk, next) = rest.split_at(end);
        rest = next;
        if chunk == "OR" || chunk.eq_ignore_ascii_case("or") {
            out.push(Token::Or);
        } else if let Some(negated) = chunk.strip_prefix('-') {
            out.extend(words(negated).into_iter().map(Token::Not));
        } else {
            out.extend(words(chunk).into_iter().map(Token::Word));
        }
    }
    out
}

/// Norwegian inflection endings, longest first: the query's words are cut to a stem and
/// matched as prefixes, so "helsedataene" finds "helsedata" and "rådets" finds "rådet".
const SUFFIXES: &[&str] = &[
    "hetene", "hetens", "heten", "ende", "ande", "ene", "ane", "ens", "ets", "ers", "het", "en",
    "er", "et", "ar", "as", "es", "e", "a", "s",
];

fn stem(word: &str) -> String {
    let len = word.chars().count();
    for suffix in SUFFIXES {
        let keep = len.saturating_sub(suffix.chars().count());
        if word.ends_with(suffix) && keep >= 3 {
            return word.chars().take(keep).collect();
        }
    }
    word.to_owned()
}

/// `"word"*` terms joined by AND, groups by OR, excluded words with NOT. Only letters and
/// digits survive tokenising, so nothing in the user's text can act as FTS5 syntax.
fn to_fts5(text: &str) -> Option<String> {
    let mut groups: Vec<Vec<String>> = vec![Vec::new()];
    let mut excluded = Vec::new();
    for token in tokens(text) {
        match token {
            Token::Word(w) => {
                if let Some(g) = groups.last_mut() {
                    g.push(format!("\"{}\"*", stem(&w)));
                }
            }
            Token::Phrase(ws) => {
                if let Some(g) = groups.last_mut() {
                    g.push(format!("\"{}\"", ws.join(" ")));
                }
            }
            Token::Not(w) => excluded.push(format!("\"{}\"*", stem(&w))),
            Token::Or => groups.push(Vec::new()),
        }
    }
    let groups: Vec<String> = groups
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|g| format!("({})", g.join(" AND ")))
        .collect();
    if groups.is_empty() {
        return None;
    }
    let positive = groups.join(" OR ");
    Some(if excluded.is_empty() {
        positive
    } else {
        format!("({positive}) NOT ({})", excluded.join(" OR "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_web_style_query_becomes_an_fts5_expression_with_stemmed_prefixes() {
        assert_eq!(
            to_fts5("helsedataene rådets").as_deref(),
            Some("(\"helsedata\"* AND \"råd\"*)")
        );
        assert_eq!(
            to_fts5("\"kliniske studier\" OR forskning -budsjett").as_deref(),
            Some("((\"kliniske studier\") OR (\"forskning\"*)) NOT (\"budsjett\"*)")
        );
    }

    #[test]
    fn search_text_is_trimmed_capped_and_free_of_control_characters() {
        let code = |text: &str| SearchQuery::parse(text, None, 0).err().map(|e| e.code());
        assert_eq!(code("  helse  "), None);
        assert_eq!(code("   "), Some("VALIDATION"));
        assert_eq!(code("helse\u{0}data"), Some("VALIDATION"));
        assert_eq!(code(&"a".repeat(MAX_TEXT + 1)), Some("VALIDATION"));
    }

    #[test]
    fn fts5_syntax_in_the_users_text_is_only_words() {
        assert_eq!(
            to_fts5("title:x* NEAR(\"a\" ^b)").as_deref(),
            Some("(\"titl\"* AND \"x\"* AND \"near\"* AND \"a\"* AND \"b\"*)")
        );
        assert_eq!(to_fts5("*** () -"), None);
        assert_eq!(to_fts5("-alene"), None);
    }

    #[test]
    fn names_match_at_word_beginnings_in_any_case() {
        let marked = |s: &str| {
            s.replace('[', &MARK_START.to_string())
                .replace(']', &MARK_END.to_string())
        };
        let (score, title) = NameQuery::new("GURI rør")
            .score("Guri Rørtveit")
            .expect("matches");
        assert_eq!(title, marked("[Guri] [Rør]tveit"));
        assert!(score < 1.0);
        let whole = NameQuery::new("guri rørtveit").score("Guri Rørtveit");
        assert_eq!(whole.map(|s| s.0), Some(1.0));
        assert!(NameQuery::new("tveit").score("Guri Rørtveit").is_none());
        assert!(
            NameQuery::new("guri -rørtveit")
                .score("Guri Rørtveit")
                .is_none()
        );
        assert!(
            NameQuery::new("hansen OR øivind")
                .score("Øivind Enger")
                .is_some()
        );
        assert!(NameQuery::new("-enger").score("Øivind Enger").is_none());
    }

    #[test]
    fn snippets_are_escaped_html_with_marks() {
        let text = format!("a <b> & {MARK_START}helsedata{MARK_END}…");
        assert_eq!(to_html(&text), "a &lt;b&gt; &amp; <mark>helsedata</mark>…");
    }

    #[test]
    fn the_snippet_comes_from_the_field_with_most_matches() {
        let m = |s: &str| {
            s.replace('[', &MARK_START.to_string())
                .replace(']', &MARK_END.to_string())
        };
        let fields = [
            Some("ingen treff".to_owned()),
            Some(m("[en] treff")),
            Some(m("[to] [treff]")),
            None,
        ];
        assert_eq!(best_snippet(&fields), m("[to] [treff]"));
        assert_eq!(
            best_snippet(&[None, Some(" ".into()), Some("x".into())]),
            "x"
        );
    }
}
