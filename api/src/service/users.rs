//! User accounts.
use entity::{enums::UserRole, person, refresh_token, user_account};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
    sea_query::{Expr, ExprTrait},
};

use super::{audit, unique_as, update_versioned};
use crate::{
    auth::{
        password,
        policy::{Proof, SecretariatWrite, SelfWrite},
    },
    error::{AppError, AppResult},
};

pub struct NewUser {
    pub email: String,
    pub display_name: String,
    pub role: UserRole,
    pub password: String,
    pub person_id: Option<i32>,
}

pub fn parse_email(email: &str) -> AppResult<String> {
    let e = email.trim().to_lowercase();
    let valid = e.len() <= 254
        && e.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        })
        && !e.chars().any(char::is_whitespace);
    if valid {
        Ok(e)
    } else {
        Err(AppError::validation("email", "Not a valid e-mail address"))
    }
}

pub async fn create(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    new: NewUser,
) -> AppResult<user_account::Model> {
    let email = parse_email(&new.email)?;
    let display_name = super::required_text("name", new.display_name, 200)?;
    password::check_policy(&new.password, new.role)?;
    if let Some(p) = new.person_id
        && person::Entity::find_by_id(p).count(db).await? == 0
    {
        return Err(AppError::validation("personId", "No such person"));
    }
    let hash = password::hash(new.password).await?;
    let now = super::now();
    let user = user_account::ActiveModel {
        person_id: Set(new.person_id),
        email: Set(email),
        display_name: Set(display_name),
        password_hash: Set(hash),
        role: Set(new.role),
        active: Set(true),
        token_version: Set(0),
        last_login_at: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| match e.sql_err() {
        // Two unique indexes: the message names the one that was hit.
        Some(sea_orm::SqlErr::UniqueConstraintViolation(m)) if m.contains("person_id") => {
            AppError::validation("personId", "Another account belongs to this person")
        }
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            AppError::validation("email", "An account with this e-mail already exists")
        }
        _ => AppError::from(e),
    })?;
    audit::record::<user_account::Entity, _>(db, proof.actor(), user.id, None, Some(&user)).await?;
    Ok(user)
}

/// Ends every session of the user at once: access tokens carry the token version, so bumping
/// it refuses them on their next request; refresh tokens are revoked so none can be renewed.
pub async fn end_sessions(db: &impl ConnectionTrait, user_id: i32) -> AppResult<()> {
    user_account::Entity::update_many()
        .col_expr(
            user_account::Column::TokenVersion,
            Expr::col(user_account::Column::TokenVersion).add(1),
        )
        .filter(user_account::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(super::now()))
        .filter(refresh_token::Column::UserId.eq(user_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    tracing::info!(event = "auth.sessions_ended", user_id, "all sessions ended");
    Ok(())
}

/// The secretariat cannot lock itself out by demoting or deactivating its own account.
fn not_own_account(proof: &SecretariatWrite, id: i32) -> AppResult<()> {
    if proof.actor().user_id == Some(id) {
        return Err(AppError::validation(
            "id",
            "You cannot change your own role or deactivate yourself; ask a colleague",
        ));
    }
    Ok(())
}

const USER: &str = "User";

/// Changes what a user may do; their current sessions end. `new_password` is set in the
/// same step, and is required for the secretariat role: its passwords need 15 characters,
/// and the account's old one was held only to its old role's rule (a hash cannot tell).
pub async fn set_role(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
    role: UserRole,
    new_password: Option<String>,
) -> AppResult<user_account::Model> {
    not_own_account(proof, id)?;
    let mut changes = user_account::ActiveModel {
        role: Set(role),
        ..Default::default()
    };
    match new_password {
        Some(p) => {
            password::check_policy(&p, role)?;
            changes.password_hash = Set(password::hash(p).await?);
        }
        None if role == UserRole::Secretariat => {
            return Err(AppError::validation(
                "password",
                "Give the account a new password of at least 15 characters for the secretariat role",
            ));
        }
        None => {}
    }
    let user = update_versioned::<user_account::Entity, _>(
        db,
        proof.actor(),
        USER,
        (id, version),
        changes,
        AppError::from,
    )
    .await?;
    end_sessions(db, id).await?;
    Ok(user)
}

/// Deactivates (every session ends at once) or reactivates an account.
pub async fn set_active(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
    active: bool,
) -> AppResult<user_account::Model> {
    not_own_account(proof, id)?;
    let changes = user_account::ActiveModel {
        active: Set(active),
        ..Default::default()
    };
    let user = update_versioned::<user_account::Entity, _>(
        db,
        proof.actor(),
        USER,
        (id, version),
        changes,
        AppError::from,
    )
    .await?;
    if !active {
        end_sessions(db, id).await?;
    }
    Ok(user)
}

/// Links the account to the person it belongs to (None unlinks).
pub async fn link_person(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
    person_id: Option<i32>,
) -> AppResult<user_account::Model> {
    if let Some(p) = person_id
        && person::Entity::find_by_id(p).count(db).await? == 0
    {
        return Err(AppError::validation("personId", "No such person"));
    }
    let changes = user_account::ActiveModel {
        person_id: Set(person_id),
        ..Default::default()
    };
    update_versioned::<user_account::Entity, _>(
        db,
        proof.actor(),
        USER,
        (id, version),
        changes,
        unique_as("personId", "Another account belongs to this person"),
    )
    .await
}

async fn store_password(
    db: &impl ConnectionTrait,
    actor: &crate::auth::policy::Actor,
    user: &user_account::Model,
    new_password: String,
) -> AppResult<user_account::Model> {
    password::check_policy(&new_password, user.role)?;
    let changes = user_account::ActiveModel {
        password_hash: Set(password::hash(new_password).await?),
        ..Default::default()
    };
    let after = update_versioned::<user_account::Entity, _>(
        db,
        actor,
        USER,
        (user.id, user.version),
        changes,
        AppError::from,
    )
    .await?;
    end_sessions(db, user.id).await?;
    Ok(after)
}

/// The secretariat sets a new password for a user (who must then log in again).
pub async fn reset_password(
    db: &impl ConnectionTrait,
    proof: &SecretariatWrite,
    id: i32,
    version: i32,
    new_password: String,
) -> AppResult<user_account::Model> {
    let user = user_account::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound(USER))?;
    if user.version != version {
        return Err(AppError::stale(USER));
    }
    store_password(db, proof.actor(), &user, new_password).await
}

/// A user changes their own password; the old one is required. Every session ends,
/// this one too.
pub async fn change_own_password(
    db: &impl ConnectionTrait,
    proof: &SelfWrite,
    old_password: String,
    new_password: String,
) -> AppResult<user_account::Model> {
    let user = user_account::Entity::find_by_id(proof.user_id)
        .one(db)
        .await?
        .filter(|u| u.active)
        .ok_or(AppError::Unauthenticated)?;
    if old_password.chars().count() > password::MAX_LEN
        || !password::verify(old_password, Some(user.password_hash.clone())).await?
    {
        return Err(AppError::validation(
            "oldPassword",
            "The old password is wrong",
        ));
    }
    if password::verify(new_password.clone(), Some(user.password_hash.clone())).await? {
        return Err(AppError::validation(
            "newPassword",
            "Choose a password you have not used here",
        ));
    }
    store_password(db, proof.actor(), &user, new_password)
        .await
        .map_err(|e| match e {
            AppError::Validation { message, .. } => AppError::validation("newPassword", message),
            other => other,
        })
}
