//! The telephony log written off the webhooks' answer path. `Store::log_telephony` hands the
//! line (codes only) to one task per store and returns at once; the task writes whatever has
//! come in, in one transaction, as soon as it can: under load many lines share one commit
//! (one disk flush on SQLite) instead of one commit per webhook answer.
//!
//! What this gives up: a line handed over in the last milliseconds before a crash may be
//! lost. The log is the coordinators' view of what happened, not a guarantee: the requests,
//! the calls keyed on CallSid (idempotency) and the attempts are still committed before the
//! provider gets its answer. Reads of the log (`recent_telephony`) first wait for the lines
//! handed over before them, so this instance reads its own writes.

use crate::Db;
use relais_domain::Millis;
use tokio::sync::{mpsc, oneshot};

/// Lines written in one transaction at most.
const MAX_BATCH: usize = 256;

enum Cmd {
    Line { at: Millis, kind: String, result: String },
    /// Answered once every line handed over before it is written.
    Flush(oneshot::Sender<()>),
}

#[derive(Clone)]
pub(crate) struct LogBuffer {
    tx: mpsc::UnboundedSender<Cmd>,
}

impl LogBuffer {
    pub(crate) fn start(db: Db) -> LogBuffer {
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(run(db, rx));
        LogBuffer { tx }
    }

    /// Hands a line to the writer; never waits.
    pub(crate) fn push(&self, at: Millis, kind: &str, result: &str) {
        if self.tx.send(Cmd::Line { at, kind: kind.to_owned(), result: result.to_owned() }).is_err() {
            tracing::warn!("the telephony log writer stopped: a line was dropped");
        }
    }

    /// Waits until every line handed over so far is written (or failed to be).
    pub(crate) async fn flush(&self) {
        let (tx, rx) = oneshot::channel();
        if self.tx.send(Cmd::Flush(tx)).is_ok() {
            let _ = rx.await;
        }
    }
}

async fn run(db: Db, mut rx: mpsc::UnboundedReceiver<Cmd>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let mut lines = Vec::new();
        let mut waiting = Vec::new();
        for cmd in batch.drain(..) {
            match cmd {
                Cmd::Line { at, kind, result } => lines.push((at, kind, result)),
                Cmd::Flush(tx) => waiting.push(tx),
            }
        }
        if lines.is_empty() {
            // Only flushes: nothing to write.
        } else if let Err(e) = write(&db, &lines).await {
            tracing::warn!(error = %e, lines = lines.len(), "could not write telephony log lines");
        }
        for tx in waiting {
            let _ = tx.send(());
        }
    }
}

async fn write(db: &Db, lines: &[(Millis, String, String)]) -> Result<(), sqlx::Error> {
    macro_rules! insert_all {
        ($pool:expr) => {{
            let mut tx = $pool.begin().await?;
            for (at, kind, result) in lines {
                sqlx::query("INSERT INTO telephony_events (at, kind, result) VALUES ($1, $2, $3)")
                    .bind(at)
                    .bind(kind)
                    .bind(result)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await
        }};
    }
    match db {
        Db::Sqlite { write, .. } => insert_all!(write),
        Db::Postgres(pool) => insert_all!(pool),
    }
}
