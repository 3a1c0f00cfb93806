//! Load harness for the help-request core (issue 2).
//!
//! Two HTTP drivers against a running `relais serve` (intake; take-next + close), and two
//! "ceilings": a plain sqlx + SQLite program doing the same writes the server must do, on
//! the server's own schema (its migrations folder) and with the server's pragmas (WAL,
//! synchronous=FULL, foreign keys, one write connection), so that the ratio server/ceiling
//! says how much the HTTP, auth and domain layers cost on top of the database. Each ceiling
//! runs per commit (one transaction per write) or with `--group-commit` (one writer task,
//! up to `--batch` writes per transaction, each in a savepoint, every caller answered after
//! the commit: the server's own SQLite design, so the fair ceiling for it).
//!
//! Every mode prints a human summary and one machine-readable line starting with `RESULT`
//! (`key=value` pairs) that `bench/run.sh` parses.

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use sqlx::Row;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteSynchronous,
};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::sync::{Barrier, mpsc, oneshot};

mod gen_places;
mod seed_shifts;
mod time_places;

/// The server's schema, taken from its own migrations so the ceiling can never drift from it.
static MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../relais-store/migrations/sqlite");

#[derive(Parser)]
#[command(
    name = "relais-bench",
    about = "Load harness for Relais: HTTP drivers and plain-SQLite ceilings"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Plain SQLite: N intakes (duplicate check + request row + event row) from C tasks over
    /// one write connection; one transaction each, or group commit (--group-commit).
    CeilingIntake {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        group: GroupArgs,
        #[arg(long, default_value_t = 20_000)]
        n: u64,
        #[arg(long, default_value_t = 64)]
        concurrency: usize,
    },
    /// Plain SQLite: pre-fill N waiting requests, then C tasks loop claim (+event, +journal)
    /// and close (+event), each step its own transaction or, with --group-commit, its own
    /// savepoint in a shared one, until the queue is empty or the duration is over.
    CeilingCycle {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        group: GroupArgs,
        #[arg(long, default_value_t = 20_000)]
        n: u64,
        #[arg(long, default_value_t = 100)]
        concurrency: usize,
        /// Stop after this long even if the queue is not empty (e.g. 20s).
        #[arg(long, value_parser = parse_duration)]
        duration: Option<Duration>,
        /// Claim statement: `simple` (waiting, due, language; ORDER BY urgency DESC, due_at,
        /// created_at: served by the partial queue index) or `server` (relais-store's exact
        /// statement, with the follow-up reservation and topic-skill terms in ORDER BY).
        #[arg(long, default_value = "simple", value_parser = ["simple", "server"])]
        claim_sql: String,
    },
    /// HTTP: POST N help requests (distinct phone numbers) from C keep-alive clients; used to
    /// pre-fill the queue, and a cross-check of wrk's intake figures.
    Intake {
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        url: String,
        #[arg(long, default_value_t = 60_000)]
        n: u64,
        #[arg(long, default_value_t = 32)]
        concurrency: usize,
        /// Phone numbers are +33 6 <prefix digit> then 7 digits of a counter.
        #[arg(long, default_value_t = 6)]
        phone_prefix: u8,
    },
    /// HTTP: take-next + close cycle with V volunteers (token, on duty, then loop).
    Cycle {
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        url: String,
        #[arg(long, default_value_t = 100)]
        volunteers: usize,
        #[arg(long, default_value = "20s", value_parser = parse_duration)]
        duration: Duration,
        #[arg(long, env = "RELAIS_BENCH_PASSWORD")]
        password: String,
        /// `{}` is replaced by the volunteer's number, 1..=V.
        #[arg(long, default_value = "bench{}@relais.test")]
        email_pattern: String,
    },
    /// SQLite data folder for the coverage benchmark: V volunteers, W weeks of shifts with
    /// bookings, a feed volunteer with a known calendar token (see seed_shifts.rs).
    /// Files for bench/places.sh: N places drawn from the real samples' distributions (LMN
    /// JSON), the same places for PostgreSQL (CSV), and the query set (see gen_places.rs).
    GenPlaces {
        #[arg(long, default_value_t = 100_000)]
        n: usize,
        #[arg(long, default_value_t = 300)]
        queries: usize,
        #[arg(long, default_value_t = 6)]
        seed: u64,
        #[arg(long)]
        hinaura: PathBuf,
        #[arg(long)]
        gironde: PathBuf,
        #[arg(long)]
        out_dir: PathBuf,
    },
    /// Times each query of `gen-places`' query set in-process (no HTTP): which queries are
    /// slow, and whether the commune lookup or the search is.
    TimePlaces {
        #[arg(long)]
        places: PathBuf,
        #[arg(long)]
        paths: PathBuf,
        /// Instant of the searches (RFC 3339, e.g. 2026-12-04T05:00:00Z); default now.
        #[arg(long)]
        at: Option<String>,
        #[arg(long, default_value_t = 5)]
        repeat: usize,
        #[arg(long, default_value_t = 25)]
        top: usize,
    },
    SeedShifts {
        #[arg(long)]
        data_dir: PathBuf,
        #[arg(long, default_value_t = 2000)]
        volunteers: u32,
        #[arg(long, default_value_t = 8)]
        weeks: u16,
        #[arg(long, default_value_t = 20)]
        wanted: u32,
        #[arg(long, env = "RELAIS_BENCH_PASSWORD")]
        password: String,
        #[arg(long, default_value = "bench-feed-token")]
        feed_token: String,
    },
}

