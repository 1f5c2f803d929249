//! The viewer's own account and personal API tokens.
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::api_token;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use super::{ContextExt, parse_id, to_id};
use crate::{
    api_enum,
    auth::{policy, tokens},
    error::{AppError, AppResult},
    service::required_text,
};

api_enum!(
    /// What a user account may do.
    Role = "entity::enums::UserRole" {
        /// Everything: the secretariat runs the council's work.
        Secretariat,
        /// Reads the papers of published meetings, declares habilitet, comments on draft minutes.
        Member,
        /// Reads published papers and approved minutes.
        Observer,
    }
);

/// The logged-in user.
#[derive(SimpleObject)]
pub struct Me {
    /// The account's id.
    pub id: ID,
    /// Login e-mail.
    pub email: String,
    /// Display name.
    pub name: String,
    /// The account's role.
    pub role: Role,
    /// The person this account belongs to, if any.
    pub person_id: Option<ID>,
    /// The scopes of the API token used, or null for an interactive login (all scopes).
    pub scopes: Option<Vec<String>>,
}

/// A personal API token (the secret itself is shown only once, at creation).
#[derive(SimpleObject)]
pub struct ApiToken {
    /// The token's id.
    pub id: ID,
    /// What the token is for.
    pub name: String,
    /// The first characters of the token, to recognise it.
    pub prefix: String,
    /// What the token may be used for: read, deadlines:read, reports:read, write.
    pub scopes: Vec<String>,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// When it stops working.
    pub expires_at: Option<DateTime<Utc>>,
    /// When it was last used (to the minute).
    pub last_used_at: Option<DateTime<Utc>>,
    /// When it was revoked.
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<api_token::Model> for ApiToken {
    fn from(m: api_token::Model) -> Self {
        Self {
            id: to_id(m.id),
            name: m.name,
            prefix: m.prefix,
            scopes: m.scopes.split(',').map(str::to_owned).collect(),
            created_at: m.created_at,
            expires_at: m.expires_at,
            last_used_at: m.last_used_at,
            revoked_at: m.revoked_at,
        }
    }
}

/// A new token and its secret.
#[derive(SimpleObject)]
pub struct CreatedApiToken {
    /// The secret, shown this once: send it as `Authorization: Bearer …`.
    pub token: String,
    /// The stored token.
    pub api_token: ApiToken,
}

/// What a new API token may do.
#[derive(InputObject)]
pub struct CreateApiTokenInput {
    /// What the token is for (e.g. "Kalender").
    pub name: String,
    /// Scopes: read, deadlines:read, reports:read, write.
    pub scopes: Vec<String>,
    /// When the token stops working: at most a year ahead; 90 days ahead when left out.
    pub expires_at: Option<DateTime<Utc>>,
}

#[derive(Default)]
pub struct MeQuery;

#[Object]
impl MeQuery {
    /// The logged-in user, or null for the public.
    async fn me(&self, ctx: &Context<'_>) -> Option<Me> {
        ctx.viewer().user().map(|u| Me {
            id: to_id(u.user_id),
            email: u.email.clone(),
            name: u.name.clone(),
            role: u.role.into(),
            person_id: u.person_id.map(to_id),
            scopes: u
                .scopes
                .as_ref()
                .map(|s| s.iter().map(|s| s.as_str().to_owned()).collect()),
        })
    }

    /// The logged-in user's API tokens, newest first.
    async fn api_tokens(&self, ctx: &Context<'_>) -> AppResult<Vec<ApiToken>> {
        let me = policy::self_write(ctx.viewer())?;
        let rows = api_token::Entity::find()
            .filter(api_token::Column::UserId.eq(me.user_id))
            .order_by_desc(api_token::Column::CreatedAt)
            .all(&ctx.db().read)
            .await?;
        Ok(rows.into_iter().map(ApiToken::from).collect())
    }
}

#[derive(Default)]
pub struct MeMutation;

#[Object]
impl MeMutation {
    /// Creates a personal API token; the answer carries the secret once.
    async fn create_api_token(
        &self,
        ctx: &Context<'_>,
        input: CreateApiTokenInput,
    ) -> AppResult<CreatedApiToken> {
        let proof = policy::self_write(ctx.viewer())?;
        let name = required_text("name", input.name, 100)?;
        if input.scopes.is_empty() || input.scopes.len() > tokens::Scope::ALL.len() {
            return Err(AppError::validation("scopes", "Give one to four scopes"));
        }
        let mut scopes = Vec::with_capacity(input.scopes.len());
        for given in &input.scopes {
            let scope = tokens::Scope::parse(given)?;
            if !scopes.contains(&scope) {
                scopes.push(scope);
            }
        }
        let now = crate::service::now();
        // Every token expires (SECURITY.md item 17): a forgotten script's token dies alone.
        let expires_at = input
            .expires_at
            .unwrap_or(now + chrono::Duration::days(tokens::API_TOKEN_DEFAULT_DAYS));
        if expires_at <= now
            || expires_at > now + chrono::Duration::days(tokens::API_TOKEN_MAX_DAYS)
        {
            return Err(AppError::validation(
                "expiresAt",
                "Must be in the future and at most a year ahead",
            ));
        }
        let secret = tokens::new_api_token();
        let db = &ctx.db().write;
        let row = api_token::ActiveModel {
            user_id: Set(proof.user_id),
            name: Set(name),
            prefix: Set(secret.chars().take(12).collect()),
            token_hash: Set(tokens::hash(&secret)),
            scopes: Set(scopes
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(",")),
            created_at: Set(now),
            expires_at: Set(Some(expires_at)),
            last_used_at: Set(None),
            revoked_at: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await?;
        tracing::info!(
            event = "auth.api_token_created",
            user_id = proof.user_id,
            token_id = row.id,
            "API token created"
        );
        Ok(CreatedApiToken {
            token: secret,
            api_token: row.into(),
        })
    }

    /// Revokes one of the logged-in user's API tokens.
    async fn revoke_api_token(&self, ctx: &Context<'_>, id: ID) -> AppResult<ApiToken> {
        let proof = policy::self_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let db = &ctx.db().write;
        let row = api_token::Entity::find_by_id(id)
            .filter(api_token::Column::UserId.eq(proof.user_id))
            .one(db)
            .await?
            .ok_or(AppError::NotFound("API token"))?;
        let mut active: api_token::ActiveModel = row.clone().into();
        active.revoked_at = Set(Some(row.revoked_at.unwrap_or_else(crate::service::now)));
        let row = active.update(db).await?;
        tracing::info!(
            event = "auth.token_revoked",
            user_id = proof.user_id,
            token_id = id,
            "API token revoked"
        );
        Ok(row.into())
    }
}
