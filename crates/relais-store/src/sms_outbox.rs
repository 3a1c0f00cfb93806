//! SMS in the durable outbox: an outbox message with channel `sms` (migration 0008), so it
//! has the e-mail's guarantees (idempotency key, claims with a lease and `FOR UPDATE SKIP
//! LOCKED`, retries, erasure of recipient and body after 30 days by `purge_outbox`).
//! A number that sent STOP is never queued: the opt-out is checked in the enqueue's own
//! transaction (and again by the sender, in case STOP arrives while the SMS waits).

use crate::outbox::{NewMessage, OutboxMessage};
use crate::{Result, Store};
use relais_domain::Millis;

/// What became of an SMS handed to the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmsEnqueued {
    Queued,
    /// Its idempotency key was known: nothing new.
    Known,
    /// The number opted out: nothing is written.
    OptedOut,
}

/// Queues an SMS on `$conn` inside the caller's transaction. `$msg.recipient` is the number
/// in E.164. Evaluates to `Result<SmsEnqueued, StoreError>`.
macro_rules! enqueue_sms_in {
    ($conn:expr, $msg:expr, $now:expr) => {
        async {
            let msg: &crate::outbox::NewMessage = $msg;
            let opted: Option<(String,)> =
                sqlx::query_as("SELECT phone FROM sms_opt_outs WHERE phone = $1").bind(&msg.recipient).fetch_optional(&mut *$conn).await?;
            if opted.is_some() {
                return Ok::<_, crate::StoreError>(crate::sms_outbox::SmsEnqueued::OptedOut);
            }
            Ok(if crate::outbox::enqueue_in!($conn, msg, "sms", $now)? {
                crate::sms_outbox::SmsEnqueued::Queued
            } else {
                crate::sms_outbox::SmsEnqueued::Known
            })
        }
        .await
    };
}
pub(crate) use enqueue_sms_in;

impl Store {
    /// Queues one SMS (see [`SmsEnqueued`]).
    pub async fn enqueue_sms(&self, msg: &NewMessage, now: Millis) -> Result<SmsEnqueued> {
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            let done = enqueue_sms_in!(&mut *tx, msg, now)?;
            tx.commit().await?;
            Ok(done)
        })
    }

    /// Claims due SMS for `lease` milliseconds (one claimer per SMS while the lease runs).
    pub async fn claim_due_sms(&self, now: Millis, lease: Millis, limit: i64) -> Result<Vec<OutboxMessage>> {
        self.claim_due(now, lease, limit, "sms").await
    }

    /// The provider accepted the SMS; `provider_id` is its id there (Twilio's sid).
    pub async fn mark_sms_sent(&self, id: i64, provider_id: Option<&str>, now: Millis) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query(
                "UPDATE outbox SET status = 'sent', finished_at = $2, locked_until = NULL, last_error = NULL, provider_id = $3 WHERE id = $1",
            )
            .bind(id)
            .bind(now)
            .bind(provider_id)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// The latest SMS of the outbox, newest first (for the coordinators' page).
    pub async fn recent_sms(&self, limit: i64) -> Result<Vec<OutboxMessage>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, OutboxMessage>(
                "SELECT * FROM outbox WHERE channel = 'sms' ORDER BY created_at DESC, id DESC LIMIT $1",
            )
            .bind(limit)
            .fetch_all(pool)
            .await?)
        })
    }
}
