//! Help requests: intake, the atomic claim, lifecycle transitions, the queue and the
//! timeline. Every change writes the row and its timeline events in one transaction.

use crate::{HelpRequest, NewHelpRequest, Result, Store, StoreError, TimelineEvent, User};
use relais_domain::lifecycle::{Command, Policy};
use crate::write_steps::{claim_in, insert_request, transition_in, ClaimOutcome};
use relais_domain::request::Status;
use relais_domain::{reference, Millis};
use serde::Serialize;


const SELECT_REQUEST: &str = "SELECT * FROM help_requests WHERE id = $1";

/// A line of the live queue, without personal data.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct QueueItem {
    pub id: i64,
    pub reference: String,
    pub channel: String,
    pub topic: String,
    pub language: String,
    pub urgency: i64,
    pub status: String,
    pub volunteer_id: Option<i64>,
    pub volunteer_name: Option<String>,
    pub lease_until: Option<Millis>,
    pub due_at: Millis,
    pub created_at: Millis,
    pub failed_attempts: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct QueueOverview {
    /// Waiting and due now.
    pub waiting_due: i64,
    /// Waiting for a later time (retry or follow-up).
    pub waiting_later: i64,
    pub assigned: i64,
    /// Age of the oldest due request, in milliseconds.
    pub oldest_wait_ms: Option<Millis>,
    pub on_duty: i64,
    /// Up to `limit` items: assigned first, then due ones in dispatch order.
    pub items: Vec<QueueItem>,
}

/// What the wait estimate is computed from.
#[derive(Debug, Clone, Copy)]
pub struct WaitInputs {
    pub ahead: i64,
    pub first_callbacks_in_window: i64,
}

impl Store {
    /// Stores a new request and its `created` event, and returns once it is committed.
    /// Refuses a second open request for the same phone number
    /// (`StoreError::Duplicate("open_request")`). On SQLite, concurrent intakes share one
    /// commit (see `intake_batch`); on PostgreSQL each has its own transaction.
    pub async fn create_request(&self, new: &NewHelpRequest, now: Millis) -> Result<HelpRequest> {
        match &self.db {
            crate::Db::Sqlite { writer, .. } => writer.intake(new.clone(), now).await,
            crate::Db::Postgres(pool) => {
                for _ in 0..8 {
                    let reference = reference::generate(&mut rand::rng());
                    let mut tx = pool.begin().await?;
                    match insert_request!(&mut *tx, new, &reference, now) {
                        Ok(row) => {
                            tx.commit().await?;
                            return Ok(row);
                        }
                        // A reference collision: draw another one.
                        Err(StoreError::Duplicate("reference")) => continue,
                        Err(e) => return Err(e),
                    }
                }
                Err(StoreError::Duplicate("reference"))
            }
        }
    }

    pub async fn get_request(&self, id: i64) -> Result<HelpRequest> {
        on_db!(self, read, |pool, _b| {
            sqlx::query_as::<_, HelpRequest>(SELECT_REQUEST).bind(id).fetch_optional(pool).await?.ok_or(StoreError::NotFound)
        })
    }

