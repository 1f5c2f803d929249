//! Demo data: the council's real papers (api/demo/helseomsorg21.json), loaded through the
//! same services the API uses; and a synthetic generator for benchmarks. Everything, the
//! demo accounts included, is written in one transaction: all or nothing.
pub mod model;
mod real;
mod synthetic;

use anyhow::{anyhow, bail};
use entity::{enums::UserRole, meeting};
use rand::Rng;
use sea_orm::{DatabaseTransaction, EntityTrait, PaginatorTrait, TransactionTrait};

use crate::{
    auth::policy::{self, SecretariatWrite},
    config::Config,
    db::Db,
    error::{AppError, AppResult},
    service::users::{self, NewUser},
};

#[derive(clap::Args, Debug, Clone, Default)]
pub struct DemoArgs {
    /// Load only into an empty database (no meetings yet); otherwise skip quietly.
    #[arg(long)]
    pub if_empty: bool,
    /// Generate synthetic data for benchmarks instead of the real papers.
    #[arg(long)]
    pub synthetic: bool,
    /// Years of synthetic data.
    #[arg(long, default_value_t = 10)]
    pub years: u32,
}

/// What was loaded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub meetings: usize,
    pub saker: usize,
    pub people: usize,
    pub attendance: usize,
    pub working_groups: usize,
    pub policy_documents: usize,
}

/// A demo login, shown once.
#[derive(Clone, Debug)]
pub struct DemoAccount {
    pub role: UserRole,
    pub email: String,
    pub password: String,
    pub person: String,
}

#[derive(Debug)]
pub enum Outcome {
    Loaded {
        summary: Summary,
        accounts: Vec<DemoAccount>,
    },
    /// `--if-empty` and the database already has meetings.
    Skipped,
}

/// The people the demo accounts belong to.
struct AccountPeople {
    secretariat: i32,
    member: i32,
    observer: i32,
}

/// Service errors carry a field or a hidden cause; the operator needs both, and where.
trait AppContext<T> {
    fn app(self, what: impl FnOnce() -> String) -> anyhow::Result<T>;
}

impl<T> AppContext<T> for AppResult<T> {
    fn app(self, what: impl FnOnce() -> String) -> anyhow::Result<T> {
        self.map_err(|e| match e {
            AppError::Internal(cause) => anyhow!("{}: {cause:#}", what()),
            AppError::Validation { field, message } => anyhow!("{}: {field}: {message}", what()),
            other => anyhow!("{}: {other}", what()),
        })
    }
}

/// `motebok demo`: loads, then prints what was loaded and the accounts' passwords (once).
pub async fn run(db: &Db, config: &Config, args: &DemoArgs) -> anyhow::Result<()> {
    match load(db, config, args).await? {
        Outcome::Skipped => {
            tracing::debug!("the database already has meetings; demo data not loaded");
        }
        Outcome::Loaded { summary, accounts } => {
            println!(
                "Demo data loaded: {} meetings, {} saker, {} people, {} attendance rows, \
                 {} working groups, {} policy documents.",
                summary.meetings,
                summary.saker,
                summary.people,
                summary.attendance,
                summary.working_groups,
                summary.policy_documents
            );
            println!("Demo accounts (the passwords are shown only now):");
            for a in &accounts {
                println!(
                    "  {:<12} {:<28} {}   ({})",
                    format!("{:?}", a.role).to_lowercase(),
                    a.email,
                    a.password,
                    a.person
                );
            }
        }
    }
    Ok(())
}

/// Loads the real papers, or synthetic data, into an empty database in one transaction.
pub async fn load(db: &Db, config: &Config, args: &DemoArgs) -> anyhow::Result<Outcome> {
    if config.is_production() {
        bail!("demo data refuses to load in production mode (MOTEBOK_ENV=production)");
    }
    if args.synthetic && !(1..=50).contains(&args.years) {
        bail!("--years must be between 1 and 50");
    }
    let proof = policy::system_write("motebok demo");
    let txn = db.write.begin().await?;
    // Checked inside the transaction, which holds the only writer on SQLite; on PostgreSQL
    // a concurrent second load fails on the unique meeting numbers and rolls back.
    if meeting::Entity::find().count(&txn).await? > 0 {
        if args.if_empty {
            return Ok(Outcome::Skipped);
        }
        bail!(
            "the database already has meetings, so demo data is not loaded again; \
             use --if-empty to skip quietly, or start from an empty database"
        );
    }
    let (summary, people) = if args.synthetic {
        synthetic::load(&txn, &proof, args.years).await?
    } else {
        real::load(&txn, &proof).await?
    };
    let accounts = create_accounts(&txn, &proof, &people).await?;
    txn.commit().await?;
    Ok(Outcome::Loaded { summary, accounts })
}

const PASSWORD_ALPHABET: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// 20 characters (about 117 bits), above the secretariat's minimum of 15.
fn random_password() -> String {
    let mut rng = rand::rng();
    (0..20)
        .map(|_| char::from(PASSWORD_ALPHABET[rng.random_range(0..PASSWORD_ALPHABET.len())]))
        .collect()
}

async fn create_accounts(
    txn: &DatabaseTransaction,
    proof: &SecretariatWrite,
    people: &AccountPeople,
) -> anyhow::Result<Vec<DemoAccount>> {
    let wanted = [
        (
            UserRole::Secretariat,
            "sekretariat@demo.example",
            people.secretariat,
        ),
        (UserRole::Member, "medlem@demo.example", people.member),
        (
            UserRole::Observer,
            "observator@demo.example",
            people.observer,
        ),
    ];
    let mut out = Vec::with_capacity(wanted.len());
    for (role, email, person_id) in wanted {
        let person = entity::person::Entity::find_by_id(person_id)
            .one(txn)
            .await?
            .ok_or_else(|| anyhow!("the demo account's person {person_id} is missing"))?;
        let password = random_password();
        users::create(
            txn,
            proof,
            NewUser {
                email: email.to_owned(),
                display_name: person.name.clone(),
                role,
                password: password.clone(),
                person_id: Some(person_id),
            },
        )
        .await
        .app(|| format!("the {role:?} demo account"))?;
        out.push(DemoAccount {
            role,
            email: email.to_owned(),
            password,
            person: person.name,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_council_papers_match_the_data_model() {
        let data = super::model::parse(super::model::HELSEOMSORG21).unwrap();
        assert!(data.meetings.iter().any(|m| m.code == "2/2025"));
    }

    #[test]
    fn demo_passwords_are_long_enough_for_the_secretariat_and_differ() {
        let (a, b) = (super::random_password(), super::random_password());
        assert!(a.chars().count() >= 15);
        assert_ne!(a, b);
    }
}
