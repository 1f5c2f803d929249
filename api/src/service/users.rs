//! User accounts.
use entity::{enums::UserRole, user_account};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use super::audit;
use crate::{
    auth::{
        password,
        policy::{Proof, SecretariatWrite},
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
    .map_err(|e| match AppError::from(e) {
        AppError::Conflict(_) => {
            AppError::validation("email", "An account with this e-mail already exists")
        }
        other => other,
    })?;
    audit::record::<user_account::Entity, _>(db, proof.actor(), user.id, None, Some(&user)).await?;
    Ok(user)
}