#[derive(clap::Args)]
struct DbArgs {
    /// SQLite file; removed first (with its -wal and -shm) so every run starts empty.
    #[arg(long)]
    db: PathBuf,
    /// synchronous pragma: full (what the server uses), normal or off (to see what fsync costs).
    #[arg(long, default_value = "full")]
    synchronous: String,
}

#[derive(clap::Args)]
struct GroupArgs {
    /// Group commit, as the server does on SQLite: the tasks hand their writes to one writer
    /// task, which runs up to --batch of them in one transaction (each in a savepoint),
    /// commits once, then answers each task. Without it: one transaction per write.
    #[arg(long)]
    group_commit: bool,
    /// Writes per commit at most, with --group-commit (the server's MAX_BATCH is 128).
    #[arg(long, default_value_t = 128, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    batch: u64,
}

impl GroupArgs {
    fn batch(&self) -> Option<usize> {
        self.group_commit.then_some(self.batch as usize)
    }
}

fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let (num, unit) = s.split_at(
        s.find(|c: char| !c.is_ascii_digit() && c != '.')
            .unwrap_or(s.len()),
    );
    let v: f64 = num.parse().map_err(|_| format!("bad duration {s:?}"))?;
    let secs = match unit {
        "" | "s" => v,
        "ms" => v / 1000.0,
        "m" | "min" => v * 60.0,
        _ => return Err(format!("bad duration unit in {s:?} (use ms, s or m)")),
    };
    Ok(Duration::from_secs_f64(secs))
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// Latencies from all tasks plus the wall-clock time of the measured phase.
struct Report {
    label: &'static str,
    unit: &'static str,
    lat: Vec<Duration>,
    elapsed: Duration,
    errors: u64,
    extra: String,
}

impl Report {
    fn print(mut self) {
        self.lat.sort_unstable();
        let n = self.lat.len();
        let pct = |p: f64| -> f64 {
            if n == 0 {
                return 0.0;
            }
            let i = ((p / 100.0) * n as f64).ceil() as usize;
            self.lat[i.clamp(1, n) - 1].as_secs_f64() * 1000.0
        };
        let rate = n as f64 / self.elapsed.as_secs_f64();
        let (p50, p99, max) = (pct(50.0), pct(99.0), pct(100.0));
        println!(
            "{}: {n} {} in {:.2} s = {rate:.0} {}/s; latency p50 {p50:.2} ms, p99 {p99:.2} ms, max {max:.2} ms; errors {}{}",
            self.label,
            self.unit,
            self.elapsed.as_secs_f64(),
            self.unit,
            self.errors,
            self.extra
        );
        println!(
            "RESULT mode={} count={n} secs={:.3} rate={rate:.1} p50_ms={p50:.3} p99_ms={p99:.3} max_ms={max:.3} errors={}",
            self.label,
            self.elapsed.as_secs_f64(),
            self.errors
        );
    }
}

// ---------------------------------------------------------------------------------------
// Plain SQLite ceilings
// ---------------------------------------------------------------------------------------

