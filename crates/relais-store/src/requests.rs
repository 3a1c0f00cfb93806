//! Help requests: intake, the atomic claim, lifecycle transitions, the queue and the
//! timeline. Every change writes the row and its timeline events in one transaction.

use crate::{Backend, HelpRequest, NewHelpRequest, Result, Store, StoreError, TimelineEvent, User};
use relais_domain::dispatch::{pick_next, Candidate};
use relais_domain::lifecycle::{apply, Command, Policy};
use relais_domain::request::Status;
use relais_domain::{reference, Millis};
use serde::Serialize;


/// The statements of one intake, run on `$conn` inside the caller's transaction: refuse a
/// second open request for the number, insert the row and its `created` event.
macro_rules! insert_request {
    ($conn:expr, $new:expr, $reference:expr, $now:expr) => {
        async {
            let new: &NewHelpRequest = $new;
            let now: Millis = $now;
            let open: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM help_requests WHERE phone = $1 AND status <> 'closed' LIMIT 1")
                    .bind(&new.phone)
                    .fetch_optional(&mut *$conn)
                    .await?;
            if open.is_some() {
                return Err(StoreError::Duplicate("open_request"));
            }
            let inserted = sqlx::query_as::<_, HelpRequest>(
                "INSERT INTO help_requests (reference, channel, phone, first_name, need, postcode, area, topic, \
                 language, callback_windows, sms_consent, urgency, status, due_at, last_contact_at, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'waiting', $13, $13, $13) RETURNING *",
            )
            .bind($reference)
            .bind(new.channel.as_str())
            .bind(&new.phone)
            .bind(&new.first_name)
            .bind(&new.need)
            .bind(&new.postcode)
            .bind(new.postcode.as_deref().and_then(relais_domain::retention::anonymous_area))
            .bind(&new.topic)
            .bind(&new.language)
            .bind(crate::delimited(&new.callback_windows))
            .bind(new.sms_consent)
            .bind(new.urgency.rank())
            .bind(now)
            .fetch_one(&mut *$conn)
            .await;
            match inserted {
                Ok(row) => {
                    sqlx::query("INSERT INTO request_events (request_id, at, kind) VALUES ($1, $2, 'created')")
                        .bind(row.id)
                        .bind(now)
                        .execute(&mut *$conn)
                        .await?;
                    Ok(row)
                }
                Err(e) if StoreError::is_unique_violation(&e) => {
                    if e.to_string().contains("phone") {
                        Err(StoreError::Duplicate("open_request"))
                    } else {
                        Err(StoreError::Duplicate("reference"))
                    }
                }
                Err(e) if StoreError::is_foreign_key_violation(&e) => Err(StoreError::UnknownReference("topic")),
                Err(e) => Err(e.into()),
            }
        }
        .await
    };
}
pub(crate) use insert_request;

const SELECT_REQUEST: &str = "SELECT * FROM help_requests WHERE id = $1";

/// Languages and topic skills of one volunteer looked at by a claim (more are ignored).
const MAX_LANGUAGES: usize = 8;
const MAX_SKILLS: usize = 8;

/// Candidate queries of the claim, each one index seek (see the queue indexes in the
/// migrations). Together they contain the dispatch rule's pick: the follow-ups kept for this
/// volunteer; for each language they speak, the most urgent then oldest eligible request;
/// and for each (language, skilled topic), the same. Among equally urgent requests a skilled
/// one wins, and the best skilled one is among the per-topic seeks; otherwise the
/// per-language seeks hold the pick. `tests/it/dispatch_sql_matches_domain.rs` checks it.
macro_rules! candidate_sql {
    ($filter:literal, $limit:literal, $lock:literal) => {
        concat!(
            "SELECT id, status, language, topic, urgency, due_at, created_at, preferred_volunteer_id, version \
             FROM help_requests WHERE status = 'waiting' AND due_at <= $2 AND ",
            $filter,
            " ORDER BY urgency DESC, due_at, created_at, id LIMIT ",
            $limit,
            $lock
        )
    };
}
const KEPT_FOR_ME: &str = candidate_sql!("preferred_volunteer_id = $1", "50", "");
const KEPT_FOR_ME_PG: &str = candidate_sql!("preferred_volunteer_id = $1", "50", " FOR UPDATE SKIP LOCKED");
const BEST_IN_LANGUAGE: &str = candidate_sql!(
    "language = $1 AND (preferred_volunteer_id IS NULL OR preferred_volunteer_id = $3 OR due_at + $4 <= $2)",
    "1",
    ""
);
const BEST_IN_LANGUAGE_PG: &str = candidate_sql!(
    "language = $1 AND (preferred_volunteer_id IS NULL OR preferred_volunteer_id = $3 OR due_at + $4 <= $2)",
    "1",
    " FOR UPDATE SKIP LOCKED"
);
const BEST_IN_TOPIC: &str = candidate_sql!(
    "language = $1 AND topic = $5 AND (preferred_volunteer_id IS NULL OR preferred_volunteer_id = $3 OR due_at + $4 <= $2)",
    "1",
    ""
);
const BEST_IN_TOPIC_PG: &str = candidate_sql!(
    "language = $1 AND topic = $5 AND (preferred_volunteer_id IS NULL OR preferred_volunteer_id = $3 OR due_at + $4 <= $2)",
    "1",
    " FOR UPDATE SKIP LOCKED"
);

