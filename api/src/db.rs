//! Database connections. SQLite gets WAL, foreign keys and a single writer connection
//! beside a small reader pool, so parallel writes queue instead of failing with
//! "database is locked"; PostgreSQL uses one pool for both.
use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, Database, DatabaseBackend, DatabaseConnection,
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
};

#[derive(Clone)]
pub struct Db {
    /// For reads. On SQLite a pool of readers.
    pub read: DatabaseConnection,
    /// For every write transaction. On SQLite a single connection.
    pub write: DatabaseConnection,
    statements: Arc<AtomicU64>,
}

impl Db {
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let statements = Arc::new(AtomicU64::new(0));
        let (mut read, mut write) = if url.starts_with("sqlite:") {
            ensure_sqlite_dir(url)?;
            let write = Database::connect(sqlite_options(url, 1))
                .await
                .context("opening SQLite (writer)")?;
            let read = Database::connect(sqlite_options(url, 4))
                .await
                .context("opening SQLite (readers)")?;
            (read, write)
        } else {
            let mut opts = ConnectOptions::new(url.to_owned());
            opts.max_connections(16)
                .min_connections(1)
                .acquire_timeout(Duration::from_secs(10))
                .sqlx_logging(false)
                // A runaway statement must not hold a connection forever.
                .map_sqlx_postgres_opts(|o| o.options([("statement_timeout", "15s")]));
            let pool = Database::connect(opts)
                .await
                .context("connecting to PostgreSQL")?;
            (pool.clone(), pool)
        };
        for conn in [&mut read, &mut write] {
            let counter = statements.clone();
            conn.set_metric_callback(move |_| {
                counter.fetch_add(1, Ordering::Relaxed);
            });
        }
        Ok(Self {
            read,
            write,
            statements,
        })
    }

    pub fn backend(&self) -> DatabaseBackend {
        self.read.get_database_backend()
    }

    /// How many SQL statements have run on this handle (for the tests that guard against N+1).
    pub fn statement_count(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    pub async fn migrate_up(&self) -> anyhow::Result<()> {
        Migrator::up(&self.write, None)
            .await
            .context("applying migrations")
    }
}

fn sqlite_options(url: &str, connections: u32) -> ConnectOptions {
    let mut opts = ConnectOptions::new(url.to_owned());
    opts.max_connections(connections)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(30))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                .create_if_missing(true)
        });
    opts
}

fn ensure_sqlite_dir(url: &str) -> anyhow::Result<()> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    if let Some(parent) = std::path::Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    Ok(())
}