    /// The request with this reference, whatever its phone number: for the public
    /// confirmation page, which must show no personal data from it.
    pub async fn request_by_reference(&self, reference: &str) -> Result<Option<HelpRequest>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, HelpRequest>("SELECT * FROM help_requests WHERE reference = $1")
                .bind(reference)
                .fetch_optional(pool)
                .await?)
        })
    }

    /// The request with this reference, only if `phone` (E.164) is its phone number.
    pub async fn find_by_reference(&self, reference: &str, phone: &str) -> Result<Option<HelpRequest>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, HelpRequest>("SELECT * FROM help_requests WHERE reference = $1 AND phone = $2")
                .bind(reference)
                .bind(phone)
                .fetch_optional(pool)
                .await?)
        })
    }

    /// Gives `volunteer` the next request by the dispatch rule, atomically: under any
    /// concurrency a request is claimed by one volunteer at most. `None` when nothing fits.
    /// The claim, its `claimed` event and the access-journal line commit together.
    ///
    /// A few index seeks gather a small set of candidates that is sure to contain the
    /// rule's pick (see `candidate_sql!`), and `relais_domain::dispatch::pick_next` picks.
    pub async fn claim_next(&self, volunteer: &User, now: Millis, policy: &Policy) -> Result<Option<HelpRequest>> {
        // On PostgreSQL candidates are locked (skipping rows other claimers hold), so the
        // update below keeps its row; the loop is a safety net, not the normal path.
        for _ in 0..5 {
            let outcome: Option<HelpRequest> = match &self.db {
                crate::Db::Sqlite { writer, .. } => {
                    return writer.claim(volunteer.clone(), now, policy.clone()).await;
                }
                crate::Db::Postgres(pool) => {
                    let mut tx = pool.begin().await?;
                    match claim_in!(&mut *tx, volunteer, now, policy, true)? {
                        ClaimOutcome::Claimed(row) => {
                            tx.commit().await?;
                            Some(row)
                        }
                        ClaimOutcome::Empty => return Ok(None),
                        ClaimOutcome::LostRace => None,
                    }
                }
            };
            if outcome.is_some() {
                return Ok(outcome);
            }
            // Lost a race for the picked row: gather candidates again.
        }
        Ok(None)
    }

    /// Applies a lifecycle command to request `id` and stores the result and its events.
    /// `note` (the volunteer's closing note) is kept only when given.
    pub async fn transition(
        &self,
        id: i64,
        cmd: &Command,
        now: Millis,
        policy: &Policy,
        note: Option<&str>,
    ) -> Result<HelpRequest> {
        match &self.db {
            crate::Db::Sqlite { writer, .. } => writer.transition(id, cmd.clone(), now, policy.clone(), note.map(str::to_owned)).await,
            crate::Db::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                let updated = transition_in!(&mut *tx, id, cmd, now, policy, note, true)?;
                tx.commit().await?;
                Ok(updated)
            }
        }
    }

    /// Returns to the queue every request whose lease ran out. Returns how many.
    pub async fn expire_leases(&self, now: Millis, policy: &Policy) -> Result<u64> {
        let ids: Vec<(i64,)> = on_db!(self, read, |pool, _b| {
            sqlx::query_as("SELECT id FROM help_requests WHERE status = 'assigned' AND lease_until <= $1")
                .bind(now)
                .fetch_all(pool)
                .await?
        });
        let mut n = 0;
        for (id,) in ids {
            match self.transition(id, &Command::ExpireLease, now, policy, None).await {
                Ok(_) => n += 1,
                // Renewed or closed meanwhile: nothing to expire.
                Err(StoreError::Transition(_)) | Err(StoreError::Conflict) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(n)
    }

    /// The request's timeline, oldest first, with the names of those who acted.
    pub async fn timeline(&self, id: i64) -> Result<Vec<TimelineEvent>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, TimelineEvent>(
                "SELECT e.id, e.at, e.kind, e.actor_id, u.display_name AS actor_name, e.detail \
                 FROM request_events e LEFT JOIN users u ON u.id = e.actor_id \
                 WHERE e.request_id = $1 ORDER BY e.id",
            )
            .bind(id)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Requests currently held by `volunteer_id`.
    pub async fn held_by(&self, volunteer_id: i64) -> Result<Vec<HelpRequest>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, HelpRequest>(
                "SELECT * FROM help_requests WHERE volunteer_id = $1 AND status = 'assigned' ORDER BY lease_until",
            )
            .bind(volunteer_id)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Requests `volunteer_id` acted on, most recent first (no personal data).
    pub async fn history(&self, volunteer_id: i64, limit: i64) -> Result<Vec<QueueItem>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, QueueItem>(
                "SELECT r.id, r.reference, r.channel, r.topic, r.language, r.urgency, r.status, r.volunteer_id, \
                        NULL AS volunteer_name, r.lease_until, r.due_at, r.created_at, r.failed_attempts \
                 FROM help_requests r \
                 JOIN (SELECT request_id, MAX(id) AS last_event FROM request_events WHERE actor_id = $1 GROUP BY request_id) h \
                   ON h.request_id = r.id \
                 ORDER BY h.last_event DESC LIMIT $2",
            )
            .bind(volunteer_id)
            .bind(limit)
            .fetch_all(pool)
            .await?)
        })
    }

    /// The live queue for coordinators.
    pub async fn queue_overview(&self, now: Millis, limit: i64) -> Result<QueueOverview> {
        on_db!(self, read, |pool, _b| {
            let (waiting_due, waiting_later, assigned, oldest): (i64, i64, i64, Option<i64>) = sqlx::query_as(
                "SELECT \
                   COALESCE(SUM(CASE WHEN status = 'waiting' AND due_at <= $1 THEN 1 ELSE 0 END), 0), \
                   COALESCE(SUM(CASE WHEN status = 'waiting' AND due_at > $1 THEN 1 ELSE 0 END), 0), \
                   COALESCE(SUM(CASE WHEN status = 'assigned' THEN 1 ELSE 0 END), 0), \
                   MIN(CASE WHEN status = 'waiting' AND due_at <= $1 THEN due_at END) \
                 FROM help_requests WHERE status <> 'closed'",
            )
            .bind(now)
            .fetch_one(pool)
            .await?;
            let (on_duty,): (i64,) =
                sqlx::query_as("SELECT COUNT(*) FROM users WHERE on_duty = TRUE AND status = 'active'").fetch_one(pool).await?;
            let items = sqlx::query_as::<_, QueueItem>(
                "SELECT r.id, r.reference, r.channel, r.topic, r.language, r.urgency, r.status, r.volunteer_id, \
                        u.display_name AS volunteer_name, r.lease_until, r.due_at, r.created_at, r.failed_attempts \
                 FROM help_requests r LEFT JOIN users u ON u.id = r.volunteer_id \
                 WHERE r.status = 'assigned' OR (r.status = 'waiting' AND r.due_at <= $1) \
                 ORDER BY CASE WHEN r.status = 'assigned' THEN 0 ELSE 1 END, r.urgency DESC, r.due_at, r.created_at \
                 LIMIT $2",
            )
            .bind(now)
            .bind(limit)
            .fetch_all(pool)
            .await?;
            Ok(QueueOverview {
                waiting_due,
                waiting_later,
                assigned,
                oldest_wait_ms: oldest.map(|d| (now - d).max(0)),
                on_duty,
                items,
            })
        })
    }

    /// Inputs for the wait estimate of `req`: requests served before it (same language,
    /// more urgent or due earlier) and first callbacks made in the pace window.
    pub async fn wait_inputs(&self, req: &HelpRequest, now: Millis) -> Result<WaitInputs> {
        on_db!(self, read, |pool, _b| {
            // Counted up to a cap: past it the wait is long whatever the exact figure, and an
            // uncapped count would scan the whole queue on every intake.
            let (ahead,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM (SELECT 1 FROM help_requests WHERE status = 'waiting' AND language = $1 AND id <> $4 \
                 AND due_at <= $5 AND (urgency > $2 OR (urgency = $2 AND due_at < $3)) LIMIT 1000) AS ahead",
            )
            .bind(&req.language)
            .bind(req.urgency)
            .bind(req.due_at)
            .bind(req.id)
            .bind(now)
            .fetch_one(pool)
            .await?;
            let (recent,): (i64,) =
                sqlx::query_as("SELECT COUNT(*) FROM help_requests WHERE first_callback_at >= $1")
                    .bind(now - relais_domain::wait::PACE_WINDOW)
                    .fetch_one(pool)
                    .await?;
            Ok(WaitInputs { ahead, first_callbacks_in_window: recent })
        })
    }
}



/// Is the status one a person can still cancel?
pub fn is_open(status: Status) -> bool {
    status != Status::Closed
}