/// Opens a fresh database with the pragmas of `relais-store` (WAL, synchronous=FULL,
/// foreign keys, busy timeout) behind a single-connection write pool, as the server does.
async fn open_fresh(args: &DbArgs) -> Result<SqlitePool> {
    remove_db(&args.db)?;
    let sync =
        SqliteSynchronous::from_str(&args.synchronous).map_err(|e| anyhow::anyhow!("{e}"))?;
    let opts = SqliteConnectOptions::new()
        .filename(&args.db)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(sync)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10));
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(60))
        .connect_with(opts)
        .await
        .with_context(|| format!("opening {}", args.db.display()))?;
    MIGRATIONS
        .run(&pool)
        .await
        .context("applying the server's migrations")?;
    sqlx::query(
        "INSERT INTO topics (id, label_fr, label_en, pictogram, priority, position, active)
         VALUES ('impots', 'Impôts', 'Taxes', 'impots', FALSE, 1, TRUE) ON CONFLICT (id) DO NOTHING",
    )
    .execute(&pool)
    .await?;
    Ok(pool)
}

fn remove_db(path: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("removing {:?}", p)),
        }
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    Ok(())
}

/// A unique reference in the server's alphabet (`XXX-XXX`): a bijection of the counter
/// modulo 25^6 (the multiplier is prime to 25), so no retry loop is needed.
fn reference(i: u64) -> String {
    const ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY34679";
    const SPACE: u64 = 25u64.pow(6);
    let mut x = (i.wrapping_mul(48_271) + 12_345) % SPACE;
    let mut s = String::with_capacity(7);
    for k in 0..6 {
        if k == 3 {
            s.push('-');
        }
        s.push(ALPHABET[(x % 25) as usize] as char);
        x /= 25;
    }
    s
}

/// `+33 6 P NNNNNNN`: a valid French mobile number, distinct for each `i` < 10^7.
fn phone(prefix: u8, i: u64) -> String {
    format!("+336{}{:07}", prefix % 10, i % 10_000_000)
}

// The statements below are relais-store's (crates/relais-store/src/requests.rs), with the
// same RETURNING clauses, so the ceiling decodes what the server decodes.

const INSERT_REQUEST: &str = "INSERT INTO help_requests
    (reference, channel, phone, first_name, need, postcode, area, topic, language,
     callback_windows, sms_consent, urgency, status, due_at, last_contact_at, created_at)
    VALUES ($1, 'web', $2, NULL, NULL, NULL, NULL, 'impots', 'fr', '', FALSE, 0, 'waiting', $3, $3, $3)
    RETURNING *";

const INSERT_EVENT: &str = "INSERT INTO request_events (request_id, at, kind, actor_id, detail) VALUES ($1, $2, $3, $4, $5)";

/// The claim as the issue states it (most urgent, then oldest, in the volunteer's
/// language), as one index seek on the per-language queue index the server's claim uses.
const CLAIM_SIMPLE: &str = "UPDATE help_requests
    SET status = 'assigned', volunteer_id = $1, lease_until = $2, version = version + 1
    WHERE status = 'waiting' AND id = (
        SELECT id FROM help_requests
        WHERE status = 'waiting' AND language = 'fr' AND due_at <= $3 AND $4 LIKE '%,' || language || ',%'
        ORDER BY urgency DESC, due_at, created_at, id LIMIT 1)
    RETURNING *";

/// relais-store's first claim statement (one UPDATE whose ORDER BY no index could serve),
/// kept as a diagnostic of why the server now gathers candidates by index seeks instead.
const CLAIM_SERVER: &str = "UPDATE help_requests SET status = 'assigned', volunteer_id = $1, lease_until = $2, version = version + 1 \
    WHERE status = 'waiting' AND id = (SELECT id FROM help_requests \
    WHERE status = 'waiting' AND due_at <= $3 \
      AND $4 LIKE '%,' || language || ',%' \
      AND (preferred_volunteer_id IS NULL OR preferred_volunteer_id = $1 OR due_at + $6 <= $3) \
    ORDER BY COALESCE(preferred_volunteer_id = $1, FALSE) DESC, urgency DESC, \
             ($5 LIKE '%,' || topic || ',%') DESC, due_at, created_at, id \
    LIMIT 1) RETURNING *";

const CLOSE: &str = "UPDATE help_requests SET status = $1, volunteer_id = $2, lease_until = $3, due_at = $4, \
    failed_attempts = $5, preferred_volunteer_id = $6, outcome = $7, first_callback_at = $8, \
    closed_at = $9, last_contact_at = $10, note = COALESCE($11, note), version = version + 1 \
    WHERE id = $12 AND version = $13 RETURNING *";

// --- the writes, one function each, run on a connection inside the caller's transaction ---

