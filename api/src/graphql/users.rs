//! User accounts: the secretariat's administration of logins, and a user's own password.
use async_graphql::{
    ComplexObject, Context, ID, InputObject, Object, SimpleObject, connection::Connection,
};
use chrono::{DateTime, Utc};
use entity::{person, user_account};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};

use super::{
    ContextExt, TotalCount, load_err, me::Role, paginate, parse_id, people::Person, to_id,
};
use crate::{
    auth::{policy, throttle},
    error::{AppError, AppResult},
    loaders::ById,
    service::users as svc,
};

/// A login account (the secretariat's view).
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct UserAccount {
    /// The account's id.
    pub id: ID,
    /// Login e-mail.
    pub email: String,
    /// Display name.
    pub name: String,
    /// What the account may do.
    pub role: Role,
    /// Whether the account may log in.
    pub active: bool,
    /// The last successful login.
    pub last_login_at: Option<DateTime<Utc>>,
    /// When the account was made.
    pub created_at: DateTime<Utc>,
    /// The version to send back when editing.
    pub version: i32,
    #[graphql(skip)]
    pub person_id: Option<i32>,
}

impl From<user_account::Model> for UserAccount {
    fn from(m: user_account::Model) -> Self {
        Self {
            id: to_id(m.id),
            email: m.email,
            name: m.display_name,
            role: m.role.into(),
            active: m.active,
            last_login_at: m.last_login_at,
            created_at: m.created_at,
            version: m.version,
            person_id: m.person_id,
        }
    }
}

#[ComplexObject]
impl UserAccount {
    /// The person the account belongs to.
    async fn person(&self, ctx: &Context<'_>) -> AppResult<Option<Person>> {
        let Some(id) = self.person_id else {
            return Ok(None);
        };
        let p = ctx
            .loader::<ById<person::Entity>>()
            .load_one(id)
            .await
            .map_err(load_err)?;
        Ok(p.map(|p| Person::new(p, ctx)))
    }
}

/// A new account.
#[derive(InputObject)]
pub struct CreateUserInput {
    /// Login e-mail.
    pub email: String,
    /// Display name.
    pub name: String,
    /// What the account may do.
    pub role: Role,
    /// The first password: at least 8 characters, 15 for the secretariat.
    pub password: String,
    /// The person the account belongs to.
    pub person_id: Option<ID>,
}

#[derive(Default)]
pub struct UsersQuery;

#[Object]
impl UsersQuery {
    /// Login accounts by e-mail; filter by role and whether active (secretariat).
    #[graphql(complexity = "crate::graphql::list_complexity(first, child_complexity)")]
    async fn users(
        &self,
        ctx: &Context<'_>,
        role: Option<Role>,
        active: Option<bool>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<Connection<String, UserAccount, TotalCount>> {
        policy::require_secretariat_read(ctx.viewer())?;
        let mut q = user_account::Entity::find()
            .order_by_asc(user_account::Column::Email)
            .order_by_asc(user_account::Column::Id);
        if let Some(r) = role {
            q = q.filter(user_account::Column::Role.eq(entity::enums::UserRole::from(r)));
        }
        if let Some(a) = active {
            q = q.filter(user_account::Column::Active.eq(a));
        }
        paginate(ctx.db(), q, first, after, UserAccount::from).await
    }

    /// One login account (secretariat).
    async fn user(&self, ctx: &Context<'_>, id: ID) -> AppResult<Option<UserAccount>> {
        policy::require_secretariat_read(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        Ok(user_account::Entity::find_by_id(id)
            .one(&ctx.db().read)
            .await?
            .map(UserAccount::from))
    }
}

#[derive(Default)]
pub struct UsersMutation;

#[Object]
impl UsersMutation {
    /// Creates a login account (secretariat).
    async fn create_user(
        &self,
        ctx: &Context<'_>,
        input: CreateUserInput,
    ) -> AppResult<UserAccount> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let person_id = input
            .person_id
            .as_ref()
            .map(|p| parse_id(p, "personId"))
            .transpose()?;
        let new = svc::NewUser {
            email: input.email,
            display_name: input.name,
            role: input.role.into(),
            password: input.password,
            person_id,
        };
        let txn = ctx.db().write.begin().await?;
        let row = svc::create(&txn, &proof, new).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Changes what a user may do; their sessions end at once (secretariat). `password`
    /// sets a new password in the same step; it is required for the SECRETARIAT role (at
    /// least 15 characters), since the old one met only the shorter rule of other roles.
    async fn set_user_role(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        role: Role,
        password: Option<String>,
    ) -> AppResult<UserAccount> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let row = svc::set_role(&txn, &proof, id, version, role.into(), password).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Deactivates (every session ends at once) or reactivates an account (secretariat).
    async fn set_user_active(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        active: bool,
    ) -> AppResult<UserAccount> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let row = svc::set_active(&txn, &proof, id, version, active).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Links an account to the person it belongs to; null unlinks (secretariat).
    async fn link_user_to_person(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        person_id: Option<ID>,
    ) -> AppResult<UserAccount> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let person_id = person_id
            .as_ref()
            .map(|p| parse_id(p, "personId"))
            .transpose()?;
        let txn = ctx.db().write.begin().await?;
        let row = svc::link_person(&txn, &proof, id, version, person_id).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Sets a new password for a user, whose sessions end at once (secretariat).
    async fn reset_user_password(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        password: String,
    ) -> AppResult<UserAccount> {
        let proof = policy::secretariat_write(ctx.viewer())?;
        let id = parse_id(&id, "id")?;
        let txn = ctx.db().write.begin().await?;
        let row = svc::reset_password(&txn, &proof, id, version, password).await?;
        txn.commit().await?;
        Ok(row.into())
    }

    /// Changes your own password. Every session ends, this one too: log in again.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        old_password: String,
        new_password: String,
    ) -> AppResult<bool> {
        let proof = policy::self_write(ctx.viewer())?;
        let db = ctx.db();
        // Counted outside the transaction, so a wrong guess is not rolled back with it.
        let key = format!("password:{}", proof.user_id);
        let now = crate::service::now();
        if !throttle::reserve(&db.write, &key, throttle::Rule::Account, now).await? {
            return Err(AppError::RateLimited);
        }
        let txn = db.write.begin().await?;
        svc::change_own_password(&txn, &proof, old_password, new_password).await?;
        txn.commit().await?;
        throttle::clear(&db.write, &key).await?;
        tracing::info!(
            event = "auth.password_changed",
            user_id = proof.user_id,
            "password changed"
        );
        Ok(true)
    }
}
