//! The `motebok` command line: serve, migrate, demo, schema, user.
use std::{io::Read, process::ExitCode};

use clap::{Parser, Subcommand, ValueEnum};
use migration::{Migrator, MigratorTrait};

use crate::{
    auth::policy,
    config::Config,
    db::Db,
    service::users::{self, NewUser},
    startup::Application,
    telemetry,
};

#[derive(Parser)]
#[command(
    name = "motebok",
    version,
    about = "Møtebok: meetings, saker, minutes and høringer for a council"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Apply pending migrations, then serve the API (and the web app, if MOTEBOK_WEB_DIR is set).
    Serve,
    /// Manage the database schema.
    Migrate {
        #[command(subcommand)]
        action: MigrateAction,
    },
    /// Load the demo data (the council's real papers) into the configured database.
    Demo(crate::demo::DemoArgs),
    /// Print the GraphQL schema (SDL).
    Schema,
    /// Manage user accounts.
    User {
        #[command(subcommand)]
        action: UserAction,
    },
}

#[derive(Subcommand)]
enum MigrateAction {
    /// Apply all pending migrations.
    Up,
    /// Roll back the last migration (or `--steps N`).
    Down {
        #[arg(long, default_value_t = 1)]
        steps: u32,
    },
    /// Show which migrations are applied.
    Status,
}

#[derive(Subcommand)]
enum UserAction {
    /// Create an account; the password is read from standard input.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_enum)]
        role: RoleArg,
        /// Link the account to an existing person (by id).
        #[arg(long)]
        person_id: Option<i32>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    Secretariat,
    Member,
    Observer,
}

impl From<RoleArg> for entity::enums::UserRole {
    fn from(r: RoleArg) -> Self {
        match r {
            RoleArg::Secretariat => Self::Secretariat,
            RoleArg::Member => Self::Member,
            RoleArg::Observer => Self::Observer,
        }
    }
}

pub async fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Schema = cli.command {
        print!("{}", crate::graphql::sdl());
        return ExitCode::SUCCESS;
    }
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(config.log_format);
    match run(cli.command, config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    match command {
        Command::Serve => {
            let app = Application::build(config.clone()).await?;
            tracing::info!(
                "Møtebok listening on http://{}:{}",
                config.bind.ip(),
                app.port()
            );
            app.run().await?;
        }
        Command::Migrate { action } => {
            let db = Db::connect(&config.database_url).await?;
            match action {
                MigrateAction::Up => Migrator::up(&db.write, None).await?,
                MigrateAction::Down { steps } => Migrator::down(&db.write, Some(steps)).await?,
                MigrateAction::Status => {
                    for m in Migrator::get_migration_with_status(&db.write).await? {
                        println!("{:<40} {}", m.name(), m.status());
                    }
                }
            }
        }
        Command::Demo(args) => {
            let db = Db::connect(&config.database_url).await?;
            db.migrate_up().await?;
            crate::demo::run(&db, &config, &args).await?;
        }
        Command::User {
            action:
                UserAction::Create {
                    email,
                    name,
                    role,
                    person_id,
                },
        } => {
            let mut password = String::new();
            std::io::stdin().read_to_string(&mut password)?;
            let db = Db::connect(&config.database_url).await?;
            db.migrate_up().await?;
            let proof = policy::system_write("motebok user create");
            let user = users::create(
                &db.write,
                &proof,
                NewUser {
                    email,
                    display_name: name,
                    role: role.into(),
                    password: password.trim_end_matches(['\r', '\n']).to_owned(),
                    person_id,
                },
            )
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("created user {} ({})", user.email, user.id);
        }
        Command::Schema => unreachable!("handled before configuration is read"),
    }
    Ok(())
}