/// One intake: duplicate check, request row, `created` event. Returns the new id.
async fn intake_step(conn: &mut SqliteConnection, i: u64, now: i64) -> Result<i64> {
    let phone = phone(6, i);
    // The server refuses a second open request for the same number.
    let dup: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM help_requests WHERE phone = $1 AND status <> 'closed' LIMIT 1",
    )
    .bind(&phone)
    .fetch_optional(&mut *conn)
    .await?;
    if dup.is_some() {
        bail!("duplicate phone {phone}");
    }
    let id: i64 = sqlx::query(INSERT_REQUEST)
        .bind(reference(i))
        .bind(&phone)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?
        .try_get("id")?;
    sqlx::query(INSERT_EVENT)
        .bind(id)
        .bind(now)
        .bind("created")
        .bind(None::<i64>)
        .bind(None::<&str>)
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

/// Claim (one statement) + `claimed` event + access-journal row: what the server writes when
/// a volunteer takes the next request, in one transaction. `None` when the queue is empty.
async fn claim_step(
    conn: &mut SqliteConnection,
    claim_sql: &'static str,
    vid: i64,
    now: i64,
) -> Result<Option<i64>> {
    let claimed = sqlx::query(claim_sql)
        .bind(vid)
        .bind(now + 30 * 60_000)
        .bind(now)
        .bind(",fr,")
        .bind("")
        .bind(2 * 3_600_000i64)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = claimed else { return Ok(None) };
    let id: i64 = row.try_get("id")?;
    sqlx::query(INSERT_EVENT)
        .bind(id)
        .bind(now)
        .bind("claimed")
        .bind(Some(vid))
        .bind(None::<&str>)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO access_journal (at, user_id, request_id, action) VALUES ($1, $2, $3, 'claim')",
    )
    .bind(now)
    .bind(vid)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(Some(id))
}

