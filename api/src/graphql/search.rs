//! Full-text search over the papers the viewer may read.
use async_graphql::{ComplexObject, Context, Enum, Object, SimpleObject};
use entity::{consultation_round, meeting, organisation, person, policy_document, sak};

use super::{
    ContextExt,
    consultations::{ConsultationRound, PolicyDocument, document_visible},
    decode_cursor, encode_cursor, load_err,
    people::{Organisation, Person},
    saker::Sak,
};
use crate::{
    auth::policy,
    error::AppResult,
    loaders::ById,
    service::search::{self as svc, HitKind},
};

/// What a search hit is.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchHitKind {
    /// A sak: its title, saksfremlegg, and (where the minutes are readable) discussion and vedtak.
    Sak,
    /// A policy document the council follows (melding, NOU, strategi …).
    PolicyDocument,
    /// A consultation round of a policy document (innspill, høring).
    ConsultationRound,
    /// A person, by name.
    Person,
    /// An organisation, by name or short name.
    Organisation,
}

impl From<HitKind> for SearchHitKind {
    fn from(k: HitKind) -> Self {
        match k {
            HitKind::Sak => Self::Sak,
            HitKind::PolicyDocument => Self::PolicyDocument,
            HitKind::ConsultationRound => Self::ConsultationRound,
            HitKind::Person => Self::Person,
            HitKind::Organisation => Self::Organisation,
        }
    }
}

/// One search result, best first.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct SearchHit {
    /// What was found.
    pub kind: SearchHitKind,
    /// Relevance: higher is better; comparable only within one search.
    pub rank: f64,
    /// The title as HTML: escaped text with `<mark>` around the matching words.
    pub title: String,
    /// An excerpt as HTML, e.g. "…tilgang til <mark>helsedata</mark> for forskning…"; for a
    /// person their title, for an organisation its short name.
    pub snippet: String,
    /// Pass as `after` to get the hits that follow this one.
    pub cursor: String,
    #[graphql(skip)]
    pub id: i32,
}

impl SearchHit {
    /// The hit at `position` (0 = best) of the whole result.
    fn new(h: svc::Hit, position: usize) -> Self {
        Self {
            kind: h.kind.into(),
            rank: h.rank,
            title: h.title,
            snippet: h.snippet,
            cursor: encode_cursor(position),
            id: h.id,
        }
    }
}

#[ComplexObject]
impl SearchHit {
    /// The sak, when the hit is one.
    async fn sak(&self, ctx: &Context<'_>) -> AppResult<Option<Sak>> {
        if self.kind != SearchHitKind::Sak {
            return Ok(None);
        }
        let Some(s) = ctx
            .loader::<ById<sak::Entity>>()
            .load_one(self.id)
            .await
            .map_err(load_err)?
        else {
            return Ok(None);
        };
        let Some(m) = ctx
            .loader::<ById<meeting::Entity>>()
            .load_one(s.meeting_id)
            .await
            .map_err(load_err)?
        else {
            return Ok(None);
        };
        let viewer = ctx.viewer();
        if !policy::can_read_meeting(viewer, &m) {
            return Ok(None);
        }
        Ok(Some(Sak::new(s, &m, viewer)))
    }

    /// The policy document, when the hit is one or is one of its consultation rounds.
    async fn policy_document(&self, ctx: &Context<'_>) -> AppResult<Option<PolicyDocument>> {
        let doc_id = match self.kind {
            SearchHitKind::PolicyDocument => self.id,
            SearchHitKind::ConsultationRound => match self.round(ctx).await? {
                Some(r) => r.policy_document_id,
                None => return Ok(None),
            },
            _ => return Ok(None),
        };
        Ok(self
            .visible_document(ctx, doc_id)
            .await?
            .map(PolicyDocument::from))
    }

    /// The consultation round, when the hit is one.
    async fn consultation_round(&self, ctx: &Context<'_>) -> AppResult<Option<ConsultationRound>> {
        if self.kind != SearchHitKind::ConsultationRound {
            return Ok(None);
        }
        let Some(round) = self.round(ctx).await? else {
            return Ok(None);
        };
        if self
            .visible_document(ctx, round.policy_document_id)
            .await?
            .is_none()
        {
            return Ok(None);
        }
        Ok(Some(ConsultationRound::from(round)))
    }

    /// The person, when the hit is one.
    async fn person(&self, ctx: &Context<'_>) -> AppResult<Option<Person>> {
        if self.kind != SearchHitKind::Person {
            return Ok(None);
        }
        let p = ctx
            .loader::<ById<person::Entity>>()
            .load_one(self.id)
            .await
            .map_err(load_err)?;
        Ok(p.map(|p| Person::new(p, ctx)))
    }

    /// The organisation, when the hit is one.
    async fn organisation(&self, ctx: &Context<'_>) -> AppResult<Option<Organisation>> {
        if self.kind != SearchHitKind::Organisation {
            return Ok(None);
        }
        let o = ctx
            .loader::<ById<organisation::Entity>>()
            .load_one(self.id)
            .await
            .map_err(load_err)?;
        Ok(o.map(Organisation::from))
    }
}

impl SearchHit {
    async fn round(&self, ctx: &Context<'_>) -> AppResult<Option<consultation_round::Model>> {
        ctx.loader::<ById<consultation_round::Entity>>()
            .load_one(self.id)
            .await
            .map_err(load_err)
    }

    async fn visible_document(
        &self,
        ctx: &Context<'_>,
        id: i32,
    ) -> AppResult<Option<policy_document::Model>> {
        let doc = ctx
            .loader::<ById<policy_document::Entity>>()
            .load_one(id)
            .await
            .map_err(load_err)?;
        match doc {
            Some(d) if document_visible(ctx, &d).await? => Ok(Some(d)),
            _ => Ok(None),
        }
    }
}

#[derive(Default)]
pub struct SearchQuery;

#[Object]
impl SearchQuery {
    /// Searches sak titles, saksfremlegg, the discussion and vedtak of minutes you may read,
    /// the policy documents you may see with their consultation rounds, and the names of
    /// people and organisations (name hits come first); ranked, with highlighted snippets.
    /// Web-search syntax: words (all must match), "a phrase", -excluded, OR. `text` at most
    /// 200 characters; `first` 1–50 (default 20); `after` a hit's `cursor` for the next
    /// page, within the best 200 hits.
    #[graphql(complexity = "first.unwrap_or(20).clamp(0, 50) as usize * child_complexity")]
    async fn search(
        &self,
        ctx: &Context<'_>,
        text: String,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Vec<SearchHit>> {
        let offset = decode_cursor(after.as_deref())?;
        let query = svc::SearchQuery::parse(&text, first, offset)?;
        let hits = svc::search(&ctx.db().read, ctx.viewer(), &query).await?;
        Ok(hits
            .into_iter()
            .enumerate()
            .map(|(i, h)| SearchHit::new(h, offset + i))
            .collect())
    }
}
