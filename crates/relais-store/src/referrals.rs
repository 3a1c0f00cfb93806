//! Referrals (orientation of a person to a place, issue 6; migration 0009): the row, the
//! place's one-time links (SHA-256 only; used by one conditional UPDATE), the timeline
//! events of the help request (codes only), the outbox messages, and the journal of every
//! display of a referral's personal data. Every change is one transaction: the referral row,
//! its link, its e-mail and its event commit together or not at all. Whether a change is
//! allowed is `relais_domain::referral::apply`'s decision, never this file's.

use crate::outbox::{enqueue_message_in, NewMessage};
use crate::people::token_hash;
use crate::sms_outbox::{enqueue_sms_in, SmsEnqueued};
use crate::{Result, Store, StoreError};
use relais_domain::referral::{self, Actor, Command, LinkPurpose, State};
use relais_domain::Millis;
use serde::Serialize;

/// A stored referral. `first_name`, `need` and `place_email` are `None` once anonymised.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Referral {
    pub id: i64,
    pub request_id: Option<i64>,
    pub place_id: String,
    pub place_name: String,
    #[serde(skip)]
    pub place_email: Option<String>,
    pub topic: String,
    #[serde(skip)]
    pub first_name: Option<String>,
    #[serde(skip)]
    pub need: Option<String>,
    pub consent_at: Millis,
    pub consent_by: i64,
    pub sender_id: i64,
    #[sqlx(try_from = "String")]
    pub state: State,
    pub sent_at: Millis,
    pub expires_at: Millis,
    pub reminded_at: Option<Millis>,
    pub answered_at: Option<Millis>,
    pub finished_at: Option<Millis>,
    pub anonymised_at: Option<Millis>,
    pub version: i64,
}

impl Referral {
    pub fn snapshot(&self) -> referral::Snapshot {
        referral::Snapshot {
            state: self.state,
            sender_id: self.sender_id,
            // Decided at sending time: an anonymised referral is final anyway.
            place_has_email: self.place_email.is_some() || self.anonymised_at.is_some(),
            sent_at: self.sent_at,
            expires_at: self.expires_at,
        }
    }
}

/// A referral to store (see [`Store::create_referral`]).
#[derive(Debug, Clone)]
pub struct NewReferral {
    pub request_id: Option<i64>,
    pub place_id: String,
    pub place_name: String,
    pub place_email: Option<String>,
    pub topic: String,
    pub first_name: Option<String>,
    pub need: Option<String>,
    pub sender_id: i64,
    /// The person's consent, recorded by the sender (`consent_by`) at `consent_at`.
    pub consent_at: Millis,
    pub expires_at: Millis,
    /// The form's nonce: the same form sent twice stores one referral.
    pub form_key: String,
}

/// A one-time link and the e-mail that carries it. The token itself is only in the mail.
#[derive(Debug, Clone)]
pub struct LinkMail {
    pub token: String,
    pub expires_at: Millis,
    pub message: NewMessage,
}

/// A message to the person: `sms` (through the SMS outbox, STOP respected) or `email`.
#[derive(Debug, Clone)]
pub struct PersonMessage {
    pub channel: &'static str,
    pub message: NewMessage,
}

/// What a link's token is, used or not.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkRow {
    pub referral_id: i64,
    pub purpose: String,
    pub expires_at: Millis,
    pub used_at: Option<Millis>,
}

/// What a link can do at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Usable,
    Used,
    Expired,
}

impl LinkRow {
    pub fn state(&self, now: Millis) -> LinkState {
        if self.used_at.is_some() {
            LinkState::Used
        } else if self.expires_at <= now {
            LinkState::Expired
        } else {
            LinkState::Usable
        }
    }
    pub fn purpose(&self) -> Option<LinkPurpose> {
        LinkPurpose::parse(&self.purpose)
    }
}

/// Why a step through a link was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkRefusal {
    Unknown,
    Used,
    Expired,
    /// The link is for the other step (an answer link cannot say "came").
    WrongPurpose,
    Refused(referral::RefusedBecause),
}

/// One line of a partner's "what I sent" page.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct PartnerRequestRow {
    pub request_id: i64,
    pub reference: String,
    pub topic: String,
    pub status: String,
    pub outcome: Option<String>,
    pub created_at: Millis,
    pub closed_at: Option<Millis>,
}

/// A referral waiting for its reminder.
#[derive(Debug, Clone)]
pub struct ReminderTarget {
    pub referral: Referral,
}

const EVENT_SQL: &str = "INSERT INTO request_events (request_id, at, kind, actor_id, detail) VALUES ($1, $2, $3, $4, $5)";