/// Close as resolved: read the row, write the next state (optimistic on `version`) and the
/// `closed` event, as relais-store's `transition` does.
async fn close_step(conn: &mut SqliteConnection, id: i64, vid: i64, now: i64) -> Result<()> {
    let current = sqlx::query("SELECT * FROM help_requests WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    let version: i64 = current.try_get("version")?;
    let due_at: i64 = current.try_get("due_at")?;
    let done = sqlx::query(CLOSE)
        .bind("closed")
        .bind(Some(vid))
        .bind(None::<i64>)
        .bind(due_at)
        .bind(0i64)
        .bind(None::<i64>)
        .bind(Some("resolved"))
        .bind(Some(now))
        .bind(Some(now))
        .bind(now)
        .bind(None::<String>)
        .bind(id)
        .bind(version)
        .fetch_optional(&mut *conn)
        .await?;
    if done.is_none() {
        bail!("request {id} changed under volunteer {vid}");
    }
    sqlx::query(INSERT_EVENT)
        .bind(id)
        .bind(now)
        .bind("closed")
        .bind(Some(vid))
        .bind(Some("resolved"))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

// --- how the writes reach the database -------------------------------------------------

/// A write a client task asks for.
enum Op {
    Intake { i: u64 },
    Claim { vid: i64, claim_sql: &'static str },
    Close { id: i64, vid: i64 },
}

impl Op {
    /// Runs the write on `conn`; the answer is the new or claimed id, if any.
    async fn run(self, conn: &mut SqliteConnection) -> Result<Option<i64>> {
        let now = now_ms();
        match self {
            Op::Intake { i } => intake_step(conn, i, now).await.map(Some),
            Op::Claim { vid, claim_sql } => claim_step(conn, claim_sql, vid, now).await,
            Op::Close { id, vid } => close_step(conn, id, vid, now).await.map(|()| None),
        }
    }
}

type Reply = oneshot::Sender<std::result::Result<Option<i64>, String>>;

/// Per commit: every write is its own transaction on the shared one-connection pool.
/// Group commit: every write goes over a channel to one writer task, which runs up to
/// `batch` of them in one transaction, each inside its own savepoint (undone alone if it
/// fails), commits once, and only then answers each caller: relais-store's
/// `sqlite_writer.rs` design.
#[derive(Clone)]
enum Writes {
    PerCommit(SqlitePool),
    Group(mpsc::Sender<(Op, Reply)>),
}

/// Batches committed and writes in them, for the group-commit summary.
#[derive(Default)]
struct BatchStats {
    batches: AtomicU64,
    writes: AtomicU64,
    largest: AtomicU64,
}

impl BatchStats {
    fn summary(&self) -> String {
        let (b, w) = (
            self.batches.load(Ordering::Relaxed),
            self.writes.load(Ordering::Relaxed),
        );
        if b == 0 {
            return String::new();
        }
        format!(
            ", {b} commits, {:.1} writes per commit on average, {} at most",
            w as f64 / b as f64,
            self.largest.load(Ordering::Relaxed)
        )
    }
}

impl Writes {
    /// Per-commit writes, or a writer task started for group commit (`group` = Some(batch)).
    fn start(pool: &SqlitePool, group: Option<usize>, stats: &Arc<BatchStats>) -> Writes {
        match group {
            None => Writes::PerCommit(pool.clone()),
            Some(batch) => {
                let (tx, rx) = mpsc::channel(4 * batch);
                tokio::spawn(group_writer(pool.clone(), rx, batch, stats.clone()));
                Writes::Group(tx)
            }
        }
    }

    /// Runs one write and returns once it is committed.
    async fn call(&self, op: Op) -> Result<Option<i64>> {
        match self {
            Writes::PerCommit(pool) => {
                let mut tx = pool.begin().await?;
                let r = op.run(&mut tx).await?;
                tx.commit().await?;
                Ok(r)
            }
            Writes::Group(queue) => {
                let (reply, answer) = oneshot::channel();
                queue
                    .send((op, reply))
                    .await
                    .map_err(|_| anyhow::anyhow!("the writer stopped"))?;
                answer
                    .await
                    .map_err(|_| anyhow::anyhow!("the writer dropped a write"))?
                    .map_err(|e| anyhow::anyhow!(e))
            }
        }
    }
}

async fn group_writer(
    pool: SqlitePool,
    mut rx: mpsc::Receiver<(Op, Reply)>,
    batch: usize,
    stats: Arc<BatchStats>,
) {
    let mut queued = Vec::with_capacity(batch);
    while rx.recv_many(&mut queued, batch).await > 0 {
        let mut answers = Vec::with_capacity(queued.len());
        let outcome: Result<()> = async {
            let mut tx = pool.begin().await?;
            for (op, reply) in queued.drain(..) {
                sqlx::query("SAVEPOINT step").execute(&mut *tx).await?;
                let r = op.run(&mut tx).await;
                if r.is_err() {
                    sqlx::query("ROLLBACK TO step").execute(&mut *tx).await?;
                }
                sqlx::query("RELEASE step").execute(&mut *tx).await?;
                answers.push((reply, r.map_err(|e| format!("{e:#}"))));
            }
            tx.commit().await?;
            Ok(())
        }
        .await;
        // Writes not run when the transaction broke are dropped with `queued`: their callers
        // see "the writer dropped a write".
        queued.clear();
        let n = answers.len() as u64;
        stats.batches.fetch_add(1, Ordering::Relaxed);
        stats.writes.fetch_add(n, Ordering::Relaxed);
        stats.largest.fetch_max(n, Ordering::Relaxed);
        let failed = outcome.err().map(|e| format!("batch not committed: {e:#}"));
        for (reply, r) in answers {
            let _ = reply.send(match &failed {
                Some(f) => Err(f.clone()),
                None => r,
            });
        }
    }
}

fn mode_name(group: Option<usize>) -> String {
    match group {
        None => "per commit".into(),
        Some(b) => format!("group commit, up to {b} writes per commit"),
    }
}

async fn ceiling_intake(
    args: DbArgs,
    n: u64,
    concurrency: usize,
    group: Option<usize>,
) -> Result<()> {
    let pool = open_fresh(&args).await?;
    let stats = Arc::new(BatchStats::default());
    let writes = Writes::start(&pool, group, &stats);
    let next = Arc::new(AtomicU64::new(0));
    let barrier = Arc::new(Barrier::new(concurrency + 1));
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (writes, next, barrier) = (writes.clone(), next.clone(), barrier.clone());
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            barrier.wait().await;
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let t0 = Instant::now();
                writes.call(Op::Intake { i }).await?;
                lat.push(t0.elapsed());
            }
            anyhow::Ok(lat)
        }));
    }
    drop(writes);
    barrier.wait().await;
    let t0 = Instant::now();
    let mut lat = Vec::with_capacity(n as usize);
    for t in tasks {
        lat.extend(t.await??);
    }
    let elapsed = t0.elapsed();
    pool.close().await;
    Report {
        label: if group.is_some() {
            "ceiling-intake-group"
        } else {
            "ceiling-intake"
        },
        unit: "requests",
        lat,
        elapsed,
        errors: 0,
        extra: format!(
            " (concurrency {concurrency}, {}, synchronous={}{})",
            mode_name(group),
            args.synchronous,
            stats.summary()
        ),
    }
    .print();
    Ok(())
}