/// What a claim reads of a waiting request.
#[derive(Debug, Clone, sqlx::FromRow)]
struct CandidateRow {
    id: i64,
    status: String,
    language: String,
    topic: String,
    urgency: i64,
    due_at: Millis,
    created_at: Millis,
    preferred_volunteer_id: Option<i64>,
    version: i64,
}

impl CandidateRow {
    fn to_candidate(&self) -> Option<Candidate> {
        Some(Candidate {
            id: self.id,
            status: self.status.parse().ok()?,
            language: self.language.clone(),
            topic: self.topic.clone(),
            urgency: relais_domain::request::Urgency::from_rank(self.urgency),
            due_at: self.due_at,
            created_at: self.created_at,
            preferred_volunteer_id: self.preferred_volunteer_id,
        })
    }
}

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
            crate::Db::Sqlite { intake, .. } => intake.submit(new.clone(), now).await,
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
        let profile = volunteer.dispatch_profile();
        // On PostgreSQL candidates are locked (skipping rows other claimers hold), so the
        // update below keeps its row; the loop is a safety net, not the normal path.
        for _ in 0..5 {
            let outcome: Option<HelpRequest> = on_db!(self, write, |pool, backend| {
                let pg = backend == Backend::Postgres;
                let mut tx = pool.begin().await?;
                let mut candidates: Vec<CandidateRow> = sqlx::query_as::<_, CandidateRow>(if pg { KEPT_FOR_ME_PG } else { KEPT_FOR_ME })
                    .bind(volunteer.id)
                    .bind(now)
                    .fetch_all(&mut *tx)
                    .await?;
                for language in profile.languages.iter().take(MAX_LANGUAGES) {
                    let best = sqlx::query_as::<_, CandidateRow>(if pg { BEST_IN_LANGUAGE_PG } else { BEST_IN_LANGUAGE })
                        .bind(language)
                        .bind(now)
                        .bind(volunteer.id)
                        .bind(policy.follow_up_reserve)
                        .fetch_optional(&mut *tx)
                        .await?;
                    candidates.extend(best);
                    for topic in profile.topic_skills.iter().take(MAX_SKILLS) {
                        let best = sqlx::query_as::<_, CandidateRow>(if pg { BEST_IN_TOPIC_PG } else { BEST_IN_TOPIC })
                            .bind(language)
                            .bind(now)
                            .bind(volunteer.id)
                            .bind(policy.follow_up_reserve)
                            .bind(topic)
                            .fetch_optional(&mut *tx)
                            .await?;
                        candidates.extend(best);
                    }
                }
                let domain: Vec<Candidate> = candidates.iter().filter_map(CandidateRow::to_candidate).collect();
                let Some(pick) = pick_next(&profile, &domain, now, policy) else {
                    // Nothing fits this volunteer: the transaction ends without a change.
                    return Ok(None);
                };
                let version = candidates.iter().find(|c| c.id == pick.id).map(|c| c.version).unwrap_or_default();
                let row = sqlx::query_as::<_, HelpRequest>(
                    "UPDATE help_requests SET status = 'assigned', volunteer_id = $1, lease_until = $2, version = version + 1 \
                     WHERE id = $3 AND status = 'waiting' AND version = $4 RETURNING *",
                )
                .bind(volunteer.id)
                .bind(now + policy.lease)
                .bind(pick.id)
                .bind(version)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some(r) = &row {
                    sqlx::query("INSERT INTO request_events (request_id, at, kind, actor_id) VALUES ($1, $2, 'claimed', $3)")
                        .bind(r.id)
                        .bind(now)
                        .bind(volunteer.id)
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query("INSERT INTO access_journal (at, user_id, request_id, action) VALUES ($1, $2, $3, 'claim')")
                        .bind(now)
                        .bind(volunteer.id)
                        .bind(r.id)
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await?;
                }
                row
            });
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
        on_db!(self, write, |pool, backend| {
            let select = if backend == Backend::Postgres {
                "SELECT * FROM help_requests WHERE id = $1 FOR UPDATE"
            } else {
                SELECT_REQUEST
            };
            let mut tx = pool.begin().await?;
            let current = sqlx::query_as::<_, HelpRequest>(select)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::NotFound)?;
            let t = apply(&current.snapshot(), cmd, now, policy)?;
            let s = &t.next;
            let updated = sqlx::query_as::<_, HelpRequest>(
                "UPDATE help_requests SET status = $1, volunteer_id = $2, lease_until = $3, due_at = $4, \
                 failed_attempts = $5, preferred_volunteer_id = $6, outcome = $7, first_callback_at = $8, \
                 closed_at = $9, last_contact_at = $10, note = COALESCE($11, note), version = version + 1 \
                 WHERE id = $12 AND version = $13 RETURNING *",
            )
            .bind(s.status.as_str())
            .bind(s.volunteer_id)
            .bind(s.lease_until)
            .bind(s.due_at)
            .bind(s.failed_attempts as i64)
            .bind(s.preferred_volunteer_id)
            .bind(s.outcome.map(|o| o.as_str()))
            .bind(s.first_callback_at)
            .bind(s.closed_at)
            .bind(s.last_contact_at)
            .bind(note.map(str::to_owned))
            .bind(id)
            .bind(current.version)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::Conflict)?;
            for e in &t.events {
                sqlx::query("INSERT INTO request_events (request_id, at, kind, actor_id, detail) VALUES ($1, $2, $3, $4, $5)")
                    .bind(id)
                    .bind(now)
                    .bind(e.kind.as_str())
                    .bind(e.actor_id)
                    .bind(e.detail.clone())
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(updated)
        })
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