fn actor_id(actor: Actor) -> Option<i64> {
    match actor {
        Actor::Sender(id) | Actor::Coordinator(id) => Some(id),
        Actor::Place | Actor::System => None,
    }
}

/// The columns of [`Referral`], as a literal (sqlx wants static SQL).
macro_rules! cols {
    () => {
        "id, request_id, place_id, place_name, place_email, topic, first_name, need, consent_at, consent_by, \
         sender_id, state, sent_at, expires_at, reminded_at, answered_at, finished_at, anonymised_at, version"
    };
}

/// One step on `$conn` in the caller's transaction: reads the row (locked on PostgreSQL),
/// asks the domain, updates under the version, writes the event, and after a place's
/// acceptance stores the outcome link and queues its e-mail. Evaluates to
/// `Result<Result<Referral, RefusedBecause>, StoreError>`.
macro_rules! step_in {
    ($conn:expr, $backend:expr, $id:expr, $actor:expr, $cmd:expr, $outcome_mail:expr, $now:expr) => {
        async {
            let id: i64 = $id;
            let actor: Actor = $actor;
            let now: Millis = $now;
            let outcome_mail: Option<&LinkMail> = $outcome_mail;
            let sql = if $backend == crate::Backend::Postgres {
                concat!("SELECT ", cols!(), " FROM referrals WHERE id = $1 FOR UPDATE")
            } else {
                concat!("SELECT ", cols!(), " FROM referrals WHERE id = $1")
            };
            let current = sqlx::query_as::<_, Referral>(sql)
                .bind(id)
                .fetch_optional(&mut *$conn)
                .await?
                .ok_or(StoreError::NotFound)?;
            let t = match referral::apply(&current.snapshot(), actor, $cmd, now) {
                Ok(t) => t,
                Err(refused) => return Ok::<_, StoreError>(Err(refused)),
            };
            let answered = matches!(t.next, State::Accepted | State::Refused);
            let updated = sqlx::query_as::<_, Referral>(concat!("UPDATE referrals SET state = $3, version = version + 1, \
                 answered_at = CASE WHEN $4 THEN $5 ELSE answered_at END, \
                 finished_at = CASE WHEN $6 THEN $5 ELSE finished_at END \
                 WHERE id = $1 AND version = $2 RETURNING ", cols!(), ""))
            .bind(id)
            .bind(current.version)
            .bind(t.next.as_str())
            .bind(answered)
            .bind(now)
            .bind(t.next.is_final())
            .fetch_optional(&mut *$conn)
            .await?
            .ok_or(StoreError::Conflict)?;
            if let Some(request_id) = updated.request_id {
                sqlx::query(EVENT_SQL)
                    .bind(request_id)
                    .bind(now)
                    .bind(t.event)
                    .bind(actor_id(actor))
                    .bind(id.to_string())
                    .execute(&mut *$conn)
                    .await?;
            }
            if t.send_outcome_link {
                if let Some(link) = outcome_mail {
                    sqlx::query(
                        "INSERT INTO referral_tokens (token_hash, referral_id, purpose, created_at, expires_at) VALUES ($1, $2, 'outcome', $3, $4)",
                    )
                    .bind(token_hash(&link.token))
                    .bind(id)
                    .bind(now)
                    .bind(link.expires_at)
                    .execute(&mut *$conn)
                    .await?;
                    enqueue_message_in!(&mut *$conn, &link.message, now)?;
                }
            }
            Ok(Ok(updated))
        }
        .await
    };
}

