//! The durable e-mail outbox. Whoever needs to send mail writes a [`NewMessage`] here,
//! ideally in the same transaction as the change that causes it (see
//! [`enqueue_message_in!`]); the sender job of relais-web claims due messages, sends them
//! over SMTP and marks them. Nothing is sent from a request handler, so nothing is lost
//! when the mail server is down: messages wait, with their attempts and next try visible
//! to administrators.
//!
//! Claims: a claim sets `locked_until` (a lease) and counts the attempt. On PostgreSQL
//! candidates are locked with `FOR UPDATE SKIP LOCKED`, so two instances never claim the
//! same message at once; on SQLite the single writer connection serialises claims. A
//! sender that dies mid-way leaves the lease to run out, and the message is claimed again:
//! delivery is at least once (a crash between the SMTP server's acceptance and the `sent`
//! mark sends the message twice, with the same Message-ID).

use crate::{Result, Store, StoreError};
use relais_domain::mail::MessageStatus;
use relais_domain::Millis;
use serde::Serialize;

/// A message to send. The mail is text/plain UTF-8, from the line's `--mail-from`.
#[derive(Debug, Clone)]
pub struct NewMessage {
    /// Unique; enqueueing the same key twice does nothing. Choose it so that the same
    /// reason to write gives the same key (e.g. `reminder:<slot id>:<user id>`).
    pub idempotency_key: String,
    /// E-mail address (never logged).
    pub recipient: String,
    pub subject: String,
    /// Plain text (the mail is text/plain UTF-8).
    pub body_text: String,
    /// Earliest send time (reminders are enqueued ahead).
    pub not_before_ms: i64,
}

/// A stored message. `recipient` and `body_text` are `None` once purged.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct OutboxMessage {
    pub id: i64,
    pub idempotency_key: String,
    #[serde(skip)]
    pub recipient: Option<String>,
    pub subject: String,
    #[serde(skip)]
    pub body_text: Option<String>,
    pub status: String,
    pub attempts: i64,
    pub next_attempt_at: Millis,
    pub locked_until: Option<Millis>,
    pub last_error: Option<String>,
    pub created_at: Millis,
    pub finished_at: Option<Millis>,
    pub purged_at: Option<Millis>,
    /// `email` or `sms` (migration 0008).
    pub channel: String,
    /// The provider's id of a sent SMS.
    pub provider_id: Option<String>,
}

impl OutboxMessage {
    pub fn status(&self) -> Result<MessageStatus> {
        Ok(self.status.parse()?)
    }
}

/// How many messages are in each state.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct OutboxCounts {
    pub queued: i64,
    pub sent: i64,
    pub failed: i64,
    pub cancelled: i64,
}

/// Inserts one message on `$conn`, inside a transaction the caller owns, on either
/// database. Evaluates to `Result<bool, StoreError>`: `true` when the message is new,
/// `false` when its idempotency key was already known (nothing is written then).
///
/// ```text
/// let mut tx = pool.begin().await?;
/// // … your own writes on &mut *tx …
/// crate::outbox::enqueue_message_in!(&mut *tx, &msg, now)?;
/// tx.commit().await?;
/// ```
macro_rules! enqueue_message_in {
    ($conn:expr, $msg:expr, $now:expr) => {
        crate::outbox::enqueue_in!($conn, $msg, "email", $now)
    };
}

/// [`enqueue_message_in!`] for a given channel (`"email"` or `"sms"`). SMS go through
/// `crate::sms_outbox`, which checks opt-outs first.
macro_rules! enqueue_in {
    ($conn:expr, $msg:expr, $channel:expr, $now:expr) => {
        async {
            let channel: &str = $channel;
            let msg: &crate::outbox::NewMessage = $msg;
            let now: relais_domain::Millis = $now;
            let inserted = sqlx::query(
                "INSERT INTO outbox (idempotency_key, recipient, subject, body_text, status, attempts, next_attempt_at, created_at, channel) \
                 VALUES ($1, $2, $3, $4, 'queued', 0, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING",
            )
            .bind(&msg.idempotency_key)
            .bind(&msg.recipient)
            .bind(&msg.subject)
            .bind(&msg.body_text)
            .bind(msg.not_before_ms)
            .bind(now)
            .bind(channel)
            .execute(&mut *$conn)
            .await?
            .rows_affected();
            Ok::<bool, crate::StoreError>(inserted == 1)
        }
        .await
    };
}
#[allow(unused_imports)] // for the other store modules that enqueue mail in their own transactions
pub(crate) use enqueue_message_in;
#[allow(unused_imports)]
pub(crate) use enqueue_in;

