//! The phone line's storage: calls keyed on the provider's CallSid (so retried webhooks are
//! idempotent), the event log the coordinators see (no personal data), SMS opt-outs, and the
//! on-duty volunteers' phones for live answering.

use crate::{HelpRequest, Result, Store};
use relais_domain::Millis;

/// One line of the coordinators' telephony log.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct TelephonyEvent {
    pub at: Millis,
    pub kind: String,
    pub result: String,
}

impl Store {
    /// The request already made for this call, if a webhook of the same call created one.
    pub async fn call_request(&self, call_sid: &str) -> Result<Option<HelpRequest>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, HelpRequest>(
                "SELECT r.* FROM telephony_calls c JOIN help_requests r ON r.id = c.request_id WHERE c.call_sid = $1",
            )
            .bind(call_sid)
            .fetch_optional(pool)
            .await?)
        })
    }

    /// Remembers that `call_sid` produced `request_id`. A retried webhook that raced the
    /// first one keeps the first link.
    pub async fn link_call(&self, call_sid: &str, request_id: i64, now: Millis) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query(
                "INSERT INTO telephony_calls (call_sid, request_id, created_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (call_sid) DO UPDATE SET request_id = COALESCE(telephony_calls.request_id, excluded.request_id)",
            )
            .bind(call_sid)
            .bind(request_id)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Records the final status and length of a call from the provider's status callback.
    pub async fn record_call_status(&self, call_sid: &str, status: &str, duration_ms: Option<Millis>, now: Millis) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query(
                "INSERT INTO telephony_calls (call_sid, created_at, status, duration_ms) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (call_sid) DO UPDATE SET status = excluded.status, duration_ms = excluded.duration_ms",
            )
            .bind(call_sid)
            .bind(now)
            .bind(status)
            .bind(duration_ms)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Records the talk time of a call a volunteer took live (feeds the staffing forecast).
    pub async fn record_talk_time(&self, call_sid: &str, talk_ms: Millis, now: Millis) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query(
                "INSERT INTO telephony_calls (call_sid, created_at, talk_ms) VALUES ($1, $2, $3) \
                 ON CONFLICT (call_sid) DO UPDATE SET talk_ms = excluded.talk_ms",
            )
            .bind(call_sid)
            .bind(now)
            .bind(talk_ms)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// A CTI call was answered at `now`.
    pub async fn mark_answered(&self, call_sid: &str, now: Millis) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query(
                "INSERT INTO telephony_calls (call_sid, created_at, status, answered_at) VALUES ($1, $2, 'answered', $2) \
                 ON CONFLICT (call_sid) DO UPDATE SET status = 'answered', answered_at = excluded.answered_at",
            )
            .bind(call_sid)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    pub async fn call_answered_at(&self, call_sid: &str) -> Result<Option<Millis>> {
        on_db!(self, read, |pool, _b| {
            let row: Option<(Option<Millis>,)> =
                sqlx::query_as("SELECT answered_at FROM telephony_calls WHERE call_sid = $1").bind(call_sid).fetch_optional(pool).await?;
            Ok(row.and_then(|(a,)| a))
        })
    }

    /// Talk times of live calls that started in `[from, to)`.
    pub async fn talk_times(&self, from: Millis, to: Millis) -> Result<Vec<Millis>> {
        on_db!(self, read, |pool, _b| {
            let rows: Vec<(Millis,)> = sqlx::query_as(
                "SELECT talk_ms FROM telephony_calls WHERE talk_ms > 0 AND created_at >= $1 AND created_at < $2",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            Ok(rows.into_iter().map(|(t,)| t).collect())
        })
    }

    /// Final status, duration and first-seen instant of a call.
    pub async fn call_status(&self, call_sid: &str) -> Result<Option<(Option<String>, Option<Millis>, Millis)>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as("SELECT status, duration_ms, created_at FROM telephony_calls WHERE call_sid = $1")
                .bind(call_sid)
                .fetch_optional(pool)
                .await?)
        })
    }

    /// The open request of this phone number (E.164), if any.
    pub async fn open_request_for_phone(&self, phone: &str) -> Result<Option<HelpRequest>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, HelpRequest>("SELECT * FROM help_requests WHERE phone = $1 AND status <> 'closed'")
                .bind(phone)
                .fetch_optional(pool)
                .await?)
        })
    }

    /// Appends to the telephony log. `kind` and `result` are codes, never personal data.
    /// Returns at once: the line is written by the log's own task, batched with others
    /// (`telephony_log.rs`), so no webhook answer waits for this commit.
    pub async fn log_telephony(&self, kind: &str, result: &str, now: Millis) -> Result<()> {
        self.log.push(now, kind, result);
        Ok(())
    }

    /// Waits until every telephony log line handed over so far is written (at shutdown).
    pub async fn flush_telephony_log(&self) {
        self.log.flush().await;
    }

    pub async fn recent_telephony(&self, limit: i64) -> Result<Vec<TelephonyEvent>> {
        // This instance's lines handed over before this read are in.
        self.log.flush().await;
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, TelephonyEvent>("SELECT at, kind, result FROM telephony_events ORDER BY at DESC, id DESC LIMIT $1")
                .bind(limit)
                .fetch_all(pool)
                .await?)
        })
    }

    /// Opts a number (E.164) out of every further SMS.
    pub async fn opt_out_sms(&self, phone: &str, now: Millis) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query("INSERT INTO sms_opt_outs (phone, at) VALUES ($1, $2) ON CONFLICT (phone) DO NOTHING")
                .bind(phone)
                .bind(now)
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    pub async fn sms_opted_out(&self, phone: &str) -> Result<bool> {
        on_db!(self, read, |pool, _b| {
            let row: Option<(String,)> =
                sqlx::query_as("SELECT phone FROM sms_opt_outs WHERE phone = $1").bind(phone).fetch_optional(pool).await?;
            Ok(row.is_some())
        })
    }

    /// Phones (E.164) of active volunteers on duty who gave one, for live answering.
    pub async fn on_duty_phones(&self) -> Result<Vec<String>> {
        on_db!(self, read, |pool, _b| {
            let rows: Vec<(String,)> = sqlx::query_as(
                "SELECT phone FROM users WHERE on_duty = TRUE AND status = 'active' AND phone IS NOT NULL AND phone <> '' ORDER BY id",
            )
            .fetch_all(pool)
            .await?;
            Ok(rows.into_iter().map(|(p,)| p).collect())
        })
    }
}
