//! Calls placed through the line from the console (migration 0012): one row per "Appeler",
//! its state from the provider's callbacks, and the attempt it records. An attempt (from
//! the console or from a callback), the guard that makes a retried callback record nothing
//! more, and the "we tried to reach you" SMS commit in one transaction.

use crate::{HelpRequest, Result, Store, StoreError};
use relais_domain::lifecycle::{Command, Policy};
use relais_domain::Millis;

/// One call the line placed for a request.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LineCall {
    pub id: i64,
    pub request_id: i64,
    pub volunteer_id: i64,
    pub call_sid: Option<String>,
    pub state: String,
    pub created_at: Millis,
    pub updated_at: Millis,
}

/// The "we tried to reach you" SMS an attempt may queue. The recipient is the request's own
/// number, read in the attempt's transaction; it is queued only when the person consented
/// and the result calls for it (`relais_domain::telephony::callback::tried_sms_due`).
#[derive(Debug, Clone)]
pub struct TriedSms {
    pub subject: String,
    pub body_text: String,
}

/// What an attempt writes besides the transition.
#[derive(Debug, Clone, Default)]
pub struct AttemptExtras {
    /// The line call whose callback reports the attempt, and the state it ends in.
    pub line_call: Option<(i64, &'static str)>,
    pub tried_sms: Option<TriedSms>,
}

/// How long a call that has not ended keeps another "Appeler" from ringing again (a form
/// sent twice must not ring the volunteer twice).
pub const CALL_GUARD_MS: Millis = 90_000;

/// The attempt's statements on `$conn`, inside the caller's transaction. Evaluates to
/// `Result<Option<HelpRequest>>`: `None` when the line call's attempt was already recorded.
macro_rules! attempt_in {
    ($conn:expr, $id:expr, $cmd:expr, $now:expr, $policy:expr, $extras:expr, $pg:expr) => {
        async {
            let id: i64 = $id;
            let now: relais_domain::Millis = $now;
            let extras: &crate::line_calls::AttemptExtras = $extras;
            let cmd: &relais_domain::lifecycle::Command = $cmd;
            if let Some((call, state)) = extras.line_call {
                let done = sqlx::query(
                    "UPDATE line_calls SET attempt_recorded = TRUE, state = $2, updated_at = $3 WHERE id = $1 AND attempt_recorded = FALSE",
                )
                .bind(call)
                .bind(state)
                .bind(now)
                .execute(&mut *$conn)
                .await?
                .rows_affected();
                if done == 0 {
                    return Ok::<Option<crate::HelpRequest>, crate::StoreError>(None);
                }
            }
            let updated = crate::write_steps::transition_in!($conn, id, cmd, now, $policy, None, $pg)?;
            if let (Some(sms), relais_domain::lifecycle::Command::Attempt { result, .. }, Some(phone)) =
                (&extras.tried_sms, cmd, updated.phone.as_ref())
            {
                if relais_domain::telephony::callback::tried_sms_due(*result, updated.sms_consent) {
                    // Keyed on this attempt's event: once per attempt, whatever retries.
                    let (event,): (i64,) =
                        sqlx::query_as("SELECT MAX(id) FROM request_events WHERE request_id = $1 AND kind = 'attempt'")
                            .bind(id)
                            .fetch_one(&mut *$conn)
                            .await?;
                    let msg = crate::outbox::NewMessage {
                        idempotency_key: format!("sms-tried:{id}:{event}"),
                        recipient: phone.clone(),
                        subject: sms.subject.clone(),
                        body_text: sms.body_text.clone(),
                        not_before_ms: now,
                    };
                    crate::sms_outbox::enqueue_sms_in!($conn, &msg, now)?;
                }
            }
            Ok(Some(updated))
        }
        .await
    };
}
pub(crate) use attempt_in;

impl Store {
    /// Records an attempt (`cmd` is `Command::Attempt`), with its extras, in one
    /// transaction. `Ok(None)`: the line call's attempt was recorded before (a retry).
    pub async fn record_attempt(
        &self,
        id: i64,
        cmd: &Command,
        now: Millis,
        policy: &Policy,
        extras: AttemptExtras,
    ) -> Result<Option<HelpRequest>> {
        match &self.db {
            crate::Db::Sqlite { writer, .. } => writer.attempt(id, cmd.clone(), now, policy.clone(), extras).await,
            crate::Db::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                let done = attempt_in!(&mut *tx, id, cmd, now, policy, &extras, true)?;
                tx.commit().await?;
                Ok(done)
            }
        }
    }

