//! Storage for Relais: one [`Store`] over either an embedded SQLite file (the default) or
//! PostgreSQL (several instances behind a load balancer). The same methods, the same
//! semantics, one migrations folder per database.
//!
//! Every query is written once in SQL both databases understand (numbered `$n` parameters,
//! `RETURNING`, `ON CONFLICT`, partial indexes); the few that must differ (row locks on
//! PostgreSQL) say so next to each other. The [`on_db!`] macro expands a body once per
//! backend so each gets its own concrete pool type (no `Any` driver).
//!
//! On SQLite all writes go through a single-connection pool: SQLite has one writer at a
//! time anyway, and queueing in-process avoids `SQLITE_BUSY` storms; reads use their own
//! pool and never block on writes (WAL).

/// Runs `$body` with `$pool` bound to the backend's concrete pool and `$backend` to its
/// [`Backend`]. `read` uses the read pool on SQLite, `write` the single writer connection;
/// PostgreSQL has one pool for both.
macro_rules! on_db {
    ($store:expr, $side:ident, |$pool:ident, $backend:ident| $body:expr) => {
        match &$store.db {
            crate::Db::Sqlite { $side: $pool, .. } => {
                #[allow(unused_variables)]
                let $backend = crate::Backend::Sqlite;
                $body
            }
            crate::Db::Postgres($pool) => {
                #[allow(unused_variables)]
                let $backend = crate::Backend::Postgres;
                $body
            }
        }
    };
}

mod error;
mod sqlite_writer;
mod write_steps;
pub mod calendar_tokens;
pub mod forecast;
pub mod badges;
pub mod charter;
pub mod journal;
pub mod line_calls;
pub mod models;
pub mod networks;
pub mod outbox;
pub mod partners;
pub mod password;
pub mod people;
pub mod places;
pub mod place_admin;
pub mod referrals;
pub mod person_journal;
pub mod requests;
pub mod retention;
pub mod sessions;
pub mod settings;
pub mod shifts;
pub mod sms_outbox;
pub mod sms_receipts;
pub mod stats;
pub mod telephony;
mod telephony_log;
pub mod topics;
pub mod tutorial_links;
pub mod tutorials;
pub mod users;

pub use error::StoreError;
pub use models::*;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub(crate) enum Db {
    Sqlite { write: SqlitePool, read: SqlitePool, writer: sqlite_writer::SqliteWriter },
    Postgres(PgPool),
}

/// A handle on the database; cheap to clone.
#[derive(Clone)]
pub struct Store {
    pub(crate) db: Db,
    /// The telephony log's writer, off the webhooks' answer path (`telephony_log.rs`).
    pub(crate) log: telephony_log::LogBuffer,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

impl Store {
    fn on(db: Db) -> Store {
        let log = telephony_log::LogBuffer::start(db.clone());
        Store { db, log }
    }

    /// Opens `url`: `sqlite://path/to/file.db` (created if missing) or `postgres://…`.
    pub async fn connect(url: &str) -> Result<Store> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let opts = PgConnectOptions::from_str(url).map_err(|e| StoreError::Config(e.to_string()))?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts)
                .await?;
            Ok(Store::on(Db::Postgres(pool)))
        } else if url.starts_with("sqlite:") {
            let base = SqliteConnectOptions::from_str(url)
                .map_err(|e| StoreError::Config(e.to_string()))?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // FULL: a request is acknowledged only once its commit is on disk, even
                // across a power cut, not only across a crash of the process.
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10));
            // The one writer gets a 64 MiB page cache (SQLite's default is 2 MiB): a large
            // transaction (a places import of 100,000 rows, ~80 MB of pages) otherwise spills
            // dirty pages to the WAL and rewrites them, half a million writes instead of the
            // file's size once (measured: 100,000 places in 8.2 s, most of it in pwrite).
            // Memory is taken only as pages are touched.
            let write = SqlitePoolOptions::new()
                .max_connections(1)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(base.clone().pragma("cache_size", "-65536"))
                .await?;
            let read = SqlitePoolOptions::new()
                .max_connections(4)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(base.read_only(true))
                .await?;
            let writer = sqlite_writer::SqliteWriter::start(write.clone());
            Ok(Store::on(Db::Sqlite { write, read, writer }))
        } else {
            Err(StoreError::Config(format!(
                "database URL must start with sqlite:// or postgres:// (got {:?})",
                url.split(':').next().unwrap_or("")
            )))
        }
    }

    pub fn backend(&self) -> Backend {
        match self.db {
            Db::Sqlite { .. } => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies pending migrations and seeds what every line needs (topics, settings).
    pub async fn migrate(&self) -> Result<()> {
        match &self.db {
            Db::Sqlite { write, .. } => SQLITE_MIGRATIONS.run(write).await?,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        self.seed_topics().await?;
        Ok(())
    }

    /// Whether every migration this binary knows is already applied, with the same checksum,
    /// read through the read-only pool: no lock is taken. SQLite: `Migrator::run` writes (it
    /// creates the bookkeeping table if missing, and the topic seeding inserts) and so needs
    /// the one write lock a running server also wants.
    pub async fn schema_is_current(&self) -> Result<bool> {
        let (migrator, applied): (&sqlx::migrate::Migrator, std::result::Result<Vec<(i64, Vec<u8>, bool)>, sqlx::Error>) = match &self.db {
            Db::Sqlite { read, .. } => (
                &SQLITE_MIGRATIONS,
                sqlx::query_as("SELECT version, checksum, success FROM _sqlx_migrations").fetch_all(read).await,
            ),
            Db::Postgres(pool) => (
                &POSTGRES_MIGRATIONS,
                sqlx::query_as("SELECT version, checksum, success FROM _sqlx_migrations").fetch_all(pool).await,
            ),
        };
        // No bookkeeping table yet (a new database): not current.
        let Ok(applied) = applied else { return Ok(false) };
        Ok(migrator.iter().filter(|m| !m.migration_type.is_down_migration()).all(|m| {
            applied.iter().any(|(v, sum, ok)| *v == m.version && *ok && sum.as_slice() == &*m.checksum)
        }))
    }

    /// For commands run beside a server (`relais import|export places`): migrates only when
    /// the schema is behind, so a command on an up-to-date database never competes for
    /// SQLite's write lock just to open it.
    pub async fn migrate_if_needed(&self) -> Result<bool> {
        if self.schema_is_current().await? {
            return Ok(false);
        }
        self.migrate().await?;
        Ok(true)
    }

    /// Cheap round trip for health checks.
    pub async fn ping(&self) -> Result<()> {
        on_db!(self, read, |pool, _b| {
            sqlx::query("SELECT 1").execute(pool).await?;
        });
        Ok(())
    }

    pub async fn close(&self) {
        match &self.db {
            Db::Sqlite { write, read, .. } => {
                write.close().await;
                read.close().await;
            }
            Db::Postgres(p) => p.close().await,
        }
    }
}

/// `",fr,ar,"` from `["fr","ar"]`: the delimited form stored in list columns, so a
/// `LIKE '%,' || code || ',%'` finds one code on both databases.
pub fn delimited(items: &[String]) -> String {
    if items.is_empty() { String::new() } else { format!(",{},", items.join(",")) }
}

/// Inverse of [`delimited`].
pub fn undelimited(s: &str) -> Vec<String> {
    s.split(',').filter(|p| !p.is_empty()).map(str::to_owned).collect()
}