async fn ceiling_cycle(
    args: DbArgs,
    n: u64,
    concurrency: usize,
    duration: Option<Duration>,
    claim: &str,
    group: Option<usize>,
) -> Result<()> {
    let claim_sql: &'static str = if claim == "server" {
        CLAIM_SERVER
    } else {
        CLAIM_SIMPLE
    };
    let pool = open_fresh(&args).await?;
    let now = now_ms();
    // One volunteer per task (volunteer_id and actor_id are foreign keys).
    let mut tx = pool.begin().await?;
    let mut volunteers = Vec::with_capacity(concurrency);
    for v in 0..concurrency {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (email, display_name, password_hash, role, status, languages, topic_skills, on_duty, created_at)
             VALUES ($1, $2, 'x', 'volunteer', 'active', ',fr,', '', TRUE, $3) RETURNING id",
        )
        .bind(format!("bench{}@relais.test", v + 1))
        .bind(format!("Bench {}", v + 1))
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        volunteers.push(id);
    }
    // Pre-fill: N waiting requests with their creation events, in one transaction (not measured).
    for i in 0..n {
        let at = now - 600_000 + i as i64;
        let id: i64 = sqlx::query(INSERT_REQUEST)
            .bind(reference(i))
            .bind(phone(6, i))
            .bind(at)
            .fetch_one(&mut *tx)
            .await?
            .try_get("id")?;
        sqlx::query(INSERT_EVENT)
            .bind(id)
            .bind(at)
            .bind("created")
            .bind(None::<i64>)
            .bind(Some("web"))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;

    let stats = Arc::new(BatchStats::default());
    let writes = Writes::start(&pool, group, &stats);
    let stop = Arc::new(AtomicBool::new(false));
    let barrier = Arc::new(Barrier::new(concurrency + 1));
    let mut tasks = Vec::new();
    for vid in volunteers {
        let (writes, stop, barrier) = (writes.clone(), stop.clone(), barrier.clone());
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            barrier.wait().await;
            while !stop.load(Ordering::Relaxed) {
                let t0 = Instant::now();
                let Some(id) = writes.call(Op::Claim { vid, claim_sql }).await? else {
                    break;
                };
                writes.call(Op::Close { id, vid }).await?;
                lat.push(t0.elapsed());
            }
            anyhow::Ok(lat)
        }));
    }
    drop(writes);
    barrier.wait().await;
    let t0 = Instant::now();
    if let Some(d) = duration {
        let stop = stop.clone();
        tokio::spawn(async move {
            tokio::time::sleep(d).await;
            stop.store(true, Ordering::Relaxed);
        });
    }
    let mut lat = Vec::with_capacity(n as usize);
    for t in tasks {
        lat.extend(t.await??);
    }
    let elapsed = t0.elapsed();
    pool.close().await;
    Report {
        label: if group.is_some() {
            "ceiling-cycle-group"
        } else {
            "ceiling-cycle"
        },
        unit: "cycles",
        lat,
        elapsed,
        errors: 0,
        extra: format!(
            " (concurrency {concurrency}, queue {n}, claim {claim}, {}, synchronous={}{})",
            mode_name(group),
            args.synchronous,
            stats.summary()
        ),
    }
    .print();
    Ok(())
}

// ---------------------------------------------------------------------------------------
// HTTP drivers
// ---------------------------------------------------------------------------------------

fn client() -> Result<reqwest::Client> {
    // reqwest is built without a bundled crypto provider (see the workspace Cargo.toml).
    let _ = rustls::crypto::ring::default_provider().install_default();
    Ok(reqwest::Client::builder()
        .no_proxy()
        .pool_max_idle_per_host(4)
        .tcp_nodelay(true)
        .timeout(Duration::from_secs(60))
        .build()?)
}