impl Store {
    /// Stores a referral with, in the SAME transaction: the place's answer link and its e-mail
    /// (`place_mail`, when the place has an address), the message to the person if any, and
    /// the `referral_sent` event on the request's timeline. With `holder`, refuses unless that
    /// volunteer holds the request now (`Transition(NotHolder)`; nothing is written then).
    /// The same `form_key` twice: `Duplicate("referral")`, nothing new.
    /// Returns the referral and what became of the person's message.
    pub async fn create_referral(
        &self,
        new: &NewReferral,
        holder: Option<i64>,
        place_mail: Option<&LinkMail>,
        person: Option<&PersonMessage>,
        now: Millis,
    ) -> Result<(Referral, Option<SmsEnqueued>)> {
        on_db!(self, write, |pool, backend| {
            let mut tx = pool.begin().await?;
            if let (Some(request_id), Some(volunteer)) = (new.request_id, holder) {
                crate::write_steps::require_holder_in!(tx, backend, request_id, volunteer).await?;
            }
            let inserted = sqlx::query_as::<_, Referral>(
                "INSERT INTO referrals (request_id, place_id, place_name, place_email, topic, first_name, need, consent_at, \
                 consent_by, sender_id, state, sent_at, expires_at, form_key) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, 'sent', $10, $11, $12) \
                 RETURNING id, request_id, place_id, place_name, place_email, topic, first_name, need, consent_at, consent_by, \
                 sender_id, state, sent_at, expires_at, reminded_at, answered_at, finished_at, anonymised_at, version",
            )
            .bind(new.request_id)
            .bind(&new.place_id)
            .bind(&new.place_name)
            .bind(&new.place_email)
            .bind(&new.topic)
            .bind(&new.first_name)
            .bind(&new.need)
            .bind(new.consent_at)
            .bind(new.sender_id)
            .bind(now)
            .bind(new.expires_at)
            .bind(&new.form_key)
            .fetch_one(&mut *tx)
            .await;
            let row = match inserted {
                Ok(r) => r,
                Err(e) if StoreError::is_unique_violation(&e) => return Err(StoreError::Duplicate("referral")),
                Err(e) if StoreError::is_foreign_key_violation(&e) => return Err(StoreError::UnknownReference("place")),
                Err(e) => return Err(e.into()),
            };
            if let Some(link) = place_mail {
                sqlx::query(
                    "INSERT INTO referral_tokens (token_hash, referral_id, purpose, created_at, expires_at) VALUES ($1, $2, 'answer', $3, $4)",
                )
                .bind(token_hash(&link.token))
                .bind(row.id)
                .bind(now)
                .bind(link.expires_at)
                .execute(&mut *tx)
                .await?;
                enqueue_message_in!(&mut *tx, &link.message, now)?;
            }
            let mut person_result = None;
            if let Some(p) = person {
                person_result = Some(if p.channel == "sms" {
                    enqueue_sms_in!(&mut *tx, &p.message, now)?
                } else if enqueue_message_in!(&mut *tx, &p.message, now)? {
                    SmsEnqueued::Queued
                } else {
                    SmsEnqueued::Known
                });
            }
            if let Some(request_id) = row.request_id {
                // The referral's id only: the place and the person stay in the referral row.
                sqlx::query(EVENT_SQL)
                    .bind(request_id)
                    .bind(now)
                    .bind(State::Sent.event())
                    .bind(new.sender_id)
                    .bind(row.id.to_string())
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok((row, person_result))
        })
    }

    pub async fn referral(&self, id: i64) -> Result<Referral> {
        on_db!(self, read, |pool, _b| {
            sqlx::query_as::<_, Referral>(concat!("SELECT ", cols!(), " FROM referrals WHERE id = $1"))
                .bind(id)
                .fetch_optional(pool)
                .await?
                .ok_or(StoreError::NotFound)
        })
    }

    /// The referral form a nonce stored (after a form sent twice).
    pub async fn referral_by_form_key(&self, key: &str) -> Result<Option<Referral>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, Referral>(concat!("SELECT ", cols!(), " FROM referrals WHERE form_key = $1"))
                .bind(key)
                .fetch_optional(pool)
                .await?)
        })
    }

    /// The referrals of a help request, oldest first.
    pub async fn referrals_of_request(&self, request_id: i64) -> Result<Vec<Referral>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, Referral>(concat!("SELECT ", cols!(), " FROM referrals WHERE request_id = $1 ORDER BY id"))
                .bind(request_id)
                .fetch_all(pool)
                .await?)
        })
    }

    /// Every referral, newest first, in state `state` if given (the coordinators' list).
    pub async fn referrals_recent(&self, state: Option<State>, limit: i64) -> Result<Vec<Referral>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, Referral>(concat!(
                "SELECT ", cols!(), " FROM referrals WHERE ($1 IS NULL OR state = $1) ORDER BY sent_at DESC, id DESC LIMIT $2"
            ))
            .bind(state.map(|s| s.as_str()))
            .bind(limit)
            .fetch_all(pool)
            .await?)
        })
    }

    /// The referrals an account sent, newest first.
    pub async fn referrals_sent_by(&self, sender_id: i64, limit: i64) -> Result<Vec<Referral>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, Referral>(concat!("SELECT ", cols!(), " FROM referrals WHERE sender_id = $1 ORDER BY sent_at DESC, id DESC LIMIT $2"))
            .bind(sender_id)
            .bind(limit)
            .fetch_all(pool)
            .await?)
        })
    }

    /// A link's row by its token (the token is hashed first; it is never stored).
    pub async fn referral_link(&self, token: &str) -> Result<Option<LinkRow>> {
        let hash = token_hash(token);
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, LinkRow>(
                "SELECT referral_id, purpose, expires_at, used_at FROM referral_tokens WHERE token_hash = $1",
            )
            .bind(&hash)
            .fetch_optional(pool)
            .await?)
        })
    }

    /// The place uses its link: the link is marked used by ONE conditional update (unused and
    /// not expired), the step is decided by the domain, the row changes under its version,
    /// the event is written, and after an acceptance the "did the person come?" link and its
    /// e-mail (`outcome_mail`) go in — all in one transaction. Refused: nothing is written,
    /// the link stays as it was.
    pub async fn use_referral_link(
        &self,
        token: &str,
        cmd: Command,
        outcome_mail: Option<&LinkMail>,
        now: Millis,
    ) -> Result<std::result::Result<Referral, LinkRefusal>> {
        let hash = token_hash(token);
        on_db!(self, write, |pool, backend| {
            let mut tx = pool.begin().await?;
            let used: Option<(i64, String)> = sqlx::query_as(
                "UPDATE referral_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 \
                 RETURNING referral_id, purpose",
            )
            .bind(now)
            .bind(&hash)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((referral_id, purpose)) = used else {
                drop(tx);
                let row = self.referral_link(token).await?;
                return Ok(Err(match row.map(|r| r.state(now)) {
                    None => LinkRefusal::Unknown,
                    Some(LinkState::Used) => LinkRefusal::Used,
                    Some(_) => LinkRefusal::Expired,
                }));
            };
            if !LinkPurpose::parse(&purpose).is_some_and(|p| p.allows(cmd)) {
                return Ok(Err(LinkRefusal::WrongPurpose));
            }
            match step_in!(&mut *tx, backend, referral_id, Actor::Place, cmd, outcome_mail, now)? {
                Ok(r) => {
                    tx.commit().await?;
                    Ok(Ok(r))
                }
                Err(refused) => Ok(Err(LinkRefusal::Refused(refused))),
            }
        })
    }

    /// A step recorded by an account (the sender for a place without e-mail, or a
    /// coordinator), in one transaction with its event.
    pub async fn record_referral_step(
        &self,
        id: i64,
        actor: Actor,
        cmd: Command,
        now: Millis,
    ) -> Result<std::result::Result<Referral, referral::RefusedBecause>> {
        on_db!(self, write, |pool, backend| {
            let mut tx = pool.begin().await?;
            let out = step_in!(&mut *tx, backend, id, actor, cmd, None::<&LinkMail>, now)?;
            if out.is_ok() {
                tx.commit().await?;
            }
            Ok(out)
        })
    }

    /// Expires unanswered referrals past their delay (the jobs; idempotent across instances:
    /// each row changes under its version, one instance wins). Returns how many expired.
    pub async fn expire_referrals(&self, now: Millis) -> Result<u64> {
        let due: Vec<(i64,)> = on_db!(self, read, |pool, _b| {
            sqlx::query_as("SELECT id FROM referrals WHERE state = 'sent' AND expires_at <= $1 ORDER BY id LIMIT 500")
                .bind(now)
                .fetch_all(pool)
                .await?
        });
        let mut n = 0;
        for (id,) in due {
            if let Ok(Ok(_)) = self.record_referral_step(id, Actor::System, Command::Expire, now).await.map_err(|e| {
                tracing::warn!(referral = id, error = %e, "referral expiry failed");
            }) {
                n += 1;
            }
        }
        Ok(n)
    }

    /// Unanswered referrals with an address and no reminder yet, not yet expired (the jobs
    /// filter them with `Policy::reminder_due`).
    pub async fn referrals_awaiting_answer(&self, now: Millis) -> Result<Vec<Referral>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, Referral>(concat!("SELECT ", cols!(), " FROM referrals WHERE state = 'sent' AND expires_at > $1 AND reminded_at IS NULL \
                 AND place_email IS NOT NULL ORDER BY id LIMIT 500"))
            .bind(now)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Marks the reminder sent and queues it with a fresh answer link (the first link's token
    /// is not stored, so it cannot be repeated), in one transaction; only the instance whose
    /// conditional update wins writes anything. Returns whether this call sent it.
    pub async fn remind_referral(&self, id: i64, link: &LinkMail, now: Millis) -> Result<bool> {
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            let won = sqlx::query("UPDATE referrals SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL AND state = 'sent'")
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                == 1;
            if !won {
                return Ok(false);
            }
            sqlx::query(
                "INSERT INTO referral_tokens (token_hash, referral_id, purpose, created_at, expires_at) VALUES ($1, $2, 'answer', $3, $4)",
            )
            .bind(token_hash(&link.token))
            .bind(id)
            .bind(now)
            .bind(link.expires_at)
            .execute(&mut *tx)
            .await?;
            enqueue_message_in!(&mut *tx, &link.message, now)?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Erases the personal data of referrals finished before `cutoff` (first name, need, the
    /// place's address at the time) and their links. The state and dates stay for statistics.
    pub async fn anonymise_referrals(&self, cutoff: Millis, now: Millis) -> Result<u64> {
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "DELETE FROM referral_tokens WHERE referral_id IN (SELECT id FROM referrals \
                 WHERE anonymised_at IS NULL AND finished_at IS NOT NULL AND finished_at < $1)",
            )
            .bind(cutoff)
            .execute(&mut *tx)
            .await?;
            let n = sqlx::query(
                "UPDATE referrals SET first_name = NULL, need = NULL, place_email = NULL, anonymised_at = $2 \
                 WHERE anonymised_at IS NULL AND finished_at IS NOT NULL AND finished_at < $1",
            )
            .bind(cutoff)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            Ok(n)
        })
    }

    /// Journals a display of a referral's (or a partner's request's) personal data: to an
    /// account (`user_id`) or to the place through its link (`None`).
    pub async fn record_referral_access(
        &self,
        user_id: Option<i64>,
        referral_id: Option<i64>,
        request_id: Option<i64>,
        action: &str,
        now: Millis,
    ) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query(
                "INSERT INTO referral_access_journal (at, user_id, viewer, referral_id, request_id, action) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(now)
            .bind(user_id)
            .bind(if user_id.is_some() { "user" } else { "place" })
            .bind(referral_id)
            .bind(request_id)
            .bind(action)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// How many journal lines name this referral (tests, audits).
    pub async fn referral_access_count(&self, referral_id: i64) -> Result<i64> {
        on_db!(self, read, |pool, _b| {
            let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM referral_access_journal WHERE referral_id = $1")
                .bind(referral_id)
                .fetch_one(pool)
                .await?;
            Ok(n)
        })
    }

    /// Referrals by state (anonymous counts for the statistics), every state listed.
    pub async fn referral_counts(&self) -> Result<Vec<(State, i64)>> {
        let rows: Vec<(String, i64)> = on_db!(self, read, |pool, _b| {
            sqlx::query_as("SELECT state, COUNT(*) FROM referrals GROUP BY state").fetch_all(pool).await?
        });
        Ok(State::ALL
            .iter()
            .map(|s| (*s, rows.iter().find(|(code, _)| code == s.as_str()).map(|(_, n)| *n).unwrap_or(0)))
            .collect())
    }

    /// Stores a help request a partner sends on behalf of a person (channel `referral`), its
    /// `created` event and the partner's link to it, in ONE transaction.
    pub async fn create_partner_request(
        &self,
        new: &crate::NewHelpRequest,
        partner_id: i64,
        consent_at: Millis,
        now: Millis,
    ) -> Result<crate::HelpRequest> {
        on_db!(self, write, |pool, b| {
            for _ in 0..8 {
                let reference = relais_domain::reference::generate(&mut rand::rng());
                let mut tx = match b {
                    crate::Backend::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await?,
                    crate::Backend::Postgres => pool.begin().await?,
                };
                match crate::write_steps::insert_request!(&mut *tx, new, &reference, now) {
                    Ok(row) => {
                        sqlx::query("INSERT INTO partner_requests (request_id, partner_id, consent_at, created_at) VALUES ($1, $2, $3, $4)")
                            .bind(row.id)
                            .bind(partner_id)
                            .bind(consent_at)
                            .bind(now)
                            .execute(&mut *tx)
                            .await?;
                        tx.commit().await?;
                        return Ok(row);
                    }
                    Err(StoreError::Duplicate("reference")) => continue,
                    Err(e) => return Err(e),
                }
            }
            Err(StoreError::Duplicate("reference"))
        })
    }

    /// The help requests a partner sent, newest first (reference, topic, status, dates).
    pub async fn partner_requests(&self, partner_id: i64, limit: i64) -> Result<Vec<PartnerRequestRow>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, PartnerRequestRow>(
                "SELECT r.id AS request_id, r.reference, r.topic, r.status, r.outcome, r.created_at, r.closed_at \
                 FROM partner_requests p JOIN help_requests r ON r.id = p.request_id \
                 WHERE p.partner_id = $1 ORDER BY p.created_at DESC, r.id DESC LIMIT $2",
            )
            .bind(partner_id)
            .bind(limit)
            .fetch_all(pool)
            .await?)
        })
    }
}