    /// Starts a line call for `request_id`, only if `volunteer_id` holds it now
    /// (`Transition(NotHolder)` otherwise) and no other call of it is still going on
    /// (`Duplicate("line_call")`).
    pub async fn start_line_call(&self, request_id: i64, volunteer_id: i64, now: Millis) -> Result<i64> {
        on_db!(self, write, |pool, backend| {
            let mut tx = pool.begin().await?;
            crate::write_steps::require_holder_in!(tx, backend, request_id, volunteer_id).await?;
            let going: Option<(i64,)> = sqlx::query_as(
                "SELECT id FROM line_calls WHERE request_id = $1 AND state IN ('ringing', 'in_progress') AND created_at > $2 LIMIT 1",
            )
            .bind(request_id)
            .bind(now - CALL_GUARD_MS)
            .fetch_optional(&mut *tx)
            .await?;
            if going.is_some() {
                return Err(StoreError::Duplicate("line_call"));
            }
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO line_calls (request_id, volunteer_id, state, created_at, updated_at) VALUES ($1, $2, 'ringing', $3, $3) RETURNING id",
            )
            .bind(request_id)
            .bind(volunteer_id)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(id)
        })
    }

    /// The provider's id of the volunteer's leg, once its REST API answered.
    pub async fn set_line_call_sid(&self, id: i64, call_sid: &str, now: Millis) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query("UPDATE line_calls SET call_sid = COALESCE(call_sid, $2), updated_at = $3 WHERE id = $1")
                .bind(id)
                .bind(call_sid)
                .bind(now)
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    pub async fn line_call(&self, id: i64) -> Result<Option<LineCall>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, LineCall>(
                "SELECT id, request_id, volunteer_id, call_sid, state, created_at, updated_at FROM line_calls WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await?)
        })
    }

    /// The latest line call of a request (the console shows its state).
    pub async fn latest_line_call(&self, request_id: i64) -> Result<Option<LineCall>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, LineCall>(
                "SELECT id, request_id, volunteer_id, call_sid, state, created_at, updated_at FROM line_calls \
                 WHERE request_id = $1 ORDER BY id DESC LIMIT 1",
            )
            .bind(request_id)
            .fetch_optional(pool)
            .await?)
        })
    }

    /// Moves a call from state `from` to `to` (no change if another callback moved it first).
    pub async fn move_line_call(&self, id: i64, from: &str, to: &str, now: Millis) -> Result<bool> {
        on_db!(self, write, |pool, _b| {
            let n = sqlx::query("UPDATE line_calls SET state = $3, updated_at = $4 WHERE id = $1 AND state = $2 AND attempt_recorded = FALSE")
                .bind(id)
                .bind(from)
                .bind(to)
                .bind(now)
                .execute(pool)
                .await?
                .rows_affected();
            Ok(n == 1)
        })
    }

    /// The IVR's SMS consent key: the request's `sms_consent` is set and the confirmation
    /// queued in one transaction.
    pub async fn consent_and_enqueue_sms(
        &self,
        request_id: i64,
        msg: &crate::outbox::NewMessage,
        now: Millis,
    ) -> Result<crate::sms_outbox::SmsEnqueued> {
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE help_requests SET sms_consent = TRUE WHERE id = $1 AND status <> 'closed'")
                .bind(request_id)
                .execute(&mut *tx)
                .await?;
            let done = crate::sms_outbox::enqueue_sms_in!(&mut *tx, msg, now)?;
            tx.commit().await?;
            Ok(done)
        })
    }
}
