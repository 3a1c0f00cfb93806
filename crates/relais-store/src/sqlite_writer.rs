//! Group commit of the hot writes on SQLite: intakes, claims and lifecycle transitions.
//!
//! With `synchronous=FULL` every commit waits for the disk. When many people submit or
//! many volunteers take and close requests at once, one commit for all of them keeps each
//! answer durable while the disk flushes once. A single task takes the queued writes, runs
//! each inside its own savepoint of one transaction (so one refused write does not undo
//! the others, and each sees the ones before it, exactly as if run one after the other),
//! commits, and only then answers every caller. SQLite has one writer at a time anyway.

use crate::line_calls::{attempt_in, AttemptExtras};
use crate::write_steps::{claim_in, insert_request, transition_in, ClaimOutcome};
use crate::{HelpRequest, NewHelpRequest, Result, StoreError, User};
use relais_domain::lifecycle::{Command, Policy};
use relais_domain::{reference, Millis};
use sqlx::sqlite::{SqliteConnection, SqlitePool};
use tokio::sync::{mpsc, oneshot};

/// Writes in one commit at most.
const MAX_BATCH: usize = 128;

enum Job {
    Intake { new: NewHelpRequest, now: Millis, reply: oneshot::Sender<Result<HelpRequest>> },
    Claim { volunteer: User, now: Millis, policy: Policy, reply: oneshot::Sender<Result<Option<HelpRequest>>> },
    Transition { id: i64, cmd: Command, now: Millis, policy: Policy, note: Option<String>, reply: oneshot::Sender<Result<HelpRequest>> },
    /// An attempt with its line-call guard and SMS (`line_calls.rs`).
    Attempt { id: i64, cmd: Command, now: Millis, policy: Policy, extras: AttemptExtras, reply: oneshot::Sender<Result<Option<HelpRequest>>> },
}

/// A job's result, held until the commit.
enum Done {
    Intake(oneshot::Sender<Result<HelpRequest>>, Result<HelpRequest>),
    Claim(oneshot::Sender<Result<Option<HelpRequest>>>, Result<Option<HelpRequest>>),
    Transition(oneshot::Sender<Result<HelpRequest>>, Result<HelpRequest>),
    Attempt(oneshot::Sender<Result<Option<HelpRequest>>>, Result<Option<HelpRequest>>),
}

impl Done {
    /// Answers the caller; `failed` replaces a success when the commit did not happen.
    fn send(self, failed: Option<&str>) {
        let lost = |msg: &str| StoreError::Config(format!("storage failed, nothing was changed: {msg}"));
        match self {
            Done::Intake(tx, r) => drop(tx.send(match failed { Some(m) if r.is_ok() => Err(lost(m)), _ => r })),
            Done::Claim(tx, r) => drop(tx.send(match failed { Some(m) if r.is_ok() => Err(lost(m)), _ => r })),
            Done::Transition(tx, r) => drop(tx.send(match failed { Some(m) if r.is_ok() => Err(lost(m)), _ => r })),
            Done::Attempt(tx, r) => drop(tx.send(match failed { Some(m) if r.is_ok() => Err(lost(m)), _ => r })),
        }
    }
}

#[derive(Clone)]
pub(crate) struct SqliteWriter {
    tx: mpsc::Sender<Job>,
}

impl SqliteWriter {
    /// Starts the writing task on the writer pool (one connection).
    pub(crate) fn start(write: SqlitePool) -> SqliteWriter {
        let (tx, rx) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(run(write, rx));
        SqliteWriter { tx }
    }

    async fn call<T>(&self, job: impl FnOnce(oneshot::Sender<Result<T>>) -> Job) -> Result<T> {
        let (reply, answer) = oneshot::channel();
        self.tx.send(job(reply)).await.map_err(|_| StoreError::Config("the store is closed".into()))?;
        answer.await.map_err(|_| StoreError::Config("the writer stopped".into()))?
    }

    pub(crate) async fn intake(&self, new: NewHelpRequest, now: Millis) -> Result<HelpRequest> {
        self.call(|reply| Job::Intake { new, now, reply }).await
    }

    pub(crate) async fn claim(&self, volunteer: User, now: Millis, policy: Policy) -> Result<Option<HelpRequest>> {
        self.call(|reply| Job::Claim { volunteer, now, policy, reply }).await
    }

    pub(crate) async fn transition(&self, id: i64, cmd: Command, now: Millis, policy: Policy, note: Option<String>) -> Result<HelpRequest> {
        self.call(|reply| Job::Transition { id, cmd, now, policy, note, reply }).await
    }

    pub(crate) async fn attempt(&self, id: i64, cmd: Command, now: Millis, policy: Policy, extras: AttemptExtras) -> Result<Option<HelpRequest>> {
        self.call(|reply| Job::Attempt { id, cmd, now, policy, extras, reply }).await
    }
}

async fn run(write: SqlitePool, mut rx: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let mut done = Vec::with_capacity(batch.len());
        let outcome = commit_batch(&write, batch.drain(..), &mut done).await;
        let failed = outcome.err().map(|e| {
            tracing::error!(error = %e, "write batch failed; nothing of it was stored");
            e.to_string()
        });
        for d in done {
            d.send(failed.as_deref());
        }
    }
}