/// Messages claimed by one call of [`Store::claim_due_messages`] at most.
pub const CLAIM_BATCH: i64 = 20;

const CLAIM_SQLITE: &str = "UPDATE outbox SET locked_until = $2, attempts = attempts + 1 WHERE id IN (\
     SELECT id FROM outbox WHERE status = 'queued' AND channel = $4 AND next_attempt_at <= $1 \
     AND (locked_until IS NULL OR locked_until <= $1) ORDER BY next_attempt_at, id LIMIT $3) RETURNING *";
const CLAIM_PG: &str = "UPDATE outbox SET locked_until = $2, attempts = attempts + 1 WHERE id IN (\
     SELECT id FROM outbox WHERE status = 'queued' AND channel = $4 AND next_attempt_at <= $1 \
     AND (locked_until IS NULL OR locked_until <= $1) ORDER BY next_attempt_at, id LIMIT $3 \
     FOR UPDATE SKIP LOCKED) RETURNING *";

impl Store {
    /// Enqueues in one transaction; returns how many were new (known keys are skipped).
    pub async fn enqueue_messages(&self, msgs: &[NewMessage], now_ms: i64) -> Result<usize, StoreError> {
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            let mut new = 0;
            for msg in msgs {
                if enqueue_message_in!(&mut *tx, msg, now_ms)? {
                    new += 1;
                }
            }
            tx.commit().await?;
            Ok(new)
        })
    }

    /// Claims up to `limit` due messages for `lease` milliseconds and counts the attempt.
    /// A message is claimed by one caller at most while its lease runs.
    pub async fn claim_due_messages(&self, now: Millis, lease: Millis, limit: i64) -> Result<Vec<OutboxMessage>> {
        self.claim_due(now, lease, limit, "email").await
    }

    /// [`Store::claim_due_messages`] for one channel (`"email"`, `"sms"`).
    pub async fn claim_due(&self, now: Millis, lease: Millis, limit: i64, channel: &str) -> Result<Vec<OutboxMessage>> {
        on_db!(self, write, |pool, backend| {
            let sql = if backend == crate::Backend::Postgres { CLAIM_PG } else { CLAIM_SQLITE };
            let mut rows =
                sqlx::query_as::<_, OutboxMessage>(sql).bind(now).bind(now + lease).bind(limit).bind(channel).fetch_all(pool).await?;
            rows.sort_by_key(|m| (m.next_attempt_at, m.id));
            Ok(rows)
        })
    }

    /// The SMTP server accepted the message.
    pub async fn mark_message_sent(&self, id: i64, now: Millis) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query(
                "UPDATE outbox SET status = 'sent', finished_at = $2, locked_until = NULL, last_error = NULL WHERE id = $1",
            )
            .bind(id)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// The attempt failed; try again at `next_attempt_at`. `error` must hold no personal data.
    pub async fn mark_message_retry(&self, id: i64, next_attempt_at: Millis, error: &str) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query(
                "UPDATE outbox SET next_attempt_at = $2, locked_until = NULL, last_error = $3 WHERE id = $1 AND status = 'queued'",
            )
            .bind(id)
            .bind(next_attempt_at)
            .bind(error)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Gives up on the message. `error` must hold no personal data.
    pub async fn mark_message_failed(&self, id: i64, error: &str, now: Millis) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query(
                "UPDATE outbox SET status = 'failed', finished_at = $2, locked_until = NULL, last_error = $3 \
                 WHERE id = $1 AND status = 'queued'",
            )
            .bind(id)
            .bind(now)
            .bind(error)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Counts by status.
    pub async fn outbox_counts(&self) -> Result<OutboxCounts> {
        on_db!(self, read, |pool, _b| {
            let rows: Vec<(String, i64)> =
                sqlx::query_as("SELECT status, COUNT(*) FROM outbox GROUP BY status").fetch_all(pool).await?;
            let mut c = OutboxCounts::default();
            for (status, n) in rows {
                match status.parse::<MessageStatus>()? {
                    MessageStatus::Queued => c.queued = n,
                    MessageStatus::Sent => c.sent = n,
                    MessageStatus::Failed => c.failed = n,
                    MessageStatus::Cancelled => c.cancelled = n,
                }
            }
            Ok(c)
        })
    }

    /// The latest `limit` messages, newest first.
    pub async fn recent_messages(&self, limit: i64) -> Result<Vec<OutboxMessage>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, OutboxMessage>("SELECT * FROM outbox ORDER BY created_at DESC, id DESC LIMIT $1")
                .bind(limit)
                .fetch_all(pool)
                .await?)
        })
    }

    pub async fn get_message(&self, id: i64) -> Result<OutboxMessage> {
        on_db!(self, read, |pool, _b| {
            sqlx::query_as::<_, OutboxMessage>("SELECT * FROM outbox WHERE id = $1")
                .bind(id)
                .fetch_optional(pool)
                .await?
                .ok_or(StoreError::NotFound)
        })
    }

    /// "Retry now": a queued message becomes due at once; a failed one is queued again
    /// with a fresh count of attempts. Purged, sent and cancelled messages cannot be
    /// retried (`StoreError::Conflict`).
    pub async fn retry_message(&self, id: i64, now: Millis) -> Result<OutboxMessage> {
        on_db!(self, write, |pool, _b| {
            let row = sqlx::query_as::<_, OutboxMessage>(
                "UPDATE outbox SET next_attempt_at = $2, \
                 attempts = CASE WHEN status = 'failed' THEN 0 ELSE attempts END, \
                 status = 'queued', finished_at = NULL \
                 WHERE id = $1 AND status IN ('queued', 'failed') AND recipient IS NOT NULL RETURNING *",
            )
            .bind(id)
            .bind(now)
            .fetch_optional(pool)
            .await?;
            match row {
                Some(row) => Ok(row),
                None => self.missing_or_conflict(id).await,
            }
        })
    }

    /// Cancels a message not sent yet (queued or failed). A message being sent at this
    /// very moment may still go out; it then shows as sent.
    pub async fn cancel_message(&self, id: i64, now: Millis) -> Result<OutboxMessage> {
        on_db!(self, write, |pool, _b| {
            let row = sqlx::query_as::<_, OutboxMessage>(
                "UPDATE outbox SET status = 'cancelled', finished_at = $2 WHERE id = $1 AND status IN ('queued', 'failed') RETURNING *",
            )
            .bind(id)
            .bind(now)
            .fetch_optional(pool)
            .await?;
            match row {
                Some(row) => Ok(row),
                None => self.missing_or_conflict(id).await,
            }
        })
    }

    async fn missing_or_conflict<T>(&self, id: i64) -> Result<T> {
        match self.get_message(id).await {
            Ok(_) => Err(StoreError::Conflict),
            Err(e) => Err(e),
        }
    }

    /// Erases recipient and body of messages finished (sent, failed, cancelled) before
    /// `cutoff`: links and names in mails are personal. Returns how many.
    pub async fn purge_outbox(&self, cutoff: Millis, now: Millis) -> Result<u64> {
        on_db!(self, write, |pool, _b| {
            Ok(sqlx::query(
                "UPDATE outbox SET recipient = NULL, body_text = NULL, purged_at = $2 \
                 WHERE purged_at IS NULL AND finished_at IS NOT NULL AND finished_at < $1",
            )
            .bind(cutoff)
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(key: &str) -> NewMessage {
        NewMessage {
            idempotency_key: key.into(),
            recipient: "a@example.org".into(),
            subject: "s".into(),
            body_text: "b".into(),
            not_before_ms: 0,
        }
    }

    /// A SQLite store, and a PostgreSQL one too when RELAIS_TEST_POSTGRES_URL is set (a
    /// fresh database each time).
    async fn stores() -> (Vec<Store>, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let sqlite = Store::connect(&format!("sqlite://{}", dir.path().join("t.db").display())).await.unwrap();
        sqlite.migrate().await.unwrap();
        let mut stores = vec![sqlite];
        if let Some(base) = std::env::var("RELAIS_TEST_POSTGRES_URL").ok().filter(|s| !s.is_empty()) {
            let admin = sqlx::PgPool::connect(&base).await.unwrap();
            let name = format!("relais_it_{}_outbox_unit_{}", std::process::id(), rand::random::<u32>());
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&admin).await.unwrap();
            let url = match base.rfind('/') {
                Some(i) if i > base.find("://").map_or(0, |p| p + 2) => format!("{}/{name}", &base[..i]),
                _ => format!("{base}/{name}"),
            };
            let pg = Store::connect(&url).await.unwrap();
            pg.migrate().await.unwrap();
            stores.push(pg);
        }
        (stores, dir)
    }

    /// The write step commits or rolls back with the caller's own writes.
    #[tokio::test]
    async fn enqueue_message_in_is_atomic_with_the_callers_transaction() {
        let (stores, _dir) = stores().await;
        for store in stores {
            for commit in [false, true] {
                let key = format!("atomic:{commit}");
                on_db!(store, write, |pool, _b| {
                    let mut tx = pool.begin().await.unwrap();
                    sqlx::query("INSERT INTO settings (key, value) VALUES ($1, 'x')").bind(&key).execute(&mut *tx).await.unwrap();
                    assert!(enqueue_message_in!(&mut *tx, &msg(&key), 1).unwrap());
                    assert!(!enqueue_message_in!(&mut *tx, &msg(&key), 1).unwrap(), "known key in the same transaction");
                    if commit { tx.commit().await.unwrap() } else { tx.rollback().await.unwrap() }
                });
                let stored = store.recent_messages(10).await.unwrap().iter().any(|m| m.idempotency_key == key);
                assert_eq!(stored, commit, "{:?}", store.backend());
                assert_eq!(store.setting(&key).await.unwrap().is_some(), commit);
            }
        }
    }

    #[tokio::test]
    async fn a_claim_holds_a_message_until_its_lease_runs_out() {
        let (stores, _dir) = stores().await;
        for store in stores {
            assert_eq!(store.enqueue_messages(&[msg("c:1"), msg("c:2")], 0).await.unwrap(), 2);
            let first = store.claim_due_messages(100, 1000, 10).await.unwrap();
            assert_eq!(first.len(), 2);
            assert!(first.iter().all(|m| m.attempts == 1 && m.locked_until == Some(1100)));
            assert!(store.claim_due_messages(500, 1000, 10).await.unwrap().is_empty(), "held while the lease runs");
            store.mark_message_sent(first[0].id, 600).await.unwrap();
            let again = store.claim_due_messages(1100, 1000, 10).await.unwrap();
            assert_eq!(again.iter().map(|m| (m.id, m.attempts)).collect::<Vec<_>>(), vec![(first[1].id, 2)], "taken over after the lease");
            store.mark_message_retry(first[1].id, 5000, "SMTP temporarily refused (451)").await.unwrap();
            assert!(store.claim_due_messages(4999, 1000, 10).await.unwrap().is_empty());
            assert_eq!(store.claim_due_messages(5000, 1000, 10).await.unwrap().len(), 1);
            let counts = store.outbox_counts().await.unwrap();
            assert_eq!((counts.queued, counts.sent), (1, 1));
        }
    }

    /// The mailer claims e-mail only, the SMS sender SMS only; a STOPped number is not queued.
    #[tokio::test]
    async fn each_sender_claims_its_own_channel_and_opt_outs_queue_nothing() {
        use crate::sms_outbox::SmsEnqueued;
        let (stores, _dir) = stores().await;
        for store in stores {
            store.enqueue_messages(&[msg("ch:mail")], 0).await.unwrap();
            let sms = NewMessage { recipient: "+33612345678".into(), ..msg("ch:sms") };
            assert_eq!(store.enqueue_sms(&sms, 0).await.unwrap(), SmsEnqueued::Queued);
            let mails = store.claim_due_messages(10, 1000, 10).await.unwrap();
            assert_eq!(mails.iter().map(|m| m.idempotency_key.as_str()).collect::<Vec<_>>(), ["ch:mail"]);
            let texts = store.claim_due_sms(10, 1000, 10).await.unwrap();
            assert_eq!(texts.iter().map(|m| (m.idempotency_key.as_str(), m.channel.as_str())).collect::<Vec<_>>(), [("ch:sms", "sms")]);
            store.opt_out_sms("+33699999999", 0).await.unwrap();
            let stopped = NewMessage { recipient: "+33699999999".into(), ..msg("ch:stopped") };
            assert_eq!(store.enqueue_sms(&stopped, 0).await.unwrap(), SmsEnqueued::OptedOut);
            assert_eq!(store.recent_sms(10).await.unwrap().len(), 1, "{:?}", store.backend());
            // Erased after retention like e-mail.
            store.mark_sms_sent(texts[0].id, Some("SM1"), 20).await.unwrap();
            assert_eq!(store.purge_outbox(30, 40).await.unwrap(), 1);
            let m = store.get_message(texts[0].id).await.unwrap();
            assert!(m.recipient.is_none() && m.body_text.is_none() && m.provider_id.as_deref() == Some("SM1"));
        }
    }
}
