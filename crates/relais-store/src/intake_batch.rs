//! Group commit of intakes on SQLite. With `synchronous=FULL` every commit waits for the
//! disk; when many people submit at once, one commit for all of them keeps each
//! acknowledgement durable while the disk flushes once. A single task takes the queued
//! intakes, runs each inside its own savepoint of one transaction (so one refused intake
//! does not undo the others), commits, and only then answers every caller.

use crate::requests::insert_request;
use crate::{HelpRequest, NewHelpRequest, Result, StoreError};
use relais_domain::{reference, Millis};
use sqlx::sqlite::SqlitePool;
use tokio::sync::{mpsc, oneshot};

/// Intakes in one commit at most.
const MAX_BATCH: usize = 128;

type Reply = oneshot::Sender<Result<HelpRequest>>;

#[derive(Clone)]
pub(crate) struct IntakeBatcher {
    tx: mpsc::Sender<(NewHelpRequest, Millis, Reply)>,
}

impl IntakeBatcher {
    /// Starts the batching task on the writer pool.
    pub(crate) fn start(write: SqlitePool) -> IntakeBatcher {
        let (tx, rx) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(run(write, rx));
        IntakeBatcher { tx }
    }

    pub(crate) async fn submit(&self, new: NewHelpRequest, now: Millis) -> Result<HelpRequest> {
        let (reply, answer) = oneshot::channel();
        self.tx.send((new, now, reply)).await.map_err(|_| StoreError::Config("the store is closed".into()))?;
        answer.await.map_err(|_| StoreError::Config("the intake writer stopped".into()))?
    }
}

async fn run(write: SqlitePool, mut rx: mpsc::Receiver<(NewHelpRequest, Millis, Reply)>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let results = commit_batch(&write, &batch).await;
        for ((_, _, reply), result) in batch.drain(..).zip(results) {
            let _ = reply.send(result);
        }
    }
}

/// One transaction for the whole batch; the result of each intake, all errors if the
/// commit itself failed (then nothing was stored).
async fn commit_batch(write: &SqlitePool, batch: &[(NewHelpRequest, Millis, Reply)]) -> Vec<Result<HelpRequest>> {
    let attempt = async {
        let mut tx = write.begin().await?;
        let mut results = Vec::with_capacity(batch.len());
        for (new, now, _) in batch {
            results.push(one(&mut tx, new, *now).await?);
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(results)
    };
    match attempt.await {
        Ok(results) => results,
        Err(e) => {
            tracing::error!(error = %e, "intake batch failed; nothing of it was stored");
            batch.iter().map(|_| Err(StoreError::Config(format!("storage failed: {e}")))).collect()
        }
    }
}

/// One intake inside its own savepoint. The outer error means the transaction itself failed.
async fn one(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    new: &NewHelpRequest,
    now: Millis,
) -> std::result::Result<Result<HelpRequest>, sqlx::Error> {
    for _ in 0..8 {
        let reference = reference::generate(&mut rand::rng());
        sqlx::query("SAVEPOINT intake").execute(&mut **tx).await?;
        let result: Result<HelpRequest> = insert_request!(&mut **tx, new, &reference, now);
        match result {
            Ok(row) => {
                sqlx::query("RELEASE intake").execute(&mut **tx).await?;
                return Ok(Ok(row));
            }
            Err(e) => {
                sqlx::query("ROLLBACK TO intake").execute(&mut **tx).await?;
                sqlx::query("RELEASE intake").execute(&mut **tx).await?;
                match e {
                    // A reference collision: draw another one.
                    StoreError::Duplicate("reference") => continue,
                    StoreError::Sqlx(inner) => return Err(inner),
                    other => return Ok(Err(other)),
                }
            }
        }
    }
    Ok(Err(StoreError::Duplicate("reference")))
}