/// Runs every job in one transaction and commits. On an error of the transaction itself,
/// `done` still holds every caller, to be told that nothing was stored.
async fn commit_batch(write: &SqlitePool, jobs: impl Iterator<Item = Job>, done: &mut Vec<Done>) -> std::result::Result<(), sqlx::Error> {
    // IMMEDIATE: the batch takes the write lock at BEGIN, waiting (busy timeout) for another
    // process's write (`relais import places`) to commit. Deferred, its first read would pin a
    // snapshot and the later write would fail at once with SQLITE_BUSY if that process
    // committed meanwhile: the busy timeout does not apply to that upgrade.
    let mut tx = match write.begin_with("BEGIN IMMEDIATE").await {
        Ok(tx) => tx,
        Err(e) => {
            for job in jobs {
                done.push(unrun(job));
            }
            return Err(e);
        }
    };
    let mut broken = None;
    for job in jobs {
        if broken.is_some() {
            done.push(unrun(job));
            continue;
        }
        match run_job(&mut tx, job).await {
            Ok(d) => done.push(d),
            Err((e, d)) => {
                done.push(d);
                broken = Some(e);
            }
        }
    }
    if let Some(e) = broken {
        return Err(e);
    }
    tx.commit().await
}

/// A job that was not run because the transaction failed (its answer is replaced).
fn unrun(job: Job) -> Done {
    match job {
        Job::Intake { reply, .. } => Done::Intake(reply, not_run()),
        Job::Claim { reply, .. } => Done::Claim(reply, not_run()),
        Job::Transition { reply, .. } => Done::Transition(reply, not_run()),
        Job::Attempt { reply, .. } => Done::Attempt(reply, not_run()),
    }
}

fn not_run<T>() -> Result<T> {
    Err(StoreError::Config("not run: the batch's transaction failed".into()))
}

/// Runs one job in a savepoint. Err: the transaction itself is broken.
async fn run_job(conn: &mut SqliteConnection, job: Job) -> std::result::Result<Done, (sqlx::Error, Done)> {
    match job {
        Job::Intake { new, now, reply } => {
            // A reference collision draws another one.
            let mut result = Err(StoreError::Duplicate("reference"));
            for _ in 0..8 {
                let reference = reference::generate(&mut rand::rng());
                let new = new.clone();
                result = match savepoint(conn, |c| Box::pin(async move { insert_request!(c, &new, &reference, now) })).await {
                    Ok(r) => r,
                    Err(e) => return Err((e, Done::Intake(reply, not_run()))),
                };
                if !matches!(result, Err(StoreError::Duplicate("reference"))) {
                    break;
                }
            }
            Ok(Done::Intake(reply, result))
        }
        Job::Claim { volunteer, now, policy, reply } => {
            let r = savepoint(conn, |c| {
                Box::pin(async move {
                    match claim_in!(c, &volunteer, now, &policy, false) {
                        Ok(ClaimOutcome::Claimed(row)) => Ok(Some(row)),
                        // One writer: no other transaction can take the row in between.
                        Ok(ClaimOutcome::Empty | ClaimOutcome::LostRace) => Ok(None),
                        Err(e) => Err(e),
                    }
                })
            })
            .await;
            match r {
                Ok(r) => Ok(Done::Claim(reply, r)),
                Err(e) => Err((e, Done::Claim(reply, not_run()))),
            }
        }
        Job::Transition { id, cmd, now, policy, note, reply } => {
            let r = savepoint(conn, |c| Box::pin(async move { transition_in!(c, id, &cmd, now, &policy, note.as_deref(), false) })).await;
            match r {
                Ok(r) => Ok(Done::Transition(reply, r)),
                Err(e) => Err((e, Done::Transition(reply, not_run()))),
            }
        }
        Job::Attempt { id, cmd, now, policy, extras, reply } => {
            let r = savepoint(conn, |c| Box::pin(async move { attempt_in!(c, id, &cmd, now, &policy, &extras, false) })).await;
            match r {
                Ok(r) => Ok(Done::Attempt(reply, r)),
                Err(e) => Err((e, Done::Attempt(reply, not_run()))),
            }
        }
    }
}

type StepFuture<'c, T> = std::pin::Pin<Box<dyn std::future::Future<Output = Result<T>> + Send + 'c>>;

/// Runs `step` inside a savepoint: kept when it succeeds, undone when it fails.
/// The outer error means the savepoint commands themselves failed.
async fn savepoint<T>(
    conn: &mut SqliteConnection,
    step: impl for<'c> FnOnce(&'c mut SqliteConnection) -> StepFuture<'c, T>,
) -> std::result::Result<Result<T>, sqlx::Error> {
    sqlx::query("SAVEPOINT step").execute(&mut *conn).await?;
    let result = step(&mut *conn).await;
    if result.is_err() {
        sqlx::query("ROLLBACK TO step").execute(&mut *conn).await?;
    }
    sqlx::query("RELEASE step").execute(&mut *conn).await?;
    Ok(result)
}
