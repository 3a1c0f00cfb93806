//! The statement sequences of the hot writes (intake, claim, lifecycle transition), run on
//! a connection inside the caller's transaction. Each is a macro so that the same SQL runs
//! on a SQLite or a PostgreSQL connection without a generic executor; `$pg` switches the
//! row locks PostgreSQL needs. Callers: `requests.rs` (PostgreSQL, one transaction each)
//! and `sqlite_writer.rs` (SQLite, many per transaction, each in a savepoint).

use crate::HelpRequest;
use relais_domain::dispatch::Candidate;
use relais_domain::Millis;

/// What a claim found.
pub(crate) enum ClaimOutcome {
    Claimed(HelpRequest),
    /// Nothing fits the volunteer.
    Empty,
    /// Another transaction took the picked row first (PostgreSQL only): look again.
    LostRace,
}

/// The statements of one intake, run on `$conn` inside the caller's transaction: refuse a
/// second open request for the number, insert the row and its `created` event.
macro_rules! insert_request {
    ($conn:expr, $new:expr, $reference:expr, $now:expr) => {
        async {
            let new: &crate::NewHelpRequest = $new;
            let now: relais_domain::Millis = $now;
            let open: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM help_requests WHERE phone = $1 AND status <> 'closed' LIMIT 1")
                    .bind(&new.phone)
                    .fetch_optional(&mut *$conn)
                    .await?;
            if open.is_some() {
                return Err(crate::StoreError::Duplicate("open_request"));
            }
            let inserted = sqlx::query_as::<_, crate::HelpRequest>(
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
            let result: Result<crate::HelpRequest, crate::StoreError> = match inserted {
                Ok(row) => {
                    sqlx::query("INSERT INTO request_events (request_id, at, kind) VALUES ($1, $2, 'created')")
                        .bind(row.id)
                        .bind(now)
                        .execute(&mut *$conn)
                        .await?;
                    Ok(row)
                }
                Err(e) if crate::StoreError::is_unique_violation(&e) => {
                    if e.to_string().contains("phone") {
                        Err(crate::StoreError::Duplicate("open_request"))
                    } else {
                        Err(crate::StoreError::Duplicate("reference"))
                    }
                }
                Err(e) if crate::StoreError::is_foreign_key_violation(&e) => Err(crate::StoreError::UnknownReference("topic")),
                Err(e) => Err(e.into()),
            };
            result
        }
        .await
    };
}
pub(crate) use insert_request;

/// Checks, inside the caller's transaction, that `$volunteer` holds request `$request` now
/// (assigned to them): `NotFound` or `Transition(NotHolder)` otherwise, before anything is
/// written. The row is locked on PostgreSQL so a release cannot slip in between; on SQLite
/// the write transaction already excludes other writers.
macro_rules! require_holder_in {
    ($conn:expr, $backend:expr, $request:expr, $volunteer:expr) => {
        async {
            let sql = if $backend == crate::Backend::Postgres {
                "SELECT status, volunteer_id FROM help_requests WHERE id = $1 FOR UPDATE"
            } else {
                "SELECT status, volunteer_id FROM help_requests WHERE id = $1"
            };
            let row: Option<(String, Option<i64>)> = sqlx::query_as(sql).bind($request).fetch_optional(&mut *$conn).await?;
            let (status, held_by) = row.ok_or(crate::StoreError::NotFound)?;
            if status != "assigned" || held_by != Some($volunteer) {
                return Err(crate::StoreError::Transition(relais_domain::lifecycle::TransitionError::NotHolder));
            }
            Ok::<(), crate::StoreError>(())
        }
    };
}
pub(crate) use require_holder_in;


/// The claim: gather candidates by index seeks, let the domain pick, take the row under its
/// version, write the `claimed` event and the access-journal line.
macro_rules! claim_in {
    ($conn:expr, $volunteer:expr, $now:expr, $policy:expr, $pg:expr) => {
        async {
            use crate::write_steps::*;
            let volunteer: &crate::User = $volunteer;
            let now: relais_domain::Millis = $now;
            let policy: &relais_domain::lifecycle::Policy = $policy;
            let pg: bool = $pg;
            let profile = volunteer.dispatch_profile();
            let mut candidates: Vec<CandidateRow> = sqlx::query_as::<_, CandidateRow>(if pg { KEPT_FOR_ME_PG } else { KEPT_FOR_ME })
                .bind(volunteer.id)
                .bind(now)
                .fetch_all(&mut *$conn)
                .await?;
            // Topics this volunteer may take before the widening wait: their skills and the
            // open topics.
            let mut seek_topics: Vec<&String> = profile.topic_skills.iter().take(MAX_SKILLS).collect();
            for open in &policy.open_topics {
                if !seek_topics.contains(&open) {
                    seek_topics.push(open);
                }
            }
            for language in profile.languages.iter().take(MAX_LANGUAGES) {
                let best = sqlx::query_as::<_, CandidateRow>(if pg { BEST_IN_LANGUAGE_PG } else { BEST_IN_LANGUAGE })
                    .bind(language)
                    .bind(now)
                    .bind(volunteer.id)
                    .bind(policy.follow_up_reserve)
                    .bind(now - policy.skill_widen_after)
                    .fetch_optional(&mut *$conn)
                    .await?;
                candidates.extend(best);
                for topic in seek_topics.iter().copied() {
                    let best = sqlx::query_as::<_, CandidateRow>(if pg { BEST_IN_TOPIC_PG } else { BEST_IN_TOPIC })
                        .bind(language)
                        .bind(now)
                        .bind(volunteer.id)
                        .bind(policy.follow_up_reserve)
                        .bind(topic)
                        .fetch_optional(&mut *$conn)
                        .await?;
                    candidates.extend(best);
                }
            }
            let domain: Vec<relais_domain::dispatch::Candidate> = candidates.iter().filter_map(CandidateRow::to_candidate).collect();
            let Some(pick) = relais_domain::dispatch::pick_next(&profile, &domain, now, policy) else {
                return Ok::<ClaimOutcome, crate::StoreError>(ClaimOutcome::Empty);
            };
            let version = candidates.iter().find(|c| c.id == pick.id).map(|c| c.version).unwrap_or_default();
            let row = sqlx::query_as::<_, crate::HelpRequest>(
                "UPDATE help_requests SET status = 'assigned', volunteer_id = $1, lease_until = $2, version = version + 1 \
                 WHERE id = $3 AND status = 'waiting' AND version = $4 RETURNING *",
            )
            .bind(volunteer.id)
            .bind(now + policy.lease)
            .bind(pick.id)
            .bind(version)
            .fetch_optional(&mut *$conn)
            .await?;
            let Some(row) = row else { return Ok(ClaimOutcome::LostRace) };
            sqlx::query("INSERT INTO request_events (request_id, at, kind, actor_id) VALUES ($1, $2, 'claimed', $3)")
                .bind(row.id)
                .bind(now)
                .bind(volunteer.id)
                .execute(&mut *$conn)
                .await?;
            sqlx::query("INSERT INTO access_journal (at, user_id, request_id, action) VALUES ($1, $2, $3, 'claim')")
                .bind(now)
                .bind(volunteer.id)
                .bind(row.id)
                .execute(&mut *$conn)
                .await?;
            Ok(ClaimOutcome::Claimed(row))
        }
        .await
    };
}
pub(crate) use claim_in;

/// A lifecycle transition: read the row (locked on PostgreSQL), let the domain decide,
/// write the row under its version and the events.
macro_rules! transition_in {
    ($conn:expr, $id:expr, $cmd:expr, $now:expr, $policy:expr, $note:expr, $pg:expr) => {
        async {
            let id: i64 = $id;
            let now: relais_domain::Millis = $now;
            let note: Option<&str> = $note;
            let select = if $pg { "SELECT * FROM help_requests WHERE id = $1 FOR UPDATE" } else { "SELECT * FROM help_requests WHERE id = $1" };
            let current = sqlx::query_as::<_, crate::HelpRequest>(select)
                .bind(id)
                .fetch_optional(&mut *$conn)
                .await?
                .ok_or(crate::StoreError::NotFound)?;
            let t = relais_domain::lifecycle::apply(&current.snapshot(), $cmd, now, $policy)?;
            let s = &t.next;
            let updated = sqlx::query_as::<_, crate::HelpRequest>(
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
            .fetch_optional(&mut *$conn)
            .await?
            .ok_or(crate::StoreError::Conflict)?;
            for e in &t.events {
                sqlx::query("INSERT INTO request_events (request_id, at, kind, actor_id, detail) VALUES ($1, $2, $3, $4, $5)")
                    .bind(id)
                    .bind(now)
                    .bind(e.kind.as_str())
                    .bind(e.actor_id)
                    .bind(e.detail.clone())
                    .execute(&mut *$conn)
                    .await?;
            }
            Ok::<crate::HelpRequest, crate::StoreError>(updated)
        }
        .await
    };
}
pub(crate) use transition_in;

/// Languages and topic skills of one volunteer looked at by a claim (more are ignored).
pub(crate) const MAX_LANGUAGES: usize = 8;
pub(crate) const MAX_SKILLS: usize = 8;

/// Candidate queries of the claim, each one index seek (see the queue indexes in the
/// migrations). Together they contain the dispatch rule's pick: the follow-ups kept for this
/// volunteer; for each language they speak, the most urgent then oldest request that has
/// waited past the skill-widening time (`$5`); and for each (language, skilled or open
/// topic), the most urgent then oldest eligible request. A skilled or open-topic pick is the
/// first of its per-topic seek; an unskilled pick is widened and nothing widened in its
/// language ranks before it (a skilled one that did would be the pick), so it is the first
/// of its per-language seek. `tests/it/dispatch_sql_matches_domain.rs` checks it.
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
pub(crate) const KEPT_FOR_ME: &str = candidate_sql!("preferred_volunteer_id = $1", "50", "");
pub(crate) const KEPT_FOR_ME_PG: &str = candidate_sql!("preferred_volunteer_id = $1", "50", " FOR UPDATE SKIP LOCKED");
pub(crate) const BEST_IN_LANGUAGE: &str = candidate_sql!(
    "language = $1 AND due_at <= $5 AND (preferred_volunteer_id IS NULL OR preferred_volunteer_id = $3 OR due_at + $4 <= $2)",
    "1",
    ""
);
pub(crate) const BEST_IN_LANGUAGE_PG: &str = candidate_sql!(
    "language = $1 AND due_at <= $5 AND (preferred_volunteer_id IS NULL OR preferred_volunteer_id = $3 OR due_at + $4 <= $2)",
    "1",
    " FOR UPDATE SKIP LOCKED"
);
pub(crate) const BEST_IN_TOPIC: &str = candidate_sql!(
    "language = $1 AND topic = $5 AND (preferred_volunteer_id IS NULL OR preferred_volunteer_id = $3 OR due_at + $4 <= $2)",
    "1",
    ""
);
pub(crate) const BEST_IN_TOPIC_PG: &str = candidate_sql!(
    "language = $1 AND topic = $5 AND (preferred_volunteer_id IS NULL OR preferred_volunteer_id = $3 OR due_at + $4 <= $2)",
    "1",
    " FOR UPDATE SKIP LOCKED"
);

/// What a claim reads of a waiting request.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct CandidateRow {
    pub(crate) id: i64,
    status: String,
    language: String,
    topic: String,
    urgency: i64,
    due_at: Millis,
    created_at: Millis,
    preferred_volunteer_id: Option<i64>,
    pub(crate) version: i64,
}

impl CandidateRow {
    pub(crate) fn to_candidate(&self) -> Option<Candidate> {
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