async fn http_intake(url: String, n: u64, concurrency: usize, prefix: u8) -> Result<()> {
    let endpoint = format!("{}/api/v1/help-requests", url.trim_end_matches('/'));
    let next = Arc::new(AtomicU64::new(0));
    let barrier = Arc::new(Barrier::new(concurrency + 1));
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (endpoint, next, barrier) = (endpoint.clone(), next.clone(), barrier.clone());
        let http = client()?;
        tasks.push(tokio::spawn(async move {
            let (mut lat, mut errors, mut first_error) = (Vec::new(), 0u64, None);
            barrier.wait().await;
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let body = serde_json::json!({
                    "phone": phone(prefix, i), "topic": "impots", "language": "fr", "channel": "web"
                });
                let t0 = Instant::now();
                let resp = http.post(&endpoint).json(&body).send().await?;
                let status = resp.status();
                let text = resp.text().await?;
                if status.is_success() {
                    lat.push(t0.elapsed());
                } else {
                    errors += 1;
                    first_error.get_or_insert(format!(
                        "{status}: {}",
                        text.chars().take(200).collect::<String>()
                    ));
                }
            }
            anyhow::Ok((lat, errors, first_error))
        }));
    }
    barrier.wait().await;
    let t0 = Instant::now();
    let (mut lat, mut errors, mut first_error) = (Vec::with_capacity(n as usize), 0, None);
    for t in tasks {
        let (l, e, f) = t.await??;
        lat.extend(l);
        errors += e;
        first_error = first_error.or(f);
    }
    let elapsed = t0.elapsed();
    if let Some(f) = &first_error {
        eprintln!("first error: {f}");
    }
    Report {
        label: "intake",
        unit: "requests",
        lat,
        elapsed,
        errors,
        extra: format!(" (concurrency {concurrency})"),
    }
    .print();
    Ok(())
}

/// Finds the request id in the answer to take-next: `{"id": …}` or one level down
/// (`{"request": {"id": …}}`).
fn request_id(v: &serde_json::Value) -> Option<i64> {
    let as_id = |x: &serde_json::Value| {
        x.as_i64()
            .or_else(|| x.as_str().and_then(|s| s.parse().ok()))
    };
    if let Some(id) = v.get("id").and_then(as_id) {
        return Some(id);
    }
    v.as_object()?
        .values()
        .find_map(|inner| inner.get("id").and_then(as_id))
}

async fn volunteer_login(
    http: &reqwest::Client,
    base: &str,
    email: &str,
    password: &str,
) -> Result<String> {
    let resp = http
        .post(format!("{base}/api/v1/auth/token"))
        .json(&serde_json::json!({"email": email, "password": password}))
        .send()
        .await?;
    let status = resp.status();
    let body = resp.text().await?;
    if !status.is_success() {
        bail!("token for {email}: {status}: {body}");
    }
    let v: serde_json::Value =
        serde_json::from_str(&body).with_context(|| format!("token answer: {body}"))?;
    let token = v
        .get("token")
        .and_then(|t| t.as_str())
        .with_context(|| format!("no token in {body}"))?;
    let token = token.to_owned();
    let resp = http
        .post(format!("{base}/api/v1/me/duty"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"on_duty": true}))
        .send()
        .await?;
    let status = resp.status();
    let body = resp.text().await?;
    if !status.is_success() {
        bail!("on duty for {email}: {status}: {body}");
    }
    Ok(token)
}

async fn http_cycle(
    url: String,
    volunteers: usize,
    duration: Duration,
    password: String,
    pattern: String,
) -> Result<()> {
    let base = url.trim_end_matches('/').to_owned();
    let password = Arc::new(password);
    let stop = Arc::new(AtomicBool::new(false));
    let empty = Arc::new(AtomicBool::new(false));
    let barrier = Arc::new(Barrier::new(volunteers + 1));
    let login_t0 = Instant::now();
    let mut tasks = Vec::new();
    for v in 1..=volunteers {
        let email = pattern.replace("{}", &v.to_string());
        let (base, password, stop, empty, barrier) = (
            base.clone(),
            password.clone(),
            stop.clone(),
            empty.clone(),
            barrier.clone(),
        );
        let http = client()?;
        tasks.push(tokio::spawn(async move {
            let login = volunteer_login(&http, &base, &email, &password).await;
            // Everyone reaches the barrier, even after a failed login, so the run cannot hang.
            barrier.wait().await;
            let token = login?;
            let (mut lat, mut errors, mut first_error) = (Vec::new(), 0u64, None::<String>);
            let next_url = format!("{base}/api/v1/help-requests/next");
            while !stop.load(Ordering::Relaxed) && !empty.load(Ordering::Relaxed) {
                let t0 = Instant::now();
                let resp = http.post(&next_url).bearer_auth(&token).send().await?;
                let status = resp.status();
                let body = resp.text().await?;
                if status == reqwest::StatusCode::NO_CONTENT {
                    empty.store(true, Ordering::Relaxed);
                    break;
                }
                if !status.is_success() {
                    errors += 1;
                    first_error.get_or_insert(format!(
                        "next: {status}: {}",
                        body.chars().take(200).collect::<String>()
                    ));
                    if errors > 100 {
                        break;
                    }
                    continue;
                }
                let v: serde_json::Value =
                    serde_json::from_str(&body).with_context(|| format!("next answer: {body}"))?;
                let id = request_id(&v)
                    .with_context(|| format!("no id in the answer to next: {body}"))?;
                let resp = http
                    .post(format!("{base}/api/v1/help-requests/{id}/close"))
                    .bearer_auth(&token)
                    .json(&serde_json::json!({"outcome": "resolved"}))
                    .send()
                    .await?;
                let status = resp.status();
                let body = resp.text().await?;
                if status.is_success() {
                    lat.push(t0.elapsed());
                } else {
                    errors += 1;
                    first_error.get_or_insert(format!(
                        "close {id}: {status}: {}",
                        body.chars().take(200).collect::<String>()
                    ));
                    if errors > 100 {
                        break;
                    }
                }
            }
            anyhow::Ok((lat, errors, first_error))
        }));
    }
    barrier.wait().await;
    let login_secs = login_t0.elapsed().as_secs_f64();
    let t0 = Instant::now();
    {
        let stop = stop.clone();
        tokio::spawn(async move {
            tokio::time::sleep(duration).await;
            stop.store(true, Ordering::Relaxed);
        });
    }
    let (mut lat, mut errors, mut first_error) = (Vec::new(), 0, None);
    for t in tasks {
        let (l, e, f) = t.await??;
        lat.extend(l);
        errors += e;
        first_error = first_error.or(f);
    }
    let elapsed = t0.elapsed();
    if let Some(f) = &first_error {
        eprintln!("first error: {f}");
    }
    let why = if empty.load(Ordering::Relaxed) {
        "queue empty"
    } else {
        "duration over"
    };
    Report {
        label: "cycle",
        unit: "cycles",
        lat,
        elapsed,
        errors,
        extra: format!(
            " ({volunteers} volunteers, logins + on duty took {login_secs:.1} s, stopped: {why})"
        ),
    }
    .print();
    Ok(())
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        match cli.cmd {
            Cmd::CeilingIntake {
                db,
                group,
                n,
                concurrency,
            } => ceiling_intake(db, n, concurrency, group.batch()).await,
            Cmd::CeilingCycle {
                db,
                group,
                n,
                concurrency,
                duration,
                claim_sql,
            } => ceiling_cycle(db, n, concurrency, duration, &claim_sql, group.batch()).await,
            Cmd::Intake {
                url,
                n,
                concurrency,
                phone_prefix,
            } => http_intake(url, n, concurrency, phone_prefix).await,
            Cmd::Cycle {
                url,
                volunteers,
                duration,
                password,
                email_pattern,
            } => http_cycle(url, volunteers, duration, password, email_pattern).await,
            Cmd::GenPlaces { n, queries, seed, hinaura, gironde, out_dir } => gen_places::run(gen_places::GenArgs {
                n,
                seed,
                hinaura: &hinaura,
                gironde: &gironde,
                out_dir: &out_dir,
                queries,
            }),
            Cmd::TimePlaces { places, paths, at, repeat, top } => {
                time_places::run(time_places::TimeArgs { places: &places, paths: &paths, at: at.as_deref(), repeat, top })
            }
            Cmd::SeedShifts { data_dir, volunteers, weeks, wanted, password, feed_token } => {
                seed_shifts::seed(seed_shifts::SeedArgs {
                    data_dir: &data_dir,
                    volunteers,
                    weeks,
                    password: &password,
                    feed_token: &feed_token,
                    wanted,
                })
                .await
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_distinct_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for i in 0..200_000 {
            let r = reference(i);
            assert_eq!(r.len(), 7);
            assert!(seen.insert(r));
        }
    }

    #[test]
    fn durations_parse() {
        assert_eq!(parse_duration("20s"), Ok(Duration::from_secs(20)));
        assert_eq!(parse_duration("15"), Ok(Duration::from_secs(15)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("1m"), Ok(Duration::from_secs(60)));
    }

    #[test]
    fn ids_are_found_at_the_top_or_one_level_down() {
        assert_eq!(request_id(&serde_json::json!({"id": 7})), Some(7));
        assert_eq!(
            request_id(&serde_json::json!({"request": {"id": 8}})),
            Some(8)
        );
        assert_eq!(request_id(&serde_json::json!({"x": 1})), None);
    }
}
